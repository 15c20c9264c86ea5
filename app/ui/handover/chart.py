"""A small chart of the outgoing shift's service level per half hour, for the handover's step 5.

Bars: service level in percent per half hour (red below target, green at or
above; an interval without a figure has no bar); the target as a dashed
line. Drawn from the snapshot's intervals, so a signed handover shows the
chart as it was signed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

ABOVE = QColor("#2e7d32")
BELOW = QColor("#d62728")
TARGET = QColor("#c0392b")


class HandoverChart(pg.PlotWidget):
    """State: the bars and the target line drawn (`shown` keeps the values, for tests)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("handover_sl_chart")
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.showGrid(x=False, y=True, alpha=0.3)
        self.setYRange(0, 100, padding=0.02)
        self.shown: list[tuple[str, float | None, bool]] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setLabel("left", QCoreApplication.translate("HandoverChart", "SL %"))

    def show_intervals(self, intervals: Sequence[Mapping], target: float) -> None:
        """Draw `intervals` (snapshot dicts with label, service_level, below_target) against `target`."""
        self.clear()
        self.shown = [(i["label"], i["service_level"], bool(i["below_target"])) for i in intervals]
        xs = [n for n, (_, sl, _) in enumerate(self.shown) if sl is not None]
        if xs:
            heights = [self.shown[n][1] for n in xs]
            brushes = [pg.mkBrush(BELOW if self.shown[n][2] else ABOVE) for n in xs]
            self.addItem(pg.BarGraphItem(x=xs, height=heights, width=0.7, brushes=brushes, pen=pg.mkPen(None)))
        if self.shown:
            self.addItem(pg.InfiniteLine(pos=target, angle=0,
                                         pen=pg.mkPen(TARGET, width=1.5, style=Qt.PenStyle.DashLine)))
            step = max(1, len(self.shown) // 8)
            ticks = [(n, label) for n, (label, _, _) in enumerate(self.shown) if n % step == 0]
            self.getAxis("bottom").setTicks([ticks])
            self.setXRange(-0.6, len(self.shown) - 0.4, padding=0)
        self.setYRange(0, 100, padding=0.02)
