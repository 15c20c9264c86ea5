"""Signing in at the desk, and the lock after a while without use.

Once the database knows a supervisor, the window asks who is there before it
shows anything (app.services.access): the sign-in page covers the views, the
menus and the tool bar are off. After the desk's idle time (Preferences;
10 minutes until set) without a key or a click, the desk locks: the person is
signed out, the page comes back, and what was typed in the views stays as it
was for whoever signs in next. File › Sign out locks at once.

Five wrong PINs in a row close the page for 30 seconds.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app.domain.people import Role
from app.ui import errors
from app.ui.settings import IDLE_MINUTES

ATTEMPTS, PAUSE_SECONDS = 5, 30
CHECK_MS = 5_000  # how often the idle time is looked at
RETRY_MS = 5_000  # after a failed check of who may sign in
REFRESH_TICKS = 12  # every 12 idle checks (a minute): the person signed in read again (role, still active)
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin}


def role_text(role: Role) -> str:
    from PySide6.QtCore import QCoreApplication

    return {Role.SUPERVISOR: QCoreApplication.translate("sign_in", "supervisor"),
            Role.TEAM_LEADER: QCoreApplication.translate("sign_in", "team leader"),
            Role.VIEWER: QCoreApplication.translate("sign_in", "viewer")}[Role(role)]


class SignInPage(QWidget):
    """State: the people offered. Emits (person id, PIN) when Sign in is pressed (or Enter in the PIN)."""

    submitted = Signal(int, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in")
        self.people: tuple = ()
        self.title = QLabel(objectName="sign_in_title")
        self.title.setStyleSheet("font-size: 20px; font-weight: 600")
        self.reason = QLabel(objectName="sign_in_reason", wordWrap=True)
        self.who = QComboBox(objectName="sign_in_person")
        self.pin = QLineEdit(objectName="sign_in_pin", echoMode=QLineEdit.EchoMode.Password, maxLength=12)
        self.pin.returnPressed.connect(self._submit)
        self.button = QPushButton(objectName="sign_in_button", default=True)
        self.button.clicked.connect(self._submit)
        self.error = QLabel(objectName="sign_in_error", wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        self.hint = QLabel(objectName="sign_in_hint", wordWrap=True)
        self.hint.setStyleSheet("color: #555")
        self.who_label, self.pin_label = QLabel(), QLabel()
        self.who_label.setBuddy(self.who)
        self.pin_label.setBuddy(self.pin)
        card = QFrame(objectName="sign_in_card", frameShape=QFrame.Shape.StyledPanel)
        card.setMaximumWidth(460)
        form = QFormLayout()
        form.addRow(self.who_label, self.who)
        form.addRow(self.pin_label, self.pin)
        box = QVBoxLayout(card)
        box.addWidget(self.title)
        box.addWidget(self.reason)
        box.addLayout(form)
        box.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        box.addLayout(row)
        box.addWidget(self.hint)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.reason_kind, self.last_name, self._minutes = "start", None, 0
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Who is at this desk?"))
        self.who_label.setText(self.tr("&Name"))
        self.pin_label.setText(self.tr("&PIN"))
        self.button.setText(self.tr("Sign in"))
        self.show_reason(self.reason_kind, self.last_name, self._minutes)
        self.fill(self.people)

    def fill(self, people, preselect: int | None = None) -> None:
        """The active people who may sign in (name and role)."""
        keep = preselect if preselect is not None else self.who.currentData()
        self.people = tuple(people)
        self.who.clear()
        for p in self.people:
            self.who.addItem(self.tr("{name} ({role})").format(name=p.name, role=role_text(p.role)), p.id)
        if keep is not None and self.who.findData(keep) >= 0:
            self.who.setCurrentIndex(self.who.findData(keep))

    def show_reason(self, kind: str, name: str | None = None, minutes: int = 0) -> None:
        """Why the page shows: "start", "idle" (after `minutes` without use), "signed_out"."""
        self.reason_kind, self.last_name, self._minutes = kind, name, minutes
        texts = {
            "start": self.tr("Sign in with your PIN. What you can do here follows your role: supervisors do "
                             "everything, team leaders write the work log and attendance, viewers read."),
            "idle": self.tr("The desk locked itself after {minutes} minutes without use; {name} was signed in. "
                            "What was typed is kept: sign in again, or as someone else.").format(
                minutes=minutes, name=name or "—"),
            "signed_out": self.tr("{name} signed out. What was typed is kept for whoever signs in next.").format(
                name=name or "—"),
        }
        self.reason.setText(texts.get(kind, texts["start"]))

    def begin(self) -> None:
        self.pin.clear()
        self.pin.setFocus()

    def failed(self, text: str) -> None:
        self.error.setText(text)
        self.pin.clear()
        self.pin.setFocus()

    def _submit(self) -> None:
        if not self.button.isEnabled():
            return
        if self.who.currentIndex() < 0:
            self.error.setText(self.tr("No one to sign in: the database has no active supervisor."))
            return
        self.error.clear()
        self.submitted.emit(self.who.currentData(), self.pin.text())


class IdleWatch(QObject):
    """State: when the last key press or click anywhere in the application came (monotonic seconds)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.last_input = time.monotonic()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # Qt override
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self.last_input

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class SignIn(QObject):
    """The window's sign-in: whether the desk requires it, who is signed in, the page and the idle lock.

    State: the console it watches, the person signed in (None: no one), whether the page shows, wrong PINs
    in a row. Emits `changed(person or None)` on every sign-in and lock."""

    changed = Signal(object)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.page = SignInPage()
        self.page.submitted.connect(self.submit)
        self.console = None
        self.user = None
        self.required = False
        self.locked = False
        self.wrong = 0
        self.ticks = 0
        self.hidden: list = []  # the other windows hidden while the desk is locked
        self.idle = IdleWatch(self)
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check_idle)
        self.pause = QTimer(self, singleShot=True)
        self.pause.timeout.connect(self._resume)

    # --- the console ----------------------------------------------------------------------
    def start(self, console, demo: bool = False) -> None:
        """A console was opened at this desk: it is locked at once (nothing written for no one) until the
        database says whether it knows a supervisor; then the page asks who is there, or the desk opens when
        no supervisor exists yet. A check that fails keeps the desk locked and is tried again. `demo`: the page
        says the demo's PIN."""
        from app.services import access
        from app.services.demo import DEMO_PIN

        self.console, self.user, self.required = console, None, True
        access.require_sign_in(console)  # closed first: opened only once the database says nobody signs in
        self.page.hint.setText(self.tr("Demo: every supervisor's PIN is {pin}.").format(pin=DEMO_PIN) if demo
                               else "")
        self.page.hint.setVisible(demo)
        self.lock("start")
        self.timer.start()
        self._check_needed()

    def _check_needed(self) -> None:
        from app.services import access, people

        console = self.console
        if console is None:
            return

        def work():
            return access.sign_in_needed(console), people.list_supervisors(console, active_only=True)

        self.context.runner.run(work, on_done=lambda result: self._started(console, *result),
                                on_error=lambda exc: self._not_checked(console, exc))

    def _not_checked(self, console, exc: BaseException) -> None:
        """The database could not say who may sign in: the desk stays locked and asks again shortly."""
        if console is not self.console:
            return
        self.page.failed(self.tr("Who may sign in cannot be read: {reason} The desk stays locked and tries again "
                                 "in a few seconds.").format(reason=errors.describe(exc)))
        QTimer.singleShot(RETRY_MS, self._retry)

    def _retry(self) -> None:
        if self.required and self.user is None:
            self._check_needed()

    def _started(self, console, needed: bool, people) -> None:
        from app.services import access

        if console is not self.console:
            return
        self.page.fill(people)
        if needed:
            self.required = True
            self.page.error.clear()
            if not self.locked:
                self.lock("start")
        else:
            access.release_sign_in(console)
            self.required = False
            self._unlock()
        self.changed.emit(self.user)

    # --- signing in and out ---------------------------------------------------------------
    def submit(self, person_id: int, pin: str) -> None:
        from app.services import access

        console = self.console
        if console is None:
            return
        self.context.runner.run(access.sign_in, console, person_id, pin,
                                on_done=lambda person: self._signed_in(console, person),
                                on_error=self._refused)

    def _signed_in(self, console, person) -> None:
        if console is not self.console:
            return
        if self.user is None or self.user.id != person.id:
            self.context.personal_until = None
        self.user, self.wrong = person, 0
        self.page.error.clear()
        self.idle.last_input = time.monotonic()
        self._unlock()
        self.window.show_message(self.tr("Signed in: {name} ({role}).").format(name=person.name,
                                                                              role=role_text(person.role)))
        self.changed.emit(person)

    def _refused(self, exc: BaseException) -> None:
        from app.domain.errors import WrongPinError

        if isinstance(exc, WrongPinError):
            self.wrong += 1
            if self.wrong >= ATTEMPTS:
                self.page.button.setEnabled(False)
                self.page.pin.setEnabled(False)
                self.pause.start(PAUSE_SECONDS * 1000)
                self.page.failed(self.tr("{count} wrong PINs in a row: try again in {seconds} seconds.").format(
                    count=self.wrong, seconds=PAUSE_SECONDS))
                return
        self.page.failed(errors.describe(exc))

    def _resume(self) -> None:
        self.wrong = 0
        self.page.button.setEnabled(True)
        self.page.pin.setEnabled(True)
        self.page.error.clear()
        self.page.begin()

    def sign_out(self) -> None:
        """File › Sign out: the desk locks at once (nothing to do when sign-in is not required)."""
        if self.required and not self.locked:
            self.lock("signed_out")

    def check_idle(self) -> None:
        """Lock when no key or click came for the desk's idle time (work under way counts as use). Every minute:
        the person signed in read again, and a desk without sign-in asks whether a supervisor exists now."""
        self.ticks += 1
        if self.ticks % REFRESH_TICKS == 0:
            self._refresh()
        if not self.required or self.locked:
            return
        if self.context.runner.pending:
            self.idle.last_input = time.monotonic()  # an import the supervisor is watching is use
            return
        minutes = max(1, int(self.context.settings.get(IDLE_MINUTES)))
        if self.idle.idle_seconds() >= minutes * 60:
            self.lock("idle", minutes)

    def _refresh(self) -> None:
        from app.services import access

        console = self.console
        if console is None:
            return
        if not self.required:
            self._check_needed()  # the first supervisor may have been added at this desk
            return
        if self.user is None:
            return
        user = self.user
        self.context.runner.run(access.refresh, console, on_done=lambda person: self._refreshed(console, user, person),
                                on_error=lambda exc: None)

    def _refreshed(self, console, was, person) -> None:
        """Another desk changed the person signed in: a new role applies at once; made inactive, signed out."""
        if console is not self.console or self.user is not was or self.locked:
            return
        if person is None:
            self.lock("signed_out")
        elif person.role != was.role:
            self.user = person
            self.changed.emit(person)

    def lock(self, kind: str, minutes: int = 0) -> None:
        """Cover the views with the sign-in page; the person is signed out (the desk writes only its own
        housekeeping until someone signs in). What was typed stays in the views."""
        from app.services import access

        name = self.user.name if self.user is not None else None
        preselect = self.user.id if self.user is not None else None
        self.user, self.locked = None, True
        self.context.personal_until = None  # customer numbers shown whole end with the person
        if self.console is not None:
            access.sign_out(self.console)
        self._hide_windows()
        self.page.show_reason(kind, name, minutes)
        self.page.fill(self.page.people, preselect)
        self.window.show_locked(True)
        self.page.begin()
        self.changed.emit(None)

    def _unlock(self) -> None:
        self.locked = False
        self.window.show_locked(False)
        for widget in self.hidden:  # the dialogs and the wallboard come back as they were, typed text and all
            try:
                widget.show()
            except RuntimeError:  # closed meanwhile
                pass
        self.hidden = []

    def _hide_windows(self) -> None:
        """Every other window of the application (dialogs, the wallboard, the abandoned calls) is hidden while
        the desk is locked: nothing of it is seen or used by the next person before they sign in."""
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible() or widget in self.hidden:
                continue
            if widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
                widget.hide()
                continue
            widget.hide()
            self.hidden.append(widget)

    def stop(self) -> None:
        self.timer.stop()
        self.pause.stop()
        self.console = None  # a retry or refresh still queued finds no console and does nothing
        self.idle.stop()

    def retranslate(self) -> None:
        self.page.retranslate()


__all__ = ["IdleWatch", "SignIn", "SignInPage", "role_text"]
