"""Importing a roster (schedule export, CSV or Excel): preview, rejected rows with reasons, then replace.

The preview reads and checks the file on the lane without storing anything;
Import replaces the roster of the dates the file covers, in one
transaction, and leaves the attendance already recorded as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
)

from app.ui.errors import describe
from app.ui.shift_sheet import words

SHOWN = 500  # rows listed in each table; the summary counts them all


class RosterImportDialog(QDialog):
    """State: the context, the preview of the chosen file (None until read)."""

    applied = Signal(object)  # RosterApplied

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("roster_import")
        self.context = context
        self.preview_result = None
        self.path = QLineEdit(objectName="roster_path", readOnly=True)
        self.browse = QPushButton(objectName="roster_browse")
        self.browse.clicked.connect(self.choose)
        self.summary = QLabel(objectName="roster_summary", wordWrap=True)
        self.tabs = QTabWidget()
        self.accepted_table = self._table("roster_accepted")
        self.rejected_table = self._table("roster_rejected")
        self.tabs.addTab(self.accepted_table, "")
        self.tabs.addTab(self.rejected_table, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("roster_apply")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 560)
        self.retranslate()

    @staticmethod
    def _table(name: str) -> QTableWidget:
        t = QTableWidget(0, 3, objectName=name)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().hide()
        t.horizontalHeader().setStretchLastSection(True)
        return t

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a roster"))
        self.browse.setText(self.tr("Choose a file…"))
        self.import_button.setText(self.tr("Import"))
        self.accepted_table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Agent"), self.tr("Shift")])
        self.rejected_table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Reason"), self.tr("Row")])
        if self.preview_result is None:
            self.summary.setText(self.tr("A schedule export, CSV or Excel: one row per agent per date, with the agent id, "
                                         "the date, the shift name or its start and end, and optional activities."))
            self.tabs.setTabText(0, self.tr("Ready"))
            self.tabs.setTabText(1, self.tr("Rejected"))

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Roster file"), "",
                                              self.tr("Schedule exports (*.csv *.xlsx);;All files (*)"))
        if path:
            self.preview(path)

    def preview(self, path: str) -> None:
        from app.services import roster

        self.path.setText(path)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading…"))
        self.context.runner.run(roster.preview_roster, self.context.console, path, on_done=self._previewed,
                                on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.preview_result = None
        self.summary.setText(describe(exc))
        self.accepted_table.setRowCount(0)
        self.rejected_table.setRowCount(0)

    def _previewed(self, preview) -> None:
        self.preview_result = preview
        plan = preview.plan
        drafts, problems = plan.drafts, preview.problems
        if plan.first_day is None:
            span = ""
        else:
            span = self.tr("Dates {first} to {last}.").format(first=plan.first_day.isoformat(), last=plan.last_day.isoformat())
        self.summary.setText(" ".join(t for t in (
            span,
            self.tr("{ready} rows ready, {rejected} rejected.").format(ready=len(drafts), rejected=len(problems)),
            self.tr("Importing replaces the {n} roster entries stored for those dates; the {kept} attendance marks "
                    "already recorded stay as they are.").format(n=preview.existing_entries, kept=preview.attendance_kept)
            if plan.first_day is not None else "",
        ) if t))
        tz = None
        self.accepted_table.setRowCount(min(len(drafts), SHOWN))
        for r, d in enumerate(drafts[:SHOWN]):
            tz = d.start.tzinfo
            times = f"{d.day.isoformat()} {d.definition.name} {d.start.astimezone(tz):%H:%M}–{d.end.astimezone(tz):%H:%M}"
            self._row(self.accepted_table, r, (str(d.line), f"{d.agent.name} ({d.agent.employee_no})", times))
        self.rejected_table.setRowCount(min(len(problems), SHOWN))
        for r, p in enumerate(problems[:SHOWN]):
            self._row(self.rejected_table, r, (str(p.line), words.problem_text(str(p.code), p.detail), p.text))
        self.accepted_table.resizeColumnsToContents()
        self.rejected_table.resizeColumnsToContents()
        self.tabs.setTabText(0, self.tr("Ready ({n})").format(n=len(drafts)))
        self.tabs.setTabText(1, self.tr("Rejected ({n})").format(n=len(problems)))
        if problems:
            self.tabs.setCurrentIndex(1)
        self.import_button.setEnabled(bool(drafts))

    @staticmethod
    def _row(table: QTableWidget, r: int, cells) -> None:
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)

    def apply(self) -> None:
        from app.services import roster

        if self.preview_result is None:
            return
        self.import_button.setEnabled(False)
        self.context.runner.run(roster.apply_roster, self.context.console, self.preview_result,
                                on_done=self._applied, on_error=self._failed)

    def _applied(self, result) -> None:
        self.applied.emit(result)
        self.accept_done()

    def accept_done(self) -> None:
        super().accept()
