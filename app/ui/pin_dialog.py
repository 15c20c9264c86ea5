"""Asks which supervisor is acting and their PIN (acknowledging a notice now; signing a handover later).

The PIN is checked by the service that acts; a wrong PIN comes back as an
error shown in the dialog, which stays open for another try.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.domain.people import Supervisor


class PinDialog(QDialog):
    """State: the supervisors offered; emits (supervisor id, PIN) when OK is pressed."""

    submitted = Signal(int, str)

    def __init__(self, title: str, question: str, supervisors: tuple[Supervisor, ...], preselect: int | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("pin_dialog")
        self.setWindowTitle(title)
        self.question = QLabel(question, wordWrap=True)
        self.who = QComboBox(objectName="pin_supervisor")
        for s in supervisors:
            self.who.addItem(s.name, s.id)
        if preselect is not None and self.who.findData(preselect) >= 0:
            self.who.setCurrentIndex(self.who.findData(preselect))
        self.pin = QLineEdit(objectName="pin", echoMode=QLineEdit.EchoMode.Password, maxLength=12)
        self.error = QLabel(objectName="pin_error", wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Supervisor"), self.who)
        form.addRow(self.tr("PIN"), self.pin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.pin.setFocus()

    def _submit(self) -> None:
        if self.who.currentIndex() < 0:
            self.error.setText(self.tr("There is no supervisor yet: add one in Shifts and people."))
            return
        self.error.clear()
        self.submitted.emit(self.who.currentData(), self.pin.text())

    def failed(self, text: str) -> None:
        """The service refused (wrong PIN): say so and let the supervisor try again."""
        self.error.setText(text)
        self.pin.clear()
        self.pin.setFocus()
