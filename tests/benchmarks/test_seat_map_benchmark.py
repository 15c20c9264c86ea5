"""Seat map benchmark: a 500-seat floor with 450 agents seated, in the real window, next to floors measured in
the same run.

Run by hand (the default pytest run deselects it):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m benchmark tests/benchmarks/test_seat_map_benchmark.py -s

The database (SQLite file; PostgreSQL too, in a schema of its own, when
HANDOVER_TEST_PG_URL is set) is built through the services: a Morning and an
Afternoon shift, 10 teams in 10 colours, an agents file of 450 agents (30
trainees), a roster file putting the 450 on DAY's Morning, "Floor 1" from a
layout CSV written here (`seating_files.import_layout`: 500 seats in 8 zones,
five normal of 70, quiet, training and kept-apart of 50, in rows of 10), 10
seats out of service, then `seating.auto_assign` (about 440 seated: the
kept-apart zone is not used). "Floor 2" is added empty.

The real window (DesktopApp, offscreen, the real threaded Lane, a fixed
clock at DAY 11:15) shows the seat map of DAY's Morning at 1400x900, fitted.

1. Paint: `view.map.viewport().repaint()` of the fitted map, median of
   PAINTS repeats, twice: with the seat items' pixmap cache valid (what a
   repaint costs when nothing changed), and with it cold (before each paint
   the view is scaled by 1.0001 one way or the other, so the
   DeviceCoordinateCache of every seat is drawn again: what the first paint
   after a zoom, a fit or a resize costs). Floor: the same QGraphicsView
   (scene swapped) painting 500 plain QGraphicsRectItems with a
   QGraphicsSimpleTextItem each (the seat code) at the same positions,
   transform and scroll position.
2. Frames (goal FRAME_GOAL_MS, 16 ms, on the 95th percentile and the median):
   * drag: an agent's drag enters the map, then FRAMES QDragMoveEvents are
     sent to the viewport along a zig-zag over the floor (crossing many
     seats), each followed by a forced `viewport().repaint()`; one frame =
     the event + the paint;
   * layout editor: "Edit the layout" on, a block of 20 seats selected, each
     frame moves the 20 by `setPos` (one grid step, as the mouse drag does;
     a square loop that crosses other seats and comes back) and forces the
     repaint; also printed, not part of the goal: the same moves with the
     repaint Qt schedules itself (SmartViewportUpdate, handled by
     processEvents), which is what the screen shows;
   * floor: the same number of forced repaints with nothing moving, each
     right after a frame (so the VM's stalls fall on both alike).
3. Load, from the click to the painted map: `view.load()` (what choosing the
   shift, or opening the view, does) on the real Lane, until `map_loaded`
   has fired and `view.map.viewport().repaint()` has returned. Rounds of
   three loads: the empty Floor 2 (the floor), Floor 1 after it (cold: the
   scene's 500 seat and 8 zone items built and fitted), Floor 1 again (warm:
   the items kept, only what each seat shows updated). Split: the lane's
   `load_seat_map`, the GUI's `_loaded` (of which `show_layout`, `show_map`,
   the side lists), the paint. No goal of its own: the cold load is printed
   against LOAD_GOAL_MS (200 ms, the shift sheet's goal from click to
   painted) for reference.

Medians (and percentiles) are printed and written to
tests/benchmarks/_work/results-seat-map.txt with the load average (the test
VM has 2 cores and other work runs on it; the ratios to the floors are the
steadier figures). The test fails when a frame goal is missed (a p95 over
it while the floor's p95 is over it too is printed, not failed: the VM's
stalls hit the repaints with nothing moving as much).

Measured on the 2-core VM, load average 2.1-4.2 (one run's figures can be
half or twice another's; the ratios move less), SQLite and PostgreSQL.
Before, four runs, with app/ui/seat_map/items.py as of 70187a2 (pens,
brushes, colours, fonts and the text flags made anew in every seat paint;
zones not cached): warm repaint 10-14 ms, cold 107-146 ms (8.5-14x the
plain items); drag frames median 8.5-13 ms, p95 13-30; editor frames median
7.5-12 ms, p95 9-22; the cold load 247-375 ms (paint 117-181, show_layout
61-113, load_seat_map 51-71). After making them once and caching the zones,
eleven runs: warm 3.7-9 ms (0.3-0.9x the plain items), cold 46-157 ms
(4-9x); drag median 4.2-8.5 ms, p95 5.5-15.7; editor median 4.9-11.6 ms,
p95 7.5-19.3 (Qt's own update 0.3-0.9 ms); with the floor interleaved, the
frames are 1.02-1.14x it; cold load 139-383 ms, 2.2-3.6x the empty floor
(paint 56-112, show_layout 38-83, load_seat_map 32-88). Side by side in one
process (CPU time): a cold paint 93-140 -> 55-84 ms, a warm one 10.4-12.1
-> 3.8-5.9 ms; an editor frame costs the idle repaint + ~0.5 ms (no seat
is redrawn: the caches only move). What is left of a cold paint is mostly
SeatItem.paint's two drawText calls (about 40%), on text 2-3 px high at the
fit of 500 seats.
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

from tests.benchmarks.floor_people import agent_name

pytestmark = pytest.mark.benchmark

WORK = Path(__file__).resolve().parent / "_work"
RESULTS = WORK / "results-seat-map.txt"
ROUNDS = int(os.environ.get("HANDOVER_BENCH_ROUNDS", "15"))
PAINTS = int(os.environ.get("HANDOVER_BENCH_PAINTS", "40"))
FRAMES = 200
FRAME_GOAL_MS = 16.0
LOAD_GOAL_MS = 200.0
DAY = date(2026, 11, 27)
AGENTS = 450
TRAINEES = 30
ZONES = (("Zone A", "normal", 70), ("Zone B", "normal", 70), ("Zone C", "normal", 70), ("Zone D", "normal", 70),
         ("Zone E", "normal", 70), ("Quiet", "quiet", 50), ("Training", "training", 50), ("Audit", "kept_apart", 50))
TEAMS = (("Cards", "#4c78a8"), ("Loans", "#f58518"), ("Mortgages", "#54a24b"), ("Business", "#e45756"),
         ("Fraud", "#72b7b2"), ("Tech support", "#eeca3b"), ("Savings", "#b279a2"), ("Insurance", "#ff9da6"),
         ("Premier", "#9d755d"), ("Collections", "#bab0ac"))
OUT_OF_SERVICE = 10
_recorded: list[str] = []


def _record(*lines: str) -> None:
    for line in lines:
        print(line)
    _recorded.extend(lines)
    WORK.mkdir(exist_ok=True)
    head = [f"# handover-console seat map benchmark, {datetime.now().isoformat(timespec='seconds')}",
            f"# python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}"]
    RESULTS.write_text("\n".join(head + _recorded) + "\n", encoding="utf-8")


# --- the floor's data, through the services -------------------------------------------------------

def _layout_file(path: Path) -> Path:
    """500 seats in 8 zones, 4 zones a row; in each zone rows of 10 seats, 70 units apart, rows 60 apart."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["seat_code", "x", "y", "zone", "kind"])
        for zi, (name, kind, count) in enumerate(ZONES):
            x0, y0 = (zi % 4) * 800, (zi // 4) * 560
            for n in range(count):
                out.writerow([f"{name[0]}{zi + 1}-{n + 1:02d}", x0 + 20 + (n % 10) * 70, y0 + 20 + (n // 10) * 70,
                              name, kind])
    return path


def _agents_file(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["employee_no", "name", "team", "skills", "acd_login"])
        for i in range(AGENTS):
            out.writerow([f"E{1000 + i}", agent_name(i),
                          TEAMS[i % len(TEAMS)][0], "trainee" if i % 15 == 7 else "cards;loans", f"A{1000 + i}"])
    return path


def _roster_file(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["agent_id", "date", "shift", "activities"])
        for i in range(AGENTS):
            out.writerow([f"E{1000 + i}", DAY.isoformat(), "Morning", "break 09:15-09:30; lunch 12:00-12:30"])
    return path


def _build(url: str, folder: Path, now: datetime) -> dict:
    from app.domain.people import Role
    from app.services import people, roster, seating, seating_files, shifts
    from app.services.console import Console

    t0 = clock.perf_counter()
    with Console.open(url) as c:
        morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
        shifts.save_definition(c, "Afternoon", time(15), time(23, 30))
        boss = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, "2468")
        for name, colour in TEAMS:
            people.save_team(c, name, colour=colour)
        imported = people.import_agents(c, _agents_file(folder / "agents.csv"))
        assert imported.added == AGENTS and not imported.problems
        preview = roster.preview_roster(c, _roster_file(folder / "roster.csv"))
        assert not preview.problems, preview.problems[:3]
        roster.apply_roster(c, preview)
        instance = shifts.ensure_instance(c, DAY, morning.id)
        shifts.set_supervisor(c, instance.id, boss.id)
        floor1 = seating.add_floor(c, "Floor 1")
        result = seating_files.import_layout(c, floor1.id, _layout_file(folder / "layout.csv"))
        assert result.added == 500 and result.zones_created == len(ZONES) and not result.problems
        floor2 = seating.add_floor(c, "Floor 2")
        seats = seating.floor_layout(c, floor1.id).seats
        for seat in seats[7::50][:OUT_OF_SERVICE]:
            seating.set_out_of_service(c, seat.id, "PC down", None, "Grace Chen", now - timedelta(hours=2))
        seat_map, auto = seating.auto_assign(c, instance.id, "Grace Chen", now)
    seated = len(seat_map.assignments)
    assert seated >= 400, f"only {seated} seated"
    return {"morning": morning.id, "floor1": floor1.id, "floor2": floor2.id, "seated": seated,
            "unplaced": len(auto.unplaced), "conflicts": len(seat_map.conflicts),
            "seconds": clock.perf_counter() - t0}


# --- measuring in the window -----------------------------------------------------------------------

def _settle(qt) -> float:
    """Handle what the last step left (posted updates, delayed layouts) so it never runs inside a measurement."""
    from PySide6.QtCore import QEventLoop

    t0 = clock.perf_counter()
    for _ in range(3):
        qt.sendPostedEvents()
        qt.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 100)
    return clock.perf_counter() - t0


