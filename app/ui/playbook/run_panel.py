"""A playbook run as a checklist: a running clock, each step ticked with who and when, notes, skips with a reason.

Keys on the steps: Space or Enter done, F did not work (the run goes on at
the step the playbook names), S skip (asks why), N note; the current step is
marked and selected. Nothing here writes: the panel asks, the view sends.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from app.domain.playbooks import Contact, Run, RunStatus, StepState, current_step, elapsed, progress, step_states
from app.ui.playbook import words

STATE_COLOURS = {StepState.DONE: "#e3f4e1", StepState.SKIPPED: "#eeeeee", StepState.FAILED: "#f8d7da"}
CURRENT = "#fff3cd"


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class RunStepsModel(QAbstractTableModel):
    """State: the run shown, the contacts on duty by role, the site's zone."""

    columns = ("number", "text", "who", "minutes", "state", "marked", "note")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.run: Run | None = None
        self.on_duty: dict[str, Contact | None] = {}
        self.tz = ZoneInfo("UTC")

    def set_run(self, run: Run | None, on_duty, tz: ZoneInfo) -> None:
        self.beginResetModel()
        self.run, self.on_duty, self.tz = run, dict(on_duty or {}), tz
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.run is None else len(self.run.playbook.steps)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {"number": self.tr("No."), "text": self.tr("Step"), "who": self.tr("Who"),
                "minutes": self.tr("Min."), "state": self.tr("Done?"), "marked": self.tr("By, at"),
                "note": self.tr("Note")}[self.columns[section]]

    def who(self, role: str) -> str:
        contact = self.on_duty.get(role)
        name = words.role_text(role)
        if contact is None:
            return name
        return self.tr("{role}: {name} {phone}").format(role=name, name=contact.name, phone=contact.phone)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.run is None:
            return None
        number = index.row() + 1
        step = self.run.playbook.steps[index.row()]
        mark = step_states(self.run).get(number)
        column = self.columns[index.column()]
        current = self.run.status is RunStatus.ACTIVE and current_step(self.run) == number
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "number":
                return f"▶ {number}" if current else str(number)
            if column == "text":
                text = step.text
                if step.if_fails_goto:
                    text += "  " + self.tr("(if this fails → step {n})").format(n=step.if_fails_goto)
                return text
            if column == "who":
                return self.who(step.role)
            if column == "minutes":
                return str(step.minutes)
            if column == "state":
                return words.step_states()[mark.state] if mark else ""
            if column == "marked":
                return f"{mark.by} {mark.at.astimezone(self.tz):%H:%M}" if mark else ""
            if column == "note":
                notes = [n for n in self.run.notes if n[0] == number]
                parts = [p for p in ((mark.reason if mark else ""), (mark.note if mark else "")) if p]
                parts += [n[1] for n in notes]
                return " · ".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("text", "note"):
            return self.data(index)
        if role == Qt.ItemDataRole.BackgroundRole:
            if mark is not None:
                return QBrush(QColor(STATE_COLOURS[mark.state]))
            if current:
                return QBrush(QColor(CURRENT))
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        return None


