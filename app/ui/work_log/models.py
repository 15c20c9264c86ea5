"""Qt models of the work log: the items carried into a shift, and a list of entries (a shift's or a search's)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.notices import Priority
from app.domain.worklog import CarriedItem, Entry, overdue
from app.ui.work_log import words

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the Entry of a line
OVERDUE = "#f8d7da"
DUE_SOON = "#fff3cd"
WITHDRAWN = "#8a8a8a"
URGENT = {Priority.URGENT: "#b00020", Priority.HIGH: "#b35c00"}


def _hm(at: datetime | None, tz: ZoneInfo, day: bool = False) -> str:
    if at is None:
        return ""
    local = at.astimezone(tz)
    return f"{local:%m-%d %H:%M}" if day else f"{local:%H:%M}"


def customer_text(e: Entry) -> str:
    return " · ".join(p for p in (e.customer_ref, e.customer_name, e.ticket) if p)


def entry_text(e: Entry) -> str:
    """The text, with the promise and the closing remark of an item after it."""
    text = e.text
    if e.promise:
        text += "  → " + e.promise
    if e.closing_remark and e.status is not None and e.status.closed:
        text += "  ✓ " + e.closing_remark
    return text


def fit_columns(table, model, widest: int = 190) -> None:
    """Columns sized to their contents (none wider than `widest`), the text taking the room that is left."""
    from PySide6.QtWidgets import QHeaderView

    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    text = model.columns.index("text")
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    for column in range(len(model.columns)):
        if column != text:
            table.setColumnWidth(column, min(table.columnWidth(column), widest))
    header.setSectionResizeMode(text, QHeaderView.ResizeMode.Stretch)


class _Base(QAbstractTableModel):
    columns: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tz = ZoneInfo("UTC")
        self.now: datetime | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._categories = words.categories()
        self._statuses = words.statuses()
        self._priorities = words.priorities()
        self._titles = self.titles()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def titles(self) -> dict[str, str]:
        return {
            "age": self.tr("Age"), "time": self.tr("Time"), "category": self.tr("Category"),
            "priority": self.tr("Priority"), "status": self.tr("Status"), "text": self.tr("What"),
            "customer": self.tr("Customer"), "due": self.tr("Due"), "owner": self.tr("Owner"),
            "author": self.tr("Written by"), "ack": self.tr("Acknowledged"), "tags": self.tr("Tags"),
        }

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[self.columns[section]]
        return None

    def _cell(self, e: Entry, column: str) -> str:
        if column == "time":
            return _hm(e.event_at, self.tz, day=True)
        if column == "category":
            return self._categories[e.category]
        if column == "priority":
            return self._priorities[e.priority]
        if column == "status":
            if e.withdrawn is not None:
                return self.tr("withdrawn")
            return self._statuses[e.status]
        if column == "text":
            return entry_text(e)
        if column == "customer":
            return customer_text(e)
        if column == "due":
            return _hm(e.due, self.tz, day=True)
        if column == "owner":
            return e.owner
        if column == "author":
            return e.author
        if column == "tags":
            return " ".join("#" + t for t in e.tags)
        return ""

    def _tooltip(self, e: Entry) -> str:
        lines = [e.text]
        if e.promise:
            lines.append(self.tr("Promise: {text}").format(text=e.promise))
        if e.closing_remark:
            lines.append(self.tr("Closing remark: {text}").format(text=e.closing_remark))
        if e.withdrawn is not None:
            lines.append(self.tr("Withdrawn by {by} at {time}: {reason}").format(
                by=e.withdrawn.by, time=_hm(e.withdrawn.at, self.tz, day=True), reason=e.withdrawn.reason))
        lines.append(self.tr("Written by {by} at {time}, revision {n}").format(
            by=e.author, time=_hm(e.written_at, self.tz, day=True), n=e.revision))
        return "\n".join(lines)


class EntriesModel(_Base):
    """State: the entries shown (a shift's own, or a search's result), in display order."""

    columns = ("time", "category", "priority", "status", "text", "customer", "due", "owner", "author", "tags")

    def __init__(self, parent=None) -> None:
        self.entries: tuple[Entry, ...] = ()
        super().__init__(parent)

    def set_entries(self, entries, tz: ZoneInfo, now: datetime) -> None:
        self.beginResetModel()
        self.entries, self.tz, self.now = tuple(entries), tz, now
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def row_of(self, entry_id: int) -> int:
        return next((i for i, e in enumerate(self.entries) if e.id == entry_id), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(e, column)
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(e)
        if role == Qt.ItemDataRole.FontRole and e.withdrawn is not None:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if e.withdrawn is not None:
                return QBrush(QColor(WITHDRAWN))
            if column == "priority" and e.priority in URGENT:
                return QBrush(QColor(URGENT[e.priority]))
        if role == Qt.ItemDataRole.BackgroundRole and e.withdrawn is None and self.now is not None:
            if overdue(e, self.now) and column in ("due", "status"):
                return QBrush(QColor(OVERDUE))
        return None


class CarriedModel(_Base):
    """State: the open items of earlier shifts carried into the shift shown (overdue first)."""

    columns = ("age", "ack", "category", "priority", "text", "customer", "due", "owner", "status", "author")

    def __init__(self, parent=None) -> None:
        self.items: tuple[CarriedItem, ...] = ()
        self.instance_id: int | None = None
        super().__init__(parent)

    def set_items(self, items, instance_id: int, tz: ZoneInfo, now: datetime) -> None:
        self.beginResetModel()
        self.items, self.instance_id, self.tz, self.now = tuple(items), instance_id, tz, now
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def row_of(self, entry_id: int) -> int:
        return next((i for i, c in enumerate(self.items) if c.entry.id == entry_id), -1)

    def ack_text(self, item: CarriedItem) -> str:
        acks = [a for a in item.entry.acks if a.instance_id == self.instance_id]
        if not acks:
            return self.tr("not yet")
        a = acks[-1]
        return self.tr("{by} {time}").format(by=a.by, time=_hm(a.at, self.tz))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        e = item.entry
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "age":
                return words.age_text(item.age)
            if column == "ack":
                return self.ack_text(item)
            if column == "due":
                text = _hm(e.due, self.tz, day=True)
                if item.overdue:
                    return self.tr("{time} overdue").format(time=text)
                if item.due_within_shift:
                    return self.tr("{time} this shift").format(time=text)
                return text
            return self._cell(e, column)
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(e)
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.overdue:
                return QBrush(QColor(OVERDUE))
            if item.due_within_shift:
                return QBrush(QColor(DUE_SOON))
        if role == Qt.ItemDataRole.FontRole and column == "ack" and not item.acknowledged_by_this_shift:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == "priority" and e.priority in URGENT:
            return QBrush(QColor(URGENT[e.priority]))
        return None


# --- enums in combo boxes: Qt keeps a str enum as a plain str, so boxes hold the value and give the enum back ---

def add_choice(box, text: str, value) -> None:
    box.addItem(text, value.value if hasattr(value, "value") else value)


def choice(box, kind, index: int | None = None):
    """The box's chosen value as `kind` (an enum), None when the item holds None."""
    data = box.currentData() if index is None else box.itemData(index)
    return kind(data) if data is not None else None


def choose(box, value) -> None:
    box.setCurrentIndex(max(0, box.findData(value.value if hasattr(value, "value") else value)))
