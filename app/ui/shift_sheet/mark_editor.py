"""The line under the sheet's table that asks for a mark's detail (late minutes, leave type, swap, time, note).

It never opens a dialog: the supervisor presses L, types 12, Enter, and is
on the next agent. Esc gives the table back without marking.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QStackedWidget, QTimeEdit, QWidget,
)

from app.domain.attendance import AttendanceStatus, LeaveType, Mark
from app.ui.shift_sheet import words

PAGES = (AttendanceStatus.LATE, AttendanceStatus.LEAVE, AttendanceStatus.SWAPPED, AttendanceStatus.LEFT_EARLY, "note")


class MarkEditor(QWidget):
    """State: the status being asked for (or "note"), the row's current mark, the day and zone of the shift."""

    committed = Signal(object)  # the Mark to record
    cancelled = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("mark_editor")
        self.kind: AttendanceStatus | str | None = None
        self.base = Mark()
        self.day_tz = None
        self.prompt = QLabel(objectName="mark_prompt")
        self.minutes = QSpinBox(objectName="late_minutes", minimum=1, maximum=600, value=5)
        self.leave = QComboBox(objectName="leave_type")
        self.swap = QComboBox(objectName="swap_with", editable=True)
        self.swap.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.left_at = QTimeEdit(objectName="left_at", displayFormat="HH:mm")
        self.note = QLineEdit(objectName="mark_note")
        self.stack = QStackedWidget()
        for w in (self.minutes, self.leave, self.swap, self.left_at, self.note):
            self.stack.addWidget(w)
            w.installEventFilter(self)
        self.ok = QPushButton(objectName="mark_ok")
        self.ok.clicked.connect(self.commit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.ok)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.ok.setText(self.tr("Record (Enter)"))
        self.leave.clear()
        for code, text in words.leave_types().items():
            self.leave.addItem(text, code)
        self._prompt()

    def _prompt(self) -> None:
        texts = {
            AttendanceStatus.LATE: self.tr("Late by how many minutes?"),
            AttendanceStatus.LEAVE: self.tr("Which leave?"),
            AttendanceStatus.SWAPPED: self.tr("Swapped with whom?"),
            AttendanceStatus.LEFT_EARLY: self.tr("Left at:"),
            "note": self.tr("Note:"),
        }
        self.prompt.setText(texts.get(self.kind, ""))

    def ask(self, kind, name: str, mark: Mark, agents: tuple[str, ...], now: datetime, tz,
            span: tuple[datetime, datetime] | None = None) -> None:
        """Show the page for `kind`, filled from the agent's current mark; `span`: the shift's start and end."""
        self.kind, self.base, self.day_tz = kind, mark, tz
        self.span = span
        self._prompt()
        self.prompt.setText(f"{name} — {self.prompt.text()}")
        if kind is AttendanceStatus.LATE:
            self.minutes.setValue(mark.late_minutes or 5)
        elif kind is AttendanceStatus.LEAVE:
            self.leave.setCurrentIndex(max(0, self.leave.findData(mark.leave_type or LeaveType.ANNUAL)))
        elif kind is AttendanceStatus.SWAPPED:
            self.swap.clear()
            self.swap.addItems(list(agents))
            self.swap.setCurrentText(mark.swap_with_name or "")
        elif kind is AttendanceStatus.LEFT_EARLY:
            at = (mark.left_at or (min(max(now, span[0]), span[1]) if span else now)).astimezone(tz)
            self.left_at.setTime(QTime(at.hour, at.minute))
            self.now = now
        else:
            self.note.setText(mark.note)
        self.stack.setCurrentIndex(PAGES.index(kind))
        self.show()
        editor = self.stack.currentWidget()
        editor.setFocus()
        if isinstance(editor, QSpinBox):
            editor.selectAll()
        elif isinstance(editor, QLineEdit):
            editor.selectAll()
        elif isinstance(editor, QComboBox) and editor.isEditable():
            editor.lineEdit().selectAll()

    def mark(self) -> Mark:
        """The mark the page describes (the note of the row is kept)."""
        kind, base = self.kind, self.base
        if kind == "note":
            return replace(base, note=self.note.text().strip())
        keep = Mark(status=kind, note=base.note)
        if kind is AttendanceStatus.LATE:
            return replace(keep, late_minutes=self.minutes.value())
        if kind is AttendanceStatus.LEAVE:
            return replace(keep, leave_type=LeaveType(self.leave.currentData()))
        if kind is AttendanceStatus.SWAPPED:
            return replace(keep, swap_with_name=self.swap.currentText().strip() or None)
        return replace(keep, left_at=self.left_time())

    def left_time(self) -> datetime:
        """The time typed, on the date that puts it inside the shift (a night shift's 01:10 is the next day)."""
        t = self.left_at.time()
        start, end = self.span if self.span else (self.now, self.now)
        for day in (start.astimezone(self.day_tz).date(), end.astimezone(self.day_tz).date()):
            at = datetime(day.year, day.month, day.day, t.hour(), t.minute(), tzinfo=self.day_tz)
            if start <= at <= end:
                return at
        day = self.now.astimezone(self.day_tz).date()
        return datetime(day.year, day.month, day.day, t.hour(), t.minute(), tzinfo=self.day_tz)

    def commit(self) -> None:
        if self.kind is None:
            return
        mark = self.mark()
        self.kind = None
        self.hide()
        self.committed.emit(mark)

    def cancel(self) -> None:
        self.kind = None
        self.hide()
        self.cancelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.KeyPress and self.kind is not None:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
        return super().eventFilter(watched, event)
