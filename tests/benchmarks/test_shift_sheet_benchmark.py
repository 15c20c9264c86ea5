"""Shift sheet benchmark: opening the sheet of a 300-agent shift, from the click to the painted table.

Run by hand (the default pytest run deselects it):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m benchmark tests/benchmarks/test_shift_sheet_benchmark.py -s

Goal (issue): under GOAL_MS (200 ms) from choosing the shift to the table
painted with its 300 rows, on this machine; the floor is the same window and
view opening a sheet with an EMPTY roster, measured the same way in the same
run.

The database (SQLite file; PostgreSQL too, in a schema of its own, when
HANDOVER_TEST_PG_URL is set) is built through the services: three shift
definitions, two supervisors with PINs, an agents file of 300 agents in 6
teams (`people.import_agents`), a roster file (`roster.preview_roster` /
`apply_roster`) putting the 300 on the Morning shift of DAY with two or three
activities each (and, so that the roster table is not tiny, the week before
on all three shifts), about 250 attendance marks on DAY's Morning (some
agents with two or three revisions), 10 personnel changes and 8 notices (two
revised, one expired, one to come) acknowledged by one or both supervisors.
The Afternoon shift of DAY has nobody rostered: that is the floor.

The real window (DesktopApp, offscreen, the real threaded Lane, a fixed
clock at DAY 11:15) shows the shift sheet at 1400x900. Each round loads the
full sheet and the empty one, alternately (so each load switches shift, as
the shift combo does), the order flipped every round; a warm-up round is not
counted. For one load the clock runs from `view.load(DAY, definition_id)`
until `sheet_loaded` has fired and `view.table.viewport().repaint()` has
returned. The split:

* lane: `services.sheet.load_sheet` on the lane thread (and the whole
  `_gather`: slots, supervisors, sheet);
* hop: from `_gather` returning on the lane to `_loaded` starting on the GUI thread;
* GUI: `_loaded` (of which the model reset `set_rows` and the column sizing,
  `_fit_columns`), then the forced paint of the table.

Before each load, and after it (printed, not counted), the events the last
load left (the rest of the window's paint, delayed layouts) are handled, so
one load's leftovers never run during the next one's measurement.

Medians of ROUNDS (HANDOVER_BENCH_ROUNDS, default 15) are printed and written
to tests/benchmarks/_work/results-shift-sheet.txt with the load average (the
test VM has 2 cores and other work running on it slows both figures; the
ratio to the floor is the steadier one). The test fails when the median at
300 agents is at or above GOAL_MS.

Measured on the 2-core VM (25 rounds, load average ~2.6): before the view
sized its columns itself (Qt's resizeColumnsToContents asked the model ~22,700
times, 170-240 ms), 243 ms on SQLite (8.3x its 29 ms floor) and 366 ms on
PostgreSQL (7.9x); after, 95 ms (3.2x a 30 ms floor) and 100 ms (2.9x a 34 ms
floor), about 40 ms of it load_sheet on the lane and 30 ms the paint.
"""

from __future__ import annotations

import csv
import os
import platform
import statistics
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.benchmarks.floor_people import activities as day_activities, agents_file

pytestmark = pytest.mark.benchmark

WORK = Path(__file__).resolve().parent / "_work"
RESULTS = WORK / "results-shift-sheet.txt"
ROUNDS = int(os.environ.get("HANDOVER_BENCH_ROUNDS", "15"))
GOAL_MS = 200.0
AGENTS = 300
TEAMS = ("Cards", "Loans", "Mortgages", "Business", "Fraud", "Tech support")
MARKED = 250  # agents with a mark on DAY's Morning
DAY = date(2026, 11, 27)
PINS = {"Grace Chen": "2468", "Tom Baker": "1357"}

_recorded: list[str] = []


def _record(*lines: str) -> None:
    for line in lines:
        print(line)
    _recorded.extend(lines)
    WORK.mkdir(exist_ok=True)
    head = [f"# handover-console shift sheet benchmark, {datetime.now().isoformat(timespec='seconds')}",
            f"# python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}"]
    RESULTS.write_text("\n".join(head + _recorded) + "\n", encoding="utf-8")


