"""Signing in at the desk in the real window on the demo: the page covers everything until a PIN is right; roles
grey out and refuse what they may not do; the desk locks after its idle time and keeps what was typed."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from app.services import people
from app.services.demo_roster import DEMO_PIN
from app.ui.actions import ActionId
from app.ui.settings import IDLE_MINUTES
from tests.ui.conftest import NOW


@pytest.fixture
def signed_desk(qapp, tmp_path, sqlite_url):
    from app.services.lane import InlineLane
    from app.ui.app import DesktopApp

    app = DesktopApp(sqlite_url, "en", settings_path=tmp_path / "settings.ini", lane=InlineLane(), scheduled=False,
                     sign_in=True)
    app.context.clock = lambda: NOW
    app.window.service_level.day = NOW.date()
    app.start()
    yield app
    app.translators.switch("en")
    app.close()


def _people(app):
    return {p.name: p for p in people.list_supervisors(app.context.console)}


def _sign_in(window, qtbot, person, pin):
    page = window.signing.page
    page.who.setCurrentIndex(page.who.findData(person.id))
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def test_an_empty_database_asks_no_one(signed_desk):
    window = signed_desk.window
    assert not window.signing.required
    assert window.front.currentWidget() is window.splitter
    assert window.user_label.text() == ""


def test_the_demo_asks_who_is_there_and_a_wrong_pin_keeps_the_page(signed_desk, qtbot, tmp_path):
    window = signed_desk.window
    window.load_demo()
    page = window.signing.page
    assert window.signing.required and window.front.currentWidget() is page
    assert not window.splitter.isEnabled() and not window.actions[ActionId.EXPORT].isEnabled()
    assert window.actions[ActionId.QUIT].isEnabled()
    assert "1234" in page.hint.text() and page.hint.isVisibleTo(window)
    assert [page.who.itemText(i) for i in range(page.who.count())] == [
        "Daniel Wong (supervisor)", "Grace Chen (supervisor)", "Mia Lopez (viewer)", "Priya Nair (team leader)",
        "Tom Baker (team leader)"]
    who = _people(signed_desk)
    _sign_in(window, qtbot, who["Grace Chen"], "9999")
    assert page.error.text() == "That is not the PIN of Grace Chen. Try again."
    assert window.front.currentWidget() is page and page.pin.text() == ""
    page.grab().save(str(tmp_path / "sign_in.png"))
    _sign_in(window, qtbot, who["Grace Chen"], DEMO_PIN)
    assert window.front.currentWidget() is window.splitter and window.splitter.isEnabled()
    assert window.user_label.text() == "Signed in: Grace Chen (supervisor)"
    assert window.actions[ActionId.EXPORT].isEnabled()
    assert window.work_log.author_box.currentText() == "Grace Chen" and not window.work_log.author_box.isEnabled()


def test_five_wrong_pins_pause_the_page(signed_desk, qtbot):
    window = signed_desk.window
    window.load_demo()
    grace = _people(signed_desk)["Grace Chen"]
    for _ in range(5):
        _sign_in(window, qtbot, grace, "0000")
    page = window.signing.page
    assert not page.button.isEnabled() and not page.pin.isEnabled()
    assert "5 wrong PINs in a row" in page.error.text()
    window.signing._resume()  # the 30 seconds are over
    _sign_in(window, qtbot, grace, DEMO_PIN)
    assert window.signing.user.name == "Grace Chen"


def test_a_viewer_reads_and_is_refused_in_words(signed_desk, qtbot):
    window = signed_desk.window
    window.load_demo()
    _sign_in(window, qtbot, _people(signed_desk)["Mia Lopez"], DEMO_PIN)
    assert window.user_label.text() == "Mia Lopez (viewer): reading only"
    assert not window.actions[ActionId.EXPORT].isEnabled()
    window.show_view("work_log")
    log = window.work_log
    assert not log.form.isEnabled() and not log.items["new"].isEnabled() and not log.ack_button.isEnabled()
    assert not log.items["export"].isEnabled() and log.items["print"].isEnabled()
    log.entries.selectRow(0)
    assert not log.buttons["edit"].isEnabled() and not log.buttons["withdraw"].isEnabled()
    # Greyed out, and refused below the window too: the service says why, in words.
    from app.domain.worklog import Category, Draft
    from app.services import worklog
    from app.ui.errors import describe

    with pytest.raises(Exception) as refused:
        worklog.add_entry(signed_desk.context.console, log.log.instance.id, Draft(Category.OTHER, "x"), "Mia Lopez",
                          NOW)
    assert describe(refused.value) == ("You are signed in as a viewer: a viewer reads only. Nothing was saved; a "
                                       "supervisor can do this.")


def test_a_team_leader_writes_the_log_but_exports_nothing(signed_desk, qtbot):
    window = signed_desk.window
    window.load_demo()
    _sign_in(window, qtbot, _people(signed_desk)["Priya Nair"], DEMO_PIN)
    assert window.user_label.text() == "Signed in: Priya Nair (team leader)"
    assert not window.actions[ActionId.EXPORT].isEnabled()
    window.show_view("work_log")
    log = window.work_log
    log.new_entry()
    log.form.text.setText("Headset of seat B-04 crackles; spare given")
    before = len(log.log.entries)
    log.form.save.click()
    assert len(log.log.entries) == before + 1
    written = next(e for e in log.log.entries if e.text.startswith("Headset of seat B-04"))
    assert written.author == "Priya Nair"
    window.actions[ActionId.EXPORT].trigger()  # greyed out: nothing happens
    items = window.shift_sheet.actions.items
    assert [k for k in ("new_notice", "setup", "import_roster", "add_change", "export") if items[k].isEnabled()] == []
    assert items["print"].isEnabled()


def test_the_desk_locks_when_idle_and_keeps_what_was_typed(signed_desk, qtbot):
    app, window = signed_desk, signed_desk.window
    app.settings.set(IDLE_MINUTES, 2)
    window.load_demo()
    _sign_in(window, qtbot, _people(app)["Grace Chen"], DEMO_PIN)
    window.show_view("work_log")
    window.work_log.new_entry()
    window.work_log.form.text.setText("Half-written note about the 10:00 peak")
    window.signing.check_idle()
    assert not window.signing.locked  # just used
    window.signing.idle.last_input = time.monotonic() - 121  # two minutes without a key or a click
    window.signing.check_idle()
    page = window.signing.page
    assert window.signing.locked and window.front.currentWidget() is page
    assert "2 minutes without use; Grace Chen was signed in" in page.reason.text()
    assert window.user_label.text() == "Locked: no one signed in"
    assert window.signing.console.db.access.user is None
    assert page.who.currentText() == "Grace Chen (supervisor)"  # the one who was here is offered first
    _sign_in(window, qtbot, _people(app)["Daniel Wong"], DEMO_PIN)
    assert window.user_label.text() == "Signed in: Daniel Wong (supervisor)"
    assert window.work_log.form.text.text() == "Half-written note about the 10:00 peak"


def test_sign_out_locks_at_once(signed_desk, qtbot):
    window = signed_desk.window
    window.load_demo()
    _sign_in(window, qtbot, _people(signed_desk)["Grace Chen"], DEMO_PIN)
    window.actions[ActionId.SIGN_OUT].trigger()
    assert window.signing.locked
    assert "Grace Chen signed out" in window.signing.page.reason.text()


@pytest.mark.parametrize("name", ["Mia Lopez", "Priya Nair"])
def test_every_view_opens_for_the_lesser_roles_without_an_error(signed_desk, qtbot, name):
    """Looking is never refused: a view that records something when it is first looked at (a shift's instance, a
    handover draft) does it as the desk's bookkeeping."""
    window = signed_desk.window
    said: list[str] = []
    from app.ui import errors

    window.load_demo()
    qtbot.wait(50)  # what earlier tests' windows left queued runs before the messages of this desk are kept
    errors.set_sink(said.append)
    _sign_in(window, qtbot, _people(signed_desk)[name], DEMO_PIN)
    for view_id in ("service_level", "now", "shift_sheet", "seat_map", "work_log", "playbook", "handover",
                    "meetings", "handover_quality"):
        window.show_view(view_id)
        window.views[view_id].refresh() if hasattr(window.views[view_id], "refresh") else None
        signed_desk.wait_idle()
    window.update_shift()
    window._minute_checks()
    window.live.poll_now()  # the desk reads the live feed whoever is signed in
    signed_desk.wait_idle()
    assert said == []
    assert window.live.errors == {} and window.live.results


