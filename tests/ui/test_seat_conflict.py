"""Two desks on one shift's seats, in the real window: another desk (a second console on the same database) changes
a seat the window still shows as it was; the window's change to that seat opens the conflict dialog with both
versions, and each choice, made with the keyboard, leaves the expected seating stored."""

from __future__ import annotations

from concurrent.futures import Future

import pytest
from PySide6.QtCore import Qt

from app.domain.seating import seen_in
from app.services import seating
from app.services.console import Console
from app.services.lane import Lane
from app.ui.seat_map.scene import agent_mime
from tests.ui.conftest import NOW
from tests.ui.test_seat_map import _drop, _seating, floor  # noqa: F401  (fixture)


@pytest.fixture
def other_desk(floor, db_url):  # noqa: F811  (the fixture imported above)
    """The same database opened by a second console: the supervisor at the other desk, Tom Baker."""
    desk = Console.open(db_url)
    yield desk
    desk.close()


def _seat_id(view, code):
    return next(i.seat.id for i in view.scene.seats.values() if i.seat.code == code)


def _cells(dialog):
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_keep_theirs_reloads_the_map_and_stores_nothing_of_mine(floor, other_desk, qtbot):  # noqa: F811
    desktop, view, agents, instance = floor
    other_map = seating.seat_map(other_desk, instance.id, NOW)
    seating.assign(other_desk, instance.id, _seat_id(view, "A-05"), agents[1].id, "Tom Baker", NOW,
                   seen=seen_in(other_map))

    _drop(view, agent_mime(agents[0].id), "A-05")  # the window still shows A-05 free
    dialog = view.actions.dialog
    assert dialog.objectName() == "seat_conflict_dialog" and dialog.isVisible()
    assert "A-05" in dialog.text.text() and "Nothing of yours was saved yet" in dialog.text.text()
    assert _cells(dialog) == [["A-05", "free", "Agent 01", f"Tom Baker at {NOW:%m-%d %H:%M}", "Agent 00"]]
    assert _seating(desktop, instance) == {"Agent 01": "A-05"}  # nothing of this desk's change stored yet
    assert dialog.theirs.isDefault()

    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter: the default, keep the stored version
    assert not dialog.isVisible() and dialog.choice == "theirs"
    assert _seating(desktop, instance) == {"Agent 01": "A-05"}
    seat = next(i for i in view.scene.seats.values() if i.seat.code == "A-05")
    assert seat.agent_names == ("Agent 01",)  # the map was read again
    assert view.unseated.count() == 11
    view.undo.undo()  # the refused gesture left nothing to undo
    assert _seating(desktop, instance) == {"Agent 01": "A-05"}


def test_apply_mine_puts_my_change_on_top_of_theirs_and_undo_gives_theirs_back(floor, other_desk, qtbot):  # noqa: F811
    desktop, view, agents, instance = floor
    seating.assign(other_desk, instance.id, _seat_id(view, "A-06"), agents[2].id, "Tom Baker", NOW,
                   seen=seen_in(seating.seat_map(other_desk, instance.id, NOW)))

    _drop(view, agent_mime(agents[3].id), "A-06")
    dialog = view.actions.dialog
    assert _cells(dialog) == [["A-06", "free", "Agent 02", f"Tom Baker at {NOW:%m-%d %H:%M}", "Agent 03"]]
    dialog.theirs.setFocus()
    qtbot.keyClick(dialog.theirs, Qt.Key.Key_Tab)  # on to "Apply my change over it"
    assert dialog.focusWidget() is dialog.mine
    qtbot.keyClick(dialog.mine, Qt.Key.Key_Space)
    assert dialog.choice == "mine" and not dialog.isVisible()
    assert _seating(desktop, instance) == {"Agent 03": "A-06"}  # Agent 02 unseated, as a drop onto a seat does
    assert view.actions.dialog is dialog  # applied at once: no second conflict
    assert view.unseated.count() == 11

    view.undo.undo()
    assert _seating(desktop, instance) == {"Agent 02": "A-06"}


