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
anonymous-bank: `customer_id`; queue_log: the caller id of an ENTERQUEUE).
A calls-csv row is split at its mapping's delimiter (or at ",", the
reader's own join of a row it could split; without the mapping, at ",",
";", tab or "|"); since a row of the wrong width is in the file's column
order, its other fields lose their phone-shaped numbers too (below, seven
digits or more). A delimiter that is itself a separator of numbers (a
space, "-", ".", "/") is never split at: the line is masked whole.

A line too broken to find that field has every number in it masked
(`mask_digit_runs`), the whole line at once, so a number is never cut at a
delimiter (a delimiter that is itself a separator, a space say, joins the
fields' numbers: more is hidden, nothing leaks):
- digits joined by spaces, "-", ".", "/" or parentheses, led by "+" or not
  ("+86 138 0013 8000", "138-0013-8000", "(010) 6552 9988",
  "+44 20 7946 0958"), seven digits or more in all, are one number: every
  digit but its last four becomes "*", the separators and the "+" stay
  ("+** *** **** 8000", "***-****-8000", "(***) **** 9988",
  "+** ** **** 0958"), as prints show the same number;
- a shorter group keeps the plain rule: a run of five digits or more shows
  its last four ("12345" reads "*2345");
- dates and times stay readable: yyyy-mm-dd (or "/", "."), dd-mm-yyyy,
  hh:mm and hh:mm:ss(.fff) are not joined to a number beside them
  ("1999-01-03 07:12:55" stays whole). So a number written in the shape of
  a date (2012-10-15) would stay too; no phone number is written that way.
  Dates without separators (20261128, 990101) are plain runs and are masked.
Both leave a line already masked as it is (a masked number keeps four
digits, too few to be masked again), so a line may pass through them twice.
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
JOINED_DIGITS = 7  # digits joined by separators, this many in all or more, are one (phone) number
# calls-csv rejects a row it could not convert in the reader's field order (call_id, queue, arrived_at, answered_at,
# ended_at, outcome, agent, caller) joined by ","; a row of the wrong width in the file's order joined by the
# mapping's delimiter. anonymous-bank keeps the tab-separated row of its 17 columns.
_CSV_DELIMITERS = (",", ";", "\t", "|")  # tried in turn when the delimiter is not known
_CSV_FIELDS, _CSV_CALLER = 8, 7
_BANK_FIELDS, _BANK_CUSTOMER = 17, 2
# queue_log: epoch|callid|queue|agent|EVENT|data...; ENTERQUEUE's data are url|callerid|position.
_QLOG_MIN_FIELDS, _QLOG_EVENT, _QLOG_CALLER = 5, 4, 6
_EVENT_WORD = re.compile(r"[A-Z][A-Z_]*")

# What joins the digits of one number: spaces (no-break, ideographic), hyphens and dashes, dots, slashes,
# parentheses (ASCII and full-width); up to three in a row ("-(", ") ", " (0)").
_JOINERS = " \u00a0\u3000-\u2010\u2011\u2012\u2013\u2014\u2015\uff0d.\uff0e/\uff0f()\uff08\uff09"
_SEP = "[" + re.escape(_JOINERS) + "]{1,3}"
_MONTH, _DAY = r"(?:0?[1-9]|1[0-2])", r"(?:0?[1-9]|[12][0-9]|3[01])"
_YEAR = r"(?:19|20)[0-9]{2}"
# yyyy-mm-dd, dd-mm-yyyy or mm-dd-yyyy (the same "-", "/" or "." twice); hh:mm, hh:mm:ss, hh:mm:ss.fff.
_DATE = (rf"(?<!\d)(?:{_YEAR}(?:-{_MONTH}-|/{_MONTH}/|\.{_MONTH}\.){_DAY}"
         rf"|(?:{_DAY}-{_DAY}-|{_DAY}/{_DAY}/|{_DAY}\.{_DAY}\.){_YEAR})(?!\d)")
_TIME = r"(?<!\d)[0-9]{1,2}:[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?(?!\d)"
_KEEP = rf"(?:{_DATE}|{_TIME})"
# A date or time is matched first and kept; a number does not run on into one.
_NUMBER = re.compile(rf"(?P<keep>{_KEEP})|(?P<number>[+\uff0b]?[(\uff08]?\d+(?:{_SEP}(?!{_KEEP})\d+)*)")


def mask(text: str | None, keep: int = KEEP) -> str:
    """`text` with every letter and digit but the last `keep` replaced by "*" (short ids of `keep` characters or
    fewer are masked but for their last one)."""
    if not text:
        return text or ""
    signs = [i for i, ch in enumerate(text) if ch.isalnum()]
    hidden = set(signs[:-keep]) if len(signs) > keep else set(signs[:-1])
    return "".join(MASK if i in hidden else ch for i, ch in enumerate(text))


def mask_digit_runs(
    text: str | None, keep: int = KEEP, run: int | None = DIGIT_RUN, joined: int = JOINED_DIGITS
) -> str:
    """`text` with the numbers in it masked: digits joined by spaces, "-", ".", "/" or parentheses (a "+" before
    them or not), `joined` or more in all, keep their last `keep` digits, separators kept ("call +86 138 0013 8000"
    reads "call +** *** **** 8000"); in a shorter group each run of `run` digits or more keeps its last `keep`
    ("line 7 12345" reads "line 7 *2345"; None: shorter groups stay). Dates and times (2026-11-28, 28/11/2026,
    10:30, 07:12:55) and a masked number's last digits stay."""
    if not text:
        return text or ""

    def hide(m: re.Match) -> str:
        found = m.group()
        if m.group("keep") is not None:
            return found
        digits = sum(ch.isdecimal() for ch in found)
        if digits >= joined:
            return _hide_digits(found, digits - keep)
        if run is None:
            return found
        return re.sub(rf"\d{{{run},}}", lambda r: _hide_digits(r.group(), len(r.group()) - keep), found)

    return _NUMBER.sub(hide, text)


def _hide_digits(text: str, count: int) -> str:
    """`text` with its first `count` digits replaced by "*"."""
    out = []
    for ch in text:
        if count > 0 and ch.isdecimal():
            out.append(MASK)
            count -= 1
        else:
            out.append(ch)
    return "".join(out)


def masked_feed_line(format: FeedFormat | str, text: str | None, delimiter: str | None = None) -> str:
    """A rejected line of a feed of `format` as reports and the window show it: its caller field masked as prints
    mask it; a line whose caller field cannot be found (too few or too many fields, an unreadable event) with
    the numbers in it masked (`mask_digit_runs`). Interval reports carry no caller: their lines stay as they are.

    delimiter -- the calls-csv delimiter of the source's mapping (None: ",", ";", tab and "|" are tried)."""
    if not text:
        return text or ""
    try:
        fmt = FeedFormat(format)
    except ValueError:
        return mask_digit_runs(text)
    if fmt is FeedFormat.INTERVAL_CSV:
        return text
    if fmt is FeedFormat.CALLS_CSV:
        return _mask_calls_row(text, delimiter)
    if fmt is FeedFormat.ANONYMOUS_BANK:
        fields = text.split("\t")
        if len(fields) != _BANK_FIELDS:
            return mask_digit_runs(text)
        fields[_BANK_CUSTOMER] = _mask_once(fields[_BANK_CUSTOMER])
        return "\t".join(fields)
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


def _mask_calls_row(text: str, delimiter: str | None) -> str:
    """A calls-csv row split at `delimiter` (then ",") into the reader's eight fields: the caller masked, the
    other fields' numbers of seven digits or more too (a row of the wrong width is in the file's column order,
    its caller may be anywhere); a row of another width, or split by a delimiter that also joins the digits of
    a number: the numbers of the whole line."""
    tried = (delimiter, ",") if delimiter else _CSV_DELIMITERS
    for sep in dict.fromkeys(tried):
        if sep in _JOINERS:  # a space (say) between fields cuts a number "+86 138 0013 8000" into four
            continue
        fields = text.split(sep)
        if len(fields) == _CSV_FIELDS:
            return sep.join(_mask_once(f) if i == _CSV_CALLER else mask_digit_runs(f, run=None)
                            for i, f in enumerate(fields))
    return mask_digit_runs(text)


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
    "DIGIT_RUN", "JOINED_DIGITS", "KEEP", "RETENTION_DAYS", "RETENTION_LIMITS", "mask", "mask_digit_runs",
    "masked_entries", "masked_entry", "masked_feed_line", "masked_log", "masked_snapshot",
]
