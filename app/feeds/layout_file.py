"""Reader of floor layout files: one seat a line with its code, position, zone and, optionally, more.

A layout is a CSV or .xlsx file read like a roster (app.feeds.roster's
tables: encodings, header names matched case- and space-insensitively).
Columns (see COLUMNS): the seat code, x and y (layout units, the seat's
top-left corner) are required; the zone's name, rotation (degrees),
equipment note and the kind of a zone the import creates
(normal / training / quiet / kept_apart, or in Chinese) are optional. A
column that is missing leaves what is stored as it is (`None` below); an
empty zone or equipment cell clears it.

Lines that cannot be used become `RowProblem`s (missing_seat, bad_number,
duplicate_seat, bad_kind) and never stop the reading; a file that cannot be
used at all raises InputFileError.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from app.domain.seating import ZoneKind
from app.feeds.roster import RowProblem, cell, cell_text, header_key, read_table, row_text

MAX_CODE = 64

COLUMNS: dict[str, tuple[str, ...]] = {
    "seat": ("seat", "seat_code", "seat_no", "座位", "座位号", "座位编号", "工位", "工位号"),
    "x": ("x",),
    "y": ("y",),
    "zone": ("zone", "zone_name", "区域", "区域名称"),
    "rotation": ("rotation", "angle", "旋转", "角度"),
    "equipment": ("equipment", "equipment_note", "设备", "设备说明"),
    "kind": ("kind", "zone_kind", "区域类型", "类型"),
}

KIND_NAMES: dict[ZoneKind, tuple[str, ...]] = {
    ZoneKind.NORMAL: ("normal", "普通", "普通区", "普通区域"),
    ZoneKind.TRAINING: ("training", "培训", "培训区", "培训区域"),
    ZoneKind.QUIET: ("quiet", "安静", "安静区", "静音区"),
    ZoneKind.KEPT_APART: ("kept_apart", "kept apart", "隔离", "隔离区", "保留", "保留区"),
}
_KIND_BY_NAME = {header_key(n): k for k, names in KIND_NAMES.items() for n in names}


@dataclass(frozen=True)
class LayoutRow:
    """One usable line: seat code and position; zone / rotation / equipment / kind None when no column gives
    them ("" for an empty zone or equipment cell)."""

    line: int
    code: str
    x: float
    y: float
    zone: str | None = None
    rotation: float | None = None
    equipment: str | None = None
    kind: ZoneKind | None = None


@dataclass(frozen=True)
class LayoutFile:
    path: str
    rows: tuple[LayoutRow, ...]
    problems: tuple[RowProblem, ...]


class _Bad(Exception):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code, self.detail = code, detail


def read_layout(path: str | Path) -> LayoutFile:
    """The usable lines and the problems of a layout file (see the module docstring)."""
    table = read_table(path)
    cols = table.columns(COLUMNS, required=("seat", "x", "y"))
    rows, problems, seen = [], [], {}
    for line, cells in table.rows:
        text = row_text(cells)
        try:
            row = _row(line, cells, cols)
            if row.code.casefold() in seen:
                raise _Bad("duplicate_seat", f"seat {row.code!r} is already on line {seen[row.code.casefold()]}")
            seen[row.code.casefold()] = line
            rows.append(row)
        except _Bad as bad:
            problems.append(RowProblem(line, bad.code, bad.detail, text))
    return LayoutFile(table.path, tuple(rows), tuple(problems))


def _row(line: int, cells: tuple[object, ...], cols: dict[str, int]) -> LayoutRow:
    get = lambda field: cell(cells, cols.get(field))  # noqa: E731
    code = cell_text(get("seat"))
    if not code:
        raise _Bad("missing_seat", "no seat code")
    if len(code) > MAX_CODE:
        raise _Bad("missing_seat", f"seat code longer than {MAX_CODE} characters")
    x, y = _number("x", get("x")), _number("y", get("y"))
    rotation = None
    if "rotation" in cols and cell_text(get("rotation")):
        rotation = _number("rotation", get("rotation"))
    kind = None
    if "kind" in cols and cell_text(get("kind")):
        kind = _KIND_BY_NAME.get(header_key(cell_text(get("kind"))))
        if kind is None:
            raise _Bad("bad_kind", f"zone kind {cell_text(get('kind'))!r} is not one of normal, training, quiet, "
                                   "kept_apart")
    zone = cell_text(get("zone")) if "zone" in cols else None
    equipment = cell_text(get("equipment")) if "equipment" in cols else None
    return LayoutRow(line, code, x, y, zone, rotation, equipment, kind)


def _number(field: str, value: object) -> float:
    text = cell_text(value)
    if not text:
        raise _Bad("bad_number", f"no {field}")
    try:
        number = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else float(text)
    except (ValueError, OverflowError):  # OverflowError: an Excel number cell of 400 digits
        raise _Bad("bad_number", f"{field} {text[:40]!r} is not a number") from None
    if not math.isfinite(number):
        raise _Bad("bad_number", f"{field} {text[:40]!r} is not a number")
    return number
