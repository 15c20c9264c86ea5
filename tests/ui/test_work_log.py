"""The work log in the real window: keyboard entry, carried items, acknowledge, close a follow-up, search, conflict."""

from __future__ import annotations

import time as clock
from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.worklog import Category, Draft, ItemStatus
from app.domain.notices import Priority
from app.domain.people import Role
from app.services import people, shifts, worklog
from app.ui.work_log.models import choice
from tests.ui.conftest import NOW

def type_in(qtbot, widget, text: str) -> None:
    """Type `text`: Latin by key presses, Chinese as an input method commits it (as a Pinyin IME does)."""
    from PySide6.QtGui import QInputMethodEvent

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


CTRL, ALT, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def floor(desktop_any_db):
    """Today's morning shift (Grace Chen) after yesterday's afternoon (Tom Baker), which left two open items."""
    desktop = desktop_any_db
    c = desktop.context.console
    morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
    afternoon = shifts.save_definition(c, "Afternoon", time(15), time(23, 30))
    grace = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, "2468")
    tom = people.add_supervisor(c, "Tom Baker", Role.SUPERVISOR, "1357")
    today = shifts.ensure_instance(c, NOW.date(), morning.id)
    shifts.set_supervisor(c, today.id, grace.id)
    yesterday = shifts.ensure_instance(c, NOW.date() - timedelta(days=1), afternoon.id)
    shifts.set_supervisor(c, yesterday.id, tom.id)
    written = NOW - timedelta(hours=17)  # yesterday 18:15
    refund = worklog.add_entry(c, yesterday.id, Draft(
        Category.FOLLOW_UP, "Refund of the double card fee not yet booked", Priority.HIGH, event_at=written,
        customer_ref="13800138000", customer_name="李先生", promise="call back before 10:00",
        due=NOW - timedelta(hours=1, minutes=15), owner="Tom Baker", tags=("refund",)), "Tom Baker", written)
    headsets = worklog.add_entry(c, yesterday.id, Draft(
        Category.WORK_ITEM, "Six headsets in zone B crackle; IT to swap them", event_at=written,
        owner="IT desk", due=NOW + timedelta(hours=2)), "Tom Baker", written)
    view = desktop.window.work_log
    desktop.window.show_view("work_log")
    view.go_to_current()
    return desktop, view, today, refund, headsets


def test_carried_items_on_top_with_age_overdue_and_the_counts(floor):
    desktop, view, today, refund, headsets = floor
    assert view.log.instance.id == today.id
    assert [c.entry.id for c in view.log.carried] == [refund.id, headsets.id]  # overdue first
    model = view.carried_model
    assert model.data(model.index(0, model.columns.index("age"))) == "17 h 0 min"
    assert "overdue" in model.data(model.index(0, model.columns.index("due")))
    assert "this shift" in model.data(model.index(1, model.columns.index("due")))
    assert model.data(model.index(0, model.columns.index("ack"))) == "not yet"
    assert view.counts_label.text() == "Open 2 · overdue 1 · not acknowledged 2 · due this shift 1"
    assert desktop.window.log_label.text() == "Log: 2 open · 1 overdue · 2 not acknowledged"
    assert view.author_box.currentText() == "Grace Chen"  # the supervisor on duty writes by default


def test_a_follow_up_written_with_the_keyboard_only(floor, qtbot):
    desktop, view, today, refund, headsets = floor
    form = view.form
    started = clock.perf_counter()
    qtbot.keyClick(desktop.window, Qt.Key.Key_5, CTRL)  # from anywhere: the work log, the cursor in the text
    assert desktop.window.current_view_id() == "work_log" and QApplication.focusWidget() is form.text
    view.entries.setFocus()
    qtbot.keyClick(view.entries, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is form.text
    qtbot.keyClick(form.text, Qt.Key.Key_2, ALT)  # Alt+2: customer follow-up, the cursor stays in the text
    assert form.current_category() is Category.FOLLOW_UP and form.customer_ref.isVisibleTo(form)
    type_in(qtbot, form.text, "客户投诉等待过长，要求主管回电")
    qtbot.keyClick(form.text, Qt.Key.Key_Tab)
    type_in(qtbot, QApplication.focusWidget(), "VIP 投诉")  # tags
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "13900001111")  # customer no.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_in(qtbot, QApplication.focusWidget(), "王女士")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "T-20261127-88")  # ticket
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_in(qtbot, QApplication.focusWidget(), "主管回电致歉")  # promise
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "14:00")  # due
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Grace Chen")  # owner
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    elapsed = clock.perf_counter() - started
    assert elapsed < 10
    entry = view.log.entries[-1]
    assert (entry.category, entry.status, entry.text) == (Category.FOLLOW_UP, ItemStatus.OPEN, "客户投诉等待过长，要求主管回电")
    assert (entry.customer_ref, entry.customer_name, entry.ticket, entry.promise, entry.owner) == (
        "13900001111", "王女士", "T-20261127-88", "主管回电致歉", "Grace Chen")
    assert entry.tags == ("VIP", "投诉") and entry.author == "Grace Chen"
    assert entry.due.astimezone(NOW.tzinfo).strftime("%H:%M") == "14:00" and entry.event_at == NOW
    assert form.text.text() == "" and QApplication.focusWidget() is form.text  # ready for the next one
    assert view.entries_model.row_of(entry.id) == view.entries.currentIndex().row()
    assert "Open 3" in view.counts_label.text()


