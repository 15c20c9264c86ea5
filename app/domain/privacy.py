"""Personal data on paper and in files: customer numbers and ids show their last characters only.

Prints and exports mask by default (`mask`: every letter and digit but the
last KEEP becomes "*", separators kept, so "138 0013 8000" reads
"*** **** 8000"); a supervisor may show them whole for a while (the window
asks the PIN). Customer names stay: the floor needs them to call back, and a
name without its number identifies less. The `masked_*` functions return
copies; what is stored never changes.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from app.domain.worklog import Entry, ShiftLog

KEEP = 4  # characters left readable at the end of a number or id
MASK = "*"
RETENTION_DAYS = 90  # call-level caller numbers kept this long unless the center sets otherwise
RETENTION_LIMITS = (1, 3650)


def mask(text: str | None, keep: int = KEEP) -> str:
    """`text` with every letter and digit but the last `keep` replaced by "*" (short ids of `keep` characters or
    fewer are masked but for their last one)."""
    if not text:
        return text or ""
    signs = [i for i, ch in enumerate(text) if ch.isalnum()]
    hidden = set(signs[:-keep]) if len(signs) > keep else set(signs[:-1])
    return "".join(MASK if i in hidden else ch for i, ch in enumerate(text))


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


__all__ = ["KEEP", "RETENTION_DAYS", "RETENTION_LIMITS", "mask", "masked_entries", "masked_entry", "masked_log", "masked_snapshot"]
