"""The command line (ARCHITECTURE.md section 6): parses, calls services, prints.

Exit status 0 when the command did its work, 2 for bad arguments, an
unusable file or an unknown source, with one clear line on stderr.
"""

from __future__ import annotations

import csv
import io
import json
import queue
import sys
from datetime import date, datetime, timezone

from app.domain.calls import FeedFormat
from app.domain.errors import AppError
from app.domain.intervals import zone
from app.domain.service_level import SlDefinition
from app.services.console import Console
from app.services.demo import DEMO_PIN, build_demo
from app.cli_parser import build_parser
from app.services.imports import ImportRequest, ImportSummary, import_feed
from app.services.lane import Lane
from app.services.live import PollResult, add_live_source
from app.services.scheduler import Scheduler
from app.services.reports import ALL_QUEUES, REPORT_FIELDS, IntervalReportRow, interval_report

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_TAMPERED = 1  # audit verify: the trail or a signed handover was changed behind the application's back


def main(argv: list[str] | None = None, db_url: str | None = None) -> int:
    args = build_parser().parse_args(argv)
    url = getattr(args, "db", None) or db_url
    try:
        if args.command == "demo":
            return _demo(getattr(args, "lang", None) or "en")
        if args.command == "feed":
            with Console.open(url) as console:
                if args.feed_command == "watch":
                    return feed_watch(console, args)
                return _import(console, args)
        if args.command == "report":
            with Console.open(url) as console:
                return _report(console, args)
        if args.command == "handover":
            with Console.open(url) as console:
                return _handover_report(console, args)
        if args.command == "agenda":
            with Console.open(url) as console:
                return _agenda(console, args)
        if args.command == "backup":
            return _backup(url, args)
        if args.command == "restore":
            return _restore(url, args)
        if args.command == "purge-callers":
            with Console.open(url) as console:
                return _purge_callers(console, args)
        if args.command == "audit":
            with Console.open(url) as console:
                return _audit_verify(console)
    except AppError as exc:
        print(f"handover-console: error: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    build_parser().print_help()
    return EXIT_USAGE


def _purge_callers(console: Console, args) -> int:
    """`purge-callers`: set the site's retention (--days) and clear the caller numbers older than it."""
    import getpass

    from app.domain.errors import UnknownSiteError
    from app.services import privacy
    from app.services.sources import list_sites

    site_id = None
    if args.site:
        site = next((s for s in list_sites(console) if s.name == args.site), None)
        if site is None:
            raise UnknownSiteError(args.site)
        site_id = site.id
    now = datetime.now(timezone.utc)
    if args.days is not None:
        privacy.set_caller_retention(console, args.days, getpass.getuser() or "command line", now, site_id)
    done = privacy.purge_callers(console, now, site_id)
    print(f"Caller numbers kept {done.days} days at {done.site}: cleared on {done.calls:,} calls and "
          f"{done.lines:,} rejected feed lines from before {done.before:%Y-%m-%d %H:%M} UTC; "
          f"{done.reports:,} report file{'s' if done.reports != 1 else ''} of rejected lines deleted")
    return EXIT_OK


def _import(console: Console, args) -> int:
    request = ImportRequest(
        path=args.path,
        format=FeedFormat(args.format),
        source=args.source,
        site=args.site,
        threshold_seconds=args.threshold,
        tz=args.tz,
        sl_definition=SlDefinition(args.sl_definition) if args.sl_definition else None,
        mapping=args.mapping,
    )
    print(format_summary(import_feed(console, request)))
    return EXIT_OK


def format_summary(s: ImportSummary) -> str:
    made = " (new source)" if s.source_created else ""
    lines = [f"Imported {s.path} ({s.format}) into source {s.source!r}{made}, site {s.site!r}"]
    if s.site_created:
        lines.append(f"  site {s.site!r} was created")
    lines.append(f"  lines read      {s.lines_read:>10,}")
    if s.vendor_rule:
        lines.append(f"  intervals       {s.intervals_written:>10,}   new {s.new:,}, replaced {s.known:,}")
        lines.append(f"  vendor rule     {s.vendor_rule}")
        if s.missing_columns:
            lines.append(f"  not in the report (unknown, not 0): {', '.join(s.missing_columns)}")
    else:
        lines.append(f"  calls imported  {s.calls:>10,}   new {s.new:,}, already known {s.known:,}, updated {s.updated:,}")
    ignored = ", ".join(f"{why} {n:,}" for why, n in sorted(s.ignored.items()))
    lines.append(f"  ignored         {sum(s.ignored.values()):>10,}" + (f"   {ignored}" if ignored else ""))
    if not s.vendor_rule:
        lines.append(f"  waiting         {s.waiting:>10,}")
    if s.agent_events:
        lines.append(f"  agent events    {s.agent_events:>10,}   new (log-ins, pauses, member changes)")
    lines.append(f"  rejected        {s.rejected:>10,}")
    if s.settings_change:
        c = s.settings_change
        lines.append(
            f"  settings changed: threshold {c.before.threshold_seconds:g} s -> {c.after.threshold_seconds:g} s, "
            f"definition {c.before.definition.value} -> {c.after.definition.value}; "
            f"{c.intervals_recomputed:,} intervals recomputed from the stored calls"
        )
    for r in s.first_rejected:
        lines.append(f"    line {r.line_no}: {r.reason}")
    if s.rejected > len(s.first_rejected):
        lines.append(f"    ... and {s.rejected - len(s.first_rejected):,} more")
    if s.report_path:
        lines.append(f"  all rejected lines: {s.report_path}")
    return "\n".join(lines)


def feed_watch(console: Console, args) -> int:
    """`feed watch`: poll the file on the scheduler, one line per poll, until N polls or Ctrl-C."""
    added = add_live_source(console, ImportRequest(path=args.path, format=FeedFormat(args.format), source=args.source))
    src = added.source
    made = " (new source)" if added.source_created else ("" if added.restarted else f", from offset {added.position.offset:,}")
    every = "" if args.polls is None else f", {args.polls} poll{'s' if args.polls > 1 else ''}"
    print(f"Watching {src.path} ({src.format}) as source {src.name!r}{made}, site {src.site.name!r}, "
          f"every {args.interval:g} s{every}; Ctrl-C stops", flush=True)
    results: queue.Queue = queue.Queue()
    lane = Lane()
    scheduler = Scheduler(lane)
    scheduler.poll_every(console, src.name, args.interval, results.put, results.put, times=args.polls)
    done = failed = 0
    try:
        scheduler.start()
        while args.polls is None or done < args.polls:
            try:
                item = results.get(timeout=0.5)  # a timeout, so Ctrl-C is seen on every platform
            except queue.Empty:
                continue
            done += 1
            if isinstance(item, PollResult):
                print(format_poll(item), flush=True)
            else:
                failed += 1
                message = item.message if isinstance(item, AppError) else f"{type(item).__name__}: {item}"
                print(f"{datetime.now().strftime('%Y-%m-%d %H:%M:%S')}  poll failed: {message}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print(f"stopped after {done} poll{'' if done == 1 else 's'}", file=sys.stderr)
    finally:
        scheduler.shutdown()
        lane.shutdown()
    return EXIT_USAGE if done and failed == done else EXIT_OK


def format_poll(r: PollResult) -> str:
    """One line per poll: local time, lines read, new calls, waiting, rejected, offset."""
    at = r.polled_at.astimezone(zone(r.timezone)).strftime("%Y-%m-%d %H:%M:%S")
    if r.held_by:
        return f"{at}  polled by another desk (its lease runs); nothing read  offset {r.offset:,}"
    flags = "".join(f"  {name}" for name, on in (("rotated", r.rotated), ("truncated", r.truncated)) if on)
    return (
        f"{at}  lines {r.lines_read:,}  new {r.new:,}  updated {r.updated:,}  waiting {r.waiting:,}  "
        f"rejected {r.rejected:,}  offset {r.offset:,}{flags}"
    )


def _report(console: Console, args) -> int:
    rows = interval_report(console, args.source, args.date, args.queue)
    if args.output == "json":
        print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=1))
    elif args.output == "csv":
        print(report_csv(rows), end="")
    else:
        print(report_table(rows, args.date))
    return EXIT_OK


