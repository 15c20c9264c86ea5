"""Use cases on seat map files: import and export a floor's layout (CSV), export a shift's seat list.

A layout import upserts seats by code on the floor (a retired seat with the
code comes back), creates the zones it names that the floor does not have
(kind from the file or normal; the rectangle around their seats), and stores
everything in one transaction; an unusable file stores nothing. The export
writes what the import reads back.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from app.domain.errors import InvalidSettingError
from app.domain.seating import GRID, SEAT_H, SEAT_W, Seat, SeatMap, Zone, ZoneKind
from app.feeds.layout_file import LayoutRow, read_layout
from app.feeds.roster import RowProblem
from app.domain.access import Action
from app.services.console import Console, writes
from app.services.exports import ExportError
from app.storage import seating as store

LAYOUT_COLUMNS = ("seat_code", "x", "y", "zone", "rotation", "equipment", "kind")
SEAT_LIST_COLUMNS = ("name", "employee_no", "team", "seat", "floor")
ZONE_MARGIN = 2 * GRID
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})
ZONE_COLOURS = {
    ZoneKind.NORMAL: "#dfe9f5",
    ZoneKind.TRAINING: "#fdebd0",
    ZoneKind.QUIET: "#e3f1dc",
    ZoneKind.KEPT_APART: "#e6e6e6",
}


@dataclass(frozen=True)
class LayoutImported:
    """What a layout file changed: seats added (or brought back), seats changed, zones created, lines not used."""

    path: str
    added: int
    updated: int
    zones_created: int
    problems: tuple[RowProblem, ...]


@writes(Action.MANAGE)
def import_layout(console: Console, floor_id: int, path: str | Path) -> LayoutImported:
    """Read a layout file into the floor (see the module docstring); InputFileError for an unusable file."""
    layout = read_layout(path)  # InputFileError before anything is touched
    added = updated = 0
    with console.db.transaction() as tx:
        floor = store.get_floor(tx, floor_id)
        if floor is None:
            raise InvalidSettingError("floor", floor_id, "no such floor")
        zones = {z.name.casefold(): z for z in reversed(store.list_zones(tx, [floor.id]))}  # the first of a name
        created = _new_zones(tx, floor.id, layout.rows, zones)
        for row in layout.rows:
            found = store.find_seat(tx, floor.id, row.code)
            old = found[0] if found else Seat(0, floor.id, row.code, row.x, row.y)  # a missing column keeps it
            seat = Seat(old.id, floor.id, row.code, row.x, row.y,
                        old.rotation if row.rotation is None else row.rotation % 360.0,
                        old.zone_id if row.zone is None else (zones[row.zone.casefold()].id if row.zone else None),
                        old.equipment if row.equipment is None else row.equipment)
            if found is None or found[1]:  # new, or a retired seat back
                store.save_seat(tx, seat, found[0].id if found else None)
                added += 1
            elif (seat.x, seat.y, seat.rotation, seat.zone_id, seat.equipment) != (
                    old.x, old.y, old.rotation, old.zone_id, old.equipment):
                store.save_seat(tx, seat, old.id)
                updated += 1
    return LayoutImported(layout.path, added, updated, created, layout.problems)


def _new_zones(tx, floor_id: int, rows: tuple[LayoutRow, ...], zones: dict[str, Zone]) -> int:
    """Create the zones the rows name that the floor lacks (added to `zones`); how many."""
    wanted: dict[str, list[LayoutRow]] = {}
    for row in rows:
        if row.zone and row.zone.casefold() not in zones:
            wanted.setdefault(row.zone.casefold(), []).append(row)
    for key, members in wanted.items():
        kind = next((r.kind for r in members if r.kind is not None), ZoneKind.NORMAL)
        left = _edge(min(r.x for r in members))
        top = _edge(min(r.y for r in members))
        right = max(r.x for r in members) + SEAT_W + ZONE_MARGIN
        bottom = max(r.y for r in members) + SEAT_H + ZONE_MARGIN
        zone = Zone(0, floor_id, members[0].zone, ZONE_COLOURS[kind], kind, left, top, right - left, bottom - top)
        zones[key] = store.add_zone(tx, zone)
    return len(wanted)


def _edge(low: float) -> float:
    """The zone's left or top edge: a margin before its first seat, not past 0 when the seats are not."""
    return max(0.0, low - ZONE_MARGIN) if low >= 0 else low - ZONE_MARGIN


def export_layout(console: Console, floor_id: int, path: str | Path) -> str:
    """Write the floor's seats in use to a CSV the import reads back; the path written."""
    with console.db.transaction() as tx:
        floor = store.get_floor(tx, floor_id)
        if floor is None:
            raise InvalidSettingError("floor", floor_id, "no such floor")
        zones = {z.id: z for z in store.list_zones(tx, [floor.id])}
        seats = store.list_seats(tx, [floor.id])
    rows = []
    for seat in seats:
        zone = zones.get(seat.zone_id)
        rows.append([seat.code, _num(seat.x), _num(seat.y), zone.name if zone else "", _num(seat.rotation),
                     seat.equipment, zone.kind.value if zone else ""])
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:  # the BOM: Excel then reads Chinese right
            writer = csv.writer(fh)
            writer.writerow(LAYOUT_COLUMNS)
            writer.writerows(rows)
    except OSError as exc:
        raise ExportError(str(path), exc.strerror or str(exc)) from None
    return str(path)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(round(value, 3))


def export_seat_list(seat_map: SeatMap, path: str | Path, titles: Mapping[str, str]) -> str:
    """The list "agent -> seat" for the door, by name: CSV, or an Excel workbook when `path` ends in .xlsx.

    One row per agent present or seated (name, employee no, team, seat, floor;
    an agent on several seats has them all, an unseated one titles["unseated"]).
    titles: the column titles keyed by SEAT_LIST_COLUMNS, and "unseated",
    "no_team", "sheet" (a missing column title reads as its key).
    """
    path = Path(path)
    seat_of = {s.id: (s, layout.floor) for layout in seat_map.layouts for s in layout.seats}
    places: dict[int, list] = {}
    for pair in seat_map.assignments:
        if pair.seat_id in seat_of:
            places.setdefault(pair.agent_id, []).append(seat_of[pair.seat_id])
    rows = []
    for agent in sorted(seat_map.agents, key=lambda a: (a.name.casefold(), a.employee_no, a.id)):
        seated = places.get(agent.id, [])
        if not seated and agent.id not in seat_map.present_ids:
            continue
        seated.sort(key=lambda sf: (sf[1].id, sf[0].code))
        seats = ", ".join(s.code for s, _ in seated) or titles.get("unseated", "")
        floors = ", ".join(dict.fromkeys(f.name for _, f in seated))
        rows.append([agent.name, agent.employee_no, agent.team_name or titles.get("no_team", ""), seats, floors])
    headers = [titles.get(c) or c for c in SEAT_LIST_COLUMNS]
    try:
        if path.suffix.lower() == ".xlsx":
            book = Workbook()
            sheet = book.active
            sheet.title = (titles.get("sheet") or "seats").translate(_BAD_SHEET_CHARS).strip()[:31] or "seats"
            sheet.append([f"{seat_map.site_name} · {seat_map.shift_label}"])
            sheet.append(headers)
            for c in sheet[2]:
                c.font = Font(bold=True)
            for row in rows:
                sheet.append(row)
            sheet.freeze_panes = "A3"
            book.save(path)
        else:
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                writer.writerows(rows)
    except OSError as exc:
        raise ExportError(str(path), exc.strerror or str(exc)) from None
    return str(path)
