"""Required and staffed agents per half hour, under the service-level chart.

One plot sharing the day chart's half hours: the agents the traffic needs
(Erlang C at the queues' threshold and target; a dark step line), the agents
on the phones from the shift sheet (present, minus breaks, lunches, training
and meetings; a green step line) and the agents the feed saw logged in
(grey dots). A half hour with fewer agents on the phones than required (the
feed's logged-in agents where it saw any, else the sheet's) is filled red
from there up to the required line (colour and a hatched pattern, not colour
alone). Later half hours use the forecast: the same weekday's half
hour over the last four weeks, special days left out. A line of text under
the plot names the understaffed half hours.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

REQUIRED = QColor("#34495e")
STAFFED = QColor("#1b7f3b")
LOGGED_IN = QColor("#7f7f7f")
SHORT = QColor(214, 39, 40, 110)


def _steps(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x and y of a step line over half-hour slots centred on 0, 1, 2... (NaN breaks it)."""
    n = len(values)
    x = np.repeat(np.arange(n, dtype=float), 2) + np.tile([-0.5, 0.5], n)
    return x, np.repeat(values, 2)


class StaffingPanel(QWidget):
    """State: the staffing day shown. `arrays()` gives what is drawn (for tests): required, staffed, logged in
    per slot (NaN: unknown) and the understaffed slots."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("staffing_panel")
        self.day = None
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setObjectName("staffing_plot")
        plot = self.plot_widget.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        from app.ui.service_level.chart import AXIS_LEFT, AXIS_RIGHT

        plot.getAxis("left").setWidth(AXIS_LEFT)  # the half hours under the service-level chart's
        plot.showAxis("right")
        plot.getAxis("right").setWidth(AXIS_RIGHT)
        plot.getAxis("right").setStyle(showValues=False)
        self.legend = plot.addLegend(offset=(8, 4), colCount=4)
        self.short = pg.BarGraphItem(x=[], height=[], y0=[], width=1.0,
                                     brush=QBrush(SHORT, Qt.BrushStyle.BDiagPattern), pen=pg.mkPen(SHORT, width=1))
        self.short_fill = pg.BarGraphItem(x=[], height=[], y0=[], width=1.0, brush=QColor(214, 39, 40, 45),
                                          pen=pg.mkPen(None))
        self.required = pg.PlotDataItem([], [], pen=pg.mkPen(REQUIRED, width=2.2), connect="finite")
        self.staffed = pg.PlotDataItem([], [], pen=pg.mkPen(STAFFED, width=2.2), connect="finite")
        self.logged_in = pg.ScatterPlotItem([], [], symbol="o", size=6, brush=LOGGED_IN, pen=pg.mkPen(None))
        for item in (self.short_fill, self.short, self.required, self.staffed, self.logged_in):
            plot.addItem(item)
        self.summary = QLabel(objectName="staffing_summary", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.summary)
        self.plot_widget.scene().sigMouseMoved.connect(self._mouse_moved)
        self.retranslate()

    def retranslate(self) -> None:
        plot = self.plot_widget.getPlotItem()
        plot.setLabel("left", QCoreApplication.translate("StaffingPanel", "Agents"))
        self.legend.clear()
        self.legend.addItem(self.required, QCoreApplication.translate("StaffingPanel", "required (Erlang C)"))
        self.legend.addItem(self.staffed, QCoreApplication.translate("StaffingPanel", "staffed (shift sheet)"))
        self.legend.addItem(self.logged_in, QCoreApplication.translate("StaffingPanel", "logged in (feed)"))
        self.legend.addItem(self.short, QCoreApplication.translate("StaffingPanel", "short"))
        if self.day is not None:
            self.show_staffing(self.day)

    # --- drawing ------------------------------------------------------------------------
    def show_staffing(self, day) -> None:
        """Draw a services.staffing.StaffingDay (None: nothing known, the panel says why)."""
        self.day = day
        plot = self.plot_widget.getPlotItem()
        if day is None or not day.slots:
            for item in (self.required, self.staffed):
                item.setData([], [])
            self.logged_in.setData([], [])
            self.short.setOpts(x=[], height=[], y0=[])
            self.short_fill.setOpts(x=[], height=[], y0=[])
            self.summary.setText(QCoreApplication.translate("StaffingPanel", "No staffing to compare: the site needs shifts with a roster and calls with "
                                     "handle times."))
            return
        required, staffed, logged, short = self.arrays()
        n = len(day.slots)
        x = np.arange(n, dtype=float)
        self.required.setData(*_steps(required)) if np.isfinite(required).any() else self.required.setData([], [])
        self.staffed.setData(*_steps(staffed)) if np.isfinite(staffed).any() else self.staffed.setData([], [])
        seen = np.isfinite(logged)
        self.logged_in.setData(x[seen], logged[seen])
        phones = np.array([float("nan") if s.on_phones is None else float(s.on_phones) for s in day.slots])
        gap = required[short] - phones[short]
        self.short.setOpts(x=x[short], height=gap, y0=phones[short])
        self.short_fill.setOpts(x=x[short], height=gap, y0=phones[short])
        stacked = np.concatenate([v[np.isfinite(v)] for v in (required, staffed, logged)] or [np.array([0.0])])
        top = float(stacked.max()) if stacked.size else 0.0
        plot.setYRange(0, max(5.0, top * 1.15), padding=0)
        plot.setXRange(-0.6, n - 0.4, padding=0)
        ticks = [(i, s.label) for i, s in enumerate(day.slots) if s.label.endswith(":00") and int(s.label[:2]) % 2 == 0]
        plot.getAxis("bottom").setTicks([ticks])
        self.summary.setText(self.describe_day(day, short))

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
        day = self.day
        nan = float("nan")
        required = np.array([nan if s.required is None else float(s.required) for s in day.slots])
        staffed = np.array([nan if s.staffed is None else float(s.staffed) for s in day.slots])
        logged = np.array([nan if s.logged_in is None else float(s.logged_in) for s in day.slots])
        short = [i for i, s in enumerate(day.slots) if s.understaffed]
        return required, staffed, logged, short

    @staticmethod
    def describe_day(day, short: list[int]) -> str:
        threshold = QCoreApplication.translate("StaffingPanel", "Required for {target:.0f} % within {threshold:.0f} s").format(
            target=day.target * 100, threshold=day.threshold_s)
        patience = (QCoreApplication.translate("StaffingPanel", "callers wait {seconds:.0f} s on average before hanging up (from the feed)").format(
            seconds=day.patience_s) if day.patience_s is not None else QCoreApplication.translate("StaffingPanel", "no abandons to estimate patience"))
        if not short:
            gaps = QCoreApplication.translate("StaffingPanel", "no half hour understaffed")
        else:
            parts = [f"{day.slots[i].label} (−{math.ceil(day.slots[i].required - day.slots[i].on_phones - 1e-9)})"
                     for i in short]
            gaps = QCoreApplication.translate("StaffingPanel", "understaffed: {slots}").format(slots=", ".join(parts))
        return " · ".join((threshold, patience, gaps))

    def describe(self, i: int) -> str:
        s = self.day.slots[i]
        num = lambda v, fmt="{:.1f}": "–" if v is None else fmt.format(v)  # noqa: E731
        lines = [
            QCoreApplication.translate("StaffingPanel", "{time} ({kind})").format(time=s.label, kind=QCoreApplication.translate("StaffingPanel", "forecast") if s.future else QCoreApplication.translate("StaffingPanel", "actual")),
            QCoreApplication.translate("StaffingPanel", "Calls {calls} (forecast {forecast}), AHT {aht} s").format(
                calls=num(s.calls, "{:.0f}"), forecast=num(s.forecast_calls, "{:.0f}"), aht=num(s.aht_s, "{:.0f}")),
            QCoreApplication.translate("StaffingPanel", "Required {required}, staffed {staffed}, logged in {logged}").format(
                required=num(s.required, "{:.0f}"), staffed=num(s.staffed), logged=num(s.logged_in)),
            QCoreApplication.translate("StaffingPanel", "Expected service level {expected}, actual {actual}").format(
                expected=num(None if s.expected_sl is None else s.expected_sl * 100, "{:.1f} %"),
                actual=num(None if s.actual_sl is None else s.actual_sl * 100, "{:.1f} %")),
        ]
        if s.abandon_rate is not None:
            lines.append(QCoreApplication.translate("StaffingPanel", "Expected abandons {rate}").format(rate=num(s.abandon_rate * 100, "{:.1f} %")))
        return "\n".join(lines)

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        if self.day is None or not self.day.slots:
            return
        point = self.plot_widget.getPlotItem().vb.mapSceneToView(scene_pos)
        i = int(math.floor(point.x() + 0.5))
        if 0 <= i < len(self.day.slots):
            widget = self.plot_widget
            QToolTip.showText(widget.mapToGlobal(widget.mapFromScene(scene_pos).toPoint()), self.describe(i), widget)
