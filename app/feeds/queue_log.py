"""Reader of Asterisk's queue_log (`epoch|callid|queue|agent|EVENT|data...`).

Every line is read on its own into a partial call record keyed by
(callid, queue, arrival epoch): ENTERQUEUE gives the arrival; an outcome
line gives it as its time minus the wait it reports (CONNECT: holdtime;
ABANDON and EXIT*: waittime; COMPLETE* and transfers: time - holdtime -
calltime). Partial records of one call merge (here within a batch, in the
database across batches and imports) by fixed rules, so shuffled,
duplicated or overlapping input gives the same calls as one clean import.

AGENTDUMP carries no wait, so no arrival: the batch hands it on and the
import service matches it to the latest stored waiting call of the same
(callid, queue) that arrived before it. That is the one exception to order
independence: a dump stored before its ENTERQUEUE (in an earlier batch or
import) finds no call and is rejected. The reader keeps no state from line
to line, which keeps its memory flat however long the file. JOINEMPTY, JOINUNAVAIL and FULL callers never
entered the queue; lines of queue NONE are not calls of any queue. Member
and pause events are agent events. Unique ids stay strings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from app.domain.calls import CALL_COLUMNS, CallState, RejectedLine
from app.domain.errors import InputFileError
from app.feeds.base import BATCH_LINES, CallBatch, LineSource, event_spans, shown

ANSWERED, ABANDONED, OTHER, WAITING = (s.value for s in (CallState.ANSWERED, CallState.ABANDONED, CallState.OTHER, CallState.WAITING))
# State rank when partial records of one call merge: an outcome beats waiting.
STATE_RANK = {WAITING: 0, OTHER: 1, ABANDONED: 2, ANSWERED: 3}
NEVER_ENTERED = {"JOINEMPTY", "JOINUNAVAIL", "FULL"}
NO_EFFECT = {"RINGNOANSWER", "RINGCANCELED", "SYSCOMPAT", "CONFIGRELOAD", "QUEUESTART", "DID", "INFO", "PAUSEREASON"}
AGENT_EVENTS = {
    "AGENTLOGIN": None, "AGENTLOGOFF": None, "AGENTCALLBACKLOGIN": None, "AGENTCALLBACKLOGOFF": 2,
    "ADDMEMBER": None, "REMOVEMEMBER": None, "PAUSE": 0, "UNPAUSE": 0, "PAUSEALL": 0, "UNPAUSEALL": 0,
}  # event -> index of its reason field in data (None: no reason)
# event -> (state, index of the wait field, index of the call time field or None)
OUTCOMES = {
    "CONNECT": (ANSWERED, 0, None),
    "ABANDON": (ABANDONED, 2, None),
    "EXITWITHTIMEOUT": (OTHER, 2, None),
    "EXITEMPTY": (OTHER, 2, None),
    "EXITWITHKEY": (OTHER, 3, None),
    "COMPLETEAGENT": (ANSWERED, 0, 1),
    "COMPLETECALLER": (ANSWERED, 0, 1),
    "TRANSFER": (ANSWERED, 2, 3),
    "BLINDTRANSFER": (ANSWERED, 2, 3),
    "ATTENDEDTRANSFER": (ANSWERED, 2, 3),
}
NO_QUEUE = {"", "NONE"}
IGNORED_NO_QUEUE = "no queue (NONE)"
IGNORED_OTHER_EVENTS = "events without effect on calls"
# Larger waits or talk times (about 31 years) are not seconds of a call; they would not fit a float.
MAX_SECONDS = 10**9
# The first instant after the year 9999: no date and time is later.
END_OF_TIME = 253402300800.0


def ignored_never_entered(event: str) -> str:
    return f"never entered the queue ({event})"


class _Bad(ValueError):
    pass


def _seconds(data: list[str], index: int, event: str, name: str) -> int:
    try:
        value = int(data[index])
    except IndexError:
        raise _Bad(f"{event} lacks its {name} field") from None
    except ValueError:
        raise _Bad(f"{event} {name} {shown(data[index])!r} is not a whole number of seconds") from None
    if value < 0:
        raise _Bad(f"{event} {name} {value} is negative")
    if value > MAX_SECONDS:
        raise _Bad(f"{event} {name} {shown(data[index])!r} is out of range (more than {MAX_SECONDS} seconds)")
    return value


_WAIT_NAMES = {0: "holdtime", 2: "waittime", 3: "waittime"}


def read(
    path: Path, tz: ZoneInfo, batch_lines: int = BATCH_LINES, start_offset: int = 0, start_line: int = 0,
    whole_lines: bool = False,
) -> Iterator[CallBatch]:
    """Read `path` in batches (timestamps that are not epochs are wall clock in `tz`).

    From `start_offset` (the line before it numbered `start_line`); with
    `whole_lines`, an unfinished last line is left for the next read.
    """
    source = LineSource(Path(path), start_offset=start_offset, line_no=start_line, whole_lines=whole_lines)
    source.open_check()
    if source.path.stat().st_size == start_offset == 0 and not whole_lines:
        raise InputFileError(str(path), "the file is empty")
    reader = _Reader(tz)
    batch = _Batch(start_line)
    for text in source:
        if text.strip():
            reader.add(batch, source.line_no, text)
        if source.line_no - batch.first_line >= batch_lines:
            yield batch.finish(source)
            batch = _Batch(source.line_no)
    yield batch.finish(source)


class _Reader:
    """Reads one line at a time; holds only the zone of non-epoch timestamps."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz

    def add(self, batch: _Batch, line_no: int, text: str) -> None:
        fields = text.split("|")
        if len(fields) < 5:
            batch.rejected.append(RejectedLine(line_no, f"expected at least 5 |-separated fields, found {len(fields)}", shown(text)))
            return
        try:
            self._add(batch, fields, line_no, text)
        except _Bad as exc:
            batch.rejected.append(RejectedLine(line_no, str(exc), shown(text)))

    def _time(self, text: str) -> float:
        text = text.strip()
        if text.isascii() and text.isdigit():  # "²" is a digit to isdigit, not to float
            value = float(text)
            if value >= END_OF_TIME:
                raise _Bad(f"time {shown(text)!r} is after the year 9999")
            return value
        try:
            stamp = datetime.fromisoformat(text)
        except ValueError:
            raise _Bad(f"time {shown(text)!r} is neither an epoch nor a date and time") from None
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=self.tz)
        return stamp.timestamp()

    def _add(self, batch: _Batch, fields: list[str], line_no: int, text: str) -> None:
        at = self._time(fields[0])
        callid, queue, agent, event = fields[1].strip(), fields[2].strip(), fields[3].strip(), fields[4].strip().upper()
        data = fields[5:]
        while data and data[-1] == "":
            data.pop()
        batch.events.append(at)
        if event in AGENT_EVENTS:
            reason_at = AGENT_EVENTS[event]
            reason = data[reason_at].strip() or None if reason_at is not None and len(data) > reason_at else None
            batch.agent_events.append((agent, at, event, "" if queue in NO_QUEUE else queue, reason))
            return
        if event in NO_EFFECT:
            batch.ignored[IGNORED_OTHER_EVENTS] += 1
            return
        if event in NEVER_ENTERED:
            batch.ignored[ignored_never_entered(event)] += 1
            return
        is_call_event = event == "ENTERQUEUE" or event == "AGENTDUMP" or event in OUTCOMES
        if not is_call_event:
            batch.ignored[IGNORED_OTHER_EVENTS] += 1
            return
        if queue in NO_QUEUE:
            batch.ignored[IGNORED_NO_QUEUE] += 1
            return
        if not callid or callid == "NONE":
            raise _Bad(f"{event} has no call id")
        member = agent if agent and agent != "NONE" else None
        if event == "ENTERQUEUE":
            caller = data[1].strip() if len(data) > 1 and data[1].strip() else None
            batch.call(queue, callid, at, WAITING, caller=caller)
            return
        if event == "AGENTDUMP":
            batch.dumps.append((line_no, callid, queue, at, shown(text)))
            return
        state, wait_at, call_at = OUTCOMES[event]
        wait = _seconds(data, wait_at, event, _WAIT_NAMES[wait_at])
        if call_at is None:
            arrived = at - wait
            if state == ANSWERED:
                batch.call(queue, callid, arrived, state, wait=wait, answered_at=at, agent=member)
            else:
                batch.call(queue, callid, arrived, state, wait=wait, ended_at=at)
            return
        talk = _seconds(data, call_at, event, "calltime")
        answered = at - talk
        batch.call(queue, callid, answered - wait, state, wait=wait, answered_at=answered, ended_at=at, handle=talk, agent=member)