def _ms(values) -> float:
    return statistics.median(values) * 1000


def _p95(values) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] * 1000


class LoadProbe:
    """Timestamps of one load: the lane's load_seat_map, the GUI's _loaded and its parts."""

    def __init__(self, view, monkeypatch) -> None:
        from app.services import seating

        self.t: dict[str, float] = {}
        t = self.t

        def timed(owner, name, key):
            fn = getattr(owner, name)

            def wrapper(*args, **kwargs):
                t[key + "0"] = clock.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    t[key + "1"] = clock.perf_counter()
            return wrapper

        monkeypatch.setattr(seating, "load_seat_map", timed(seating, "load_seat_map", "lane"))
        view._loaded = timed(view, "_loaded", "loaded")  # the runner is given view._loaded at each load
        view.scene.show_layout = timed(view.scene, "show_layout", "layout")
        view.scene.show_map = timed(view.scene, "show_map", "map")
        view._fill_side = timed(view, "_fill_side", "side")
        view.map.fit = timed(view.map, "fit", "fit")


def _load(desktop, view, probe: LoadProbe, floor_id: int, seats: int) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer

    _settle(desktop.qt)
    loop = QEventLoop()
    done = view.map_loaded.connect(lambda _: loop.quit())
    timeout = QTimer(singleShot=True, interval=30_000)
    timeout.timeout.connect(loop.quit)
    probe.t.clear()
    view.floor_id = floor_id  # the floor picker's choice, kept by _loaded
    t0 = clock.perf_counter()
    view.load()
    timeout.start()
    loop.exec()
    t_signal = clock.perf_counter()
    view.map.viewport().repaint()
    t_end = clock.perf_counter()
    timeout.stop()
    view.map_loaded.disconnect(done)
    _settle(desktop.qt)
    t = probe.t
    assert "loaded1" in t, "the seat map was not loaded within 30 s"
    assert len(view.scene.seats) == seats and view.floor_id == floor_id
    span = lambda key: t.get(key + "1", 0.0) - t.get(key + "0", 0.0)  # noqa: E731
    return {"total": t_end - t0, "lane": span("lane"), "hop": t["loaded0"] - t["lane1"], "loaded": span("loaded"),
            "layout": span("layout"), "map": span("map"), "side": span("side"), "fit": span("fit"),
            "paint": t_end - t_signal}


