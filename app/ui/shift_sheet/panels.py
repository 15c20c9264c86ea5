"""The panels beside the sheet: personnel changes, business notices, and the ACD cross-check."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain.attendance import PersonnelChange, ShiftSheet
from app.domain.notices import AckState, Notice, Priority
from app.ui.shift_sheet import words

NOTICE_ROLE = Qt.ItemDataRole.UserRole + 2


def _table(name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ChangesPanel(QWidget):
    """State: the changes shown (newest first) and the zone their times are shown in."""

    add_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.changes: tuple[PersonnelChange, ...] = ()
        self.tz = ZoneInfo("UTC")
        self.table = _table("changes", 4)
        self.add = QPushButton(objectName="add_change")
        self.add.clicked.connect(self.add_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.add, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Change"), self.tr("Agent"), self.tr("What")])
        self.add.setText(self.tr("Record a change… (Ctrl+Shift+C)"))
        self.show_changes(self.changes, self.tz)

    def show_changes(self, changes: tuple[PersonnelChange, ...], tz) -> None:
        self.changes, self.tz = changes, tz
        kinds = words.change_kinds()
        self.table.setRowCount(len(changes))
        for r, c in enumerate(changes):
            by = f" · {c.recorded_by}" if c.recorded_by else ""
            cells = (f"{c.recorded_at.astimezone(tz):%m-%d %H:%M}{by}", kinds[c.kind], c.agent_name or "", c.text)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()


class NoticesPanel(QWidget):
    """State: the notices listed, the supervisor whose acknowledgements are shown, the zone."""

    new_requested = Signal()
    edit_requested = Signal(object)  # Notice
    ack_requested = Signal(object)  # Notice
    search_changed = Signal(str, bool)  # text, include expired

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.notices: tuple[Notice, ...] = ()
        self.supervisor_id: int | None = None
        self.tz = ZoneInfo("UTC")
        self.search = QLineEdit(objectName="notice_search", clearButtonEnabled=True)
        self.expired = QCheckBox(objectName="notice_expired")
        self.search.returnPressed.connect(self._search)
        self.expired.toggled.connect(lambda _: self._search())
        self.table = _table("notices", 4)
        self.table.itemDoubleClicked.connect(lambda item: self._emit(self.edit_requested))
        self.detail = QLabel(objectName="notice_detail", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.new = QPushButton(objectName="new_notice")
        self.edit = QPushButton(objectName="edit_notice")
        self.ack = QPushButton(objectName="ack_notice")
        self.new.clicked.connect(self.new_requested)
        self.edit.clicked.connect(lambda: self._emit(self.edit_requested))
        self.ack.clicked.connect(lambda: self._emit(self.ack_requested))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.expired)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.new, self.edit, self.ack):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search notices (Enter)"))
        self.expired.setText(self.tr("Include expired"))
        self.table.setHorizontalHeaderLabels([self.tr("Priority"), self.tr("Notice"), self.tr("Until"), self.tr("Acknowledged")])
        self.new.setText(self.tr("New…"))
        self.edit.setText(self.tr("Edit…"))
        self.ack.setText(self.tr("Acknowledge…"))
        self.show_notices(self.notices, self.supervisor_id, self.tz)

    def _search(self) -> None:
        self.search_changed.emit(self.search.text().strip(), self.expired.isChecked())

    def current(self) -> Notice | None:
        row = self.table.currentRow()
        return self.notices[row] if 0 <= row < len(self.notices) else None

    def _emit(self, signal) -> None:
        notice = self.current()
        if notice is not None:
            signal.emit(notice)

    def show_notices(self, notices: tuple[Notice, ...], supervisor_id: int | None, tz, at=None) -> None:
        keep = self.current()
        self.notices, self.supervisor_id, self.tz = tuple(notices), supervisor_id, tz
        prio = words.priorities()
        self.table.setRowCount(len(self.notices))
        for r, n in enumerate(self.notices):
            until = f"{n.effective_to.astimezone(tz):%m-%d %H:%M}" if n.effective_to else self.tr("until withdrawn")
            if at is not None and n.expired(at):
                until = self.tr("expired {when}").format(when=until)
            title = self.tr("{title}  [explain at the meeting]").format(title=n.title) if n.explain_at_meeting else n.title
            cells = (prio[n.priority], title, until, self._ack_text(n))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(NOTICE_ROLE, n.id)
                if col == 0 and n.priority in (Priority.HIGH, Priority.URGENT):
                    item.setForeground(QBrush(QColor("#b00020")))
                if col == 3 and supervisor_id is not None and n.ack_state(supervisor_id) is not AckState.DONE:
                    item.setBackground(QBrush(QColor("#fff3cd")))
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows = [r for r, n in enumerate(self.notices) if keep is not None and n.id == keep.id]
        if self.notices:
            self.table.selectRow(rows[0] if rows else 0)
        self._show_detail()

    def _ack_text(self, n: Notice) -> str:
        names = ", ".join(a.supervisor_name for a in n.current_acks())
        if self.supervisor_id is not None:
            state = n.ack_state(self.supervisor_id)
            if state is AckState.OUTDATED:
                return self.tr("changed since your acknowledgement") + (f" · {names}" if names else "")
            if state is AckState.NEEDED:
                return self.tr("not yet by you") + (f" · {names}" if names else "")
        return names or self.tr("nobody yet")

    def _show_detail(self) -> None:
        n = self.current()
        if n is None:
            self.detail.setText(self.tr("Select a notice to read it."))
            return
        lines = [n.title, "", n.text]
        if n.kb_path:
            lines += ["", self.tr("Where to find it: {path}").format(path=n.kb_path)]
        lines += ["", self.tr("Version {version}, in force from {start}").format(
            version=n.version, start=f"{n.effective_from.astimezone(self.tz):%Y-%m-%d %H:%M}")]
        self.detail.setText("\n".join(lines))


class CrossCheckPanel(QWidget):
    """State: none beyond its widgets; shows the flagged agents and the logins nobody rostered."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.summary = QLabel(objectName="crosscheck_summary", wordWrap=True)
        self.flagged_title = QLabel()
        self.flagged = QListWidget(objectName="crosscheck_flagged")
        self.strangers_title = QLabel()
        self.strangers = QListWidget(objectName="crosscheck_strangers")
        layout = QVBoxLayout(self)
        for w in (self.summary, self.flagged_title, self.flagged, self.strangers_title, self.strangers):
            layout.addWidget(w)
        self.sheet: ShiftSheet | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.flagged_title.setText(self.tr("Rostered agents the ACD disagrees with"))
        self.strangers_title.setText(self.tr("Logged in to the ACD, not on this shift's roster"))
        if self.sheet is not None:
            self.show_sheet(self.sheet)

    def show_sheet(self, sheet: ShiftSheet) -> int:
        """Fill the lists; returns the number of findings."""
        self.sheet = sheet
        flag_words = words.flags()
        self.flagged.clear()
        self.strangers.clear()
        for row in sheet.rows:
            for f in row.flags:
                self.flagged.addItem(f"{row.agent.name} ({row.agent.acd_login}) — {flag_words[f]}")
        self.strangers.addItems(list(sheet.unrostered_logins))
        found = self.flagged.count() + self.strangers.count()
        if not sheet.logins_known:
            self.summary.setText(self.tr("No feed of this site reports agent log-ins, so nothing can be checked."))
        elif found:
            self.summary.setText(self.tr("Findings at {time}, from the live feed: {count}.").format(
                count=found, time=f"{sheet.at.astimezone(ZoneInfo(sheet.timezone)):%H:%M}"))
        else:
            self.summary.setText(self.tr("The ACD agrees with the sheet ({time}).").format(
                time=f"{sheet.at.astimezone(ZoneInfo(sheet.timezone)):%H:%M}"))
        return found
