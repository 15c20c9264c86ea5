"""The shift sheet in the real window: keyboard marking, counts, undo, roster import, notices, changes, print, export."""

from __future__ import annotations

import time as clock
from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.attendance import AttendanceStatus, CrossFlag, LeaveType
from app.domain.notices import AckState, Priority
from app.domain.people import Role
from app.services import notices, people, roster, sheet, shifts
from app.ui.shift_sheet.models import ATTENDANCE_COLUMN, COLUMNS
from tests.ui.conftest import NOW


@pytest.fixture
def floor(desktop_any_db):
    """Three shifts, two teams, two supervisors, 40 agents rostered on today's morning shift."""
    desktop = desktop_any_db
    c = desktop.context.console
    morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
    shifts.save_definition(c, "Afternoon", time(15), time(23, 30))
    shifts.save_definition(c, "Night", time(23), time(7, 30))
    boss = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, "2468")
    people.add_supervisor(c, "Tom Baker", Role.TEAM_LEADER, "1357")
    teams = [people.save_team(c, name) for name in ("Cards", "Loans")]
    agents = [people.save_agent(c, f"E{100 + i}", f"Agent {i:02d}", team_id=teams[i % 2].id, acd_login=f"A{i}")
              for i in range(40)]
    for a in agents:
        roster.add_entry(c, a.id, NOW.date(), morning.id)
    instance = shifts.ensure_instance(c, NOW.date(), morning.id)
    shifts.set_supervisor(c, instance.id, boss.id)
    view = desktop.window.shift_sheet
    view.go_to_current()
    desktop.window.show_view("shift_sheet")
    return desktop, view, morning, boss


def _key(qtbot, widget, key, text=""):
    qtbot.keyClick(widget, key)


def test_forty_agents_marked_from_the_keyboard_in_under_a_minute(floor, qtbot):
    desktop, view, morning, boss = floor
    assert view.model.rowCount() == 40
    assert view.counts.lines[0][1].scheduled == 40 and view.counts.lines[0][1].unmarked == 40
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.model.index(0, 0))
    started = clock.perf_counter()
    for _ in range(34):
        qtbot.keyClick(table, Qt.Key.Key_P)
    qtbot.keyClick(table, Qt.Key.Key_L)  # late: the minutes are asked under the table
    assert view.editor.isVisible()
    view.editor.minutes.selectAll()
    qtbot.keyClicks(view.editor.minutes, "12")
    qtbot.keyClick(view.editor.minutes, Qt.Key.Key_Return)
    qtbot.keyClick(table, Qt.Key.Key_A)
    qtbot.keyClick(table, Qt.Key.Key_V)
    view.editor.leave.setCurrentIndex(view.editor.leave.findData(LeaveType.SICK))
    qtbot.keyClick(view.editor.leave, Qt.Key.Key_Return)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_A)
    qtbot.keyClick(table, Qt.Key.Key_P)
    elapsed = clock.perf_counter() - started
    assert elapsed < 60
    total = view.counts.lines[0][1]
    assert (total.present, total.late, total.absent, total.leave, total.unmarked) == (36, 1, 2, 1, 0)
    assert total.difference == -3
    by_team = dict(view.counts.lines[1:])
    assert by_team["Cards"].scheduled == 20 and by_team["Loans"].scheduled == 20
    # What the table shows is what is stored.
    stored = sheet.load_sheet(desktop.context.console, NOW.date(), morning.id, NOW)
    marks = {r.agent.name: r.mark for r in stored.rows}
    late = [r for r in stored.rows if r.mark.status is AttendanceStatus.LATE]
    assert len(late) == 1 and late[0].mark.late_minutes == 12 and late[0].marked_by == "Grace Chen"
    assert [m.leave_type for m in marks.values() if m.status is AttendanceStatus.LEAVE] == [LeaveType.SICK]
    assert view.model.data(view.model.index(34, ATTENDANCE_COLUMN)) == "late 12 min"