def test_escape_on_an_undo_another_desk_overtook_keeps_theirs(floor, other_desk, qtbot):  # noqa: F811
    """The window seated Agent 00 on A-01 in place of Agent 05; the other desk then moved Agent 00 to A-02 and
    seated Agent 04 on A-01. The window's undo (Agent 05 back on A-01) would put Agent 05 beside Agent 04."""
    desktop, view, agents, instance = floor
    _drop(view, agent_mime(agents[5].id), "A-01")
    _drop(view, agent_mime(agents[0].id), "A-01")
    for code, agent in (("A-02", agents[0]), ("A-01", agents[4])):
        seating.assign(other_desk, instance.id, _seat_id(view, code), agent.id, "Tom Baker", NOW,
                       seen=seen_in(seating.seat_map(other_desk, instance.id, NOW)))

    view.undo.undo()
    dialog = view.actions.dialog
    assert dialog.objectName() == "seat_conflict_dialog"
    assert _cells(dialog) == [["A-01", "Agent 00", "Agent 04", f"Tom Baker at {NOW:%m-%d %H:%M}",
                               "Agent 04, Agent 05"]]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice == "theirs" and not dialog.isVisible()
    assert _seating(desktop, instance) == {"Agent 04": "A-01", "Agent 00": "A-02"}
    seat = next(i for i in view.scene.seats.values() if i.seat.code == "A-01")
    assert seat.agent_names == ("Agent 04",)


def test_a_seat_put_out_of_service_meanwhile_shows_both_outages(floor, other_desk, qtbot):  # noqa: F811
    from app.ui.seat_map.map_files import ask_out_of_service

    desktop, view, agents, instance = floor
    seat = next(i for i in view.scene.seats.values() if i.seat.code == "A-01").seat
    seating.set_out_of_service(other_desk, seat.id, "PC down", None, "Tom Baker", NOW,
                               seen=seen_in(seating.seat_map(other_desk, instance.id, NOW)))
    ask = ask_out_of_service(view.actions, seat)  # the window still shows A-01 in service
    ask.reason.setCurrentText("headset broken")
    ask.accept()
    dialog = view.actions.dialog
    assert dialog.objectName() == "seat_conflict_dialog"
    assert _cells(dialog) == [["A-01", "free", "free · out of service: PC down", f"Tom Baker at {NOW:%m-%d %H:%M}",
                               "free · out of service: headset broken"]]
    dialog.mine.click()
    item = next(i for i in view.scene.seats.values() if i.seat.code == "A-01")
    assert item.seat.out_of_service.reason == "headset broken"
    history = seating.outage_history(other_desk, seat.id)
    assert [h.outage.reason for h in history] == ["PC down", "headset broken"]


class HeldLane(Lane):
    """A lane that keeps the work given to it until `release` runs it, in order, on the caller's thread: writes
    still under way when the supervisor makes the next gesture (the answers come back through the event loop)."""

    def __init__(self) -> None:  # no worker thread
        self.held: list[tuple[Future, object, tuple]] = []

    def submit(self, fn, *args, **kwargs) -> Future:
        future: Future = Future()
        self.held.append((future, fn, args))
        return future

    def release(self, count: int | None = None) -> None:
        """Run the work held (the first `count` pieces only, when given)."""
        left = len(self.held) if count is None else count
        while self.held and left > 0:
            left -= 1
            future, fn, args = self.held.pop(0)
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # handed to the runner through the future
                future.set_exception(exc)


