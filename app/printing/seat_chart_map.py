"""The floor map of the seat chart, painted with QPainter from the values: zones, seats, agents, a legend.

Layout units (app.domain.seating) are scaled to fit the area given, keeping
proportions. Geometry is mapped to device pixels here and text is drawn
unscaled, so point sizes stay true on any device: the agent's name gets the
largest size (at most 11 pt) that fits the seats of the floor, a longer
name shrinks or is cut short on its own seat (the list gives it whole).
Text is upright whatever the seat's turn, inside the largest upright box the
turned seat holds. Hatching is drawn as lines, not a brush pattern, so it
prints the same at any resolution.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from app.domain.seating import SEAT_H, SEAT_W, FloorLayout, Seat, SeatMap, Zone, ZoneKind
from app.printing.document import document_font

NO_TEAM_COLOUR = "#9aa5b1"
CONFLICT = "#c62828"
NAME_MAX_PT, NAME_MIN_PT, LEGEND_PT = 11.0, 4.0, 8.0
SEAT_MAX_MM = 24.0  # the widest a seat is drawn


@dataclass(frozen=True)
class MapStyle:
    """What painting needs besides the values: the font family, team id -> colour, the words (chart_words)."""

    font_family: str
    colours: Mapping[int, str]
    words: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class FloorCounts:
    """The seats of a floor: taken + free + out = total (a seat out of service in use counts as out)."""

    total: int
    taken: int  # seats in service with an agent
    free: int  # seats in service without one
    out: int  # seats out of service
    conflicts: int  # conflicts touching a seat of the floor


def floor_counts(seat_map: SeatMap, layout: FloorLayout) -> FloorCounts:
    ids = {s.id for s in layout.seats}
    used = {p.seat_id for p in seat_map.assignments if p.seat_id in ids}
    out = sum(1 for s in layout.seats if s.out_of_service is not None)
    taken = sum(1 for s in layout.seats if s.out_of_service is None and s.id in used)
    conflicts = sum(1 for c in seat_map.conflicts if ids.intersection(c.seat_ids))
    return FloorCounts(len(layout.seats), taken, len(layout.seats) - out - taken, out, conflicts)


def chart_font(font_family: str, points: float, bold: bool = False) -> QFont:
    """document_font without ligatures too: an "fl" glyph has no character, the PDF would read "con#ict"."""
    font = document_font(font_family, points)
    font.setFeature(QFont.Tag("liga"), 0)
    font.setBold(bold)
    return font


def _luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def tint(colour: str, amount: float) -> QColor:
    """`colour` mixed with white: `amount` of the colour (1 = the colour itself)."""
    c = QColor(colour)
    return QColor.fromRgbF(1 - (1 - c.redF()) * amount, 1 - (1 - c.greenF()) * amount, 1 - (1 - c.blueF()) * amount)


def ink(colour: str, darkest: float = 0.1) -> QColor:
    """The colour darkened until text in it reads on a light ground (relative luminance at most `darkest`)."""
    c = QColor(colour)
    for _ in range(24):
        if _luminance(c) <= darkest:
            break
        c = c.darker(115)
    return c


def _text_box(rotation: float) -> tuple[float, float]:
    """The largest upright box, of the seat's proportions or turned, that fits a seat turned by `rotation`."""
    a = math.radians(rotation)
    c, s = abs(math.cos(a)), abs(math.sin(a))
    best = (0.0, 0.0)
    for w, h in ((SEAT_W, SEAT_H), (SEAT_H, SEAT_W)):
        k = min(SEAT_W / (w * c + h * s), SEAT_H / (w * s + h * c), 1.0)
        if k * w * k * h > best[0] * best[1]:
            best = (k * w, k * h)
    return best


