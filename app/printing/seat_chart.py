"""The seat chart (现场坐席安排表) of a shift as a printed document: the floor map, then "agent → seat".

A4 landscape. For each floor printed, one page with the map drawn from the
values: zones as tinted rectangles with their names, seats as small
rectangles turned as on the floor, each with its code and its agent's name
in the team's colour; free seats light, seats out of service hatched grey,
seats in a conflict outlined in red. Text stays upright whatever the seat's
turn, so the map reads from one side. Then the alphabetical list of the
shift's agents and their seats, for the door, in columns over as many pages
as it takes; names sort the Chinese way (pinyin) whatever the language.
Every page has the site, the shift and the print time at the top and
"page x / y" at the bottom (app.printing.document).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPagedPaintDevice, QPainter, QPen

from app.domain.people import Agent
from app.domain.seating import FloorLayout, SeatMap
from app.printing.document import PageHeader, PrintError, body_rect, paint_bands, pdf_writer
from app.printing.seat_chart_map import NO_TEAM_COLOUR, MapStyle, chart_font, floor_counts, paint_floor

LIST_COLUMNS = 4
LIST_POINTS = 10.0


def chart_words() -> dict[str, str]:
    """Every word of the chart in the current language, keyed by code."""
    return {
        "title": QCoreApplication.translate("print", "Seat chart"),
        "summary": QCoreApplication.translate("print", "{total} seats: {taken} taken · {free} free · {out} out of service"),
        "conflicts": QCoreApplication.translate("print", "conflicts: {count}"),
        "no_layout": QCoreApplication.translate("print", "No floor layout: there is no seat to show."),
        "list": QCoreApplication.translate("print", "Agent → seat"),
        "list.more": QCoreApplication.translate("print", "Agent → seat (continued)"),
        "list.count": QCoreApplication.translate("print", "{count} agents, sorted by name"),
        "list.none": QCoreApplication.translate("print", "No agent on this shift."),
        "not_seated": QCoreApplication.translate("print", "not seated"),
        "absent": QCoreApplication.translate("print", "absent"),
        "free": QCoreApplication.translate("print", "free"),
        "out": QCoreApplication.translate("print", "out of service"),
        "conflict": QCoreApplication.translate("print", "conflict"),
        "no_team": QCoreApplication.translate("print", "No team"),
        "zone.training": QCoreApplication.translate("print", "training"),
        "zone.quiet": QCoreApplication.translate("print", "quiet"),
        "zone.kept_apart": QCoreApplication.translate("print", "kept apart"),
        "printed": QCoreApplication.translate("print", "Printed {time}"),
    }


@dataclass(frozen=True, slots=True)
class DoorLine:
    """One line of the list for the door: the agent, the team colour, the seats (codes), a note code."""

    name: str
    employee_no: str
    colour: str
    seats: tuple[str, ...]
    note: str = ""  # "" | "not_seated" | "absent"


def _layouts(seat_map: SeatMap, floor_id: int | None) -> tuple[FloorLayout, ...]:
    return tuple(lay for lay in seat_map.layouts if floor_id is None or lay.floor.id == floor_id)


def team_colours(seat_map: SeatMap) -> dict[int, str]:
    return {team: colour for team, colour in seat_map.team_colours}


def _collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator


def door_lines(seat_map: SeatMap, floor_id: int | None = None) -> tuple[DoorLine, ...]:
    """The agents expected on the floor and anyone seated there, by name (pinyin order), with their seats.

    Present agents without any seat are listed as not seated; agents seated
    only on a floor not printed are left out; an absent agent appears only
    while still seated (noted absent). With several floors printed a seat
    reads "floor · code".
    """
    layouts = _layouts(seat_map, floor_id)
    many = len(layouts) > 1
    where = {s.id: f"{lay.floor.name} · {s.code}" if many else s.code for lay in layouts for s in lay.seats}
    seats: dict[int, list[str]] = {}
    elsewhere = set()
    for pair in seat_map.assignments:
        if pair.seat_id in where:
            seats.setdefault(pair.agent_id, []).append(where[pair.seat_id])
        else:
            elsewhere.add(pair.agent_id)
    colours = team_colours(seat_map)
    key = _collator().sortKey
    lines = []
    for agent in sorted(seat_map.agents, key=lambda a: (key(a.name), a.employee_no)):
        mine = tuple(sorted(seats.get(agent.id, ()), key=key))
        absent = agent.id in seat_map.absent_ids
        if not mine and (absent or agent.id in elsewhere):
            continue
        note = "absent" if absent else "" if mine else "not_seated"
        lines.append(DoorLine(agent.name, agent.employee_no, _colour(agent, colours), mine, note))
    return tuple(lines)


def _colour(agent: Agent, colours: Mapping[int, str]) -> str:
    return colours.get(agent.team_id, NO_TEAM_COLOUR) if agent.team_id is not None else NO_TEAM_COLOUR


def chart_header(seat_map: SeatMap, printed_at: datetime | None = None,
                 words: Mapping[str, str] | None = None) -> PageHeader:
    """The page header: site, the shift as labelled by the map, the print time in the site's zone (default now)."""
    w = words if words is not None else chart_words()
    tz = ZoneInfo(seat_map.timezone)
    printed_at = printed_at or datetime.now(tz)
    return PageHeader(seat_map.site_name, seat_map.shift_label,
                      w["printed"].format(time=printed_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")))


class _ListPages:
    """The door list cut in pages of 4 columns (3 or 2 when the lines are long); state: the device's metrics."""

    def __init__(self, device: QPagedPaintDevice, font_family: str, lines: Sequence[DoorLine],
                 words: Mapping[str, str]) -> None:
        self.device, self.lines, self.words = device, lines, words
        self.px = device.logicalDpiY() / 25.4  # device pixels per millimetre
        self.bold = chart_font(font_family, LIST_POINTS, bold=True)
        self.small = chart_font(font_family, LIST_POINTS - 2)
        self.title = chart_font(font_family, 13, bold=True)
        self.row_h = QFontMetricsF(self.bold, device).height() + 1.6 * self.px
        self.title_h = QFontMetricsF(self.title, device).height() + 3 * self.px
        self.gutter = 6 * self.px
        bold, small = QFontMetricsF(self.bold, device), QFontMetricsF(self.small, device)
        self.widest = max((bold.horizontalAdvance(line.name) + small.horizontalAdvance(self._middle(line))
                           + max(bold.horizontalAdvance(self._seats(line)), small.horizontalAdvance(self._seats(line)))
                           + 12 * self.px for line in lines), default=0.0)

    def _seats(self, line: DoorLine) -> str:
        return ", ".join(line.seats) if line.seats else self.words["not_seated"]

    def _middle(self, line: DoorLine) -> str:
        return line.employee_no + (f" {self.words['absent']}" if line.note == "absent" else "")

    def columns(self, body: QRectF) -> int:
        for columns in (LIST_COLUMNS, 3, 2):
            if (body.width() - self.gutter * (columns - 1)) / columns >= self.widest:
                return columns
        return 2

    def rows(self, body: QRectF) -> int:
        return max(1, int((body.height() - self.title_h) // self.row_h))

    def count(self, body: QRectF) -> int:
        return max(1, math.ceil(len(self.lines) / (self.rows(body) * self.columns(body))))

    def paint(self, painter: QPainter, body: QRectF, index: int) -> None:
        words = self.words
        rows, columns = self.rows(body), self.columns(body)
        per_page = rows * columns
        chunk = self.lines[index * per_page:(index + 1) * per_page]
        painter.save()
        painter.setPen(QColor("#000000"))
        painter.setFont(self.title)
        title_rect = QRectF(body.left(), body.top(), body.width(), self.title_h - 3 * self.px)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         words["list.more"] if index else words["list"])
        painter.setFont(self.small)
        painter.setPen(QColor("#555555"))
        count = words["list.count"].format(count=len(self.lines)) if self.lines else words["list.none"]
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
        col_w = (body.width() - self.gutter * (columns - 1)) / columns
        top = body.top() + self.title_h
        for n, line in enumerate(chunk):
            column, row = divmod(n, rows)
            rect = QRectF(body.left() + column * (col_w + self.gutter), top + row * self.row_h, col_w, self.row_h)
            self._line(painter, rect, line, shaded=row % 2 == 1)
        painter.restore()

    def _line(self, painter: QPainter, rect: QRectF, line: DoorLine, shaded: bool) -> None:
        """Swatch, name (bold), employee number (and "absent", red) on the left; the seats on the right."""
        px, middle = self.px, Qt.AlignmentFlag.AlignVCenter
        if shaded:
            painter.fillRect(rect, QColor("#f2f2f2"))
        swatch = QRectF(rect.left() + px, rect.center().y() - 1.4 * px, 2.8 * px, 2.8 * px)
        painter.fillRect(swatch, QColor(line.colour))
        seats = self._seats(line)
        seat_font = self.bold if line.seats else self.small
        seat_metrics = QFontMetricsF(seat_font, self.device)
        seat_w = min(rect.width() * 0.6, seat_metrics.horizontalAdvance(seats) + 2 * px)
        seat_rect = QRectF(rect.right() - seat_w - px, rect.top(), seat_w, rect.height())
        name_rect = QRectF(swatch.right() + 1.5 * px, rect.top(), seat_rect.left() - swatch.right() - 3 * px,
                           rect.height())
        painter.setFont(self.bold)
        painter.setPen(QColor("#000000"))
        metrics = QFontMetricsF(self.bold, self.device)
        name = metrics.elidedText(line.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | middle, name)
        painter.setFont(self.small)
        painter.setPen(QColor("#b00020") if line.note == "absent" else QColor("#666666"))
        x = name_rect.left() + metrics.horizontalAdvance(name) + 1.5 * px
        rest = QRectF(x, rect.top(), max(0.0, name_rect.right() - x), rect.height())
        text = QFontMetricsF(self.small, self.device).elidedText(self._middle(line), Qt.TextElideMode.ElideRight,
                                                                 rest.width())
        painter.drawText(rest, Qt.AlignmentFlag.AlignLeft | middle, text)
        painter.setFont(seat_font)  # last: a PDF reader reads the line in order
        painter.setPen(QColor("#000000") if line.seats else QColor("#b00020"))
        painter.drawText(seat_rect, Qt.AlignmentFlag.AlignRight | middle,
                         seat_metrics.elidedText(seats, Qt.TextElideMode.ElideRight, seat_w))


def paint_seat_chart(device: QPagedPaintDevice, seat_map: SeatMap, font_family: str,
                     printed_at: datetime | None = None, floor_id: int | None = None) -> int:
    """Paint the chart on a printer or other paged device (its page layout as set); returns the pages.

    `floor_id`: only that floor (its map, and the agents seated on it or
    not seated at all); None: every floor of the map, one page each.
    """
    words = chart_words()
    header = chart_header(seat_map, printed_at, words)
    layouts = _layouts(seat_map, floor_id)
    listing = _ListPages(device, font_family, door_lines(seat_map, floor_id), words)
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(type(device).__name__, "the device cannot be painted on")
    try:
        map_pages = max(1, len(layouts))
        pages = map_pages + listing.count(body_rect(device))
        style = MapStyle(font_family, team_colours(seat_map), words)
        for index in range(pages):
            if index:
                device.newPage()
            body = paint_bands(painter, device, header, index + 1, pages, font_family)
            if index < map_pages:
                _map_page(painter, device, body, seat_map, layouts[index] if layouts else None, style, words)
            else:
                listing.paint(painter, body, index - map_pages)
    finally:
        painter.end()
    return pages


def _map_page(painter: QPainter, device: QPagedPaintDevice, body: QRectF, seat_map: SeatMap,
              layout: FloorLayout | None, style: MapStyle, words: Mapping[str, str]) -> None:
    px = device.logicalDpiY() / 25.4
    title = chart_font(style.font_family, 13, bold=True)
    line_h = QFontMetricsF(title, device).height()
    small = chart_font(style.font_family, 9)
    summary = ""
    if layout is not None and layout.seats:
        counts = floor_counts(seat_map, layout)
        summary = words["summary"].format(total=counts.total, taken=counts.taken, free=counts.free, out=counts.out)
        if counts.conflicts:
            summary += " · " + words["conflicts"].format(count=counts.conflicts)
    room = body.width() - QFontMetricsF(small, device).horizontalAdvance(summary) - 6 * px
    painter.save()
    painter.setFont(title)
    painter.setPen(QColor("#000000"))
    head = QRectF(body.left(), body.top(), body.width(), line_h)
    heading = f"{words['title']} · {layout.floor.name}" if layout is not None else words["title"]
    painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     QFontMetricsF(title, device).elidedText(heading, Qt.TextElideMode.ElideRight, room))
    if not summary:
        painter.setFont(chart_font(style.font_family, 10))
        painter.drawText(QRectF(body.left(), head.bottom() + 4 * px, body.width(), line_h),
                         Qt.AlignmentFlag.AlignLeft, words["no_layout"])
        painter.restore()
        return
    painter.setFont(small)
    painter.setPen(QColor("#333333"))
    painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, summary)
    pen = QPen(QColor("#999999"))
    pen.setWidthF(0.2 * px)
    painter.setPen(pen)
    painter.drawLine(QPointF(body.left(), head.bottom() + 1.5 * px), QPointF(body.right(), head.bottom() + 1.5 * px))
    painter.restore()
    area = QRectF(body.left(), head.bottom() + 3 * px, body.width(), body.bottom() - head.bottom() - 3 * px)
    paint_floor(painter, device, area, seat_map, layout, style)


def print_seat_chart_pdf(seat_map: SeatMap, path: str | Path, font_family: str, printed_at: datetime | None = None,
                         floor_id: int | None = None) -> int:
    """Write the chart to an A4 landscape PDF; returns the page count (PrintError when it cannot be written)."""
    words = chart_words()
    writer = pdf_writer(path, landscape=True, title=f"{words['title']} · {seat_map.site_name}")
    try:
        return paint_seat_chart(writer, seat_map, font_family, printed_at, floor_id)
    except PrintError:
        raise PrintError(str(path), "the file cannot be written") from None
