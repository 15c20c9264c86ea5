"""Small forms of the sheet: a personnel change, a business notice, an agent added to the shift's roster."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QTimeEdit, QVBoxLayout,
)

from app.domain.attendance import ChangeKind
from app.domain.notices import Notice, Priority
from app.domain.people import Agent
from app.ui.shift_sheet import words


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _error_label() -> QLabel:
    label = QLabel(objectName="form_error", wordWrap=True)
    label.setStyleSheet("color: #b00020")
    return label


def _qdt(value: datetime, tz) -> QDateTime:
    local = value.astimezone(tz)
    return QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def _aware(edit: QDateTimeEdit, tz) -> datetime:
    return datetime.strptime(edit.dateTime().toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M").replace(tzinfo=tz)


class ChangeDialog(QDialog):
    """A personnel change: kind, agent (optional), what happened. Emits (ChangeKind, agent id or None, text)."""

    recorded = Signal(object, object, str)

    def __init__(self, agents: tuple[Agent, ...], preselect: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("change_dialog")
        self.setWindowTitle(self.tr("Record a personnel change"))
        self.kind = QComboBox(objectName="change_kind")
        for code, text in words.change_kinds().items():
            self.kind.addItem(text, code)
        self.agent = QComboBox(objectName="change_agent")
        self.agent.addItem(self.tr("(no agent)"), None)
        for a in agents:
            self.agent.addItem(f"{a.name} ({a.employee_no})", a.id)
        if preselect is not None:
            self.agent.setCurrentIndex(max(0, self.agent.findData(preselect)))
        self.text = QPlainTextEdit(objectName="change_text")
        self.text.setTabChangesFocus(True)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Change"), self.kind)
        form.addRow(self.tr("Agent"), self.agent)
        form.addRow(self.tr("What happened"), self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        self.resize(480, 300)

    def accept(self) -> None:  # Qt override: the view closes it once stored
        text = self.text.toPlainText().strip()
        if not text:
            self.error.setText(self.tr("Say what happened."))
            return
        self.recorded.emit(ChangeKind(self.kind.currentData()), self.agent.currentData(), text)

    def failed(self, text: str) -> None:
        self.error.setText(text)


class NoticeDialog(QDialog):
    """A new business notice or a new version of one. Emits a dict of the notice's fields."""

    saved = Signal(dict)

    def __init__(self, notice: Notice | None, now: datetime, tz, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_dialog")
        self.notice, self.tz = notice, tz
        self.setWindowTitle(self.tr("Business notice") if notice is None else self.tr("Business notice — new version"))
        self.title = QLineEdit(objectName="notice_title")
        self.text = QPlainTextEdit(objectName="notice_text")
        self.text.setTabChangesFocus(True)
        self.priority = QComboBox(objectName="notice_priority")
        for code, text in words.priorities().items():
            self.priority.addItem(text, code)
        self.start = QDateTimeEdit(objectName="notice_from", displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        self.has_end = QCheckBox(objectName="notice_has_end")
        self.end = QDateTimeEdit(objectName="notice_to", displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.explain = QCheckBox(objectName="notice_explain")
        self.kb = QLineEdit(objectName="notice_kb")
        self.kb.setPlaceholderText(self.tr("e.g. Knowledge base › Cards › Fees 2026"))
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("In force from"), self.start)
        form.addRow(self.has_end, self.end)
        form.addRow("", self.explain)
        form.addRow(self.tr("Where to find it in the system"), self.kb)
        self.has_end.setText(self.tr("Until"))
        self.explain.setText(self.tr("Explain at the pre-shift meeting"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if notice is not None:
            layout.addWidget(QLabel(self.tr("Saving makes version {n}; everyone acknowledges it again.").format(n=notice.version + 1),
                                    wordWrap=True))
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        if notice is None:
            self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL))
            self.start.setDateTime(_qdt(now, tz))
            self.end.setDateTime(_qdt(now + timedelta(days=7), tz))
            self.has_end.setChecked(True)
        else:
            self.title.setText(notice.title)
            self.text.setPlainText(notice.text)
            self.priority.setCurrentIndex(self.priority.findData(notice.priority))
            self.start.setDateTime(_qdt(notice.effective_from, tz))
            self.has_end.setChecked(notice.effective_to is not None)
            self.end.setDateTime(_qdt(notice.effective_to or notice.effective_from + timedelta(days=7), tz))
            self.explain.setChecked(notice.explain_at_meeting)
            self.kb.setText(notice.kb_path)
        self.end.setEnabled(self.has_end.isChecked())
        self.resize(560, 460)

    def values(self) -> dict:
        return dict(
            title=self.title.text().strip(),
            text=self.text.toPlainText().strip(),
            priority=Priority(self.priority.currentData()),
            effective_from=_aware(self.start, self.tz),
            effective_to=_aware(self.end, self.tz) if self.has_end.isChecked() else None,
            explain_at_meeting=self.explain.isChecked(),
            kb_path=self.kb.text().strip(),
            notice_id=None if self.notice is None else self.notice.id,
        )

    def accept(self) -> None:  # Qt override: the view closes it once stored
        values = self.values()
        if not values["title"]:
            self.error.setText(self.tr("A notice needs a title."))
            return
        if values["effective_to"] is not None and values["effective_to"] <= values["effective_from"]:
            self.error.setText(self.tr("The notice must end after it starts."))
            return
        self.saved.emit(values)

    def failed(self, text: str) -> None:
        self.error.setText(text)


class AddEntryDialog(QDialog):
    """Put an agent on the shown shift's roster by hand. Emits (agent id, start, end) as aware datetimes."""

    chosen = Signal(int, object, object)

    def __init__(self, agents: tuple[Agent, ...], start: datetime, end: datetime, tz, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("add_entry_dialog")
        self.setWindowTitle(self.tr("Add an agent to this shift"))
        self.base_start, self.tz = start.astimezone(tz), tz
        self.agent = QComboBox(objectName="entry_agent", editable=True)
        self.agent.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for a in agents:
            self.agent.addItem(f"{a.name} ({a.employee_no})", a.id)
        self.agent.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.start = QTimeEdit(objectName="entry_start", displayFormat="HH:mm", time=_qdt(start, tz).time())
        self.end = QTimeEdit(objectName="entry_end", displayFormat="HH:mm", time=_qdt(end, tz).time())
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Agent"), self.agent)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def times(self) -> tuple[datetime, datetime]:
        day = self.base_start.date()
        s, e = self.start.time(), self.end.time()
        start = datetime(day.year, day.month, day.day, s.hour(), s.minute(), tzinfo=self.tz)
        if start < self.base_start - timedelta(hours=12):
            start += timedelta(days=1)
        end = datetime(start.year, start.month, start.day, e.hour(), e.minute(), tzinfo=self.tz)
        if end <= start:
            end += timedelta(days=1)
        return start, end

    def accept(self) -> None:  # Qt override
        index = self.agent.findText(self.agent.currentText())
        if index < 0:
            self.error.setText(self.tr("Choose an agent from the list."))
            return
        start, end = self.times()
        self.chosen.emit(self.agent.itemData(index), start, end)

    def failed(self, text: str) -> None:
        self.error.setText(text)
