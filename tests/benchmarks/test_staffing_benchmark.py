"""Staffing benchmark (issue 11): `staffing.staffing_day` of the demo's day against its floor, in the same run.

Run by hand (the default pytest run deselects it):

    .venv/bin/python -m pytest -m benchmark tests/benchmarks/test_staffing_benchmark.py -s -p no:cacheprovider

The world: the demo (English) built at 14:50 today in the machine's zone into a folder of its own (SQLite, as
the demo always is): 48 half hours, the live queue_log's calls and agent events up to now, about 60 agents
rostered over three shifts, today's marks.

- figure: `staffing_day` of today (all queues), 48 half hours: the day view, the forecast's four weeks of
  interval rows and coverage, the special days, the roster entries and marks of yesterday and today, the
  calls' waits of 28 days (one aggregate), the agent events and served calls of the day, then Erlang C / A
  per half hour;
- floor: what the figure cannot do without: `day_view` of the day alone plus `sheet.load_sheet` of each shift
  that meets the day (yesterday's night, today's morning, afternoon and night), which reads the same roster
  and marks (and replays the agent events for the sheet's ACD check).

Each: its first call (caches cold), then the median of ROUNDS (HANDOVER_BENCH_ROUNDS, default 15) rounds after
a warm-up round, figure and floor interleaved (order flipped every round), and the SQL statements of one call.
Results are printed and written to tests/benchmarks/_work/results-staffing.txt with the load average. The
test fails when the figure's median is over GOAL_RATIO (1.0) times the floor's: the staffing of a day costs
no more than the day view and the sheets it is drawn with.

Measured on the 2-core VM (15 rounds, load average 1.9): staffing_day 27.6 ms (first 45.8 ms, 31 SQL
statements) against 81.5 ms for the floor (first 101.2 ms, 116 statements): 0.34x. The sheets cost the floor
most (each replays the day's agent events for its ACD check); staffing_day reads the roster of the two days
once.
"""

from __future__ import annotations

import os
import platform
import statistics
import time as clock
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.services import sheet, shifts, staffing
from app.services.console import Console
from app.services.day_view import day_view
from app.services.demo import DEMO_SOURCE, build_demo
from app.services.zones import machine_zone

pytestmark = pytest.mark.benchmark

WORK = Path(__file__).resolve().parent / "_work"
RESULTS = WORK / "results-staffing.txt"
ROUNDS = int(os.environ.get("HANDOVER_BENCH_ROUNDS", "15"))
GOAL_RATIO = 1.0


def _ms(fn: Callable[[], object]) -> float:
    t0 = clock.perf_counter()
    fn()
    return (clock.perf_counter() - t0) * 1000


def _statements(engine, fn: Callable[[], object]) -> int:
    from sqlalchemy import event

    count = 0

    def counted(*_args) -> None:
        nonlocal count
        count += 1

    event.listen(engine, "before_cursor_execute", counted)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    return count


def test_staffing_day_of_the_demo_against_day_view_and_the_sheets(tmp_path):
    tz = ZoneInfo(machine_zone())
    now = datetime.now(tz).replace(hour=14, minute=50, second=0, microsecond=0)
    built = build_demo("en", now=now, db_path=tmp_path / "demo.sqlite3")
    today = now.date()
    with Console.open(built.db_url) as console:
        runs = [s for s in shifts.slots_for(console, today - timedelta(days=1)) if s.end > datetime.combine(
            today, datetime.min.time(), tzinfo=tz)] + list(shifts.slots_for(console, today))
        assert [s.definition.name for s in runs] == ["Night", "Morning", "Afternoon", "Night"]
        for s in runs:  # the shift instances exist before timing (load_sheet would create them once)
            shifts.ensure_instance(console, s.day, s.definition.id)

        def figure():
            return staffing.staffing_day(console, DEMO_SOURCE, today, now)

        def floor():
            day_view(console, DEMO_SOURCE, today, now=now)
            for s in runs:
                sheet.load_sheet(console, s.day, s.definition.id, now)

        first, floor_first = _ms(figure), _ms(floor)
        _ms(figure), _ms(floor)
        rounds: list[float] = []
        floors: list[float] = []
        for r in range(ROUNDS):
            steps = ((rounds, figure), (floors, floor))
            for out, fn in steps if r % 2 == 0 else steps[::-1]:
                out.append(_ms(fn))
        engine = console.db.engine
        sql, floor_sql = _statements(engine, figure), _statements(engine, floor)
        day = figure()
    median, floor_median = statistics.median(rounds), statistics.median(floors)
    known = sum(s.required is not None for s in day.slots)
    lines = [
        f"# handover-console staffing benchmark (issue 11), {datetime.now().isoformat(timespec='seconds')}",
        f"# python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}, "
        + "load average %.2f %.2f %.2f" % os.getloadavg(),
        f"demo (SQLite) staffing_day, {len(day.slots)} half hours ({known} with required agents): median "
        f"{median:.1f} ms (first {first:.1f}), {sql} SQL statements",
        f"floor [day_view + load_sheet of {len(runs)} shifts]: median {floor_median:.1f} ms (first {floor_first:.1f}), "
        f"{floor_sql} SQL statements; ratio {median / floor_median:.2f}x (goal < {GOAL_RATIO:.1f}x: "
        f"{'met' if median < GOAL_RATIO * floor_median else 'MISSED'})",
    ]
    print("\n" + "\n".join(lines))
    WORK.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(day.slots) in (46, 48, 50) and known > 0
    assert median < GOAL_RATIO * floor_median
