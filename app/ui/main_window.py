"""The main window: a shell of navigation, menus, tool bar and status bar around the views.

Each view is its own package; the window only switches between them, passes
them the shared context and tells them when data changed. Window geometry,
splitters and the last view are remembered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel, QListWidget, QListWidgetItem, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from app.ui import errors
from app.ui.actions import ActionId, Actions
from app.ui.context import UiContext
from app.ui.empty_state import EmptyStateView
from app.ui.live import LiveFeeds
from app.ui.now.view import NowView
from app.ui.service_level.view import ServiceLevelView
from app.ui.seat_map.view import SeatMapView
from app.ui.shift_sheet.view import ShiftSheetView
from app.ui.handover.view import HandoverView
from app.ui.handover_quality.view import HandoverQualityView
from app.ui.meetings.view import MeetingsView
from app.ui.playbook.alerts import AlertBar
from app.ui.playbook.view import PlaybookView
from app.ui.work_log.view import WorkLogView
from app.ui.settings import GEOMETRY, LAST_VIEW, WINDOW_STATE


ALERT_HOURS = 12  # the alert bar shows the open alerts fired in the last twelve hours


class MainWindow(QMainWindow):
    """State: the context, the views by id, the sources known, the demo loader."""

    reminders_due = Signal(object)  # the reminders found by the scheduler's job (delivered on the GUI thread)
    backup_failed = Signal(object)  # the daily backup's error, from the scheduler's thread
    purge_failed = Signal(object)  # the hourly purge of old caller numbers: its error, from the scheduler's thread

    def __init__(self, context: UiContext, load_demo: Callable[[], None] | None = None,
                 preferences: Callable[[], None] | None = None, scheduled: bool = True,
                 sign_in: bool = False) -> None:
        super().__init__()
        self.sign_in_used = sign_in  # the desktop application asks who is there; tests of a view may not
        self.setObjectName("main_window")
        self.context = context
        self.sources = ()
        self._load_demo = load_demo
        self._preferences = preferences
        self.actions = Actions(self)
        self.views = {}
        self.shift_sheet_started = None  # the console the sheet was started on
        self.current_shift = None
        self._sheet_checked = 0.0
        self._build()
        self._menus()
        context.status = self.show_message
        errors.set_sink(self.show_message)
        context.runner.busy_changed.connect(self._busy)
        self.live = LiveFeeds(context, context.runner.lane, self.statusBar(), self, scheduled=scheduled)
        self.live.data_arrived.connect(self._live_data)
        from app.ui.desks import DeskWatch

        self.desks = DeskWatch(self)  # what the other desks of a shared database write, and whether it is reachable
        from app.ui.sign_in import SignIn

        self.signing = SignIn(self)  # who is at the desk, and the lock after a while without use
        self.signing.changed.connect(self._signed_in_changed)
        self.front.addWidget(self.signing.page)
        self.retranslate()
        self._restore()
        self.shift_timer = QTimer(self, interval=60_000)
        self.shift_timer.timeout.connect(self.update_shift)
        self.shift_timer.timeout.connect(self.work_log.tick)
        self.shift_timer.timeout.connect(self._minute_checks)
        self.shift_timer.timeout.connect(self.meetings.tick)
        # The reminders are an APScheduler job (ARCHITECTURE.md section 5), on the database lane, every minute.
        self.reminders_due.connect(self.reminder_bar.show_reminders, Qt.ConnectionType.QueuedConnection)
        self.checks = None
        if scheduled:
            from app.services.scheduler import Scheduler

            self.checks = Scheduler(context.runner.lane)
            self.checks.every("reminders", 60, self.reminder_bar.work(), on_result=self.reminders_due.emit,
                              on_error=lambda exc: None)
            # The day's backup of a SQLite database (the service skips other databases and a day already backed up).
            self.backup_failed.connect(errors.report_error, Qt.ConnectionType.QueuedConnection)
            self.checks.every("daily-backup", 600, _daily_backup, context, on_result=lambda made: None,
                              on_error=self.backup_failed.emit)
            # Caller numbers older than the site's retention are cleared every hour (app.services.privacy).
            self.purge_failed.connect(errors.report_error, Qt.ConnectionType.QueuedConnection)
            self.checks.every("caller-purge", 3600, _purge_callers, context, on_result=lambda purged: None,
                              on_error=self.purge_failed.emit)
            self.checks.start()
        if scheduled:
            self.shift_timer.start()

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.nav = QListWidget(objectName="navigation")
        self.nav.setMaximumWidth(240)
        self.stack = QStackedWidget(objectName="views")
        self.welcome = EmptyStateView()
        self.welcome.demo_requested.connect(self.load_demo)
        self.welcome.add_feed_requested.connect(self.add_feed)
        self.service_level = ServiceLevelView(self.context)
        self.now = NowView(self.context)
        self.shift_sheet = ShiftSheetView(self.context)
        self.seat_map = SeatMapView(self.context)
        self.work_log = WorkLogView(self.context)
        self.work_log.counts_changed.connect(self.update_shift)
        self.context.writer = self._writer
        self.playbook = PlaybookView(self.context)
        self.playbook.runs_changed.connect(self.work_log.refresh)  # a run's steps are in the log
        self.playbook.runs_changed.connect(self.refresh_alerts)
        self.meetings = MeetingsView(self.context)
        self.handover = HandoverView(self.context)
        self.handover.handover_changed.connect(lambda _h: self.work_log.refresh())  # items taken over at the handover
        self.handover_quality = HandoverQualityView(self.context)
        self.alert_bar = AlertBar()
        from app.ui.reminders import ReminderBar

        self.reminder_bar = ReminderBar(self.context)
        self.reminder_bar.open_requested.connect(self.show_view)
        self.alert_bar.start_requested.connect(self.start_from_alert)
        self.alert_bar.dismiss_requested.connect(self.dismiss_alert)
        follow_up = getattr(self.service_level, "follow_up_created", None)
        if follow_up is not None:  # a callback follow-up written from an abandoned call
            follow_up.connect(lambda _entry: self.work_log.refresh())
        # The seat map shows the shift the sheet shows.
        self.shift_sheet.sheet_loaded.connect(
            lambda sheet: sheet is not None and self.seat_map.follow(sheet.instance.day, sheet.instance.definition.id))
        for view in (self.welcome, self.service_level, self.now, self.shift_sheet, self.seat_map, self.work_log,
                     self.playbook, self.handover, self.meetings, self.handover_quality):
            self.add_view(view)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.splitter = QSplitter(objectName="main_splitter")
        self.splitter.addWidget(self.nav)
        right = QWidget(objectName="views_with_alerts")
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.setSpacing(0)
        rv.addWidget(self.alert_bar)
        rv.addWidget(self.reminder_bar)
        rv.addWidget(self.stack, 1)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1100])
        self.front = QStackedWidget(objectName="front")  # the views, or the sign-in page covering them
        self.front.addWidget(self.splitter)
        self.setCentralWidget(self.front)
        self.shift_label = QLabel(objectName="current_shift")
        self.log_label = QLabel(objectName="log_status")
        self.site_label = QLabel(objectName="site")
        self.db_label = QLabel(objectName="database")
        self.busy_label = QLabel(objectName="busy")
        self.user_label = QLabel(objectName="signed_in")
        bar = self.statusBar()
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.log_label)
        bar.addPermanentWidget(self.shift_label)
        bar.addPermanentWidget(self.site_label)
        bar.addPermanentWidget(self.db_label)
        self.resize(1280, 820)

    def add_view(self, view) -> None:
        self.views[view.view_id] = view
        self.stack.addWidget(view)
        item = QListWidgetItem(view.title_text())
        item.setData(Qt.ItemDataRole.UserRole, view.view_id)
        self.nav.addItem(item)

    def _menus(self) -> None:
        a = self.actions
        a.connect(ActionId.LOAD_DEMO, self.load_demo)
        a.connect(ActionId.ADD_FEED, self.add_feed)
        a.connect(ActionId.REFRESH, self.refresh)
        a.connect(ActionId.EXPORT, lambda: self.service_level.export())
        a.connect(ActionId.QUIT, self.close)
        a.connect(ActionId.REMINDER_TIMES, self.open_reminder_times)
        a.connect(ActionId.SHOW_PERSONAL, self.show_personal)
        a.connect(ActionId.SIGN_OUT, lambda: self.signing.sign_out())
        a.connect(ActionId.PREFERENCES, lambda: self._preferences and self._preferences())
        a.connect(ActionId.VIEW_SERVICE_LEVEL, lambda: self.show_view("service_level"))
        a.connect(ActionId.VIEW_NOW, lambda: self.show_view("now"))
        a.connect(ActionId.VIEW_SHIFT_SHEET, lambda: self.show_view("shift_sheet"))
        a.connect(ActionId.VIEW_SEAT_MAP, lambda: self.show_view("seat_map"))
        a.connect(ActionId.VIEW_WORK_LOG, lambda: (self.show_view("work_log"), self.work_log.new_entry()))
        a.connect(ActionId.VIEW_PLAYBOOK, lambda: (self.show_view("playbook"), self.playbook.list.setFocus()))
        a.connect(ActionId.VIEW_MEETINGS, lambda: self.show_view("meetings"))
        a.connect(ActionId.VIEW_HANDOVER, lambda: self.show_view("handover"))
        a.connect(ActionId.VIEW_HANDOVER_QUALITY, lambda: self.show_view("handover_quality"))
        a.connect(ActionId.WALLBOARD, lambda: self.now.open_wallboard())
        a.connect(ActionId.PREVIOUS_DAY, lambda: self._day_step(-1))
        a.connect(ActionId.NEXT_DAY, lambda: self._day_step(1))
        a.connect(ActionId.TODAY, lambda: self.service_level.set_day(self.context.today()))
        self.file_menu = self.menuBar().addMenu("")
        for action_id in (ActionId.ADD_FEED, ActionId.LOAD_DEMO, ActionId.EXPORT, None, ActionId.PREFERENCES,
                          ActionId.REMINDER_TIMES, ActionId.SHOW_PERSONAL, None, ActionId.SIGN_OUT, ActionId.QUIT):
            self.file_menu.addSeparator() if action_id is None else self.file_menu.addAction(a[action_id])
        self.view_menu = self.menuBar().addMenu("")
        for action_id in (ActionId.VIEW_SERVICE_LEVEL, ActionId.VIEW_NOW, ActionId.VIEW_SHIFT_SHEET, ActionId.VIEW_SEAT_MAP, ActionId.VIEW_WORK_LOG,
                          ActionId.VIEW_PLAYBOOK, ActionId.VIEW_HANDOVER, ActionId.VIEW_MEETINGS,
                          ActionId.VIEW_HANDOVER_QUALITY,
                          ActionId.WALLBOARD, None, ActionId.PREVIOUS_DAY, ActionId.NEXT_DAY,
                          ActionId.TODAY, None, ActionId.REFRESH):
            self.view_menu.addSeparator() if action_id is None else self.view_menu.addAction(a[action_id])
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("main_toolbar")
        for action_id in (ActionId.ADD_FEED, ActionId.REFRESH, ActionId.EXPORT, ActionId.PREVIOUS_DAY,
                          ActionId.TODAY, ActionId.NEXT_DAY):
            self.toolbar.addAction(a[action_id])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shift Handover Console"))
        self.actions.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.toolbar.setWindowTitle(self.tr("Main tool bar"))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setText(self.views[item.data(Qt.ItemDataRole.UserRole)].title_text())
        for view in self.views.values():
            view.retranslate()
        self._status_labels()
        self._show_shift(self.current_shift)
        self._show_log_counts(getattr(self, "log_counts", None))
        self.alert_bar.retranslate()
        self.reminder_bar.retranslate()
        if hasattr(self, "signing"):
            self.signing.retranslate()
            self._signed_in_changed(self.signing.user)

    def changeEvent(self, event) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- who is at the desk ----------------------------------------------------------
    def _writer(self) -> str | None:
        """Who writes: the person signed in; else the work log's "Writing as"."""
        user = self.signing.user if hasattr(self, "signing") else None
        if user is not None:
            return user.name
        return self.work_log.author_box.currentText().strip() or None

    def show_locked(self, locked: bool) -> None:
        """The sign-in page covers the views (their typed text kept); menus, tool bar and keys are off but Quit."""
        self.front.setCurrentWidget(self.signing.page if locked else self.splitter)
        self.splitter.setEnabled(not locked)
        self.toolbar.setEnabled(not locked)
        self.view_menu.menuAction().setEnabled(not locked)
        for action_id in ActionId:
            if action_id is not ActionId.QUIT:
                self.actions[action_id].setEnabled(not locked)
        if not locked:
            self._signed_in_changed(self.signing.user)

    def _signed_in_changed(self, person) -> None:
        """The status bar names who is signed in; what the role may not do is greyed out."""
        from app.ui.sign_in import role_text

        signing = self.signing
        if not signing.required:
            self.user_label.setText("")
            self.work_log.set_signed_in(None)
            self.shift_sheet.actions.set_manages(True)
            return
        if person is None:
            self.user_label.setText(self.tr("Locked: no one signed in"))
            self.user_label.setStyleSheet("color: #b00020")
            self.work_log.set_signed_in(None, writes=False, exports=False)
            self.shift_sheet.actions.set_manages(False)
            return
        role = role_text(person.role)
        if person.role.value == "viewer":
            text = self.tr("{name} ({role}): reading only").format(name=person.name, role=role)
        else:
            text = self.tr("Signed in: {name} ({role})").format(name=person.name, role=role)
        self.user_label.setText(text)
        self.user_label.setStyleSheet("")
        supervisor = person.role.value == "supervisor"
        self.actions[ActionId.EXPORT].setEnabled(supervisor)
        self.actions[ActionId.REMINDER_TIMES].setEnabled(supervisor)
        self.actions[ActionId.ADD_FEED].setEnabled(supervisor)
        self.actions[ActionId.LOAD_DEMO].setEnabled(supervisor)  # it closes this desk's database
        self.work_log.set_signed_in(person.name, writes=person.role.value != "viewer", exports=supervisor)
        self.shift_sheet.actions.set_manages(supervisor)

    # --- navigation ------------------------------------------------------------------
    def show_personal(self) -> None:
        """A supervisor's PIN shows customer numbers whole in prints and exports for a while (app.ui.privacy)."""
        from app.ui.privacy import ask_to_show

        ask_to_show(self)

    def open_reminder_times(self):
        """The site's reminder times: read, edit in the dialog, saved as the writer (Work log, Writing as)."""
        from app.services import reminders
        from app.ui.reminders import ReminderTimesDialog

        console = self.context.console
        if console is None:
            return None
        self.reminder_dialog = None

        def show(settings):
            dialog = ReminderTimesDialog(settings, self)
            self.reminder_dialog = dialog

            def save(value):
                by = self.context.writer()
                if not by:
                    dialog.show_error(self.tr("Choose who is writing first (Work log, Writing as)."))
                    return
                self.context.runner.run(reminders.save_reminder_settings, console, value, by, self.context.now(),
                                        on_done=lambda _: (dialog.accept(), self.context.status(
                                            self.tr("Reminder times saved.")), self.reminder_bar.tick()),
                                        on_error=lambda exc: dialog.show_error(errors.describe(exc)))

            dialog.accepted_with.connect(save)
            dialog.open()

        self.context.runner.run(reminders.reminder_settings, console, on_done=show, on_error=errors.report_error)
        return self.reminder_dialog

    def show_view(self, view_id: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == view_id:
                self.nav.setCurrentRow(row)
                return

    def current_view_id(self) -> str:
        return self.stack.currentWidget().view_id

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        view = self.views[self.nav.item(row).data(Qt.ItemDataRole.UserRole)]
        self.stack.setCurrentWidget(view)

    def _day_step(self, days: int) -> None:
        from datetime import timedelta

        self.service_level.set_day(self.service_level.day + timedelta(days=days))

    # --- data ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sources again and show what there is (the welcome page when nothing)."""
        console = self.context.console
        if console is None:
            return

        def work():
            from app.services import sources as source_service

            sources = source_service.list_sources(console)
            live, demo = source_service.live_plan(console, sources)
            return sources, source_service.list_sites(console), live, demo, _current_shift(console, now)

        now = self.context.now()
        self.context.runner.run(work, on_done=self._sources_loaded)

    def _sources_loaded(self, result) -> None:
        sources, sites, live, demo, current = result
        live_sources = [s.name for s in sources if getattr(s, "live", False)]
        self.playbook.source = live_sources[0] if live_sources else (sources[0].name if sources else "")
        if self.shift_sheet_started is not self.context.console:  # first start, or the demo replaced the database
            self.shift_sheet_started = self.context.console
            self.desks.start(self.context.console)
            if self.sign_in_used:
                self.signing.start(self.context.console, demo=bool(demo))
            self.shift_sheet.start()
            self.work_log.start()
            self.playbook.start()
            self.meetings.start()
            self.handover.start()
            self.handover_quality.start()
            self.reminder_bar.tick()
        self._show_shift(current)
        if (live, demo) != self.live.plan:
            self.live.start(live, demo)
        self.sources, self.sites = sources, sites
        has_data = bool(sources)
        self.nav.item(0).setHidden(has_data)
        self.nav.item(2).setHidden(not has_data)
        if has_data:
            self.service_level.load_sources(sources)
            self.now.load_sources(sources)
            if self.current_view_id() == "welcome":
                self.show_view("service_level")
        else:
            self.show_view("welcome")
        self._status_labels()

    def _status_labels(self) -> None:
        sites = getattr(self, "sites", ())
        self.site_label.setText(self.tr("Site: {name}").format(name=sites[0].name) if sites else "")
        console = self.context.console
        self.db_label.setText(self.tr("Database: {url}").format(url=console.db.url) if console else self.tr("Opening the database…"))

    def update_shift(self) -> None:
        """Which shift runs now, for the status bar (every minute, and after each refresh)."""
        console = self.context.console
        if console is not None:
            self.context.runner.run(_current_shift, console, self.context.now(), on_done=self._show_shift)
            self.context.runner.run(_log_counts, console, self.context.now(), on_done=self._show_log_counts,
                                    on_error=lambda exc: self.log_label.setText(""))

    def _show_log_counts(self, counts) -> None:
        """Open, overdue and unacknowledged work-log items of the shift running now, always in sight."""
        self.log_counts = counts
        if counts is None:
            self.log_label.setText("")
            return
        self.log_label.setText(self.tr("Log: {open} open · {overdue} overdue · {unacked} not acknowledged").format(
            open=counts.open, overdue=counts.overdue, unacked=counts.unacknowledged))
        self.log_label.setStyleSheet("color: #b00020; font-weight: bold" if counts.overdue or counts.unacknowledged
                                     else "")

    def _show_shift(self, current) -> None:
        self.current_shift = current
        if current is None or current.slot is None:
            nxt = current.next if current is not None else None
            self.shift_label.setText(self.tr("No shift now; next: {name} at {time}").format(
                name=nxt.definition.name, time=f"{nxt.start:%H:%M}") if nxt else "")
            return
        slot = current.slot
        text = self.tr("Shift: {name} {start}–{end}").format(name=slot.definition.name, start=f"{slot.start:%H:%M}",
                                                              end=f"{slot.end:%H:%M}")
        if current.handing_over is not None:
            text += " · " + self.tr("handover with {name} until {time}").format(
                name=current.handing_over.definition.name, time=f"{current.handing_over.end:%H:%M}")
        self.shift_label.setText(text)

    def _live_data(self, result) -> None:
        """A poll stored new data: the views that show that source refresh, and the playbook rules are checked."""
        self.check_rules(result.source)
        if self.service_level.source_box.currentText() == result.source and self.service_level.day == self.context.today():
            self.service_level.refresh()
        if self.now.source_box.currentText() == result.source:
            self.now.refresh()
        # The sheet's ACD check is live: read again while it is on screen, at most twice a minute.
        if self.current_view_id() == "shift_sheet" and self.shift_sheet.sheet is not None:
            import time

            if time.monotonic() - self._sheet_checked > 30:
                self._sheet_checked = time.monotonic()
                self.shift_sheet.refresh()

    # --- playbook suggestions --------------------------------------------------------------
    def check_rules(self, source: str) -> None:
        """Evaluate the playbook rules on the source's latest data; new alerts show in the bar."""
        from app.services import playbook_alerts

        console = self.context.console
        if console is not None:
            self.context.runner.run(playbook_alerts.check_rules, console, source, self.context.now(),
                                    on_done=lambda new: self.refresh_alerts() if new else None,
                                    on_error=errors.report_error)

    def _minute_checks(self) -> None:
        """Every minute, new data or not: the rules (an outage brings no lines; the oldest wait and the login gap
        grow without them), the alerts, and the playbooks' contacts on duty and long calls."""
        for source in self.live.plan[0] if self.live.plan else ():
            self.check_rules(source)
        self.refresh_alerts()
        self.playbook.refresh()

    def refresh_alerts(self) -> None:
        """The open alerts of the last ALERT_HOURS (not dismissed, no run started from them) in the bar."""
        from datetime import timedelta

        from app.services import playbook_alerts

        console = self.context.console
        if console is None:
            return
        now = self.context.now()
        since = now - timedelta(hours=ALERT_HOURS)  # a night shift's alerts stay across midnight
        self.context.runner.run(playbook_alerts.open_alerts, console, since,
                                on_done=lambda alerts: self.alert_bar.show_alerts(alerts, self.playbook.titles(),
                                                                                  self.playbook.tz,
                                                                                  self.playbook.running_keys()),
                                on_error=errors.report_error)

    def start_from_alert(self, alert) -> None:
        playbook = next((p for p in self.playbook.playbooks if p.key == alert.playbook_key), None)
        if playbook is None:
            self.show_message(self.tr("There is no playbook “{key}” any more.").format(key=alert.playbook_key))
            return
        self.show_view("playbook")
        running = next((r for r in self.playbook.runs if r.status.value == "active"
                        and r.playbook.key == alert.playbook_key), None)
        if running is not None:  # no second run of the same playbook: the running one takes the alert up
            self.playbook.join_run(running, alert)
        else:
            self.playbook.start_run(playbook, alert)

    def dismiss_alert(self, alert) -> None:
        from app.services import playbook_alerts
        from app.ui.work_log.dialogs import AskTextDialog

        by = self.playbook.author()
        if by is None:
            return
        dialog = AskTextDialog(self.tr("Dismiss the alert"), self.tr("Why (kept with the alert)"), self)
        dialog.setObjectName("dismiss_alert_dialog")
        dialog.accepted_with.connect(lambda reason: self.context.runner.run(
            playbook_alerts.dismiss_alert, self.context.console, alert.id, reason, by, self.context.now(),
            on_done=lambda _: (dialog.accept(), self.refresh_alerts()),
            on_error=lambda exc: dialog.show_error(errors.describe(exc))))
        self.alert_dialog = dialog
        dialog.open()

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def load_demo(self) -> None:
        if self._load_demo is not None:
            self._load_demo()

    def add_feed(self) -> None:
        from app.ui.feeds.add_feed_dialog import AddFeedDialog

        if self.context.console is None:
            self.show_message(self.tr("The database is still opening; try again in a moment."))
            return
        dialog = AddFeedDialog(self.context, self)
        dialog.load_sites(getattr(self, "sites", ()))
        dialog.load_sources(self.sources)
        dialog.imported.connect(lambda _: self.refresh())
        dialog.open()
        self.add_feed_dialog = dialog

    # --- remembered state ------------------------------------------------------------
    def _restore(self) -> None:
        s = self.context.settings
        geometry, state = s.get(GEOMETRY), s.get(WINDOW_STATE)
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)
        for splitter in (self.splitter, self.service_level.splitter):
            saved = s.get(s.splitter_key(splitter.objectName()))
            if saved:
                splitter.restoreState(saved)
        last = s.get(LAST_VIEW)
        QTimer.singleShot(0, lambda: self.show_view(last) if last in self.views and self.isVisible() else None)

    def save_state(self) -> None:
        s = self.context.settings
        s.set(GEOMETRY, self.saveGeometry())
        s.set(WINDOW_STATE, self.saveState())
        s.set(LAST_VIEW, self.current_view_id())
        for splitter in (self.splitter, self.service_level.splitter):
            s.set(s.splitter_key(splitter.objectName()), splitter.saveState())
        s.store.sync()

    def closeEvent(self, event) -> None:  # Qt override
        dialog = getattr(self, "add_feed_dialog", None)
        if dialog is not None and dialog.state is not None:
            dialog.state.cancel()  # an import under way stops after its current batch
        self.live.stop()
        self.desks.stop()
        self.signing.stop()
        self.shift_timer.stop()
        self.now.timer.stop()  # the Now panel reads the floor every few seconds: not for a closed window
        if self.checks is not None:
            self.checks.shutdown(wait=False)
        self.save_state()
        super().closeEvent(event)


def _purge_callers(context):
    from app.services.privacy import purge_callers

    from app.domain.access import Action

    console = context.console
    if console is None:
        return None
    with console.acting(Action.SYSTEM):  # the desk's housekeeping, whoever is signed in
        return purge_callers(console, context.now())


def _daily_backup(context):
    from app.services.backup import daily_backup

    return None if context.console is None else daily_backup(context.console)


def _log_counts(console, now):
    from app.services import worklog

    return worklog.current_counts(console, now)


def _current_shift(console, now):
    from app.services import shifts

    return shifts.current_shift(console, now)
