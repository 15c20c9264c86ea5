"""Reader of `calls-csv`: a generic call-detail CSV any ACD can export.

Header (order free, names case-insensitive):
`call_id,queue,arrived_at,answered_at,ended_at,outcome,agent` plus optional
`caller`. Times are ISO 8601, with or without a UTC offset; without one they
are wall clock in the zone the caller gives (in the repeated hour of a DST
change, the first occurrence; in the skipped hour, shifted forward).
`outcome` is answered, abandoned, other or waiting. wait = answered_at -
arrived_at for answered calls, ended_at - arrived_at otherwise; handle =
ended_at - answered_at. The call key is (call_id, arrived_at).

A mapping file (TOML, `app.feeds.mapping`) reads another vendor's export:
other column names, a time format, other outcome words, a delimiter, an
encoding and preamble lines to skip.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from app.domain.calls import CALL_COLUMNS, CallState, RejectedLine
from app.domain.errors import InputFileError
from app.feeds.base import BATCH_LINES, CallBatch, LineSource, epoch_seconds, event_spans, no_lines, shown
from app.feeds.mapping import CallsMapping

_OFFSET_AT_END = r"\d(?::\d\d(?:[.,]\d+)?)?\s*(?:[zZ]|[+-]\d\d(?::?\d\d)?)$"


def read(
    path: Path, tz: ZoneInfo, mapping: CallsMapping | None = None, batch_lines: int = BATCH_LINES,
    start_offset: int = 0, start_line: int = 0, whole_lines: bool = False,
) -> Iterator[CallBatch]:
    """Read `path` in batches. Raises InputFileError when the file cannot be used at all.

    From `start_offset` > 0 (the line before it numbered `start_line`), the
    header is read again from the start of the file. With `whole_lines`, an
    unfinished last line (or header) is left for the next read.
    """
    mapping = mapping or CallsMapping()
    source = LineSource(Path(path), encoding=mapping.encoding, whole_lines=whole_lines)
    lines = iter(source)
    for _ in range(mapping.skip_lines):
        next(lines, None)
    source.take_rejected()
    header_text = source.first_line(lines)
    if header_text is None:  # still being written
        yield no_lines(0, 0)
        return
    try:
        header = next(csv.reader([header_text], delimiter=mapping.delimiter))
    except csv.Error as exc:
        raise InputFileError(
            str(path), f"the header is not a readable CSV line ({exc})", line=source.line_no
        ) from None
    positions = mapping.positions(header, str(path), source.line_no)
    width = len(header)
    if start_offset > source.offset:
        lines.close()
        source = LineSource(
            Path(path), encoding=mapping.encoding, start_offset=start_offset, line_no=start_line, whole_lines=whole_lines
        )
        lines = iter(source)
    rows = csv.reader(lines, delimiter=mapping.delimiter)
    batch = _Batch(source.line_no)
    # The hot loop of a million-line import: locals, and the fields stripped here
    # once rather than column by column later.
    keep, numbers = batch.rows.append, batch.line_nos.append
    while True:
        try:
            for row in rows:
                line_no = source.text_line() if source.rejected else source.line_no
                if len(row) == width:
                    keep([row[i].strip() if i is not None else "" for i in positions])
                    numbers(line_no)
                elif row and (len(row) > 1 or row[0].strip()):
                    batch.rejected.append(RejectedLine(
                        line_no, f"expected {width} fields, found {len(row)}", shown(mapping.delimiter.join(row))
                    ))
                if source.line_no - batch.first_line >= batch_lines:
                    yield batch.finish(source, tz, mapping)
                    batch = _Batch(source.line_no)
                    keep, numbers = batch.rows.append, batch.line_nos.append
        except csv.Error as exc:
            # A carriage return inside a line, a field over the csv module's limit: that
            # line is rejected and the reader goes on with the next one (it keeps no state).
            batch.rejected.append(RejectedLine(source.text_line(), f"not a readable CSV line ({exc})", ""))
            if source.line_no - batch.first_line >= batch_lines:
                yield batch.finish(source, tz, mapping)
                batch = _Batch(source.line_no)
                keep, numbers = batch.rows.append, batch.line_nos.append
            continue
        break
    yield batch.finish(source, tz, mapping)


FIELDS = ("call_id", "queue", "arrived_at", "answered_at", "ended_at", "outcome", "agent", "caller")


class _Batch:
    """Raw rows of one batch (in FIELDS order) with their line numbers."""

    def __init__(self, after_line: int) -> None:
        self.first_line = after_line
        self.rows: list[list[str]] = []
        self.line_nos: list[int] = []
        self.rejected: list[RejectedLine] = []

    def finish(self, source: LineSource, tz: ZoneInfo, mapping: CallsMapping) -> CallBatch:
        raw = pd.DataFrame(self.rows, columns=list(FIELDS), dtype=object)
        calls, rejected = convert(raw, np.asarray(self.line_nos, dtype=np.int64), tz, mapping)
        rejected = sorted(self.rejected + rejected + source.take_rejected(), key=lambda r: r.line_no)
        return CallBatch(
            calls=calls,
            rejected=tuple(rejected),
            ignored=Counter(),
            lines_read=source.line_no - self.first_line,
            event_spans=event_spans(calls["arrived_at"].to_numpy(dtype=float)),
            end_offset=source.offset,
            end_line=source.line_no,
        )


def parse_times(text: pd.Series, tz: ZoneInfo, time_format: str | None) -> np.ndarray:
    """Epoch seconds of each text (NaN where empty or not a time)."""
    out = np.full(len(text), np.nan)
    if len(text) == 0:
        return out
    if time_format:
        aware = "%z" in time_format
        parsed = pd.to_datetime(text, format=time_format, errors="coerce", utc=aware)
        if not aware:
            parsed = _localize(parsed, tz)
        return epoch_seconds(parsed).to_numpy(dtype=float)
    # Most files write every time alike (all with one offset, or all without):
    # one parse. A column mixing offsets, or offsets and none, is split.
    try:
        parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
    except (ValueError, TypeError):
        parsed = None
    if parsed is not None and isinstance(parsed.dtype, pd.DatetimeTZDtype):
        return epoch_seconds(parsed.dt.tz_convert("UTC")).to_numpy(dtype=float)
    if parsed is not None and parsed.dtype.kind == "M":
        return epoch_seconds(_localize(parsed, tz)).to_numpy(dtype=float)
    has_offset = text.str.contains(_OFFSET_AT_END, regex=True, na=False).to_numpy()
    if has_offset.any():
        parsed = pd.to_datetime(text[has_offset], format="ISO8601", errors="coerce", utc=True)
        out[has_offset] = epoch_seconds(parsed).to_numpy(dtype=float)
    naive = ~has_offset & (text != "").to_numpy()
    if naive.any():
        parsed = pd.to_datetime(text[naive], format="ISO8601", errors="coerce")
        out[naive] = epoch_seconds(_localize(parsed, tz)).to_numpy(dtype=float)
    return out


def _localize(parsed: pd.Series, tz: ZoneInfo) -> pd.Series:
    # ambiguous=True takes the DST reading, i.e. the first occurrence of the
    # repeated hour; a wall time in the skipped hour moves forward.
    first = np.ones(len(parsed), dtype=bool)
    return parsed.dt.tz_localize(tz, ambiguous=first, nonexistent="shift_forward").dt.tz_convert("UTC")


def convert(raw: pd.DataFrame, line_nos: np.ndarray, tz: ZoneInfo, mapping: CallsMapping):
    """Turn raw text rows into canonical call columns; returns (calls, rejected lines)."""
    n = len(raw)
    reason = np.full(n, None, dtype=object)

    def flag(mask: np.ndarray, why) -> None:
        hit = mask & (reason == None)  # noqa: E711 (element-wise)
        if hit.any():
            reason[hit] = [why(i) for i in np.nonzero(hit)[0]] if callable(why) else why

    text = {c: raw[c] for c in FIELDS}  # stripped str values (object dtype)
    state = text["outcome"].str.lower().map(mapping.outcome_states).to_numpy(dtype=object)
    flag(pd.isna(state), lambda i: f"outcome {text['outcome'].iat[i]!r} is not one of {mapping.outcome_words()}")
    flag((text["call_id"] == "").to_numpy(), "call_id is empty")
    flag((text["queue"] == "").to_numpy(), "queue is empty")
    times = {}
    for col in ("arrived_at", "answered_at", "ended_at"):
        times[col] = parse_times(text[col], tz, mapping.time_format)
        bad = np.isnan(times[col]) & (text[col] != "").to_numpy()
        flag(bad, lambda i, col=col: f"{col} {text[col].iat[i]!r} is not a date and time")
    arrived, answered_at, ended = times["arrived_at"], times["answered_at"], times["ended_at"]
    is_answered = state == CallState.ANSWERED.value
    is_waiting = state == CallState.WAITING.value
    flag(np.isnan(arrived), "arrived_at is empty")
    flag(is_answered & np.isnan(answered_at), "an answered call needs answered_at")
    flag(~is_answered & ~is_waiting & np.isnan(ended), "a call that left the queue needs ended_at")
    with np.errstate(invalid="ignore"):
        flag(is_answered & (answered_at < arrived), "answered_at is before arrived_at")
        flag(~is_answered & ~is_waiting & (ended < arrived), "ended_at is before arrived_at")
        flag(is_answered & (ended < answered_at), "ended_at is before answered_at")
    bad = reason != None  # noqa: E711
    rejected = [
        RejectedLine(int(line_nos[i]), str(reason[i]), shown(",".join(raw.iloc[i].fillna("").astype(str))))
        for i in np.nonzero(bad)[0]
    ]
    ok = ~bad
    arrived, answered_at, ended = arrived[ok], answered_at[ok], ended[ok]
    state, is_answered, is_waiting = state[ok], is_answered[ok], is_waiting[ok]
    wait = np.where(is_answered, answered_at - arrived, ended - arrived)
    wait[is_waiting] = np.nan
    handle = np.where(is_answered, ended - answered_at, np.nan)
    call_id = text["call_id"][ok]
    arrived_us = pd.Series(np.round(arrived * 1e6).astype(np.int64), index=call_id.index).astype(str)
    agent = text["agent"][ok].where(is_answered & (text["agent"][ok] != "").to_numpy(), None)
    caller = text["caller"][ok]
    calls = pd.DataFrame(
        {
            "queue": text["queue"][ok].to_numpy(dtype=object),
            "call_key": (call_id + "|" + arrived_us).to_numpy(dtype=object),
            "arrived_at": arrived,
            "state": state,
            "wait_seconds": wait,
            "answered_at": np.where(is_answered, answered_at, np.nan),
            "ended_at": ended,
            "handle_seconds": handle,
            "agent": agent.to_numpy(dtype=object),
            "caller": caller.where(caller != "", None).to_numpy(dtype=object),
        },
        columns=list(CALL_COLUMNS),
    )
    return calls, rejected