def test_quick_gestures_in_a_row_build_on_the_desks_own_writes_not_a_conflict(floor, qtbot):  # noqa: F811
    """Agent 00 dropped on A-01, then at once Agent 01 on A-01, before the first answer came back: the second is
    checked against what the first left, so it is no conflict with another desk."""
    from app.ui.errors import describe

    desktop, view, agents, instance = floor
    runner = desktop.context.runner
    inline, runner.lane = runner.lane, HeldLane()
    try:
        _drop(view, agent_mime(agents[0].id), "A-01")
        _drop(view, agent_mime(agents[1].id), "A-01")  # the screen still shows A-01 free
        runner.lane.release()
        qtbot.waitUntil(lambda: runner.pending == 0)
    finally:
        runner.lane = inline
    assert view.actions.dialog is None or view.actions.dialog.objectName() != "seat_conflict_dialog"
    assert _seating(desktop, instance) == {"Agent 01": "A-01"}
    view.undo.undo()
    assert _seating(desktop, instance) == {"Agent 00": "A-01"}

    # Another desk's change to the seat is still told apart (and worded for the status bar too).
    other = Console.open(desktop.context.console.db.engine.url.render_as_string(hide_password=False))
    try:
        seating.free_seat(other, instance.id, _seat_id(view, "A-01"), "Tom Baker", NOW,
                          seen=seen_in(seating.seat_map(other, instance.id, NOW)))
    finally:
        other.close()
    view.undo.redo()  # Agent 01 in place of Agent 00, whom the other desk took off meanwhile
    dialog = view.actions.dialog
    assert dialog.objectName() == "seat_conflict_dialog"
    assert _cells(dialog) == [["A-01", "Agent 00", "free", f"Tom Baker at {NOW:%m-%d %H:%M}", "Agent 01"]]
    assert describe(dialog.error) == ("Seat A-01 was changed by another desk since you looked at the map; nothing "
                                      "was saved. Look at the map again.")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert _seating(desktop, instance) == {}


@pytest.mark.parametrize("when", ["before the first write ran", "after the first write ran"])
def test_another_desks_change_that_came_back_with_my_first_write_is_not_overwritten_by_my_second(
        floor, other_desk, qtbot, when):  # noqa: F811
    """Agent 00 dropped on A-07, then at once Agent 01 on A-01, both still on the lane. Meanwhile the other desk
    seats Agent 02 on A-01: before the first write ran, its answer carries Agent 02 on A-01, which this desk never
    saw. The second gesture is checked against the screen plus this desk's own change (A-07) only, so it is a
    conflict on A-01, not a silent overwrite of the other desk's change."""
    desktop, view, agents, instance = floor
    runner = desktop.context.runner
    inline, runner.lane = runner.lane, HeldLane()
    try:
        _drop(view, agent_mime(agents[0].id), "A-07")
        _drop(view, agent_mime(agents[1].id), "A-01")  # the screen shows A-01 free
        if when == "after the first write ran":
            runner.lane.release(1)
        seating.assign(other_desk, instance.id, _seat_id(view, "A-01"), agents[2].id, "Tom Baker", NOW,
                       seen=seen_in(seating.seat_map(other_desk, instance.id, NOW)))
        runner.lane.release()
        qtbot.waitUntil(lambda: runner.pending == 0)
    finally:
        runner.lane = inline
    dialog = view.actions.dialog
    assert dialog is not None and dialog.objectName() == "seat_conflict_dialog" and dialog.isVisible()
    assert _cells(dialog) == [["A-01", "free", "Agent 02", f"Tom Baker at {NOW:%m-%d %H:%M}", "Agent 01"]]
    assert _seating(desktop, instance) == {"Agent 00": "A-07", "Agent 02": "A-01"}  # nothing of the second stored

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # keep the other desk's version: the map is read again
    assert _seating(desktop, instance) == {"Agent 00": "A-07", "Agent 02": "A-01"}
    seat = next(i for i in view.scene.seats.values() if i.seat.code == "A-01")
    assert seat.agent_names == ("Agent 02",)
    view.undo.undo()  # the refused second gesture goes, leaving nothing to undo
    assert _seating(desktop, instance) == {"Agent 00": "A-07", "Agent 02": "A-01"}
    view.undo.undo()  # the first: Agent 00 off A-07 again; the other desk's change stays
    assert _seating(desktop, instance) == {"Agent 02": "A-01"}