def test_undo_records_the_previous_mark_again(floor, qtbot):
    desktop, view, morning, _ = floor
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.model.index(3, 0))
    agent = view.current_row().agent
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert view.counts.lines[0][1].absent == 1
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.counts.lines[0][1].absent == 0
    history = sheet.mark_history(desktop.context.console, view.sheet.instance.id, agent.id)
    assert [h[0].status for h in history][-2:] == [AttendanceStatus.ABSENT, AttendanceStatus.UNMARKED]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.counts.lines[0][1].absent == 1


def test_the_status_bar_names_the_current_shift(floor):
    desktop, view, *_ = floor
    desktop.window.update_shift()
    assert desktop.window.shift_label.text() == "Shift: Morning 07:00–15:30"
    assert view.shift_box.currentText().startswith("Morning")


def test_a_roster_with_bad_rows_is_reported_then_imported(floor, tmp_path):
    desktop, view, morning, _ = floor
    tomorrow = NOW.date() + timedelta(days=1)
    path = tmp_path / "roster.csv"
    path.write_text(
        "agent_id,date,shift,activities\n"
        f"E100,{tomorrow},Morning,break 09:00-09:15\n"
        f"E101,{tomorrow},Evening,\n"
        f"E999,{tomorrow},Morning,\n"
        f"E102,{tomorrow},Morning,lunch 16:00-16:30\n"
        f"E103,{tomorrow},Afternoon,\n", encoding="utf-8")
    view.actions.import_roster()
    dialog = view.actions.dialog
    dialog.preview(str(path))
    table = dialog.rejected_table
    reasons = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert reasons == {"3": "no such shift: Evening", "4": "unknown agent: E999", "5": "activity outside the shift: lunch 16:00-16:30"} \
        or set(reasons) == {"3", "4", "5"}
    assert dialog.accepted_table.rowCount() == 2
    assert dialog.import_button.isEnabled()
    dialog.apply()
    day = shifts.slots_for(desktop.context.console, tomorrow)
    assert len(day) == 3
    stored = sheet.load_sheet(desktop.context.console, tomorrow, morning.id, NOW)
    assert [r.agent.employee_no for r in stored.rows] == ["E100"]


def test_a_notice_is_acknowledged_with_the_right_pin_only(floor):
    desktop, view, _, boss = floor
    c = desktop.context.console
    notices.save_notice(c, "Fee waiver changed", "From today: 10 purchases.", Priority.HIGH, NOW - timedelta(hours=1),
                        NOW + timedelta(days=3), True, "KB › Cards", "Grace Chen", NOW)
    view.refresh()
    assert view.notices.table.rowCount() == 1
    assert view.notices.table.item(0, 3).text().startswith("not yet by you")
    view.notices.table.selectRow(0)
    view.notices.ack.click()
    dialog = view.actions.dialog
    dialog.pin.setText("0000")
    dialog.buttons.accepted.emit()
    assert "PIN" in dialog.error.text() or dialog.error.text()
    assert dialog.isVisible()
    dialog.pin.setText("2468")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    notice = view.sheet.notices[0]
    assert notice.ack_state(boss.id) is AckState.DONE
    assert view.notices.table.item(0, 3).text() == "Grace Chen"


def test_a_personnel_change_is_recorded_with_who_and_when(floor):
    desktop, view, *_ = floor
    view.table.setCurrentIndex(view.model.index(5, 0))
    view.actions.add_change()
    dialog = view.actions.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findText("sickness"))
    dialog.accept()
    assert dialog.error.text() == "Say what happened."
    dialog.text.setPlainText("Went home with a fever at 10:40")
    dialog.accept()
    assert view.changes.table.rowCount() == 1
    assert view.changes.table.item(0, 2).text() == "Agent 05" or view.changes.table.item(0, 2).text().startswith("Agent")
    change = view.sheet.changes[0]
    assert change.recorded_by == "Grace Chen" and change.recorded_at == NOW and change.text.endswith("10:40")


