"""Required vs staffed agents in the real window on the demo: the panel under the service-level chart, the
what-if dialog, the advice for the pre-shift meeting, and the agents short around each shift change."""

from __future__ import annotations

import math
from datetime import timedelta

import numpy as np
from PySide6.QtCore import QTime, Qt

from app.services import staffing
from app.ui.handover_quality.model import COLUMNS
from tests.ui.conftest import NOW


def _demo(desktop):
    window = desktop.window
    window.load_demo()
    window.show_view("service_level")
    window.service_level.refresh()
    desktop.wait_idle()
    return window


def test_the_panel_draws_the_services_figures(desktop, tmp_path):
    window = _demo(desktop)
    view = window.service_level
    day = staffing.staffing_day(desktop.context.console, view.current.source, NOW.date(), NOW, view.current.queues)
    panel = view.staffing_panel
    required, staffed, logged, short = panel.arrays()
    assert len(required) == len(view.current.slots) == len(day.slots)
    assert [None if math.isnan(v) else v for v in required] == [s.required for s in day.slots]
    assert [None if math.isnan(v) else v for v in staffed] == [s.staffed for s in day.slots]
    assert [None if math.isnan(v) else v for v in logged] == [s.logged_in for s in day.slots]
    assert short == [i for i, s in enumerate(day.slots) if s.understaffed]
    assert short, "the demo's morning has understaffed half hours"
    first = day.slots[short[0]]
    assert f"{first.label} (−{math.ceil(first.required - first.on_phones - 1e-9)})" in panel.summary.text()
    assert "Required for 80 % within 20 s" in panel.summary.text()
    # The hatched part of a short half hour runs from the agents on the phones up to the required ones.
    heights = panel.short.opts["height"]
    assert list(np.round(heights, 6)) == [round(day.slots[i].required - day.slots[i].on_phones, 6) for i in short]
    tip = panel.describe(short[0])
    assert f"Required {first.required}" in tip and first.label in tip
    # The chart: the service level expected with today's staffing drawn only for the half hours to come.
    forecast, expected = view.chart.staffing_arrays()
    assert all(math.isnan(e) for e, s in zip(expected, day.slots) if not s.future)
    window.grab().save(str(tmp_path / "staffing.png"))


def test_what_if_shows_before_and_after_and_the_best_slot(desktop, qtbot):
    window = _demo(desktop)
    view = window.service_level
    dialog = view.open_what_if()
    assert dialog.objectName() == "what_if_dialog"
    dialog.agents.setValue(4)
    dialog.start.setTime(QTime(10, 0))
    dialog.minutes.setValue(45)
    qtbot.mouseClick(dialog.compute, Qt.MouseButton.LeftButton)
    desktop.wait_idle()
    c = desktop.context.console
    start = NOW.replace(hour=10, minute=0)
    expected = staffing.what_if(c, view.current.source, NOW.date(), NOW, 4, start, 45, view.current.queues)
    assert dialog.results == expected and len(expected) == 2
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["10:00", "10:30"]
    assert all(r.after_sl <= r.before_sl for r in expected) and any(r.after_sl < r.before_sl for r in expected)
    change = (expected[0].after_sl - expected[0].before_sl) * 100
    assert dialog.table.item(0, 4).text() == ("0.0" if abs(change) < 0.05 else f"{change:+.1f}")
    assert "4 agents off the phones for 45 min" in dialog.summary.text()
    dialog.window_from.setTime(QTime(8, 0))
    dialog.window_to.setTime(QTime(11, 0))
    dialog.slot_minutes.setValue(15)
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    desktop.wait_idle()
    best = staffing.meeting_slot(c, view.current.source, NOW.date(), NOW, 4, 15, NOW.replace(hour=8, minute=0),
                                 NOW.replace(hour=11, minute=0), view.current.queues)
    assert dialog.slot == best is not None
    assert dialog.slot_text.text().startswith(f"Best: {best.start:%H:%M}–{best.end:%H:%M} with 4 agents off")
    dialog.close()


def test_the_agenda_says_when_to_hold_the_meeting(desktop, qtbot):
    window = _demo(desktop)
    window.show_view("meetings")
    desktop.wait_idle()
    panel = window.meetings.agenda
    advice = panel.advice
    assert advice is not None and panel.slot_advice.isVisibleTo(window)
    assert advice.end <= panel.agenda.shift_start
    assert panel.slot_advice.text().startswith(f"Least damage to the service level: {advice.start:%H:%M}–")
    length = advice.end - advice.start
    assert length == panel.agenda.meeting_end - panel.agenda.meeting_start
    # A longer meeting: the advice for the old length goes, and comes back for the new one.
    panel.set_minutes(0, panel.agenda.parts[0].minutes + 10)
    assert panel.advice is None and not panel.slot_advice.isVisibleTo(window)
    qtbot.waitUntil(lambda: panel.advice is not None, timeout=5000)
    desktop.wait_idle()
    advice = panel.advice
    assert advice.end - advice.start == length + timedelta(minutes=10) and advice.end <= panel.agenda.shift_start
    qtbot.mouseClick(panel.use_slot_button, Qt.MouseButton.LeftButton)
    assert panel.agenda.meeting_start.astimezone(advice.start.tzinfo).strftime("%H:%M") == f"{advice.start:%H:%M}"
    assert not panel.warning.isVisible()  # it fits before the shift
    assert not panel.use_slot_button.isEnabled()  # already there


def test_handover_quality_shows_the_agents_short_around_each_change(desktop):
    window = _demo(desktop)
    window.show_view("handover_quality")
    view = window.handover_quality
    view.refresh()
    desktop.wait_idle()
    column = COLUMNS.index("short")
    assert view.model.headerData(column, Qt.Orientation.Horizontal) == "Agents short"
    rows = [view.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(view.model.rowCount())]
    shown = [view.model.index(r, column).data() for r in range(view.model.rowCount())]
    for row, text in zip(rows, shown):
        short = getattr(row, "understaffing", None)
        assert text == ("" if short is None else f"{short:.1f}")
    assert any(row.understaffing for row in rows)  # the demo's history has changes with agents short