def test_a_failed_check_of_who_may_sign_in_keeps_the_desk_locked(signed_desk, qtbot, monkeypatch):
    from app.services import access

    window = signed_desk.window
    calls = []

    def unreachable(console):
        calls.append(1)
        if len(calls) == 1:
            from app.domain.errors import DatabaseUnavailableError

            raise DatabaseUnavailableError(console.db.url, "unreachable", "server closed the connection")
        return real(console)

    real = access.sign_in_needed
    monkeypatch.setattr(access, "sign_in_needed", unreachable)
    window.load_demo()
    page = window.signing.page
    assert window.signing.locked and window.front.currentWidget() is page
    assert signed_desk.context.console.db.access.required  # the guard is closed meanwhile
    assert "cannot be read" in page.error.text()
    window.signing._retry()  # the retry a few seconds later
    assert window.signing.required and window.signing.locked and page.error.text() == ""
    assert page.who.count() == 5


def test_locking_hides_the_other_windows_and_ends_shown_customer_numbers(signed_desk, qtbot):
    from datetime import timedelta

    window = signed_desk.window
    window.load_demo()
    _sign_in(window, qtbot, _people(signed_desk)["Grace Chen"], DEMO_PIN)
    signed_desk.context.personal_until = NOW + timedelta(minutes=15)
    window.show_view("work_log")
    window.work_log.new_entry()
    from PySide6.QtWidgets import QDialog, QLineEdit

    dialog = QDialog(window)
    typed = QLineEdit(dialog)
    typed.setText("half a sentence")
    dialog.show()
    window.actions[ActionId.SIGN_OUT].trigger()
    assert not dialog.isVisible() and signed_desk.context.personal_until is None
    _sign_in(window, qtbot, _people(signed_desk)["Daniel Wong"], DEMO_PIN)
    assert dialog.isVisible() and typed.text() == "half a sentence"
    dialog.close()


def test_a_desk_without_supervisors_opens_and_asks_once_one_exists(signed_desk, qtbot):
    from app.domain.people import Role

    window = signed_desk.window
    assert not window.signing.required and not window.signing.locked
    people.add_supervisor(signed_desk.context.console, "First Boss", Role.SUPERVISOR, "2468")
    for _ in range(12):  # a minute of idle checks
        window.signing.check_idle()
    assert window.signing.required and window.signing.locked
    assert window.signing.page.who.itemText(0) == "First Boss (supervisor)"