def test_print_and_export_write_the_sheet(floor, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    desktop, view, *_ = floor
    pdf = view.actions.print_pdf(str(tmp_path / "sheet.pdf"))
    xlsx = view.actions.export_xlsx(str(tmp_path / "sheet.xlsx"))
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Agent 00" in text and "Agent 39" in text and "Main site" in text
    book = load_workbook(xlsx)
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert "Agent 39" in values


def test_shifts_and_people_are_set_up_in_the_dialog(floor):
    desktop, view, *_ = floor
    view.actions.setup()
    dialog = view.actions.dialog
    tab = dialog.shifts
    assert tab.table.rowCount() == 3
    tab.name.setText("Morning")
    tab.add_button.click()
    assert "Morning" in tab.error.text() or tab.error.text()  # a duplicate name is refused, nothing stored
    assert len(shifts.list_definitions(desktop.context.console)) == 3
    tab.name.setText("Late evening")
    tab.start.setTime(tab.start.time().fromString("19:00", "HH:mm"))
    tab.end.setTime(tab.end.time().fromString("01:00", "HH:mm"))
    tab.add_button.click()
    names = {d.name: d for d in shifts.list_definitions(desktop.context.console)}
    assert names["Late evening"].crosses_midnight and tab.table.rowCount() == 4
    sup = dialog.supervisors
    sup.name.setText("Nina Park")
    sup.pin.setText("1234")
    sup.pin2.setText("1243")
    sup.add_button.click()
    assert sup.error.text() == "The two PINs differ."
    sup.pin2.setText("1234")
    sup.add_button.click()
    assert any(s.name == "Nina Park" for s in people.list_supervisors(desktop.context.console))


def test_sheet_models_pass_the_model_tester(floor, qtmodeltester):
    _, view, *_ = floor
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.counts)


def test_the_sheet_speaks_chinese(floor):
    desktop, view, *_ = floor
    desktop.translators.switch("zh_CN")
    QApplication.processEvents()
    assert view.title_text() == "当班信息"
    assert view.side.tabText(0) == "人员异动"


def test_the_acd_check_flags_agents_from_the_feed_and_marks_follow(floor, qtbot, tmp_path):
    from app.domain.calls import FeedFormat
    from app.services.import_common import ImportRequest
    from app.services.imports import import_feed

    desktop, view, *_ = floor
    login = int((NOW - timedelta(hours=3)).timestamp())
    path = tmp_path / "queue_log"
    path.write_text("\n".join([
        f"{login}|NONE|sales|A0|AGENTLOGIN|SIP/a0",
        f"{login}|NONE|sales|A2|AGENTLOGIN|SIP/a2",
        f"{login}|NONE|sales|X9|AGENTLOGIN|SIP/x9",
    ]) + "\n")
    import_feed(desktop.context.console, ImportRequest(path=path, format=FeedFormat.QUEUE_LOG, source="pbx"))
    view.refresh()
    assert view.sheet.logins_known and set(view.sheet.logged_in) == {"A0", "A2", "X9"}
    assert [view.crosscheck.strangers.item(i).text() for i in range(view.crosscheck.strangers.count())] == ["X9"]
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.model.index(0, 0))
    names = [r.agent.acd_login for r in view.model.rows[:3]]
    assert names == ["A0", "A2", "A4"]  # rows by team, then name: Agent 00, 02, 04 of Cards
    qtbot.keyClick(table, Qt.Key.Key_P)  # A0 logged in: fine
    qtbot.keyClick(table, Qt.Key.Key_A)  # A2 logged in but marked absent: flagged
    qtbot.keyClick(table, Qt.Key.Key_P)  # A4 not logged in, marked present: flagged
    flags = [r.flags for r in view.model.rows[:3]]
    assert flags == [(), (CrossFlag.LOGGED_IN_NOT_PRESENT,), (CrossFlag.NOT_LOGGED_IN,)]
    assert view.model.data(view.model.index(2, COLUMNS.index("acd"))) == "⚠ not logged in"


def test_undo_never_marks_another_shift(floor, qtbot):
    desktop, view, morning, _ = floor
    c = desktop.context.console
    night = next(d for d in shifts.list_definitions(c) if d.name == "Night")
    agent = view.model.rows[0].agent
    roster.add_entry(c, agent.id, NOW.date(), night.id)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    view.load(NOW.date(), night.id)
    assert view.sheet.instance.definition.id == night.id and view.undo.count() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    other = shifts.ensure_instance(c, NOW.date(), night.id)
    assert sheet.mark_history(c, other.id, agent.id) == ()


