"""Reminders, shown without blocking: a one-line bar with Dismiss and Snooze 15 min.

What is due comes from `app.services.reminders.due_reminders` (the agenda of
the next shift not prepared 30 minutes before the change, a handover not
signed 15 minutes after it, the day's plan and summary at the center's
times). What the supervisor did with them (dismissed, snoozed until when) is
kept in memory by the bar, per desk: a restart shows a dismissed reminder
again if it is still due.

The reminder times are the site's, kept in the database (every desk of the
floor reminds at the same times): `ReminderTimesDialog` edits them (File ›
Reminder times…), the services check them again and keep who changed them.
The main window owns the minute job and the bar shows what it finds.
"""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox,
    QTimeEdit, QVBoxLayout, QWidget,
)

from app.domain.reminders import (
    AGENDA, DAY_PLAN, DAY_SUMMARY, HANDOVER, LEAD_LIMIT, Reminder, ReminderSettings, ReminderState,
)
from app.domain.reminders import dismiss as dismiss_state
from app.domain.reminders import snooze as snooze_state
from app.ui.errors import report_error

SNOOZE = timedelta(minutes=15)
# The view that does what a reminder asks (the main window opens it on "Open").
VIEW_OF = {AGENDA: "meetings", HANDOVER: "handover"}

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
        minute): it reads the clock, the site's reminder times and what was dismissed or snoozed when it runs."""
        context = self.context

        def run():
            from app.services.reminders import due_reminders

            if context is None or context.console is None:
                return ()
            return due_reminders(context.console, context.now(), None, self.state)

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


class ReminderTimesDialog(QDialog):
    """The site's reminder times. State: the settings shown; `accepted_with` carries the edited ones (the caller
    saves them and closes the dialog, or shows the refusal under the form, which stays open)."""

    accepted_with = Signal(object)  # ReminderSettings

    def __init__(self, settings: ReminderSettings, parent=None) -> None:
        super().__init__(parent, objectName="reminder_times")
        limit = int(LEAD_LIMIT.total_seconds() // 60)
        self.agenda_before = QSpinBox(objectName="reminder_agenda_before", minimum=0, maximum=limit)
        self.agenda_before.setValue(int(settings.agenda_before.total_seconds() // 60))
        self.handover_after = QSpinBox(objectName="reminder_handover_after", minimum=0, maximum=limit)
        self.handover_after.setValue(int(settings.handover_after.total_seconds() // 60))
        self.day_plan_on, self.day_plan = self._clock(settings.day_plan_at, "reminder_day_plan", time(9))
        self.day_summary_on, self.day_summary = self._clock(settings.day_summary_at, "reminder_day_summary",
                                                            time(16, 30))
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(2)]
        self.form.addRow(self.labels[0], self.agenda_before)
        self.form.addRow(self.labels[1], self.handover_after)
        self.form.addRow(self.day_plan_on, self.day_plan)
        self.form.addRow(self.day_summary_on, self.day_summary)
        self.note = QLabel(objectName="reminder_times_note", wordWrap=True)
        self.error = QLabel(objectName="dialog_error", wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(lambda: self.accepted_with.emit(self.value()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    @staticmethod
    def _clock(at: time | None, name: str, default: time) -> tuple[QCheckBox, QTimeEdit]:
        box = QCheckBox(objectName=f"{name}_on")
        edit = QTimeEdit(objectName=name, displayFormat="HH:mm")
        shown = at or default
        edit.setTime(QTime(shown.hour, shown.minute))
        box.setChecked(at is not None)
        edit.setEnabled(at is not None)
        box.toggled.connect(edit.setEnabled)
        return box, edit

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reminder times"))
        self.labels[0].setText(self.tr("Agenda not prepared: remind this long before the shift change"))
        self.labels[1].setText(self.tr("Handover not signed: remind this long after the shift change"))
        for box in (self.agenda_before, self.handover_after):
            box.setSuffix(self.tr(" min"))
        self.day_plan_on.setText(self.tr("The day's plan at"))
        self.day_summary_on.setText(self.tr("The day's summary at"))
        self.note.setText(self.tr("These times are the site's: every desk of the floor reminds at them."))

    def value(self) -> ReminderSettings:
        def clock(box: QCheckBox, edit: QTimeEdit) -> time | None:
            t = edit.time()
            return time(t.hour(), t.minute()) if box.isChecked() else None

        return ReminderSettings(timedelta(minutes=self.agenda_before.value()),
                                timedelta(minutes=self.handover_after.value()),
                                clock(self.day_plan_on, self.day_plan), clock(self.day_summary_on, self.day_summary))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
