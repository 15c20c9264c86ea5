"""The friendly first screen of an empty database: load the demo, or add a feed. No modal dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyStateView(QWidget):
    """No state: two buttons that say what the user wants."""

    view_id = "welcome"
    demo_requested = Signal()
    add_feed_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.heading = QLabel(objectName="heading", alignment=Qt.AlignmentFlag.AlignCenter)
        font = QFont()
        font.setPointSize(18)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QLabel(objectName="body", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.body.setMaximumWidth(620)
        self.demo_button = QPushButton(objectName="load_demo")
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.demo_requested)
        self.feed_button = QPushButton(objectName="add_feed")
        self.feed_button.clicked.connect(self.add_feed_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.feed_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.retranslate()

    def title_text(self) -> str:
        return self.tr("Welcome")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome to the Shift Handover Console"))
        self.body.setText(
            self.tr(
                "There is no call data in this database yet. Load the demo to see a live floor with "
                "today's calls, or add a feed: a file exported by your ACD (call records, an Asterisk "
                "queue_log or an interval report)."
            )
        )
        self.demo_button.setText(self.tr("Load the demo"))
        self.feed_button.setText(self.tr("Add a feed…"))
