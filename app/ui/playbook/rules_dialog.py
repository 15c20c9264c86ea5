"""The thresholds of the playbook suggestions, as the center sets them (one set per site).

Spin boxes bound the values the rules accept; the services check them again
and a refusal is shown under the form, which stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout,
)

from app.domain.playbook_rules import RuleSettings


class RulesDialog(QDialog):
    """State: the settings shown (RuleSettings)."""

    accepted_with = Signal(object)  # RuleSettings

    def __init__(self, settings: RuleSettings, parent=None) -> None:
        super().__init__(parent, objectName="rules_dialog")
        self.setWindowTitle(self.tr("Alert rules"))
        self.sl_warning = QCheckBox(self.tr("Warn when one interval is below target (two in a row are always "
                                            "critical)"), objectName="rule_sl_warning")
        self.sl_warning.setChecked(settings.sl_warning)
        self.sl_minimum = self._int(settings.sl_minimum_offered, 1, 500, "rule_sl_minimum")
        self.ratio = QDoubleSpinBox(objectName="rule_ratio", minimum=1.05, maximum=10, singleStep=0.05, decimals=2)
        self.ratio.setValue(settings.offered_ratio)
        self.ratio.setSuffix(" ×")
        self.offered_minimum = self._int(settings.offered_minimum, 1, 5000, "rule_offered_minimum")
        self.wait_factor = QDoubleSpinBox(objectName="rule_wait_factor", minimum=0.5, maximum=60, singleStep=0.5,
                                          decimals=1)
        self.wait_factor.setValue(settings.oldest_wait_factor)
        self.wait_factor.setSuffix(" × T")
        self.login_gap = self._int(settings.login_gap, 1, 500, "rule_login_gap")
        self.window = self._int(settings.shift_change_window_minutes, 1, 180, "rule_window")
        self.long_call = self._int(settings.long_call_minutes, 1, 240, "rule_long_call")
        form = QFormLayout()
        form.addRow(self.sl_warning)
        form.addRow(self.tr("Judge a running interval once it has (calls)"), self.sl_minimum)
        form.addRow(self.tr("Traffic peak: calls above last week's same half hour by"), self.ratio)
        form.addRow(self.tr("… and at least (calls)"), self.offered_minimum)
        form.addRow(self.tr("Oldest waiting call over"), self.wait_factor)
        form.addRow(self.tr("At the shift change: agents present but not logged in, at least"), self.login_gap)
        form.addRow(self.tr("The shift change: minutes before and after a shift starts"), self.window)
        form.addRow(self.tr("A long call: answered more than (minutes) ago"), self.long_call)
        self.error = QLabel(objectName="dialog_error", wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: self.accepted_with.emit(self.value()))
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @staticmethod
    def _int(value: int, low: int, high: int, name: str) -> QSpinBox:
        box = QSpinBox(objectName=name, minimum=low, maximum=high)
        box.setValue(value)
        return box

    def value(self) -> RuleSettings:
        return RuleSettings(sl_warning=self.sl_warning.isChecked(), offered_ratio=round(self.ratio.value(), 2),
                            offered_minimum=self.offered_minimum.value(),
                            oldest_wait_factor=round(self.wait_factor.value(), 1), login_gap=self.login_gap.value(),
                            shift_change_window_minutes=self.window.value(), long_call_minutes=self.long_call.value(),
                            sl_minimum_offered=self.sl_minimum.value())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
