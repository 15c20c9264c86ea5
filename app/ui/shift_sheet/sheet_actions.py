"""What the sheet does besides marking: roster import and hand edits, changes, notices, print and export.

Each action asks the services on the lane and refreshes the sheet when the
write is done; forms stay open and show the reason when a write is refused.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.ui.actions import view_menu
from app.ui.errors import describe, report_error


class SheetActions(QObject):
    """State: the view, its menu of actions, the dialog open now (kept referenced)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.dialog = None
        self.manages = True  # a supervisor, or no sign-in at this desk
        self.menu = QMenu(view)
        self.items = view_menu(view, self.menu, "sheet_", (
            ("import_roster", self.import_roster, "Ctrl+Shift+I"),
            ("import_agents", self.import_agents, None),
            ("add_entry", self.add_entry, "Ctrl+Shift+A"),
            ("remove_entry", self.remove_entry, None),
            (None, None, None),
            ("add_change", self.add_change, "Ctrl+Shift+C"),
            ("new_notice", self.new_notice, "Ctrl+Shift+N"),
            (None, None, None),
            ("print", self.print_preview, QKeySequence.StandardKey.Print),
            ("pdf", self.print_pdf, None),
            ("export", self.export_xlsx, None),
            (None, None, None),
            ("setup", self.setup, None),
        ))
        view.more.setMenu(self.menu)
        view.changes.add_requested.connect(self.add_change)
        view.notices.new_requested.connect(self.new_notice)
        view.notices.edit_requested.connect(self.edit_notice)
        view.notices.ack_requested.connect(self.acknowledge)
        view.notices.search_changed.connect(self.search_notices)

    def retranslate(self) -> None:
        texts = {
            "import_roster": self.tr("Import a roster…"),
            "import_agents": self.tr("Import agents…"),
            "add_entry": self.tr("Add an agent to this shift…"),
            "remove_entry": self.tr("Take the selected agent off this shift"),
            "add_change": self.tr("Record a personnel change…"),
            "new_notice": self.tr("New business notice…"),
            "print": self.tr("Print the sheet…"),
            "pdf": self.tr("Save the sheet as PDF…"),
            "export": self.tr("Export the sheet to Excel…"),
            "setup": self.tr("Shifts and people…"),
        }
        for key, action in self.items.items():
            action.setText(texts[key])

    def update_enabled(self) -> None:
        has_sheet = self.view.sheet is not None
        manages = self.manages
        for key in ("add_entry", "remove_entry", "add_change"):
            self.items[key].setEnabled(has_sheet and manages)
        for key in ("import_roster", "import_agents", "new_notice", "setup"):
            self.items[key].setEnabled(manages)
        for key in ("print", "pdf"):
            self.items[key].setEnabled(has_sheet)
        self.items["export"].setEnabled(has_sheet and manages)

    def set_manages(self, manages: bool) -> None:
        """Whether the person signed in manages the sheet (a supervisor: roster, changes, notices, set-up,
        export); team leaders and viewers keep print, team leaders mark attendance."""
        self.manages = manages
        self.update_enabled()

    # helpers ---------------------------------------------------------------------------------
    @property
    def context(self):
        return self.view.context

    def _run(self, fn, *args, on_done=None, form=None):
        def failed(exc):
            if form is not None and hasattr(form, "failed"):
                form.failed(describe(exc))
            else:
                report_error(exc)

        return self.context.runner.run(fn, self.context.console, *args, on_done=on_done, on_error=failed)

    def _done(self, form=None, message: str | None = None):
        def done(_result=None):
            if form is not None:
                form.done(1)
            if message:
                self.context.status(message)
            self.view.refresh()

        return done

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.open()

    # roster --------------------------------------------------------------------------------------
    def import_roster(self) -> None:
        from app.ui.shift_sheet.roster_import import RosterImportDialog

        dialog = RosterImportDialog(self.context, self.view)
        dialog.applied.connect(lambda r: (self.context.status(self.tr(
            "Roster imported: {written} entries for {first} to {last} ({replaced} replaced).").format(
            written=r.written, first=r.first_day, last=r.last_day, replaced=r.replaced)), self.view.refresh()))
        self._open(dialog)

    def import_agents(self, path: str | None = None) -> None:
        from app.services import people

        if not path:
            path, _ = QFileDialog.getOpenFileName(self.view, self.tr("Agents file"), "",
                                                  self.tr("Agent lists (*.csv *.xlsx);;All files (*)"))
        if not path:
            return
        self._run(people.import_agents, path, on_done=self._agents_imported)

    def _agents_imported(self, result) -> None:
        from app.ui.shift_sheet import words

        text = self.tr("{added} agents added, {updated} updated, {teams} teams created, {problems} rows rejected.").format(
            added=result.added, updated=result.updated, teams=result.teams_created, problems=len(result.problems))
        self.context.status(text)
        if result.problems:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import agents"), text, parent=self.view)
            box.setObjectName("agents_import_result")
            box.setDetailedText("\n".join(
                self.tr("line {line}: {reason} — {row}").format(line=p.line, reason=words.problem_text(p.code, p.detail), row=p.text)
                for p in result.problems))
            self._open(box)
        self.view.refresh()

    def add_entry(self) -> None:
        from app.services import roster
        from app.ui.shift_sheet.dialogs import AddEntryDialog

        sheet = self.view.sheet
        if sheet is None:
            return
        rostered = {r.agent.id for r in sheet.rows}
        agents = tuple(a for a in sheet.agents_on_file if a.id not in rostered)
        dialog = AddEntryDialog(agents, sheet.start, sheet.end, self.view.tz, self.view)
        dialog.chosen.connect(lambda agent_id, start, end: self._run(
            roster.add_entry, agent_id, sheet.instance.day, sheet.instance.definition.id, start, end,
            on_done=self._done(dialog), form=dialog))
        self._open(dialog)

    def remove_entry(self) -> None:
        from app.services import roster

        row = self.view.current_row()
        if row is None:
            return
        answer = QMessageBox.question(self.view, self.tr("Take off the shift"), self.tr(
            "Take {name} off this shift's roster? Attendance already recorded stays in the history.").format(name=row.agent.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(roster.remove_entry, row.entry.id, on_done=self._done())

    # personnel changes ------------------------------------------------------------------------
    def add_change(self) -> None:
        from app.services import sheet as sheet_service
        from app.ui.shift_sheet.dialogs import ChangeDialog

        sheet = self.view.sheet
        if sheet is None:
            return
        row = self.view.current_row()
        dialog = ChangeDialog(sheet.agents_on_file, row.agent.id if row else None, self.view)
        dialog.recorded.connect(lambda kind, agent_id, text: self._run(
            sheet_service.add_change, sheet.instance.id, kind, text, agent_id, self.view.supervisor_name(),
            self.context.now(), on_done=self._done(dialog), form=dialog))
        self._open(dialog)

    # notices -----------------------------------------------------------------------------------------
    def new_notice(self) -> None:
        self._notice_form(None)

    def edit_notice(self, notice) -> None:
        self._notice_form(notice)

    def _notice_form(self, notice) -> None:
        from app.services import notices
        from app.ui.shift_sheet.dialogs import NoticeDialog

        dialog = NoticeDialog(notice, self.context.now(), self.view.tz, self.view)

        def save(values: dict) -> None:
            notice_id = values.pop("notice_id")
            self._run(lambda console: notices.save_notice(
                console, by=self.view.supervisor_name(), now=self.context.now(), notice_id=notice_id, **values),
                on_done=self._done(dialog), form=dialog)

        dialog.saved.connect(save)
        self._open(dialog)

    def acknowledge(self, notice) -> None:
        from app.services import notices
        from app.ui.pin_dialog import PinDialog

        dialog = PinDialog(self.tr("Acknowledge a notice"), self.tr(
            "I have read “{title}” (version {version}) and will pass it on.").format(title=notice.title, version=notice.version),
            self.view.supervisors, self.view.sheet.instance.supervisor_id if self.view.sheet else None, self.view)
        dialog.submitted.connect(lambda supervisor_id, pin: self._run(
            notices.acknowledge, notice.id, supervisor_id, pin, self.context.now(),
            on_done=self._done(dialog, self.tr("Notice acknowledged.")), form=dialog))
        self._open(dialog)

    def search_notices(self, text: str, include_expired: bool) -> None:
        from app.services import notices

        view = self.view
        if not text and not include_expired and view.sheet is not None:
            view.notices.show_notices(view.sheet.notices, view._supervisor_id(), view.tz, self.context.now())
            return
        now = self.context.now()
        self._run(lambda console: notices.list_notices(console, now, include_expired=include_expired, search=text or None),
                  on_done=lambda found: view.notices.show_notices(found, view._supervisor_id(), view.tz, now))

    # print, export, set-up ------------------------------------------------------------------------
    def print_preview(self):
        from app.ui.shift_sheet.printing import preview_sheet

        if self.view.sheet is not None:
            self.dialog = preview_sheet(self.view, self.view.sheet)
            return self.dialog
        return None

    def print_pdf(self, path: str | None = None) -> str | None:
        sheet = self.view.sheet
        if sheet is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Print the sheet to PDF"),
                                                  f"shift-sheet-{sheet.instance.day}-{sheet.instance.definition.name}.pdf",
                                                  self.tr("PDF (*.pdf)"))
        if not path:
            return None
        from app.ui.shift_sheet.printing import print_sheet

        return print_sheet(self.view, sheet, path)

    def export_xlsx(self, path: str | None = None) -> str | None:
        sheet = self.view.sheet
        if sheet is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Export the sheet"),
                                                  f"shift-sheet-{sheet.instance.day}-{sheet.instance.definition.name}.xlsx",
                                                  self.tr("Excel (*.xlsx)"))
        if not path:
            return None
        from app.ui.shift_sheet.printing import export_sheet

        return export_sheet(self.view, sheet, path)

    def setup(self) -> None:
        from app.ui.shift_sheet.setup_dialog import SetupDialog

        dialog = SetupDialog(self.context, self.view)
        dialog.finished.connect(lambda _: self.view.refresh())
        self._open(dialog)
