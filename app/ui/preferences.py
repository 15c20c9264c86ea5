"""The preferences dialog: language and the live-feed settings (window state is remembered apart)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox

from app.ui.settings import IDLE_MINUTES, LANGUAGE, POLL_SECONDS, STALE_MINUTES, TARGET_PERCENT, Settings, title


class PreferencesDialog(QDialog):
    """State: the settings edited; `apply_language` is called when the language changes."""

    def __init__(self, settings: Settings, apply_language, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.settings = settings
        self.apply_language = apply_language
        self.language = QComboBox(objectName="language")
        self.stale = QSpinBox(objectName="stale_minutes", minimum=1, maximum=240)
        self.poll = QSpinBox(objectName="poll_seconds", minimum=2, maximum=3600)
        self.target = QDoubleSpinBox(objectName="target", minimum=1, maximum=100, decimals=0)
        self.idle = QSpinBox(objectName="idle_minutes", minimum=1, maximum=240)
        self.form = QFormLayout(self)
        self.labels = [QLabel() for _ in range(5)]
        for label, widget in zip(self.labels, (self.language, self.stale, self.poll, self.target, self.idle)):
            self.form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        current = self.language.currentData()
        self.language.clear()
        self.language.addItem(self.tr("As the system"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        if current is not None:
            self.language.setCurrentIndex(max(0, self.language.findData(current)))
        for label, setting in zip(self.labels, (LANGUAGE, STALE_MINUTES, POLL_SECONDS, TARGET_PERCENT, IDLE_MINUTES)):
            label.setText(title(setting))

    def load(self) -> None:
        s = self.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.get(LANGUAGE))))
        self.stale.setValue(s.get(STALE_MINUTES))
        self.poll.setValue(s.get(POLL_SECONDS))
        self.target.setValue(s.get(TARGET_PERCENT))
        self.idle.setValue(s.get(IDLE_MINUTES))

    def accept(self) -> None:
        s = self.settings
        changed = self.language.currentData() != s.get(LANGUAGE)
        s.set(LANGUAGE, self.language.currentData())
        s.set(STALE_MINUTES, self.stale.value())
        s.set(POLL_SECONDS, self.poll.value())
        s.set(TARGET_PERCENT, self.target.value())
        s.set(IDLE_MINUTES, self.idle.value())
        s.store.sync()
        if changed:
            self.apply_language(self.language.currentData())
        super().accept()