def test_a_follow_up_missing_its_customer_is_refused_and_the_text_kept(floor, qtbot):
    desktop, view, today, *_ = floor
    form = view.form
    view.entries.setFocus()
    qtbot.keyClick(view.entries, Qt.Key.Key_N, CTRL)
    qtbot.keyClick(form.text, Qt.Key.Key_2, ALT)
    qtbot.keyClicks(form.text, "Call the customer back")
    qtbot.keyClick(form.text, Qt.Key.Key_Return)
    assert "give the customer number or name" in form.problems.text()
    assert "Promise is needed." in form.problems.text() and "Owner is needed." in form.problems.text()
    assert form.text.text() == "Call the customer back"
    assert view.log.entries == ()
    qtbot.keyClicks(form.due, "99:99")
    qtbot.keyClick(form.due, Qt.Key.Key_Return)
    assert "Cannot read the time “99:99”" in form.problems.text()


def test_acknowledge_and_hand_to_a_new_owner(floor, qtbot):
    desktop, view, today, refund, headsets = floor
    c = desktop.context.console
    view.carried.setFocus()
    view.carried.setCurrentIndex(view.carried_model.index(1, 0))  # the headsets
    qtbot.keyClick(view.carried, Qt.Key.Key_K, CTRL)
    stored = worklog.get_entry(c, headsets.id)
    assert [(a.instance_id, a.by, a.owner) for a in stored.acks] == [(today.id, "Grace Chen", "IT desk")]
    assert "not acknowledged 1" in view.counts_label.text()
    view.carried.setFocus()
    view.carried.setCurrentIndex(view.carried_model.index(view.carried_model.row_of(refund.id), 0))
    qtbot.keyClick(view.carried, Qt.Key.Key_K, CTRL | SHIFT)
    dialog = view.dialog
    assert dialog.objectName() == "ack_owner_dialog" and dialog.edit.currentText() == "Tom Baker"
    dialog.edit.setEditText("Grace Chen")
    dialog.buttons.accepted.emit()
    stored = worklog.get_entry(c, refund.id)
    assert stored.owner == "Grace Chen" and stored.acks[-1].owner == "Grace Chen"
    assert [r.kind.value for r in worklog.history(c, refund.id)] == ["created", "handover"]
    assert "not acknowledged 0" in view.counts_label.text()
    model = view.carried_model
    assert model.data(model.index(model.row_of(refund.id), model.columns.index("ack"))) == "Grace Chen 11:15"


def test_close_a_follow_up_with_a_remark(floor, qtbot):
    desktop, view, today, refund, headsets = floor
    c = desktop.context.console
    view.carried.setFocus()
    view.carried.setCurrentIndex(view.carried_model.index(view.carried_model.row_of(refund.id), 0))
    qtbot.keyClick(view.carried, Qt.Key.Key_D, CTRL)
    dialog = view.dialog
    assert dialog.objectName() == "status_dialog" and choice(dialog.status, ItemStatus) is ItemStatus.DONE
    dialog.buttons.accepted.emit()  # no remark: refused in the dialog, nothing stored
    assert "closing remark" in dialog.error.text() and dialog.isVisible()
    assert worklog.get_entry(c, refund.id).status is ItemStatus.OPEN
    dialog.remark.setPlainText("Called back at 11:10; refund booked, customer satisfied")
    dialog.buttons.accepted.emit()
    stored = worklog.get_entry(c, refund.id)
    assert stored.status is ItemStatus.DONE and stored.closing_remark.startswith("Called back at 11:10")
    assert [c.entry.id for c in view.log.carried] == [headsets.id]  # done: no longer carried
    assert view.counts_label.text() == "Open 1 · overdue 0 · not acknowledged 1 · due this shift 1"


