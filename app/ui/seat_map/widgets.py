"""The map's graphics view (zoom, pan, drags from seats) and the list of agents not seated (a drag source)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDrag, QPainter
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGraphicsView, QListWidget

from app.ui.seat_map.scene import SEAT_MIME, agent_mime, seat_mime

AGENT_ROLE = Qt.ItemDataRole.UserRole + 1


class MapView(QGraphicsView):
    """State: where a press started (to tell a click from a drag), the zoom factor."""

    context_requested = Signal(object, object)  # SeatItem or None, global position
    delete_pressed = Signal()
    rotate_pressed = Signal()

    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("seat_map_view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAcceptDrops(True)
        self._press = None
        self.auto_fit = True  # the floor fills the view until the supervisor zooms
        self.set_editing(False)

    def set_editing(self, on: bool) -> None:
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if on else QGraphicsView.DragMode.ScrollHandDrag)

    def zoom(self, factor: float) -> None:
        self.auto_fit = False
        scale = self.transform().m11() * factor
        if 0.15 <= scale <= 6:
            self.scale(factor, factor)

    def fit(self) -> None:
        self.auto_fit = True
        if not self.scene().sceneRect().isEmpty():
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # Qt override: a floor shown before the view had its size
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def wheelEvent(self, event) -> None:  # Qt override: Ctrl+wheel zooms, the wheel scrolls
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        if event.key() == Qt.Key.Key_R:
            self.rotate_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.2)
            return
        if event.key() == Qt.Key.Key_Minus:
            self.zoom(1 / 1.2)
            return
        super().keyPressEvent(event)

    # A seat's agent is dragged to another seat (swap) or to the list (unseat) in assignment mode.
    def mousePressEvent(self, event) -> None:  # Qt override
        scene = self.scene()
        seat = scene.seat_at(self.mapToScene(event.position().toPoint()))
        if not scene.editing and event.button() == Qt.MouseButton.LeftButton and seat is not None and seat.agent_ids:
            self._press = (event.position().toPoint(), seat)
        else:
            self._press = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # Qt override
        if self._press is not None:
            start, seat = self._press
            if (event.position().toPoint() - start).manhattanLength() >= QApplication.startDragDistance():
                self._press = None
                drag = QDrag(self)
                drag.setMimeData(seat_mime(seat.seat.id))
                drag.exec(Qt.DropAction.MoveAction)
                return
        super().mouseMoveEvent(event)

    def contextMenuEvent(self, event) -> None:  # Qt override
        seat = self.scene().seat_at(self.mapToScene(event.pos()))
        self.context_requested.emit(seat, event.globalPos())


class UnseatedList(QListWidget):
    """The agents expected on the floor without a seat; drag one onto a seat, or drop a seat's agent here."""

    seat_dropped = Signal(int)  # the seat whose agent is unseated

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("unseated")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def startDrag(self, actions) -> None:  # Qt override
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(agent_mime(item.data(AGENT_ROLE)))
        drag.exec(Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event) -> None:  # Qt override
        event.setAccepted(event.mimeData().hasFormat(SEAT_MIME))

    def dragMoveEvent(self, event) -> None:  # Qt override
        event.setAccepted(event.mimeData().hasFormat(SEAT_MIME))

    def dropEvent(self, event) -> None:  # Qt override
        mime = event.mimeData()
        if mime.hasFormat(SEAT_MIME):
            self.seat_dropped.emit(int(bytes(mime.data(SEAT_MIME)).decode()))
            event.acceptProposedAction()
        else:
            event.ignore()
