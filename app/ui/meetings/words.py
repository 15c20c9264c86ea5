"""The meetings' codes worded for the supervisor, and the small helpers the two tabs share.

Part titles come from the printed agenda's words (one wording on paper and on screen).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.meetings import AgendaPart, WarmupKind


def ui_language() -> str:
    """The agenda's language: the window's (Chinese when it is Chinese, English otherwise)."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def warmup_kinds() -> dict[WarmupKind, str]:
    return {
        WarmupKind.TUNING: QCoreApplication.translate("meetings", "greeting tuning"),
        WarmupKind.SHARING: QCoreApplication.translate("meetings", "experience sharing"),
        WarmupKind.CONFIDENCE: QCoreApplication.translate("meetings", "confidence gesture"),
        WarmupKind.CUSTOM: QCoreApplication.translate("meetings", "the center's own"),
    }


def part_title(part: AgendaPart, printed: dict[str, str]) -> str:
    """The part's own title, else the standard wording (`printed`: app.printing.agenda.agenda_words())."""
    return part.title.strip() or printed[f"part.{part.kind.value}"]


def minutes_suffix() -> str:
    return QCoreApplication.translate("meetings", " min")


def local_on(day: date, at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=tz)


def nearest_before(reference: datetime, at: time, tz: ZoneInfo) -> datetime:
    """The instant at wall-clock `at` closest to `reference` (the day before, that day or the day after):
    a meeting at 23:45 for a shift starting at 00:00 is on the evening before."""
    day = reference.astimezone(tz).date()
    candidates = [local_on(day + timedelta(days=d), at, tz) for d in (-1, 0, 1)]
    return min(candidates, key=lambda c: abs((c - reference).total_seconds()))


class ShiftPicker(QWidget):
    """Date, shift and a button back to the default shift (the next one, or the one running now).
    `chosen(day, definition_id)` when the supervisor picks; `default_requested` for the button."""

    chosen = Signal(object, object)  # date, definition id (None: the first of the day)
    default_requested = Signal()

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self._filling = False
        self.day = QDateEdit(objectName=f"{name}_day", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.shift = QComboBox(objectName=f"{name}_shift")
        self.shift.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.default_button = QPushButton(objectName=f"{name}_default")
        self.day_label, self.shift_label = QLabel(), QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.day_label, self.day, self.shift_label, self.shift, self.default_button):
            layout.addWidget(w)
        self.day.dateChanged.connect(lambda _: self._picked(None))
        self.shift.activated.connect(lambda _: self._picked(self.shift.currentData()))
        self.default_button.clicked.connect(self.default_requested.emit)

    def retranslate(self, default_text: str) -> None:
        self.day_label.setText(QCoreApplication.translate("meetings", "Date"))
        self.shift_label.setText(QCoreApplication.translate("meetings", "Shift"))
        self.default_button.setText(default_text)

    def _picked(self, definition_id) -> None:
        if not self._filling:
            self.chosen.emit(self.day.date().toPython(), definition_id)

    def show_slots(self, day: date, slots, definition_id, label: Callable) -> None:
        """Fill without emitting: the day, its shifts (`label(slot)` each), `definition_id` selected."""
        self._filling = True
        try:
            self.day.setDate(QDate(day.year, day.month, day.day))
            self.shift.clear()
            for slot in slots:
                self.shift.addItem(label(slot), slot.definition.id)
            index = self.shift.findData(definition_id)
            self.shift.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False