def report_csv(rows: tuple[IntervalReportRow, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.as_dict().items()})
    return out.getvalue()


def _num(value: float | None, fmt: str = "{:.1f}") -> str:
    return "-" if value is None else fmt.format(value)


def _count(value: int | None) -> str:
    return "-" if value is None else str(value)


def report_table(rows: tuple[IntervalReportRow, ...], day: date) -> str:
    if not rows:
        return f"No covered interval on {day.isoformat()}."
    head = ("interval", "queue", "offered", "answ", "aband", "other", "wait", "in T", "SL %", "ASA s", "AHT s", "max s")
    body = []
    for r in rows:
        f = r.figures
        body.append((
            r.interval_start_local[11:16], r.queue, _count(f.offered), _count(f.answered), _count(f.abandoned),
            _count(f.other), _count(f.waiting), _count(f.answered_within), _num(r.service_level), _num(f.asa_seconds),
            _num(f.aht_seconds), _num(f.max_wait_seconds, "{:.0f}"),
        ))
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    first = rows[0]
    t = "mixed" if first.threshold_seconds is None else f"{first.threshold_seconds:g} s"
    title = (
        f"{first.source} · {day.isoformat()} (local time {first.interval_start_local[19:]}) · "
        f"service level '{first.sl_definition.value}', threshold {t}"
    )

    def fmt(cells) -> str:
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    lines = [title] + ([f"({first.vendor_rule})"] if first.vendor_rule else []) + [fmt(head)]
    return "\n".join(lines + [fmt(b) for b in body])