class _Batch:
    """Partial call records, agent events and counts of one batch."""

    def __init__(self, after_line: int) -> None:
        self.first_line = after_line
        self.rows: list[tuple] = []
        self.rejected: list[RejectedLine] = []
        self.ignored: Counter[str] = Counter()
        self.events: list[float] = []
        self.agent_events: list[tuple] = []
        self.dumps: list[tuple[int, str, str, float, str]] = []

    def call(self, queue, callid, arrived, state, wait=np.nan, answered_at=np.nan, ended_at=np.nan,
             handle=np.nan, agent=None, caller=None) -> None:
        key = f"{callid}|{queue}|{int(arrived)}"
        self.rows.append((queue, key, float(arrived), state, float(wait), float(answered_at), float(ended_at),
                          float(handle), agent, caller))

    def finish(self, source: LineSource) -> CallBatch:
        rejected = sorted(self.rejected + source.take_rejected(), key=lambda r: r.line_no)
        return CallBatch(
            calls=merge_partials(pd.DataFrame(self.rows, columns=list(CALL_COLUMNS))),
            rejected=tuple(rejected),
            ignored=self.ignored,
            lines_read=source.line_no - self.first_line,
            event_spans=event_spans(np.asarray(self.events, dtype=float)),
            end_offset=source.offset,
            agent_events=tuple(dict.fromkeys(self.agent_events)),
            dumps=tuple(self.dumps),
            end_line=source.line_no,
        )


