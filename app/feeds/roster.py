"""Reader of roster files (排班表): who works which shift on which day, with breaks.

A roster is a CSV (UTF-8, with or without BOM, else GB18030 as Chinese Excel
saves it; UTF-16 with a BOM, Excel's "Unicode text") or an .xlsx workbook (first sheet). The first non-empty line is
the header; names are matched case- and space-insensitively in English or
Chinese (see COLUMNS). One line per agent and day: the shift's name, or its
start and end, or both (custom hours), and the activities either in one
`activities` cell ("break 10:00-10:15; lunch 12:00-12:45") or in per-kind
columns (break_start / break_end, 午餐开始 / 午餐结束 ...).

Lines that cannot be used become `RowProblem`s (code + English detail) and
never stop the reading; a file that cannot be used at all raises
InputFileError. Matching agents and shifts is the domain's work
(`app.domain.roster.validate_roster`). The table reading here is shared with
the agents file reader (`app.feeds.people_file`).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from app.domain.attendance import ActivityKind
from app.domain.errors import InputFileError

MAX_TEXT = 500
EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class RowProblem:
    """A line of a roster or agents file that was not used: 1-based line, code, English detail, the line's text."""

    line: int
    code: str
    detail: str
    text: str


@dataclass(frozen=True)
class RosterLine:
    """One usable roster line; `shift` and/or `start`+`end` are given; activities as wall-clock times."""

    line: int
    agent: str
    day: date
    shift: str | None
    start: time | None
    end: time | None
    activities: tuple[tuple[ActivityKind, time, time], ...]
    text: str


@dataclass(frozen=True)
class RosterFile:
    path: str
    lines: tuple[RosterLine, ...]
    problems: tuple[RowProblem, ...]


# ---------------------------------------------------------------- tables


def header_key(name: object) -> str:
    """A header name compared case-, space-, underscore- and hyphen-insensitively."""
    return re.sub(r"[\s_\-]+", "", str(name or "").replace("\ufeff", "").casefold())


@dataclass(frozen=True)
class Table:
    """The rows of a file: header line number, header cells, and (line, cells) of each non-empty data row."""

    path: str
    header_line: int
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]

    def columns(self, aliases: Mapping[str, tuple[str, ...]], required: tuple[str, ...] = ()) -> dict[str, int]:
        """Column index of each field found (first matching header); InputFileError for a required one missing."""
        keys = [header_key(h) for h in self.header]
        found: dict[str, int] = {}
        for field, names in aliases.items():
            wanted = {header_key(n) for n in names}
            for i, key in enumerate(keys):
                if key in wanted:
                    found[field] = i
                    break
        for field in required:
            if field not in found:
                names = ", ".join(aliases[field])
                raise InputFileError(self.path, f"no {field} column (one of: {names})", line=self.header_line)
        return found


def read_table(path: str | Path) -> Table:
    """The header and data rows of a CSV or .xlsx file; InputFileError when there is no usable table."""
    p = Path(path)
    if p.is_dir():
        raise InputFileError(str(p), "is a folder, not a file")
    suffix = p.suffix.lower()
    if suffix == ".xls":
        raise InputFileError(str(p), "old Excel .xls format: save it as .xlsx or CSV")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputFileError(str(p), f"cannot read the file ({exc.strerror or exc})") from None
    numbered = _xlsx_rows(p, raw) if suffix in (".xlsx", ".xlsm") else _csv_rows(p, raw)
    header_line, header = 0, ()
    rows = []
    for line, cells in numbered:
        if all(cell_text(c) == "" for c in cells):
            continue
        if not header_line:
            header_line, header = line, tuple(cell_text(c) for c in cells)
        else:
            rows.append((line, tuple(cells)))
    if not header_line:
        raise InputFileError(str(p), "the file is empty")
    if not rows:
        raise InputFileError(str(p), "the file has no data rows under its header", line=header_line)
    return Table(str(p), header_line, header, tuple(rows))