def _paint_figures(desktop, view, n: int) -> dict[str, list[float]]:
    """Forced repaints of the map as it is: warm (cache valid), and cold (scaled a hair before each)."""
    viewport = view.map.viewport()
    warm, cold = [], []
    viewport.repaint()
    for _ in range(n):
        t0 = clock.perf_counter()
        viewport.repaint()
        warm.append(clock.perf_counter() - t0)
    transform = view.map.transform()
    h, v = view.map.horizontalScrollBar().value(), view.map.verticalScrollBar().value()
    for k in range(n):
        f = 1.0001 if k % 2 == 0 else 1 / 1.0001
        view.map.scale(f, f)
        t0 = clock.perf_counter()
        viewport.repaint()
        cold.append(clock.perf_counter() - t0)
    view.map.setTransform(transform)
    view.map.horizontalScrollBar().setValue(h)
    view.map.verticalScrollBar().setValue(v)
    _settle(desktop.qt)
    return {"warm": warm, "cold": cold}


def _plain_scene(layout):
    """500 plain rectangles with a text each at the seats' places: the least a floor map can draw."""
    from PySide6.QtGui import QBrush, QColor, QPen
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

    from app.domain.seating import SEAT_H, SEAT_W

    scene = QGraphicsScene()
    scene.setBackgroundBrush(QColor("#f4f6f8"))
    pen, brush = QPen(QColor("#5b6770"), 1.2), QBrush(QColor("#ffffff"))
    for seat in layout.seats:
        item = QGraphicsRectItem(0, 0, SEAT_W, SEAT_H)
        item.setPos(seat.x, seat.y)
        item.setPen(pen)
        item.setBrush(brush)
        text = QGraphicsSimpleTextItem(seat.code, item)
        text.setPos(8, 2)
        scene.addItem(item)
    return scene