def merge_partials(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per call key: the highest-ranked state, and each other field's largest known value.

    Order-independent, so any shuffle or duplication of lines merges alike.
    Done with array operations over factorized keys: a groupby with a Python
    aggregate per call was most of a large import's time.
    """
    if frame.empty:
        return frame
    codes, keys = pd.factorize(frame["call_key"].to_numpy(dtype=object))
    n = len(keys)
    if n == len(frame):
        return frame
    _, first = np.unique(codes, return_index=True)
    rank = np.full(n, -1, dtype=np.int64)
    np.maximum.at(rank, codes, frame["state"].map(STATE_RANK).to_numpy(dtype=np.int64))
    numeric = frame[["wait_seconds", "answered_at", "ended_at", "handle_seconds"]].groupby(codes, sort=True).max()
    merged = pd.DataFrame(
        {
            "queue": frame["queue"].to_numpy(dtype=object)[first],
            "call_key": np.asarray(keys, dtype=object),
            "arrived_at": frame["arrived_at"].to_numpy(dtype=float)[first],
            "state": _RANK_STATE[rank],
            **{c: numeric[c].to_numpy() for c in numeric.columns},
            "agent": _largest_text(codes, n, frame["agent"].to_numpy(dtype=object)),
            "caller": _largest_text(codes, n, frame["caller"].to_numpy(dtype=object)),
        }
    )
    return merged[list(CALL_COLUMNS)]


_RANK_STATE = np.array([s for s, _ in sorted(STATE_RANK.items(), key=lambda kv: kv[1])], dtype=object)


def _largest_text(codes: np.ndarray, n: int, values: np.ndarray) -> np.ndarray:
    """Per call, the largest known text of `values` (None when none is known)."""
    text_codes, uniques = pd.factorize(pd.Series(values, dtype=object), sort=True)  # unknown -> -1
    best = np.full(n, -1, dtype=np.int64)
    np.maximum.at(best, codes, text_codes)
    if not len(uniques):
        return np.full(n, None, dtype=object)
    out = np.asarray(uniques, dtype=object)[np.maximum(best, 0)]
    out[best < 0] = None
    return out