# --- the floor's data, through the services -------------------------------------------------------



def _roster_file(path: Path) -> tuple[Path, int]:
    """DAY: all 300 on Morning (Afternoon empty); the 6 days before: a third on each shift (nobody on the
    night before DAY, which would overlap DAY's Morning). The file and its number of lines."""
    shifts = ("Morning", "Afternoon", "Night")
    lines = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["agent_id", "date", "shift", "activities"])
        for back in range(6, -1, -1):
            day = DAY - timedelta(days=back)
            for i in range(AGENTS):
                shift = "Morning" if back == 0 else shifts[(i + back) % 3]
                if back == 1 and shift == "Night":
                    continue
                out.writerow([f"E{1000 + i}", day.isoformat(), shift, day_activities(i, shift, 4)])
                lines += 1
    return path, lines


def _build(url: str, folder: Path, now: datetime) -> dict:
    from app.domain.attendance import AttendanceStatus as S
    from app.domain.attendance import ChangeKind, LeaveType, Mark
    from app.domain.notices import Priority
    from app.domain.people import Role
    from app.services import notices, people, roster, sheet, shifts
    from app.services.console import Console

    t0 = clock.perf_counter()
    with Console.open(url) as c:
        morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
        afternoon = shifts.save_definition(c, "Afternoon", time(15), time(23, 30))
        shifts.save_definition(c, "Night", time(23), time(7, 30))
        boss = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, PINS["Grace Chen"])
        lead = people.add_supervisor(c, "Tom Baker", Role.TEAM_LEADER, PINS["Tom Baker"])
        imported = people.import_agents(c, agents_file(folder / "agents.csv", AGENTS, TEAMS))
        assert imported.added == AGENTS and not imported.problems
        path, lines = _roster_file(folder / "roster.csv")
        preview = roster.preview_roster(c, path)
        assert not preview.problems, preview.problems[:3]
        applied = roster.apply_roster(c, preview)
        assert applied.written == lines
        instance = shifts.ensure_instance(c, DAY, morning.id)
        shifts.set_supervisor(c, instance.id, boss.id)
        shifts.ensure_instance(c, DAY, afternoon.id)
        agents = people.list_agents(c)
        by = "Grace Chen"
        marks = 0
        for i, agent in enumerate(agents[:MARKED]):
            at = now - timedelta(minutes=240 - i % 200)
            if i % 50 == 7:
                m = Mark(S.LATE, late_minutes=5 + i % 20)
            elif i % 50 == 13:
                m = Mark(S.ABSENT)
            elif i % 50 == 21:
                m = Mark(S.LEAVE, leave_type=LeaveType.SICK if i % 2 else LeaveType.ANNUAL, note="called in at 06:40")
            elif i % 50 == 33:
                m = Mark(S.SWAPPED, swap_with_id=agents[-1 - i % 40].id)
            elif i % 50 == 41:
                m = Mark(S.LEFT_EARLY, left_at=now - timedelta(minutes=30))
            else:
                m = Mark(S.PRESENT)
            if i % 6 == 0:  # a first mark corrected once or twice
                sheet.mark(c, instance.id, agent.id, Mark(S.ABSENT), by, at - timedelta(minutes=20))
                marks += 1
                if i % 12 == 0:
                    sheet.mark(c, instance.id, agent.id, Mark(S.LATE, late_minutes=3), by, at - timedelta(minutes=10))
                    marks += 1
            sheet.mark(c, instance.id, agent.id, m, by, at)
            marks += 1
        kinds = list(ChangeKind)
        for k in range(10):
            sheet.add_change(c, instance.id, kinds[k % len(kinds)], f"Change {k}: covered by the next team until 12:00",
                             agents[k * 7].id if k % 4 else None, by, now - timedelta(minutes=90 - k))
        ids = []
        for k in range(8):
            start = now - timedelta(days=3 - k % 3) if k != 7 else now + timedelta(hours=1)
            end = now - timedelta(hours=1) if k == 6 else now + timedelta(days=5)
            n = notices.save_notice(c, f"Notice {k}: fee waiver rules", "From today: ten purchases.\n" * 3,
                                    list(Priority)[k % len(Priority)], start, end, k % 2 == 0, f"KB › Cards › {k}",
                                    by, now - timedelta(days=3))
            ids.append(n.id)
            notices.acknowledge(c, n.id, boss.id, PINS["Grace Chen"], now - timedelta(hours=2))
            if k % 2:
                notices.acknowledge(c, n.id, lead.id, PINS["Tom Baker"], now - timedelta(hours=2))
        for k in (1, 3):  # revised after the acknowledgements: those are outdated now
            old = notices.list_notices(c, now, include_expired=True)
            n = next(x for x in old if x.id == ids[k])
            notices.save_notice(c, n.title + " (revised)", n.text, n.priority, n.effective_from, n.effective_to,
                                n.explain_at_meeting, n.kb_path, by, now - timedelta(hours=1), notice_id=n.id)
        full = sheet.load_sheet(c, DAY, morning.id, now)
        empty = sheet.load_sheet(c, DAY, afternoon.id, now)
    assert len(full.rows) == AGENTS and not empty.rows
    assert sum(1 for r in full.rows if r.mark.status is not S.UNMARKED) == MARKED
    assert len(full.changes) == 10 and len(full.notices) == 6  # neither the expired one nor the one to come at 12:15
    return {"morning": morning.id, "afternoon": afternoon.id, "marks": marks, "seconds": clock.perf_counter() - t0}