def _floor_paints(desktop, view, layout, n: int) -> list[float]:
    """The same QGraphicsView painting the plain scene at the same size, transform and scroll position."""
    plain = _plain_scene(layout)
    plain.setSceneRect(view.scene.sceneRect())
    m = view.map
    transform = m.transform()
    h, v = m.horizontalScrollBar().value(), m.verticalScrollBar().value()
    m.setScene(plain)
    out = []
    try:
        m.setTransform(transform)
        m.horizontalScrollBar().setValue(h)
        m.verticalScrollBar().setValue(v)
        assert len(m.items(m.viewport().rect())) >= 2 * len(layout.seats) * 0.9  # the floor is on screen
        m.viewport().repaint()
        for _ in range(n):
            t0 = clock.perf_counter()
            m.viewport().repaint()
            out.append(clock.perf_counter() - t0)
    finally:
        m.setScene(view.scene)
        m.setTransform(transform)
        m.horizontalScrollBar().setValue(h)
        m.verticalScrollBar().setValue(v)
        _settle(desktop.qt)
    return out


def _drag_path(view, frames: int) -> list:
    """A zig-zag over the visible floor: 4 passes, left to right then back, at 4 heights."""
    from PySide6.QtCore import QPoint

    shown = view.map.mapFromScene(view.scene.itemsBoundingRect()).boundingRect() & view.map.viewport().rect()
    per = frames // 4
    out = []
    for p, fy in enumerate((0.12, 0.37, 0.62, 0.87)):
        y = shown.top() + int(shown.height() * fy)
        xs = [shown.left() + 5 + int((shown.width() - 10) * k / (per - 1)) for k in range(per)]
        for x in xs if p % 2 == 0 else xs[::-1]:
            out.append(QPoint(x, y + len(out) % 3 * 7))  # a little up and down, as a hand does
    return out


