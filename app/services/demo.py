"""Use case: build the demo database, a newcomer's first look.

The demo lives in its own SQLite file in the user data folder, never in the
user's real database. Its site takes the machine's time zone; its feed is a
real day of calls (resources/demo/) re-dated to today, cut at the present
time so the console looks live, and imported through the same importer a
real feed uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app import paths
from app.domain.calls import FeedFormat
from app.domain.intervals import zone
from app.services.console import Console, machine_zone
from app.services.imports import ImportRequest, ImportSummary, import_feed

DEMO_SOURCE = "demo-acd"
DEMO_DAY_FILE = "anonymous-bank-1999-01-04.txt"
SITE_NAMES = {"zh_CN": "演示呼叫中心（一楼）", "en": "Demo contact centre (floor 1)"}


@dataclass(frozen=True)
class DemoBuilt:
    db_url: str
    site: str
    source: str
    today: str
    summary: ImportSummary


def site_name(lang: str) -> str:
    return SITE_NAMES.get(lang, SITE_NAMES["en"])


def build_demo(lang: str = "en", now: datetime | None = None, db_path: Path | None = None) -> DemoBuilt:
    """Create the demo database afresh (replacing an older demo) and return what it holds."""
    tz_name = machine_zone()
    tz = zone(tz_name)
    now = (now or datetime.now(tz)).astimezone(tz)
    db_path = db_path or paths.demo_db_path()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    feed = _dated_copy(now, tz, db_path.parent / "demo-feed")
    url = f"sqlite:///{db_path}"
    console = Console.open(url, default_site=(site_name(lang), tz_name))
    try:
        summary = import_feed(
            console,
            ImportRequest(path=feed, format=FeedFormat.ANONYMOUS_BANK, source=DEMO_SOURCE, tz=tz_name),
        )
    finally:
        console.close()
    return DemoBuilt(url, summary.site, DEMO_SOURCE, now.date().isoformat(), summary)


def _dated_copy(now: datetime, tz: ZoneInfo, folder: Path) -> Path:
    """The demo day re-dated to today, with the calls that have arrived by `now`."""
    folder.mkdir(parents=True, exist_ok=True)
    source = paths.resources_dir() / "demo" / DEMO_DAY_FILE
    lines = source.read_bytes().decode("ascii").split("\r\n")
    today = now.strftime("%y%m%d")
    # Just after midnight the day has hardly begun; keep its first half hour
    # so the demo is never empty.
    seconds_now = max(now.hour * 3600 + now.minute * 60 + now.second, 1800)
    kept = [lines[0]]
    for line in lines[1:]:
        fields = line.split("\t")
        if len(fields) < 8:
            continue
        h, m, s = (int(x) for x in fields[6].split(":"))
        if h * 3600 + m * 60 + s > seconds_now:
            continue
        fields[5] = today
        kept.append("\t".join(fields))
    out = folder / f"demo-acd-{now.date().isoformat()}.txt"
    out.write_bytes(("\r\n".join(kept) + "\r\n").encode("ascii"))
    return out