def test_a_gesture_queued_behind_a_refused_one_is_checked_against_the_screen_not_an_older_answer(
        floor, other_desk, qtbot):  # noqa: F811
    """Agent 00 seated on A-02 (its answer came back long ago); the other desk then seats Agent 03 on A-04 and this
    window reads the map again, so A-04 shows Agent 03. Then "start from the previous shift" (refused: no earlier
    seating) and at once Agent 05 dropped on A-04: that drop is checked against the screen (Agent 03 on A-04, as the
    supervisor saw), not against the answer of the A-02 write (A-04 free then), so it is no conflict."""
    desktop, view, agents, instance = floor
    runner = desktop.context.runner
    _drop(view, agent_mime(agents[0].id), "A-02")
    seating.assign(other_desk, instance.id, _seat_id(view, "A-04"), agents[3].id, "Tom Baker", NOW,
                   seen=seen_in(seating.seat_map(other_desk, instance.id, NOW)))
    view.load()
    assert next(i for i in view.scene.seats.values() if i.seat.code == "A-04").agent_names == ("Agent 03",)
    inline, runner.lane = runner.lane, HeldLane()
    try:
        view.actions.start_from_previous()
        _drop(view, agent_mime(agents[5].id), "A-04")
        runner.lane.release()
        qtbot.waitUntil(lambda: runner.pending == 0)
    finally:
        runner.lane = inline
    assert "no earlier shift of the site has seating" in desktop.window.statusBar().currentMessage()
    assert view.actions.dialog is None or view.actions.dialog.objectName() != "seat_conflict_dialog"
    assert _seating(desktop, instance) == {"Agent 00": "A-02", "Agent 05": "A-04"}
    assert next(i for i in view.scene.seats.values() if i.seat.code == "A-04").agent_names == ("Agent 05",)
    view.undo.undo()  # the drop; the refused gesture left nothing to undo
    assert _seating(desktop, instance) == {"Agent 00": "A-02", "Agent 03": "A-04"}


def test_a_seat_put_out_of_service_then_at_once_given_an_agent_is_no_conflict(floor, qtbot):  # noqa: F811
    """A-03 put out of service, then at once Agent 00 dropped on it, before the outage's answer came back: the drop is
    checked against the screen plus this desk's own outage of A-03, so it is stored (and shown as a seat out of
    service in use), not taken for another desk's change."""
    from app.ui.seat_map.map_files import ask_out_of_service

    desktop, view, agents, instance = floor
    runner = desktop.context.runner
    seat = next(i for i in view.scene.seats.values() if i.seat.code == "A-03").seat
    inline, runner.lane = runner.lane, HeldLane()
    try:
        ask = ask_out_of_service(view.actions, seat)
        ask.reason.setCurrentText("PC down")
        ask.accept()
        _drop(view, agent_mime(agents[0].id), "A-03")  # the screen still shows A-03 in service
        while runner.pending:  # the outage's answer reads the map again: that read is held too
            runner.lane.release()
            qtbot.waitUntil(lambda: runner.pending == len(runner.lane.held))
    finally:
        runner.lane = inline
    assert view.actions.dialog is ask
    assert _seating(desktop, instance) == {"Agent 00": "A-03"}
    item = next(i for i in view.scene.seats.values() if i.seat.code == "A-03")
    assert item.seat.out_of_service.reason == "PC down" and item.agent_names == ("Agent 00",)