def _drag_frames(desktop, view, agent_id: int, path) -> tuple[list[float], list[float], list[float], int, int]:
    """An agent dragged over the map: per position, the move event and the forced repaint; then, the floor,
    a forced repaint with nothing moving."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    from app.ui.seat_map.scene import agent_mime

    viewport = view.map.viewport()
    mime = agent_mime(agent_id)
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(path[0], move, mime, left, none))
    frames, events, idle, accepted, crossed = [], [], [], 0, set()
    try:
        for pos in path:
            t0 = clock.perf_counter()
            event = QDragMoveEvent(pos, move, mime, left, none)
            QApplication.sendEvent(viewport, event)
            t1 = clock.perf_counter()
            viewport.repaint()
            t2 = clock.perf_counter()
            frames.append(t2 - t0)
            events.append(t1 - t0)
            idle.append(_idle_repaint(viewport))
            accepted += event.isAccepted()
            seat = view.scene.seat_at(view.map.mapToScene(pos))
            if seat is not None:
                crossed.add(seat.seat.id)
    finally:
        QApplication.sendEvent(viewport, QDragLeaveEvent())
        _settle(desktop.qt)
    return frames, events, idle, accepted, len(crossed)


def _editor_moves(frames: int) -> list:
    """A square loop in grid steps: right, down, left, up, back where it started."""
    from PySide6.QtCore import QPointF

    from app.domain.seating import GRID

    side = frames // 4
    steps = [QPointF(GRID, 0)] * side + [QPointF(0, GRID)] * side + [QPointF(-GRID, 0)] * side + \
            [QPointF(0, -GRID)] * side
    return steps


def _editor_frames(desktop, view, block, steps, qt_update: bool) -> tuple[list[float], list[float]]:
    """The 20 selected seats moved one grid step a frame by setPos (what QGraphicsItem's mouse move does),
    then the forced repaint, or the repaint Qt schedules itself; after a forced one, the floor: a forced
    repaint with nothing moving."""
    viewport = view.map.viewport()
    start = [item.pos() for item in block]
    out, idle = [], []
    try:
        for step in steps:
            t0 = clock.perf_counter()
            for item in block:
                item.setPos(item.pos() + step)
            if qt_update:
                desktop.qt.processEvents()
            else:
                viewport.repaint()
            out.append(clock.perf_counter() - t0)
            if not qt_update:
                idle.append(_idle_repaint(viewport))
    finally:
        for item, pos in zip(block, start):
            item.setPos(pos)
        _settle(desktop.qt)
    assert [item.pos() for item in block] == start
    return out, idle


def _idle_repaint(viewport) -> float:
    t0 = clock.perf_counter()
    viewport.repaint()
    return clock.perf_counter() - t0


def _verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def _frame_verdict(median: float, p95: float, floor_p95: float) -> tuple[bool, str]:
    """The frame goal: median and p95 under FRAME_GOAL_MS. A p95 over it while the floor's p95 (the same
    repaints with nothing moving, in the same run) is over it too is the machine's stalls, not the map's:
    printed, not failed."""
    if median < FRAME_GOAL_MS and p95 < FRAME_GOAL_MS:
        return True, "MET"
    if median < FRAME_GOAL_MS and floor_p95 >= FRAME_GOAL_MS:
        return True, f"median MET; p95 NOT MET, and neither is the floor's ({floor_p95:.1f} ms): the machine"
    return False, "NOT MET"


def test_seat_map_of_450_agents_on_500_seats(db_url, qapp, tmp_path, monkeypatch):
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
        window.show_view("seat_map")
        desktop.wait_idle()
        view = window.seat_map
        view.shift = (DAY, built["morning"])
        probe = LoadProbe(view, monkeypatch)
        assert window.current_view_id() == "seat_map" and view.map.viewport().isVisible()

        # 3. loads: empty floor (the floor), the 500 seats cold (items built), again warm (items kept).
        loads: dict[str, list[dict]] = {"empty": [], "cold": [], "warm": []}
        for r in range(ROUNDS + 1):
            loads["empty"].append(_load(desktop, view, probe, built["floor2"], 0))
            loads["cold"].append(_load(desktop, view, probe, built["floor1"], 500))
            loads["warm"].append(_load(desktop, view, probe, built["floor1"], 500))
        for values in loads.values():
            values.pop(0)  # the warm-up round
        layout = view.scene.layout
        seated_items = sum(1 for i in view.scene.seats.values() if i.agent_names)
        assert seated_items == built["seated"]
        size = view.map.viewport().size()
        scale = view.map.transform().m11()

        # 1. paint: the fitted map, warm and cold cache; floor: plain items in the same view.
        paints = _paint_figures(desktop, view, PAINTS)
        plain = _floor_paints(desktop, view, layout, PAINTS)

        # 2. frames: drag of an agent, the layout editor's block move; floor: repaints with nothing moving.
        path = _drag_path(view, FRAMES)
        agent_id = view.seat_map.agents[0].id
        drag, drag_events, idle, accepted, crossed = _drag_frames(desktop, view, agent_id, path)
        view.edit_box.setChecked(True)
        _settle(desktop.qt)
        zone = layout.zones[0].id
        block = [view.scene.seats[s.id] for s in layout.seats if s.zone_id == zone][:20]
        view.scene.clearSelection()
        for item in block:
            item.setSelected(True)
        _settle(desktop.qt)
        steps = _editor_moves(FRAMES)
        editor, idle_edit = _editor_frames(desktop, view, block, steps, qt_update=False)
        editor_qt, _ = _editor_frames(desktop, view, block, steps, qt_update=True)
        view.scene.clearSelection()
        view.edit_box.setChecked(False)
    finally:
        desktop.close()

    def split(values):
        m = lambda key: statistics.median(v[key] for v in values) * 1000  # noqa: E731
        return (f"lane: load_seat_map {m('lane'):6.1f} ms; hop {m('hop'):4.1f}; GUI: _loaded {m('loaded'):6.1f} ms "
                f"(show_layout {m('layout'):5.1f}, show_map {m('map'):4.1f}, fit {m('fit'):4.1f}, side lists "
                f"{m('side'):5.1f}), paint {m('paint'):5.1f} ms")

    total = {k: _ms([v["total"] for v in values]) for k, values in loads.items()}
    listing = lambda values: ", ".join(f"{v['total'] * 1000:.0f}" for v in values)  # noqa: E731
    warm_p, cold_p, plain_p = _ms(paints["warm"]), _ms(paints["cold"]), _ms(plain)
    drag_med, drag_p95, idle_med, idle_p95 = _ms(drag), _p95(drag), _ms(idle), _p95(idle)
    ed_med, ed_p95, edq_med, edq_p95 = _ms(editor), _p95(editor), _ms(editor_qt), _p95(editor_qt)
    idle_e_med, idle_e_p95 = _ms(idle_edit), _p95(idle_edit)
    drag_ok, drag_word = _frame_verdict(drag_med, drag_p95, idle_p95)
    edit_ok, edit_word = _frame_verdict(ed_med, ed_p95, idle_e_p95)
    load_ok = total["cold"] < LOAD_GOAL_MS
    _record(
        "",
        f"== seat map, {db_kind}: {len(layout.seats)} seats in {len(layout.zones)} zones ({OUT_OF_SERVICE} out of "
        f"service), {AGENTS} agents rostered in {len(TEAMS)} teams ({TRAINEES} trainees), {built['seated']} seated by "
        f"auto_assign ({built['unplaced']} reported, {built['conflicts']} conflicts); built in "
        f"{built['seconds']:.1f} s; map viewport {size.width()}x{size.height()} at scale {scale:.3f}; "
        "load average %.2f %.2f %.2f" % os.getloadavg(),
        f"1. paint of the fitted map ({PAINTS} repaints each)",
        f"   seat map, cache warm        median {warm_p:6.2f} ms  p95 {_p95(paints['warm']):6.2f}",
        f"   seat map, cache cold        median {cold_p:6.2f} ms  p95 {_p95(paints['cold']):6.2f}  "
        "(scaled by 1.0001 before each paint)",
        f"   floor: 500 plain rect+text  median {plain_p:6.2f} ms  p95 {_p95(plain):6.2f}",
        f"   ratio warm {warm_p / plain_p:.2f}x, cold {cold_p / plain_p:.2f}x the floor",
        f"2. frames, goal {FRAME_GOAL_MS:g} ms (median and 95th percentile)",
        f"   drag of an agent, {len(path)} moves over {crossed} seats ({accepted} accepted): frame median "
        f"{drag_med:6.2f} ms  p95 {drag_p95:6.2f}  max {max(drag) * 1000:6.2f}  (the move event alone: median "
        f"{_ms(drag_events):5.3f} ms, p95 {_p95(drag_events):5.3f})",
        f"   floor: {len(idle)} repaints, nothing moving: median {idle_med:6.2f} ms  p95 {idle_p95:6.2f}",
        f"   ratio {drag_med / idle_med:.2f}x the floor (median), {drag_p95 / idle_p95:.2f}x (p95); goal: "
        f"{drag_word}",
        f"   layout editor, 20 selected seats moved by setPos, {len(steps)} frames: forced repaint median "
        f"{ed_med:6.2f} ms  p95 {ed_p95:6.2f}  max {max(editor) * 1000:6.2f}",
        f"      the repaint Qt schedules itself (processEvents): median {edq_med:6.2f} ms  p95 {edq_p95:6.2f}",
        f"   floor: {len(idle_edit)} repaints in edit mode, nothing moving: median {idle_e_med:6.2f} ms  "
        f"p95 {idle_e_p95:6.2f}",
        f"   ratio {ed_med / idle_e_med:.2f}x the floor (median), {ed_p95 / idle_e_p95:.2f}x (p95); goal: "
        f"{edit_word}",
        f"3. load from click to painted map, {ROUNDS} rounds",
        f"   500 seats, cold (items built)  median {total['cold']:6.1f} ms  [{listing(loads['cold'])}]",
        f"      {split(loads['cold'])}",
        f"   500 seats, warm (items kept)   median {total['warm']:6.1f} ms  [{listing(loads['warm'])}]",
        f"      {split(loads['warm'])}",
        f"   floor: the empty floor         median {total['empty']:6.1f} ms  [{listing(loads['empty'])}]",
        f"      {split(loads['empty'])}",
        f"   ratio cold {total['cold'] / total['empty']:.2f}x, warm {total['warm'] / total['empty']:.2f}x the floor; "
        f"the shift sheet's {LOAD_GOAL_MS:g} ms (for reference) for the cold load: {_verdict(load_ok)}",
    )
    assert drag_ok, f"drag frames: median {drag_med:.1f} ms, p95 {drag_p95:.1f} ms, goal {FRAME_GOAL_MS:g} ms"
    assert edit_ok, f"editor frames: median {ed_med:.1f} ms, p95 {ed_p95:.1f} ms, goal {FRAME_GOAL_MS:g} ms"
