"""Abandoned calls turned into callback follow-ups: the calls, who called back, and the follow-up's draft.

An abandoned call is listed with the first later call of the same caller that
was answered on the same local day of the site (in any queue of the source):
that caller has been served and needs no callback. A call already turned
into a follow-up names its entry: a log entry tagged `callback` whose
customer reference is the call's reference and whose event time is the
call's arrival (to the second). Nothing here knows Qt or the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from app.domain.calls import CallRecord, CallState
from app.domain.errors import InvalidSettingError
from app.domain.worklog import Category, Draft, Entry, ItemStatus

CALLBACK_TAG = "callback"
# A callback follow-up is due an hour after it is written: a call-back promise a supervisor can keep
# within the shift, and soon enough that the customer still remembers why they called.
CALLBACK_DUE = timedelta(hours=1)
# Caller ids that name nobody (Asterisk and most ACDs write these for withheld numbers): never matched.
ANONYMOUS = frozenset({"", "0", "-", "anonymous", "unknown", "private", "restricted", "withheld",
                       "unavailable", "none", "null"})
# The words `callback_draft` needs from the UI (already translated format strings).
WORDS = ("text", "promise")
_SEPARATORS = str.maketrans("", "", " -().\u00a0")


@dataclass(frozen=True, slots=True)
class AbandonedCall:
    """An abandoned call of `source` (arrival aware UTC) and what became of it.

    `called_back_at`: when the first later answered call of the same caller on the same
    local day was answered (None: not called back); `follow_up_id`: the non-withdrawn
    log entry made from this call (None: none yet).
    """

    source: str
    queue: str
    call_key: str
    arrived_at: datetime
    wait_seconds: float | None = None
    caller: str | None = None
    called_back_at: datetime | None = None
    follow_up_id: int | None = None


def abandoned(record: CallRecord) -> AbandonedCall:
    """The listing value of an abandoned call record."""
    if record.state is not CallState.ABANDONED:
        raise InvalidSettingError("call", record.call_key, "is not an abandoned call")
    caller = (record.caller or "").strip() or None
    return AbandonedCall(record.source, record.queue, record.call_key, record.arrived_at, record.wait_seconds, caller)


def caller_key(caller: str | None) -> str | None:
    """How callers are compared: casefolded, spaces, dashes, dots and brackets removed, a leading '+'
    dropped; None for no caller or an anonymous one (never matched)."""
    key = (caller or "").strip().casefold().translate(_SEPARATORS).lstrip("+")
    return None if key in ANONYMOUS else key


def same_caller(a: str | None, b: str | None) -> bool:
    key = caller_key(a)
    return key is not None and key == caller_key(b)


def reference(call: AbandonedCall) -> str:
    """The follow-up's customer reference: the caller, or the call key when the feed names no caller."""
    return call.caller.strip() if caller_key(call.caller) is not None else call.call_key


def answered_instant(record: CallRecord) -> datetime:
    """When an answered call was answered (its arrival plus its wait when the feed has no answer time)."""
    if record.answered_at is not None:
        return record.answered_at
    return record.arrived_at + timedelta(seconds=record.wait_seconds or 0)


def called_back_at(call: AbandonedCall, answered: Iterable[CallRecord], tz: ZoneInfo,
                   known_at: datetime | None = None) -> datetime | None:
    """When the caller was answered later the same local day: the answer time of the first answered call
    (by arrival) of the same caller that arrived after `call` on the same local date, any queue
    (answered by `known_at` when given)."""
    key = caller_key(call.caller)
    if key is None:
        return None
    day = call.arrived_at.astimezone(tz).date()
    later = [r for r in answered
             if r.state is CallState.ANSWERED and r.source == call.source and caller_key(r.caller) == key
             and r.arrived_at > call.arrived_at and r.arrived_at.astimezone(tz).date() == day
             and (known_at is None or answered_instant(r) <= known_at)]
    if not later:
        return None
    first = min(later, key=lambda r: (r.arrived_at, r.call_key))
    return answered_instant(first)


def is_follow_up_of(entry: Entry, call: AbandonedCall) -> bool:
    """A non-withdrawn entry tagged `callback` with the call's reference and its arrival (to the second)."""
    return (entry.withdrawn is None
            and any(t.casefold() == CALLBACK_TAG for t in entry.tags)
            and entry.customer_ref.strip() == reference(call)
            and abs((entry.event_at - call.arrived_at).total_seconds()) < 1)


def follow_up_of(call: AbandonedCall, entries: Iterable[Entry]) -> int | None:
    """The id of the first entry made from the call, or None."""
    ids = [e.id for e in entries if is_follow_up_of(e, call)]
    return min(ids) if ids else None


def marked(calls: Iterable[AbandonedCall], answered: Iterable[CallRecord], entries: Iterable[Entry],
           tz: ZoneInfo, known_at: datetime | None = None) -> tuple[AbandonedCall, ...]:
    """The calls with `called_back_at` (as known at `known_at`) and `follow_up_id` filled in, by arrival."""
    answered, entries = tuple(answered), tuple(entries)
    out = [replace(c, called_back_at=called_back_at(c, answered, tz, known_at),
                   follow_up_id=follow_up_of(c, entries))
           for c in calls]
    return tuple(sorted(out, key=lambda c: (c.arrived_at, c.queue, c.call_key)))


def wait_text(seconds: float | None) -> str:
    """A wait as m:ss ('—' when the feed does not say)."""
    if seconds is None:
        return "—"
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def callback_draft(call: AbandonedCall, words: Mapping[str, str], tz: ZoneInfo, owner: str,
                   now: datetime) -> Draft:
    """The callback follow-up of `call`: open, event time = arrival, due an hour after `now`.

    `words["text"]` and `words["promise"]` are format strings (translated by the UI) that may use
    {time} (arrival, local HH:MM:SS), {day} (local date), {queue}, {caller} (the reference),
    {wait} (m:ss), {source}, {key} (the call key) and {due} (due time, local HH:MM).
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise InvalidSettingError("now", str(now), "must be a timezone-aware date and time")
    missing = [w for w in WORDS if not (words.get(w) or "").strip()]
    if missing:
        raise InvalidSettingError("words", ", ".join(missing), "the follow-up's wording is missing")
    due = now + CALLBACK_DUE
    arrived = call.arrived_at.astimezone(tz)
    values = {
        "time": arrived.strftime("%H:%M:%S"), "day": arrived.date().isoformat(), "queue": call.queue,
        "caller": reference(call), "wait": wait_text(call.wait_seconds), "source": call.source,
        "key": call.call_key, "due": due.astimezone(tz).strftime("%H:%M"),
    }
    try:
        text, promise = (words[w].format(**values) for w in WORDS)
    except (KeyError, IndexError, ValueError) as exc:
        raise InvalidSettingError("words", str(exc), "the follow-up's wording names an unknown value") from None
    return Draft(
        category=Category.FOLLOW_UP,
        text=text,
        event_at=call.arrived_at.astimezone(timezone.utc),
        tags=(CALLBACK_TAG,),
        status=ItemStatus.OPEN,
        customer_ref=reference(call),
        promise=promise,
        due=due,
        owner=owner,
    )
