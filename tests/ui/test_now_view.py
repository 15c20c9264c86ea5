"""The Now panel and the wallboard on a hand-made queue_log whose figures are worked out in tests/services/test_floor.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from app.services.console import Console
from app.services.lane import InlineLane
from app.ui.app import DesktopApp
from tests.services.test_floor import NOW, agent_lines, call_lines, import_lines


def open_window(qapp, tmp_path, url):
    app = DesktopApp(url, "en", settings_path=tmp_path / "settings.ini", lane=InlineLane(), scheduled=False)
    app.context.clock = lambda: NOW
    app.start()
    app.window.show_view("now")
    return app


def test_now_tiles_and_agents(qapp, tmp_path, sqlite_url):
    with Console.open(sqlite_url) as console:
        import_lines(console, tmp_path, agent_lines() + call_lines())
    app = open_window(qapp, tmp_path, sqlite_url)
    now = app.window.now
    tiles = {key: (t.value.text(), t.detail.text()) for key, t in now.tiles.items()}
    assert tiles["waiting"] == ("2", "oldest 4:00")
    assert tiles["agents"] == ("9", "2 on a call · 3 available · 4 paused")
    assert tiles["paused"] == ("4", "lunch 2, meeting 1, training 1")
    assert tiles["service_level"] == ("42.9 %", "▼ below the target of 80 %")
    assert tiles["abandoned"] == ("28.6 %", "2 of 7 calls")
    assert tiles["needed"][0] == "97.3 %" and "about 15 calls to come" in tiles["needed"][1]
    model = now.agents
    rows = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    assert rows[0] == ["SIP/ann", "paused", "lunch", "10:00"]  # paused for ten minutes at 10:10
    assert ["SIP/dan", "on a call", "", "5:00"] in rows
    board = now.open_wallboard()
    assert board.isFullScreen() or board.isVisible()
    assert board.tiles["service_level"].value.text() == "42.9 %"
    board.showNormal()
    board.resize(1920, 1080)  # a floor screen
    qapp.processEvents()
    big = QFontMetrics(board.tiles["service_level"].value.font()).height()
    assert big > 2 * QFontMetrics(now.tiles["service_level"].value.font()).height()
    assert QFontMetrics(board.tiles["service_level"].value.font()).horizontalAdvance("100.0 %") < 1920 / 3
    board.close()
    assert now.wallboard is None
    app.close()


def test_now_in_chinese(qapp, tmp_path, sqlite_url):
    with Console.open(sqlite_url) as console:
        import_lines(console, tmp_path, agent_lines() + call_lines())
    app = open_window(qapp, tmp_path, sqlite_url)
    app.translators.switch("zh_CN")
    qapp.processEvents()
    now = app.window.now
    assert now.tiles["waiting"].title.text() == "当前排队"
    assert now.agents.headerData(0, Qt.Orientation.Horizontal) == "坐席"
    app.translators.switch("en")
    app.close()
