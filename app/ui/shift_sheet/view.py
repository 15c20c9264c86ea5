"""The current-shift info sheet (当班班次信息通知表): who is on this shift, attendance, changes, notices.

Attendance is marked from the keyboard on the table: P (or Space) present,
L late, A absent, V on leave, S swapped, E left early, N note, Backspace
clears; each mark moves to the next agent. Marks that need a detail (the
minutes, the leave type, with whom, when) ask for it in the line under the
table. Every mark is a new revision in the database; Ctrl+Z records the
previous mark again (and Ctrl+Shift+Z the undone one).
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView,
    QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from app.domain.attendance import AttendanceStatus, Mark, ShiftSheet, SheetRow, count_rows, cross_check, team_counts
from app.domain.shifts import ShiftStatus
from app.ui.errors import describe, report_error
from app.ui.shift_sheet.mark_editor import MarkEditor
from app.ui.shift_sheet.models import ROW_ROLE, CountsModel, SheetTableModel
from app.ui.shift_sheet.panels import ChangesPanel, CrossCheckPanel, NoticesPanel
from app.ui.shift_sheet.sheet_actions import SheetActions

KEYS = {
    Qt.Key.Key_P: AttendanceStatus.PRESENT,
    Qt.Key.Key_Space: AttendanceStatus.PRESENT,
    Qt.Key.Key_L: AttendanceStatus.LATE,
    Qt.Key.Key_A: AttendanceStatus.ABSENT,
    Qt.Key.Key_V: AttendanceStatus.LEAVE,
    Qt.Key.Key_S: AttendanceStatus.SWAPPED,
    Qt.Key.Key_E: AttendanceStatus.LEFT_EARLY,
    Qt.Key.Key_N: "note",
    Qt.Key.Key_Backspace: AttendanceStatus.UNMARKED,
    Qt.Key.Key_Delete: AttendanceStatus.UNMARKED,
}
ASKS = frozenset({AttendanceStatus.LATE, AttendanceStatus.LEAVE, AttendanceStatus.SWAPPED, AttendanceStatus.LEFT_EARLY, "note"})


class MarkCommand(QUndoCommand):
    """One attendance mark: redo records `after`, undo records `before` (both new revisions)."""

    def __init__(self, view: ShiftSheetView, instance_id: int, agent_id: int, name: str, before: Mark,
                 after: Mark) -> None:
        super().__init__(name)
        self.view, self.instance_id, self.agent_id, self.before, self.after = view, instance_id, agent_id, before, after

    def redo(self) -> None:
        self.view.send_mark(self.agent_id, self.after, self.instance_id)

    def undo(self) -> None:
        self.view.send_mark(self.agent_id, self.before, self.instance_id)


class ShiftSheetView(QWidget):
    """State: the sheet shown (ShiftSheet or None), the slots of the chosen day, the supervisors, the undo stack."""

    view_id = "shift_sheet"
    sheet_loaded = Signal(object)  # ShiftSheet
    marked = Signal(object)  # SheetRow

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.sheet: ShiftSheet | None = None
        self.slots = ()
        self.supervisors = ()
        self.tz = ZoneInfo("UTC")
        self.undo = QUndoStack(self)
        self._build()
        self.actions = SheetActions(self)
        self.retranslate()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.day = QDateEdit(objectName="sheet_day", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _: self.load_day())
        self.shift_box = QComboBox(objectName="sheet_shift")
        self.shift_box.activated.connect(lambda _: self.load())
        self.now_button = QPushButton(objectName="sheet_now")
        self.now_button.clicked.connect(self.go_to_current)
        self.supervisor_box = QComboBox(objectName="sheet_supervisor")
        self.supervisor_box.activated.connect(lambda _: self._supervisor_chosen())
        self.status_label = QLabel(objectName="sheet_status")
        self.open_button = QPushButton(objectName="open_shift")
        self.open_button.clicked.connect(self.open_shift)
        self.more = QToolButton(objectName="sheet_more", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        bar = QHBoxLayout()
        self.day_label, self.shift_label, self.supervisor_label = QLabel(), QLabel(), QLabel()
        for w in (self.day_label, self.day, self.shift_label, self.shift_box, self.now_button, self.supervisor_label,
                  self.supervisor_box, self.status_label, self.open_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.more)
        self.counts = CountsModel(self)
        self.counts_view = QTableView(objectName="sheet_counts")
        self.counts_view.setModel(self.counts)
        self.counts_view.verticalHeader().hide()
        self.counts_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.counts_view.horizontalHeader().setStretchLastSection(True)
        self.counts_view.verticalHeader().setDefaultSectionSize(22)
        self.counts_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.counts_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.model = SheetTableModel(self)
        self.table = QTableView(objectName="sheet_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.installEventFilter(self)
        self.editor = MarkEditor(self)
        self.editor.committed.connect(self._detail_given)
        self.editor.cancelled.connect(self.table.setFocus)
        self.keys_help = QLabel(objectName="sheet_keys", wordWrap=True)
        self.keys_help.setStyleSheet("color: #555")
        self.empty = QLabel(objectName="sheet_empty", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("font-size: 14pt; color: #555; padding: 30px")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.counts_view)
        lv.addWidget(self.empty)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.editor)
        lv.addWidget(self.keys_help)
        self.changes = ChangesPanel()
        self.notices = NoticesPanel()
        self.crosscheck = CrossCheckPanel()
        self.side = QTabWidget(objectName="sheet_side")
        for w in (self.changes, self.notices, self.crosscheck):
            self.side.addTab(w, "")
        self.splitter = QSplitter(objectName="sheet_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        for key, slot in (("Ctrl+Z", self.undo.undo), ("Ctrl+Shift+Z", self.undo.redo)):
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def title_text(self) -> str:
        return self.tr("Shift sheet")

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Date"))
        self.shift_label.setText(self.tr("Shift"))
        self.supervisor_label.setText(self.tr("Supervisor on duty"))
        self.now_button.setText(self.tr("Current shift"))
        self.open_button.setText(self.tr("Open the shift"))
        self.more.setText(self.tr("Roster and sheet"))
        self.keys_help.setText(self.tr(
            "Keys on the table: P or Space present · L late · A absent · V on leave · S swapped · E left early · "
            "N note · Backspace clear · Ctrl+Z undo · each mark moves to the next agent"))
        self.side.setTabText(0, self.tr("Personnel changes"))
        self.side.setTabText(1, self.tr("Business notices"))
        self.side.setTabText(2, self.tr("ACD check"))
        self.model.retranslate()
        self.editor.retranslate()
        for panel in (self.changes, self.notices, self.crosscheck):
            panel.retranslate()
        self.actions.retranslate()
        self._fill_shift_box()
        self._show_status()
        if self.sheet is not None:
            self._show_counts()
            self.notices.show_notices(self.notices.notices, self._supervisor_id(), self.tz, self.context.now())
        self._empty_text()

    # --- loading ------------------------------------------------------------------------------
    def start(self) -> None:
        """The database is open: show the current shift (or the next one)."""
        self.go_to_current()

    def refresh(self) -> None:
        if self.sheet is not None:
            self.load(self.sheet.instance.day, self.sheet.instance.definition.id)
        else:
            self.go_to_current()

    def go_to_current(self) -> None:
        console = self.context.console
        if console is None:
            return
        now = self.context.now()

        def work():
            from app.services import shifts

            current = shifts.current_shift(console, now)
            slot = current.slot or current.next
            day = slot.day if slot else now.date()
            return day, slot.definition.id if slot else None, self._gather(console, day, slot.definition.id if slot else None, now)

        self.context.runner.run(work, on_done=lambda r: self._loaded(*r), on_error=self._error)

    def load_day(self) -> None:
        """Another date was picked: keep the same shift name if that day has it."""
        if self.context.console is None or self.sheet is None and not self.slots:
            return
        keep = self.shift_box.currentData()
        self.load(self.day.date().toPython(), keep)

    def load(self, day: date | None = None, definition_id: int | None = None) -> None:
        console = self.context.console
        if console is None:
            return
        day = day or self.day.date().toPython()
        definition_id = definition_id if definition_id is not None else self.shift_box.currentData()
        now = self.context.now()
        self.context.runner.run(lambda: (day, definition_id, self._gather(console, day, definition_id, now)),
                                on_done=lambda r: self._loaded(*r), on_error=self._error)

    @staticmethod
    def _gather(console, day, definition_id, now):
        """On the lane: the day's slots, the supervisors and the sheet (None when the day has no such shift)."""
        from app.services import people, shifts
        from app.services import sheet as sheet_service

        slots = shifts.slots_for(console, day)
        ids = [s.definition.id for s in slots]
        if definition_id not in ids:
            definition_id = ids[0] if ids else None
        supervisors = people.list_supervisors(console)
        sheet = sheet_service.load_sheet(console, day, definition_id, now) if definition_id is not None else None
        return slots, supervisors, sheet

    def _loaded(self, day: date, definition_id, gathered) -> None:
        slots, supervisors, sheet = gathered
        self.slots, self.supervisors = slots, supervisors
        old = self.sheet.instance.id if self.sheet is not None else None
        if (sheet.instance.id if sheet is not None else None) != old:
            self.undo.clear()  # marks are undone on the shift they were made on, never on another
        self.sheet = sheet
        if sheet is not None:
            self.tz = ZoneInfo(sheet.timezone)
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)
        self._fill_shift_box()
        self._fill_supervisors()
        keep_row = self.table.currentIndex().row()
        # The agent shown, not the row number: another desk's change may add or remove rows above it.
        kept = self.current_row()
        keep_agent = kept.agent.id if kept is not None else None
        self.model.set_rows(sheet.rows if sheet else (), self.tz)
        if sheet is not None:
            self._show_counts()
            self.changes.show_changes(sheet.changes, self.tz)
            self.notices.show_notices(sheet.notices, self._supervisor_id(), self.tz, self.context.now())
            found = self.crosscheck.show_sheet(sheet)
            self.side.setTabText(2, self.tr("ACD check ({n})").format(n=found) if found else self.tr("ACD check"))
            self._fit_columns()
            self.table.horizontalHeader().setStretchLastSection(True)
            same = [i for i, r in enumerate(sheet.rows) if r.agent.id == keep_agent] if keep_agent is not None else []
            row = same[0] if same else (keep_row if 0 <= keep_row < len(sheet.rows) else 0)
            if sheet.rows:
                self.table.setCurrentIndex(self.model.index(row, 0))
        else:
            self.counts.set_counts(count_rows(()), ())
        self._show_status()
        self._empty_text()
        self.actions.update_enabled()
        self.sheet_loaded.emit(sheet)

    def _fit_columns(self) -> None:
        """What `resizeColumnsToContents` does, without its cost: Qt asks the model about eight roles of every
        cell (22,000 Python calls, 150-300 ms for 300 agents); here Qt measures only each column's widest text."""
        header = self.table.horizontalHeader()
        grid = 1 if self.table.showGrid() else 0
        for column, row in enumerate(self.model.widest_rows(self.table.fontMetrics())):
            content = self.table.sizeHintForIndex(self.model.index(row, column)).width() + grid if row >= 0 else 0
            header.resizeSection(column, max(content, header.sectionSizeHint(column)))

    def _empty_text(self) -> None:
        if self.sheet is None:
            text = self.tr("No shift is defined for this day yet. Define the site's shifts in Shifts and people "
                           "(Roster and sheet menu), then import a roster.")
        elif not self.sheet.rows:
            text = self.tr("Nobody is rostered on this shift yet. Import a roster (Ctrl+Shift+I) or add agents by hand.")
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    def _fill_shift_box(self) -> None:
        keep = self.sheet.instance.definition.id if self.sheet else self.shift_box.currentData()
        self.shift_box.clear()
        for s in self.slots:
            text = f"{s.definition.name}  {s.start.astimezone(s.start.tzinfo):%H:%M}–{s.end:%H:%M}"
            if s.special is not None:
                text += f"  ({s.special.name})"
            self.shift_box.addItem(text, s.definition.id)
        if keep is not None and self.shift_box.findData(keep) >= 0:
            self.shift_box.setCurrentIndex(self.shift_box.findData(keep))

    def _fill_supervisors(self) -> None:
        self.supervisor_box.clear()
        self.supervisor_box.addItem(self.tr("(nobody yet)"), None)
        for s in self.supervisors:
            self.supervisor_box.addItem(s.name, s.id)
        current = self.sheet.instance.supervisor_id if self.sheet else None
        self.supervisor_box.setCurrentIndex(max(0, self.supervisor_box.findData(current)))

    def _supervisor_id(self) -> int | None:
        return self.sheet.instance.supervisor_id if self.sheet else None

    def supervisor_name(self) -> str | None:
        return self.sheet.instance.supervisor_name if self.sheet else None

    def _show_status(self) -> None:
        if self.sheet is None:
            self.status_label.setText("")
            self.open_button.hide()
            return
        texts = {ShiftStatus.PLANNED: self.tr("planned"), ShiftStatus.OPEN: self.tr("open"),
                 ShiftStatus.HANDED_OVER: self.tr("handed over")}
        self.status_label.setText(self.tr("Status: {status}").format(status=texts[self.sheet.instance.status]))
        self.open_button.setVisible(self.sheet.instance.status is ShiftStatus.PLANNED)

    def _show_counts(self) -> None:
        self.counts.set_counts(count_rows(self.model.rows), team_counts(self.model.rows))
        # Every team shows without scrolling (a floor has a handful of teams).
        header = self.counts_view.horizontalHeader().sizeHint().height()
        rows = self.counts.rowCount() * self.counts_view.verticalHeader().defaultSectionSize()
        self.counts_view.setFixedHeight(min(header + rows + 4, 260))

    def _error(self, exc: BaseException) -> None:
        report_error(exc)

    # --- the shift ------------------------------------------------------------------------------
    def _supervisor_chosen(self) -> None:
        if self.sheet is None:
            return
        from app.services import shifts

        self.context.runner.run(shifts.set_supervisor, self.context.console, self.sheet.instance.id,
                                self.supervisor_box.currentData(), on_done=lambda _: self.refresh(), on_error=self._error)

    def open_shift(self) -> None:
        if self.sheet is None:
            return
        from app.services import shifts

        self.context.runner.run(shifts.set_status, self.context.console, self.sheet.instance.id, ShiftStatus.OPEN,
                                on_done=lambda _: self.refresh(), on_error=self._error)

    # --- marking attendance ------------------------------------------------------------------
    def current_row(self) -> SheetRow | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            kind = KEYS.get(Qt.Key(event.key()))
            if kind is not None and self.current_row() is not None:
                self.mark_current(kind)
                return True
        return super().eventFilter(watched, event)

    def mark_current(self, kind) -> None:
        """Mark the selected agent (asking for the detail first when the mark needs one)."""
        row = self.current_row()
        if row is None or self.sheet is None:
            return
        if kind in ASKS:
            names = tuple(a.name for a in self.sheet.agents_on_file if a.id != row.agent.id)
            self.editor.agent_id = row.agent.id  # the detail is recorded for this agent only
            self.editor.ask(kind, row.agent.name, row.mark, names, self.context.now(), self.tz,
                            (self.sheet.start, self.sheet.end))
            return
        self.record(row, Mark(status=kind, note=row.mark.note))

    def _detail_given(self, mark: Mark) -> None:
        row = self.current_row()
        asked = getattr(self.editor, "agent_id", None)
        if row is not None and asked is not None and row.agent.id != asked:
            row = None  # the sheet was read again meanwhile and the agent asked about is no longer this row
        if row is not None:
            if mark.status is AttendanceStatus.SWAPPED and mark.swap_with_name:
                match = [a for a in self.sheet.agents_on_file if a.name == mark.swap_with_name]
                if match:
                    mark = Mark(status=mark.status, swap_with_id=match[0].id, swap_with_name=match[0].name, note=mark.note)
            self.record(row, mark, advance=True)
        self.table.setFocus()

    def record(self, row: SheetRow, mark: Mark, advance: bool = True) -> None:
        try:
            mark.check()
        except Exception as exc:  # an incomplete detail: say which, mark nothing
            report_error(exc)
            return
        if mark == row.mark:
            self._advance(advance)
            return
        self.undo.push(MarkCommand(self, self.sheet.instance.id, row.agent.id, row.agent.name, row.mark, mark))
        self._advance(advance)

    def _advance(self, advance: bool) -> None:
        index = self.table.currentIndex()
        if advance and index.row() + 1 < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(index.row() + 1, index.column()))

    def send_mark(self, agent_id: int, mark: Mark, instance_id: int) -> None:
        from app.services import sheet as sheet_service

        self.context.runner.run(sheet_service.mark, self.context.console, instance_id, agent_id, mark,
                                self.supervisor_name(), self.context.now(),
                                on_done=lambda row: self._marked(row, instance_id), on_error=self._error)

    def _marked(self, row: SheetRow, instance_id: int) -> None:
        if self.sheet is None or self.sheet.instance.id != instance_id:
            return  # the answer of a shift no longer shown: the next load shows it
        if self.sheet.logins_known:
            (row,), _ = cross_check((row,), self.sheet.logged_in)
        if self.model.replace_row(row) >= 0:
            self._show_counts()
        self.marked.emit(row)

    # --- changes, notices, roster: the actions module does the talking -------------------------
    def describe(self, exc: BaseException) -> str:
        return describe(exc)