def _csv_rows(p: Path, raw: bytes) -> Iterator[tuple[int, list[str]]]:
    # Excel's "Unicode text" is UTF-16 with a BOM; its "CSV" on Chinese Windows is GB18030.
    encodings = ("utf-16",) if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputFileError(str(p), "not a text file (neither UTF-8 nor GB18030)")
    if "\x00" in text:
        raise InputFileError(str(p), "not a text file (NUL bytes)")
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    done = 0
    try:
        for row in reader:
            yield done + 1, row  # a quoted field over several lines: the line it starts on
            done = reader.line_num
    except csv.Error as exc:
        raise InputFileError(str(p), f"not a readable CSV file ({exc})", line=done + 1) from None


def _xlsx_rows(p: Path, raw: bytes) -> Iterator[tuple[int, tuple[object, ...]]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise InputFileError(str(p), f"not an Excel .xlsx workbook ({exc})") from None
    except Exception as exc:  # noqa: BLE001 (a damaged zip or XML fails in zlib, zipfile, the XML parser...)
        raise InputFileError(str(p), f"a damaged Excel .xlsx workbook ({exc.__class__.__name__}: {exc})") from None
    try:
        if not book.worksheets:
            raise InputFileError(str(p), "the workbook has no sheet")
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    except InputFileError:
        raise
    except Exception as exc:  # noqa: BLE001 (the sheet is read lazily: its damage shows only here)
        raise InputFileError(str(p), f"a damaged Excel .xlsx workbook ({exc.__class__.__name__}: {exc})") from None
    finally:
        book.close()
    yield from enumerate(rows, start=1)


def cell_text(value: object) -> str:
    """A cell as trimmed text (1001.0 from Excel is "1001")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def row_text(cells: tuple[object, ...]) -> str:
    return ", ".join(cell_text(c) for c in cells)[:MAX_TEXT]


def cell(cells: tuple[object, ...], column: int | None) -> object:
    return cells[column] if column is not None and column < len(cells) else None


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]0?0:00(?::00)?)?")
_TIME = re.compile(r"(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?")


def parse_date(value: object) -> date | None:
    """YYYY-MM-DD, YYYY/MM/DD (also YYYY.MM.DD, 2026年3月1日) or an Excel date cell; None if not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        return EXCEL_EPOCH + timedelta(days=int(value))  # an unformatted Excel date serial
    m = _DATE.fullmatch(cell_text(value))
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_time(value: object) -> time | None:
    """HH:MM or HH:MM:SS (24:00 is midnight), an Excel time cell or day fraction; None if not a time."""
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 0 <= value < 1:
            return None
        seconds = round(value * 86400)
        return None if seconds >= 86400 else time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    m = _TIME.fullmatch(cell_text(value).replace("：", ":"))
    if not m:
        return None
    h, mi, s = int(m[1]), int(m[2]), int(m[3] or 0)
    if (h, mi, s) == (24, 0, 0):
        return time(0, 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    return time(h, mi, s)


# ---------------------------------------------------------------- roster

KIND_NAMES: dict[ActivityKind, tuple[str, ...]] = {
    ActivityKind.BREAK: ("break", "休息", "小休"),
    ActivityKind.LUNCH: ("lunch", "午餐", "午休", "用餐", "就餐"),
    ActivityKind.TRAINING: ("training", "培训"),
    ActivityKind.MEETING: ("meeting", "会议", "开会"),
    ActivityKind.OTHER: ("other", "其他"),
}
_KIND_BY_NAME = {header_key(n): k for k, names in KIND_NAMES.items() for n in names}

COLUMNS: dict[str, tuple[str, ...]] = {
    "agent": ("agent", "agent_id", "employee_no", "工号", "坐席工号", "员工工号"),
    "date": ("date", "day", "日期"),
    "shift": ("shift", "班次"),
    "start": ("start", "start_time", "开始", "开始时间", "上班", "上班时间"),
    "end": ("end", "end_time", "结束", "结束时间", "下班", "下班时间"),
    "activities": ("activities", "activity", "活动"),
}
for _kind, _names in KIND_NAMES.items():
    COLUMNS[f"{_kind.value}_start"] = tuple(f"{n}_start" for n in _names[:1]) + tuple(f"{n}开始" for n in _names[1:])
    COLUMNS[f"{_kind.value}_end"] = tuple(f"{n}_end" for n in _names[:1]) + tuple(f"{n}结束" for n in _names[1:])

_ITEM = re.compile(r"(?P<kind>[^\d\s:]+)\s*(?P<start>\d{1,2}\s*[:：]\s*\d{2}(?:[:：]\d{2})?)\s*[-–—~～至到]\s*"
                   r"(?P<end>\d{1,2}\s*[:：]\s*\d{2}(?:[:：]\d{2})?)")


class _Bad(Exception):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code, self.detail = code, detail


def read_roster(path: str | Path) -> RosterFile:
    """The usable lines and the problems of a roster file (see the module docstring)."""
    table = read_table(path)
    cols = table.columns(COLUMNS, required=("agent", "date"))
    if "shift" not in cols and not ("start" in cols and "end" in cols):
        raise InputFileError(table.path, "no shift column, and no start and end columns", line=table.header_line)
    lines, problems = [], []
    for line, cells in table.rows:
        text = row_text(cells)
        try:
            lines.append(_roster_line(line, cells, cols, text))
        except _Bad as bad:
            problems.append(RowProblem(line, bad.code, bad.detail, text))
    return RosterFile(table.path, tuple(lines), tuple(problems))


def _roster_line(line: int, cells: tuple[object, ...], cols: dict[str, int], text: str) -> RosterLine:
    get = lambda field: cell(cells, cols.get(field))  # noqa: E731
    agent = cell_text(get("agent"))
    if not agent:
        raise _Bad("missing_agent", "no agent (employee number or login)")
    day = parse_date(get("date"))
    if day is None:
        raise _Bad("bad_date", f"date {cell_text(get('date'))!r} is not a date (YYYY-MM-DD or YYYY/MM/DD)")
    hours = {}
    for field in ("start", "end"):
        raw = get(field)
        hours[field] = parse_time(raw) if cell_text(raw) else None
        if cell_text(raw) and hours[field] is None:
            raise _Bad("bad_time", f"{field} {cell_text(raw)!r} is not a time (HH:MM)")
    start, end = hours["start"], hours["end"]
    if (start is None) != (end is None):
        raise _Bad("bad_time", "start and end go together: one of them is missing")
    if start is not None and start == end:
        raise _Bad("bad_time", f"start and end are both {start:%H:%M}")
    shift = cell_text(get("shift")) or None
    if shift is None and start is None:
        raise _Bad("no_shift", "neither a shift name nor a start and end")
    return RosterLine(line, agent, day, shift, start, end, _activities(cells, cols), text)


def _activities(cells: tuple[object, ...], cols: dict[str, int]) -> tuple[tuple[ActivityKind, time, time], ...]:
    out = []
    listed = cell_text(cell(cells, cols.get("activities")))
    for item in re.split(r"[;；,，\n]+", listed):
        if not item.strip():
            continue
        m = _ITEM.fullmatch(item.strip())
        kind = _KIND_BY_NAME.get(header_key(m["kind"])) if m else None
        if kind is None:
            raise _Bad("bad_activity", f"activity {item.strip()!r} is not like 'break 10:00-10:15'")
        out.append(_span(kind, m["start"], m["end"], item.strip()))
    for kind in ActivityKind:
        raw_start = cell(cells, cols.get(f"{kind.value}_start"))
        raw_end = cell(cells, cols.get(f"{kind.value}_end"))
        if not cell_text(raw_start) and not cell_text(raw_end):
            continue
        shown = f"{kind.value} {cell_text(raw_start)}-{cell_text(raw_end)}"
        if not cell_text(raw_start) or not cell_text(raw_end):
            raise _Bad("bad_activity", f"activity {shown!r} needs both a start and an end")
        out.append(_span(kind, raw_start, raw_end, shown))
    return tuple(out)


def _span(kind: ActivityKind, raw_start: object, raw_end: object, shown: str) -> tuple[ActivityKind, time, time]:
    start, end = parse_time(raw_start), parse_time(raw_end)
    if start is None or end is None:
        raise _Bad("bad_activity", f"activity {shown!r}: not a time (HH:MM)")
    if start == end:
        raise _Bad("bad_activity", f"activity {shown!r} lasts no time")
    return kind, start, end
