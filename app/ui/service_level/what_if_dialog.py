"""What if agents go off the phones: the expected service level before and after, and the least damaging slot.

"Take N agents off the phones from HH:MM for M minutes" gives, for each half
hour it touches, the calls expected, the service level expected with the
staffing on the sheet and with N fewer for the overlap (services.staffing.
what_if). Below, the best slot in a window for a meeting or a team huddle:
the start with the fewest calls expected to miss the threshold additionally
(services.staffing.meeting_slot).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QTimeEdit, QVBoxLayout)

from app.ui.errors import describe


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def _points(value: float) -> str:
    """A change in points, signed; one that rounds to nothing is 0.0 (never −0.0)."""
    return "0.0" if abs(value) < 0.05 else f"{value:+.1f}"


class WhatIfDialog(QDialog):
    """State: the source, day and queues asked about; the last results shown."""

    def __init__(self, context, source: str, day, queues, timezone: str, start: time | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("what_if_dialog")
        self.context, self.source, self.day, self.queues = context, source, day, tuple(queues)
        self.tz = ZoneInfo(timezone)
        self.results = ()
        self.slot = None
        self.agents = QSpinBox(objectName="what_if_agents", minimum=1, maximum=500, value=3)
        self.start = QTimeEdit(objectName="what_if_start", displayFormat="HH:mm")
        self.start.setTime(QTime((start or time(10, 0)).hour, (start or time(10, 0)).minute))
        self.minutes = QSpinBox(objectName="what_if_minutes", minimum=5, maximum=480, value=30, singleStep=5)
        self.compute = QPushButton(objectName="what_if_compute", default=True)
        self.compute.clicked.connect(self.run_what_if)
        self.table = QTableWidget(0, 5, objectName="what_if_table")
        self.table.verticalHeader().hide()
        self.summary = QLabel(objectName="what_if_summary", wordWrap=True)
        self.window_from = QTimeEdit(objectName="slot_from", displayFormat="HH:mm")
        self.window_to = QTimeEdit(objectName="slot_to", displayFormat="HH:mm")
        self.window_from.setTime(QTime(8, 0))
        self.window_to.setTime(QTime(11, 0))
        self.slot_minutes = QSpinBox(objectName="slot_minutes", minimum=5, maximum=240, value=15, singleStep=5)
        self.find = QPushButton(objectName="slot_find")
        self.find.clicked.connect(self.run_best_slot)
        self.slot_text = QLabel(objectName="slot_text", wordWrap=True)
        self.error = QLabel(objectName="what_if_error", wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        self.labels = {k: QLabel() for k in ("agents", "start", "minutes", "from", "to", "slot_minutes")}
        self.labels["agents"].setBuddy(self.agents)
        self.labels["start"].setBuddy(self.start)
        self.labels["minutes"].setBuddy(self.minutes)
        self.labels["from"].setBuddy(self.window_from)
        self.labels["slot_minutes"].setBuddy(self.slot_minutes)
        self.what_box, self.slot_box = QGroupBox(), QGroupBox()
        form = QFormLayout()
        form.addRow(self.labels["agents"], self.agents)
        form.addRow(self.labels["start"], self.start)
        form.addRow(self.labels["minutes"], self.minutes)
        box = QVBoxLayout(self.what_box)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(self.compute)
        box.addLayout(row)
        box.addWidget(self.table, 1)
        box.addWidget(self.summary)
        slot_form = QFormLayout()
        window = QHBoxLayout()
        window.addWidget(self.window_from)
        window.addWidget(self.labels["to"])
        window.addWidget(self.window_to)
        slot_form.addRow(self.labels["from"], window)
        slot_form.addRow(self.labels["slot_minutes"], self.slot_minutes)
        sbox = QVBoxLayout(self.slot_box)
        srow = QHBoxLayout()
        srow.addLayout(slot_form, 1)
        srow.addWidget(self.find)
        sbox.addLayout(srow)
        sbox.addWidget(self.slot_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what_box, 1)
        layout.addWidget(self.slot_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("What if agents go off the phones — {source}, {day}").format(
            source=self.source, day=self.day.isoformat()))
        self.what_box.setTitle(self.tr("Take agents off the phones"))
        self.slot_box.setTitle(self.tr("Best slot for a meeting or a huddle"))
        self.labels["agents"].setText(self.tr("&Agents"))
        self.labels["start"].setText(self.tr("&From"))
        self.labels["minutes"].setText(self.tr("For (&minutes)"))
        self.labels["from"].setText(self.tr("&Between"))
        self.labels["to"].setText(self.tr("and"))
        self.labels["slot_minutes"].setText(self.tr("Meeting (mi&nutes)"))
        self.compute.setText(self.tr("&Show the effect"))
        self.find.setText(self.tr("Find the &best slot"))
        self.table.setHorizontalHeaderLabels([self.tr("Half hour"), self.tr("Calls expected"),
                                              self.tr("SL before"), self.tr("SL after"), self.tr("Change")])

    def _at(self, edit: QTimeEdit) -> datetime:
        t = edit.time().toPython()
        return datetime.combine(self.day, t, tzinfo=self.tz)

    # --- what if -------------------------------------------------------------------------
    def run_what_if(self) -> None:
        from app.services import staffing

        self.error.clear()
        ctx = self.context
        self.context.runner.run(staffing.what_if, ctx.console, self.source, self.day, ctx.now(), self.agents.value(),
                                self._at(self.start), self.minutes.value(), self.queues,
                                on_done=self.show_what_if, on_error=lambda exc: self.error.setText(describe(exc)))

    def show_what_if(self, results) -> None:
        self.results = tuple(results)
        self.table.setRowCount(len(self.results))
        for row, r in enumerate(self.results):
            start = r.start.astimezone(self.tz)
            change = None if r.before_sl is None or r.after_sl is None else r.after_sl - r.before_sl
            cells = (f"{start:%H:%M}", f"{r.calls:.0f}", _pct(r.before_sl), _pct(r.after_sl),
                     "–" if change is None else _points(change * 100))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if not self.results:
            self.summary.setText(self.tr("No half hour with calls expected is touched."))
            return
        calls = sum(r.calls for r in self.results)
        missed = sum(r.calls * (r.before_sl - r.after_sl) for r in self.results
                     if r.before_sl is not None and r.after_sl is not None)
        self.summary.setText(self.tr("{agents} agents off the phones for {minutes} min: about {missed:.1f} more of "
                                     "{calls:.0f} calls expected would wait longer than the threshold.").format(
            agents=self.agents.value(), minutes=self.minutes.value(), missed=missed, calls=calls))

    # --- best slot -----------------------------------------------------------------------
    def run_best_slot(self) -> None:
        from app.services import staffing

        self.error.clear()
        start, end = self._at(self.window_from), self._at(self.window_to)
        if end <= start:
            end += timedelta(days=1)  # a window across midnight
        ctx = self.context
        self.context.runner.run(staffing.meeting_slot, ctx.console, self.source, self.day, ctx.now(),
                                self.agents.value(), self.slot_minutes.value(), start, end, self.queues,
                                on_done=self.show_slot, on_error=lambda exc: self.error.setText(describe(exc)))

    def show_slot(self, slot) -> None:
        self.slot = slot
        if slot is None:
            self.slot_text.setText(self.tr("No slot fits in that window (it must hold the meeting, and calls must be "
                                           "known or forecast)."))
            return
        self.slot_text.setText(self.tr("Best: {start}–{end} with {agents} agents off: about {damage:.1f} more calls "
                                       "would miss the threshold (service level −{drop:.1f} points).").format(
            start=f"{slot.start.astimezone(self.tz):%H:%M}", end=f"{slot.end.astimezone(self.tz):%H:%M}",
            agents=self.agents.value(), damage=abs(slot.damage), drop=abs(slot.sl_drop * 100)))
