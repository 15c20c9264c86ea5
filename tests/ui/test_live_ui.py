"""The live demo feed in the window: the clock moves on, lines are appended and polled, and the
chart, the table, the Now panel and the status bar follow."""

from __future__ import annotations

from datetime import timedelta

from tests.ui.conftest import NOW


def test_new_lines_reach_the_chart_the_now_panel_and_the_status_bar(desktop):
    window = desktop.window
    window.load_demo()
    live = window.live
    assert live.plan[0] == ("demo-acd",) and live.plan[1].endswith("queue_log")
    sl, now_view = window.service_level, window.now
    window.show_view("now")
    live.poll_now()  # nothing new at 11:15
    label = live.labels["demo-acd"]
    assert "demo-acd: live, last data 11:1" in label.text() and "#ffbf00" not in label.styleSheet()
    offered_before = sl.current.total.offered
    eleven = [s.label for s in sl.current.slots].index("11:00")
    assert sl.current.slots[eleven].provisional
    waiting_before = now_view.current.waiting
    # Half an hour later: the demo feed grows, the poll stores the lines, the views refresh.
    desktop.context.clock = lambda: NOW + timedelta(minutes=30)
    live.poll_now()
    result = live.results["demo-acd"]
    assert result.changed and result.lines_read > 0 and result.new > 0
    assert sl.current.total.offered > offered_before
    assert not sl.current.slots[eleven].provisional and sl.current.slots[eleven + 1].provisional
    offered, _, _ = sl.chart.arrays()
    assert offered[eleven] == sl.current.slots[eleven].figures.offered > 0
    assert now_view.current.at == NOW + timedelta(minutes=30)
    assert (now_view.current.waiting, now_view.current.today.offered) != (waiting_before, offered_before)
    assert "last data 11:4" in label.text()
    # No new data for longer than the stale limit (5 minutes by default): said in words and amber.
    desktop.context.clock = lambda: NOW + timedelta(minutes=30)
    live.results["demo-acd"] = result
    text, stale = live.feed_state("demo-acd", now=NOW + timedelta(minutes=50))
    assert stale and text.startswith("demo-acd: stale, last data 11:4")
    desktop.context.clock = lambda: NOW + timedelta(minutes=50)
    live.update_labels()
    assert label.text().startswith("⚠ demo-acd: stale") and "#ffbf00" in label.styleSheet()