def test_left_early_on_a_night_shift_lands_inside_the_shift(floor, qtbot):
    desktop, view, *_ = floor
    c = desktop.context.console
    night = next(d for d in shifts.list_definitions(c) if d.name == "Night")
    agent = view.model.rows[0].agent
    roster.add_entry(c, agent.id, NOW.date(), night.id)
    view.load(NOW.date(), night.id)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_E)
    view.editor.left_at.setTime(view.editor.left_at.time().fromString("01:10", "HH:mm"))
    qtbot.keyClick(view.editor.left_at, Qt.Key.Key_Return)
    left = view.model.rows[0].mark.left_at.astimezone(view.tz)
    assert (left.date(), left.hour, left.minute) == (NOW.date() + timedelta(days=1), 1, 10)
    assert view.sheet.start <= left <= view.sheet.end


def test_a_marked_agent_taken_off_the_roster_stays_in_sight(floor, qtbot, tmp_path):
    desktop, view, morning, _ = floor
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    marked = view.current_row().agent
    qtbot.keyClick(view.table, Qt.Key.Key_L)
    qtbot.keyClick(view.editor.minutes, Qt.Key.Key_Return)
    path = tmp_path / "roster.csv"
    others = [r.agent.employee_no for r in view.model.rows if r.agent.id != marked.id]
    path.write_text("agent_id,date,shift\n" + "".join(f"{no},{NOW.date()},Morning\n" for no in others), encoding="utf-8")
    c = desktop.context.console
    roster.apply_roster(c, roster.preview_roster(c, path))
    view.refresh()
    row = next(r for r in view.model.rows if r.agent.id == marked.id)
    assert not row.rostered and row.mark.status is AttendanceStatus.LATE
    assert view.model.data(view.model.index(view.model.rows.index(row), COLUMNS.index("scheduled"))) == "no longer rostered"
    assert view.counts.lines[0][1].scheduled == 39 and view.counts.lines[0][1].late == 0


def test_the_seat_column_shows_where_the_agent_sits_this_shift(floor):
    desktop, view, *_ = floor
    c = desktop.context.console
    from app.services import seating

    floor_ = seating.add_floor(c, "Floor 1")
    seat = seating.add_seat(c, floor_.id, "B-07", 0, 0)
    agent = view.model.rows[2].agent
    seating.assign(c, view.sheet.instance.id, seat.id, agent.id, "Grace Chen", NOW)
    view.refresh()
    row = next(r for r in view.model.rows if r.agent.id == agent.id)
    assert view.model.data(view.model.index(view.model.rows.index(row), COLUMNS.index("seat"))) == "B-07"


def test_another_desks_change_keeps_the_agent_being_marked(floor, qtbot):
    """The sheet is read again (another desk added an agent who sorts above) while a late mark's minutes are being
    typed: the cursor stays on the same agent, and the minutes go to that agent, not to the row now in its place."""
    desktop, view, morning, _ = floor
    c = desktop.context.console
    view.table.setFocus()
    row = 5
    view.table.setCurrentIndex(view.model.index(row, 0))
    agent = view.current_row().agent
    qtbot.keyClick(view.table, Qt.Key.Key_L)
    first = view.model.rows[0]
    newcomer = people.save_agent(c, "E000", "Aaron Early", team_id=first.agent.team_id, acd_login="A000")
    roster.add_entry(c, newcomer.id, NOW.date(), morning.id)
    view.refresh()  # as DeskWatch does when another desk wrote the roster
    assert any(r.agent.id == newcomer.id for r in view.model.rows)
    assert view.current_row().agent.id == agent.id
    assert [r.agent.id for r in view.model.rows].index(agent.id) != row  # it moved down a row
    view.editor.minutes.setValue(12)
    qtbot.keyClick(view.editor.minutes, Qt.Key.Key_Return)
    marked = next(r for r in view.model.rows if r.agent.id == agent.id)
    assert marked.mark.status is AttendanceStatus.LATE and marked.mark.late_minutes == 12
    assert all(r.mark.status is not AttendanceStatus.LATE for r in view.model.rows if r.agent.id != agent.id)
