"""The work log's dialogs: edit an entry, change an item's status, ask a reason or a name, history, conflict.

None of them writes: each returns what the supervisor chose, and the view
sends it to the services (a refusal is shown in the dialog, which stays open).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.domain.notices import Priority
from app.domain.worklog import EDITABLE, Category, Entry, ItemStatus, Revision, RevisionKind, parse_when
from app.ui.conflict_choice import ConflictChoice
from app.ui.work_log import words
from app.ui.work_log.models import add_choice, choice, choose


class _Form(QDialog):
    """A dialog with a form, an error line and OK/Cancel; `accepted_with` carries what the subclass's `value()`
    gives (a ValueError from it is shown on the error line and the dialog stays open)."""

    accepted_with = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.error = QLabel(objectName="dialog_error", wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _ok(self) -> None:
        try:
            value = self.value()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.accepted_with.emit(value)


class AskTextDialog(_Form):
    """One line (or a few) of text: a reason, a new owner, a name. Required unless `optional`."""

    def __init__(self, title: str, label: str, parent=None, initial: str = "", choices=(), multiline: bool = False,
                 optional: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.optional = optional
        if choices:
            self.edit = QComboBox(objectName="ask_text", editable=True)
            self.edit.addItems(list(choices))
            self.edit.setEditText(initial)
            self._text = self.edit.currentText
        elif multiline:
            self.edit = QPlainTextEdit(initial, objectName="ask_text")
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(90)
            self._text = self.edit.toPlainText
        else:
            self.edit = QLineEdit(initial, objectName="ask_text")
            self._text = self.edit.text
        self.form.addRow(label, self.edit)
        self.resize(460, 10)

    def value(self) -> str:
        text = self._text().strip()
        if not text and not self.optional:
            raise ValueError(self.tr("Please fill this in."))
        return text


class StatusDialog(_Form):
    """Move an item on: in progress, done or cancelled (the last two need a closing remark)."""

    def __init__(self, entry: Entry, status: ItemStatus | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the status"))
        self.entry = entry
        self.status = QComboBox(objectName="status_choice")
        names = words.statuses()
        for s in ItemStatus:
            add_choice(self.status, names[s], s)
        choose(self.status, status or ItemStatus.DONE)
        self.remark = QPlainTextEdit(entry.closing_remark, objectName="status_remark")
        self.remark.setTabChangesFocus(True)
        self.remark.setFixedHeight(90)
        self.remark.setPlaceholderText(self.tr("What was done, or why it was dropped (needed for done and cancelled)"))
        summary = QLabel(entry.text, wordWrap=True)
        summary.setStyleSheet("color: #333")
        self.form.addRow(self.tr("Item"), summary)
        self.form.addRow(self.tr("&Status"), self.status)
        self.form.addRow(self.tr("Closing &remark"), self.remark)
        self.resize(520, 10)

    def value(self) -> tuple[ItemStatus, str]:
        status = choice(self.status, ItemStatus)
        remark = self.remark.toPlainText().strip()
        if status.closed and not remark:
            raise ValueError(words.problem("closing_remark", "remark_required"))
        return status, remark


class EntryDialog(_Form):
    """Edit every field of an entry; `value()` gives the changed fields only (field -> new value)."""

    def __init__(self, entry: Entry, tz: ZoneInfo, now, owners=(), parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit entry #{id}").format(id=entry.id))
        self.entry, self.tz, self.now = entry, tz, now
        self.category = QComboBox(objectName="edit_category")
        for c, name in words.categories().items():
            add_choice(self.category, name, c)
        choose(self.category, entry.category)
        self.priority = QComboBox(objectName="edit_priority")
        for p, name in words.priorities().items():
            add_choice(self.priority, name, p)
        choose(self.priority, entry.priority)
        self.status = QComboBox(objectName="edit_status")
        for s, name in words.statuses().items():
            add_choice(self.status, name, s)
        choose(self.status, entry.status)
        self.event_at = QLineEdit(self._when(entry.event_at), objectName="edit_event_at")
        self.text = QPlainTextEdit(entry.text, objectName="edit_text")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(80)
        self.tags = QLineEdit(" ".join(entry.tags), objectName="edit_tags")
        self.customer_ref = QLineEdit(entry.customer_ref, objectName="edit_customer_ref")
        self.customer_name = QLineEdit(entry.customer_name, objectName="edit_customer_name")
        self.ticket = QLineEdit(entry.ticket, objectName="edit_ticket")
        self.promise = QLineEdit(entry.promise, objectName="edit_promise")
        self.due = QLineEdit(self._when(entry.due), objectName="edit_due")
        self.owner = QComboBox(objectName="edit_owner", editable=True)
        self.owner.addItems(list(owners))
        self.owner.setEditText(entry.owner)
        self.remark = QLineEdit(entry.closing_remark, objectName="edit_remark")
        self.shown = {"edit_event_at": self.event_at.text(), "edit_due": self.due.text()}
        names = words.field_names()
        for key, widget in (("category", self.category), ("priority", self.priority), ("status", self.status),
                            ("event_at", self.event_at), ("text", self.text), ("tags", self.tags),
                            ("customer_ref", self.customer_ref), ("customer_name", self.customer_name),
                            ("ticket", self.ticket), ("promise", self.promise), ("due", self.due),
                            ("owner", self.owner), ("closing_remark", self.remark)):
            self.form.addRow(names[key], widget)
        self.resize(560, 10)

    def _moved(self, edit: QLineEdit) -> bool:
        """A time field changed by hand (shown to the minute, the stored instant keeps its seconds)."""
        return edit.text().strip() != self.shown[edit.objectName()]

    def _when(self, at) -> str:
        return f"{at.astimezone(self.tz):%Y-%m-%d %H:%M}" if at is not None else ""

    def value(self) -> dict:
        now = self.now()
        try:
            event_at = parse_when(self.event_at.text(), now, future=False) if self._moved(self.event_at) else None
        except ValueError:
            raise ValueError(self.tr("Cannot read the time “{text}”: type HH:MM or MM-DD HH:MM.").format(
                text=self.event_at.text())) from None
        try:
            due = parse_when(self.due.text(), now, future=True) if self._moved(self.due) else self.entry.due
        except ValueError:
            raise ValueError(self.tr("Cannot read the time “{text}”: type HH:MM or MM-DD HH:MM.").format(
                text=self.due.text())) from None
        after = {
            "category": choice(self.category, Category) or Category.OTHER,
            "text": self.text.toPlainText().strip(),
            "priority": choice(self.priority, Priority) or Priority.NORMAL,
            "event_at": event_at or self.entry.event_at,
            "tags": tuple(self.tags.text().replace(",", " ").replace("，", " ").split()),
            "status": choice(self.status, ItemStatus),
            "closing_remark": self.remark.text().strip(),
            "customer_ref": self.customer_ref.text().strip(),
            "customer_name": self.customer_name.text().strip(),
            "ticket": self.ticket.text().strip(),
            "promise": self.promise.text().strip(),
            "due": due,
            "owner": self.owner.currentText().strip(),
        }
        return {name: value for name, value in after.items() if getattr(self.entry, name) != value}


class HistoryDialog(QDialog):
    """Every revision of an entry: when, who, what kind, and each field before and after."""

    def __init__(self, entry: Entry, revisions: tuple[Revision, ...], tz: ZoneInfo, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of entry #{id}").format(id=entry.id))
        self.table = QTableWidget(0, 6, objectName="history_table")
        self.table.setHorizontalHeaderLabels([self.tr("Revision"), self.tr("When"), self.tr("Who"), self.tr("Change"),
                                              self.tr("Field"), self.tr("Before → after")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        kinds, names = words.revision_kinds(), words.field_names()
        for rev in revisions:
            changes = rev.changes or (("", None, None),)
            if rev.kind is RevisionKind.CREATED:  # a creation lists the fields it filled, not every empty one
                changes = tuple(c for c in changes if c[2] not in (None, "", ())) or changes
            for i, (name, before, after) in enumerate(changes):
                row = self.table.rowCount()
                self.table.insertRow(row)
                first = i == 0
                if rev.kind is RevisionKind.CREATED:
                    change = words.value_text(name, after, tz)
                else:
                    change = self.tr("{before} → {after}").format(before=words.value_text(name, before, tz),
                                                                   after=words.value_text(name, after, tz))
                for column, text in enumerate((str(rev.revision) if first else "",
                                               f"{rev.at.astimezone(tz):%Y-%m-%d %H:%M}" if first else "",
                                               rev.by if first else "", kinds[rev.kind] if first else "",
                                               names.get(name, name), change)):
                    self.table.setItem(row, column, QTableWidgetItem(text))
        if entry.withdrawn is not None and not any(r.kind is RevisionKind.WITHDRAWN for r in revisions):
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(("", f"{entry.withdrawn.at.astimezone(tz):%Y-%m-%d %H:%M}", entry.withdrawn.by,
                                           kinds[RevisionKind.WITHDRAWN], names["reason"], entry.withdrawn.reason)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(entry.text, wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 520)


class ConflictDialog(ConflictChoice):
    """Someone changed the entry since it was opened: both versions side by side, and the choice.

    `choice`: "mine" (save my change over the stored version) or "theirs" (keep what is stored).
    """

    def __init__(self, error, tz: ZoneInfo, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = "theirs"
        base, current, mine = error.base, error.current, error.changes
        names = words.field_names()
        shown = [n for n in EDITABLE if n in mine or getattr(base, n) != getattr(current, n)]
        self.table = QTableWidget(len(shown), 4, objectName="conflict_table")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("When you opened it"), self.tr("Stored now"),
                                              self.tr("Your change")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, name in enumerate(shown):
            cells = (names.get(name, name), words.value_text(name, getattr(base, name), tz),
                     words.value_text(name, getattr(current, name), tz),
                     words.value_text(name, mine[name], tz) if name in mine else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and getattr(base, name) != getattr(current, name):
                    item.setBackground(Qt.GlobalColor.yellow)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        last = current.revision
        text = QLabel(self.tr("Entry #{id} was changed (now revision {now}) after you opened it (revision {base}). "
                              "Nothing of yours was saved yet. Choose which version stays.").format(
            id=error.entry_id, now=last, base=error.expected_revision), wordWrap=True)
        buttons = self.choice_buttons(self.tr("Save my change over it"), self.tr("Keep the stored version"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 320)

