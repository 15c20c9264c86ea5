"""Reminders, shown without blocking: a one-line bar with Dismiss and Snooze 15 min.

What is due comes from `app.services.reminders.due_reminders` (the agenda of
the next shift not prepared 30 minutes before the change, a handover not
signed 15 minutes after it, the day's plan and summary at the center's
times). What the supervisor did with them (dismissed, snoozed until when) is
kept in memory by the bar, per desk: a restart shows a dismissed reminder
again if it is still due.

The reminder times are kept in this desk's settings file (QSettings, the
`reminders/` keys declared below), not in the database: each desk may remind
its own supervisor at its own times; `reminder_settings` reads them with the
defaults of `ReminderSettings`. The main window owns the minute timer and
calls `ReminderBar.tick()`.
"""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.reminders import AGENDA, DAY_PLAN, DAY_SUMMARY, HANDOVER, Reminder, ReminderSettings, ReminderState
from app.domain.reminders import dismiss as dismiss_state
from app.domain.reminders import snooze as snooze_state
from app.ui.errors import report_error
from app.ui.settings import Setting, Settings

SNOOZE = timedelta(minutes=15)
# The view that does what a reminder asks (the main window opens it on "Open").
VIEW_OF = {AGENDA: "meetings", HANDOVER: "handover"}

AGENDA_BEFORE = Setting("reminders/agenda_before_minutes", 30, QT_TRANSLATE_NOOP(
    "settings", "Remind to prepare the agenda this many minutes before a shift change"), int)
HANDOVER_AFTER = Setting("reminders/handover_after_minutes", 15, QT_TRANSLATE_NOOP(
    "settings", "Remind of an unsigned handover this many minutes after a shift change"), int)
DAY_PLAN_AT = Setting("reminders/day_plan_at", "09:00", QT_TRANSLATE_NOOP(
    "settings", "Time of the day's plan (HH:MM, empty: no reminder)"), str)
DAY_SUMMARY_AT = Setting("reminders/day_summary_at", "16:30", QT_TRANSLATE_NOOP(
    "settings", "Time of the day's summary (HH:MM, empty: no reminder)"), str)
REMINDER_SETTINGS = (AGENDA_BEFORE, HANDOVER_AFTER, DAY_PLAN_AT, DAY_SUMMARY_AT)


def _time(text: str, default: time | None) -> time | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        return default


def reminder_settings(settings: Settings) -> ReminderSettings:
    """The desk's reminder times (the defaults where none or nonsense is stored)."""
    base = ReminderSettings()
    before, after = settings.get(AGENDA_BEFORE), settings.get(HANDOVER_AFTER)
    return ReminderSettings(
        agenda_before=timedelta(minutes=before) if before >= 0 else base.agenda_before,
        handover_after=timedelta(minutes=after) if after >= 0 else base.handover_after,
        day_plan_at=_time(settings.get(DAY_PLAN_AT), base.day_plan_at),
        day_summary_at=_time(settings.get(DAY_SUMMARY_AT), base.day_summary_at),
    )


