"""The map's graphics items: a zone (tinted rectangle with its name) and a seat (code, agent, team colour).

Items only draw what they are given; the scene decides what a seat shows.
In the layout editor items move (snapped to the grid) and are selected with
a rubber band; in assignment mode they stay put and take drops.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from app.domain.seating import GRID, SEAT_H, SEAT_W, Seat, Zone, ZoneKind

SEAT_TYPE = QGraphicsItem.UserType + 1
ZONE_TYPE = QGraphicsItem.UserType + 2
LABEL_H = 24.0


def snap(value: float) -> float:
    return round(value / GRID) * GRID


class ZoneItem(QGraphicsObject):
    """State: the Zone value shown (position is the item's pos; size from the value)."""

    def __init__(self, zone: Zone) -> None:
        super().__init__()
        self.zone = zone
        self.setZValue(-10)
        self.setPos(zone.x, zone.y)
        self.label = zone.name

    def type(self) -> int:  # Qt override
        return ZONE_TYPE

    def boundingRect(self) -> QRectF:  # Qt override: the name sits just above the rectangle
        return QRectF(0, -LABEL_H, self.zone.width, self.zone.height + LABEL_H)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # Qt override
        colour = QColor(self.zone.colour)
        fill = QColor(colour)
        fill.setAlpha(70)
        painter.setBrush(QBrush(fill))
        pen = QPen(colour.darker(130), 2, Qt.PenStyle.DashLine if self.zone.kind is ZoneKind.KEPT_APART else Qt.PenStyle.SolidLine)
        if self.isSelected():
            pen = QPen(QColor("#1f6feb"), 3)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(0, 0, self.zone.width, self.zone.height), 6, 6)
        painter.setPen(colour.darker(180))
        font = QFont(painter.font())
        font.setPointSizeF(11)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(4, -LABEL_H, self.zone.width - 8, LABEL_H - 2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.label)

    def itemChange(self, change, value):  # Qt override
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            return QPointF(snap(value.x()), snap(value.y()))
        return super().itemChange(change, value)


class SeatItem(QGraphicsObject):
    """State: the Seat value, and what it shows now: agent name, team colour, conflict, highlight."""

    def __init__(self, seat: Seat) -> None:
        super().__init__()
        self.seat = seat
        self.agent_names: tuple[str, ...] = ()
        self.agent_ids: tuple[int, ...] = ()
        self.team_colour: str | None = None
        self.conflict = False
        self.highlight = False
        self.out_text = ""
        self.setPos(seat.x, seat.y)
        self.setTransformOriginPoint(SEAT_W / 2, SEAT_H / 2)
        self.setRotation(seat.rotation)
        self.setAcceptDrops(True)
        self.setZValue(1)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def type(self) -> int:  # Qt override
        return SEAT_TYPE

    def boundingRect(self) -> QRectF:  # Qt override
        return QRectF(-2, -2, SEAT_W + 4, SEAT_H + 4)

    def show(self, names: tuple[str, ...], ids: tuple[int, ...], colour: str | None, conflict: bool) -> None:
        if (names, ids, colour, conflict) != (self.agent_names, self.agent_ids, self.team_colour, self.conflict):
            self.agent_names, self.agent_ids, self.team_colour, self.conflict = names, ids, colour, conflict
            self.update()

    def set_highlight(self, on: bool) -> None:
        if on != self.highlight:
            self.highlight = on
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:  # Qt override
        rect = QRectF(0, 0, SEAT_W, SEAT_H)
        out = self.seat.out_of_service is not None
        if out:
            painter.setBrush(QBrush(QColor("#d5d5d5"), Qt.BrushStyle.BDiagPattern))
        elif self.agent_names:
            painter.setBrush(QBrush(QColor(self.team_colour or "#9aa5b1").lighter(150)))
        else:
            painter.setBrush(QBrush(QColor("#ffffff")))
        pen = QPen(QColor("#5b6770"), 1.2)
        if self.conflict:
            pen = QPen(QColor("#c62828"), 3)
        elif self.highlight:
            pen = QPen(QColor("#ff9800"), 4)
        elif self.isSelected():
            pen = QPen(QColor("#1f6feb"), 3)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 5, 5)
        if self.agent_names and not out:
            painter.fillRect(QRectF(0, 0, 6, SEAT_H), QColor(self.team_colour or "#9aa5b1"))
        font = QFont(painter.font())
        font.setPointSizeF(6.5)
        painter.setFont(font)
        painter.setPen(QColor("#37474f"))
        painter.drawText(QRectF(8, 2, SEAT_W - 10, 14), Qt.AlignmentFlag.AlignLeft, self.seat.code)
        font.setPointSizeF(8)
        painter.setFont(font)
        painter.setPen(QColor("#b00020") if self.conflict else QColor("#111111"))
        text = self.out_text if out else " / ".join(self.agent_names)
        painter.drawText(QRectF(8, 16, SEAT_W - 10, SEAT_H - 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, text)

    def itemChange(self, change, value):  # Qt override
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            return QPointF(snap(value.x()), snap(value.y()))
        return super().itemChange(change, value)
