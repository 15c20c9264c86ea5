"""The emergency handover playbook (交接班应急处理机制): prepared responses, run step by step as a checklist.

Left, the site's playbooks (most severe first); on the right, the one chosen
(situation, how to recognise it, the steps with who does them and the number
of tonight's contact for each role) and the runs: those active now and those
of this shift, each as a checklist with a running clock. Starting a run,
every step, note and the close are written into the work log (one entry per
run, revised). Below the runs: the agents still on long calls when their
shift ends. Keys: Enter or Ctrl+R on the list starts the playbook, Ctrl+E
edits it (a new version), Ctrl+P prints its one-page card.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QMenu,
    QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser, QToolButton, QVBoxLayout,
    QWidget,
)

from app.domain.playbooks import Playbook, Run, RunStatus, Severity, StepState, Trigger
from app.ui.actions import view_menu
from app.ui.errors import describe, report_error
from app.ui.playbook import words
from app.ui.playbook.alerts import rule_names
from app.ui.playbook.run_panel import RunPanel

SEVERITY_COLOURS = {Severity.CRITICAL: "#b00020", Severity.WARNING: "#b35c00", Severity.INFO: "#1b5e20"}


def run_log_words() -> dict[str, str]:
    """The run's work-log text in the window's language (see app.domain.playbooks.DEFAULT_WORDS)."""
    return {
        "log.started": QCoreApplication.translate("run_log", "Playbook \"{title}\" (version {version}) started by {by} at {time}."),
        "log.trigger": QCoreApplication.translate("run_log", "Suggested by the rule {rule} on {source}, interval {interval} ({level})."),
        "log.progress": QCoreApplication.translate("run_log", "{done} of {total} steps done, {skipped} skipped, {failed} did not work; "
                                     "{minutes} min so far."),
        "log.step": QCoreApplication.translate("run_log", "{time} step {step} done by {by}: {text}"),
        "log.failed": QCoreApplication.translate("run_log", "{time} step {step} did not work ({by}): {text}"),
        "log.skipped": QCoreApplication.translate("run_log", "{time} step {step} skipped by {by}: {text} (reason: {reason})"),
        "log.note": QCoreApplication.translate("run_log", "{time} note by {by} on step {step}: {note}"),
        "log.open": QCoreApplication.translate("run_log", "Steps left open: {steps}."),
        "log.closed": QCoreApplication.translate("run_log", "Closed by {by} at {time}: {outcome}"),
        "level.warning": QCoreApplication.translate("run_log", "warning"),
        "level.critical": QCoreApplication.translate("run_log", "critical"),
        **{f"rule.{rule}": name for rule, name in rule_names().items()},
    }


def ui_language() -> str:
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


class PlaybookView(QWidget):
    """State: the playbooks, contacts on duty by role, the runs shown (active and this shift's), the site's zone,
    the live source whose long calls are listed."""

    view_id = "playbook"
    runs_changed = Signal()
    run_started = Signal(object)  # Run

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.playbooks: tuple[Playbook, ...] = ()
        self.on_duty: dict = {}
        self.contacts = ()
        self.runs: tuple[Run, ...] = ()
        self.tz = ZoneInfo("UTC")
        self.site = ""
        self.source = ""  # the live source of the long calls (set by the window)
        self.dialog = None
        self._busy = False  # a start or a mark is being stored: further presses wait for it
        self._build()
        self._actions()
        self.retranslate()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.list = QListWidget(objectName="playbook_list")
        self.list.currentRowChanged.connect(lambda _: self._show_playbook())
        self.list.doubleClicked.connect(lambda _: self.tabs.setCurrentIndex(1))  # a double-click reads, never starts
        self.list.installEventFilter(self)
        self.start_button = QPushButton(objectName="playbook_start")
        self.start_button.clicked.connect(lambda: self.start_selected())
        self.more = QToolButton(objectName="playbook_more", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.list_title = QLabel(objectName="playbook_list_title")
        self.list_title.setStyleSheet("font-weight: bold")
        lv.addWidget(self.list_title)
        lv.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 1)
        buttons.addWidget(self.more)
        lv.addLayout(buttons)
        self.detail = QTextBrowser(objectName="playbook_detail")
        self.detail.setOpenLinks(False)
        self.runs_list = QListWidget(objectName="run_list")
        self.runs_list.setMaximumHeight(80)
        self.runs_list.setMinimumHeight(40)
        self.runs_list.currentRowChanged.connect(lambda _: self._show_run())
        self.panel = RunPanel(self._now_local)
        self.panel.mark_requested.connect(self.mark)
        self.panel.skip_requested.connect(self.skip)
        self.panel.note_requested.connect(self.note)
        self.panel.close_requested.connect(self.close_run)
        self.long_calls = QTableWidget(0, 5, objectName="long_calls")
        self.long_calls.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.long_calls.verticalHeader().hide()
        self.long_calls.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.long_calls.horizontalHeader().setStretchLastSection(True)
        self.long_calls.setMaximumHeight(130)
        self.long_calls.hide()  # shown when someone is on a long call
        self.long_title = QLabel(objectName="long_calls_title")
        self.long_title.setStyleSheet("font-weight: bold")
        self.long_start = QPushButton(objectName="long_calls_start")
        self.long_start.clicked.connect(self.start_long_calls)
        self.long_start.hide()
        runs_page = QWidget()
        rv = QVBoxLayout(runs_page)
        self.runs_title = QLabel(objectName="runs_title")
        self.runs_title.setStyleSheet("font-weight: bold")
        rv.addWidget(self.runs_title)
        rv.addWidget(self.runs_list)
        rv.addWidget(self.panel, 1)
        long_bar = QHBoxLayout()
        long_bar.addWidget(self.long_title, 1)
        long_bar.addWidget(self.long_start)
        rv.addLayout(long_bar)
        rv.addWidget(self.long_calls)
        self.tabs = QTabWidget(objectName="playbook_tabs")
        self.tabs.addTab(runs_page, "")
        self.tabs.addTab(self.detail, "")
        self.splitter = QSplitter(objectName="playbook_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 900])
        self.message = QLabel(objectName="playbook_message", wordWrap=True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)

    def _actions(self) -> None:
        self.menu = QMenu(self)
        self.items = view_menu(self, self.menu, "playbook_action_", (
            ("start", self.start_selected, "Ctrl+R"),
            ("edit", self.edit_selected, "Ctrl+E"),
            ("new", self.new_playbook, None),
            (None, None, None),
            ("card", self.print_card_preview, "Ctrl+P"),
            ("card_pdf", self.print_card_pdf, None),
            (None, None, None),
            ("contacts", self.open_contacts, None),
            ("rules", self.open_rules, None),
            ("import", self.import_file, None),
            ("export", self.export_file, None),
            ("retire", self.retire_selected, None),
        ))
        self.more.setMenu(self.menu)

    def eventFilter(self, watched, event) -> bool:  # Qt override
        """Enter on the playbook list starts the chosen playbook (a run is written at once: never by a mouse slip)."""
        from PySide6.QtCore import QEvent

        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.start_selected()
            return True
        return super().eventFilter(watched, event)

    def title_text(self) -> str:
        return self.tr("Playbooks")

    def retranslate(self) -> None:
        self.list_title.setText(self.tr("Playbooks (Enter starts one)"))
        self.start_button.setText(self.tr("Start a run (Ctrl+R)"))
        self.more.setText(self.tr("Playbook"))
        texts = {"start": self.tr("Start a run"), "edit": self.tr("Edit the playbook…"),
                 "new": self.tr("New playbook…"), "card": self.tr("Print the desk card…"),
                 "card_pdf": self.tr("Save the desk card as PDF…"), "contacts": self.tr("Contacts…"),
                 "rules": self.tr("Alert rules…"),
                 "import": self.tr("Import playbooks…"), "export": self.tr("Export playbooks…"),
                 "retire": self.tr("Retire the playbook…")}
        for key, action in self.items.items():
            action.setText(texts[key])
        self.tabs.setTabText(0, self.tr("Runs"))
        self.tabs.setTabText(1, self.tr("The playbook"))
        self.long_title.setText(self.tr("At the shift change: agents still on long calls"))
        self.long_calls.setHorizontalHeaderLabels([self.tr("Agent"), self.tr("On the call since"), self.tr("Minutes"),
                                                   self.tr("Queue"), self.tr("Shift ends")])
        self.panel.retranslate()
        self._fill_list()
        self._fill_runs()
        self._show_playbook()

    # --- loading ------------------------------------------------------------------------------
    def _now_local(self) -> datetime:
        return self.context.now().astimezone(self.tz)

    def start(self) -> None:
        """The database is open: install the shipped playbooks the site lacks (in the window's language) and load."""
        self.refresh(install=True)

    def refresh(self, install: bool = False) -> None:
        console = self.context.console
        if console is None:
            return
        now, language, source = self.context.now(), ui_language(), self.source

        def work():
            from app.services import playbook_alerts, playbooks, shifts, sources

            if install:
                playbooks.install_defaults(console, language, now=now)
            site = sources.list_sites(console)[0]
            listed = playbooks.list_playbooks(console)
            contacts = playbooks.list_contacts(console)
            roles = {s.role for p in listed for s in p.steps} | {c.role for c in contacts}
            on_duty = playbooks.contacts_for(console, roles, now)
            current = shifts.current_shift(console, now)
            slot = current.slot or current.next
            shift_runs = ()
            if slot is not None:
                instance = shifts.ensure_instance(console, slot.day, slot.definition.id)
                shift_runs = playbooks.runs_of_shift(console, instance.id)
            active = playbooks.active_runs(console)
            runs = list(active) + [r for r in shift_runs if r.id not in {a.id for a in active}]
            long = playbook_alerts.long_calls_at_shift_change(console, source, now) if source else ()
            return site, listed, contacts, on_duty, tuple(runs), long

        self.context.runner.run(work, on_done=self._loaded, on_error=report_error)

    def _loaded(self, result) -> None:
        site, listed, contacts, on_duty, runs, long = result
        self.site, self.tz = site.name, ZoneInfo(site.timezone)
        self.playbooks, self.contacts, self.on_duty, self.runs = listed, contacts, on_duty, runs
        self._fill_list()
        self._fill_runs()
        self._show_playbook()
        self._show_long_calls(long)
        self._loaded_select()
        self.runs_changed.emit()

    def titles(self) -> dict[str, str]:
        return {p.key: p.title for p in self.playbooks}

    def running_keys(self) -> frozenset[str]:
        return frozenset(r.playbook.key for r in self.runs if r.status is RunStatus.ACTIVE)

    def _fill_list(self) -> None:
        keep = self.selected_playbook()
        self.list.blockSignals(True)
        self.list.clear()
        names = words.severities()
        for p in self.playbooks:
            item = QListWidgetItem(f"{p.title}\n{names[p.severity]} · {len(p.steps)} "
                                   + self.tr("steps") + f" · v{p.version}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS[p.severity])))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, p in enumerate(self.playbooks) if keep is not None and p.key == keep.key), 0)
        if self.playbooks:
            self.list.setCurrentRow(row)

    def selected_playbook(self) -> Playbook | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((p for p in self.playbooks if p.id == item.data(Qt.ItemDataRole.UserRole)), None)

    def _show_playbook(self) -> None:
        p = self.selected_playbook()
        if p is None:
            self.detail.setHtml("")
            return
        names = words.severities()
        labels = {key: escape(text) for key, text in (
            ("severity", self.tr("Severity")), ("version", self.tr("Version")), ("situation", self.tr("Situation")),
            ("recognise", self.tr("How to recognise it")), ("roles", self.tr("Roles")),
            ("what", self.tr("What to do")), ("who", self.tr("Who (on duty now)")), ("min", self.tr("Min.")))}
        rows = []
        for n, step in enumerate(p.steps, start=1):
            who = self._who(step.role)
            fail = (" <i>" + escape(self.tr("If this fails, go to step {n}.").format(n=step.if_fails_goto)) + "</i>"
                    if step.if_fails_goto else "")
            rows.append(f"<tr><td valign='top'><b>{n}</b></td><td>{escape(step.text)}{fail}</td>"
                        f"<td>{escape(who)}</td><td align='right'>{step.minutes}</td></tr>")
        html = (f"<h2 style='color:{SEVERITY_COLOURS[p.severity]}'>{escape(p.title)}</h2>"
                f"<p><b>{labels['severity']}:</b> {escape(names[p.severity])} · "
                f"<b>{labels['version']}:</b> {p.version} ({escape(p.created_by)}, "
                f"{p.created_at.astimezone(self.tz):%Y-%m-%d %H:%M})</p>"
                f"<p><b>{labels['situation']}:</b> {escape(p.situation)}</p>"
                f"<p><b>{labels['recognise']}:</b> {escape(p.recognise)}</p>"
                f"<p><b>{labels['roles']}:</b> {escape(words.roles_text(p.roles))}</p>"
                "<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
                f"<tr><th>#</th><th>{labels['what']}</th><th>{labels['who']}</th>"
                f"<th>{labels['min']}</th></tr>" + "".join(rows) + "</table>")
        self.detail.setHtml(html)

    def _who(self, role: str) -> str:
        contact = self.on_duty.get(role)
        if contact is None:
            return words.role_text(role)
        return self.tr("{role}: {name} {phone}").format(role=words.role_text(role), name=contact.name,
                                                        phone=contact.phone)

    def _fill_runs(self) -> None:
        keep = self.selected_run()
        self.runs_list.blockSignals(True)
        self.runs_list.clear()
        statuses = words.run_statuses()
        for run in self.runs:
            started = run.started_at.astimezone(self.tz)
            item = QListWidgetItem(self.tr("{status} · {title} · started {time} by {by}").format(
                status=statuses[run.status], title=run.playbook.title, time=f"{started:%H:%M}", by=run.started_by))
            item.setData(Qt.ItemDataRole.UserRole, run.id)
            if run.status is RunStatus.ACTIVE:
                item.setForeground(QBrush(QColor("#1b5e20")))
            self.runs_list.addItem(item)
        self.runs_list.blockSignals(False)
        active = sum(r.status is RunStatus.ACTIVE for r in self.runs)
        self.runs_title.setText(self.tr("Runs: {active} active, {n} in this shift or still open").format(
            active=active, n=len(self.runs)) if self.runs else self.tr("No run in this shift yet: choose a "
                                                                       "playbook and press Enter to start one."))
        row = next((i for i, r in enumerate(self.runs) if keep is not None and r.id == keep.id), 0)
        if self.runs:
            self.runs_list.setCurrentRow(row)
        self._show_run()

    def selected_run(self) -> Run | None:
        item = self.runs_list.currentItem()
        if item is None:
            return None
        return next((r for r in self.runs if r.id == item.data(Qt.ItemDataRole.UserRole)), None)

    def _show_run(self) -> None:
        self.panel.set_run(self.selected_run(), self.on_duty, self.tz)

    def _show_long_calls(self, long) -> None:
        self.long_calls.setRowCount(0)
        for call in long:
            row = self.long_calls.rowCount()
            self.long_calls.insertRow(row)
            cells = (call.agent_name or call.agent_login, f"{call.answered_at.astimezone(self.tz):%H:%M}",
                     str(int(call.seconds // 60)), call.queue,
                     f"{call.shift_end.astimezone(self.tz):%H:%M}" if call.shift_end else "—")
            for column, text in enumerate(cells):
                self.long_calls.setItem(row, column, QTableWidgetItem(text))
        if not long:
            title = self.tr("At the shift change: nobody is on a long call")
        elif all(c.shift_end is None for c in long):  # nobody rostered around now: every long call is listed
            title = self.tr("Agents on long calls ({n})").format(n=len(long))
        else:
            title = self.tr("At the shift change: agents still on long calls ({n})").format(n=len(long))
        self.long_title.setText(title)
        self.long_calls.setVisible(bool(long))
        playbook = self._long_calls_playbook()
        self.long_start.setVisible(bool(long) and playbook is not None)
        if playbook is not None:
            self.long_start.setText(self.tr("Start “{title}”").format(title=playbook.title))

    def _long_calls_playbook(self) -> Playbook | None:
        from app.domain.playbook_rules import LONG_CALLS_PLAYBOOK

        return next((p for p in self.playbooks if p.key == LONG_CALLS_PLAYBOOK), None)

    def start_long_calls(self) -> None:
        playbook = self._long_calls_playbook()
        if playbook is not None:
            self.start_run(playbook)

    # --- who, messages -------------------------------------------------------------------------
    def author(self) -> str | None:
        name = (self.context.writer() or "").strip()
        if not name:
            self._say(self.tr("Choose who is writing first (Work log, Writing as)."), error=True)
        return name or None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        if text:
            self.context.status(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(describe(exc), error=True)

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.open()

    # --- runs ------------------------------------------------------------------------------------
    def start_selected(self, alert=None) -> None:
        playbook = self.selected_playbook()
        if playbook is not None:
            self.start_run(playbook, alert)

    def start_run(self, playbook: Playbook, alert=None) -> None:
        """Start a run of `playbook` (from an alert: its trigger, and the alert is taken up by the run)."""
        from app.services import playbooks

        by = self.author()
        if by is None or self._busy:
            return
        console, now, log_words = self.context.console, self.context.now(), run_log_words()
        trigger = (Trigger(alert.rule, alert.source, alert.interval_start, alert.level) if alert is not None else None)
        self._busy = True

        def done(run):
            self._busy = False
            if run.log_entry_id is not None:
                self._say(self.tr("“{title}” started; it is in the work log.").format(title=playbook.title))
            else:
                self._say(self.tr("“{title}” started (the site has no shift, so no work-log entry).").format(
                    title=playbook.title))
            self._select_run_after = run.id
            self.tabs.setCurrentIndex(0)
            self.run_started.emit(run)
            self.refresh()

        def failed(exc):
            self._busy = False
            self._failed(exc)
            self.runs_changed.emit()  # an alert taken meanwhile: the bar is read again

        self.context.runner.run(playbooks.start_run, console, playbook.id, None, by, now, log_words, trigger,
                                alert.id if alert is not None else None, on_done=done, on_error=failed)

    def join_run(self, run: Run, alert) -> None:
        """An alert for a playbook already running: the running run takes it up, and is shown."""
        from app.services import playbooks

        def done(joined):
            self._select_run_after = joined.id
            self.tabs.setCurrentIndex(0)
            self._say(self.tr("“{title}” is running already; the alert is added to that run.").format(
                title=run.playbook.title))
            self.refresh()

        self.context.runner.run(playbooks.join_run, self.context.console, alert.id, run.id, on_done=done,
                                on_error=lambda exc: (self._failed(exc), self.runs_changed.emit()))

    def _loaded_select(self) -> None:
        target = getattr(self, "_select_run_after", None)
        if target is None:
            return
        self._select_run_after = None
        row = next((i for i, r in enumerate(self.runs) if r.id == target), -1)
        if row >= 0:
            self.runs_list.setCurrentRow(row)
            self.panel.table.setFocus()

    def mark(self, step: int, state) -> None:
        from app.services import playbooks

        run = self.selected_run()
        by = self.author()
        if run is None or by is None:
            return
        self._send(playbooks.mark_step, run, step, StepState(state), by, run_log_words())

    def _send(self, fn, run: Run, step: int, state, by: str, log_words, note: str = "", reason: str = "",
              dialog=None) -> None:
        def done(updated):
            if dialog is not None and dialog.isVisible():
                dialog.accept()
            self.runs = tuple(updated if r.id == updated.id else r for r in self.runs)
            self._fill_runs()
            self.runs_changed.emit()

        def failed(exc):
            if dialog is not None and dialog.isVisible():
                dialog.show_error(describe(exc))
            else:
                self._failed(exc)

        if self._busy:
            return  # a second key press before the first mark is stored would mark the same step twice
        self._busy = True

        def finished(result, ok: bool):
            self._busy = False
            done(result) if ok else failed(result)

        self.context.runner.run(fn, self.context.console, run.id, step, state, by, self.context.now(), log_words,
                                note, reason, on_done=lambda r: finished(r, True),
                                on_error=lambda exc: finished(exc, False))

    def skip(self, step: int) -> None:
        from app.services import playbooks
        from app.ui.work_log.dialogs import AskTextDialog

        run = self.selected_run()
        if run is None:
            return
        dialog = AskTextDialog(self.tr("Skip step {n}").format(n=step), self.tr("Why is it skipped?"), self)
        dialog.setObjectName("skip_dialog")
        dialog.accepted_with.connect(lambda reason: self.author() and self._send(
            playbooks.mark_step, run, step, StepState.SKIPPED, self.author(), run_log_words(), reason=reason,
            dialog=dialog))
        self._open(dialog)

    def note(self, step: int) -> None:
        from app.services import playbooks
        from app.ui.work_log.dialogs import AskTextDialog

        run = self.selected_run()
        by = self.author()
        if run is None or by is None:
            return
        dialog = AskTextDialog(self.tr("Note on step {n}").format(n=step), self.tr("Note"), self, multiline=True)
        dialog.setObjectName("note_dialog")

        def send(text):
            def done(updated):
                dialog.accept()
                self.runs = tuple(updated if r.id == updated.id else r for r in self.runs)
                self._fill_runs()
                self.runs_changed.emit()

            self.context.runner.run(playbooks.add_note, self.context.console, run.id, step, text, by,
                                    self.context.now(), run_log_words(), on_done=done,
                                    on_error=lambda exc: dialog.show_error(describe(exc)))

        dialog.accepted_with.connect(send)
        self._open(dialog)

    def close_run(self) -> None:
        from app.services import playbooks
        from app.ui.work_log.dialogs import AskTextDialog

        run = self.selected_run()
        by = self.author()
        if run is None or by is None or run.status is not RunStatus.ACTIVE:
            return
        dialog = AskTextDialog(self.tr("Close the run of “{title}”").format(title=run.playbook.title),
                               self.tr("Outcome"), self, multiline=True)
        dialog.setObjectName("close_run_dialog")

        def send(outcome):
            def done(updated):
                dialog.accept()
                self._say(self.tr("Run closed; the work log has its outcome."))
                self.refresh()

            self.context.runner.run(playbooks.close_run, self.context.console, run.id, outcome, by,
                                    self.context.now(), run_log_words(), on_done=done,
                                    on_error=lambda exc: dialog.show_error(describe(exc)))

        dialog.accepted_with.connect(send)
        self._open(dialog)

    # --- playbooks ---------------------------------------------------------------------------------
    def new_playbook(self) -> None:
        self._edit(None)

    def edit_selected(self) -> None:
        playbook = self.selected_playbook()
        if playbook is not None:
            self._edit(playbook)

    def _edit(self, playbook: Playbook | None) -> None:
        from app.services import playbooks
        from app.ui.playbook.editor import PlaybookEditor

        dialog = PlaybookEditor(playbook, language=playbook.language if playbook else ui_language(),
                                contact_roles=tuple(c.role for c in self.contacts), parent=self)

        def save(draft):
            by = self.author()
            if by is None:
                return
            if playbook is None and any(p.key == draft.key.strip() for p in self.playbooks):
                dialog.show_error(self.tr("There is a playbook “{key}” already: edit that one (a new version), "
                                          "or choose another key.").format(key=draft.key.strip()))
                return

            def done(saved):
                dialog.accept()
                self._say(self.tr("“{title}” saved as version {version}.").format(title=saved.title,
                                                                                 version=saved.version))
                self.refresh()

            def failed(exc):
                from app.domain.playbooks import InvalidPlaybookError

                if isinstance(exc, InvalidPlaybookError):
                    dialog.show_problems(exc.problems, draft.steps)
                else:
                    dialog.show_error(describe(exc))

            self.context.runner.run(playbooks.save_playbook, self.context.console, draft, by, self.context.now(),
                                    on_done=done, on_error=failed)

        dialog.accepted_with.connect(save)
        self._open(dialog)

    def retire_selected(self) -> None:
        from app.services import playbooks
        from app.ui.work_log.dialogs import AskTextDialog

        playbook = self.selected_playbook()
        by = self.author()
        if playbook is None or by is None:
            return
        dialog = AskTextDialog(self.tr("Retire “{title}”").format(title=playbook.title),
                               self.tr("Type the title to confirm (past runs keep it)"), self)

        def confirmed(text):
            if text != playbook.title:
                dialog.show_error(self.tr("The title does not match."))
                return
            self.context.runner.run(playbooks.retire_playbook, self.context.console, playbook.key, by,
                                    self.context.now(), on_done=lambda _: (dialog.accept(), self.refresh()),
                                    on_error=lambda exc: dialog.show_error(describe(exc)))

        dialog.accepted_with.connect(confirmed)
        self._open(dialog)

    def open_contacts(self):
        from app.ui.playbook.contacts import ContactsDialog

        dialog = ContactsDialog(self.context, self)
        dialog.contacts_changed.connect(self.refresh)
        self._open(dialog)
        return dialog

    def open_rules(self):
        """The thresholds of the suggestions (one set per site)."""
        from app.services import playbook_alerts
        from app.ui.playbook.rules_dialog import RulesDialog

        console = self.context.console
        if console is None:
            return None

        def show(settings):
            dialog = RulesDialog(settings, self)

            def save(value):
                self.context.runner.run(playbook_alerts.save_rule_settings, console, value,
                                        on_done=lambda _: (dialog.accept(), self._say(self.tr("Alert rules saved."))),
                                        on_error=lambda exc: dialog.show_error(describe(exc)))

            dialog.accepted_with.connect(save)
            self._open(dialog)

        self.context.runner.run(playbook_alerts.rule_settings, console, on_done=show, on_error=self._failed)
        return self.dialog

    def import_file(self, path: str | None = None) -> None:
        from app.services import playbooks

        by = self.author()
        if by is None:
            return
        path = path or QFileDialog.getOpenFileName(self, self.tr("Import playbooks"), "",
                                                   self.tr("Playbooks (*.yaml *.yml)"))[0]
        if not path:
            return

        def done(result):
            self._say(self.tr("{saved} playbooks saved (new or new versions), {same} unchanged.").format(
                saved=len(result.saved), same=result.unchanged))
            self.refresh()

        self.context.runner.run(playbooks.import_playbooks, self.context.console, path, by, self.context.now(),
                                None, ui_language(), on_done=done, on_error=self._failed)

    def export_file(self, path: str | None = None) -> None:
        from app.services import playbooks

        path = path or QFileDialog.getSaveFileName(self, self.tr("Export playbooks"), "playbooks.yaml",
                                                   self.tr("Playbooks (*.yaml *.yml)"))[0]
        if not path:
            return
        from app.services.access import exported

        self.context.runner.run(exported, self.context.console, playbooks.export_playbooks, self.context.console, path,
                                on_done=lambda n: self._say(self.tr("{n} playbooks written to {path}.").format(
                                    n=n, path=path)), on_error=self._failed)

    # --- the desk card -----------------------------------------------------------------------------
    def print_card_pdf(self, path: str | None = None) -> str | None:
        from app.printing.playbook_card import print_card_pdf
        from app.ui.print_jobs import print_jobs
        from app.ui.shift_sheet.printing import font_family

        playbook = self.selected_playbook()
        if playbook is None:
            return None
        path = path or QFileDialog.getSaveFileName(self, self.tr("Save the desk card as PDF"),
                                                   f"playbook-{playbook.key}.pdf", self.tr("PDF (*.pdf)"))[0]
        if not path:
            return None
        done = lambda pages: self.context.status(self.tr("Desk card printed to {path}.").format(path=path))  # noqa: E731
        print_jobs().run(self.context.runner, print_card_pdf, playbook, self.contacts, path,
                         font_family(self.context), self.tz.key, self.site, self.context.now(),
                         on_done=done, on_error=report_error)
        return path

    def print_card_preview(self):
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from app.printing.document import page_layout
        from app.printing.playbook_card import paint_card
        from app.ui.shift_sheet.printing import font_family

        playbook = self.selected_playbook()
        if playbook is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(landscape=False))
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("card_preview")
        family, now, contacts, tz, site = font_family(self.context), self.context.now(), self.contacts, self.tz.key, self.site
        dialog.paintRequested.connect(lambda p: paint_card(p, playbook, contacts, family, tz, site, now))
        self._open(dialog)
        return dialog

