"""The demo database: its own file, today's date, calls up to now, both languages."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from app import paths
from app.services.console import Console, machine_zone
from app.services.demo import DEMO_DAY_FILE, build_demo
from app.services.reports import ALL_QUEUES, interval_report


def _expected_calls(until_seconds: int) -> int:
    """Calls of the shipped day that arrived in the VRU by `until_seconds`, worked out from the raw lines."""
    lines = (paths.resources_dir() / "demo" / DEMO_DAY_FILE).read_text().splitlines()[1:]
    n = 0
    for line in lines:
        f = line.split("\t")
        h, m, s = (int(x) for x in f[6].split(":"))
        if h * 3600 + m * 60 + s > until_seconds:
            continue
        if f[12] == "AGENT" or (f[12] == "HANG" and f[9] != "0:00:00"):
            n += 1
    return n


def test_demo_is_dated_today_cut_at_now_and_kept_apart(_data_dir):
    tz = ZoneInfo(machine_zone())
    now = datetime(2026, 11, 27, 11, 15, tzinfo=tz)
    built = build_demo("en", now=now)
    assert built.db_url == f"sqlite:///{paths.demo_db_path()}"
    assert not (_data_dir / "handover.sqlite3").exists()  # never the user's real database
    assert built.site == "Demo contact centre (floor 1)"
    assert built.today == "2026-11-27"
    assert built.summary.calls == _expected_calls(11 * 3600 + 15 * 60)
    with Console.open(built.db_url) as console:
        rows = interval_report(console, built.source, date(2026, 11, 27), ALL_QUEUES)
    assert rows[-1].interval_start_local.startswith("2026-11-27T11:00:00")
    assert sum(r.figures.offered for r in rows) == built.summary.calls
    busy = [r for r in rows if r.interval_start_local[11:16] == "10:30"][0]
    assert busy.figures.offered == 97 and busy.figures.abandoned == 9  # the real 10:30 of 4 January 1999


def test_demo_in_chinese_replaces_the_previous_demo(_data_dir):
    tz = ZoneInfo(machine_zone())
    build_demo("en", now=datetime(2026, 11, 27, 9, 0, tzinfo=tz))
    built = build_demo("zh_CN", now=datetime(2026, 11, 27, 16, 0, tzinfo=tz))
    assert built.site == "演示呼叫中心（一楼）"
    assert built.summary.new == built.summary.calls == _expected_calls(16 * 3600)
