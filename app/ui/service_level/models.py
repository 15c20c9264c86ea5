"""Qt item models of the service-level view: thin adapters over DayView values.

IntervalTableModel -- one row per half hour plus the volume-weighted total row.
DefinitionsModel  -- the same day under the four service-level definitions.
WeekModel         -- seven days by 48 half hours of service level (a heat map).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.service_level import IntervalFigures, SlDefinition
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.day_view import DayView

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
BELOW = QColor("#fde2e1")
ABOVE = QColor("#e3f4e6")
PROVISIONAL = QColor("#fff4d6")
UNKNOWN = QColor("#f0f0f0")



def definition_name(definition: SlDefinition) -> str:
    return {
        SlDefinition.OFFERED: QCoreApplication.translate("ServiceLevelModels", "Answered in T / offered"),
        SlDefinition.ANSWERED: QCoreApplication.translate("ServiceLevelModels", "Answered in T / answered"),
        SlDefinition.EXCLUDE_SHORT_ABANDONS: QCoreApplication.translate("ServiceLevelModels", "Short abandons left out"),
        SlDefinition.SHORT_ABANDONS_MET: QCoreApplication.translate("ServiceLevelModels", "Short abandons count as met"),
    }[definition]


def _fmt(value, fmt="{:.1f}") -> str:
    return "" if value is None else fmt.format(value)


class IntervalTableModel(QAbstractTableModel):
    """State: the DayView shown (None before the first)."""

    COLUMNS = ("interval", "offered", "answered", "abandoned", "other", "waiting", "within", "sl", "asa", "aht", "max_wait")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view: DayView | None = None

    def titles(self) -> list[str]:
        return [
            QCoreApplication.translate("ServiceLevelModels", "Interval"), QCoreApplication.translate("ServiceLevelModels", "Offered"), QCoreApplication.translate("ServiceLevelModels", "Answered"), QCoreApplication.translate("ServiceLevelModels", "Abandoned"), QCoreApplication.translate("ServiceLevelModels", "Other"), QCoreApplication.translate("ServiceLevelModels", "Waiting"),
            QCoreApplication.translate("ServiceLevelModels", "Within T"), QCoreApplication.translate("ServiceLevelModels", "SL %"), QCoreApplication.translate("ServiceLevelModels", "ASA s"), QCoreApplication.translate("ServiceLevelModels", "AHT s"), QCoreApplication.translate("ServiceLevelModels", "Longest wait s"),
        ]

    def set_view(self, view: DayView) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.view is None else len(self.view.slots) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles()[section]
        return None

    def _row(self, row: int) -> tuple[str, IntervalFigures | None, float | None, bool, bool]:
        view = self.view
        if row == len(view.slots):
            return QCoreApplication.translate("ServiceLevelModels", "Total"), view.total, view.total_service_level, False, True
        s = view.slots[row]
        return s.label + (" *" if s.provisional else ""), s.figures, s.service_level, s.provisional, False

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.view is None:
            return None
        label, f, sl, provisional, total = self._row(index.row())
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == "interval":
                return label if role == Qt.ItemDataRole.DisplayRole else index.row()
            if f is None:
                return "" if role == Qt.ItemDataRole.DisplayRole else -1
            value = {
                "offered": f.offered, "answered": f.answered, "abandoned": f.abandoned, "other": f.other,
                "waiting": f.waiting, "within": f.answered_within, "sl": sl, "asa": f.asa_seconds,
                "aht": f.aht_seconds, "max_wait": f.max_wait_seconds,
            }[column]
            if role == SORT_ROLE:
                return -1 if value is None else value
            return _fmt(value, "{}" if isinstance(value, int) else "{:.1f}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "interval":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if f is None:
                return QBrush(UNKNOWN)
            if column == "sl" and sl is not None:
                return QBrush(BELOW if sl < self.view.target_percent else ABOVE)
            if provisional:
                return QBrush(PROVISIONAL)
        if role == Qt.ItemDataRole.FontRole and total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "sl" and sl is not None and sl < self.view.target_percent:
            return QCoreApplication.translate("ServiceLevelModels", "Below the target of {t:g} %").format(t=self.view.target_percent)
        return None


class DefinitionsModel(QAbstractTableModel):
    """State: the DayView; columns are offered, answered, within T, short abandons and the four SLs."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view: DayView | None = None

    def set_view(self, view: DayView) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    def titles(self) -> list[str]:
        return [QCoreApplication.translate("ServiceLevelModels", "Interval"), QCoreApplication.translate("ServiceLevelModels", "Offered"), QCoreApplication.translate("ServiceLevelModels", "Answered"), QCoreApplication.translate("ServiceLevelModels", "Within T"), QCoreApplication.translate("ServiceLevelModels", "Short abandons")] + [
            definition_name(d) for d in SlDefinition
        ]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.view is None else len(self.view.slots) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 5 + len(SlDefinition)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and section >= 5:
            d = list(SlDefinition)[section - 5]
            return QCoreApplication.translate("ServiceLevelModels", "Definition '{name}'").format(name=d.value) + (" ✓" if self.view and d is self.view.definition else "")
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.view is None:
            return None
        slots = self.view.slots
        total = index.row() == len(slots)
        label = QCoreApplication.translate("ServiceLevelModels", "Total") if total else slots[index.row()].label
        f = self.view.total if total else slots[index.row()].figures
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return label
            if f is None:
                return ""
            if c <= 4:
                value = (f.offered, f.answered, f.answered_within, f.abandoned_within)[c - 1]
                return "" if value is None else str(value)
            return _fmt(f.service_level(list(SlDefinition)[c - 5]))
        if role == Qt.ItemDataRole.TextAlignmentRole and c > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (total or (c >= 5 and list(SlDefinition)[c - 5] is self.view.definition)):
            font = QFont()
            font.setBold(True)
            return font
        return None


class WeekModel(QAbstractTableModel):
    """State: seven DayViews (rows), their slots as columns; cells show SL coloured by target."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.days: tuple[DayView, ...] = ()

    def set_days(self, days: tuple[DayView, ...]) -> None:
        self.beginResetModel()
        self.days = days
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.days else max(len(d.slots) for d in self.days)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not self.days:
            return None
        if orientation == Qt.Orientation.Vertical:
            d = self.days[section].day
            return f"{d:%m-%d} " + QLocale().dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)
        slots = self.days[-1].slots
        return slots[section].label if section < len(slots) else ""

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        day = self.days[index.row()]
        if index.column() >= len(day.slots):
            return None
        slot = day.slots[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if slot.service_level is None else f"{slot.service_level:.0f}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if slot.figures is None:
                return QBrush(UNKNOWN)
            if slot.service_level is None:
                return None
            return QBrush(BELOW if slot.below_target else ABOVE)
        if role == Qt.ItemDataRole.ToolTipRole and slot.figures is not None:
            f = slot.figures
            return QCoreApplication.translate("ServiceLevelModels", "{day} {time}: offered {n}, service level {sl}").format(
                day=day.day.isoformat(), time=slot.label, n=f.offered, sl=_fmt(slot.service_level, "{:.1f} %") or "–"
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