def save_reminder_settings(settings: Settings, value: ReminderSettings) -> None:
    settings.set(AGENDA_BEFORE, int(value.agenda_before.total_seconds() // 60))
    settings.set(HANDOVER_AFTER, int(value.handover_after.total_seconds() // 60))
    settings.set(DAY_PLAN_AT, f"{value.day_plan_at:%H:%M}" if value.day_plan_at else "")
    settings.set(DAY_SUMMARY_AT, f"{value.day_summary_at:%H:%M}" if value.day_summary_at else "")


def reminder_text(reminder: Reminder) -> str:
    """What the reminder asks, in the window's language (times on the site's wall clock)."""
    change = reminder.change
    if reminder.kind == AGENDA and change is not None:
        return QCoreApplication.translate("reminders", "The pre-shift agenda of {shift} (starts {time}) is not "
                                          "prepared yet.").format(shift=change.incoming_name,
                                                                  time=f"{change.at:%H:%M}")
    if reminder.kind == HANDOVER and change is not None:
        return QCoreApplication.translate("reminders", "The handover to {shift} at {time} ({day}) is not signed "
                                          "by both supervisors yet.").format(
            shift=change.incoming_name, time=f"{change.at:%H:%M}", day=f"{change.at:%m-%d}")
    if reminder.kind == DAY_PLAN:
        return QCoreApplication.translate("reminders", "{time}: time for the day's plan.").format(
            time=f"{reminder.due_at:%H:%M}")
    if reminder.kind == DAY_SUMMARY:
        return QCoreApplication.translate("reminders", "{time}: time for the day's summary.").format(
            time=f"{reminder.due_at:%H:%M}")
    return reminder.kind


class ReminderBar(QWidget):
    """State: the reminders due (earliest first; the first is shown, the others counted), what this desk did with
    reminders (ReminderState: dismissed, snoozed until), and the context (runner, clock, settings) for `tick`."""

    open_requested = Signal(str)  # the view id of VIEW_OF
    state_changed = Signal()

    def __init__(self, context=None, parent=None) -> None:
        super().__init__(parent, objectName="reminder_bar")
        self.context = context
        self.state = ReminderState()
        self.reminders: tuple[Reminder, ...] = ()
        self.line = QFrame(self, objectName="reminder_line")
        self.line.setStyleSheet("QFrame#reminder_line { background: #e7f1fb; border: 1px solid #2f6ea5; "
                                "border-radius: 3px } QLabel { color: #1d4a73 } QPushButton { padding: 1px 8px }")
        self.label = QLabel(objectName="reminder_text")
        self.label.setMinimumWidth(80)
        self.more = QLabel(objectName="reminder_more")
        self.open_button = QPushButton(objectName="reminder_open")
        self.snooze_button = QPushButton(objectName="reminder_snooze")
        self.dismiss_button = QPushButton(objectName="reminder_dismiss")
        self.open_button.clicked.connect(self.open_current)
        self.snooze_button.clicked.connect(lambda: self.snooze_current())
        self.dismiss_button.clicked.connect(self.dismiss_current)
        row = QHBoxLayout(self.line)
        row.setContentsMargins(6, 1, 6, 1)
        row.addWidget(self.label, 1)
        row.addWidget(self.more)
        for b in (self.open_button, self.snooze_button, self.dismiss_button):
            row.addWidget(b)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 2)
        box.addWidget(self.line)
        self.retranslate()
        self.hide()

    @property
    def current(self) -> Reminder | None:
        return self.reminders[0] if self.reminders else None

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open"))
        self.snooze_button.setText(self.tr("Snooze 15 min"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self._show()

    # --- what is due ---
    def tick(self) -> None:
        """Ask the services what is due now (on the lane) and show it (at start, and from tests)."""
        context = self.context
        if context is None or context.console is None:
            return
        context.runner.run(self.work(), on_done=self.show_reminders, on_error=report_error)

    def work(self):
        """The check of what is due, to run off the GUI thread (the window's APScheduler job runs it every
        minute): it reads the clock, the desk's reminder times and what was dismissed or snoozed when it runs."""
        context = self.context

        def run():
            from app.services.reminders import due_reminders

            if context is None or context.console is None:
                return ()
            return due_reminders(context.console, context.now(), reminder_settings(context.settings), self.state)

        return run

    def show_reminders(self, reminders) -> None:
        """Show `reminders` (due_reminders' answer), leaving out those dismissed or snoozed meanwhile."""
        now = self._now()
        self.reminders = tuple(r for r in reminders if (r.kind, r.key) not in self.state.dismissed
                               and not (now is not None and (r.kind, r.key) in self.state.snoozed
                                        and now < self.state.snoozed[(r.kind, r.key)]))
        self._show()

    # --- what the supervisor does ---
    def dismiss_current(self) -> None:
        if self.current is None:
            return
        self.state = dismiss_state(self.state, self.current)
        self._drop_current()

    def snooze_current(self, length: timedelta = SNOOZE) -> None:
        reminder = self.current
        if reminder is None:
            return
        now = self._now() or reminder.due_at
        self.state = snooze_state(self.state, reminder, now + length)
        self._drop_current()

    def open_current(self) -> None:
        if self.current is not None and self.current.kind in VIEW_OF:
            self.open_requested.emit(VIEW_OF[self.current.kind])

    # --- helpers ---
    def _now(self):
        return self.context.now() if self.context is not None else None

    def _drop_current(self) -> None:
        self.reminders = self.reminders[1:]
        self._show()
        self.state_changed.emit()

    def _show(self) -> None:
        reminder = self.current
        if reminder is None:
            self.label.setText("")
            self.more.setText("")
            self.setVisible(False)
            return
        text = reminder_text(reminder)
        self.label.setText("● " + text)  # in the shipped font (GB 2312)
        self.label.setToolTip(text)
        hidden = len(self.reminders) - 1
        self.more.setText(self.tr("(+{n} more)").format(n=hidden) if hidden > 0 else "")
        self.more.setToolTip("\n".join(reminder_text(r) for r in self.reminders[1:21]))
        self.open_button.setVisible(reminder.kind in VIEW_OF)
        self.setVisible(True)
