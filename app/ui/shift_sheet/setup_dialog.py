"""Shifts and people of the site: shift definitions, special days, teams, supervisors (with PIN), agents.

Each tab lists what is stored and has a form under it: select a line to
edit it, or fill the form and Add. Every save is one service call on the
lane; a refusal (duplicate name, start equal to end, short PIN) is shown
under the form and nothing is stored.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QTimeEdit, QVBoxLayout, QWidget,
)

from app.domain.people import Role
from app.ui.errors import describe
from app.ui.shift_sheet import words


def _qtime(t: time) -> QTime:
    return QTime(t.hour, t.minute)


def _time(edit: QTimeEdit) -> time:
    t = edit.time()
    return time(t.hour(), t.minute())


class _Tab(QWidget):
    """A table of stored items and a form; subclasses fill `columns`, `load`, `cells`, `fill`, `save`."""

    def __init__(self, dialog: SetupDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.items = ()
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.form = QFormLayout()
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        self.add_button = QPushButton()
        self.save_button = QPushButton()
        self.new_button = QPushButton()
        self.add_button.clicked.connect(lambda: self._save(None))
        self.save_button.clicked.connect(lambda: self._save(self.current()))
        self.new_button.clicked.connect(self.clear)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        for b in (self.new_button, self.add_button, self.save_button):
            self.buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add"))
        self.save_button.setText(self.tr("Save changes"))
        self.new_button.setText(self.tr("Clear the form"))
        self.table.setColumnCount(len(self.headers()))
        self.table.setHorizontalHeaderLabels(self.headers())

    def current(self):
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) and self.table.selectedItems() else None

    def show_items(self, items) -> None:
        self.items = tuple(items)
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            for c, text in enumerate(self.cells(item)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.save_button.setEnabled(False)

    def _selected(self) -> None:
        item = self.current()
        self.save_button.setEnabled(item is not None)
        if item is not None:
            self.fill(item)

    def _save(self, item) -> None:
        self.error.clear()
        try:
            call = self.save(item)
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if call is not None:
            self.dialog.run(call, self)

    def failed(self, text: str) -> None:
        self.error.setText(text)


class ShiftsTab(_Tab):
    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.name = QLineEdit(objectName="shift_name")
        self.start = QTimeEdit(objectName="shift_start", displayFormat="HH:mm")
        self.end = QTimeEdit(objectName="shift_end", displayFormat="HH:mm")
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label, w in zip(self.labels, (self.name, self.start, self.end)):
            self.form.addRow(label, w)

    def retranslate(self) -> None:
        super().retranslate()
        for label, text in zip(self.labels, (self.tr("Name"), self.tr("Starts"), self.tr("Ends (next day when earlier)"))):
            label.setText(text)

    def headers(self):
        return [self.tr("Shift"), self.tr("Starts"), self.tr("Ends"), self.tr("Hours")]

    def cells(self, d):
        end = f"{d.end:%H:%M}" + (" (+1)" if d.crosses_midnight else "")
        return (d.name, f"{d.start:%H:%M}", end, f"{d.hours:g}")

    def fill(self, d) -> None:
        self.name.setText(d.name)
        self.start.setTime(_qtime(d.start))
        self.end.setTime(_qtime(d.end))

    def clear(self) -> None:
        self.name.clear()
        self.table.clearSelection()

    def save(self, d):
        from app.services import shifts

        name, start, end = self.name.text().strip(), _time(self.start), _time(self.end)
        return lambda c: shifts.save_definition(c, name, start, end, definition_id=d.id if d else None)


class SpecialDaysTab(_Tab):
    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.day = QDateEdit(objectName="special_day", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.name = QLineEdit(objectName="special_name")
        self.closed = QCheckBox(objectName="special_closed")
        self.opens = QTimeEdit(objectName="special_opens", displayFormat="HH:mm", time=QTime(9, 0))
        self.closes = QTimeEdit(objectName="special_closes", displayFormat="HH:mm", time=QTime(18, 0))
        self.closed.toggled.connect(lambda on: (self.opens.setDisabled(on), self.closes.setDisabled(on)))
        self.labels = [QLabel() for _ in range(4)]
        for label, w in zip(self.labels, (self.day, self.name, self.opens, self.closes)):
            self.form.addRow(label, w)
        self.form.addRow("", self.closed)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        self.buttons.insertWidget(1, self.remove_button)

    def retranslate(self) -> None:
        super().retranslate()
        for label, text in zip(self.labels, (self.tr("Date"), self.tr("Name"), self.tr("Opens"), self.tr("Closes"))):
            label.setText(text)
        self.closed.setText(self.tr("Closed all day"))
        self.remove_button.setText(self.tr("Remove"))

    def headers(self):
        return [self.tr("Date"), self.tr("Name"), self.tr("Hours")]

    def cells(self, s):
        hours = self.tr("closed") if s.closed else f"{s.opens:%H:%M}–{s.closes:%H:%M}"
        return (s.day.isoformat(), s.name, hours)

    def fill(self, s) -> None:
        self.day.setDate(QDate(s.day.year, s.day.month, s.day.day))
        self.name.setText(s.name)
        self.closed.setChecked(s.closed)
        if not s.closed:
            self.opens.setTime(_qtime(s.opens))
            self.closes.setTime(_qtime(s.closes))

    def clear(self) -> None:
        self.name.clear()
        self.table.clearSelection()

    def save(self, s):
        from app.services import shifts

        day: date = self.day.date().toPython()
        name = self.name.text().strip()
        if not name:
            raise ValueError(self.tr("A special day needs a name (e.g. National Day)."))
        opens, closes = (None, None) if self.closed.isChecked() else (_time(self.opens), _time(self.closes))
        return lambda c: shifts.set_special_day(c, day, name, opens, closes)

    def _remove(self) -> None:
        from app.services import shifts

        s = self.current()
        if s is not None:
            self.dialog.run(lambda c: shifts.remove_special_day(c, s.day), self)


class TeamsTab(_Tab):
    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.name = QLineEdit(objectName="team_name")
        self.leader = QComboBox(objectName="team_leader")
        self.colour = QLineEdit(objectName="team_colour", text="#4c78a8", inputMask="\\#HHHHHH")
        self.labels = [QLabel() for _ in range(3)]
        for label, w in zip(self.labels, (self.name, self.leader, self.colour)):
            self.form.addRow(label, w)

    def retranslate(self) -> None:
        super().retranslate()
        for label, text in zip(self.labels, (self.tr("Team"), self.tr("Team leader"), self.tr("Colour"))):
            label.setText(text)

    def set_supervisors(self, supervisors) -> None:
        self.leader.clear()
        self.leader.addItem(self.tr("(none)"), None)
        for s in supervisors:
            self.leader.addItem(s.name, s.id)

    def headers(self):
        return [self.tr("Team"), self.tr("Team leader"), self.tr("Colour")]

    def cells(self, t):
        return (t.name, t.leader_name or "", t.colour)

    def fill(self, t) -> None:
        self.name.setText(t.name)
        self.leader.setCurrentIndex(max(0, self.leader.findData(t.leader_id)))
        self.colour.setText(t.colour)

    def clear(self) -> None:
        self.name.clear()
        self.table.clearSelection()

    def save(self, t):
        from app.services import people

        name, leader, colour = self.name.text().strip(), self.leader.currentData(), self.colour.text()
        return lambda c: people.save_team(c, name, leader, colour, team_id=t.id if t else None)


class SupervisorsTab(_Tab):
    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.name = QLineEdit(objectName="supervisor_name")
        self.role = QComboBox(objectName="supervisor_role")
        self.pin = QLineEdit(objectName="supervisor_pin", echoMode=QLineEdit.EchoMode.Password, maxLength=12)
        self.pin2 = QLineEdit(objectName="supervisor_pin2", echoMode=QLineEdit.EchoMode.Password, maxLength=12)
        self.labels = [QLabel() for _ in range(4)]
        for label, w in zip(self.labels, (self.name, self.role, self.pin, self.pin2)):
            self.form.addRow(label, w)
        self.save_button.hide()  # a supervisor's PIN is changed by the supervisor, not here

    def retranslate(self) -> None:
        super().retranslate()
        for label, text in zip(self.labels, (self.tr("Name"), self.tr("Role"), self.tr("PIN (4–12 digits)"), self.tr("PIN again"))):
            label.setText(text)
        self.role.clear()
        for code, text in words.roles().items():
            self.role.addItem(text, code)

    def headers(self):
        return [self.tr("Supervisor"), self.tr("Role")]

    def cells(self, s):
        return (s.name, words.roles()[s.role])

    def fill(self, s) -> None:
        self.name.setText(s.name)
        self.role.setCurrentIndex(max(0, self.role.findData(s.role)))

    def clear(self) -> None:
        for w in (self.name, self.pin, self.pin2):
            w.clear()
        self.table.clearSelection()

    def save(self, _s):
        from app.services import people

        if self.pin.text() != self.pin2.text():
            raise ValueError(self.tr("The two PINs differ."))
        name, role, pin = self.name.text().strip(), Role(self.role.currentData()), self.pin.text()
        if not name:
            raise ValueError(self.tr("A supervisor needs a name."))
        return lambda c: people.add_supervisor(c, name, role, pin)


class AgentsTab(_Tab):
    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.employee_no = QLineEdit(objectName="agent_no")
        self.name = QLineEdit(objectName="agent_name")
        self.team = QComboBox(objectName="agent_team")
        self.login = QLineEdit(objectName="agent_login")
        self.seat = QLineEdit(objectName="agent_seat")
        self.skills = QLineEdit(objectName="agent_skills")
        self.active = QCheckBox(objectName="agent_active", checked=True)
        self.labels = [QLabel() for _ in range(6)]
        for label, w in zip(self.labels, (self.employee_no, self.name, self.team, self.login, self.seat, self.skills)):
            self.form.addRow(label, w)
        self.form.addRow("", self.active)
        self.import_button = QPushButton(objectName="agents_import")
        self.import_button.clicked.connect(self._import)
        self.buttons.insertWidget(0, self.import_button)

    def retranslate(self) -> None:
        super().retranslate()
        for label, text in zip(self.labels, (self.tr("Employee no."), self.tr("Name"), self.tr("Team"),
                                             self.tr("ACD login"), self.tr("Fixed seat"), self.tr("Skills (comma separated)"))):
            label.setText(text)
        self.active.setText(self.tr("Active"))
        self.import_button.setText(self.tr("Import agents…"))

    def set_teams(self, teams) -> None:
        self.team.clear()
        self.team.addItem(self.tr("(no team)"), None)
        for t in teams:
            self.team.addItem(t.name, t.id)

    def headers(self):
        return [self.tr("Employee no."), self.tr("Name"), self.tr("Team"), self.tr("ACD login"), self.tr("Seat"),
                self.tr("Skills"), self.tr("Active")]

    def cells(self, a):
        return (a.employee_no, a.name, a.team_name or "", a.acd_login or "", a.fixed_seat or "", ", ".join(a.skills),
                self.tr("yes") if a.active else self.tr("no"))

    def fill(self, a) -> None:
        self.employee_no.setText(a.employee_no)
        self.name.setText(a.name)
        self.team.setCurrentIndex(max(0, self.team.findData(a.team_id)))
        self.login.setText(a.acd_login or "")
        self.seat.setText(a.fixed_seat or "")
        self.skills.setText(", ".join(a.skills))
        self.active.setChecked(a.active)

    def clear(self) -> None:
        for w in (self.employee_no, self.name, self.login, self.seat, self.skills):
            w.clear()
        self.active.setChecked(True)
        self.table.clearSelection()

    def save(self, a):
        from app.services import people

        values = dict(employee_no=self.employee_no.text().strip(), name=self.name.text().strip(),
                      team_id=self.team.currentData(), acd_login=self.login.text().strip() or None,
                      fixed_seat=self.seat.text().strip() or None,
                      skills=tuple(s.strip() for s in self.skills.text().replace("，", ",").split(",") if s.strip()),
                      active=self.active.isChecked(), agent_id=a.id if a else None)
        return lambda c: people.save_agent(c, **values)

    def _import(self) -> None:
        self.dialog.view.actions.import_agents()


class SetupDialog(QDialog):
    """State: the context, the view that opened it, the five tabs."""

    def __init__(self, context, view) -> None:
        super().__init__(view)
        self.setObjectName("setup_dialog")
        self.context, self.view = context, view
        self.tabs = QTabWidget()
        self.shifts, self.special, self.teams = ShiftsTab(self), SpecialDaysTab(self), TeamsTab(self)
        self.supervisors, self.agents = SupervisorsTab(self), AgentsTab(self)
        for tab in (self.shifts, self.special, self.teams, self.supervisors, self.agents):
            self.tabs.addTab(tab, "")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.resize(820, 620)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shifts and people"))
        for i, text in enumerate((self.tr("Shifts"), self.tr("Special days"), self.tr("Teams"), self.tr("Supervisors"),
                                  self.tr("Agents"))):
            self.tabs.setTabText(i, text)
        for tab in (self.shifts, self.special, self.teams, self.supervisors, self.agents):
            tab.retranslate()

    def reload(self) -> None:
        def work(console):
            from app.services import people, shifts

            return (shifts.list_definitions(console), shifts.list_special_days(console), people.list_teams(console),
                    people.list_supervisors(console), people.list_agents(console))

        self.context.runner.run(work, self.context.console, on_done=self._loaded, on_error=lambda e: self.shifts.failed(describe(e)))

    def _loaded(self, lists) -> None:
        definitions, special, teams, supervisors, agents = lists
        self.teams.set_supervisors(supervisors)
        self.agents.set_teams(teams)
        for tab, items in ((self.shifts, definitions), (self.special, special), (self.teams, teams),
                           (self.supervisors, supervisors), (self.agents, agents)):
            tab.show_items(items)

    def run(self, call, tab: _Tab) -> None:
        def done(_):
            tab.clear()
            self.reload()

        self.context.runner.run(call, self.context.console, on_done=done, on_error=lambda e: tab.failed(describe(e)))
