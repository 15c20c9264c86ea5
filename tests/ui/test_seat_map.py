"""The seat map in the real window: layout CSV import, drags onto seats with undo and redo, swap, unseat,
automatic assignment, seats out of service, finding an agent, the layout editor, print and export."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.domain.attendance import AttendanceStatus, Mark
from app.domain.people import Role
from app.services import people, roster, seating, sheet, shifts
from app.ui.seat_map.scene import agent_mime, seat_mime
from tests.ui.conftest import NOW


@pytest.fixture
def floor(desktop_any_db, tmp_path):
    """A morning shift of 12 agents (two teams, two trainees, one fixed seat), and a layout imported from CSV."""
    desktop = desktop_any_db
    c = desktop.context.console
    morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
    boss = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, "2468")
    teams = [people.save_team(c, name, colour=colour) for name, colour in (("Cards", "#4c78a8"), ("Loans", "#54a24b"))]
    agents = []
    for i in range(12):
        skills = ("trainee",) if i >= 10 else ("cards",)
        agents.append(people.save_agent(c, f"E{100 + i}", f"Agent {i:02d}", team_id=teams[i % 2].id, skills=skills,
                                        fixed_seat="A-03" if i == 4 else None))
        roster.add_entry(c, agents[-1].id, NOW.date(), morning.id)
    instance = shifts.ensure_instance(c, NOW.date(), morning.id)
    shifts.set_supervisor(c, instance.id, boss.id)
    seating.add_floor(c, "Floor 1")
    layout = tmp_path / "layout.csv"
    rows = ["seat_code,x,y,zone,kind"]
    rows += [f"A-{n:02d},{40 + 70 * (n - 1)},60,Zone A,normal" for n in range(1, 11)]
    rows += [f"T-{n:02d},{40 + 70 * (n - 1)},200,Training,training" for n in range(1, 4)]
    rows += ["X-01,40,340,Audit,kept_apart", "oops,not-a-number,1,Zone A,normal"]
    layout.write_text("\n".join(rows) + "\n", encoding="utf-8")
    sheet_view = desktop.window.shift_sheet
    sheet_view.go_to_current()
    view = desktop.window.seat_map
    desktop.window.show_view("seat_map")
    view.actions.import_layout(str(layout))
    return desktop, view, agents, instance


def _drop(view, mime, seat_code):
    item = next(i for i in view.scene.seats.values() if i.seat.code == seat_code)
    pos = view.map.mapFromScene(item.sceneBoundingRect().center())
    viewport = view.map.viewport()
    actions = Qt.DropAction.MoveAction
    for event in (QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                  QDragMoveEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                  QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)):
        QApplication.sendEvent(viewport, event)


def _seating(desktop, instance):
    m = seating.seat_map(desktop.context.console, instance.id, NOW)
    codes = {s.id: s.code for lay in m.layouts for s in lay.seats}
    names = {a.id: a.name for a in m.agents}
    return {names[p.agent_id]: codes[p.seat_id] for p in m.assignments}


def test_a_layout_csv_is_imported_and_its_bad_row_reported(floor):
    desktop, view, *_ = floor
    assert len(view.scene.seats) == 14 and len(view.scene.zones) == 3
    assert len(view.actions.import_result.problems) == 1 and view.actions.import_result.problems[0].line == 16
    assert view.unseated.count() == 12


def test_drag_an_agent_onto_a_seat_then_undo_and_redo(floor):
    desktop, view, agents, instance = floor
    _drop(view, agent_mime(agents[0].id), "A-05")
    assert _seating(desktop, instance) == {"Agent 00": "A-05"}
    seat = next(i for i in view.scene.seats.values() if i.seat.code == "A-05")
    assert seat.agent_names == ("Agent 00",) and seat.team_colour == "#4c78a8"
    assert view.unseated.count() == 11
    view.undo.undo()
    assert _seating(desktop, instance) == {}
    assert view.unseated.count() == 12
    view.undo.redo()
    assert _seating(desktop, instance) == {"Agent 00": "A-05"}


def test_drag_between_seats_swaps_and_onto_the_list_unseats(floor):
    desktop, view, agents, instance = floor
    _drop(view, agent_mime(agents[0].id), "A-01")
    _drop(view, agent_mime(agents[1].id), "A-02")
    a1 = next(i for i in view.scene.seats.values() if i.seat.code == "A-01")
    _drop(view, seat_mime(a1.seat.id), "A-02")
    assert _seating(desktop, instance) == {"Agent 00": "A-02", "Agent 01": "A-01"}
    view.unseated.seat_dropped.emit(a1.seat.id)
    assert _seating(desktop, instance) == {"Agent 00": "A-02"}
    view.undo.undo()
    assert _seating(desktop, instance) == {"Agent 00": "A-02", "Agent 01": "A-01"}


def test_assign_automatically_keeps_the_rules_and_explains(floor):
    desktop, view, agents, instance = floor
    view.actions.auto_assign()
    placed = _seating(desktop, instance)
    assert placed["Agent 04"] == "A-03"  # the fixed seat first
    assert {placed["Agent 10"], placed["Agent 11"]} <= {"T-01", "T-02", "T-03"}  # trainees in training
    assert "X-01" not in placed.values()  # kept apart
    assert len(placed) == 12 and view.unseated.count() == 0 and view.conflicts.count() == 0
    view.undo.undo()
    assert _seating(desktop, instance) == {}


def test_an_absent_agent_frees_the_seat_with_a_note(floor):
    desktop, view, agents, instance = floor
    _drop(view, agent_mime(agents[3].id), "A-07")
    sheet.mark(desktop.context.console, instance.id, agents[3].id, Mark(AttendanceStatus.ABSENT), "Grace Chen", NOW)
    view.refresh()
    assert _seating(desktop, instance) == {}
    notes = [view.notes.item(i).text() for i in range(view.notes.count())]
    assert any("A-07" in n and "Agent 03" in n for n in notes)


def test_a_seat_out_of_service_carries_forward_and_is_not_used(floor):
    from app.ui.seat_map.map_files import ask_out_of_service

    desktop, view, agents, instance = floor
    seat = next(i for i in view.scene.seats.values() if i.seat.code == "A-01").seat
    dialog = ask_out_of_service(view.actions, seat)
    dialog.reason.setCurrentText("headset broken")
    dialog.accept()
    item = next(i for i in view.scene.seats.values() if i.seat.code == "A-01")
    assert item.seat.out_of_service.reason == "headset broken"
    notes = [view.notes.item(i).text() for i in range(view.notes.count())]
    assert any("A-01" in n and "headset broken" in n for n in notes)
    view.actions.auto_assign()
    assert "A-01" not in _seating(desktop, instance).values()


def test_find_an_agent_centres_and_highlights_the_seat(floor):
    desktop, view, agents, instance = floor
    _drop(view, agent_mime(agents[2].id), "A-09")
    assert view.find_agent("agent 02")
    item = next(i for i in view.scene.seats.values() if i.seat.code == "A-09")
    assert item.highlight
    assert not view.find_agent("nobody")


def test_the_layout_editor_moves_rotates_and_deletes_with_undo(floor, qtbot):
    desktop, view, *_ = floor
    view.edit_box.setChecked(True)
    item = next(i for i in view.scene.seats.values() if i.seat.code == "A-02")
    item.setPos(133, 217)  # what a mouse drag does: the seat lands on the grid
    assert (item.pos().x(), item.pos().y()) == (130, 220)
    seat_id = item.seat.id
    view.scene.items_moved.emit({seat_id: (500.0, 400.0)}, {})
    moved = next(s for s in seating.floor_layout(desktop.context.console, view.floor_id).seats if s.id == seat_id)
    assert (moved.x, moved.y) == (500.0, 400.0)
    view.undo.undo()
    back = next(s for s in seating.floor_layout(desktop.context.console, view.floor_id).seats if s.id == seat_id)
    assert (back.x, back.y) == (110.0, 60.0)
    item = next(i for i in view.scene.seats.values() if i.seat.id == seat_id)
    item.setSelected(True)
    qtbot.keyClick(view.map, Qt.Key.Key_R)
    assert next(s for s in seating.floor_layout(desktop.context.console, view.floor_id).seats if s.id == seat_id).rotation == 90
    zone = next(i for i in view.scene.zones.values() if i.zone.name == "Training")
    w, h = zone.zone.width, zone.zone.height
    view.scene.clearSelection()
    zone.setSelected(True)
    qtbot.keyClick(view.map, Qt.Key.Key_R)
    turned = next(z for z in seating.floor_layout(desktop.context.console, view.floor_id).zones if z.name == "Training")
    assert (turned.width, turned.height) == (h, w)
    view.undo.undo()
    item = next(i for i in view.scene.seats.values() if i.seat.id == seat_id)
    view.scene.clearSelection()
    item.setSelected(True)
    qtbot.keyClick(view.map, Qt.Key.Key_Delete)
    assert seat_id not in {s.id for s in seating.floor_layout(desktop.context.console, view.floor_id).seats}
    view.undo.undo()
    assert seat_id in {s.id for s in seating.floor_layout(desktop.context.console, view.floor_id).seats}


def test_print_the_chart_and_export_the_list(floor, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    desktop, view, agents, instance = floor
    view.actions.auto_assign()
    view.actions.print_pdf(str(tmp_path / "chart.pdf"))
    view.actions.export_list(str(tmp_path / "seats.xlsx"))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(tmp_path / "chart.pdf")).pages)
    assert "Agent 04" in text and "A-03" in text
    values = [c.value for row in load_workbook(tmp_path / "seats.xlsx").worksheets[0].iter_rows() for c in row]
    assert "Agent 04" in values and "A-03" in values


def test_undo_keeps_a_seat_freed_by_attendance_free(floor):
    desktop, view, agents, instance = floor
    _drop(view, agent_mime(agents[0].id), "A-01")
    _drop(view, agent_mime(agents[1].id), "A-02")
    a1 = next(i for i in view.scene.seats.values() if i.seat.code == "A-01")
    _drop(view, seat_mime(a1.seat.id), "A-02")  # swap
    sheet.mark(desktop.context.console, instance.id, agents[0].id, Mark(AttendanceStatus.ABSENT), "Grace Chen", NOW)
    view.refresh()
    assert _seating(desktop, instance) == {"Agent 01": "A-01"}
    view.undo.undo()  # the swap: Agent 01 back on A-02; Agent 00 (absent now) is not seated again
    assert _seating(desktop, instance) == {"Agent 01": "A-02"}
    assert view.conflicts.count() == 0


def test_a_refused_gesture_leaves_nothing_to_undo(floor):
    desktop, view, agents, instance = floor
    view.actions.start_from_previous()  # no earlier shift has seating: refused
    view.undo.undo()
    view.undo.redo()
    assert _seating(desktop, instance) == {}


def test_the_colleague_who_came_instead_is_seated_not_the_agent_who_swapped(floor):
    desktop, view, agents, instance = floor
    c = desktop.context.console
    mate = people.save_agent(c, "E900", "Colleague", team_id=agents[0].team_id)
    sheet.mark(c, instance.id, agents[0].id, Mark(AttendanceStatus.SWAPPED, swap_with_id=mate.id), "Grace Chen", NOW)
    view.refresh()
    view.actions.auto_assign()
    placed = _seating(desktop, instance)
    assert "Colleague" in placed and "Agent 00" not in placed and len(placed) == 12
