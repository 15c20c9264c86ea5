"""The Qt model of the handover-quality table: one line per shift change (a ChangeRow), oldest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.handover import HandoverStatus

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ChangeRow of a line
COLUMNS = ("day", "change", "shifts", "around", "rest", "drop", "calls", "short", "handover", "signed", "on_time",
           "runs")


def staffing_of(row, name: str):
    """A staffing figure of the change (services.handover_quality: on the row or its quality), None: unknown."""
    value = getattr(row, name, None)
    return getattr(row.quality, name, None) if value is None else value
DROP_WARN = 5.0  # points: a drop this large is tinted
BAD = QColor("#fde2e1")
GOOD = QColor("#e3f4e6")
PENDING = QColor("#fff4d6")


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.1f} %"


class QualityModel(QAbstractTableModel):
    """State: the rows shown (ChangeRow values) and the words of the window's language."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: tuple = ()
        self.retranslate()

    def retranslate(self) -> None:
        self._titles = {
            "day": self.tr("Date"), "change": self.tr("Change"), "shifts": self.tr("Outgoing → incoming"),
            "around": self.tr("SL around"), "rest": self.tr("SL rest"), "drop": self.tr("Drop (points)"),
            "calls": self.tr("Calls around / rest"), "short": self.tr("Agents short"), "handover": self.tr("Handover"),
            "signed": self.tr("Signed by both"), "on_time": self.tr("On time"), "runs": self.tr("Playbook runs"),
        }
        self._status = {
            None: self.tr("not opened"), HandoverStatus.DRAFT: self.tr("draft"),
            HandoverStatus.OUTGOING_SIGNED: self.tr("outgoing signed"), HandoverStatus.SIGNED: self.tr("signed"),
        }
        self._yes, self._no, self._pending = self.tr("yes"), self.tr("no"), self.tr("not yet due")
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    # --- Qt overrides ---
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return self._titles[COLUMNS[section]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        q = row.quality
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "runs" and row.runs:
            return "\n".join(row.runs)
        if role == Qt.ItemDataRole.ToolTipRole and column == "short":
            required, staffed = staffing_of(row, "required_around"), staffing_of(row, "staffed_around")
            if required is not None and staffed is not None:
                return self.tr("Around the change: {required:.1f} agents required on average (Erlang C), {staffed:.1f} "
                               "staffed; agent-half-hours short in all: {short:.1f}").format(
                    required=required, staffed=staffed, short=staffing_of(row, "understaffing") or 0.0)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("around", "rest", "drop", "calls", "short"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == "drop" and q.drop is not None and q.drop >= DROP_WARN:
                return QBrush(BAD)
            if column == "short" and (staffing_of(row, "understaffing") or 0) >= 1:
                return QBrush(BAD)
            if column == "on_time":
                return QBrush(PENDING if row.pending else GOOD if row.signed_on_time else BAD)
        return None

    def _text(self, row, column: str) -> str:
        q = row.quality
        if column == "day":
            return f"{row.change_at:%Y-%m-%d}"
        if column == "change":
            return f"{row.change_at:%H:%M}"
        if column == "shifts":
            return f"{row.outgoing.definition.name} → {row.incoming.definition.name}"
        if column == "around":
            return _pct(q.around)
        if column == "rest":
            return _pct(q.rest)
        if column == "drop":
            return "" if q.drop is None else f"{q.drop:+.1f}"
        if column == "calls":
            return f"{q.calls_around} / {q.calls_rest}"
        if column == "short":
            short = staffing_of(row, "understaffing")
            return "" if short is None else f"{short:.1f}"
        if column == "handover":
            return self._status[row.handover_status]
        if column == "signed":
            if row.signed_at is None:
                return ""
            return f"{row.signed_at:%H:%M}" if row.signed_at.date() == row.change_at.date() else f"{row.signed_at:%m-%d %H:%M}"
        if column == "on_time":
            return self._pending if row.pending else self._yes if row.signed_on_time else self._no
        if column == "runs":
            return str(len(row.runs)) if row.runs else ""
        return ""
