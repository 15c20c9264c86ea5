"""The window driven as a supervisor would: empty state, the demo, views, language, remembered state."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics, QFont

from app.cli import main as cli_main
from app.ui.app import DesktopApp
from app.services.lane import InlineLane
from tests.ui.conftest import NOW


def test_empty_database_shows_the_welcome_and_loads_the_demo(desktop, qtbot):
    window = desktop.window
    assert window.current_view_id() == "welcome"
    assert window.welcome.demo_button.text() == "Load the demo"
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.current_view_id() == "service_level"
    assert [s.name for s in window.sources] == ["demo-acd"]
    assert window.nav.item(0).isHidden()
    view = window.service_level.current
    assert view.day == NOW.date() and view.source == "demo-acd"
    assert "demo.sqlite3" in window.db_label.text()


def _cli_report(capsys, url, day):
    assert cli_main(["report", "intervals", "--source", "demo-acd", "--date", day, "--queue", "*",
                     "--format", "json", "--db", url]) == 0
    return json.loads(capsys.readouterr().out)


def test_chart_and_table_show_the_figures_of_the_report(desktop, capsys):
    window = desktop.window
    window.load_demo()
    sl = window.service_level
    offered, levels, below = sl.chart.arrays()
    report = _cli_report(capsys, desktop.context.console.db.url.replace("***", ""), NOW.date().isoformat())
    by_time = {r["interval_start"][11:16]: r for r in report}
    assert len(offered) == 48
    for i, slot in enumerate(sl.current.slots):
        row = by_time.get(slot.label)
        if row is None:
            assert np.isnan(offered[i]) and np.isnan(levels[i])  # not covered: a gap
            continue
        assert offered[i] == row["offered"]
        assert (np.isnan(levels[i]) and row["service_level"] is None) or levels[i] == pytest.approx(row["service_level"])
    assert below == [i for i, s in enumerate(sl.current.slots) if s.service_level is not None and s.service_level < 80]
    # The real 10:30 of 4 January 1999: 97 offered, 37 answered within 20 s.
    model = sl.table_model
    row = [s.label for s in sl.current.slots].index("10:30")
    cells = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert cells[:8] == ["10:30", "97", "88", "9", "0", "0", "37", "38.1"]
    total = [model.data(model.index(model.rowCount() - 1, c)) for c in range(3)]
    assert total == ["Total", str(sum(r["offered"] for r in report)), str(sum(r["answered"] for r in report))]
    # 11:00 is in progress at 11:15: provisional, marked in the table.
    assert sl.current.slots[22].provisional and model.data(model.index(22, 0)) == "11:00 *"


def test_day_navigation_and_unknown_days(desktop):
    window = desktop.window
    window.load_demo()
    sl = window.service_level
    sl.set_day(NOW.date().replace(day=26))
    assert sl.current.day.isoformat() == "2026-11-26" and not sl.current.covered
    offered, levels, _ = sl.chart.arrays()
    assert np.isnan(offered).all() and np.isnan(levels).all()
    assert "No data for this day." in sl.title.text()
    window.actions[__import__("app.ui.actions", fromlist=["ActionId"]).ActionId.NEXT_DAY].trigger()
    assert sl.current.day == NOW.date() and sl.current.covered


def test_queue_choice_combines_queues_by_volume(desktop):
    window = desktop.window
    window.load_demo()
    sl = window.service_level
    all_total = sl.current.total
    sl.set_queues(("PS",))
    ps = sl.current.total
    sl.set_queues(("NE", "PS"))
    both = sl.current.total
    sl.set_queues(("NE",))
    ne = sl.current.total
    assert both.offered == ps.offered + ne.offered < all_total.offered
    assert both.answered_within == ps.answered_within + ne.answered_within
    assert sl.queue_button.text() == "NE"


def test_week_and_definitions_tabs(desktop):
    window = desktop.window
    window.load_demo()
    sl = window.service_level
    sl.tabs.setCurrentIndex(1)
    week = sl.week_model
    assert week.rowCount() == 7 and week.columnCount() == 48
    assert week.headerData(6, Qt.Orientation.Vertical).startswith("11-27")
    ten_thirty = [s.label for s in sl.current.slots].index("10:30")
    assert week.data(week.index(6, ten_thirty)) == "38"
    assert week.data(week.index(0, ten_thirty)) == ""  # a week ago: no data
    sl.tabs.setCurrentIndex(2)
    d = sl.definitions_model
    row = ten_thirty
    assert [d.data(d.index(row, c)) for c in range(9)] == ["10:30", "97", "88", "37", "5", "38.1", "42.0", "40.2", "43.3"]


def test_export_csv_and_xlsx(desktop, tmp_path):
    from openpyxl import load_workbook

    window = desktop.window
    window.load_demo()
    sl = window.service_level
    sl.export(str(tmp_path / "day.csv"))
    sl.export(str(tmp_path / "day.xlsx"))
    lines = (tmp_path / "day.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Interval,Offered,Answered")
    assert any(line.startswith("10:30,97,88,9,0,0,37,") for line in lines)
    assert lines[-1].startswith("Total,")
    sheet = load_workbook(tmp_path / "day.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:3] == ("Interval", "Offered", "Answered")
    assert ("10:30", 97, 88, 9) in [r[:4] for r in rows]
    assert rows[-1][0] == "Total"


def test_switching_to_chinese_translates_the_window(desktop, qapp):
    window = desktop.window
    window.load_demo()
    desktop.translators.switch("zh_CN")
    qapp.processEvents()  # Qt posts LanguageChange to every window
    assert window.windowTitle() == "交接班控制台"
    assert window.nav.item(1).text() == "服务水平"
    assert window.service_level.tabs.tabText(2) == "各口径对照"
    assert window.service_level.table_model.headerData(1, Qt.Orientation.Horizontal) == "呼入"
    desktop.translators.switch("en")
    qapp.processEvents()
    assert window.windowTitle() == "Shift Handover Console"


def test_the_shipped_font_draws_chinese(desktop, qapp):
    family = desktop.font_family  # registered from resources/fonts, not the system's
    assert family and family in QFontDatabase.families()
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "交接班服务水平呼入李伟")
    assert family in qapp.font().families()


def test_geometry_splitters_and_last_view_are_remembered(qapp, tmp_path, sqlite_url):
    settings = tmp_path / "settings.ini"
    first = DesktopApp(sqlite_url, "en", settings_path=settings, lane=InlineLane(), scheduled=False)
    first.start()
    first.load_demo()
    least = first.window.minimumSizeHint()  # a size the window can take (the bars above the views count)
    height = max(517, least.height() + 7)
    first.window.resize(731, height)  # within the offscreen screen, or restoring clamps it
    first.window.splitter.setSizes([150, 581])
    qapp.processEvents()
    nav_width = first.window.splitter.sizes()[0]
    size = (first.window.size().width(), first.window.size().height())
    first.window.show_view("service_level")
    first.close()
    assert QSettings(str(settings), QSettings.Format.IniFormat).value("window/last_view") == "service_level"
    second = DesktopApp(sqlite_url, "en", settings_path=settings, lane=InlineLane(), scheduled=False)
    second.start()
    qapp.processEvents()
    assert (second.window.size().width(), second.window.size().height()) == size
    assert size[1] == height
    assert second.window.splitter.sizes()[0] == nav_width
    assert second.window.current_view_id() == "service_level"
    second.close()


def test_models_pass_qtmodeltester(desktop, qtmodeltester):
    window = desktop.window
    window.load_demo()
    sl = window.service_level
    sl.tabs.setCurrentIndex(1)
    qtmodeltester.check(sl.table_model)
    qtmodeltester.check(sl.definitions_model)
    qtmodeltester.check(sl.week_model)


def test_hover_text_and_last_week_overlay(desktop, capsys):
    window = desktop.window
    window.load_demo()
    sl = window.service_level
    ten_thirty = [s.label for s in sl.current.slots].index("10:30")
    text = sl.chart.describe(ten_thirty)
    assert text.splitlines()[:4] == [
        "10:30 (closed)", "Offered 97, answered 88, abandoned 9", "Answered within T: 37", "Service level: 38.1 %"
    ]
    # The demo's ACD reloads at midnight: the night before the first call is known to be quiet, not unknown.
    assert sl.chart.describe(0).splitlines()[:2] == ["00:00 (closed)", "Offered 0, answered 0, abandoned 0"]
    assert sl.chart.describe(22).startswith("11:00 (in progress)") and "Waiting now:" in sl.chart.describe(22)
    sl.compare_box.setChecked(True)
    assert sl.chart.previous is not None and sl.chart.previous.day.isoformat() == "2026-11-20"
    # The demo holds the same weekday a week earlier: its service level is drawn as the ghost line, as reported.
    x, y = sl.chart.ghost.getData()
    report = _cli_report(capsys, desktop.context.console.db.url.replace("***", ""), "2026-11-20")
    by_time = {r["interval_start"][11:16]: r["service_level"] for r in report}
    assert len(report) == len(x) == 48
    for i, slot in enumerate(sl.current.slots):
        level = by_time[slot.label]
        assert (np.isnan(y[i]) and level is None) or y[i] == pytest.approx(level)
    assert np.isfinite(y).sum() == 35 and y[ten_thirty] == pytest.approx(100 * 32 / 84)
    _, today, _ = sl.chart.arrays()
    both = np.isfinite(today) & np.isfinite(y)
    assert (int(both.sum()), int(np.sum(both & (today != y)))) == (10, 8)  # a week earlier is not today again
    # Issue 11: the forecast of calls (the same weekday of the four weeks before) is drawn for every half hour.
    window.show_view("service_level")
    sl.refresh()
    desktop.wait_idle()
    forecast, _ = sl.chart.staffing_arrays()
    assert len(forecast) == 48 and np.isfinite(forecast).all() and forecast[ten_thirty] == 89.5
    fx, fy = sl.chart.forecast.getData()
    assert len(fx) == 48 and list(fy) == list(forecast)


def test_no_key_is_bound_twice_where_both_could_fire(desktop):
    """A window-wide shortcut and a view's own on the same key make Qt fire neither ("ambiguous")."""
    from collections import defaultdict

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QShortcut

    window = desktop.window
    window_wide, views = defaultdict(list), defaultdict(list)
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if key.isEmpty():
                continue
            target = window_wide if action.shortcutContext() in (Qt.ShortcutContext.WindowShortcut,
                                                                  Qt.ShortcutContext.ApplicationShortcut) else views
            target[key.toString()].append(action.objectName())
    for shortcut in window.findChildren(QShortcut):
        views[shortcut.key().toString()].append(shortcut.parent().objectName() or type(shortcut.parent()).__name__)
    clashes = {k: (window_wide[k], views.get(k)) for k in window_wide if len(window_wide[k]) > 1 or k in views}
    assert clashes == {}
    assert "Ctrl+S" in views and "Ctrl+S" not in window_wide


def test_a_second_console_on_the_same_sqlite_file_is_refused_in_words(qapp, tmp_path):
    from app.services.lane import InlineLane
    from app.ui.app import DesktopApp
    from tests.storage.test_desk_lock import another_console

    path = tmp_path / "floor.sqlite3"
    with another_console(path) as other:
        app = DesktopApp(f"sqlite:///{path}", "en", settings_path=tmp_path / "s.ini", lane=InlineLane(),
                         scheduled=False)
        try:
            app.start()
            box = app.window.open_error_box
            assert box.isVisible() and box.windowTitle() == "The database cannot be opened"
            assert box.text().startswith(f"{path.resolve()} is open in another console (computer ")
            assert f"process {other.pid}" in box.text() and "PostgreSQL" in box.text()
            assert app.context.console is None
            box.close()
        finally:
            app.close()