class _Painter:
    """State: the painter, the device, the units-to-pixels transform and the fonts sized for the floor."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice, seat_map: SeatMap, style: MapStyle) -> None:
        self.p, self.device, self.style, self.map = painter, device, style, seat_map
        self.px = device.logicalDpiY() / 25.4
        self.agents = {a.id: a for a in seat_map.agents}
        self.transform = QTransform()
        self.name_pt = NAME_MAX_PT

    def font(self, points: float, bold: bool = False) -> QFont:
        return chart_font(self.style.font_family, points, bold)

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def size_fonts(self, scale: float) -> None:
        """The floor's name size: two lines (code, name) and a three-character name fit an unturned seat."""
        w, h = SEAT_W * scale * 0.9, SEAT_H * scale * 0.9
        pt = NAME_MAX_PT
        while pt > NAME_MIN_PT:
            name, code = self.font(pt, True), self.font(pt * 0.75)
            if self.metrics(name).height() + self.metrics(code).height() <= h \
                    and self.metrics(name).horizontalAdvance("王秀英") <= w:
                break
            pt -= 0.25
        self.name_pt = pt

    def colour_of(self, agent_id: int) -> str:
        agent = self.agents.get(agent_id)
        if agent is None or agent.team_id is None:
            return NO_TEAM_COLOUR
        return self.style.colours.get(agent.team_id, NO_TEAM_COLOUR)

    def pen(self, colour: QColor | str, mm: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(QColor(colour))
        pen.setWidthF(mm * self.px)
        pen.setStyle(style)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        return pen

    def zone(self, zone: Zone, room: float) -> None:
        """The zone's rectangle and its name, sized (9 pt down to 5) to the `room` above its seats (pixels)."""
        rect = self.transform.mapRect(QRectF(zone.x, zone.y, zone.width, zone.height))
        colour = QColor(zone.colour)
        fill = colour if _luminance(colour) > 0.7 else tint(zone.colour, 0.3)
        dashed = zone.kind is ZoneKind.KEPT_APART
        self.p.setPen(self.pen(colour.darker(150), 0.35, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine))
        self.p.setBrush(fill)
        self.p.drawRoundedRect(rect, 1.5 * self.px, 1.5 * self.px)
        label = zone.name
        if zone.kind is not ZoneKind.NORMAL:
            label += " · " + self.style.words[f"zone.{zone.kind.value}"]
        points = 9.0
        while points > 5 and self.metrics(self.font(points, True)).height() > room - 0.8 * self.px:
            points -= 0.25
        font = self.font(points, True)
        box = rect.adjusted(1.5 * self.px, 0.6 * self.px, -1.5 * self.px, 0)
        self.p.setFont(font)
        self.p.setPen(ink(zone.colour, 0.05))
        text = self.metrics(font).elidedText(label, Qt.TextElideMode.ElideRight, box.width())
        self.p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)

    def seat_polygon(self, seat: Seat) -> QPolygonF:
        cx, cy = seat.centre
        local = QTransform().translate(cx, cy).rotate(seat.rotation).translate(-SEAT_W / 2, -SEAT_H / 2)
        return self.transform.map(local.map(QPolygonF(QRectF(0, 0, SEAT_W, SEAT_H))))

    def hatch(self, polygon: QPolygonF) -> None:
        path = QPainterPath()
        path.addPolygon(polygon)
        path.closeSubpath()
        bounds = polygon.boundingRect()
        self.p.save()
        self.p.setClipPath(path, Qt.ClipOperation.IntersectClip)
        self.p.setPen(self.pen("#9a9a9a", 0.15))
        step = 1.1 * self.px
        x = bounds.left() - bounds.height()
        while x < bounds.right():
            self.p.drawLine(QPointF(x, bounds.bottom()), QPointF(x + bounds.height(), bounds.top()))
            x += step
        self.p.restore()

    def seat(self, seat: Seat, agent_ids: list[int], conflict: bool, scale: float) -> None:
        polygon = self.seat_polygon(seat)
        out = seat.out_of_service is not None
        colour = self.colour_of(agent_ids[0]) if agent_ids else None
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(QColor("#e4e4e4") if out else tint(colour, 0.32) if colour else QColor("#ffffff"))
        self.p.drawPolygon(polygon)
        if out:
            self.hatch(polygon)
        if conflict:
            border = self.pen(CONFLICT, 0.7)
        elif colour:
            border = self.pen(QColor(colour).darker(115), 0.45)
        else:
            border = self.pen("#8a8a8a", 0.2)
        self.p.setPen(border)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawPolygon(polygon)
        w, h = _text_box(seat.rotation)
        centre = self.transform.map(QPointF(*seat.centre))
        box = QRectF(0, 0, w * scale * 0.92, h * scale * 0.92)
        box.moveCenter(centre)
        self.seat_text(box, seat, agent_ids, out)

    def seat_text(self, box: QRectF, seat: Seat, agent_ids: list[int], out: bool) -> None:
        """The code above, the name(s) below in the team's ink; words wrap (never a Chinese name)."""
        names = " / ".join(self.agents[a].name if a in self.agents else "?" for a in agent_ids)
        absent = bool(agent_ids) and all(a in self.map.absent_ids for a in agent_ids)
        main = names or (self.style.words["out"] if out else "")
        align = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        flags = align | (int(Qt.TextFlag.TextWordWrap) if " " in main else 0)
        code_font = self.font(max(NAME_MIN_PT, self.name_pt * 0.75))  # the seat's code keeps the floor's size
        code_h = self.metrics(code_font).height()
        size = self.name_pt
        while True:  # shrink this seat's name (or words) until it fits
            font = self.font(size, bool(names))
            need = self.metrics(font).boundingRect(QRectF(0, 0, box.width(), 10 * box.height()), flags, main)
            if need.width() < box.width() and need.height() + code_h <= box.height() or size <= NAME_MIN_PT:
                break
            size = max(NAME_MIN_PT, size - 0.25)
        block_h = code_h + (min(need.height(), box.height() - code_h) if main else 0)
        top = box.top() + max(0.0, (box.height() - block_h) / 2)
        self.p.setFont(code_font)
        self.p.setPen(QColor("#444444"))
        code = self.metrics(code_font).elidedText(seat.code, Qt.TextElideMode.ElideRight, box.width())
        self.p.drawText(QRectF(box.left(), top, box.width(), code_h), Qt.AlignmentFlag.AlignHCenter, code)
        if not main:
            return
        self.p.setFont(font)
        self.p.setPen(ink(self.colour_of(agent_ids[0])) if names else QColor("#333333"))
        rect = QRectF(box.left(), top + code_h, box.width(), box.bottom() - top - code_h)
        if flags == align:  # one line: cut short if even the smallest size is too wide
            main = self.metrics(font).elidedText(main, Qt.TextElideMode.ElideRight, box.width())
        drawn = self.p.drawText(rect, flags, main)
        if absent:  # struck through by hand: Qt draws no strike-out line through Chinese glyphs
            metrics = self.metrics(font)
            self.p.setPen(self.pen(CONFLICT, 0.3))
            y = drawn.top() + metrics.ascent() - metrics.xHeight() * 0.75
            self.p.drawLine(QPointF(drawn.left(), y), QPointF(drawn.right(), y))