def test_withdraw_keeps_the_entry_readable_and_history_shows_every_revision(floor, qtbot):
    desktop, view, today, *_ = floor
    c = desktop.context.console
    entry = worklog.add_entry(c, today.id, Draft(Category.OTHER, "Coffee machine broken"), "Grace Chen", NOW)
    worklog.edit_entry(c, entry.id, {"text": "Coffee machine on floor 2 broken"}, "Grace Chen", NOW, 1)
    view.refresh()
    view.entries.setFocus()
    view.entries.setCurrentIndex(view.entries_model.index(view.entries_model.row_of(entry.id), 0))
    qtbot.keyClick(view.entries, Qt.Key.Key_H, CTRL)
    history = view.dialog
    cells = [[history.table.item(r, col).text() for col in range(6)] for r in range(history.table.rowCount())]
    assert ["2", f"{NOW:%Y-%m-%d %H:%M}", "Grace Chen", "edited", "Text",
            "Coffee machine broken → Coffee machine on floor 2 broken"] in cells
    history.reject()
    qtbot.keyClick(view.entries, Qt.Key.Key_Delete, CTRL)
    ask = view.dialog
    assert ask.objectName() == "withdraw_dialog"
    ask.buttons.accepted.emit()
    assert "Please fill this in." in ask.error.text()
    ask.edit.setText("Written in the wrong shift")
    ask.buttons.accepted.emit()
    row = view.entries_model.row_of(entry.id)
    assert row >= 0  # still shown
    index = view.entries_model.index(row, view.entries_model.columns.index("status"))
    assert view.entries_model.data(index) == "withdrawn"
    assert view.entries_model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
    assert worklog.get_entry(c, entry.id).withdrawn.reason == "Written in the wrong shift"
    assert not view.buttons["edit"].isEnabled()


def test_an_edit_that_races_another_desk_shows_both_versions(floor, qtbot):
    desktop, view, today, refund, headsets = floor
    c = desktop.context.console
    view.carried.setFocus()
    view.carried.setCurrentIndex(view.carried_model.index(view.carried_model.row_of(headsets.id), 0))
    view.edit()
    dialog = view.dialog
    # Meanwhile another desk changes the owner.
    worklog.edit_entry(c, headsets.id, {"owner": "Facilities"}, "Tom Baker", NOW, 1)
    dialog.promise.setText("new headsets by noon")
    dialog.buttons.accepted.emit()
    conflict = view.dialog
    assert conflict.objectName() == "conflict_dialog"
    cells = {conflict.table.item(r, 0).text(): [conflict.table.item(r, col).text() for col in range(1, 4)]
             for r in range(conflict.table.rowCount())}
    assert cells["Owner"] == ["IT desk", "Facilities", ""]
    assert cells["Promise"] == ["—", "—", "new headsets by noon"]
    conflict.mine.click()
    stored = worklog.get_entry(c, headsets.id)
    assert (stored.owner, stored.promise, stored.revision) == ("Facilities", "new headsets by noon", 3)
    assert not (view.dialog is not conflict and view.dialog.objectName() == "conflict_dialog")  # no second conflict


def test_search_in_chinese_and_saved_filters(floor, qtbot):
    desktop, view, today, refund, headsets = floor
    c = desktop.context.console
    worklog.add_entry(c, today.id, Draft(Category.INCIDENT, "08:05 坐席无法登录ACD，08:20 恢复", tags=("ACD",)),
                      "Grace Chen", NOW)
    view.entries.setFocus()
    qtbot.keyClick(view.entries, Qt.Key.Key_F, CTRL)
    panel = view.search
    assert view.tabs.currentIndex() == 1 and QApplication.focusWidget() is panel.text
    type_in(qtbot, panel.text, "登录")
    panel.run()  # what the quarter-second timer does
    assert [e.text for e in panel.model.entries] == ["08:05 坐席无法登录ACD，08:20 恢复"]
    panel.text.setText("李先生")  # the customer name of yesterday's follow-up
    panel.run()
    assert [e.id for e in panel.model.entries] == [refund.id]
    panel.text.setText("acd")  # case-insensitive, tags too
    panel.run()
    assert len(panel.model.entries) == 1
    panel.text.clear()
    panel.status.setCurrentIndex(panel.status.findData("open_items"))
    panel.run()
    assert {e.id for e in panel.model.entries} == {refund.id, headsets.id}
    panel._save()
    panel.dialog.edit.setText("Open items")
    panel.dialog.buttons.accepted.emit()
    assert [s.name for s in worklog.list_filters(c)] == ["Open items"]
    assert panel.saved_box.findText("Open items") > 0
    panel.status.setCurrentIndex(0)
    panel.run()
    assert len(panel.model.entries) == 3
    panel.saved_box.setCurrentIndex(panel.saved_box.findText("Open items"))
    panel._saved_chosen(panel.saved_box.currentIndex())
    assert {e.id for e in panel.model.entries} == {refund.id, headsets.id}


