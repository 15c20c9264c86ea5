"""The meetings view on SQLite and PostgreSQL: the next shift's agenda edited and saved as revisions, printed to
PDF, the warm-up library, the post-shift record whose topic flows into the next agenda."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt

from app.domain.meetings import PartKind, WarmupKind
from app.domain.notices import Priority
from app.domain.people import Role
from app.domain.worklog import Category, Draft
from app.services import meetings, notices, people, roster, shifts, worklog
from tests.ui.conftest import NOW


@pytest.fixture
def floor(desktop_any_db):
    """Morning (Grace Chen, running at 11:15) hands over to Afternoon (Tom Baker, three agents rostered);
    a notice to explain at the meeting; an incident and a follow-up written this morning."""
    desktop = desktop_any_db
    c = desktop.context.console
    morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
    afternoon = shifts.save_definition(c, "Afternoon", time(15), time(23, 30))
    grace = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, "2468")
    tom = people.add_supervisor(c, "Tom Baker", Role.SUPERVISOR, "1357")
    blue = people.save_team(c, "Blue", colour="#1f77b4")
    today = shifts.ensure_instance(c, NOW.date(), morning.id)
    shifts.set_supervisor(c, today.id, grace.id)
    next_shift = shifts.ensure_instance(c, NOW.date(), afternoon.id)
    shifts.set_supervisor(c, next_shift.id, tom.id)
    for no, name in (("2001", "Zhang Wei"), ("2002", "Anna Li"), ("2003", "李娜")):
        agent = people.save_agent(c, no, name, team_id=blue.id)
        roster.add_entry(c, agent.id, NOW.date(), afternoon.id)
    notices.save_notice(c, "Refund rule from 12-01", "Refunds over 500 need a team leader.", Priority.HIGH,
                        NOW - timedelta(days=1), None, True, "", "Grace Chen", NOW - timedelta(hours=3))
    incident = worklog.add_entry(c, today.id, Draft(Category.INCIDENT, "Agents could not log in at 08:05",
                                                    event_at=NOW.replace(hour=8, minute=5)),
                                 "Grace Chen", NOW.replace(hour=8, minute=9))
    worklog.add_entry(c, today.id, Draft(Category.FOLLOW_UP, "Call back Mr Zhou about the refund", owner="Tom",
                                         customer_ref="C-778", customer_name="Mr Zhou", promise="call back today",
                                         due=NOW + timedelta(hours=5), event_at=NOW.replace(hour=9)),
                      "Grace Chen", NOW.replace(hour=9))
    messages: list[str] = []
    desktop.context.status = messages.append
    from app.ui.meetings.view import MeetingsView

    view = MeetingsView(desktop.context)
    view.resize(1200, 700)
    view.start()
    yield desktop, view, today, next_shift, incident, messages
    view.close()
    view.deleteLater()


def _row(panel, kind: PartKind) -> int:
    return [p.kind for p in panel.agenda.parts].index(kind)


def test_the_next_shifts_agenda_is_edited_and_saved_as_revisions(floor, qtbot):
    desktop, view, today, next_shift, _, _ = floor
    c = desktop.context.console
    panel = view.agenda
    assert view.view_id == "meetings" and view.title_text() == "Meetings"
    assert [view.tabs.tabText(i) for i in range(2)] == ["Pre-shift agenda", "Post-shift meeting"]
    agenda = panel.agenda
    assert (agenda.instance_id, agenda.shift_name, agenda.prepared) == (next_shift.id, "Afternoon", False)
    assert panel.picker.shift.currentText() == "Afternoon 15:00–23:30"
    assert "Not prepared yet: built automatically" in panel.state.text()
    assert panel.parts.rowCount() == 6 and panel.parts.item(0, 1).text() == "Attendance"
    assert panel.parts.item(0, 0).text() == "14:45–14:47" and panel.parts.item(5, 0).text() == "14:59–15:00"
    assert panel.warning.isHidden()

    # a longer time box for the notices: the meeting now runs past the shift's start, and is refused
    notices_row = _row(panel, PartKind.NOTICES)
    panel.parts.setCurrentCell(notices_row, 1)
    panel.set_minutes(notices_row, 6)
    assert panel.agenda.parts[notices_row].minutes == 6
    assert panel.parts.item(5, 0).text() == "15:01–15:02"
    assert not panel.warning.isHidden()
    assert panel.warning.text().startswith("The meeting ends at 15:02, 2 min after the shift starts at 15:00")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert meetings.get_agenda(c, next_shift.id) is None
    assert panel.message.text().startswith("The meeting ends at 15:02")
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)  # start at 14:43: ends at 15:00
    assert panel.start_edit.time().toString("HH:mm") == "14:43" and panel.warning.isHidden()

    # where to find the notice, another warm-up
    assert panel.notices.isVisibleTo(panel) and panel.notices.item(0, 0).text() == "Refund rule from 12-01"
    panel.set_where(0, "KB > Refunds > 500")
    panel.parts.setCurrentCell(_row(panel, PartKind.WARMUP), 1)
    assert panel.warm_box.isVisibleTo(panel) and panel.warmup_box.count() == 3
    first = panel.agenda.warmup
    panel.warmup_box.setCurrentIndex((panel.warmup_box.currentIndex() + 1) % 3)
    panel.warmup_box.activated.emit(panel.warmup_box.currentIndex())
    chosen = panel.agenda.warmup
    assert chosen.key != first.key and panel.how_to.text() == chosen.how_to
    assert panel.agenda.parts[_row(panel, PartKind.WARMUP)].minutes == chosen.minutes
    panel.fit_button.click()
    assert "changed, not saved" in panel.state.text()

    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = meetings.get_agenda(c, next_shift.id)
    assert (saved.revision, saved.saved_by) == (1, "Tom Baker")  # the incoming shift's supervisor, no writer set
    assert saved.part(PartKind.NOTICES).minutes == 6
    assert saved.part(PartKind.NOTICES).notices[0].where == "KB > Refunds > 500"
    assert saved.warmup.key == chosen.key and saved.meeting_end == saved.shift_start
    assert panel.message.text() == "Agenda saved (revision 1)."
    assert "Prepared by Tom Baker at 2026-11-27 11:15 (revision 1)" in panel.state.text()

    # read again: the prepared agenda; a writer at the desk saves the next revision
    panel.go_to_next()
    assert panel.agenda.revision == 1 and not panel.dirty
    assert panel.parts.cellWidget(notices_row, 2).value() == 6
    desktop.context.writer = lambda: "Grace Chen"
    panel.parts.setCurrentCell(0, 1)
    panel.text_edit.setPlainText("Count the headsets too.")
    panel.save()
    assert [(r, by) for r, by, _ in meetings.agenda_revisions(c, next_shift.id)] == [(1, "Tom Baker"),
                                                                                    (2, "Grace Chen")]
    assert meetings.get_agenda(c, next_shift.id).parts[0].text == "Count the headsets too."


def test_parts_move_and_a_part_of_ones_own_is_printed_to_pdf(floor, tmp_path):
    from pypdf import PdfReader

    desktop, view, _, next_shift, _, messages = floor
    panel = view.agenda
    panel.parts.setCurrentCell(_row(panel, PartKind.CLOSING), 1)
    panel.add_part()
    own = panel.selected_index()
    assert panel.agenda.parts[own].kind is PartKind.OTHER and not panel.warning.isHidden()  # no title yet
    panel.title_edit.setText("Fire drill at 16:00")
    panel.title_edit.textEdited.emit("Fire drill at 16:00")
    assert panel.parts.item(own, 1).text() == "Fire drill at 16:00"
    panel.parts.cellWidget(_row(panel, PartKind.LESSONS), 2).setValue(1)
    panel.parts.cellWidget(_row(panel, PartKind.FOLLOW_UPS), 2).setValue(1)
    assert panel.warning.isHidden()
    panel.move(-1)  # above the closing... and once more above the warm-up
    panel.move(-1)
    kinds = [p.kind for p in panel.agenda.parts]
    assert kinds.index(PartKind.OTHER) == kinds.index(PartKind.WARMUP) - 1
    assert panel.selected_part().kind is PartKind.OTHER and panel.remove_button.isEnabled()
    panel.parts.setCurrentCell(0, 1)
    assert not panel.remove_button.isEnabled()  # attendance stays

    path = panel.print_pdf(str(tmp_path / "agenda.pdf"))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "Pre-shift meeting" in text and "Fire drill at 16:00" in text and "Notices to explain" in text
    assert "Refund rule from 12-01" in text and "Zhang Wei" in text and "李娜" in text
    assert messages[-1] == f"Agenda printed to {path} (1 pages)."
    assert meetings.get_agenda(desktop.context.console, next_shift.id) is None  # printing does not save

    dialog = panel.print_preview()
    assert dialog.objectName() == "agenda_preview"
    dialog.close()


def test_an_own_warm_up_is_added_to_the_library_and_chosen(floor):
    desktop, view, _, next_shift, _, _ = floor
    panel = view.agenda
    dialog = panel.open_warmups()
    assert dialog.table.rowCount() == 3
    dialog.add()  # nothing typed: refused, worded
    assert dialog.message.text() == "Give the warm-up a name (200 characters at most)."
    dialog.name.setText("Tongue twisters")
    dialog.minutes.setValue(3)
    dialog.how.setPlainText("Everyone says the twister of the day three times, faster each time.")
    dialog.add()
    assert dialog.message.text() == "“Tongue twisters” added to the library."
    assert dialog.table.rowCount() == 4 and dialog.table.item(3, 1).text() == "the center's own"
    own = next(w for w in panel.library if w.name == "Tongue twisters")
    panel.parts.setCurrentCell(_row(panel, PartKind.WARMUP), 1)
    assert panel.warmup_box.findData(own.id) >= 0
    panel.choose_warmup(own)
    panel.fit_before_shift()
    panel.save()
    assert meetings.get_agenda(desktop.context.console, next_shift.id).warmup.name == "Tongue twisters"
    dialog.table.setCurrentCell(3, 0)
    dialog.toggle_selected()
    assert dialog.table.item(3, 3).text() == "no" and own.id not in {w.id for w in panel.library}
    dialog.close()


def test_the_post_shift_record_and_its_topic_in_the_next_agenda(floor, qtbot):
    desktop, view, today, next_shift, incident, _ = floor
    c = desktop.context.console
    panel = view.post_shift
    assert panel.instance.id == today.id and panel.picker.shift.currentText() == "Morning 07:00–15:30"
    assert panel.counts.text().startswith("Rostered 0 · present 0")
    assert panel.state.text() == "No record kept yet for this shift."
    assert panel.started.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-27 11:15"
    assert panel.case_box.itemText(0) == "No case reviewed"
    assert panel.case_box.itemText(1) == "#{id} 08:05 incident: Agents could not log in at 08:05".format(id=incident.id)
    assert panel.case_box.count() == 3

    panel.ended.setDateTime(panel.started.dateTime().addSecs(-600))  # ends before it starts: refused
    panel.save()
    assert panel.message.text() == "The meeting ends after it starts, within 4 hours."
    assert meetings.get_post_shift(c, today.id) is None
    panel.ended.setDateTime(panel.started.dateTime().addSecs(900))
    panel.summary_text.setPlainText("Login trouble at 08:05; the rest was calm.")
    panel.case_box.setCurrentIndex(1)
    panel.notes.setPlainText("IT to check the ACD certificates.")
    panel.topic.setText("Calming a caller who waited long")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    record = meetings.get_post_shift(c, today.id)
    assert (record.revision, record.saved_by, record.case_entry_id, record.minutes) == (1, "Grace Chen",
                                                                                         incident.id, 15)
    assert record.tomorrow_topic == "Calming a caller who waited long"
    assert record.summary_text == "Login trouble at 08:05; the rest was calm."
    assert panel.message.text() == "Post-shift meeting saved (revision 1)."
    assert panel.state.text() == "Saved by Grace Chen at 2026-11-27 11:15 (revision 1)"

    # the next agenda (not prepared yet) took the topic: experience sharing
    agenda = view.agenda.agenda
    warm = agenda.part(PartKind.WARMUP)
    assert warm.warmup.kind is WarmupKind.SHARING and warm.topic == "Calming a caller who waited long"
    view.agenda.parts.setCurrentCell(_row(view.agenda, PartKind.WARMUP), 1)
    assert view.agenda.topic_edit.text() == "Calming a caller who waited long"

    # read again: the record is shown; typing survives a refresh of the figures
    panel.go_to_current()
    assert panel.topic.text() == "Calming a caller who waited long" and panel.case_box.currentData() == incident.id
    panel.notes.setPlainText("typing…")
    view.refresh()
    assert panel.notes.toPlainText() == "typing…"


def test_the_screens_in_english(floor, tmp_path):
    desktop, view, *_ = floor
    view.show()
    view.tabs.setCurrentIndex(0)
    view.agenda.parts.setCurrentCell(_row(view.agenda, PartKind.NOTICES), 1)
    assert not view.agenda.grab().isNull()
    view.tabs.setCurrentIndex(1)
    assert not view.post_shift.grab().isNull()
