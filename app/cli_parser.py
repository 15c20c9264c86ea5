"""The command line's arguments (ARCHITECTURE.md section 6), apart from the commands' work.

Light on purpose: the program parses its arguments before it knows whether
it opens the window, and the window must show before SQLAlchemy and pandas load.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app import __version__
from app.domain.calls import CALL_FORMATS, FeedFormat
from app.domain.service_level import SlDefinition

DEFAULT_POLL_SECONDS = 15.0
LANGS = ("zh_CN", "en")
COMMANDS = ("demo", "feed", "report", "handover", "agenda", "backup", "restore", "audit")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL (default: HANDOVER_DB_URL, else the SQLite file in the user data folder)")
    parser = argparse.ArgumentParser(
        prog="handover-console",
        description="Shift Handover Console: service level, shift sheet and handover for call-center supervisors.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"handover-console {__version__}")
    parser.add_argument("--lang", choices=LANGS, default=None, help="language of the interface")
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="render every view to DIR/<view>.png and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="build the demo database (today's calls) and show it")
    demo.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    demo.add_argument("--no-window", action="store_true", help="print today's report and exit without opening the window")

    feed = sub.add_parser("feed", help="ACD feeds").add_subparsers(dest="feed_command", metavar="ACTION", required=True)
    imp = feed.add_parser("import", parents=[common], help="import a feed file into a source")
    imp.add_argument("path", type=Path)
    imp.add_argument("--format", required=True, choices=[f.value for f in FeedFormat])
    imp.add_argument("--source", required=True, metavar="NAME")
    imp.add_argument("--site", metavar="NAME", help="site of a new source (created with --tz if it does not exist)")
    imp.add_argument("--threshold", type=float, metavar="SECONDS", help="service-level threshold T (default 20)")
    imp.add_argument("--tz", metavar="ZONE", help="IANA zone of the file's wall-clock times (default: the site's)")
    imp.add_argument("--sl-definition", choices=[d.value for d in SlDefinition])
    imp.add_argument("--mapping", type=Path, metavar="FILE", help="TOML mapping of another vendor's call export")
    watch = feed.add_parser("watch", parents=[common], help="follow a live feed file, importing what is appended")
    watch.add_argument("path", type=Path)
    watch.add_argument("--format", required=True, choices=[f.value for f in CALL_FORMATS])
    watch.add_argument("--source", required=True, metavar="NAME")
    watch.add_argument("--interval", type=_positive(float), default=DEFAULT_POLL_SECONDS, metavar="S",
                       help=f"seconds between polls (default {DEFAULT_POLL_SECONDS:g})")
    watch.add_argument("--polls", type=_positive(int), metavar="N", help="stop after N polls (default: until Ctrl-C)")

    report = sub.add_parser("report", help="reports").add_subparsers(dest="report_command", metavar="REPORT", required=True)
    rep = report.add_parser("intervals", parents=[common], help="half-hourly figures of one local date")
    rep.add_argument("--source", required=True, metavar="NAME")
    rep.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD")
    rep.add_argument("--queue", metavar="NAME", help="one queue, or '*' for the total over all queues")
    rep.add_argument("--format", dest="output", choices=("table", "json", "csv"), default="table")

    handover = sub.add_parser("handover", help="shift handovers").add_subparsers(
        dest="handover_command", metavar="ACTION", required=True)
    hrep = handover.add_parser("report", parents=[common], help="print the handover report of a shift to a PDF file")
    hrep.add_argument("--site", required=True, metavar="NAME", help="the site's name")
    hrep.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the day the outgoing shift starts")
    hrep.add_argument("--shift", required=True, metavar="NAME", help="the outgoing shift's name")
    hrep.add_argument("--pdf", required=True, type=Path, metavar="OUT.pdf")
    hrep.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)

    agenda = sub.add_parser("agenda", parents=[common],
                            help="print the pre-shift meeting's agenda of a shift to a PDF file")
    agenda.add_argument("--site", required=True, metavar="NAME", help="the site's name")
    agenda.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the day the shift starts")
    agenda.add_argument("--shift", required=True, metavar="NAME", help="the shift's name")
    agenda.add_argument("--pdf", required=True, type=Path, metavar="OUT.pdf")
    agenda.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS,
                        help="language of the printed page's words (default: the language the agenda was prepared "
                             "in; English for one built now); the agenda's content stays as written")

    backup = sub.add_parser("backup", parents=[common],
                            help="copy the SQLite database now (online backup) into the backups/ folder beside it")
    backup.add_argument("--to", type=Path, metavar="FOLDER", help="write the backup into FOLDER instead")
    backup.add_argument("--keep", type=_positive(int), metavar="N",
                        help="keep the newest N regular backups there, deleting older ones (default 14)")
    restore = sub.add_parser("restore", parents=[common],
                             help="replace the SQLite database by a backup of it (the database replaced is backed "
                                  "up first); close every console on it first")
    restore.add_argument("file", type=Path, metavar="FILE", help="a backup made by this application")

    purge = sub.add_parser("purge-callers", parents=[common],
                           help="clear the caller numbers of calls older than the site's retention (default 90 "
                                "days; the interval figures stay)")
    purge.add_argument("--site", metavar="NAME", help="the site's name (default: the first site)")
    purge.add_argument("--days", type=_positive(int), metavar="N",
                       help="set the site's retention to N days first (kept for the window's hourly purge too)")

    audit = sub.add_parser("audit", help="the audit trail of every write").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True)
    audit.add_parser("verify", parents=[common],
                     help="check the audit trail's hash chain, the rows it wrote and the seals of the signed "
                          "handovers; one line per problem, exit status 1 when any is found")
    return parser


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"{text!r} is not above 0")
        return value

    return parse


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None
