"""The playbook editor: a dialog editing a PlaybookDraft (a new playbook, or the next version of a stored one).

The form holds the key (fixed for a stored playbook: a new version keeps
it), title, situation, how to recognise it, severity and the roles (a comma
list of role names, or ticked from the menu beside it); the steps are an
editable table (what to do, who, minutes, "if this fails, go to step", 0 for
none). Keys: Ctrl+Enter adds a step below the current one and starts typing
its text, Ctrl+Up / Ctrl+Down move the current step, Delete removes it when
the table has the focus. Moving, adding or removing a step renumbers the
"if this fails" steps that point past it, so they keep naming the same step
(a goto past the last step names no step yet and is left as typed).

OK checks the draft with check_playbook and lists every problem under the
form; a draft without problems is sent as `accepted_with(PlaybookDraft)` and
the dialog stays open: it does not write. The view saves it
(services.save_playbook) and calls `accept()` when stored, or `show_error`
with the refusal. Cancel discards every change.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMenu, QPlainTextEdit, QPushButton, QSpinBox, QStyledItemDelegate, QTableView,
    QToolButton, QVBoxLayout,
)

from app.domain.playbooks import MAX_MINUTES, Playbook, PlaybookDraft, Severity, Step, check_playbook
from app.ui.playbook import words

COLUMNS = ("text", "role", "minutes", "if_fails_goto")
MAX_GOTO = 99  # the spin lets any step number be typed: check_playbook says when it is not a step


class StepsModel(QAbstractTableModel):
    """State: the steps being edited (Step values, in order). EditRole gives and takes the role's key, the
    minutes and the goto as an int (0: none); DisplayRole words them."""

    def __init__(self, steps=(), parent=None) -> None:
        super().__init__(parent)
        self.steps: list[Step] = list(steps)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        names = words.field_names()
        return names[COLUMNS[section]] if 0 <= section < len(COLUMNS) else None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.steps):
            return None
        step, column = self.steps[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return {"text": step.text, "role": step.role, "minutes": step.minutes,
                    "if_fails_goto": step.if_fails_goto or 0}[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"text": step.text, "role": words.role_text(step.role), "minutes": str(step.minutes),
                    "if_fails_goto": str(step.if_fails_goto) if step.if_fails_goto else "—"}[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("minutes", "if_fails_goto"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "if_fails_goto":
            return self.tr("The step to go on with when this one does not work (0: none, go on with the next)")
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self.steps):
            return False
        step, column = self.steps[index.row()], COLUMNS[index.column()]
        if column == "text":
            step = replace(step, text=str(value or ""))
        elif column == "role":
            step = replace(step, role=words.role_key(str(value or "")))
        elif column == "minutes":
            step = replace(step, minutes=int(value or 0))
        else:
            step = replace(step, if_fails_goto=int(value or 0) or None)
        self.steps[index.row()] = step
        self.dataChanged.emit(index, index)
        return True

    def _renumber(self, change) -> None:
        """Apply `change(goto) -> goto | None` to every step's goto, and say the goto column changed."""
        self.steps = [replace(s, if_fails_goto=change(s.if_fails_goto)) if s.if_fails_goto else s for s in self.steps]
        if self.steps:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self.steps) - 1, 3))

    def insert_step(self, row: int, step: Step | None = None) -> int:
        """Insert `step` (default: an empty supervisor step of 5 minutes) at `row`; returns its row."""
        row = max(0, min(row, len(self.steps)))
        number, count = row + 1, len(self.steps)
        self._renumber(lambda g: g + 1 if number <= g <= count else g)  # a goto past the end names no step yet
        self.beginInsertRows(QModelIndex(), row, row)
        self.steps.insert(row, step or Step(""))
        self.endInsertRows()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, len(self.steps) - 1)
        return row

    def remove_step(self, row: int) -> None:
        """Remove the step at `row`; a goto naming it becomes none, the later ones move up by one."""
        if not 0 <= row < len(self.steps):
            return
        number, count = row + 1, len(self.steps)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.steps[row]
        self.endRemoveRows()
        self._renumber(lambda g: None if g == number else g - 1 if number < g <= count else g)
        if row < len(self.steps):
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, len(self.steps) - 1)

    def move_step(self, row: int, by: int) -> int:
        """Move the step at `row` one place up (by=-1) or down (by=1); returns its row afterwards."""
        to = row + by
        if by not in (-1, 1) or not 0 <= row < len(self.steps) or not 0 <= to < len(self.steps):
            return row
        # Qt's destination is the row the moved one goes before, counted before the move
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if by > 0 else to)
        self.steps[row], self.steps[to] = self.steps[to], self.steps[row]
        self.endMoveRows()
        a, b = row + 1, to + 1
        self._renumber(lambda g: b if g == a else a if g == b else g)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, min(row, to), max(row, to))
        return to


