"""Qt models of the sheet: the roster with attendance, and the counts per team."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics

from app.domain.attendance import AttendanceStatus, Counts, SheetRow
from app.ui.shift_sheet import words

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the SheetRow of a line
COLUMNS = ("employee_no", "name", "team", "seat", "attendance", "note", "acd", "scheduled", "activities")
ATTENDANCE_COLUMN = COLUMNS.index("attendance")
NOTE_COLUMN = COLUMNS.index("note")
# The roles `SheetTableModel.data` answers; the view asks every cell for about eight roles when it paints
# or sizes columns, so the others return at once.
ANSWERED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                            Qt.ItemDataRole.ForegroundRole, ROW_ROLE})

PLAIN_STATUSES = frozenset({AttendanceStatus.UNMARKED, AttendanceStatus.PRESENT, AttendanceStatus.ABSENT})

# Soft backgrounds, readable in print and on a floor screen.
STATUS_COLOURS = {
    AttendanceStatus.PRESENT: "#e3f4e1",
    AttendanceStatus.LATE: "#fff3cd",
    AttendanceStatus.ABSENT: "#f8d7da",
    AttendanceStatus.LEAVE: "#e2e3f3",
    AttendanceStatus.SWAPPED: "#d9eef7",
    AttendanceStatus.LEFT_EARLY: "#fde2c8",
}


def _hm(moment, tz: ZoneInfo) -> str:
    """HH:MM of an aware instant in `tz` (a sixth of the time of strftime, which sizing a column calls 1,000+ times)."""
    local = moment.astimezone(tz)
    return f"{local.hour:02d}:{local.minute:02d}"


class SheetTableModel(QAbstractTableModel):
    """State: the rows (SheetRow values, in display order) and the site's zone for times."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: tuple[SheetRow, ...] = ()
        self.tz = ZoneInfo("UTC")
        self._words = words.statuses()
        self._activity_words = words.activities()
        self._flag_words = words.flags()
        self._short_flags = words.short_flags()
        self._off_roster = self.tr("no longer rostered")

    def set_rows(self, rows: tuple[SheetRow, ...], tz: ZoneInfo) -> None:
        self.beginResetModel()
        self.rows, self.tz = tuple(rows), tz
        self.endResetModel()

    def replace_row(self, row: SheetRow) -> int:
        """Put a changed row (same agent) in place; returns its line (-1 when not shown)."""
        for i, old in enumerate(self.rows):
            if old.agent.id == row.agent.id:
                self.rows = self.rows[:i] + (row,) + self.rows[i + 1:]
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return i
        return -1

    def widest_rows(self, metrics: QFontMetrics) -> list[int]:
        """For each column, the line whose text is widest in `metrics` (-1 when there are no lines).

        Only the text sets a cell's width here (no font, icon or size hint roles), so a view sizes a
        column from this one cell instead of asking the model about every cell."""
        widest = []
        for column in COLUMNS:
            best, best_width, seen = -1, -1, {}
            for i, row in enumerate(self.rows):
                text = self._text(row, column)
                width = seen.get(text)
                if width is None:
                    width = seen[text] = metrics.horizontalAdvance(text)
                if width > best_width:
                    best, best_width = i, width
            widest.append(best)
        return widest

    def retranslate(self) -> None:
        self._words = words.statuses()
        self._activity_words = words.activities()
        self._flag_words = words.flags()
        self._short_flags = words.short_flags()
        self._off_roster = self.tr("no longer rostered")
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = {"employee_no": self.tr("Employee no."), "name": self.tr("Name"), "team": self.tr("Team"),
                  "seat": self.tr("Seat"), "attendance": self.tr("Attendance"), "note": self.tr("Note"),
                  "acd": self.tr("ACD check"), "scheduled": self.tr("Scheduled"), "activities": self.tr("Activities")}
        return titles[COLUMNS[section]]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in ANSWERED_ROLES or not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "acd":
                return "\n".join(self._flag_words[f] for f in row.flags) or None
            if column == "attendance" and row.marked_by:
                return self.tr("Marked by {name} at {time}").format(
                    name=row.marked_by, time=row.marked_at.astimezone(self.tz).strftime("%H:%M") if row.marked_at else "")
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column in ("attendance", "acd"):
            if column == "acd":
                return QBrush(QColor("#f5c6cb")) if row.flags else None
            colour = STATUS_COLOURS.get(row.mark.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column == "attendance" and row.mark.status is AttendanceStatus.UNMARKED:
            return QBrush(QColor("#8a8a8a"))
        return None

    def _text(self, row: SheetRow, column: str) -> str:
        a, e = row.agent, row.entry
        if column == "employee_no":
            return a.employee_no
        if column == "name":
            return a.name
        if column == "team":
            return a.team_name or ""
        if column == "seat":
            return row.seat_text
        if column == "scheduled":
            if not row.rostered:
                return self._off_roster
            return f"{_hm(e.start, self.tz)}–{_hm(e.end, self.tz)}"
        if column == "activities":
            return ", ".join(f"{self._activity_words[x.kind]} {_hm(x.start, self.tz)}" for x in e.activities)
        if column == "attendance":
            if row.mark.status in PLAIN_STATUSES:  # no detail: the word alone (what mark_text says too)
                return self._words[row.mark.status]
            return words.mark_text(row.mark, self.tz)
        if column == "note":
            return row.mark.note
        if column == "acd":
            return "⚠ " + "; ".join(self._short_flags[f] for f in row.flags) if row.flags else ""
        return ""


class CountsModel(QAbstractTableModel):
    """State: (label, Counts) lines: the total first, then each team."""

    FIELDS = ("scheduled", "present", "late", "absent", "leave", "swapped", "left_early", "unmarked", "difference")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: tuple[tuple[str, Counts], ...] = ()

    def set_counts(self, total: Counts, teams: tuple[tuple[str, Counts], ...]) -> None:
        self.beginResetModel()
        self.lines = ((self.tr("All teams"), total),) + tuple((name or self.tr("No team"), c) for name, c in teams)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.FIELDS) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Team"), self.tr("Scheduled"), self.tr("Present"), self.tr("Late"), self.tr("Absent"),
                self.tr("On leave"), self.tr("Swapped"), self.tr("Left early"), self.tr("Not marked"),
                self.tr("Difference to plan"))[section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        label, counts = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return label
            value = getattr(counts, self.FIELDS[index.column() - 1])
            if self.FIELDS[index.column() - 1] == "difference":
                return f"{value:+d}" if value else "0"
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == 0:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == len(self.FIELDS) and counts.difference < 0:
            return QBrush(QColor("#b00020"))
        return None