def test_templates_fill_the_form(floor, qtbot):
    desktop, view, today, *_ = floor
    c = desktop.context.console
    worklog.save_template(c, "ACD login failure", Category.INCIDENT, "Agents cannot log in to the ACD", ("ACD",))
    view.refresh()
    form = view.form
    form._template_chosen(form.template.findText("ACD login failure"))
    assert form.current_category() is Category.INCIDENT
    assert form.text.text() == "Agents cannot log in to the ACD" and form.tags.text() == "ACD"
    qtbot.keyClick(form.text, Qt.Key.Key_Return)
    assert view.log.entries[-1].tags == ("ACD",) and view.log.entries[-1].category is Category.INCIDENT


def test_export_of_the_shift_and_words_in_chinese(floor, qtbot, tmp_path):
    from openpyxl import load_workbook

    desktop, view, today, refund, headsets = floor
    path = view.export_shift(str(tmp_path / "log.xlsx"))
    desktop.wait_idle()
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert any("Refund of the double card fee not yet booked" in (r or ()) for r in rows)
    desktop.translators.switch("zh_CN")
    QApplication.processEvents()  # Qt posts LanguageChange to every window
    assert view.tabs.tabText(0) == "本班"
    assert "未确认 2" in view.counts_label.text()


def test_an_edit_that_changes_nothing_stores_nothing(floor):
    desktop, view, today, refund, headsets = floor
    c = desktop.context.console
    view.carried.setFocus()
    view.carried.setCurrentIndex(view.carried_model.index(view.carried_model.row_of(refund.id), 0))
    view.edit()
    view.dialog.buttons.accepted.emit()  # OK without touching anything (times shown to the minute)
    assert worklog.get_entry(c, refund.id).revision == 1
    view.edit()
    view.dialog.promise.setText("call back before 12:00")
    view.dialog.buttons.accepted.emit()
    (created, edited) = worklog.history(c, refund.id)
    assert [name for name, *_ in edited.changes] == ["promise"]


def test_the_log_follows_the_shift_change_and_the_writer_with_it(floor, qtbot):
    desktop, view, today, refund, headsets = floor
    c = desktop.context.console
    afternoon = next(s for s in view.slots if s.definition.name == "Afternoon")
    tom = next(s for s in view.supervisors if s.name == "Tom Baker")
    next_shift = shifts.ensure_instance(c, NOW.date(), afternoon.definition.id)
    shifts.set_supervisor(c, next_shift.id, tom.id)
    view.author_box.setEditText("Grace Chen")
    desktop.context.clock = lambda: NOW.replace(hour=16, minute=5)
    view.tick()  # the minute timer
    assert view.log.instance.id == next_shift.id
    assert view.author_box.currentText() == "Tom Baker"
    assert {c.entry.id for c in view.log.carried} == {refund.id, headsets.id}
    # A shift picked by hand stays put.
    view.shift_box.setCurrentIndex(view.shift_box.findData(today.definition.id))
    view.shift_box.activated.emit(view.shift_box.currentIndex())
    assert view.log.instance.id == today.id
    view.tick()
    assert view.log.instance.id == today.id


def test_a_day_without_shifts_does_not_lock_the_date(floor):
    desktop, view, today, *_ = floor
    c = desktop.context.console
    shifts.set_special_day(c, NOW.date() + timedelta(days=2), "Closed", None, None)
    view.day.setDate(NOW.date() + timedelta(days=2))
    assert view.log is None and view.message.isVisible()
    view.day.setDate(NOW.date() + timedelta(days=1))
    assert view.log is not None and view.log.instance.day == NOW.date() + timedelta(days=1)


