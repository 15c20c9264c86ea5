"""The map's graphics items: a zone (tinted rectangle with its name) and a seat (code, agent, team colour).

Items only draw what they are given; the scene decides what a seat shows.
In the layout editor items move (snapped to the grid) and are selected with
a rubber band; in assignment mode they stay put and take drops.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from app.domain.seating import GRID, SEAT_H, SEAT_W, Seat, Zone, ZoneKind

SEAT_TYPE = QGraphicsItem.UserType + 1
ZONE_TYPE = QGraphicsItem.UserType + 2
LABEL_H = 24.0

# What every seat paints with, made once: a seat's paint runs for each of hundreds of seats whenever their
# cached pixmaps are redrawn (first paint, zoom, fit, resize), and building these (and OR-ing the enum flags,
# which runs Python code) each time was most of its cost.
_SEAT_BOUNDS = QRectF(-2, -2, SEAT_W + 4, SEAT_H + 4)
_SEAT_RECT = QRectF(0, 0, SEAT_W, SEAT_H)
_STRIPE_RECT = QRectF(0, 0, 6, SEAT_H)
_CODE_RECT = QRectF(8, 2, SEAT_W - 10, 14)
_TEXT_RECT = QRectF(8, 16, SEAT_W - 10, SEAT_H - 18)
_CODE_FLAGS = Qt.AlignmentFlag.AlignLeft
_TEXT_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
_NO_TEAM = "#9aa5b1"
_OUT_BRUSH = QBrush(QColor("#d5d5d5"), Qt.BrushStyle.BDiagPattern)
_FREE_BRUSH = QBrush(QColor("#ffffff"))
_PEN = QPen(QColor("#5b6770"), 1.2)
_CONFLICT_PEN = QPen(QColor("#c62828"), 3)
_HIGHLIGHT_PEN = QPen(QColor("#ff9800"), 4)
_SELECTED_PEN = QPen(QColor("#1f6feb"), 3)
_CODE_COLOUR = QColor("#37474f")
_TEXT_COLOUR = QColor("#111111")
_CONFLICT_COLOUR = QColor("#b00020")


@lru_cache(maxsize=256)
def _team_colour(colour: str) -> QColor:
    return QColor(colour)


@lru_cache(maxsize=256)
def _team_brush(colour: str) -> QBrush:
    return QBrush(QColor(colour).lighter(150))


_seat_fonts: list[tuple[QFont, QFont, QFont]] = []  # (the painter's font, the code's, the agent's)


def _fonts(base: QFont) -> tuple[QFont, QFont]:
    """The seat code's and the agent's font: `base` (the painter's) at 6.5 and 8 points."""
    for known, code, text in _seat_fonts:
        if known == base:
            return code, text
    code, text = QFont(base), QFont(base)
    code.setPointSizeF(6.5)
    text.setPointSizeF(8)
    del _seat_fonts[:-7]  # the view's font, a print's, another language's: a handful at most
    _seat_fonts.append((QFont(base), code, text))
    return code, text


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
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # a big antialiased shape, drawn once

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

    def boundingRect(self) -> QRectF:  # Qt override: asked for each seat several times a paint
        return _SEAT_BOUNDS

    def show(self, names: tuple[str, ...], ids: tuple[int, ...], colour: str | None, conflict: bool) -> None:
        if (names, ids, colour, conflict) != (self.agent_names, self.agent_ids, self.team_colour, self.conflict):
            self.agent_names, self.agent_ids, self.team_colour, self.conflict = names, ids, colour, conflict
            self.update()

    def set_highlight(self, on: bool) -> None:
        if on != self.highlight:
            self.highlight = on
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:  # Qt override
        out = self.seat.out_of_service is not None
        colour = self.team_colour or _NO_TEAM
        if out:
            painter.setBrush(_OUT_BRUSH)
        elif self.agent_names:
            painter.setBrush(_team_brush(colour))
        else:
            painter.setBrush(_FREE_BRUSH)
        pen = _PEN
        if self.conflict:
            pen = _CONFLICT_PEN
        elif self.highlight:
            pen = _HIGHLIGHT_PEN
        elif self.isSelected():
            pen = _SELECTED_PEN
        painter.setPen(pen)
        painter.drawRoundedRect(_SEAT_RECT, 5, 5)
        if self.agent_names and not out:
            painter.fillRect(_STRIPE_RECT, _team_colour(colour))
        code_font, text_font = _fonts(painter.font())
        painter.setFont(code_font)
        painter.setPen(_CODE_COLOUR)
        painter.drawText(_CODE_RECT, _CODE_FLAGS, self.seat.code)
        painter.setFont(text_font)
        painter.setPen(_CONFLICT_COLOUR if self.conflict else _TEXT_COLOUR)
        text = self.out_text if out else " / ".join(self.agent_names)
        painter.drawText(_TEXT_RECT, _TEXT_FLAGS, text)

    def itemChange(self, change, value):  # Qt override
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            return QPointF(snap(value.x()), snap(value.y()))
        return super().itemChange(change, value)
