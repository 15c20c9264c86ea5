"""Turning an abandoned call into a callback follow-up from the service-level view, as a supervisor does it."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.domain.calls import FeedFormat
from app.domain.people import Role
from app.domain.worklog import Category, ItemStatus
from app.services import callbacks, people, shifts, worklog
from app.services.import_common import ImportRequest
from app.services.imports import import_feed
from tests.ui.conftest import NOW

HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller\n"
DAY = NOW.date()


def wall(h, m, s=0):
    return NOW.replace(hour=h, minute=m, second=s, microsecond=0)


def row(cid, queue, arrived, wait, outcome, caller=""):
    if outcome == "answered":
        return (f"{cid},{queue},{arrived.isoformat()},{(arrived + timedelta(seconds=wait)).isoformat()},"
                f"{(arrived + timedelta(seconds=wait + 90)).isoformat()},answered,ana,{caller}")
    return f"{cid},{queue},{arrived.isoformat()},,{(arrived + timedelta(seconds=wait)).isoformat()},{outcome},,{caller}"


FEED = [
    row("a1", "sales", wall(10, 5), 95, "abandoned", "13800138000"),
    row("a2", "care", wall(10, 20), 12, "abandoned"),
    row("b1", "care", wall(10, 50), 12, "answered", "13800138000"),  # a1's caller, answered later
    row("b2", "sales", wall(10, 10), 30, "answered", "13900000000"),
    row("a3", "sales", wall(9, 40), 20, "abandoned", "13700000000"),  # another interval
]


def setup_floor(desktop, tmp_path, supervisor: str | None = "Ann Lee", with_shift: bool = True):
    """Shifts (the morning one with its supervisor on duty), and a small feed of today imported."""
    console = desktop.context.console
    instance = None
    if with_shift:
        morning = shifts.save_definition(console, "Morning", time(7), time(15, 30))
        shifts.save_definition(console, "Evening", time(15), time(23, 30))
        instance = shifts.ensure_instance(console, DAY, morning.id)
        if supervisor:
            lead = people.add_supervisor(console, supervisor, Role.SUPERVISOR, "2468")
            instance = shifts.set_supervisor(console, instance.id, lead.id)
    path = tmp_path / "calls.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in FEED), encoding="utf-8")
    import_feed(console, ImportRequest(path=path, format=FeedFormat.CALLS_CSV, source="acd"))
    desktop.window.refresh()
    return console, instance


def select_interval(sl, label: str) -> None:
    slots = [s.label for s in sl.current.slots]
    source_row = slots.index(label)
    proxy = sl.table.model()
    sl.table.selectRow(proxy.mapFromSource(sl.table_model.index(source_row, 0)).row())


def cells(dialog, r):
    m = dialog.model
    return [m.data(m.index(r, c)) for c in range(m.columnCount())]


def test_abandoned_calls_of_an_interval_become_follow_ups(desktop_any_db, qtbot, tmp_path):
    console, morning = setup_floor(desktop_any_db, tmp_path)
    sl = desktop_any_db.window.service_level
    assert sl.current.source == "acd" and sl.current.day == DAY
    assert sl.abandoned_action.shortcut() == QKeySequence("Ctrl+Shift+B")
    assert sl.abandoned_action.text() == "Abandoned calls…" and sl.abandoned_button.defaultAction() is sl.abandoned_action
    assert not sl.abandoned_action.isEnabled()  # no interval selected
    select_interval(sl, "10:00")
    assert sl.abandoned_action.isEnabled()
    assert sl.abandoned_action in sl.table.actions()  # the table's context menu
    sl.abandoned_action.trigger()
    dialog = sl.abandoned_dialog
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.heading.text() == f"acd · {DAY.isoformat()} 10:00–10:30 · all queues"
    assert [h for h in dialog.model.titles()] == ["Time", "Queue", "Caller", "Wait", "Called back", "Follow-up"]
    assert cells(dialog, 0) == ["10:05:00", "sales", "13800138000", "1:35", "10:50:12", ""]
    assert cells(dialog, 1) == ["10:20:00", "care", "—", "0:12", "", ""]
    assert dialog.model.rowCount() == 2
    assert "1 of their callers were answered later the same day" in dialog.summary.text()
    assert "work log of Morning" in dialog.target_label.text() and "Ann Lee" in dialog.target_label.text()
    # The call not yet called back is selected first; the supervisor picks the other one and presses Enter.
    assert dialog.selected_call().call_key.startswith("a2|")
    dialog.table.selectRow(0)
    assert dialog.create_button.isEnabled() and dialog.create_button.isDefault()
    with qtbot.waitSignal(sl.follow_up_created, timeout=2000) as caught:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    entry = caught.args[0]
    log = worklog.shift_log(console, morning.id, NOW)
    (written,) = [e for e in log.entries if e.id == entry.id]
    assert (written.category, written.status, written.customer_ref, written.tags) == (
        Category.FOLLOW_UP, ItemStatus.OPEN, "13800138000", ("callback",))
    assert (written.author, written.owner, written.due) == ("Ann Lee", "Ann Lee", NOW + timedelta(hours=1))
    assert written.event_at == wall(10, 5)
    assert written.text == "Abandoned call at 10:05:00 in queue sales after waiting 1:35: call the customer back."
    assert written.promise == "Call back before " + (NOW + timedelta(hours=1)).strftime("%H:%M")
    assert cells(dialog, 0)[5] == f"#{entry.id}"
    assert not dialog.create_button.isEnabled()
    assert f"Follow-up #{entry.id} written" in dialog.message.text()
    # One click more changes nothing: the call has its follow-up.
    dialog.create()
    assert len(worklog.shift_log(console, morning.id, NOW).entries) == 1
    # Double-click on the call without a caller: its reference is the call key.
    rect = dialog.table.visualRect(dialog.model.index(1, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a view needs the press
    with qtbot.waitSignal(dialog.follow_up_created, timeout=2000) as second:
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert second.args[0].customer_ref.startswith("a2|")
    assert cells(dialog, 1)[5] == f"#{second.args[0].id}"
    # Opened again, the listing remembers both follow-ups (read from the log).
    sl.open_abandoned_calls()
    again = sl.abandoned_dialog
    assert again is not dialog
    assert [cells(again, r)[5] for r in range(2)] == [f"#{entry.id}", f"#{second.args[0].id}"]
    assert not again.create_button.isEnabled()
    assert "2 have a follow-up" in again.summary.text()


def test_queues_shown_and_the_total_row(desktop_any_db, tmp_path):
    setup_floor(desktop_any_db, tmp_path)
    sl = desktop_any_db.window.service_level
    sl.set_queues(("sales",))
    select_interval(sl, "10:00")
    dialog = sl.open_abandoned_calls()
    assert dialog.heading.text().endswith("· sales")
    assert dialog.model.rowCount() == 1 and cells(dialog, 0)[:3] == ["10:05:00", "sales", "13800138000"]
    total = sl.table.model().mapFromSource(sl.table_model.index(len(sl.current.slots), 0)).row()
    sl.table.selectRow(total)
    assert not sl.abandoned_action.isEnabled() and sl.open_abandoned_calls() is None


def test_an_error_shows_in_the_dialog_and_without_a_supervisor_the_writer_at_the_desk_writes(desktop_any_db, tmp_path):
    console, morning = setup_floor(desktop_any_db, tmp_path, supervisor=None)
    sl = desktop_any_db.window.service_level
    select_interval(sl, "10:00")
    desktop_any_db.window.work_log.author_box.setEditText("")
    dialog = sl.open_abandoned_calls()
    assert "author and owner: —" in dialog.target_label.text()
    dialog.table.selectRow(1)
    dialog.create()  # nobody named: refused before anything is written
    assert "Nobody is named on duty" in dialog.message.text()
    assert worklog.shift_log(console, morning.id, NOW).entries == ()
    desktop_any_db.window.work_log.author_box.setEditText("Li Na")
    # Meanwhile someone else turned the first call into a follow-up.
    first = dialog.model.calls[0]
    other = callbacks.create_callback(console, first, {"text": "x", "promise": "y"}, "Bo", "Bo", NOW)
    dialog.table.selectRow(0)
    dialog.create()
    assert f"follow-up already (entry #{other.id})" in dialog.message.text()
    # The listing is read again: the row shows the other supervisor's follow-up.
    assert cells(dialog, 0)[5] == f"#{other.id}"
    dialog.table.selectRow(0)
    assert not dialog.create_button.isEnabled()
    dialog.table.selectRow(1)
    dialog.create()
    (mine,) = [e for e in worklog.shift_log(console, morning.id, NOW).entries if e.id != other.id]
    assert (mine.author, mine.owner) == ("Li Na", "Li Na")
    assert "author and owner: Li Na" in dialog.target_label.text()


def test_a_site_without_shifts_cannot_take_follow_ups(desktop_any_db, tmp_path):
    setup_floor(desktop_any_db, tmp_path, with_shift=False)
    sl = desktop_any_db.window.service_level
    select_interval(sl, "10:00")
    dialog = sl.open_abandoned_calls()
    assert dialog.model.rowCount() == 2
    assert "no shift" in dialog.target_label.text()
    assert not dialog.create_button.isEnabled()


def test_the_selected_interval_survives_a_live_refresh(desktop_any_db, tmp_path):
    setup_floor(desktop_any_db, tmp_path)
    sl = desktop_any_db.window.service_level
    select_interval(sl, "10:00")
    sl.refresh()
    assert sl.selected_slot() is not None and sl.selected_slot().label == "10:00"
    assert sl.abandoned_action.isEnabled()