def _handover_report(console: Console, args) -> int:
    """`handover report`: the handover of the outgoing shift to a PDF (a draft: its figures as of now, unsigned)."""
    from app.services.handover import find_handover, with_live_snapshot

    found = find_handover(console, args.site, args.date, args.shift)
    if found is None:
        print(f"handover-console: error: no handover of the shift {args.shift!r} of {args.date.isoformat()} "
              f"at the site {args.site!r}", file=sys.stderr)
        return EXIT_USAGE
    from app.printing.handover_report import print_report_pdf, report_words
    from app.printing.offscreen import prepare

    family = prepare(getattr(args, "lang", None))
    now = datetime.now(timezone.utc)
    handover = with_live_snapshot(console, found, now)
    from dataclasses import replace

    from app.domain.privacy import masked_snapshot

    # Customer numbers masked, as in the window's prints (only a supervisor in the window may show them whole).
    pages = print_report_pdf(replace(handover, snapshot=masked_snapshot(handover.snapshot)), args.pdf, family,
                             report_words(), now)
    state = {"draft": "a draft, not signed: its figures as of now",
             "outgoing_signed": "signed by the outgoing supervisor", "signed": "signed by both"}[handover.status.value]
    print(f"Handover report of {args.shift} {args.date.isoformat()} at {handover.site_name} ({state}): "
          f"{args.pdf}, {pages} page{'s' if pages != 1 else ''}")
    if not handover.verified:
        print("warning: the stored snapshot no longer matches its checksum (changed after signing)", file=sys.stderr)
    return EXIT_OK


