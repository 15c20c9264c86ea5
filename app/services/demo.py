"""Use case: build the demo database, a newcomer's first look.

The demo lives in its own SQLite file in the user data folder, never in the
user's real database. Its site takes the machine's time zone; its feed is a
live Asterisk queue_log in the user data folder, made from a real day of
calls (resources/demo/) dated to today after the same weekday of the four
weeks before (`app.services.demo_feed`), so the staffing forecast and last
week's comparison have their history. The lines whose time has come are
written at once and imported through the same live poll a real feed uses, in
two polls: the earlier weeks (up to today's midnight), then today up to now
(the poll `DemoBuilt.summary` reports); `demo_feed_tick` appends the others
as the clock reaches them (the window's scheduler calls it every few seconds,
and polls the source; `feed watch` can follow the same file).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from app import paths
from app.domain.calls import FeedFormat
from app.domain.intervals import zone
from app.services.console import Console, machine_zone
from app.services.demo_handover import DemoHandover, build_demo_handover
from app.services.demo_playbooks import DemoPlaybooks, build_demo_playbooks
from app.services.demo_roster import DEMO_PIN, SUPERVISORS, DemoSheet, build_demo_sheet
from app.services.demo_seating import DemoFloor, build_demo_floor
from app.services.demo_worklog import DemoLog, build_demo_log
from app.services.demo_feed import (
    DEMO_DAY_FILE,
    DemoTick,
    demo_cut,
    demo_feed_tick,
    history_days,
    local_midnight,
    write_day,
)
from app.services.import_common import ImportRequest
from app.services.live import PollResult, add_live_source, poll

__all__ = ["DEMO_DAY_FILE", "DEMO_PIN", "DEMO_SOURCE", "DemoBuilt", "DemoHandover", "DemoLog", "DemoPlaybooks", "DemoTick",
           "build_demo", "demo_feed_tick", "load_demo_feed", "site_name"]

DEMO_SOURCE = "demo-acd"
SITE_NAMES = {"zh_CN": "演示呼叫中心（一楼）", "en": "Demo contact centre (floor 1)"}


@dataclass(frozen=True)
class DemoBuilt:
    """The demo database and its live feed.

    summary -- the poll of today's lines up to now (today's calls only)
    history -- the poll of the earlier weeks' lines before it (their days: `history_days`)
    """

    db_url: str
    site: str
    source: str
    today: str
    feed_path: str
    summary: PollResult
    history: PollResult
    history_days: tuple[date, ...]
    sheet: DemoSheet
    floor: DemoFloor
    log: DemoLog
    playbooks: DemoPlaybooks
    handover: DemoHandover


def site_name(lang: str) -> str:
    return SITE_NAMES.get(lang, SITE_NAMES["en"])


def build_demo(lang: str = "en", now: datetime | None = None, db_path: Path | None = None) -> DemoBuilt:
    """Create the demo database and feed afresh (replacing an older demo) and return what they hold."""
    tz_name = machine_zone()
    tz = zone(tz_name)
    now = (now or datetime.now(tz)).astimezone(tz)
    db_path = db_path or paths.demo_db_path()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    feed = write_day(db_path.parent / "demo-feed", now.date(), tz, lang)
    cut = demo_cut(now)
    url = f"sqlite:///{db_path}"
    console = Console.open(url, default_site=(site_name(lang), tz_name))
    try:
        add_live_source(console, ImportRequest(path=feed, format=FeedFormat.QUEUE_LOG, source=DEMO_SOURCE))
        history, first = load_demo_feed(console, feed, cut)
        sheet = build_demo_sheet(console, db_path.parent / "demo-sheet", lang, now)
        duty = SUPERVISORS[0][0]["zh_CN" if lang == "zh_CN" else "en"]
        floor = build_demo_floor(console, db_path.parent / "demo-sheet", lang, now, duty)
        log = build_demo_log(console, lang, now)
        playbooks = build_demo_playbooks(console, lang, now, DEMO_SOURCE)
        handover = build_demo_handover(console, lang, now)
    finally:
        console.close()
    return DemoBuilt(url, site_name(lang), DEMO_SOURCE, now.date().isoformat(), str(feed), first, history,
                     history_days(now.date()), sheet, floor, log, playbooks, handover)


def load_demo_feed(console: Console, feed: Path, cut: datetime) -> tuple[PollResult, PollResult]:
    """Write into the demo's live `feed` (a live source already) what its schedule holds up to `cut` and import it
    in two polls: the earlier weeks, up to the last second before the local midnight that starts `cut`'s day, then
    that day up to `cut` (aware). Returns (earlier weeks' poll, today's poll)."""
    before_today = local_midnight(cut.date(), cut.tzinfo) - timedelta(seconds=1)
    demo_feed_tick(feed, before_today)
    history = poll(console, DEMO_SOURCE, now=before_today)
    demo_feed_tick(feed, cut)
    return history, poll(console, DEMO_SOURCE, now=cut)