def test_a_saved_last_7_days_filter_stays_relative(floor):
    desktop, view, today, refund, headsets = floor
    c = desktop.context.console
    panel = view.search
    view.open_search()
    panel.range.setCurrentIndex(panel.range.findData("week"))
    panel._save()
    panel.dialog.edit.setText("This week")
    panel.dialog.buttons.accepted.emit()
    (saved,) = worklog.list_filters(c)
    assert (saved.filter.recent_days, saved.filter.first, saved.filter.last) == (7, None, None)
    panel.range.setCurrentIndex(panel.range.findData("any"))
    panel._saved_chosen(panel.saved_box.findText("This week"))
    assert panel.range.currentData() == "week"


def _sqlite_refusing(desktop, pragma: str) -> None:
    """From now on every connection of the window's SQLite database runs `pragma` (a full disk: a page limit at
    the current size; a read-only file: query_only)."""
    from sqlalchemy import event

    engine = desktop.context.console.db.engine

    def limit(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        if pragma == "full":
            pages = cursor.execute("PRAGMA page_count").fetchone()[0]
            cursor.execute(f"PRAGMA max_page_count = {pages}")
        else:
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    event.listen(engine, "connect", limit)
    engine.dispose()  # the pooled connections go; new ones get the pragma


@pytest.mark.parametrize("pragma, said", [
    ("full", "The database is full (no room left on its disk): nothing was saved."),
    ("read_only", "The database can only be read (its file or folder is read-only): nothing was saved;"),
])
def test_a_full_or_read_only_database_refuses_in_words_and_keeps_the_text(desktop, qtbot, pragma, said):
    from tests.ui.conftest import NOW as now

    c = desktop.context.console
    morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
    grace = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, "2468")
    shifts.set_supervisor(c, shifts.ensure_instance(c, now.date(), morning.id).id, grace.id)
    view = desktop.window.work_log
    desktop.window.show_view("work_log")
    view.go_to_current()
    # A long note, so that it needs new pages (a full disk shows when the file must grow).
    long_note = "Headsets in zone B crackle; IT swaps them after the peak. " * 200
    _sqlite_refusing(desktop, pragma)
    form = view.form
    form.text.setText(long_note)
    qtbot.keyClick(form.text, Qt.Key.Key_Return)
    shown = form.problems.text() or desktop.window.statusBar().currentMessage()
    assert shown.startswith(said)
    assert form.text.text() == long_note  # what was typed is kept
    assert worklog.shift_log(c, view.log.instance.id, now).entries == ()


def test_customer_numbers_are_masked_in_exports_and_prints_unless_a_supervisor_shows_them(floor, qtbot, tmp_path):
    from datetime import timedelta as td

    from openpyxl import load_workbook
    from pypdf import PdfReader

    desktop, view, today, refund, headsets = floor
    window = desktop.window

    def exported(name):
        path = view.export_shift(str(tmp_path / name))
        desktop.wait_idle()
        return [c for r in load_workbook(path).active.iter_rows(values_only=True) for c in (r or ()) if c]

    def printed(name):
        path = view.print_pdf(str(tmp_path / name))
        desktop.wait_idle()
        from app.ui.print_jobs import wait_for_print_jobs

        wait_for_print_jobs()
        return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)

    cells = exported("masked.xlsx")
    assert "*******8000" in cells and "13800138000" not in cells and "李先生" in cells  # the name stays
    assert "*******8000" in printed("masked.pdf")
    # A wrong PIN, then the supervisor's: whole for 15 minutes.
    window.show_personal()
    dialog = window.personal_dialog
    dialog.who.setCurrentIndex(dialog.who.findText("Grace Chen"))
    dialog.pin.setText("0000")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "not the PIN of Grace Chen" in dialog.error.text()
    assert "*******8000" in exported("still.xlsx")
    dialog.pin.setText("2468")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert window.statusBar().currentMessage().startswith("Customer numbers print whole until 11:30 (Grace Chen)")
    assert "13800138000" in exported("whole.xlsx") and "13800138000" in printed("whole.pdf")
    later = desktop.context.clock() + td(minutes=16)
    desktop.context.clock = lambda: later
    assert "*******8000" in exported("again.xlsx")  # masked again by itself
    assert refund.customer_ref == "13800138000"  # what is stored never changes