def seat_box(seat: Seat) -> QRectF:
    """The upright rectangle a turned seat covers, in layout units."""
    cx, cy = seat.centre
    local = QTransform().translate(cx, cy).rotate(seat.rotation).translate(-SEAT_W / 2, -SEAT_H / 2)
    return local.mapRect(QRectF(0, 0, SEAT_W, SEAT_H))


def _legend_items(seat_map: SeatMap, layout: FloorLayout, style: MapStyle, counts: FloorCounts
                  ) -> list[tuple[str, str]]:
    """(kind, text) pairs: a swatch per team seated on the floor, then free, out of service, conflict (if any)."""
    ids = {s.id for s in layout.seats}
    agents = {a.id: a for a in seat_map.agents}
    seated = [agents[p.agent_id] for p in seat_map.assignments if p.seat_id in ids and p.agent_id in agents]
    order = {team: n for n, (team, _) in enumerate(style.colours.items())}
    teams: dict[int | None, str] = {}
    for agent in sorted(seated, key=lambda a: order.get(a.team_id, len(order))):
        teams.setdefault(agent.team_id, agent.team_name or style.words["no_team"])
    items = [(style.colours.get(team, NO_TEAM_COLOUR) if team is not None else NO_TEAM_COLOUR, name)
             for team, name in teams.items()]
    for kind, count in (("free", counts.free), ("out", counts.out), ("conflict", counts.conflicts)):
        if count:
            items.append((kind, style.words[kind]))
    return items