# --- measuring in the window -----------------------------------------------------------------------

class Probe:
    """Timestamps of one load: wraps the lane's `load_sheet` and `_gather` and the GUI's `_loaded` steps."""

    def __init__(self, view, monkeypatch) -> None:
        from app.services import sheet as sheet_service

        self.t: dict[str, float] = {}
        t = self.t
        load_sheet = sheet_service.load_sheet

        def timed_load_sheet(*args, **kwargs):
            t["sheet0"] = clock.perf_counter()
            try:
                return load_sheet(*args, **kwargs)
            finally:
                t["sheet1"] = clock.perf_counter()

        monkeypatch.setattr(sheet_service, "load_sheet", timed_load_sheet)
        gather = view._gather

        def timed_gather(*args):
            t["gather0"] = clock.perf_counter()
            try:
                return gather(*args)
            finally:
                t["gather1"] = clock.perf_counter()

        view._gather = timed_gather
        loaded = view._loaded

        def timed_loaded(*args):
            t["loaded0"] = clock.perf_counter()
            loaded(*args)

        view._loaded = timed_loaded
        set_rows = view.model.set_rows

        def timed_set_rows(*args):
            t["rows0"] = clock.perf_counter()
            set_rows(*args)
            t["rows1"] = clock.perf_counter()

        view.model.set_rows = timed_set_rows
        # The column sizing: the view's own (_fit_columns), or Qt's resizeColumnsToContents on an older view.
        owner, name = (view, "_fit_columns")
        if not hasattr(view, "_fit_columns"):
            owner, name = view.table, "resizeColumnsToContents"
        fit = getattr(owner, name)

        def timed_fit():
            t["resize0"] = clock.perf_counter()
            fit()
            t["resize1"] = clock.perf_counter()

        setattr(owner, name, timed_fit)
        view.sheet_loaded.connect(lambda _: t.__setitem__("signal", clock.perf_counter()))


def _settle(qt) -> float:
    """Handle whatever the last load left to do (the rest of the window's paint, delayed layouts), so that
    it does not run during the next measurement; how long that took."""
    from PySide6.QtCore import QEventLoop

    t0 = clock.perf_counter()
    for _ in range(3):
        qt.sendPostedEvents()
        qt.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 100)
    return clock.perf_counter() - t0


