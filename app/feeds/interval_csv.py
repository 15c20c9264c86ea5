"""Reader of vendor interval reports (`interval-csv`), through a mapping file.

One row per queue and half hour, already aggregated by the ACD. A figure the
report does not carry (no column, or an empty cell) is unknown (None), never
0. Totals rows are recognised and left out; a row that cannot be read is
rejected with its line number and the reason.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.domain.calls import RejectedLine
from app.domain.errors import InputFileError
from app.domain.service_level import IntervalFigures
from app.feeds.base import LineSource, shown
from app.feeds.interval_mapping import DURATIONS, FIGURES, IntervalMapping

IGNORED_TOTALS = "totals rows"
# More calls than this in one half hour is not a count (and would not fit the database's integers).
MAX_COUNT = 10**9
HEADER_SEARCH_LINES = 50
_TIME_RANGE = re.compile(r"^\s*(\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp][Mm])?)\s*-")
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p")
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d.%m.%Y", "%Y/%m/%d")


@dataclass(frozen=True)
class IntervalBatch:
    """The rows of a vendor report: (queue, interval start epoch, figures), with what was left out."""

    rows: tuple[tuple[str, int, IntervalFigures], ...]
    rejected: tuple[RejectedLine, ...]
    ignored: Counter
    lines_read: int
    missing_columns: tuple[str, ...]
    end_offset: int


class _Bad(ValueError):
    pass


def _norm(name: str) -> str:
    return " ".join(name.strip().strip('"').lower().split())


def read(path: Path, tz: ZoneInfo, mapping: IntervalMapping) -> IntervalBatch:
    source = LineSource(Path(path), encoding=mapping.encoding)
    lines = iter(source)
    for _ in range(mapping.skip_lines):
        next(lines, None)
    source.take_rejected()
    header_text = source.first_line(lines)
    wanted = {_norm(mapping.columns["queue"]), _norm(mapping.columns["interval"])}
    # Reports carry title lines before the header: the header is the first
    # line that names both the queue and the interval columns.
    for _ in range(HEADER_SEARCH_LINES):
        header = [_norm(h) for h in _cells(header_text, mapping.delimiter)]
        if wanted <= set(header):
            break
        header_text = next(lines, None)
        if header_text is None:
            break
    else:
        header_text = None
    if header_text is None:
        raise InputFileError(
            str(path),
            f"not a report of this mapping: no header row naming {mapping.columns['queue']!r} and "
            f"{mapping.columns['interval']!r} in its first {HEADER_SEARCH_LINES} lines",
        )
    source.take_rejected()
    header_line = source.line_no
    index = {h: i for i, h in enumerate(header)}
    where = {name: index.get(_norm(col)) for name, col in mapping.columns.items()}
    if "date" in mapping.columns and where["date"] is None:
        raise InputFileError(
            str(path),
            f"no column {mapping.columns['date']!r} for the date (the header has: {', '.join(header)[:300]}); "
            "adjust [columns] date in the mapping",
            line=header_line,
        )
    missing = tuple(sorted(f for f in FIGURES if f in mapping.columns and where[f] is None))
    rows: dict[tuple[str, int], IntervalFigures] = {}
    seen: dict[tuple[str, int], int] = {}  # line of each stored row
    rejected: list[RejectedLine] = []
    ignored: Counter = Counter()
    for row in _rows(csv.reader(lines, delimiter=mapping.delimiter)):
        line_no = source.text_line()
        if isinstance(row, csv.Error):
            rejected.append(RejectedLine(line_no, f"not a readable CSV line ({row})", ""))
            continue
        if not any(cell.strip() for cell in row):
            continue
        queue = row[where["queue"]].strip() if where["queue"] < len(row) else ""
        stamp = row[where["interval"]].strip() if where["interval"] < len(row) else ""
        if queue.lower() in mapping.total_words or stamp.lower() in mapping.total_words or not stamp:
            ignored[IGNORED_TOTALS] += 1
            continue
        if len(row) != len(header):
            rejected.append(RejectedLine(line_no, f"expected {len(header)} fields, found {len(row)}", shown(mapping.delimiter.join(row))))
            continue
        try:
            figures = _figures(row, where, mapping)
            start = _interval_start(row, where, mapping, tz)
            if (queue, start) in rows:
                # In the repeated hour of a DST change the same wall time comes
                # twice: the second row is the second occurrence.
                later = _interval_start(row, where, mapping, tz, fold=1)
                if later == start or (queue, later) in rows:
                    raise _Bad(f"a second row for queue {queue!r} at {stamp} (line {seen[(queue, start)]} has the first)")
                start = later
            rows[(queue, start)] = figures
            seen[(queue, start)] = line_no
        except _Bad as exc:
            rejected.append(RejectedLine(line_no, str(exc), shown(mapping.delimiter.join(row))))
    rejected = sorted(rejected + source.take_rejected(), key=lambda r: r.line_no)
    return IntervalBatch(
        rows=tuple((q, s, f) for (q, s), f in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0]))),
        rejected=tuple(rejected),
        ignored=ignored,
        lines_read=source.line_no - header_line,
        missing_columns=missing,
        end_offset=source.offset,
    )


def _cells(text: str, delimiter: str) -> list[str]:
    """The cells of one line; none when the csv module cannot read it (a carriage return inside, a huge field)."""
    try:
        return next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        return []


def _rows(reader) -> Iterator[list[str] | csv.Error]:
    """The rows of `reader`; a line the csv module cannot read comes as its error, and the reading goes on."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield exc