def _agenda(console: Console, args) -> int:
    """`agenda`: the prepared agenda of the shift to a PDF, or one built now when none was prepared (nothing is
    stored). The page's own words are in --lang, else in the language the agenda was written in; what the
    supervisor wrote stays as written."""
    from app.services.meetings import agenda_for_print

    chosen = getattr(args, "lang", None)
    now = datetime.now(timezone.utc)
    agenda, prepared = agenda_for_print(console, args.site, args.date, args.shift, now, chosen)
    language = chosen or agenda.language
    from app.printing.agenda import agenda_words, print_agenda_pdf
    from app.printing.offscreen import prepare

    family = prepare(language)
    pages = print_agenda_pdf(agenda, args.pdf, family, agenda_words(), agenda.site_name, now)
    state = (f"prepared by {agenda.saved_by}, revision {agenda.revision}" if prepared
             else "none was prepared: built now from the shift's data")
    written = f", written in {agenda.language}" if agenda.language != language else ""
    print(f"Agenda of {agenda.shift_name} {agenda.day.isoformat()} at {agenda.site_name} ({state}; "
          f"printed in {language}{written}): {args.pdf}, {pages} page{'s' if pages != 1 else ''}")
    return EXIT_OK


def _backup(url: str | None, args) -> int:
    """`backup`: the SQLite database copied now (no migration, no console opened); the file written first."""
    from app.services import backup

    keep = backup.KEEP_REGULAR if args.keep is None else args.keep
    made = backup.backup_now(url, args.to, keep)
    print(f"Backup written: {made.path}")
    kept = "the newest backup is" if made.keep == 1 else f"the newest {made.keep} backups are"
    print(f"  of the database {made.database}; {kept} kept in {made.path.parent}")
    for path in made.removed:
        print(f"  removed the older backup {path.name}")
    return EXIT_OK


def _restore(url: str | None, args) -> int:
    """`restore FILE`: the database replaced by a backup, after a backup of it."""
    from app.services import backup

    done = backup.restore(args.file, url)
    print(f"Restored {done.source} into {done.database} (schema revision {done.revision})")
    if done.previous is not None:
        print(f"  the database it replaced is kept in {done.previous} (restore that file to undo)")
    if done.migrates_on_open:
        print(f"  its schema is migrated from revision {done.revision} to {done.head} when the console next opens it")
    return EXIT_OK


def _audit_verify(console: Console) -> int:
    """`audit verify`: one line per problem (table, row, what is wrong), then a summary; exit 1 when tampered."""
    from app.services.audit import verify_trail

    report = verify_trail(console)
    for finding in report.findings:
        print(finding.line())
    checked = (f"{report.records:,} audit records, {report.rows_compared:,} rows compared with the trail, "
               f"{report.handovers_checked:,} signed handovers")
    if report.intact:
        print(f"Audit trail intact: {checked}")
        return EXIT_OK
    where = "" if report.first_break is None else f"; the chain first breaks at record {report.first_break}"
    found = len(report.findings)
    print(f"TAMPERING FOUND: {found} problem{'s' if found != 1 else ''} in {checked}{where}")
    return EXIT_TAMPERED


def _demo(lang: str) -> int:
    built = build_demo(lang)
    s = built.summary
    print(f"Demo database: {built.db_url}")
    print(f"Site {built.site!r}, source {built.source!r}: {s.calls:,} calls of today ({built.today}) so far, "
          f"{s.waiting:,} waiting")
    h, days = built.history, built.history_days
    print(f"Earlier weeks: {h.calls:,} calls on the same weekday of the {len(days)} weeks before "
          f"({', '.join(d.isoformat() for d in days)}), for the staffing forecast and last week's comparison")
    print(f"Live feed: {built.feed_path} (Asterisk queue_log: the earlier weeks, then today; the window appends "
          f"today's calls as the clock reaches them)")
    sheet = built.sheet
    print(f"Shift sheet: {sheet.agents} agents, {sheet.roster_entries} roster entries, {sheet.notices} business notices; "
          f"imported from {sheet.agents_file} and {sheet.roster_file}; every demo supervisor's PIN is {DEMO_PIN}")
    floor = built.floor
    print(f"Seat map: {floor.seats} seats in three zones (from {floor.layout_file}), {floor.seated} agents seated "
          f"on the shift running now")
    with Console.open(built.db_url) as console:
        rows = interval_report(console, built.source, date.fromisoformat(built.today), ALL_QUEUES)
    print(report_table(rows, date.fromisoformat(built.today)))
    return EXIT_OK