def test_another_desks_change_stored_while_my_write_waited_for_its_turn_is_not_overwritten_by_my_next(
        floor, other_desk, qtbot, monkeypatch):  # noqa: F811
    """Agent 00 dropped on A-07, then at once Agent 01 on A-01, both still on the lane. The first write waits for its
    turn (on PostgreSQL, for the other desk's lock on the shift): the other desk seats Agent 02 on A-01 just before
    the first write's transaction starts, after anything this desk read before it. The first write changed A-07
    only, as it tells from inside its transaction, though its answer shows Agent 02 on A-01 too: the second gesture
    is checked against the screen plus A-07, so it is a conflict on A-01, not a silent overwrite."""
    desktop, view, agents, instance = floor
    runner, mine, a01 = desktop.context.runner, desktop.context.console, _seat_id(view, "A-01")
    write, waited = seating._write, []

    def after_the_other_desk(console, *args, **kwargs):
        if console is mine and not waited:  # this desk's first write: the other desk's goes first
            waited.append(True)
            seating.assign(other_desk, instance.id, a01, agents[2].id, "Tom Baker", NOW,
                           seen=seen_in(seating.seat_map(other_desk, instance.id, NOW)))
        return write(console, *args, **kwargs)

    monkeypatch.setattr(seating, "_write", after_the_other_desk)
    inline, runner.lane = runner.lane, HeldLane()
    try:
        _drop(view, agent_mime(agents[0].id), "A-07")
        _drop(view, agent_mime(agents[1].id), "A-01")  # the screen shows A-01 free
        runner.lane.release()
        qtbot.waitUntil(lambda: runner.pending == 0)
    finally:
        runner.lane = inline
    assert waited
    dialog = view.actions.dialog
    assert dialog is not None and dialog.objectName() == "seat_conflict_dialog" and dialog.isVisible()
    assert _cells(dialog) == [["A-01", "free", "Agent 02", f"Tom Baker at {NOW:%m-%d %H:%M}", "Agent 01"]]
    assert _seating(desktop, instance) == {"Agent 00": "A-07", "Agent 02": "A-01"}  # nothing of the second stored

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # keep the other desk's version: the map is read again
    seat = next(i for i in view.scene.seats.values() if i.seat.code == "A-01")
    assert seat.agent_names == ("Agent 02",)
    view.undo.undo()  # the refused second gesture goes, leaving nothing to undo
    view.undo.undo()  # the first: Agent 00 off A-07 again; the other desk's change stays
    assert _seating(desktop, instance) == {"Agent 02": "A-01"}


def test_a_refused_write_between_two_of_mine_keeps_the_first_ones_change_mine(floor, qtbot):  # noqa: F811
    """Agent 00 dropped on A-01, then at once "start from the previous shift" (refused: no earlier seating), then at
    once Agent 01 dropped on A-01, all three on the lane before any answer came back. The refused write stored
    nothing, so the third is checked against the screen plus the first one's own change (Agent 00 on A-01): no
    conflict with this desk's own change, and Agent 01 takes A-01 as a drop onto a seat does."""
    desktop, view, agents, instance = floor
    runner = desktop.context.runner
    inline, runner.lane = runner.lane, HeldLane()
    try:
        _drop(view, agent_mime(agents[0].id), "A-01")
        view.actions.start_from_previous()
        _drop(view, agent_mime(agents[1].id), "A-01")  # the screen still shows A-01 free
        runner.lane.release()
        qtbot.waitUntil(lambda: runner.pending == 0)
    finally:
        runner.lane = inline
    assert "no earlier shift of the site has seating" in desktop.window.statusBar().currentMessage()
    assert view.actions.dialog is None or view.actions.dialog.objectName() != "seat_conflict_dialog"
    assert _seating(desktop, instance) == {"Agent 01": "A-01"}
    assert next(i for i in view.scene.seats.values() if i.seat.code == "A-01").agent_names == ("Agent 01",)

    view.undo.undo()  # the third: Agent 00 back on A-01
    assert _seating(desktop, instance) == {"Agent 00": "A-01"}
    view.undo.undo()  # the refused gesture goes, leaving nothing to undo
    view.undo.undo()  # the first
    assert _seating(desktop, instance) == {}
