"""The map scene: zone and seat items of one floor, what each seat shows, drops and moves.

The scene turns user gestures into facts (signals): an agent dropped on a
seat, a seat's agent dropped on another seat, items moved or rotated in the
layout editor. The view decides what to do with them (service calls through
undoable commands).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from app.domain.seating import FloorLayout, SeatMap
from app.ui.seat_map.items import SEAT_TYPE, SeatItem, ZoneItem

AGENT_MIME = "application/x-handover-agent"
SEAT_MIME = "application/x-handover-seat"


def agent_mime(agent_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(AGENT_MIME, str(agent_id).encode())
    return data


def seat_mime(seat_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(SEAT_MIME, str(seat_id).encode())
    return data


class SeatMapScene(QGraphicsScene):
    """State: the floor shown, its items by id, the edit mode, the out-of-service word."""

    agent_dropped = Signal(int, int)  # agent id, seat id
    seat_dropped = Signal(int, int)  # from seat id, to seat id
    items_moved = Signal(object, object)  # {seat id: (x, y)}, {zone id: (x, y)}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackgroundBrush(QColor("#f4f6f8"))
        self.layout: FloorLayout | None = None
        self.seats: dict[int, SeatItem] = {}
        self.zones: dict[int, ZoneItem] = {}
        self.editing = False
        self.out_word = "out of service"
        self._pressed: dict[int, QPointF] = {}

    # --- building ---------------------------------------------------------------------------
    def show_layout(self, layout: FloorLayout) -> None:
        """Rebuild the items when the floor or its layout changed (seat contents are set by show_map)."""
        if self.layout == layout:
            return
        self.clear()
        self.seats, self.zones = {}, {}
        self.layout = layout
        for zone in layout.zones:
            item = ZoneItem(zone)
            self.addItem(item)
            self.zones[zone.id] = item
        for seat in layout.seats:
            item = SeatItem(seat)
            item.out_text = self.out_word
            self.addItem(item)
            self.seats[seat.id] = item
        self.set_editing(self.editing)
        rect = self.itemsBoundingRect().adjusted(-60, -60, 60, 60)
        self.setSceneRect(rect)

    def show_map(self, seat_map: SeatMap, names: dict[int, str]) -> None:
        """Each seat shows its agents (name, team colour) and whether it is in a conflict."""
        agents = {a.id: a for a in seat_map.agents}
        colours = dict(seat_map.team_colours)
        by_seat: dict[int, list[int]] = {}
        for pair in seat_map.assignments:
            by_seat.setdefault(pair.seat_id, []).append(pair.agent_id)
        in_conflict = {s for c in seat_map.conflicts for s in c.seat_ids}
        for seat_id, item in self.seats.items():
            ids = tuple(sorted(by_seat.get(seat_id, ())))
            first = agents.get(ids[0]) if ids else None
            colour = colours.get(first.team_id) if first is not None and first.team_id is not None else None
            item.show(tuple(names.get(i, "?") for i in ids), ids, colour, seat_id in in_conflict)

    def set_out_word(self, word: str) -> None:
        self.out_word = word
        for item in self.seats.values():
            item.out_text = word
            item.update()

    def set_editing(self, on: bool) -> None:
        """Editor: seats and zones move and are selected; assignment: seats are selected (to find, to act on)."""
        self.editing = on
        for item in list(self.seats.values()) + list(self.zones.values()):
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, on)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, on)  # so moves snap to the grid
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, on or item.type() == SEAT_TYPE)

    def seat_at(self, pos: QPointF) -> SeatItem | None:
        for item in self.items(pos):
            if item.type() == SEAT_TYPE:
                return item
        return None

    # --- drops (assignment) ---------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # Qt override
        mime = event.mimeData()
        event.setAccepted(mime.hasFormat(AGENT_MIME) or mime.hasFormat(SEAT_MIME))

    def dragMoveEvent(self, event) -> None:  # Qt override
        seat = self.seat_at(event.scenePos())
        event.setAccepted(seat is not None and seat.seat.out_of_service is None)

    def dropEvent(self, event) -> None:  # Qt override
        seat = self.seat_at(event.scenePos())
        mime = event.mimeData()
        if seat is None:
            event.ignore()
            return
        if mime.hasFormat(AGENT_MIME):
            self.agent_dropped.emit(int(bytes(mime.data(AGENT_MIME)).decode()), seat.seat.id)
        elif mime.hasFormat(SEAT_MIME):
            source = int(bytes(mime.data(SEAT_MIME)).decode())
            if source != seat.seat.id:
                self.seat_dropped.emit(source, seat.seat.id)
        event.acceptProposedAction()

    # --- moves (layout editor) -------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # Qt override
        super().mousePressEvent(event)
        if self.editing:
            self._pressed = {id(i): i.pos() for i in self.selectedItems()}

    def mouseReleaseEvent(self, event) -> None:  # Qt override
        super().mouseReleaseEvent(event)
        if not self.editing or not self._pressed:
            return
        seats, zones = {}, {}
        for item in self.selectedItems():
            before = self._pressed.get(id(item))
            if before is None or before == item.pos():
                continue
            if isinstance(item, SeatItem):
                seats[item.seat.id] = (item.pos().x(), item.pos().y())
            elif isinstance(item, ZoneItem):
                zones[item.zone.id] = (item.pos().x(), item.pos().y())
        self._pressed = {}
        if seats or zones:
            self.items_moved.emit(seats, zones)
