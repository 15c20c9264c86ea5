"""Reader of the Technion "Anonymous Bank" call-by-call format.

Tab-separated, CRLF, one header line, 17 columns (see
shared/data/anonymous-bank/README.md). The mapping to call records:

* PHANTOM rows are ignored (counted, not rejected).
* A call is offered to the agent queue when its outcome is AGENT or it was
  queued (`q_start` is not the `0:00:00` sentinel); a HANG that never queued
  left in the VRU and is only counted as "VRU only".
* arrival = `q_start` if queued, else `vru_exit`, on the row's date, plus one
  day when that time is more than 12 h before `vru_entry` (midnight wrap).
  Times are wall clock in the zone given by the caller of the reader.
* wait = `q_time`; handle = `ser_time` when `ser_start` is not `0:00:00`.
* key = (`vru+line`, `call_id`, `date`, `vru_entry`): `call_id` alone repeats.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from app.domain.calls import CALL_COLUMNS, CallState, RejectedLine
from app.domain.errors import InputFileError
from app.feeds.base import BATCH_LINES, CallBatch, LineSource, event_spans, no_lines, shown

HEADER = (
    "vru+line call_id customer_id priority type date vru_entry vru_exit vru_time "
    "q_start q_exit q_time outcome ser_start ser_exit ser_time server"
).split()
NO_TIME = "0:00:00"
NO_SERVER = "NO_SERVER"
IGNORED_PHANTOM = "PHANTOM"
IGNORED_VRU_ONLY = "VRU only"
_TIME = re.compile(r"^(\d{1,2}):([0-5]\d):([0-5]\d)$")
_DATE = re.compile(r"^(\d\d)(\d\d)(\d\d)$")
_HALF_DAY = 12 * 3600
# Larger durations (about 31 years) are not seconds of a call; they would not even fit a float.
MAX_SECONDS = 10**9


class _BadField(ValueError):
    pass


def _seconds_of_day(text: str, column: str) -> int:
    m = _TIME.match(text)
    if not m or int(m.group(1)) > 23:
        raise _BadField(f"{column} {text!r} is not a time H:MM:SS")
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))


def _date(text: str) -> datetime:
    m = _DATE.match(text)
    if not m:
        raise _BadField(f"date {text!r} is not YYMMDD")
    yy, mm, dd = (int(g) for g in m.groups())
    try:
        return datetime(1900 + yy if yy >= 70 else 2000 + yy, mm, dd)
    except ValueError:
        raise _BadField(f"date {text!r} is not a calendar date") from None


def _int(text: str, column: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise _BadField(f"{column} {shown(text)!r} is not a whole number") from None
    if abs(value) > MAX_SECONDS:
        raise _BadField(f"{column} {shown(text)!r} is out of range (more than {MAX_SECONDS} seconds)")
    return value


def read(
    path: Path, tz: ZoneInfo, batch_lines: int = BATCH_LINES, start_offset: int = 0, start_line: int = 0,
    whole_lines: bool = False,
) -> Iterator[CallBatch]:
    """Read `path`; wall-clock times are in `tz`. Raises InputFileError if unusable.

    From `start_offset` > 0 (the line before it numbered `start_line`), the
    header is checked again at the start of the file. With `whole_lines`, an
    unfinished last line (or header) is left for the next read.
    """
    source = LineSource(Path(path), whole_lines=whole_lines)
    lines = iter(source)
    header = source.first_line(lines)
    if header is None:  # still being written
        yield no_lines(0, 0)
        return
    if [h.strip() for h in header.split("\t")] != HEADER:
        raise InputFileError(
            str(path),
            "not an anonymous-bank file: the first line must be the tab-separated header "
            f"'{' '.join(HEADER)}'",
            line=source.line_no,
        )
    if start_offset > source.offset:
        lines.close()
        source = LineSource(Path(path), start_offset=start_offset, line_no=start_line, whole_lines=whole_lines)
        lines = iter(source)
    state = _BatchState(source.line_no)
    for text in lines:
        if text.strip():
            state.add(source.line_no, text, tz)
        if source.line_no - state.first_line >= batch_lines:
            yield state.finish(source)
            state = _BatchState(source.line_no)
    yield state.finish(source)


class _BatchState:
    """Columns being gathered for one batch; see CallBatch for the fields."""

    def __init__(self, after_line: int) -> None:
        self.first_line = after_line
        self.columns: dict[str, list] = {c: [] for c in CALL_COLUMNS}
        self.rejected: list[RejectedLine] = []
        self.ignored: Counter[str] = Counter()
        self.events: list[float] = []

    def add(self, line_no: int, text: str, tz: ZoneInfo) -> None:
        fields = text.split("\t")
        if len(fields) != len(HEADER):
            self.rejected.append(
                RejectedLine(line_no, f"expected {len(HEADER)} tab-separated fields, found {len(fields)}", shown(text))
            )
            return
        try:
            self._add_fields(fields, tz)
        except _BadField as exc:
            self.rejected.append(RejectedLine(line_no, str(exc), shown(text)))

    def _add_fields(self, f: list[str], tz: ZoneInfo) -> None:
        vru_line, call_id, customer, _prio, queue, date_text = (x.strip() for x in f[:6])
        day = _date(date_text)
        entry = _seconds_of_day(f[6].strip(), "vru_entry")
        vru_exit = _seconds_of_day(f[7].strip(), "vru_exit")
        q_start_text = f[9].strip()
        q_start = _seconds_of_day(q_start_text, "q_start")
        q_time = _int(f[11].strip(), "q_time")
        outcome = f[12].strip()
        ser_start_text = f[13].strip()
        _seconds_of_day(ser_start_text, "ser_start")
        ser_time = _int(f[15].strip(), "ser_time")
        server = f[16].strip()
        if outcome not in ("AGENT", "HANG", "PHANTOM"):
            raise _BadField(f"outcome {outcome!r} is not AGENT, HANG or PHANTOM")
        if not queue:
            raise _BadField("type (the queue) is empty")
        entry_epoch = _local_epoch(day, entry, tz)
        # Every row is an event of the feed, ignored ones too: they say the
        # feed was running at that time.
        self.events.append(entry_epoch)
        if outcome == "PHANTOM":
            self.ignored[IGNORED_PHANTOM] += 1
            return
        queued = q_start_text != NO_TIME
        if outcome == "HANG" and not queued:
            self.ignored[IGNORED_VRU_ONLY] += 1
            return
        if q_time < 0:
            raise _BadField(f"q_time {q_time} is negative")
        tod = q_start if queued else vru_exit
        arrive_day = day + timedelta(days=1) if tod < entry - _HALF_DAY else day
        arrived = _local_epoch(arrive_day, tod, tz)
        self.events.append(arrived)  # a wrapped arrival may fall after the last VRU entry
        answered = outcome == "AGENT"
        handle = float(ser_time) if answered and ser_start_text != NO_TIME and ser_time >= 0 else None
        col = self.columns
        col["queue"].append(queue)
        col["call_key"].append(f"{vru_line}|{call_id}|{date_text}|{f[6].strip()}")
        col["arrived_at"].append(float(arrived))
        col["state"].append(CallState.ANSWERED.value if answered else CallState.ABANDONED.value)
        col["wait_seconds"].append(float(q_time))
        col["answered_at"].append(float(arrived + q_time) if answered else np.nan)
        ended = arrived + q_time + (handle if handle is not None else np.nan) if answered else arrived + q_time
        col["ended_at"].append(float(ended))
        col["handle_seconds"].append(handle if handle is not None else np.nan)
        col["agent"].append(server if answered and server != NO_SERVER else None)
        col["caller"].append(customer if customer not in ("", "0") else None)

    def finish(self, source: LineSource) -> CallBatch:
        rejected = sorted(self.rejected + source.take_rejected(), key=lambda r: r.line_no)
        frame = pd.DataFrame(self.columns, columns=list(CALL_COLUMNS))
        return CallBatch(
            calls=frame,
            rejected=tuple(rejected),
            ignored=self.ignored,
            lines_read=source.line_no - self.first_line,
            event_spans=event_spans(np.asarray(self.events, dtype=float)),
            end_offset=source.offset,
            end_line=source.line_no,
        )


def _local_epoch(day: datetime, seconds: int, tz: ZoneInfo) -> int:
    # fold=0: in the repeated hour of a DST change, the first occurrence.
    return int((day + timedelta(seconds=seconds)).replace(tzinfo=tz).timestamp())
