"""The on-site work log (现场工作日志): what happened on a shift, and what the next supervisor takes over.

On top, the open items carried from earlier shifts (overdue first, with
their age), each to be acknowledged by this shift (Ctrl+K; Ctrl+Shift+K
hands it to a new owner). Below, what was written in this shift, withdrawn
entries struck through. At the bottom, quick entry (Ctrl+N). On the selected
entry: F2 edit, Ctrl+D status (done and cancelled ask for a closing remark),
Ctrl+Delete withdraw with a reason, Ctrl+H history. The header counts open,
overdue and unacknowledged items; the Search tab searches the whole log.
Nothing is overwritten: every change is a new revision in the database.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QSplitter,
    QTableView, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from app.domain.errors import InvalidEntryError, StaleEntryError
from app.domain.worklog import Entry, ShiftLog
from app.ui.actions import view_menu
from app.ui.errors import describe, report_error
from app.ui.work_log import words
from app.ui.work_log.entry_form import EntryForm
from app.ui.work_log.models import ENTRY_ROLE, CarriedModel, EntriesModel, fit_columns
from app.ui.work_log.search_panel import SearchPanel


def _table(model, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(36)
    return table


class WorkLogView(QWidget):
    """State: the shift's log shown (ShiftLog or None), the day's slots, supervisors, templates, saved filters."""

    view_id = "work_log"
    log_loaded = Signal(object)  # ShiftLog
    counts_changed = Signal()

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.log: ShiftLog | None = None
        self.slots = ()
        self.supervisors = ()
        self.tz = ZoneInfo("UTC")
        self.site = ""
        self.dialog = None
        self._last_table = None
        self.loaded = False  # a log (or its absence) has been read at least once
        self.following = True  # showing the shift running now (moves on with it), not one picked by hand
        self._pending: str | None = None  # the text of a quick entry being stored
        self._select_after_load: int | None = None  # the entry just written, selected once the log is read again
        self._build()
        self._actions()
        self.retranslate()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.day = QDateEdit(objectName="log_day", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _: self.load_day())
        self.shift_box = QComboBox(objectName="log_shift")
        self.shift_box.activated.connect(lambda _: (setattr(self, "following", False), self.load()))
        self.now_button = QPushButton(objectName="log_now")
        self.now_button.clicked.connect(self.go_to_current)
        self.author_box = QComboBox(objectName="log_author", editable=True)
        self.signed_in_name: str | None = None  # set while someone is signed in at the desk
        self.writes = self.exports = True  # what the role signed in may do here
        self.author_box.setMinimumWidth(120)
        self.counts_label = QLabel(objectName="log_counts")
        self.counts_label.setStyleSheet("font-weight: bold; padding: 0 8px")
        self.more = QToolButton(objectName="log_more", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        bar = QHBoxLayout()
        self.day_label, self.shift_label, self.author_label = QLabel(), QLabel(), QLabel()
        self.author_label.setBuddy(self.author_box)
        for w in (self.day_label, self.day, self.shift_label, self.shift_box, self.now_button, self.author_label,
                  self.author_box, self.counts_label):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.more)

        self.carried_model = CarriedModel(self)
        self.carried = _table(self.carried_model, "log_carried")
        self.carried_title = QLabel(objectName="log_carried_title")
        self.carried_title.setStyleSheet("font-weight: bold")
        self.ack_button = QPushButton(objectName="log_ack")
        self.ack_owner_button = QPushButton(objectName="log_ack_owner")
        carried_bar = QHBoxLayout()
        carried_bar.addWidget(self.carried_title, 1)
        carried_bar.addWidget(self.ack_button)
        carried_bar.addWidget(self.ack_owner_button)
        carried_box = QWidget()
        cv = QVBoxLayout(carried_box)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addLayout(carried_bar)
        cv.addWidget(self.carried, 1)

        self.entries_model = EntriesModel(self)
        self.entries = _table(self.entries_model, "log_entries")
        self.entries_title = QLabel(objectName="log_entries_title")
        self.entries_title.setStyleSheet("font-weight: bold")
        self.buttons = {key: QPushButton(objectName=f"log_{key}") for key in ("edit", "status", "withdraw", "history")}
        entries_bar = QHBoxLayout()
        entries_bar.addWidget(self.entries_title, 1)
        for b in self.buttons.values():
            entries_bar.addWidget(b)
        entries_box = QWidget()
        ev = QVBoxLayout(entries_box)
        ev.setContentsMargins(0, 0, 0, 0)
        ev.addLayout(entries_bar)
        ev.addWidget(self.entries, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="log_splitter")
        self.splitter.addWidget(carried_box)
        self.splitter.addWidget(entries_box)
        self.splitter.setSizes([260, 340])
        self.form = EntryForm(self._now_local)
        self.form.submitted.connect(self.add_entry)
        self.form.save_template_requested.connect(self.save_template)
        self.form.install_shortcuts(self)
        self.message = QLabel(objectName="log_message", wordWrap=True)
        self.message.hide()
        self.detail = QLabel(objectName="log_detail", wordWrap=True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("background: #f6f6f6; border: 1px solid #ddd; padding: 4px")
        shift_page = QWidget()
        sv = QVBoxLayout(shift_page)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.splitter, 1)
        sv.addWidget(self.detail)
        sv.addWidget(self.form)
        self.search = SearchPanel()
        self.search.search_requested.connect(self.run_search)
        self.search.save_requested.connect(self.save_filter)
        self.search.delete_requested.connect(self.delete_filter)
        self.search.export_requested.connect(self.export_results)
        self.search.entry_activated.connect(self.show_history)
        self.tabs = QTabWidget(objectName="log_tabs")
        self.tabs.addTab(shift_page, "")
        self.tabs.addTab(self.search, "")
        self.tabs.currentChanged.connect(lambda i: self.search.run() if i == 1 else None)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        for table in (self.carried, self.entries, self.search.table):
            table.installEventFilter(self)
            table.selectionModel().currentRowChanged.connect(lambda *_: self._update_enabled())
        self.carried.doubleClicked.connect(lambda _: self.acknowledge())
        self.entries.doubleClicked.connect(lambda _: self.edit())

    def _actions(self) -> None:
        self.menu = QMenu(self)
        self.items = view_menu(self, self.menu, "log_action_", (
            ("new", self.new_entry, "Ctrl+N"),
            ("template", self.form.open_templates, "Ctrl+T"),
            (None, None, None),
            ("ack", self.acknowledge, "Ctrl+K"),
            ("ack_owner", self.acknowledge_with_owner, "Ctrl+Shift+K"),
            ("edit", self.edit, "F2"),
            ("status", self.change_status, "Ctrl+D"),
            ("withdraw", self.withdraw, "Ctrl+Del"),
            ("history", self.show_history, "Ctrl+H"),
            (None, None, None),
            ("search", self.open_search, "Ctrl+F"),
            ("print", self.print_preview, QKeySequence.StandardKey.Print),
            ("pdf", self.print_pdf, None),
            ("export", self.export_shift, None),
            ("delete_template", self.delete_template, None),
        ))
        self.more.setMenu(self.menu)
        self.ack_button.clicked.connect(lambda: self.acknowledge())
        self.ack_owner_button.clicked.connect(lambda: self.acknowledge_with_owner())
        for key, slot in (("edit", self.edit), ("status", self.change_status), ("withdraw", self.withdraw),
                          ("history", self.show_history)):
            self.buttons[key].clicked.connect(lambda _=False, slot=slot: slot())

    def title_text(self) -> str:
        return self.tr("Work log")

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Date"))
        self.shift_label.setText(self.tr("Shift"))
        self.author_label.setText(self.tr("Writing a&s"))
        self.now_button.setText(self.tr("Current shift"))
        self.more.setText(self.tr("Work log"))
        self.ack_button.setText(self.tr("Acknowledge (Ctrl+K)"))
        self.ack_owner_button.setText(self.tr("Hand to a new owner…"))
        for key, text in (("edit", self.tr("Edit (F2)")), ("status", self.tr("Status… (Ctrl+D)")),
                          ("withdraw", self.tr("Withdraw…")), ("history", self.tr("History (Ctrl+H)"))):
            self.buttons[key].setText(text)
        texts = {
            "new": self.tr("New entry"), "template": self.tr("Write from a template"),
            "ack": self.tr("Acknowledge the carried item"), "ack_owner": self.tr("Acknowledge and hand to a new owner…"),
            "edit": self.tr("Edit the entry…"), "status": self.tr("Change the status…"),
            "withdraw": self.tr("Withdraw the entry…"), "history": self.tr("History of the entry"),
            "search": self.tr("Search the log"), "print": self.tr("Print the shift's log…"),
            "pdf": self.tr("Save the shift's log as PDF…"), "export": self.tr("Export the shift's log to Excel…"),
            "delete_template": self.tr("Delete a template…"),
        }
        for key, action in self.items.items():
            action.setText(texts[key])
        self.tabs.setTabText(0, self.tr("This shift"))
        self.tabs.setTabText(1, self.tr("Search"))
        self.carried_model.retranslate()
        self.entries_model.retranslate()
        self.form.retranslate()
        self.search.retranslate()
        self._fill_shift_box()
        self._show_counts()
        self._titles()

    # --- loading ------------------------------------------------------------------------------
    def _now_local(self):
        return self.context.now().astimezone(self.tz)

    def start(self) -> None:
        self.go_to_current()

    def refresh(self) -> None:
        if self.log is not None:
            self.load(self.log.instance.day, self.log.instance.definition.id)
        else:
            self.go_to_current()

    def tick(self) -> None:
        """Every minute: follow the shift running now (the incoming supervisor writes in the new shift's log),
        or read the chosen shift again (ages, overdue marks and counts move with the clock)."""
        if self.following:
            self.go_to_current()
        elif self.log is not None:
            self.refresh()

    def go_to_current(self) -> None:
        console = self.context.console
        if console is None:
            return
        self.following = True
        now = self.context.now()

        def work():
            from app.services import shifts

            current = shifts.current_shift(console, now)
            slot = current.slot or current.next
            day = slot.day if slot else now.date()
            definition_id = slot.definition.id if slot else None
            return day, definition_id, self._gather(console, day, definition_id, now)

        self.context.runner.run(work, on_done=lambda r: self._loaded(*r), on_error=report_error)

    def load_day(self) -> None:
        if self.context.console is None or not self.loaded:
            return
        self.following = False
        self.load(self.day.date().toPython(), self.shift_box.currentData())

    def load(self, day: date | None = None, definition_id: int | None = None) -> None:
        console = self.context.console
        if console is None:
            return
        day = day or self.day.date().toPython()
        definition_id = definition_id if definition_id is not None else self.shift_box.currentData()
        now = self.context.now()
        self.context.runner.run(lambda: (day, definition_id, self._gather(console, day, definition_id, now)),
                                on_done=lambda r: self._loaded(*r), on_error=report_error)

    @staticmethod
    def _gather(console, day, definition_id, now):
        """On the lane: the day's slots, supervisors, templates, saved filters and the shift's log."""
        from app.services import people, shifts, worklog

        slots = shifts.slots_for(console, day)
        ids = [s.definition.id for s in slots]
        if definition_id not in ids:
            definition_id = ids[0] if ids else None
        log = None
        if definition_id is not None:
            instance = shifts.ensure_instance(console, day, definition_id)
            log = worklog.shift_log(console, instance.id, now)
        return (slots, people.list_supervisors(console), worklog.list_templates(console),
                worklog.list_filters(console), log)

    def _loaded(self, day: date, definition_id, gathered) -> None:
        slots, supervisors, templates, filters, log = gathered
        self.loaded = True
        self.slots, self.supervisors = slots, supervisors
        same_shift = (log is not None and self.log is not None and log.instance.id == self.log.instance.id)
        self.log = log
        if log is not None:
            self.tz = log.start.tzinfo if isinstance(log.start.tzinfo, ZoneInfo) else ZoneInfo(str(log.start.tzinfo))
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)
        self._fill_shift_box()
        self._fill_authors(keep_typed=same_shift)
        self.form.set_templates(templates)
        self.search.set_saved(filters)
        self.search.set_shift(log.instance.id if log else None, self._now_local().date())
        self._show_log()
        self.log_loaded.emit(log)

    def _show_log(self) -> None:
        log = self.log
        keep_carried = self._current(self.carried)
        keep_entry = self._current(self.entries)
        if self._select_after_load is not None and log is not None:
            keep_entry = next((e for e in log.entries if e.id == self._select_after_load), keep_entry)
            self._select_after_load = None
        now = self.context.now()
        self.carried_model.set_items(log.carried if log else (), log.instance.id if log else None, self.tz, now)
        self.entries_model.set_entries(log.entries if log else (), self.tz, now)
        for table, model, keep in ((self.carried, self.carried_model, keep_carried),
                                   (self.entries, self.entries_model, keep_entry)):
            fit_columns(table, model)
            row = model.row_of(keep.id) if keep is not None else -1
            if row < 0 and model.rowCount():
                row = 0 if table is self.carried else model.rowCount() - 1
            if row >= 0:
                table.setCurrentIndex(model.index(row, 0))
        owners = [s.name for s in self.supervisors]
        if log is not None:
            for e in [c.entry for c in log.carried] + list(log.entries):
                if e.owner and e.owner not in owners:
                    owners.append(e.owner)
        self.form.set_owners(owners)
        self.form.setEnabled(log is not None and self.writes)
        self._show_counts()
        self._titles()
        self._update_enabled()
        self.counts_changed.emit()

    def _fill_shift_box(self) -> None:
        keep = self.log.instance.definition.id if self.log else self.shift_box.currentData()
        self.shift_box.clear()
        for s in self.slots:
            self.shift_box.addItem(f"{s.definition.name}  {s.start:%H:%M}–{s.end:%H:%M}", s.definition.id)
        if keep is not None and self.shift_box.findData(keep) >= 0:
            self.shift_box.setCurrentIndex(self.shift_box.findData(keep))

    def _fill_authors(self, keep_typed: bool) -> None:
        """Who writes: the shift's supervisor on duty; a name chosen by hand stays while the same shift is shown."""
        keep = self.author_box.currentText() if keep_typed else ""
        self.author_box.clear()
        for s in self.supervisors:
            self.author_box.addItem(s.name)
        duty = self.log.instance.supervisor_name if self.log else None
        self.author_box.setEditText(self.signed_in_name or keep or duty or "")

    def set_signed_in(self, name: str | None, writes: bool = True, exports: bool = True) -> None:
        """Someone signed in at the desk writes as themselves (Writing as shows them, fixed); None: chosen here.
        `writes`: their role writes the log (a viewer's does not: the form and the item commands are off);
        `exports`: their role exports."""
        self.signed_in_name = name
        self.writes, self.exports = writes, exports
        self.author_box.setEnabled(name is None)
        if name is not None:
            self.author_box.setEditText(name)
        self.form.setEnabled(self.log is not None and writes)
        self._update_enabled()

    def _show_counts(self) -> None:
        if self.log is None:
            self.counts_label.setText("")
            return
        c = self.log.counts
        self.counts_label.setText(self.tr("Open {open} · overdue {overdue} · not acknowledged {unacked} · "
                                          "due this shift {soon}").format(open=c.open, overdue=c.overdue,
                                                                          unacked=c.unacknowledged,
                                                                          soon=c.due_within_shift))
        alarm = c.overdue or c.unacknowledged
        self.counts_label.setStyleSheet("font-weight: bold; padding: 0 8px; color: %s" % ("#b00020" if alarm else "#1b5e20"))

    @property
    def _no_shift_text(self) -> str:
        return self.tr("No shift is defined for this day. Define the site's shifts in Shifts and "
                       "people (Shift sheet, Roster and sheet menu).")

    def _titles(self) -> None:
        log = self.log
        n_carried = len(log.carried) if log else 0
        n_unacked = log.counts.unacknowledged if log else 0
        self.carried_title.setText(self.tr("Carried from earlier shifts: {n} open, {u} to acknowledge").format(
            n=n_carried, u=n_unacked) if n_carried else self.tr("Nothing carried from earlier shifts"))
        self.entries_title.setText(self.tr("Written in this shift: {n}").format(n=len(log.entries) if log else 0))
        if log is None and self.loaded:
            self._say(self._no_shift_text, error=True)
        elif self.message.text() == self._no_shift_text:
            self._say("")

    # --- selection ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.FocusIn and watched in (self.carried, self.entries, self.search.table):
            self._last_table = watched
            self._update_enabled()
        return super().eventFilter(watched, event)

    @staticmethod
    def _current(table: QTableView) -> Entry | None:
        index = table.currentIndex()
        return table.model().data(index, ENTRY_ROLE) if index.isValid() else None

    def selected(self) -> Entry | None:
        """The entry the actions work on: the one selected in the table used last."""
        if self.tabs.currentIndex() == 1:
            return self._current(self.search.table)
        table = self._last_table if self._last_table in (self.carried, self.entries) else None
        entry = self._current(table) if table is not None else None
        return entry or self._current(self.entries) or self._current(self.carried)

    def selected_carried(self) -> Entry | None:
        if self.tabs.currentIndex() == 0 and self._last_table is self.entries:
            return None
        entry = self._current(self.carried)
        if self.tabs.currentIndex() == 1:
            found = self._current(self.search.table)
            return found if found is not None and self._is_carried(found) else None
        return entry

    def _is_carried(self, entry: Entry) -> bool:
        return self.log is not None and any(c.entry.id == entry.id for c in self.log.carried)

    def _show_detail(self, entry: Entry | None) -> None:
        """The selected entry in full under the tables (the columns cut long texts)."""
        if entry is None:
            self.detail.setText("")
            self.detail.hide()
            return
        names = words.field_names()
        parts = [f"#{entry.id} · {words.categories()[entry.category]} · {words.statuses()[entry.status]}"
                 f" · {words.priorities()[entry.priority]}", entry.text]
        for name in ("customer_ref", "customer_name", "ticket", "promise", "due", "owner", "closing_remark", "tags"):
            value = getattr(entry, name)
            if value:
                parts.append(self.tr("{field}: {value}").format(field=names[name],
                                                                value=words.value_text(name, value, self.tz)))
        if entry.withdrawn is not None:
            parts.append(self.tr("Withdrawn by {by}: {reason}").format(by=entry.withdrawn.by,
                                                                       reason=entry.withdrawn.reason))
        self.detail.setText("  ·  ".join(parts[:1]) + "\n" + "  ·  ".join(parts[1:]))
        self.detail.show()

    def _update_enabled(self) -> None:
        entry = self.selected()
        self._show_detail(entry if self.tabs.currentIndex() == 0 else None)
        live = entry is not None and entry.withdrawn is None and self.writes
        for key in ("edit", "withdraw"):
            self.buttons[key].setEnabled(live)
            self.items[key].setEnabled(live)
        self.buttons["status"].setEnabled(live and entry.is_item)
        self.items["status"].setEnabled(live and entry.is_item)
        self.buttons["history"].setEnabled(entry is not None)
        self.items["history"].setEnabled(entry is not None)
        carried = self.carried_model.rowCount() > 0 and self.writes
        for w in (self.ack_button, self.ack_owner_button, self.items["ack"], self.items["ack_owner"]):
            w.setEnabled(carried)
        has_log = self.log is not None
        for key in ("print", "pdf"):
            self.items[key].setEnabled(has_log)
        self.items["export"].setEnabled(has_log and self.exports)
        self.items["new"].setEnabled(has_log and self.writes)

    def author(self) -> str | None:
        name = self.author_box.currentText().strip()
        if not name:
            self._say(self.tr("Choose who is writing (Writing as) first."), error=True)
            self.author_box.setFocus()
            return None
        return name

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        if text:
            self.context.status(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidEntryError):
            self._say(words.problems_text(exc.problems), error=True)
        else:
            self._say(describe(exc), error=True)

    # --- writing ------------------------------------------------------------------------------
    def new_entry(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.form.focus_text()

    def add_entry(self, draft) -> None:
        from app.services import worklog

        by = self.author()
        if by is None or self.log is None or self._pending is not None:
            return
        instance_id = self.log.instance.id
        self._pending = self.form.text.text()
        self.form.save.setEnabled(False)

        def failed(exc):
            self._pending = None
            self.form.save.setEnabled(True)
            if isinstance(exc, InvalidEntryError):
                self.form.show_problems(words.problems_text(exc.problems))
            else:
                self.form.show_problems(describe(exc))

        def done(entry):
            typed, self._pending = self._pending, None
            self.form.save.setEnabled(True)
            if self.form.text.text() == typed:  # what was stored; a next entry begun meanwhile stays
                self.form.clear()
            self._say(self.tr("Entry #{id} saved. A slip? Withdraw it with Ctrl+Delete.").format(id=entry.id))
            self._select_after_load = entry.id
            self.refresh()

        self.context.runner.run(worklog.add_entry, self.context.console, instance_id, draft, by, self.context.now(),
                                on_done=done, on_error=failed)

    def _after(self, message: str, dialog=None):
        """What to do when a write is done: close the dialog it came from (only that one), say so, read again."""
        def done(entry=None):
            if dialog is not None and dialog.isVisible():
                dialog.accept()
            self._say(message)
            self.refresh()

        return done

    def _failed_in(self, dialog=None):
        """What to do when a write is refused: the reason in its dialog (kept open), or a conflict to resolve."""
        def failed(exc: BaseException) -> None:
            if isinstance(exc, StaleEntryError):
                if dialog is not None and dialog.isVisible():
                    dialog.reject()
                self._conflict(exc)
                return
            text = words.problems_text(exc.problems) if isinstance(exc, InvalidEntryError) else describe(exc)
            if dialog is not None and dialog.isVisible() and hasattr(dialog, "show_error"):
                dialog.show_error(text)
            else:
                self._say(text, error=True)

        return failed

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.open()

    def acknowledge(self, new_owner: str | None = None, entry: Entry | None = None, dialog=None) -> None:
        from app.services import worklog

        entry = entry or self.selected_carried()
        by = self.author()
        if entry is None or by is None or self.log is None:
            if entry is None:
                self._say(self.tr("Select a carried item on top to acknowledge."), error=True)
            return
        self.context.runner.run(worklog.acknowledge, self.context.console, entry.id, self.log.instance.id, by,
                                self.context.now(), new_owner,
                                on_done=self._after(self.tr("Item #{id} acknowledged by {by}.").format(id=entry.id, by=by),
                                                    dialog),
                                on_error=self._failed_in(dialog))

    def acknowledge_with_owner(self) -> None:
        from app.ui.work_log.dialogs import AskTextDialog

        entry = self.selected_carried()
        if entry is None:
            self._say(self.tr("Select a carried item on top to acknowledge."), error=True)
            return
        dialog = AskTextDialog(self.tr("Hand item #{id} to a new owner").format(id=entry.id),
                               self.tr("New owner"), self, initial=entry.owner, choices=self._owners())
        dialog.setObjectName("ack_owner_dialog")
        dialog.accepted_with.connect(lambda owner: self.acknowledge(owner, entry, dialog))
        self._open(dialog)

    def _owners(self) -> list[str]:
        return [self.form.owner.itemText(i) for i in range(self.form.owner.count())]

    def edit(self) -> None:
        from app.ui.work_log.dialogs import EntryDialog

        entry = self.selected()
        if entry is None or entry.withdrawn is not None:
            return
        dialog = EntryDialog(entry, self.tz, self._now_local, self._owners(), self)
        dialog.setObjectName("edit_entry_dialog")
        dialog.accepted_with.connect(lambda changes: self.send_changes(entry, changes, dialog=dialog))
        self._open(dialog)

    def send_changes(self, entry: Entry, changes: dict, expected: int | None = None, dialog=None) -> None:
        from app.services import worklog

        by = self.author()
        if by is None:
            return
        if not changes:
            if dialog is not None:
                dialog.accept()
            return
        self.context.runner.run(worklog.edit_entry, self.context.console, entry.id, changes, by, self.context.now(),
                                expected if expected is not None else entry.revision,
                                on_done=self._after(self.tr("Entry #{id} changed.").format(id=entry.id), dialog),
                                on_error=self._failed_in(dialog))

    def change_status(self, status=None) -> None:
        from app.ui.work_log.dialogs import StatusDialog

        entry = self.selected()
        if entry is None or entry.withdrawn is not None or not entry.is_item:
            return
        dialog = StatusDialog(entry, status, self)
        dialog.setObjectName("status_dialog")
        dialog.accepted_with.connect(lambda value: self.send_status(entry, *value, dialog=dialog))
        self._open(dialog)

    def send_status(self, entry: Entry, status, remark: str, dialog=None) -> None:
        from app.services import worklog

        by = self.author()
        if by is None:
            return
        names = words.statuses()
        self.context.runner.run(worklog.set_status, self.context.console, entry.id, status, remark, by,
                                self.context.now(), entry.revision,
                                on_done=self._after(self.tr("Entry #{id} is now {status}.").format(
                                    id=entry.id, status=names[status]), dialog),
                                on_error=self._failed_in(dialog))

    def withdraw(self) -> None:
        from app.ui.work_log.dialogs import AskTextDialog

        entry = self.selected()
        if entry is None or entry.withdrawn is not None:
            return
        dialog = AskTextDialog(self.tr("Withdraw entry #{id}").format(id=entry.id),
                               self.tr("Why (it stays readable, marked withdrawn)"), self)
        dialog.setObjectName("withdraw_dialog")
        dialog.accepted_with.connect(lambda reason: self.send_withdraw(entry, reason, dialog))
        self._open(dialog)

    def send_withdraw(self, entry: Entry, reason: str, dialog=None) -> None:
        from app.services import worklog

        by = self.author()
        if by is None:
            return
        self.context.runner.run(worklog.withdraw, self.context.console, entry.id, reason, by, self.context.now(),
                                on_done=self._after(self.tr("Entry #{id} withdrawn.").format(id=entry.id), dialog),
                                on_error=self._failed_in(dialog))

    def show_history(self, entry: Entry | None = None) -> None:
        from app.services import worklog
        from app.ui.work_log.dialogs import HistoryDialog

        entry = entry if isinstance(entry, Entry) else self.selected()
        if entry is None:
            return

        def done(revisions):
            dialog = HistoryDialog(entry, revisions, self.tz, self)
            dialog.setObjectName("history_dialog")
            self._open(dialog)

        self.context.runner.run(worklog.history, self.context.console, entry.id, on_done=done, on_error=self._failed)

    def _conflict(self, error: StaleEntryError) -> None:
        from app.ui.work_log.dialogs import ConflictDialog

        dialog = ConflictDialog(error, self.tz, self)
        dialog.setObjectName("conflict_dialog")

        def closed(_result):
            dialog.finished.disconnect(closed)  # once: accept() on a closed dialog emits finished again
            if dialog.choice == "mine":
                self.send_changes(error.current, dict(error.changes), expected=error.current.revision)
            else:
                self._say(self.tr("Entry #{id}: the stored version was kept; your change was not saved.").format(
                    id=error.entry_id))
                self.refresh()

        dialog.finished.connect(closed)
        self.dialog = dialog
        dialog.open()

    # --- templates and filters ---------------------------------------------------------------
    def save_template(self, draft) -> None:
        from app.services import worklog
        from app.ui.work_log.dialogs import AskTextDialog

        if not draft.text.strip():
            self.form.show_problems(self.tr("Write the text of the template first."))
            return
        dialog = AskTextDialog(self.tr("Save as template"), self.tr("Template name"), self,
                               initial=draft.text[:30])
        dialog.setObjectName("template_dialog")
        dialog.accepted_with.connect(lambda name: self.context.runner.run(
            worklog.save_template, self.context.console, name, draft.category, draft.text, draft.tags,
            on_done=self._after(self.tr("Template “{name}” saved.").format(name=name), dialog),
            on_error=self._failed_in(dialog)))
        self._open(dialog)

    def delete_template(self) -> None:
        from app.services import worklog
        from app.ui.work_log.dialogs import AskTextDialog

        names = [t.name for t in self.form.templates]
        if not names:
            self._say(self.tr("There are no templates yet."), error=True)
            return
        dialog = AskTextDialog(self.tr("Delete a template"), self.tr("Template"), self, initial=names[0],
                               choices=names)

        def chosen(name):
            template = next((t for t in self.form.templates if t.name == name), None)
            if template is None:
                dialog.show_error(self.tr("There is no template named “{name}”.").format(name=name))
                return
            self.context.runner.run(worklog.delete_template, self.context.console, template.id,
                                    on_done=self._after(self.tr("Template “{name}” deleted.").format(name=name),
                                                        dialog),
                                    on_error=self._failed_in(dialog))

        dialog.accepted_with.connect(chosen)
        self._open(dialog)

    def open_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.search.text.setFocus()
        self.search.text.selectAll()

    def run_search(self, log_filter) -> None:
        from app.services import worklog

        console = self.context.console
        if console is None:
            return
        now = self.context.now()
        self.context.runner.run(worklog.search, console, log_filter, now,
                                on_done=lambda found: self.search.show_results(found, self.tz, now),
                                on_error=self._failed)

    def save_filter(self, name: str, log_filter) -> None:
        from app.services import worklog

        def done(_saved):
            self._say(self.tr("Filter “{name}” saved.").format(name=name))
            self.context.runner.run(worklog.list_filters, self.context.console, on_done=self.search.set_saved)

        self.context.runner.run(worklog.save_filter, self.context.console, name, log_filter, on_done=done,
                                on_error=self._failed)

    def delete_filter(self, filter_id: int) -> None:
        from app.services import worklog

        self.context.runner.run(worklog.delete_filter, self.context.console, filter_id,
                                on_done=lambda _: self.context.runner.run(worklog.list_filters, self.context.console,
                                                                          on_done=self.search.set_saved),
                                on_error=self._failed)

    # --- print and export -----------------------------------------------------------------------
    def _file(self, title: str, suggestion: str, kinds: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, suggestion, kinds)
        return path

    def _stem(self) -> str:
        i = self.log.instance
        return f"work-log-{i.day.isoformat()}-{i.definition.name}"

    def print_preview(self):
        from app.ui.work_log.printing import preview_log

        if self.log is not None:
            self.dialog = preview_log(self, self.log)
            return self.dialog

    def print_pdf(self, path: str | None = None) -> str | None:
        from app.ui.work_log.printing import print_log

        if self.log is None:
            return None
        path = path or self._file(self.tr("Save the shift's log as PDF"), self._stem() + ".pdf",
                                  self.tr("PDF (*.pdf)"))
        return print_log(self, self.log, path) if path else None

    def export_shift(self, path: str | None = None) -> str | None:
        from app.ui.work_log.printing import export_log

        if self.log is None:
            return None
        path = path or self._file(self.tr("Export the shift's log"), self._stem() + ".xlsx",
                                  self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        entries = [c.entry for c in self.log.carried] + list(self.log.entries)
        i = self.log.instance
        heading = self.tr("Work log {day} {shift}").format(day=i.day.isoformat(), shift=i.definition.name)
        return export_log(self, entries, path, heading)

    def export_results(self, path: str | None = None) -> str | None:
        from app.ui.work_log.printing import export_log

        path = path or self._file(self.tr("Export the search result"), "work-log-search.xlsx",
                                  self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        return export_log(self, self.search.model.entries, path, self.tr("Work log: search result"))