def _parse(text: str, formats: tuple[str, ...], what: str) -> datetime:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise _Bad(f"{what} {text!r} is not a time this mapping reads")


def _interval_start(row: list[str], where: dict, mapping: IntervalMapping, tz: ZoneInfo, fold: int = 0) -> int:
    """Epoch of the row's interval start; wall-clock times are in `tz` (`fold` 1: the second of a repeated hour)."""
    text = row[where["interval"]].strip()
    ranged = _TIME_RANGE.match(text)
    if ranged:
        text = ranged.group(1)
    if where.get("date") is not None:
        day = row[where["date"]].strip()
        d = _parse(day, (mapping.date_format,) if mapping.date_format else _DATE_FORMATS, "date")
        t = _parse(text, (mapping.time_format,) if mapping.time_format else _TIME_FORMATS, "interval")
        stamp = datetime.combine(d.date(), t.time())
    elif mapping.time_format:
        stamp = _parse(text, (mapping.time_format,), "interval")
    else:
        try:
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise _Bad(f"interval {text!r} is not an ISO 8601 date and time") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=tz, fold=fold)
    try:
        local = stamp.astimezone(tz)
    except OverflowError:  # e.g. 9999-12-31T23:30-05:00 read in a zone east of it
        raise _Bad(f"interval {text!r} is out of the range of dates") from None
    if local.minute % 30 or local.second:
        raise _Bad(f"interval start {local:%H:%M:%S} is not on a half hour")
    return int(stamp.timestamp())


def _count(text: str, name: str) -> int | None:
    text = text.strip().replace(",", "").replace(" ", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise _Bad(f"{name} {shown(text)!r} is not a number") from None
    if not math.isfinite(value) or value < 0 or value != int(value):
        raise _Bad(f"{name} {shown(text)!r} is not a whole number of calls")
    if value > MAX_COUNT:
        raise _Bad(f"{name} {shown(text)!r} is out of range (more than {MAX_COUNT} calls)")
    return int(value)


def _duration(text: str, name: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        if ":" in text:
            parts = [float(p) for p in text.split(":")]
            if len(parts) > 3:
                raise ValueError
            seconds = 0.0
            for p in parts:
                seconds = seconds * 60 + p
        else:
            seconds = float(text)
    except ValueError:
        raise _Bad(f"{name} {shown(text)!r} is not a duration (seconds or hh:mm:ss)") from None
    if not math.isfinite(seconds):
        raise _Bad(f"{name} {shown(text)!r} is not a duration (seconds or hh:mm:ss)")
    return seconds


def _percent(text: str, mapping: IntervalMapping) -> float | None:
    text = text.strip()
    if not text:
        return None
    had_sign = text.endswith("%")
    try:
        value = float(text.rstrip("%").strip())
    except ValueError:
        raise _Bad(f"service level {text!r} is not a percentage") from None
    if mapping.percent == "fraction" and not had_sign:
        value *= 100
    if not 0 <= value <= 100:
        raise _Bad(f"service level {text!r} is not between 0 and 100 %")
    return value


def _figures(row: list[str], where: dict, mapping: IntervalMapping) -> IntervalFigures:
    raw = {f: (row[where[f]] if where.get(f) is not None else "") for f in FIGURES}
    counts = {f: _count(raw[f], mapping.columns.get(f, f)) for f in FIGURES if f not in DURATIONS and f != "service_level"}
    durations = {f: _duration(raw[f], mapping.columns.get(f, f)) for f in DURATIONS}
    offered, answered, abandoned = counts["offered"], counts["answered"], counts["abandoned"]
    other = None
    if None not in (offered, answered, abandoned):
        if answered + abandoned > offered:
            raise _Bad(f"answered {answered} + abandoned {abandoned} exceed offered {offered}")
        other = offered - answered - abandoned
    if counts["answered_within"] is not None and answered is not None and counts["answered_within"] > answered:
        raise _Bad(f"answered within T {counts['answered_within']} exceeds answered {answered}")
    return IntervalFigures(
        offered=offered,
        answered=answered,
        abandoned=abandoned,
        other=other,
        waiting=None,
        answered_within=counts["answered_within"],
        abandoned_within=counts["abandoned_within"],
        asa_seconds=durations["asa"],
        aht_seconds=durations["aht"],
        aht_count=answered if durations["aht"] is not None else None,
        max_wait_seconds=durations["max_wait"],
        vendor_service_level=_percent(raw["service_level"], mapping),
    )