class RunPanel(QWidget):
    """State: the run shown and the clock (the context's, so tests fix it)."""

    WHO_WIDTH = 230
    NOTE_WIDTH = 170
    mark_requested = Signal(int, object)  # step, StepState (done / failed)
    skip_requested = Signal(int)
    note_requested = Signal(int)
    close_requested = Signal()

    def __init__(self, now, parent=None) -> None:
        super().__init__(parent, objectName="run_panel")
        self.now = now
        self.run: Run | None = None
        self.tz = ZoneInfo("UTC")
        self.title = QLabel(objectName="run_title", wordWrap=True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold")
        self.clock = QLabel(objectName="run_clock")
        self.clock.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1b5e20; padding: 0 10px")
        self.info = QLabel(objectName="run_info", wordWrap=True)
        self.model = RunStepsModel(self)
        self.table = QTableView(objectName="run_steps")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # who: sized in set_run, at most WHO_WIDTH
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)  # notes: at most NOTE_WIDTH (tooltip: all)
        self.table.installEventFilter(self)
        self.table.setMinimumHeight(60)
        # Wrapped steps are as tall as their text at the width they finally get (the stretched column changes
        # width as the window lays out): rows are measured again once the columns settle.
        self.rows_timer = QTimer(self, singleShot=True, interval=0)
        self.rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self.rows_timer.start())
        self.buttons = {key: QPushButton(objectName=f"run_{key}") for key in ("done", "failed", "skip", "note", "close")}
        self.buttons["done"].clicked.connect(lambda: self._ask_mark(StepState.DONE))
        self.buttons["failed"].clicked.connect(lambda: self._ask_mark(StepState.FAILED))
        self.buttons["skip"].clicked.connect(lambda: self._with_step(self.skip_requested.emit))
        self.buttons["note"].clicked.connect(lambda: self._with_step(self.note_requested.emit))
        self.buttons["close"].clicked.connect(self.close_requested.emit)
        self.keys = QLabel(objectName="run_keys", wordWrap=True)
        self.keys.setStyleSheet("color: #555")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.clock)
        bar = QHBoxLayout()
        for key in ("done", "failed", "skip", "note"):
            bar.addWidget(self.buttons[key])
        bar.addStretch(1)
        bar.addWidget(self.buttons["close"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(self.keys)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in (("done", self.tr("Done (Space)")), ("failed", self.tr("Did not work (F)")),
                          ("skip", self.tr("Skip… (S)")), ("note", self.tr("Note… (N)")),
                          ("close", self.tr("Close the run…"))):
            self.buttons[key].setText(text)
        self.keys.setText(self.tr("On the steps: Space or Enter done · F did not work (go on at the step named) · "
                                  "S skip (say why) · N note"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.columns) - 1)
        self._show_info()

    def set_run(self, run: Run | None, on_duty, tz: ZoneInfo) -> None:
        keep = self.selected_step()
        same = run is not None and self.run is not None and run.id == self.run.id
        self.run, self.tz = run, tz
        self.model.set_run(run, on_duty, tz)
        self.table.resizeColumnToContents(2)
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), self.WHO_WIDTH))
        self.table.resizeColumnToContents(6)
        self.table.setColumnWidth(6, max(60, min(self.table.columnWidth(6), self.NOTE_WIDTH)))
        self.table.resizeRowsToContents()
        active = run is not None and run.status is RunStatus.ACTIVE
        for b in self.buttons.values():
            b.setEnabled(active)
        self._show_info()
        self._tick()
        if run is not None:
            step = current_step(run) if active else None
            row = (step or (keep if same and keep else 1)) - 1
            row = min(max(row, 0), len(run.playbook.steps) - 1)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _show_info(self) -> None:
        run = self.run
        if run is None:
            self.title.setText(self.tr("No run selected"))
            self.info.setText("")
            return
        pb = run.playbook
        self.title.setText(self.tr("{title} (version {version})").format(title=pb.title, version=pb.version))
        done, skipped, total = progress(run)
        started = run.started_at.astimezone(self.tz)
        text = self.tr("Started {time} by {by} · {done} of {total} steps done, {skipped} skipped").format(
            time=f"{started:%H:%M}", by=run.started_by, done=done, total=total, skipped=skipped)
        if run.status is RunStatus.CLOSED:
            text += " · " + self.tr("closed {time} by {by}: {outcome}").format(
                time=f"{run.closed_at.astimezone(self.tz):%H:%M}", by=run.closed_by, outcome=run.outcome)
        run_notes = [n for n in run.notes if n[0] == 0]
        if run_notes:
            text += "\n" + " · ".join(f"{n[2]}: {n[1]}" for n in run_notes)
        self.info.setText(text)

    def _tick(self) -> None:
        run = self.run
        if run is None:
            self.clock.setText("")
            return
        moment: datetime = run.closed_at if run.status is RunStatus.CLOSED else self.now()
        self.clock.setText(clock_text(elapsed(run, moment).total_seconds()))
        self.clock.setStyleSheet("font-size: 20pt; font-weight: bold; padding: 0 10px; color: %s"
                                 % ("#555" if run.status is RunStatus.CLOSED else "#1b5e20"))

    def selected_step(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() + 1 if index.isValid() else None

    def _with_step(self, emit) -> None:
        step = self.selected_step()
        if step is not None and self.run is not None and self.run.status is RunStatus.ACTIVE:
            emit(step)

    def _ask_mark(self, state: StepState) -> None:
        self._with_step(lambda step: self.mark_requested.emit(step, state))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            key = event.key()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._ask_mark(StepState.DONE)
                return True
            if key == Qt.Key.Key_F:
                self._ask_mark(StepState.FAILED)
                return True
            if key == Qt.Key.Key_S:
                self._with_step(self.skip_requested.emit)
                return True
            if key == Qt.Key.Key_N:
                self._with_step(self.note_requested.emit)
                return True
        return super().eventFilter(watched, event)
