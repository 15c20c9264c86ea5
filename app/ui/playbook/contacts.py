"""The contact list the playbooks call by role: who, which number, when to call, on duty from–until.

The dialog lists every contact of the site by role (the known roles in
their usual order; removed ones greyed, kept for the record), the one on
duty now for each role in bold, and a line naming
them ("On duty now: IT duty 王磊 138…"). Add and Edit open a small form;
Deactivate removes the contact from the calls (editing it makes it active
again). Every write goes to app.services.playbooks on the task runner; a
refusal is shown in the form, which stays open. `contacts_changed` says the
list was written, so the playbook views can show the new names.
"""

from __future__ import annotations

import html
from datetime import time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableView, QVBoxLayout,
)

from app.domain.playbooks import ROLES, Contact, InvalidPlaybookError, contact_for
from app.ui.errors import describe
from app.ui.playbook import words

CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("role", "name", "phone", "when_to_call", "on_duty", "active")
REMOVED = QColor("#8a8a8a")
ON_DUTY = QColor("#e3f4e6")


def hhmm(value: time | None) -> str:
    return "" if value is None else value.strftime("%H:%M")


def duty_text(contact: Contact) -> str:
    """The on-duty window worded: "22:00–08:00", "from 08:00", "until 20:00", "always"."""
    start, end = contact.on_from, contact.on_until
    if start is None and end is None or start == end:
        return QCoreApplication.translate("ContactsModel", "always")
    if end is None:
        return QCoreApplication.translate("ContactsModel", "from {time}").format(time=hhmm(start))
    if start is None:
        return QCoreApplication.translate("ContactsModel", "until {time}").format(time=hhmm(end))
    return f"{hhmm(start)}–{hhmm(end)}"


def on_duty_now(contacts, local_time: time) -> dict[str, Contact]:
    """The contact on duty at `local_time` for each role that has an active contact then (role as stored)."""
    out: dict[str, Contact] = {}
    for role in dict.fromkeys(c.role for c in contacts if c.active):
        found = contact_for(role, contacts, local_time)
        if found is not None:
            out[role] = found
    return out


def parse_time(text: str) -> time | None:
    """"HH:MM" (or "H", "HHMM") as a time; empty: None. ValueError when it is not a time of day."""
    text = (text or "").strip().replace("：", ":")
    if not text:
        return None
    if ":" in text:
        hours, _, minutes = text.partition(":")
    elif len(text) in (3, 4) and text.isdigit():
        hours, minutes = text[:-2], text[-2:]
    else:
        hours, minutes = text, "0"
    if not (hours.isdigit() and minutes.isdigit()):
        raise ValueError(text)
    h, m = int(hours), int(minutes)
    if h == 24 and m == 0:
        h = 0
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ValueError(text)
    return time(h, m)


