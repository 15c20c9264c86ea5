"""What every call-level reader produces, and the numbered line source they share.

A reader turns a file into `CallBatch` values: the calls of a stretch of the
file as a DataFrame with the canonical columns (`app.domain.calls.CALL_COLUMNS`),
the lines it could not use (number and reason), what it ignored and why, and
the byte offset it reached, so that each batch can be stored in one
transaction and an interrupted import re-run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from app.domain.calls import CALL_COLUMNS, CallRecord, CallState, RejectedLine
from app.domain.errors import InputFileError

# More than this without any event inside one file is a gap in the data, not
# a quiet stretch (the January 1999 file has no records for two whole days).
COVERAGE_GAP_SECONDS = 24 * 3600
BATCH_LINES = 200_000
MAX_KEPT_TEXT = 500


@dataclass(frozen=True)
class CallBatch:
    """One stretch of a feed file, ready to be stored in one transaction.

    calls     -- DataFrame, one row per call, columns CALL_COLUMNS
    rejected  -- lines that could not be used, with number and reason
    ignored   -- count of lines left out on purpose, by reason (e.g. PHANTOM)
    lines_read -- data lines this batch covers
    event_spans -- (first, last) epoch spans of events in this batch, split at gaps
    end_offset -- byte offset in the file after the last line of the batch
    agent_events -- (agent, at, kind, queue, reason) of feeds that log agents
    dumps -- (line, call id, queue, at, text) of AGENTDUMP events, to match to stored calls
    end_line -- number of the last line of the batch (the header and skipped lines included)
    """

    calls: pd.DataFrame
    rejected: tuple[RejectedLine, ...]
    ignored: Counter[str]
    lines_read: int
    event_spans: tuple[tuple[float, float], ...]
    end_offset: int
    agent_events: tuple[tuple[str, float, str, str, str | None], ...] = ()
    dumps: tuple[tuple[int, str, str, float, str], ...] = ()
    end_line: int = 0

    def records(self) -> Iterator[CallRecord]:
        """The calls as canonical records (for inspection and tests; not the hot path)."""
        for row in self.calls.itertuples(index=False):
            yield CallRecord(
                source="",
                queue=row.queue,
                call_key=row.call_key,
                arrived_at=_dt(row.arrived_at),
                state=CallState(row.state),
                wait_seconds=_num(row.wait_seconds),
                answered_at=_dt(row.answered_at),
                ended_at=_dt(row.ended_at),
                handle_seconds=_num(row.handle_seconds),
                agent=_str(row.agent),
                caller=_str(row.caller),
            )


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _str(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def _dt(value: object):
    from datetime import datetime, timezone

    num = _num(value)
    return None if num is None else datetime.fromtimestamp(num, timezone.utc)


def empty_calls() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in CALL_COLUMNS})


def event_spans(epochs: np.ndarray, gap: float = COVERAGE_GAP_SECONDS) -> tuple[tuple[float, float], ...]:
    """Split the sorted event instants into spans wherever they are more than `gap` apart."""
    values = np.sort(epochs[~np.isnan(epochs)])
    if values.size == 0:
        return ()
    breaks = np.nonzero(np.diff(values) > gap)[0]
    starts = np.concatenate(([values[0]], values[breaks + 1]))
    ends = np.concatenate((values[breaks], [values[-1]]))
    return tuple((float(a), float(b)) for a, b in zip(starts, ends))


@dataclass
class LineSource:
    """Numbered text lines of a file, decoded one by one.

    A line that is not text in `encoding` becomes a rejected line and never
    stops the reading. `line_no` and `offset` always name the line last
    handed out (1-based) and the byte offset just after it; reading from
    `start_offset` > 0, `line_no` starts at the number of the line before it.
    With `whole_lines`, a last line without its newline (a file still being
    written) is left for the next read, which gets it whole.

    State: the open file, the running line number and byte offset, and the
    decode rejections not yet collected by the reader.
    """

    path: Path
    encoding: str = "utf-8"
    start_offset: int = 0
    line_no: int = 0
    offset: int = 0
    rejected: list[RejectedLine] = field(default_factory=list)
    whole_lines: bool = False

    def open_check(self) -> None:
        if self.path.is_dir():
            raise InputFileError(str(self.path), "is a folder, not a file")
        try:
            with open(self.path, "rb"):
                pass
        except OSError as exc:
            raise InputFileError(str(self.path), f"cannot read the file ({exc.strerror or exc})") from None

    def __iter__(self) -> Iterator[str]:
        self.open_check()
        self.offset = self.start_offset
        whole = self.whole_lines
        with open(self.path, "rb") as fh:
            fh.seek(self.start_offset)
            for raw in fh:
                if whole and raw[-1:] != b"\n":
                    return
                self.line_no += 1
                self.offset += len(raw)
                if self.offset == len(raw) and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    text = raw.decode(self.encoding)
                except UnicodeError as exc:  # a codec such as idna fails with UnicodeError, at no byte
                    where = f" (byte {exc.start + 1})" if isinstance(exc, UnicodeDecodeError) else ""
                    self.rejected.append(RejectedLine(self.line_no, f"not {self.encoding} text{where}", _shown(raw)))
                    continue
                yield text.rstrip("\r\n")

    def first_line(self, lines: Iterator[str]) -> str | None:
        """The first line of the file (its header), or InputFileError when there is none.

        With `whole_lines`, None while the header is still being written.
        """
        header = next(lines, None)
        rejected = self.take_rejected()
        if rejected:
            raise InputFileError(str(self.path), f"{rejected[0].reason}: not a text file of this format", line=rejected[0].line_no)
        if header is None:
            if self.whole_lines:
                return None
            reason = "the file is empty" if self.line_no == 0 else "the file has no header line"
            raise InputFileError(str(self.path), reason)
        return header

    def text_line(self) -> int:
        """The number of the last line handed out as text.

        `line_no`, unless lines that are not text were read after it: a CSV
        record still open at the end of the file pulls them before it ends.
        """
        line = self.line_no
        for r in reversed(self.rejected):
            if r.line_no != line:
                break
            line -= 1
        return line

    def take_rejected(self) -> list[RejectedLine]:
        taken, self.rejected = self.rejected, []
        return taken


def no_lines(start_offset: int, start_line: int) -> CallBatch:
    """The batch of a read that found no whole line to hand out."""
    return CallBatch(empty_calls(), (), Counter(), 0, (), start_offset, end_line=start_line)


def _shown(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace").rstrip("\r\n")[:MAX_KEPT_TEXT]


def shown(text: str) -> str:
    return text[:MAX_KEPT_TEXT]


def epoch_seconds(ts: pd.Series) -> pd.Series:
    """Aware datetimes (any resolution) to float epoch seconds; NaT becomes NaN."""
    return (ts - pd.Timestamp("1970-01-01", tz="UTC")) / pd.Timedelta(seconds=1)
