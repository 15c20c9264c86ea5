"""The canonical call record and agent event (ARCHITECTURE.md section 4)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class CallState(str, enum.Enum):
    WAITING = "waiting"
    ANSWERED = "answered"
    ABANDONED = "abandoned"
    OTHER = "other"

    @property
    def has_outcome(self) -> bool:
        return self is not CallState.WAITING


class FeedFormat(str, enum.Enum):
    CALLS_CSV = "calls-csv"
    ANONYMOUS_BANK = "anonymous-bank"
    QUEUE_LOG = "queue-log"
    INTERVAL_CSV = "interval-csv"


# The formats read call by call (the others carry intervals already aggregated).
CALL_FORMATS = (FeedFormat.CALLS_CSV, FeedFormat.ANONYMOUS_BANK, FeedFormat.QUEUE_LOG)


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One caller visit to one queue, as every feed format is read into.

    Instants are timezone-aware UTC datetimes; durations are seconds.
    """

    source: str
    queue: str
    call_key: str
    arrived_at: datetime
    state: CallState
    wait_seconds: float | None = None
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    handle_seconds: float | None = None
    agent: str | None = None
    caller: str | None = None


@dataclass(frozen=True, slots=True)
class RejectedLine:
    """An input line that could not be used, with its 1-based number and the reason."""

    line_no: int
    reason: str
    text: str


# The columns of a batch of call records as feeds hand them to the import
# service (one row per call, instants as UTC epoch seconds, NaN for unknown).
CALL_COLUMNS = (
    "queue",
    "call_key",
    "arrived_at",
    "state",
    "wait_seconds",
    "answered_at",
    "ended_at",
    "handle_seconds",
    "agent",
    "caller",
)