def _open(desktop, view, probe: Probe, definition_id: int, rows: int) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer

    _settle(desktop.qt)
    loop = QEventLoop()
    done = view.sheet_loaded.connect(lambda _: loop.quit())
    timeout = QTimer(singleShot=True, interval=30_000)
    timeout.timeout.connect(loop.quit)
    probe.t.clear()
    t0 = clock.perf_counter()
    view.load(DAY, definition_id)  # what choosing the shift in the combo does
    timeout.start()
    loop.exec()
    t_signal = clock.perf_counter()
    view.table.viewport().repaint()
    t_end = clock.perf_counter()
    timeout.stop()
    view.sheet_loaded.disconnect(done)
    rest = _settle(desktop.qt)
    assert "signal" in probe.t, "the sheet was not loaded within 30 s"
    assert view.model.rowCount() == rows and view.sheet.instance.definition.id == definition_id
    t = probe.t
    out = {
        "total": t_end - t0,
        "gather": t["gather1"] - t["gather0"],
        "sheet": t["sheet1"] - t["sheet0"],
        "submit": t["gather0"] - t0,
        "hop": t["loaded0"] - t["gather1"],
        "loaded": t["signal"] - t["loaded0"],
        "rows": t["rows1"] - t["rows0"],
        "resize": t.get("resize1", 0.0) - t.get("resize0", 0.0),
        "wake": t_signal - t["signal"],
        "paint": t_end - t_signal,
        "rest": rest,
    }
    return out


def test_opening_a_300_agent_sheet(db_url, qapp, tmp_path, monkeypatch):
    """db_url (tests/conftest.py): a SQLite file, and a fresh PostgreSQL schema when HANDOVER_TEST_PG_URL is set."""
    from app.services.console import machine_zone
    from app.ui.app import DesktopApp

    db_kind = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    now = datetime.combine(DAY, time(11, 15), tzinfo=ZoneInfo(machine_zone()))
    built = _build(db_url, tmp_path, now)
    desktop = DesktopApp(db_url, "en", settings_path=tmp_path / "settings.ini", scheduled=False)  # the real Lane
    try:
        desktop.context.clock = lambda: now
        window = desktop.window
        window.resize(1400, 900)
        desktop.start()
        desktop.wait_idle()
        window.show_view("shift_sheet")
        desktop.qt.processEvents()
        view = window.shift_sheet
        assert window.current_view_id() == "shift_sheet" and view.table.viewport().isVisible()
        probe = Probe(view, monkeypatch)
        full, empty = [], []
        for r in range(ROUNDS + 1):
            order = ((full, built["morning"], AGENTS), (empty, built["afternoon"], 0))
            for figures, definition_id, rows in order if r % 2 else order[::-1]:
                figures.append(_open(desktop, view, probe, definition_id, rows))
        full.pop(0), empty.pop(0)  # the warm-up round
    finally:
        desktop.close()

    def med(values: list[dict], key: str) -> float:
        return statistics.median(v[key] for v in values) * 1000

    figure, floor = med(full, "total"), med(empty, "total")
    verdict = "MET" if figure < GOAL_MS else "NOT MET"
    ms = lambda values: ", ".join(f"{v['total'] * 1000:.0f}" for v in values)  # noqa: E731

    def split(values):
        return (f"lane: _gather {med(values, 'gather'):6.1f} ms (of which load_sheet {med(values, 'sheet'):6.1f}); "
                f"hop to GUI {med(values, 'hop'):4.1f}; GUI: _loaded {med(values, 'loaded'):6.1f} ms (model reset "
                f"{med(values, 'rows'):4.2f}, column sizing {med(values, 'resize'):5.1f}), "
                f"paint {med(values, 'paint'):5.1f} ms; "
                f"then, not counted, the rest of the window {med(values, 'rest'):5.1f} ms")

    _record(
        "",
        f"== shift sheet, {db_kind}: {AGENTS} agents in {len(TEAMS)} teams, {built['marks']} marks "
        f"({MARKED} agents), 10 changes, 8 notices; built in {built['seconds']:.1f} s; {ROUNDS} rounds; "
        "load average %.2f %.2f %.2f" % os.getloadavg(),
        f"open 300-row sheet  median {figure:6.1f} ms  [{ms(full)}]",
        f"  {split(full)}",
        f"floor: empty sheet  median {floor:6.1f} ms  [{ms(empty)}]",
        f"  {split(empty)}",
        f"ratio {figure / floor:.2f}x the floor; goal {GOAL_MS:g} ms from click to painted table: {verdict}",
    )
    assert figure < GOAL_MS, (f"{db_kind}: {figure:.0f} ms to open the 300-agent sheet (floor {floor:.0f} ms), "
                              f"goal {GOAL_MS:g} ms")
