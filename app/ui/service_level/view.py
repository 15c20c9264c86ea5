"""The service-level view: pick a source, queues and a day; see the chart, the table,
the week and the four definitions side by side; export the table; list an interval's
abandoned calls to turn them into callback follow-ups (Ctrl+Shift+B).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from typing import TYPE_CHECKING

from app.ui.service_level.chart import ServiceLevelChart
from app.ui.service_level.staffing_panel import StaffingPanel

STAFFING_EVERY = timedelta(minutes=5)  # the staffing of the same day is read again at most this often
from app.ui.service_level.models import SORT_ROLE, DefinitionsModel, IntervalTableModel, WeekModel, definition_name

if TYPE_CHECKING:
    from app.services.day_view import DayView


class ServiceLevelView(QWidget):
    """State: the chosen source, queues and day; the last DayView shown; the context (console, runner, clock)."""

    view_id = "service_level"
    day_shown = Signal(object)  # DayView
    follow_up_created = Signal(object)  # the work-log Entry written from an abandoned call

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.day: date = context.today()
        self.queues: tuple[str, ...] = ()
        self.current: DayView | None = None
        self.error: str | None = None
        self._build()
        self.retranslate()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.source_box = QComboBox(objectName="source")
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.source_box.currentTextChanged.connect(self._source_chosen)
        self.queue_button = QToolButton(objectName="queues", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.queue_menu = QMenu(self.queue_button)
        self.queue_button.setMenu(self.queue_menu)
        self.previous_button = QToolButton(objectName="previous_day", text="◀")
        self.previous_button.clicked.connect(lambda: self.set_day(self.day - timedelta(days=1)))
        self.date_edit = QDateEdit(objectName="day", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_edit.dateChanged.connect(lambda d: self.set_day(d.toPython()))
        self.next_button = QToolButton(objectName="next_day", text="▶")
        self.next_button.clicked.connect(lambda: self.set_day(self.day + timedelta(days=1)))
        self.today_button = QToolButton(objectName="today")
        self.today_button.clicked.connect(lambda: self.set_day(self.context.today()))
        self.compare_box = QCheckBox(objectName="compare")
        self.compare_box.toggled.connect(lambda _: self.refresh())
        self.export_button = QToolButton(objectName="export")
        self.export_button.clicked.connect(self.export)
        self.queue_settings_button = QToolButton(objectName="queue_settings")
        self.queue_settings_button.clicked.connect(self.open_queue_settings)
        self.abandoned_action = QAction(self, objectName="abandoned_calls_action", enabled=False)
        self.abandoned_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.abandoned_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.abandoned_action.triggered.connect(self.open_abandoned_calls)
        self.addAction(self.abandoned_action)
        self.abandoned_button = QToolButton(objectName="abandoned_calls")
        self.abandoned_button.setDefaultAction(self.abandoned_action)
        self.what_if_action = QAction(self, objectName="what_if_action")
        self.what_if_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.what_if_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.what_if_action.triggered.connect(self.open_what_if)
        self.addAction(self.what_if_action)
        self.what_if_button = QToolButton(objectName="what_if")
        self.what_if_button.setDefaultAction(self.what_if_action)
        bar = QHBoxLayout()
        for w in (self.source_box, self.queue_button, self.previous_button, self.date_edit, self.next_button,
                  self.today_button, self.compare_box):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.abandoned_button)
        bar.addWidget(self.what_if_button)
        bar.addWidget(self.queue_settings_button)
        bar.addWidget(self.export_button)
        self.title = QLabel(objectName="title", wordWrap=True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = ServiceLevelChart()
        self.table_model = IntervalTableModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.table_model)
        proxy.setSortRole(SORT_ROLE)
        self.table = _table(proxy, "intervals")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.abandoned_action)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._abandoned_enabled())
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="day_splitter")
        self.staffing_panel = StaffingPanel()  # required vs staffed agents, the same half hours as the chart
        self.staffing = None
        self._staffing_key, self._staffing_at = None, None
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.staffing_panel)
        self.splitter.addWidget(self.table)
        self.splitter.setSizes([330, 200, 250])
        self.week_model = WeekModel(self)
        self.week_table = _table(self.week_model, "week")
        self.week_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.definitions_model = DefinitionsModel(self)
        self.definitions_table = _table(self.definitions_model, "definitions")
        self.tabs = QTabWidget(objectName="tabs")
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.week_table, "")
        self.tabs.addTab(self.definitions_table, "")
        self.tabs.currentChanged.connect(lambda _: self.refresh())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)

    def retranslate(self) -> None:
        self.queue_button.setToolTip(self.tr("Queues shown (several are combined, volume-weighted)"))
        self.previous_button.setToolTip(self.tr("Previous day"))
        self.next_button.setToolTip(self.tr("Next day"))
        self.today_button.setText(self.tr("Today"))
        self.compare_box.setText(self.tr("Same weekday a week earlier"))
        self.export_button.setText(self.tr("Export…"))
        self.abandoned_action.setText(self.tr("Abandoned calls…"))
        self.abandoned_action.setIconText(self.abandoned_action.text())  # keep the "…" on the button
        self.abandoned_action.setToolTip(self.tr(
            "The abandoned calls of the selected interval, to turn into callback follow-ups (Ctrl+Shift+B)"))
        self.what_if_action.setText(self.tr("What if…"))
        self.what_if_action.setIconText(self.what_if_action.text())
        self.what_if_action.setToolTip(self.tr(
            "Take agents off the phones for a while: the service level expected before and after, and the best "
            "slot for a meeting (Ctrl+Shift+W)"))
        self.queue_settings_button.setText(self.tr("Queue settings…"))
        self.queue_settings_button.setToolTip(self.tr("Threshold, target and definition per queue"))
        self.tabs.setTabText(0, self.tr("Day"))
        self.tabs.setTabText(1, self.tr("Week"))
        self.tabs.setTabText(2, self.tr("Definitions side by side"))
        self.chart.retranslate()
        self.staffing_panel.retranslate()
        self._queue_label()
        for table in (self.table, self.definitions_table):
            table.setProperty("fitted", False)  # headers change width with the language
        if self.current is not None:
            self._show(self.current, self.chart.previous)

    def title_text(self) -> str:
        return self.tr("Service level")

    # --- sources and queues -------------------------------------------------------------
    def load_sources(self, sources, preferred: str | None = None) -> None:
        self.sources = tuple(sources)
        names = [s.name for s in sources]
        keep = preferred or self.source_box.currentText()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        self.source_box.addItems(names)
        if keep in names:
            self.source_box.setCurrentText(keep)
        self.source_box.blockSignals(False)
        self._source_chosen(self.source_box.currentText())

    def _source_chosen(self, name: str) -> None:
        self.queues = ()
        if name:
            self.refresh()

    def _fill_queue_menu(self, all_queues: tuple[str, ...]) -> None:
        self.queue_menu.clear()
        every = self.queue_menu.addAction(self.tr("All queues"))
        every.setCheckable(True)
        every.setChecked(not self.queues)
        every.triggered.connect(lambda: self.set_queues(()))
        self.queue_menu.addSeparator()
        for q in all_queues:
            action = self.queue_menu.addAction(q)
            action.setCheckable(True)
            action.setChecked(q in self.queues)
            action.toggled.connect(lambda on, q=q: self._toggle_queue(q, on))

    def _toggle_queue(self, queue: str, on: bool) -> None:
        chosen = [q for q in self.queues if q != queue] + ([queue] if on else [])
        self.set_queues(tuple(sorted(chosen)))

    def set_queues(self, queues: tuple[str, ...]) -> None:
        self.queues = queues
        self._queue_label()
        self.refresh()

    def _queue_label(self) -> None:
        if not self.queues:
            self.queue_button.setText(self.tr("All queues"))
        else:
            self.queue_button.setText(", ".join(self.queues))

    # --- day ----------------------------------------------------------------------------
    def set_day(self, day: date) -> None:
        if day == self.day and self.current is not None and self.current.day == day:
            return
        self.day = day
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        source = self.source_box.currentText()
        if not source:
            return
        console, now = self.context.console, self.context.now()
        week = self.tabs.currentIndex() == 1
        compare = self.compare_box.isChecked()
        day, queues = self.day, self.queues

        def work():
            from app.services import day_view as day_service

            view = day_service.day_view(console, source, day, queues, now)
            previous = day_service.day_view(console, source, day - timedelta(days=7), queues, now) if compare else None
            days = day_service.week_view(console, source, day, queues, now) if week else None
            return view, previous, days

        self.context.runner.run(work, on_done=lambda r: self._show(*r), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from app.ui.errors import report_error

        self.error = report_error(exc)
        self.title.setText(self.error)

    def _show(self, view: DayView, previous: DayView | None, days=None) -> None:
        self.current = view
        self.error = None
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(view.day.year, view.day.month, view.day.day))
        self.date_edit.blockSignals(False)
        self._fill_queue_menu(view.all_queues)
        self.chart.show_day(view, previous)
        key = (view.source, view.day, view.queues)
        if self.staffing is not None and self._staffing_key == key:
            self.chart.show_staffing(self.staffing)  # drawn again over the new day's bars (nothing read)
        kept = self.selected_slot()  # a live refresh resets the model: keep the interval selected
        kept_day = self.table_model.view.day if self.table_model.view is not None else None
        self.table_model.set_view(view)
        if kept is not None and kept_day == view.day:
            self._select_slot(kept.start)
        self._abandoned_enabled()
        self.definitions_model.set_view(view)
        if days is not None:
            self.week_model.set_days(days)
        self._fit_columns()
        self.title.setText(self._describe(view))
        self._scroll_to_now(view)
        self.day_shown.emit(view)
        if days is None:
            self._ask_staffing(view)

    # --- staffing ----------------------------------------------------------------------------
    def _ask_staffing(self, view: DayView, force: bool = False) -> None:
        """Required vs staffed agents, the forecast and the expected service level of the day shown: read after
        the chart (a live refresh shows the new calls first) and again at most once a minute for the same day
        and queues (staffing moves slowly; the live feed polls every few seconds)."""
        key = (view.source, view.day, view.queues)
        now = self.context.now()
        if (not force and key == self._staffing_key and self._staffing_at is not None
                and now - self._staffing_at < STAFFING_EVERY):
            return
        if key != self._staffing_key:
            self.staffing = None
            self.chart.show_staffing(None)
            self.staffing_panel.show_staffing(None)
        self._staffing_key, self._staffing_at = key, now
        console = self.context.console
        self.context.runner.run(_staffing, console, view.source, view.day, now, view.queues,
                                on_done=lambda staffing: self._show_staffing(key, staffing), on_error=self._failed)

    def _show_staffing(self, key, staffing) -> None:
        if key != self._staffing_key:
            return  # another day or queues chosen meanwhile
        self.staffing = staffing
        self.chart.show_staffing(staffing)
        self.staffing_panel.show_staffing(staffing)

    def showEvent(self, event) -> None:  # Qt override: a table scrolls only once it has a size
        super().showEvent(event)
        if self.current is not None:
            self._scroll_to_now(self.current)

    def _fit_columns(self) -> None:
        """Size the tables' columns to their contents the first time they hold data (and on a language change)."""
        for table in (self.table, self.definitions_table):
            if not table.property("fitted") and table.model().rowCount():
                table.resizeColumnsToContents()
                table.setProperty("fitted", True)

    def _scroll_to_now(self, view: DayView) -> None:
        """Bring the interval in progress (or the last one with data) into sight."""
        rows = [i for i, s in enumerate(view.slots) if s.provisional] or [
            i for i, s in enumerate(view.slots) if s.figures is not None and (s.figures.offered or 0) > 0
        ]
        if rows:
            model = self.table.model()
            self.table.scrollTo(model.mapFromSource(self.table_model.index(rows[-1], 0)), QTableView.ScrollHint.PositionAtCenter)

    def _describe(self, view: DayView) -> str:
        t = self.tr("mixed") if view.threshold_seconds is None else self.tr("{t:g} s").format(t=view.threshold_seconds)
        parts = [
            self.tr("{source} · {site} · {day} ({zone})").format(
                source=view.source, site=view.site, day=view.day.isoformat(), zone=view.timezone
            ),
            self.tr("Service level: {definition}, threshold {t}, target {target:g} %").format(
                definition=definition_name(view.definition), t=t, target=view.target_percent
            ),
        ]
        if view.total_service_level is not None:
            parts.append(self.tr("Day so far: {sl:.1f} % of {n} calls").format(sl=view.total_service_level, n=view.total.offered))
        if not view.covered:
            parts.append(self.tr("No data for this day."))
        if view.vendor_rule:
            parts.append(self.tr("Vendor rule: {rule}").format(rule=view.vendor_rule))
        return "  ·  ".join(parts[:3]) + ("\n" + "\n".join(parts[3:]) if parts[3:] else "")

    # --- abandoned calls -> callback follow-ups ---------------------------------------------
    def selected_slot(self):
        """The interval (Slot) of the selected row of the day's table; None for none or the total row."""
        view = self.table_model.view
        rows = self.table.selectionModel().selectedRows() if view is not None else []
        if not rows:
            return None
        row = self.table.model().mapToSource(rows[0]).row()
        return view.slots[row] if 0 <= row < len(view.slots) else None

    def _select_slot(self, start: int) -> None:
        view = self.table_model.view
        rows = [i for i, s in enumerate(view.slots) if s.start == start]
        if rows:
            self.table.selectRow(self.table.model().mapFromSource(self.table_model.index(rows[0], 0)).row())

    def _abandoned_enabled(self) -> None:
        self.abandoned_action.setEnabled(self.selected_slot() is not None)

    def open_abandoned_calls(self):
        """Open the abandoned calls of the selected interval (the queues shown) in a window of their own."""
        from app.domain.intervals import INTERVAL_SECONDS
        from app.ui.service_level.abandoned_dialog import AbandonedCallsDialog

        view, slot = self.table_model.view, self.selected_slot()
        if view is None or slot is None:
            return None
        start = datetime.fromtimestamp(slot.start, timezone.utc)
        queues = None if set(view.queues) == set(view.all_queues) else view.queues
        previous = getattr(self, "abandoned_dialog", None)
        if previous is not None:
            previous.close()
            previous.deleteLater()
        dialog = AbandonedCallsDialog(self.context, view.source, start, start + timedelta(seconds=INTERVAL_SECONDS),
                                      queues, view.timezone, self)
        dialog.follow_up_created.connect(self.follow_up_created)
        self.abandoned_dialog = dialog
        dialog.show()
        dialog.load()
        return dialog

    # --- per-queue settings ---------------------------------------------------------------
    def open_what_if(self):
        """Take agents off the phones (what if), and the best slot for a meeting, on the day and queues shown."""
        from app.ui.service_level.what_if_dialog import WhatIfDialog

        view = self.current
        if view is None:
            return None
        now = self.context.now()
        local = now.astimezone(ZoneInfo(view.timezone))  # the site's clock, the day shown is the site's
        start = local.time() if view.day == local.date() else None
        if start is not None:
            start = start.replace(minute=(start.minute // 5) * 5, second=0, microsecond=0)
        dialog = WhatIfDialog(self.context, view.source, view.day, view.queues, view.timezone, start, self)
        self.what_if_dialog = dialog
        dialog.open()
        return dialog

    def open_queue_settings(self):
        from app.ui.feeds.queue_settings_dialog import QueueSettingsDialog

        if self.current is None:
            return None
        source = next((s for s in getattr(self, "sources", ()) if s.name == self.current.source), None)
        if source is None:
            return None
        dialog = QueueSettingsDialog(self.context, source, self.current.all_queues, self)
        dialog.applied.connect(self._settings_applied)
        dialog.open()
        self.queue_settings_dialog = dialog
        return dialog

    def _settings_applied(self, source) -> None:
        self.sources = tuple(source if s.name == source.name else s for s in self.sources)
        self._staffing_at = None  # a new threshold or target: the staffing is read again at once
        self.refresh()

    # --- export -------------------------------------------------------------------------
    def export(self, path: str | None = None) -> str | None:
        if self.current is None:
            return None
        if path is None:
            suggested = f"{self.current.source}-{self.current.day.isoformat()}.xlsx"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the table"), suggested, self.tr("Excel workbook (*.xlsx);;CSV (*.csv)")
            )
            if not path:
                return None
        from app.services.access import exported
        from app.services.exports import export_day

        view, titles, total = self.current, self.table_model.titles(), self.tr("Total")
        self.context.runner.run(
            exported, self.context.console, export_day, view, path, titles, total,
            on_done=lambda p: self.context.status(self.tr("Exported to {path}").format(path=p)),
            on_error=self._failed,
        )
        return path


def _staffing(console, source: str, day, now, queues):
    """Required vs staffed agents of the day (services.staffing); None when the site cannot tell (no shifts, no
    handle times): the panel says so, the rest of the view is shown."""
    from app.domain.errors import AppError
    from app.services import staffing

    try:
        return staffing.staffing_day(console, source, day, now, queues)
    except AppError:
        return None


def _table(model, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(22)
    table.horizontalHeader().setStretchLastSection(False)
    # Columns are sized to their contents once (see _fit_columns), not on every live update:
    # measuring every cell again costs tens of milliseconds per refresh.
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return table


