"""The wallboard: the Now figures full screen, in type readable across the floor. Esc closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.domain.floor import FloorNow
from app.ui.now.tiles import Tile, tiles_for

KEYS = ("waiting", "service_level", "needed", "agents", "paused", "abandoned")


class Wallboard(QWidget):
    """State: the big tiles and the heading."""

    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("wallboard")
        self.setStyleSheet("QWidget#wallboard { background: #fbfbf8; }")
        self.heading = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        font = QFont()
        font.setPointSize(28)
        font.setBold(True)
        self.heading.setFont(font)
        self.tiles = {key: Tile(key, scale=2.6) for key in KEYS}
        grid = QGridLayout()
        for i, key in enumerate(KEYS):
            grid.addWidget(self.tiles[key], i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        self.setWindowTitle(self.tr("Wallboard"))

    def resizeEvent(self, event) -> None:  # Qt override: type readable across the room, never cut
        super().resizeEvent(event)
        size = event.size()
        heading = self.heading.font()
        heading.setPixelSize(max(16, size.height() // 18))
        self.heading.setFont(heading)
        for tile in self.tiles.values():
            tile.fit(size.width() // 3 - 24, (size.height() - size.height() // 12) // 2 - 24)

    def show_now(self, now: FloorNow) -> None:
        for text in tiles_for(now):
            self.tiles[text.key].show_text(text)
        self.heading.setText(self.tr("{source} · {time}").format(source=now.source, time=now.at.strftime("%H:%M")))

    def closeEvent(self, event) -> None:  # Qt override
        self.closed.emit()
        super().closeEvent(event)
