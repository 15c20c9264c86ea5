"""The Now panel: the floor's figures this minute, refreshed by itself, and the agents' states."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.domain.floor import AgentStatus, FloorNow
from app.ui.now.tiles import Tile, clock, tiles_for
from app.ui.now.wallboard import Wallboard
from app.ui.settings import POLL_SECONDS

KEYS = ("waiting", "agents", "paused", "service_level", "abandoned", "needed")


class AgentsModel(QAbstractTableModel):
    """State: the FloorNow whose agents are listed (agent, state, reason, for how long)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.now: FloorNow | None = None

    def set_now(self, now: FloorNow) -> None:
        self.beginResetModel()
        self.now = now
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.now is None else len(self.now.agents)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Agent"), self.tr("State"), self.tr("Pause reason"), self.tr("For"))[section]
        return None

    def state_name(self, state: AgentStatus) -> str:
        return {
            AgentStatus.AVAILABLE: self.tr("available"),
            AgentStatus.ON_CALL: self.tr("on a call"),
            AgentStatus.PAUSED: self.tr("paused"),
            AgentStatus.LOGGED_OUT: self.tr("logged out"),
        }[state]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.now is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        a = self.now.agents[index.row()]
        return (a.agent, self.state_name(a.state), a.pause_reason or "",
                clock((self.now.at - a.since).total_seconds()))[index.column()]


class NowView(QWidget):
    """State: the source shown, the last FloorNow, the refresh timer, the wallboard (when open)."""

    view_id = "now"
    refreshed = Signal(object)  # FloorNow

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.current: FloorNow | None = None
        self.wallboard: Wallboard | None = None
        self.source_box = QComboBox(objectName="now_source")
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.source_box.currentTextChanged.connect(lambda _: self.refresh())
        self.wallboard_button = QPushButton(objectName="wallboard")
        self.wallboard_button.clicked.connect(self.open_wallboard)
        self.stamp = QLabel(objectName="stamp")
        bar = QHBoxLayout()
        bar.addWidget(self.source_box)
        bar.addWidget(self.stamp, 1)
        bar.addWidget(self.wallboard_button)
        grid = QGridLayout()
        self.tiles = {key: Tile(key) for key in KEYS}
        for i, key in enumerate(KEYS):
            grid.addWidget(self.tiles[key], i // 3, i % 3)
        self.agents = AgentsModel(self)
        self.table = QTableView(objectName="agents")
        self.table.setModel(self.agents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 2)
        layout.addWidget(self.table, 3)
        self.timer = QTimer(self, interval=1000 * max(2, context.settings.get(POLL_SECONDS)))
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    def title_text(self) -> str:
        return self.tr("Now")

    def retranslate(self) -> None:
        self.wallboard_button.setText(self.tr("Wallboard"))
        self.wallboard_button.setToolTip(self.tr("Full screen for the floor (Esc closes it)"))
        if self.current is not None:
            self._show(self.current)

    def load_sources(self, sources) -> None:
        keep = self.source_box.currentText()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        self.source_box.addItems([s.name for s in sources])
        if keep:
            self.source_box.setCurrentText(keep)
        self.source_box.blockSignals(False)
        self.refresh()
        if not self.timer.isActive():
            self.timer.start()

    def refresh(self) -> None:
        source = self.source_box.currentText()
        if not source:
            return
        from app.services.floor import floor_now

        console, now = self.context.console, self.context.now()
        self.context.runner.run(floor_now, console, source, now, on_done=self._show, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from app.ui.errors import report_error

        self.stamp.setText(report_error(exc))

    def _show(self, now: FloorNow) -> None:
        self.current = now
        for text in tiles_for(now):
            self.tiles[text.key].show_text(text)
        self.agents.set_now(now)
        self.stamp.setText(self.tr("{source} at {time}").format(source=now.source, time=now.at.strftime("%H:%M:%S")))
        if self.wallboard is not None:
            self.wallboard.show_now(now)
        self.refreshed.emit(now)

    def open_wallboard(self) -> Wallboard:
        if self.wallboard is None:
            self.wallboard = Wallboard()
            self.wallboard.closed.connect(self._wallboard_closed)
        if self.current is not None:
            self.wallboard.show_now(self.current)
        self.wallboard.showFullScreen()
        return self.wallboard

    def _wallboard_closed(self) -> None:
        self.wallboard = None