class ContactsModel(QAbstractTableModel):
    """State: the contacts listed (Contact values, removed ones too) and the ids of those on duty now."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.contacts: tuple[Contact, ...] = ()
        self.on_duty: set[int] = set()

    def titles(self) -> list[str]:
        return [self.tr("Role"), self.tr("Name"), self.tr("Phone"), self.tr("When to call"), self.tr("On duty"),
                self.tr("Active")]

    def set_contacts(self, contacts, on_duty_ids) -> None:
        self.beginResetModel()
        self.contacts = tuple(contacts)
        self.on_duty = set(on_duty_ids)
        self.endResetModel()

    def row_of(self, contact_id: int) -> int:
        return next((row for row, c in enumerate(self.contacts) if c.id == contact_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.contacts)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.contacts):
            return None
        contact, column = self.contacts[index.row()], COLUMNS[index.column()]
        if role == CONTACT_ROLE:
            return contact
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "role": words.role_text(contact.role),
                "name": contact.name,
                "phone": contact.phone,
                "when_to_call": contact.when_to_call,
                "on_duty": duty_text(contact),
                "active": self.tr("yes") if contact.active else self.tr("removed"),
            }[column]
        if role == Qt.ItemDataRole.FontRole and contact.id in self.on_duty and column in ("role", "name", "phone"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not contact.active:
            return QBrush(REMOVED)
        if role == Qt.ItemDataRole.BackgroundRole and contact.id in self.on_duty:
            return QBrush(ON_DUTY)
        if role == Qt.ItemDataRole.ToolTipRole:
            if contact.id in self.on_duty:
                return self.tr("On duty now: the playbooks call {name} for {role}").format(
                    name=contact.name, role=words.role_text(contact.role))
            if not contact.active:
                return self.tr("Removed: no longer called (Edit makes the contact active again)")
        return None


class ContactForm(QDialog):
    """Add or edit one contact; `accepted_with` carries (role, name, phone, when_to_call, on_from, on_until).
    State: the contact edited (None: a new one)."""

    accepted_with = Signal(object)

    def __init__(self, contact: Contact | None, role_choices, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("contact_form")
        self.contact = contact
        self.setWindowTitle(self.tr("New contact") if contact is None else
                            self.tr("Edit contact: {name}").format(name=contact.name))
        self.role = QComboBox(objectName="contact_role", editable=True)
        self.role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.role.lineEdit().setMaxLength(40)
        for key, name in role_choices:
            self.role.addItem(name, key)
        self.role.setEditText(words.role_text(contact.role) if contact else "")
        self.name = QLineEdit(contact.name if contact else "", objectName="contact_name")
        self.phone = QLineEdit(contact.phone if contact else "", objectName="contact_phone")
        self.name.setMaxLength(120)  # the stored lengths: a longer text would be refused by PostgreSQL
        self.phone.setMaxLength(60)
        self.when = QLineEdit(contact.when_to_call if contact else "", objectName="contact_when")
        self.when.setPlaceholderText(self.tr("e.g. ACD or CTI down, agents cannot log in"))
        self.on_from = QLineEdit(hhmm(contact.on_from) if contact else "", objectName="contact_from")
        self.on_until = QLineEdit(hhmm(contact.on_until) if contact else "", objectName="contact_until")
        for edit in (self.on_from, self.on_until):
            edit.setPlaceholderText(self.tr("HH:MM"))
            edit.setMaximumWidth(90)
        duty = QHBoxLayout()
        duty.addWidget(self.on_from)
        duty.addWidget(QLabel("–"))
        duty.addWidget(self.on_until)
        duty.addWidget(QLabel(self.tr("(both empty: always; may cross midnight, e.g. 20:00–08:00)")), 1)
        form = QFormLayout()
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&When to call"), self.when)
        duty_label = QLabel(self.tr("On &duty"))
        duty_label.setBuddy(self.on_from)  # the row is a layout: the mnemonic needs its buddy named
        form.addRow(duty_label, duty)
        self.error = QLabel(objectName="contact_error", wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 10)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def value(self) -> tuple:
        times = []
        for edit in (self.on_from, self.on_until):
            try:
                times.append(parse_time(edit.text()))
            except ValueError:
                raise ValueError(self.tr("Cannot read the time “{text}”: type HH:MM, e.g. 08:00.").format(
                    text=edit.text())) from None
        values = (words.role_key(self.role.currentText()), self.name.text().strip(), self.phone.text().strip(),
                  self.when.text().strip())
        needed = {"role": self.tr("Role is needed."), "name": self.tr("Name is needed."),
                  "phone": self.tr("Phone is needed.")}
        missing = [needed[field] for field, value in zip(needed, values) if not value]
        if missing:
            raise ValueError("\n".join(missing))
        return (*values, *times)

    def submit(self) -> None:
        try:
            value = self.value()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.accepted_with.emit(value)


class ContactsDialog(QDialog):
    """State: the UI context (console, runner, clock), the site's zone once loaded, the contacts listed, the
    form open (if any)."""

    contacts_changed = Signal()

    def __init__(self, context, parent=None, site_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contacts_dialog")
        self.setWindowTitle(self.tr("Playbook contacts"))
        self.context = context
        self.site_id = site_id
        self.tz: ZoneInfo | None = None
        self.form: ContactForm | None = None
        self.model = ContactsModel(self)
        self.table = QTableView(objectName="contacts_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_contact())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("when_to_call"), QHeaderView.ResizeMode.Stretch)
        self.duty = QLabel(objectName="contacts_on_duty", wordWrap=True)
        self.duty.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(objectName="contacts_message", wordWrap=True)
        self.message.hide()
        self.add_button = QPushButton(self.tr("&Add…"), objectName="contact_add")
        self.edit_button = QPushButton(self.tr("&Edit…"), objectName="contact_edit")
        self.remove_button = QPushButton(self.tr("&Deactivate"), objectName="contact_remove")
        self.remove_button.setToolTip(self.tr("No longer called by the playbooks; kept for the record"))
        self.add_button.clicked.connect(self.add_contact)
        self.edit_button.clicked.connect(self.edit_contact)
        self.remove_button.clicked.connect(self.remove_contact)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._enable()
        self.resize(860, 420)
        self.refresh()

    # --- reading ---

    def refresh(self, select: int | None = None) -> None:
        """Read the contacts (removed ones too) and the site's zone on the runner; `select`: a contact id."""
        from app.services import playbooks
        from app.services.sources import list_sites

        site_id = self.site_id

        def work(console):
            sites = list_sites(console)
            site = next((s for s in sites if s.id == site_id), sites[0])
            return site, playbooks.list_contacts(console, include_inactive=True, site_id=site_id)

        self.context.runner.run(work, self.context.console, on_done=lambda r: self._loaded(*r, select),
                                on_error=self._failed)

    def _loaded(self, site, contacts, select: int | None) -> None:
        self.tz = ZoneInfo(site.timezone)
        local = self.context.now().astimezone(self.tz).time()
        known = {role: i for i, role in enumerate(ROLES)}
        contacts = sorted(contacts, key=lambda c: (known.get(c.role, len(known)), c.role.casefold(), c.id))
        duty = on_duty_now(contacts, local)
        self.model.set_contacts(contacts, {c.id for c in duty.values()})
        if duty:
            parts = [self.tr("{role}: <b>{name}</b> {phone}").format(
                role=_html(words.role_text(c.role)), name=_html(c.name), phone=_html(c.phone))
                for c in duty.values()]
            text = self.tr("On duty now ({time}): {contacts}").format(
                time=local.strftime("%H:%M"), contacts=self.tr("; ").join(parts))
        else:
            text = self.tr("Nobody is on duty now: add the contacts the playbooks call (IT duty, telephony "
                           "vendor, facilities, duty manager).")
        self.duty.setText(text)
        row = self.model.row_of(select) if select is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self.current().active)

    def current(self) -> Contact | None:
        index = self.table.currentIndex()
        return index.data(CONTACT_ROLE) if index.isValid() else None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _failed(self, exc: BaseException) -> None:
        text = _refusal(exc)
        if self.form is not None and self.form.isVisible():
            self.form.show_error(text)
        else:
            self._say(text, error=True)

    # --- writing ---

    def _open_form(self, contact: Contact | None) -> ContactForm:
        choices = words.role_choices(c.role for c in self.model.contacts)
        self.form = ContactForm(contact, choices, self)
        self.form.accepted_with.connect(lambda value: self._save(contact, value))
        self.form.open()
        return self.form

    def add_contact(self) -> ContactForm:
        return self._open_form(None)

    def edit_contact(self) -> ContactForm | None:
        contact = self.current()
        return self._open_form(contact) if contact is not None else None

    def _save(self, contact: Contact | None, value: tuple) -> None:
        from app.services import playbooks

        role, name, phone, when, on_from, on_until = value

        def done(saved: Contact) -> None:
            if self.form is not None:
                self.form.accept()
                self.form = None
            self._say(self.tr("{name} saved.").format(name=saved.name))
            self.contacts_changed.emit()
            self.refresh(select=saved.id)

        self.context.runner.run(playbooks.save_contact, self.context.console, role, name, phone, when, on_from,
                                on_until, contact.id if contact else None, self.site_id,
                                on_done=done, on_error=self._failed)

    def remove_contact(self) -> None:
        from app.services import playbooks

        contact = self.current()
        if contact is None or not contact.active:
            return

        def done(removed: Contact) -> None:
            self._say(self.tr("{name} deactivated: no longer called by the playbooks.").format(name=removed.name))
            self.contacts_changed.emit()
            self.refresh(select=removed.id)

        self.context.runner.run(playbooks.remove_contact, self.context.console, contact.id, on_done=done,
                                on_error=self._failed)


def _html(text: str) -> str:
    return html.escape(text or "")


def _refusal(exc: BaseException) -> str:
    if isinstance(exc, InvalidPlaybookError):
        return "\n".join(words.problems_lines(exc.problems))
    return describe(exc)