class StepDelegate(QStyledItemDelegate):
    """Editors of the steps table: an editable combo of role names, spin boxes for the minutes and the goto.

    State: the role choices ((key, name) of the known roles and the contacts' own roles)."""

    def __init__(self, role_choices, parent=None) -> None:
        super().__init__(parent)
        self.role_choices = list(role_choices)

    def createEditor(self, parent, option, index):
        column = COLUMNS[index.column()]
        if column == "role":
            box = QComboBox(parent, objectName="step_role_editor", editable=True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            for key, name in self.role_choices:
                box.addItem(name, key)
            return box
        if column in ("minutes", "if_fails_goto"):
            spin = QSpinBox(parent, objectName=f"step_{column}_editor")
            if column == "minutes":
                spin.setRange(0, MAX_MINUTES)
            else:
                spin.setRange(0, MAX_GOTO)
                spin.setSpecialValueText("—")
            return spin
        editor = super().createEditor(parent, option, index)
        editor.setObjectName("step_text_editor")
        return editor

    def setEditorData(self, editor, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setEditText(words.role_text(value))
            editor.lineEdit().selectAll()
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, words.role_key(editor.currentText()))
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value())
        else:
            super().setModelData(editor, model, index)


class PlaybookEditor(QDialog):
    """State: the draft edited (`original`), whether it is a stored playbook (its key is then fixed), the
    language it is written in, the steps model, and the problems shown."""

    accepted_with = Signal(object)  # PlaybookDraft

    def __init__(self, playbook: Playbook | PlaybookDraft | None = None, *, language: str = "en",
                 contact_roles=(), parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("playbook_editor")
        self.existing = isinstance(playbook, Playbook)
        if isinstance(playbook, Playbook):
            self.setWindowTitle(self.tr("Edit playbook: {title} (version {version})").format(
                title=playbook.title, version=playbook.version))
            draft = playbook.draft()
        else:
            self.setWindowTitle(self.tr("New playbook"))
            draft = playbook or PlaybookDraft("", "", language=language)
        self.original = draft
        self.language = draft.language
        names = words.field_names()

        self.key = QLineEdit(draft.key, objectName="playbook_key")
        self.key.setMaxLength(80)  # the stored lengths: a longer text would be refused by PostgreSQL
        self.key.setPlaceholderText(self.tr("e.g. acd-login-failure"))
        if self.existing:
            self.key.setReadOnly(True)
            self.key.setToolTip(self.tr("A new version keeps the key of the playbook"))
        self.title = QLineEdit(draft.title, objectName="playbook_title")
        self.title.setMaxLength(200)
        self.situation = self._text_box(draft.situation, "playbook_situation", 52)
        self.recognise = self._text_box(draft.recognise, "playbook_recognise", 70)
        self.severity = QComboBox(objectName="playbook_severity")
        for severity, name in words.severities().items():
            self.severity.addItem(name, severity.value)
        self.severity.setCurrentIndex(max(0, self.severity.findData(Severity(draft.severity).value)))
        self.roles = QLineEdit(words.roles_text(draft.roles), objectName="playbook_roles")
        self.roles.setPlaceholderText(self.tr("e.g. supervisor, IT duty, duty manager"))
        step_roles = [s.role for s in draft.steps]
        choices = words.role_choices([*contact_roles, *draft.roles, *step_roles])
        self.roles_menu = QMenu(self)
        self.roles_menu.aboutToShow.connect(lambda: self._fill_roles_menu(choices))
        pick = QToolButton(objectName="playbook_roles_pick", text=self.tr("Choose…"))
        pick.setMenu(self.roles_menu)
        pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        roles_row = QHBoxLayout()
        roles_row.setContentsMargins(0, 0, 0, 0)
        roles_row.addWidget(self.roles, 1)
        roles_row.addWidget(pick)

        form = QFormLayout()
        form.addRow(names["key"], self.key)
        form.addRow(names["title"], self.title)
        form.addRow(names["situation"], self.situation)
        form.addRow(names["recognise"], self.recognise)
        form.addRow(names["severity"], self.severity)
        form.addRow(names["roles"], roles_row)

        self.model = StepsModel(draft.steps, self)
        self.table = QTableView(objectName="playbook_steps")
        self.table.setModel(self.model)
        self.table.setItemDelegate(StepDelegate(choices, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setTabKeyNavigation(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # wrapped texts
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 150), (2, 70), (3, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)

        self.add_button = self._button(self.tr("&Add step"), "step_add", self.add_step,
                                       self.tr("A new step below the current one (Ctrl+Enter)"))
        self.remove_button = self._button(self.tr("&Remove step"), "step_remove", self.remove_step,
                                          self.tr("Remove the current step (Delete in the table)"))
        self.up_button = self._button(self.tr("Move &up"), "step_up", lambda: self.move_step(-1),
                                      self.tr("Move the current step up (Ctrl+Up)"))
        self.down_button = self._button(self.tr("Move &down"), "step_down", lambda: self.move_step(1),
                                        self.tr("Move the current step down (Ctrl+Down)"))
        step_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            step_buttons.addWidget(button)
        step_buttons.addStretch(1)
        hint = QLabel(self.tr("Steps — Ctrl+Enter: new step · Ctrl+Up / Ctrl+Down: move · Delete: remove · "
                              "\"If this fails\": the step to go on with when this one does not work (— for none)"),
                      wordWrap=True)
        hint.setStyleSheet("color: #555")

        self.problems = QLabel(objectName="playbook_problems", wordWrap=True)
        self.problems.setStyleSheet("color: #b00020")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(step_buttons)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.add_step)
        scoped = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+Up"), self.table, lambda: self.move_step(-1), context=scoped)
        QShortcut(QKeySequence("Ctrl+Down"), self.table, lambda: self.move_step(1), context=scoped)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.remove_step,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.resize(900, 680)
        (self.title if self.existing else self.key).setFocus()

    def _text_box(self, text: str, name: str, height: int) -> QPlainTextEdit:
        box = QPlainTextEdit(text, objectName=name)
        box.setTabChangesFocus(True)
        box.setFixedHeight(height)
        return box

    def _button(self, text: str, name: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text, objectName=name, toolTip=tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _fill_roles_menu(self, choices) -> None:
        self.roles_menu.clear()
        chosen = set(words.parse_roles(self.roles.text()))
        for key, name in choices:
            action = self.roles_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(key in chosen)
            action.toggled.connect(lambda on, key=key: self._toggle_role(key, on))

    def _toggle_role(self, key: str, on: bool) -> None:
        roles = [r for r in words.parse_roles(self.roles.text()) if r != key]
        if on:
            roles.append(key)
        self.roles.setText(words.roles_text(roles))

    # --- steps ---

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _finish_editing(self) -> None:
        """Commit the cell being typed in, so a move or a new step starts from what is on screen."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            index = self.table.currentIndex()
            editor = self.table.indexWidget(index)
            if editor is not None:
                delegate = self.table.itemDelegateForIndex(index)
                delegate.commitData.emit(editor)
                delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def add_step(self) -> int:
        """A new step below the current one (at the end when none is current), its text open for typing."""
        self._finish_editing()
        current = self.current_row()
        role = self.model.steps[current].role if current >= 0 else "supervisor"
        row = self.model.insert_step(current + 1 if current >= 0 else len(self.model.steps), Step("", role))
        index = self.model.index(row, 0)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        return row

    def remove_step(self) -> None:
        self._finish_editing()
        row = self.current_row()
        if row < 0:
            return
        column = max(0, self.table.currentIndex().column())
        self.model.remove_step(row)
        if self.model.steps:
            self.table.setCurrentIndex(self.model.index(min(row, len(self.model.steps) - 1), column))

    def move_step(self, by: int) -> None:
        self._finish_editing()
        row = self.current_row()
        if row < 0:
            return
        column = self.table.currentIndex().column()
        to = self.model.move_step(row, by)
        self.table.setCurrentIndex(self.model.index(to, column))

    def keyPressEvent(self, event) -> None:
        # Enter in a step's cell ends the typing there; it must not press OK for the whole dialog
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focus is not None \
                and (focus is self.table or self.table.isAncestorOf(focus)):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- the draft ---

    def draft(self) -> PlaybookDraft:
        """What the form holds now, texts stripped (the steps as typed)."""
        self._finish_editing()
        steps = tuple(Step(s.text.strip(), s.role.strip(), s.minutes, s.if_fails_goto) for s in self.model.steps)
        key = self.original.key if self.existing else self.key.text().strip()
        return PlaybookDraft(key, self.title.text().strip(), self.situation.toPlainText().strip(),
                             self.recognise.toPlainText().strip(), Severity(self.severity.currentData()),
                             words.parse_roles(self.roles.text()), steps, self.language)

    def show_problems(self, problems, steps=()) -> None:
        """List (field, code) problems, one a line, under the form; the first step named becomes current."""
        lines = words.problems_lines(problems, steps)
        self.show_error("\n".join(lines))
        for field, _code in problems:
            parts = field.split(".")
            if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) <= len(self.model.steps):
                column = COLUMNS.index(parts[2]) if parts[2] in COLUMNS else 0
                self.table.setCurrentIndex(self.model.index(int(parts[1]) - 1, column))
                break

    def show_error(self, text: str) -> None:
        """Text under the form (a refusal from the services, or the problems); empty hides it."""
        self.problems.setText(text)
        self.problems.setVisible(bool(text))

    def submit(self) -> None:
        """OK: check the draft; send it when it has no problem, else list the problems."""
        draft = self.draft()
        problems = check_playbook(draft)
        if problems:
            self.show_problems(problems, draft.steps)
            return
        self.show_error("")
        self.accepted_with.emit(draft)
