"""The day chart: offered calls as bars, service level as a line against its target.

Left axis: calls offered per half hour (bars; the provisional current slot
hatched, with its waiting calls stacked on top). Right axis: service level
in percent, with the target as a dashed line; intervals below target get a
red downward triangle (colour and shape, not colour alone). Unknown
intervals are gaps in the line and have no bar. An optional grey line
shows the same weekday one week earlier.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QToolTip

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.day_view import DayView

BAR = QColor("#5b8def")
BAR_PROVISIONAL = QColor("#b7ccf7")
WAITING = QColor("#f0a030")
LINE = QColor("#1b7f3b")
TARGET = QColor("#c0392b")
BELOW = QColor("#d62728")
GHOST = QColor("#999999")
AXIS_LEFT, AXIS_RIGHT = 62, 54  # pixels



class ServiceLevelChart(pg.PlotWidget):
    """State: the day shown, the right-hand view box of the SL axis, the items drawn.

    `arrays()` returns what is drawn, for tests: offered per slot (NaN for
    unknown), service level per slot (NaN for unknown), below-target slots.
    """

    slot_hovered = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.view: DayView | None = None
        self.previous: DayView | None = None
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showAxis("right")
        # Fixed axis widths: the staffing panel below lines its half hours up under these.
        plot.getAxis("left").setWidth(AXIS_LEFT)
        plot.getAxis("right").setWidth(AXIS_RIGHT)
        self.sl_box = pg.ViewBox()
        plot.scene().addItem(self.sl_box)
        plot.getAxis("right").linkToView(self.sl_box)
        self.sl_box.setXLink(plot)
        self.sl_box.setYRange(0, 105, padding=0)
        self.sl_box.setMouseEnabled(x=False, y=False)
        plot.vb.sigResized.connect(self._sync_boxes)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=BAR, pen=pg.mkPen(None))
        self.provisional = pg.BarGraphItem(x=[], height=[], width=0.8, brush=QBrush(BAR_PROVISIONAL, Qt.BrushStyle.Dense4Pattern), pen=pg.mkPen(BAR, width=1))
        self.waiting = pg.BarGraphItem(x=[], height=[], y0=[], width=0.8, brush=WAITING, pen=pg.mkPen(None))
        plot.addItem(self.bars)
        plot.addItem(self.provisional)
        plot.addItem(self.waiting)
        self.sl_line = pg.PlotDataItem([], [], pen=pg.mkPen(LINE, width=2.5), symbol="o", symbolSize=5, symbolBrush=LINE, symbolPen=None, connect="finite")
        self.ghost = pg.PlotDataItem([], [], pen=pg.mkPen(GHOST, width=1.5, style=Qt.PenStyle.DashLine), connect="finite")
        self.below = pg.ScatterPlotItem([], [], symbol="t", size=12, brush=BELOW, pen=pg.mkPen("w"))
        self.target = pg.InfiniteLine(angle=0, pen=pg.mkPen(TARGET, width=1.5, style=Qt.PenStyle.DashLine))
        # The staffing forecast (services.staffing): calls expected per half hour as a dotted line on the calls
        # axis, and the service level expected with the staffing on the sheet as a dash-dot line.
        self.forecast = pg.PlotDataItem([], [], pen=pg.mkPen(BAR, width=1.6, style=Qt.PenStyle.DotLine),
                                        connect="finite")
        plot.addItem(self.forecast)
        self.expected = pg.PlotDataItem([], [], pen=pg.mkPen(LINE, width=1.6, style=Qt.PenStyle.DashDotLine),
                                        connect="finite")
        self.staffing = None
        for item in (self.ghost, self.expected, self.sl_line, self.below, self.target):
            self.sl_box.addItem(item)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.retranslate()

    def retranslate(self) -> None:
        plot = self.getPlotItem()
        plot.setLabel("left", QCoreApplication.translate("ServiceLevelChart", "Calls offered"))
        plot.setLabel("right", QCoreApplication.translate("ServiceLevelChart", "Service level %"))

    def _sync_boxes(self) -> None:
        self.sl_box.setGeometry(self.getPlotItem().vb.sceneBoundingRect())

    def show_day(self, view: DayView, previous: DayView | None = None) -> None:
        self.view, self.previous = view, previous
        n = len(view.slots)
        x = np.arange(n, dtype=float)
        offered = self._offered(view)
        done = [i for i, s in enumerate(view.slots) if s.figures is not None and not s.provisional]
        now = [i for i, s in enumerate(view.slots) if s.figures is not None and s.provisional]
        self.bars.setOpts(x=x[done], height=offered[done])
        self.provisional.setOpts(x=x[now], height=offered[now])
        waiting = np.array([view.slots[i].figures.waiting or 0 for i in now], dtype=float)
        self.waiting.setOpts(x=x[now], height=waiting, y0=offered[now])
        sl = self._sl(view)
        known = np.isfinite(sl)
        # An all-unknown day draws nothing (and keeps pyqtgraph from taking the range of no values).
        self.sl_line.setData(x, sl) if known.any() else self.sl_line.setData([], [])
        low = [i for i, s in enumerate(view.slots) if s.below_target]
        self.below.setData(x[low], sl[low])
        self.target.setPos(view.target_percent)
        if previous is not None and len(previous.slots) == n and np.isfinite(self._sl(previous)).any():
            self.ghost.setData(x, self._sl(previous))
        else:
            self.ghost.setData([], [])
        plot = self.getPlotItem()
        heights = offered.copy()
        heights[now] += waiting
        top = float(np.nanmax(heights)) if np.isfinite(heights).any() else 0.0
        plot.setYRange(0, max(10.0, top * 1.15), padding=0)
        plot.setXRange(-0.6, n - 0.4, padding=0)
        ticks = [(i, s.label) for i, s in enumerate(view.slots) if s.label.endswith(":00") and int(s.label[:2]) % 2 == 0]
        plot.getAxis("bottom").setTicks([ticks])
        self._sync_boxes()

    def show_staffing(self, staffing) -> None:
        """The forecast calls and the expected service level of a services.staffing.StaffingDay (None: cleared)."""
        self.staffing = staffing
        if staffing is None or self.view is None or len(staffing.slots) != len(self.view.slots):
            self.forecast.setData([], [])
            self.expected.setData([], [])
            return
        forecast, expected = self.staffing_arrays()
        x = np.arange(len(staffing.slots), dtype=float)
        self.forecast.setData(x, forecast) if np.isfinite(forecast).any() else self.forecast.setData([], [])
        self.expected.setData(x, expected) if np.isfinite(expected).any() else self.expected.setData([], [])
        if np.isfinite(forecast).any():
            plot = self.getPlotItem()
            low, high = plot.vb.viewRange()[1]
            plot.setYRange(0, max(high, float(np.nanmax(forecast)) * 1.15), padding=0)

    def staffing_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Forecast calls and expected service level (percent) per slot, NaN where unknown (for tests)."""
        nan = float("nan")
        slots = self.staffing.slots
        forecast = np.array([nan if s.forecast_calls is None else float(s.forecast_calls) for s in slots])
        # The service level expected with the staffing on the sheet, for the half hours still to come (what has
        # passed has its actual line).
        expected = np.array([nan if s.expected_sl is None or not s.future else float(s.expected_sl) * 100
                             for s in slots])
        return forecast, expected

    @staticmethod
    def _offered(view: DayView) -> np.ndarray:
        return np.array([np.nan if s.figures is None else float(s.figures.offered or 0) for s in view.slots])

    @staticmethod
    def _sl(view: DayView) -> np.ndarray:
        return np.array([np.nan if s.service_level is None else s.service_level for s in view.slots])

    def arrays(self) -> tuple[np.ndarray, np.ndarray, list[int]]:
        view = self.view
        return self._offered(view), self._sl(view), [i for i, s in enumerate(view.slots) if s.below_target]

    def slot_at(self, scene_pos: QPointF) -> int | None:
        if self.view is None:
            return None
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        i = int(math.floor(point.x() + 0.5))
        return i if 0 <= i < len(self.view.slots) else None

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        i = self.slot_at(scene_pos)
        if i is None:
            return
        self.slot_hovered.emit(i)
        QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos).toPoint()), self.describe(i), self)

    def describe(self, i: int) -> str:
        s = self.view.slots[i]
        if s.figures is None:
            return QCoreApplication.translate("ServiceLevelChart", "{time}: no data").format(time=s.label)
        f = s.figures
        num = lambda v, fmt="{:.0f}": "–" if v is None else fmt.format(v)  # noqa: E731
        lines = [
            QCoreApplication.translate("ServiceLevelChart", "{time} ({state})").format(time=s.label, state=QCoreApplication.translate("ServiceLevelChart", "in progress") if s.provisional else QCoreApplication.translate("ServiceLevelChart", "closed")),
            QCoreApplication.translate("ServiceLevelChart", "Offered {n}, answered {a}, abandoned {b}").format(n=num(f.offered), a=num(f.answered), b=num(f.abandoned)),
            QCoreApplication.translate("ServiceLevelChart", "Answered within T: {n}").format(n=num(f.answered_within)),
            QCoreApplication.translate("ServiceLevelChart", "Service level: {sl}").format(sl=num(s.service_level, "{:.1f} %")),
            QCoreApplication.translate("ServiceLevelChart", "ASA {asa} s, AHT {aht} s, longest wait {mx} s").format(
                asa=num(f.asa_seconds), aht=num(f.aht_seconds), mx=num(f.max_wait_seconds)
            ),
        ]
        if s.provisional:
            lines.append(QCoreApplication.translate("ServiceLevelChart", "Waiting now: {n}").format(n=num(f.waiting)))
        return "\n".join(lines)
