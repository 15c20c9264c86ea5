"""Every view and dialog of the screenshots, on the Chinese demo: no visible text of the interface is still English.

The walk is the one `--screenshots` makes (app.ui.screenshots.render_all): each time it takes a picture, the
texts the supervisor sees in that window are gathered — labels, buttons, check boxes, group and tab titles,
table headers, placeholders, the menu bar, the window title — and every English word in them is a finding,
except the abbreviations and names on ALLOWED and data inside a text (paths, URLs, codes such as a playbook's
key). Data such as agents' and queues' names are in table cells and lists, which are not read here.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton, QGroupBox, QLabel, QLineEdit, QMainWindow, QPlainTextEdit, QTabBar, QTableView, QTextEdit, QWidget,
)

from app.services.lane import InlineLane
from app.ui.app import DesktopApp
from app.ui.screenshots import render_all

# Abbreviations a Chinese floor uses as they are, the feed and product names, units, file names.
ALLOWED = {
    "SL", "ASA", "AHT", "PIN", "ACD", "CRM", "IVR", "PDF", "Excel", "CSV", "SHA", "UTC", "VIP", "IT", "KB", "OK",
    "Ctrl", "Alt", "Shift", "Del", "Delete", "Enter", "Right", "Left", "Up", "Down", "Home", "Space", "Backspace", "Esc",
    "demo", "acd", "sqlite", "tmp", "xlsx", "yaml", "yml", "txt", "csv", "log", "queue", "Asterisk", "FreePBX",
    "Anonymous", "Bank", "Erlang", "Noto", "Sans", "SC", "GB", "Qt", "PostgreSQL", "SQLite", "README", "WAV",
    "Etc", "INC",  # a time-zone name (Etc/UTC); a ticket number written in a note (INC-4411)
    "playbook", "callback",  # tags the program writes on an entry (codes, like the playbook's key beside them)
}
# Data inside a text, not words: paths and URLs, and codes such as a playbook's key (acd-login-failure).
DATA = re.compile(r"\S*[/\\]\S*|\b[a-z0-9]+(?:-[a-z0-9]+)+\b")
WORD = re.compile(r"[A-Za-z]{3,}")
TAG = re.compile(r"<[^>]+>|&[a-z]+;")


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of what a supervisor reads in `top`, beside the data."""
    found = [("title", top.windowTitle())]
    if isinstance(top, QMainWindow):
        found += [("menu", a.text()) for a in top.menuBar().actions()]
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisibleTo(top) and w is not top:
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QLabel):
            found.append((name, TAG.sub(" ", w.text())))
        elif isinstance(w, QAbstractButton):
            found.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QTabBar):
            found += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            found.append((name, w.placeholderText()))
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            found.append((name, w.placeholderText()))
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            found += [(name, str(model.headerData(c, _horizontal()) or "")) for c in range(model.columnCount())]
    return found


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def english(text: str) -> list[str]:
    return [word for word in WORD.findall(DATA.sub(" ", text.replace("&", ""))) if word not in ALLOWED]


@pytest.mark.usefixtures("_data_dir")
def test_every_screen_of_the_chinese_demo_is_in_chinese(qapp, tmp_path, monkeypatch):
    app = DesktopApp(None, "zh_CN", settings_path=tmp_path / "s.ini", lane=InlineLane(), scheduled=False)
    findings: dict[str, set[str]] = {}
    original = QWidget.grab

    def grab_and_read(widget, *args):
        for where, text in visible_texts(widget):
            words = english(text)
            if words:
                findings.setdefault(f"{where}: {text.strip()[:90]}", set()).update(words)
        return original(widget, *args)

    try:
        app.start()
        app.load_demo()
        app.wait_idle()
        monkeypatch.setattr(QWidget, "grab", grab_and_read)
        shots = render_all(app, tmp_path / "shots")
        assert len(shots) >= 20
    finally:
        monkeypatch.undo()
        app.translators.switch("en")  # the tests after this one read the English words
        app.close()
    assert findings == {}
