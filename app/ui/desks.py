"""Several desks in the window: what another desk wrote shows here within seconds; a lost database is said.

`DeskWatch` starts the service's listener (app.services.desks.watch) for the
database the window has open (PostgreSQL; nothing on a SQLite file, which
one desk uses). Its thread's reports come to the GUI thread through queued
signals. Tables another desk wrote are gathered for a moment, then the views
that show them read again (each view keeps what is being typed or edited).
While the database cannot be reached a red line in the status bar says so,
with the time of the last good contact: the window keeps showing what it
read, and a write tried meanwhile fails with its own message, nothing queued.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

GATHER_MS = 300  # tables announced close together refresh the views once
# Which views read which tables (a prefix of the table name); "*" (after a reconnection) refreshes every view.
VIEW_TABLES = {
    "work_log": ("log_",),
    "shift_sheet": ("attendance_", "roster_", "personnel_", "notice", "shift_", "agents", "teams", "supervisors",
                    "site"),
    "seat_map": ("seat", "zones", "floors", "attendance_", "agents"),
    "playbook": ("playbook",),
    "meetings": ("agendas", "post_shift", "warmups", "attendance_", "log_", "notice", "personnel_", "roster_"),
    "handover": ("handovers", "log_", "notice", "attendance_", "playbook_run", "seat", "personnel_", "shift_",
                 "supervisors", "roster_"),
    "handover_quality": ("handovers", "playbook_run"),
    "service_level": ("calls", "intervals", "coverage", "queue_settings", "feed_sources"),
    "now": ("calls", "agent_events", "intervals", "feed_sources"),
}


def views_for(tables: frozenset[str]) -> set[str]:
    """The views to read again when `tables` were written elsewhere."""
    if "*" in tables:
        return set(VIEW_TABLES)
    return {view for view, prefixes in VIEW_TABLES.items()
            if any(t.startswith(p) for t in tables for p in prefixes)}


class DeskWatch(QObject):
    """State: the listener (while a PostgreSQL database is open), the tables gathered, the status-bar line."""

    changed = Signal(object)  # frozenset of table names, on the GUI thread
    state = Signal(bool, object)  # reachable, the reason when not (GUI thread)
    _heard = Signal(object)
    _state_from_thread = Signal(bool, object)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.listener = None
        self.pending: set[str] = set()
        self.reachable = True
        self.lost_since: datetime | None = None
        self.label = QLabel(objectName="db_state")
        self.label.setStyleSheet("color: #b00020; font-weight: bold")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self, singleShot=True, interval=GATHER_MS)
        self.timer.timeout.connect(self._refresh)
        self._heard.connect(self._gather, Qt.ConnectionType.QueuedConnection)
        self._state_from_thread.connect(self._show_state_if_current, Qt.ConnectionType.QueuedConnection)

    def start(self, console) -> None:
        """Listen to the other desks of `console`'s database (replacing the listener of an earlier one)."""
        from app.services import desks

        self.stop()
        if console is None:
            return
        self.listener = desks.watch(console, lambda tables: self._heard.emit(tables),
                                    lambda ok, why: self._state_from_thread.emit(ok, why))

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop(timeout=0.5)
            self.listener = None
        self.timer.stop()  # tables gathered but not yet read again: the window is closing or changing database
        self.pending.clear()
        self._show_state(True, None)

    # --- on the GUI thread ---
    def _show_state_if_current(self, reachable: bool, reason) -> None:
        if self.listener is not None:  # a report from a listener stopped meanwhile is dropped
            self._show_state(reachable, reason)

    def _gather(self, tables) -> None:
        if self.listener is None:
            return
        self.pending.update(tables)
        if not self.timer.isActive():
            self.timer.start()

    def _refresh(self) -> None:
        tables, self.pending = frozenset(self.pending), set()
        self.changed.emit(tables)
        views = views_for(tables)
        w = self.window
        for view_id in sorted(views):
            view = w.views.get(view_id)
            if view is not None and hasattr(view, "refresh"):
                view.refresh()
        if any(t.startswith("playbook") for t in tables) or "*" in tables:
            w.refresh_alerts()
        if views & {"work_log", "shift_sheet"}:
            w.update_shift()  # the status bar's log counts and the shift on duty
        if "feed_sources" in tables or "*" in tables:
            w.refresh()  # a source added or made live at another desk: the list of sources and the live plan

    def _show_state(self, reachable: bool, reason) -> None:
        was = self.reachable
        self.reachable = reachable
        if reachable:
            self.label.hide()
            self.label.setText("")
            if not was:
                self.window.show_message(self.tr("The database is reachable again; what changed meanwhile is read "
                                                 "again."))
            self.lost_since = None
        else:
            self.lost_since = self.lost_since or self.window.context.now()
            self.label.setText(self.tr("⚠ Database unreachable since {time}: showing what was read before; "
                                       "reconnecting…").format(time=f"{self.lost_since:%H:%M:%S}"))
            self.label.setToolTip(str(reason or ""))
            self.label.show()
        self.state.emit(reachable, reason)
