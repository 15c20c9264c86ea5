"""Personal data on paper and in files: customer numbers and ids show their last characters only.

Prints and exports mask by default (`mask`: every letter and digit but the
last KEEP becomes "*", separators kept, so "138 0013 8000" reads
"*** **** 8000"); a supervisor may show them whole for a while (the window
asks the PIN). Customer names stay: the floor needs them to call back, and a
name without its number identifies less. The `masked_*` functions return
copies; what is stored never changes.

Rejected feed lines (the import's report file, the lines the window shows)
hold the raw line, caller number included: `masked_feed_line` masks the
field of its format that carries the caller (calls-csv: `caller`;
anonymous-bank: `customer_id`; queue_log: the caller id of an ENTERQUEUE);
a line too broken to find that field keeps the last four digits of every
run of five or more (`mask_digit_runs`). Both leave a line already masked
as it is, so a line may pass through them twice.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import Any

from app.domain.calls import FeedFormat
from app.domain.worklog import Entry, ShiftLog

KEEP = 4  # characters left readable at the end of a number or id
MASK = "*"
RETENTION_DAYS = 90  # call-level caller numbers kept this long unless the center sets otherwise
RETENTION_LIMITS = (1, 3650)
DIGIT_RUN = 5  # a broken line's runs of this many digits or more may be numbers of people
# calls-csv rejects its rows in the reader's field order (call_id, queue, arrived_at, answered_at, ended_at,
# outcome, agent, caller) joined by ","; anonymous-bank keeps the tab-separated row of its 17 columns.
_CSV_FIELDS, _CSV_CALLER = 8, 7
_BANK_FIELDS, _BANK_CUSTOMER = 17, 2
# queue_log: epoch|callid|queue|agent|EVENT|data...; ENTERQUEUE's data are url|callerid|position.
_QLOG_MIN_FIELDS, _QLOG_EVENT, _QLOG_CALLER = 5, 4, 6
_EVENT_WORD = re.compile(r"[A-Z][A-Z_]*")


def mask(text: str | None, keep: int = KEEP) -> str:
    """`text` with every letter and digit but the last `keep` replaced by "*" (short ids of `keep` characters or
    fewer are masked but for their last one)."""
    if not text:
        return text or ""
    signs = [i for i, ch in enumerate(text) if ch.isalnum()]
    hidden = set(signs[:-keep]) if len(signs) > keep else set(signs[:-1])
    return "".join(MASK if i in hidden else ch for i, ch in enumerate(text))


def mask_digit_runs(text: str | None, keep: int = KEEP, run: int = DIGIT_RUN) -> str:
    """`text` with every run of `run` or more digits masked but for its last `keep` ("line 7 13800138000" reads
    "line 7 *******8000"); shorter runs (times, counts, a masked number's last digits) stay."""
    if not text:
        return text or ""
    return re.sub(rf"\d{{{run},}}", lambda m: MASK * (len(m.group()) - keep) + m.group()[-keep:], text)


def masked_feed_line(format: FeedFormat | str, text: str | None) -> str:
    """A rejected line of a feed of `format` as reports and the window show it: its caller field masked as prints
    mask it; a line whose caller field cannot be found (too few or too many fields, an unreadable event) with
    its long digit runs masked. Interval reports carry no caller: their lines stay as they are."""
    if not text:
        return text or ""
    try:
        fmt = FeedFormat(format)
    except ValueError:
        return mask_digit_runs(text)
    if fmt is FeedFormat.INTERVAL_CSV:
        return text
    if fmt is FeedFormat.CALLS_CSV:
        return _mask_field(text, ",", _CSV_FIELDS, _CSV_CALLER)
    if fmt is FeedFormat.ANONYMOUS_BANK:
        return _mask_field(text, "\t", _BANK_FIELDS, _BANK_CUSTOMER)
    fields = text.split("|")
    if len(fields) < _QLOG_MIN_FIELDS:
        return mask_digit_runs(text)
    event = fields[_QLOG_EVENT].strip().upper()
    if event == "ENTERQUEUE":
        if len(fields) <= _QLOG_CALLER:
            return mask_digit_runs(text)
        # The caller id masked; a number in the url or position field is one out of place.
        data = range(_QLOG_EVENT + 1, len(fields))
        return "|".join(_mask_once(f) if i == _QLOG_CALLER else mask_digit_runs(f) if i in data else f
                        for i, f in enumerate(fields))
    # Other events carry no caller; a line whose event is no word has its fields out of place.
    return text if _EVENT_WORD.fullmatch(event) else mask_digit_runs(text)


def _mask_field(text: str, sep: str, count: int, index: int) -> str:
    """`text` split at `sep` with field `index` masked; the digit runs masked instead when the line has not
    `count` fields."""
    fields = text.split(sep)
    if len(fields) != count:
        return mask_digit_runs(text)
    fields[index] = _mask_once(fields[index])
    return sep.join(fields)


def _mask_once(value: str) -> str:
    """`mask(value)`, unless `value` is masked already (a mask's result masked again would hide its last digits)."""
    if MASK in value and sum(ch.isalnum() for ch in value) <= KEEP:
        return value
    return mask(value)


def masked_entry(entry: Entry) -> Entry:
    return replace(entry, customer_ref=mask(entry.customer_ref)) if entry.customer_ref else entry


def masked_entries(entries) -> tuple[Entry, ...]:
    return tuple(masked_entry(e) for e in entries)


def masked_log(log: ShiftLog) -> ShiftLog:
    carried = tuple(replace(c, entry=masked_entry(c.entry)) for c in log.carried)
    return replace(log, entries=masked_entries(log.entries), carried=carried)


def masked_snapshot(snapshot: dict[str, Any] | None) -> dict[str, Any] | None:
    """A handover snapshot's copy with the items' customer numbers masked (the signed text is not touched)."""
    if snapshot is None:
        return None
    out = copy.deepcopy(snapshot)
    for item in out.get("items") or ():
        if item.get("customer_ref"):
            item["customer_ref"] = mask(item["customer_ref"])
    return out


__all__ = [
    "DIGIT_RUN", "KEEP", "RETENTION_DAYS", "RETENTION_LIMITS", "mask", "mask_digit_runs", "masked_entries",
    "masked_entry", "masked_feed_line", "masked_log", "masked_snapshot",
]