def _legend(mp: _Painter, area: QRectF, items: list[tuple[str, str]], paint: bool) -> float:
    """Lay the legend out from the bottom-left of `area` (wrapping); paint it or only measure; returns its height."""
    font = mp.font(LEGEND_PT)
    metrics = mp.metrics(font)
    px = mp.px
    line_h = max(metrics.height(), 3.6 * px) + 1.2 * px
    sw, sh = 5.0 * px, 3.6 * px
    widths = [sw + 1.5 * px + metrics.horizontalAdvance(text) + 5 * px for _, text in items]
    lines, x = 1, 0.0
    for w in widths:
        if x and x + w > area.width():
            lines, x = lines + 1, 0.0
        x += w
    height = lines * line_h
    if not paint:
        return height
    x, y = area.left(), area.bottom() - height
    mp.p.setFont(font)
    for (kind, text), w in zip(items, widths):
        if x > area.left() and x + w > area.right():
            x, y = area.left(), y + line_h
        swatch = QRectF(x, y + (line_h - sh) / 2, sw, sh)
        polygon = QPolygonF(swatch)
        mp.p.setPen(Qt.PenStyle.NoPen)
        if kind == "out":
            mp.p.setBrush(QColor("#e4e4e4"))
            mp.p.drawPolygon(polygon)
            mp.hatch(polygon)
            border = mp.pen("#8a8a8a", 0.2)
        elif kind in ("free", "conflict"):
            border = mp.pen("#8a8a8a", 0.2) if kind == "free" else mp.pen(CONFLICT, 0.7)
        else:
            mp.p.setBrush(tint(kind, 0.32))
            mp.p.drawPolygon(polygon)
            border = mp.pen(QColor(kind).darker(115), 0.45)
        mp.p.setPen(border)
        mp.p.setBrush(Qt.BrushStyle.NoBrush)
        mp.p.drawPolygon(polygon)
        mp.p.setPen(QColor("#000000") if kind not in ("free", "out", "conflict") else QColor("#333333"))
        mp.p.drawText(QRectF(swatch.right() + 1.5 * px, y, w, line_h),
                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        x += w
    return height


def paint_floor(painter: QPainter, device: QPagedPaintDevice, area: QRectF, seat_map: SeatMap,
                layout: FloorLayout, style: MapStyle) -> None:
    """Paint the floor's zones and seats scaled into `area` (device pixels), its legend along the bottom."""
    mp = _Painter(painter, device, seat_map, style)
    counts = floor_counts(seat_map, layout)
    items = _legend_items(seat_map, layout, style, counts)
    legend_h = _legend(mp, area, items, paint=False)
    room = area.adjusted(0, 0, 0, -(legend_h + 3 * mp.px))
    bounds = QRectF()
    for zone in layout.zones:
        bounds = bounds.united(QRectF(zone.x, zone.y, zone.width, zone.height))
    for seat in layout.seats:
        bounds = bounds.united(seat_box(seat))
    scale = min(room.width() / max(bounds.width(), 1.0), room.height() / max(bounds.height(), 1.0),
                SEAT_MAX_MM * mp.px / SEAT_W)  # a floor of a few seats is not blown up to the page
    left = room.left() + (room.width() - bounds.width() * scale) / 2
    top = room.top() + (room.height() - bounds.height() * scale) / 2
    mp.transform = QTransform().translate(left, top).scale(scale, scale).translate(-bounds.left(), -bounds.top())
    mp.size_fonts(scale)
    ids = {s.id for s in layout.seats}
    on_seat: dict[int, list[int]] = {}
    for pair in seat_map.assignments:
        if pair.seat_id in ids:
            on_seat.setdefault(pair.seat_id, []).append(pair.agent_id)
    in_conflict = {seat for c in seat_map.conflicts for seat in c.seat_ids}
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for zone in layout.zones:
        tops = [seat_box(s).top() for s in layout.seats if s.zone_id == zone.id]
        mp.zone(zone, (min(tops, default=zone.y + zone.height) - zone.y) * scale)
    for seat in layout.seats:
        mp.seat(seat, on_seat.get(seat.id, []), seat.id in in_conflict, scale)
    _legend(mp, area, items, paint=True)
    painter.restore()
