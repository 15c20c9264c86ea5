"""The on-site work log (现场工作日志): entries, their revisions and acknowledgements, and the rules.

An entry is written in a shift instance. With a status it is an *item* that
someone answers for (open, in progress, done, cancelled); without one it is
a plain note. Nothing is overwritten: every change is a `Revision` holding
each field's value before and after; an entry written by mistake is
withdrawn (it stays readable). Open items of earlier shifts are carried into
each later shift's log until they are done or cancelled; each shift's
incoming supervisor acknowledges them (an acknowledgement counts for the
shift it was given in only).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta

from app.domain.notices import Priority
from app.domain.shifts import ShiftInstance


class Category(str, enum.Enum):
    BUSINESS_NOTICE = "business_notice"
    STAFFING = "staffing"
    WORK_ITEM = "work_item"
    FOLLOW_UP = "follow_up"
    INCIDENT = "incident"
    SYSTEM_PROBLEM = "system_problem"
    OTHER = "other"


class ItemStatus(str, enum.Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def closed(self) -> bool:
        return self in (ItemStatus.DONE, ItemStatus.CANCELLED)


OPEN_STATUSES = (ItemStatus.OPEN, ItemStatus.IN_PROGRESS)
# Categories that are items (status open) unless the writer says otherwise; the others are plain notes.
TRACKED_BY_DEFAULT = (Category.FOLLOW_UP, Category.WORK_ITEM)


class RevisionKind(str, enum.Enum):
    CREATED = "created"  # revision 1: every field from None to its first value
    EDITED = "edited"
    STATUS = "status"
    WITHDRAWN = "withdrawn"
    HANDOVER = "handover"  # the owner changed when the item was acknowledged at a handover


@dataclass(frozen=True, slots=True)
class Withdrawal:
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class EntryAck:
    """An acknowledgement of a carried item by the supervisor of `instance_id`; `owner`: its owner from then on."""

    entry_id: int
    instance_id: int
    by: str
    at: datetime
    owner: str


@dataclass(frozen=True, slots=True)
class Draft:
    """What a supervisor writes: the editable fields of an entry (see EDITABLE)."""

    category: Category
    text: str
    priority: Priority = Priority.NORMAL
    event_at: datetime | None = None  # None: when written
    tags: tuple[str, ...] = ()
    status: ItemStatus | None = None  # None: a plain note (or, for TRACKED_BY_DEFAULT, open)
    closing_remark: str = ""
    customer_ref: str = ""
    customer_name: str = ""
    ticket: str = ""
    promise: str = ""
    due: datetime | None = None
    owner: str = ""


# The fields a change may name (edit_entry), in the order a history shows them.
EDITABLE = tuple(f.name for f in fields(Draft))
TEXT_FIELDS = ("text", "closing_remark", "customer_ref", "customer_name", "ticket", "promise", "owner")
INSTANT_FIELDS = ("event_at", "due")


@dataclass(frozen=True, slots=True)
class Entry:
    """An entry as it stands (its `revision`-th version); `instance_id`: the shift it was written in."""

    id: int
    site_id: int
    instance_id: int
    event_at: datetime
    written_at: datetime
    author: str
    category: Category
    priority: Priority
    text: str
    tags: tuple[str, ...] = ()
    status: ItemStatus | None = None
    closing_remark: str = ""
    customer_ref: str = ""
    customer_name: str = ""
    ticket: str = ""
    promise: str = ""
    due: datetime | None = None
    owner: str = ""
    withdrawn: Withdrawal | None = None
    revision: int = 1
    acks: tuple[EntryAck, ...] = ()

    @property
    def is_item(self) -> bool:
        return self.status is not None

    @property
    def open(self) -> bool:
        """An item still to answer for: open or in progress, and not withdrawn."""
        return self.status in OPEN_STATUSES and self.withdrawn is None

    def acknowledged_in(self, instance_id: int) -> bool:
        return any(a.instance_id == instance_id for a in self.acks)

    def draft(self) -> Draft:
        return Draft(**{name: getattr(self, name) for name in EDITABLE})


@dataclass(frozen=True, slots=True)
class Revision:
    """One change of an entry: `changes` holds (field, before, after) for each field it changed."""

    entry_id: int
    revision: int
    by: str
    at: datetime
    changes: tuple[tuple[str, object, object], ...]
    kind: RevisionKind = RevisionKind.EDITED


@dataclass(frozen=True, slots=True)
class LogFilter:
    """A search of the log; empty fields do not filter. `first`/`last`: local days of the event, inclusive."""

    instance_id: int | None = None
    first: date | None = None
    last: date | None = None
    categories: tuple[Category, ...] = ()
    statuses: tuple[ItemStatus, ...] = ()
    notes: bool = False  # plain notes (no status): with `statuses`, besides them; alone, only notes
    owner: str = ""
    author: str = ""
    tag: str = ""
    text: str = ""
    include_withdrawn: bool = False
    recent_days: int | None = None  # the last N local days up to the day searched (a saved 'last 7 days'); beats first/last


@dataclass(frozen=True, slots=True)
class SavedFilter:
    id: int
    site_id: int
    name: str
    filter: LogFilter


@dataclass(frozen=True, slots=True)
class Template:
    """A frequent entry kept for quick writing."""

    id: int
    site_id: int
    name: str
    category: Category
    text: str
    tags: tuple[str, ...] = ()

    def draft(self) -> Draft:
        return Draft(self.category, self.text, tags=self.tags)


@dataclass(frozen=True, slots=True)
class CarriedItem:
    """An open item of an earlier shift shown on top of a later shift's log."""

    entry: Entry
    age: timedelta  # since its event
    acknowledged_by_this_shift: bool
    overdue: bool
    due_within_shift: bool


@dataclass(frozen=True, slots=True)
class LogCounts:
    open: int = 0  # open items in the log (carried and written in the shift)
    overdue: int = 0
    unacknowledged: int = 0  # carried items this shift has not acknowledged
    due_within_shift: int = 0


@dataclass(frozen=True, slots=True)
class ShiftLog:
    """A shift's log at `at`: what was written in it (withdrawn included), and the items carried into it."""

    instance: ShiftInstance
    start: datetime
    end: datetime
    at: datetime
    entries: tuple[Entry, ...]
    carried: tuple[CarriedItem, ...]
    counts: LogCounts


# --- rules ---

def normal_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped of spaces and a leading '#', empty ones dropped, the first spelling of each kept."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = (tag or "").strip().lstrip("#＃").strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


def check(entry: Draft | Entry) -> tuple[tuple[str, str], ...]:
    """What is missing or wrong, as (field, code); empty when the entry may be stored.

    Codes: required, needs_status (a follow-up is always an item), needs_reference
    (a follow-up names the customer's reference or name), remark_required (done or cancelled).
    """
    problems: list[tuple[str, str]] = []
    if not entry.text.strip():
        problems.append(("text", "required"))
    if entry.category is Category.FOLLOW_UP:
        if entry.status is None:
            problems.append(("status", "needs_status"))
        if not (entry.customer_ref.strip() or entry.customer_name.strip()):
            problems.append(("customer_ref", "needs_reference"))
        for name in ("promise", "owner"):
            if not getattr(entry, name).strip():
                problems.append((name, "required"))
        if entry.due is None:
            problems.append(("due", "required"))
    if entry.status is not None and entry.status.closed and not entry.closing_remark.strip():
        problems.append(("closing_remark", "remark_required"))
    return tuple(problems)


def diff(before: Draft | Entry, after: Draft | Entry) -> tuple[tuple[str, object, object], ...]:
    """(field, before, after) for each editable field that differs (aware instants compare as instants)."""
    return tuple((name, getattr(before, name), getattr(after, name)) for name in EDITABLE
                 if getattr(before, name) != getattr(after, name))


def apply(entry: Entry, changes: Mapping[str, object]) -> Entry:
    """The entry with `changes` (field -> new value) applied; unknown fields raise KeyError."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise KeyError(", ".join(unknown))
    return replace(entry, **dict(changes))


def as_of(entry: Entry, revisions: Iterable[Revision], revision: int) -> Entry:
    """The entry as it was at `revision`, rebuilt by undoing the later revisions' changes."""
    values = {}
    withdrawn = entry.withdrawn
    for rev in sorted(revisions, key=lambda r: -r.revision):
        if rev.revision <= revision:
            break
        if rev.kind is RevisionKind.WITHDRAWN:
            withdrawn = None
        for name, before, _after in rev.changes:
            if name in EDITABLE:
                values[name] = before
    return replace(entry, revision=min(revision, entry.revision), withdrawn=withdrawn, **values)


def overdue(entry: Entry, now: datetime) -> bool:
    """An open item whose due time has passed."""
    return entry.open and entry.due is not None and entry.due <= now


def due_within(entry: Entry, start: datetime, end: datetime) -> bool:
    """An open item due in [start, end)."""
    return entry.open and entry.due is not None and start <= entry.due < end


def carried_item(entry: Entry, instance_id: int, start: datetime, end: datetime, now: datetime) -> CarriedItem:
    late = overdue(entry, now)
    return CarriedItem(entry, now - entry.event_at, entry.acknowledged_in(instance_id), late,
                       not late and due_within(entry, start, end))


def carried_order(item: CarriedItem):
    """Overdue first, then by priority (most urgent first), then due time (none last), then oldest."""
    due = item.entry.due
    return (not item.overdue, -item.entry.priority.rank, due is None, due.timestamp() if due else 0,
            item.entry.event_at.timestamp(), item.entry.id)


def counts(entries: Iterable[Entry], carried: Iterable[CarriedItem], start: datetime, end: datetime,
           now: datetime) -> LogCounts:
    """The header figures of a shift's log: `entries` written in it, `carried` from earlier shifts."""
    carried = tuple(carried)
    items = [c.entry for c in carried] + [e for e in entries if e.open]
    late = sum(1 for e in items if overdue(e, now))
    soon = sum(1 for e in items if not overdue(e, now) and due_within(e, start, end))
    unacked = sum(1 for c in carried if not c.acknowledged_by_this_shift)
    return LogCounts(len(items), late, unacked, soon)


# --- values as JSON (revision changes, saved filters) ---

def encode(name: str, value: object) -> object:
    """A field's value as plain JSON (instants ISO 8601, enums their value, tags a list)."""
    if value is None or isinstance(value, (str, int, bool)) and not isinstance(value, enum.Enum):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [encode(name, v) for v in value]
    raise TypeError(f"{name}: cannot encode {value!r}")


def decode(name: str, raw: object) -> object:
    """The typed value of field `name` from `encode`'s JSON."""
    if raw is None:
        return None
    if name in INSTANT_FIELDS:
        return datetime.fromisoformat(raw)
    if name == "category":
        return Category(raw)
    if name == "priority":
        return Priority(raw)
    if name == "status":
        return ItemStatus(raw)
    if name == "tags":
        return tuple(raw)
    return raw


def filter_to_json(f: LogFilter) -> dict:
    return {name.name: encode(name.name, getattr(f, name.name)) for name in fields(LogFilter)}


def filter_from_json(data: Mapping) -> LogFilter:
    """The filter saved as `filter_to_json`; unknown keys are ignored, missing ones take the default."""
    known = {f.name for f in fields(LogFilter)}
    values: dict = {}
    for key, raw in data.items():
        if key not in known or raw is None:
            continue
        if key in ("first", "last"):
            values[key] = date.fromisoformat(raw)
        elif key == "categories":
            values[key] = tuple(Category(v) for v in raw)
        elif key == "statuses":
            values[key] = tuple(ItemStatus(v) for v in raw)
        else:
            values[key] = raw
    return LogFilter(**values)


# --- times typed by the supervisor ---

def parse_when(text: str, now: datetime, future: bool) -> datetime | None:
    """An instant typed as 'HH:MM', 'MM-DD HH:MM' or 'YYYY-MM-DD HH:MM' on the wall clock of `now`'s zone.

    Empty text gives None. A bare time is the nearest such time after `now` when `future`
    (a due time: '15:00' typed at 16:00 is tomorrow's), else the latest not after `now` (an
    event: '23:50' typed at 00:10 is yesterday's). Raises ValueError for anything else.
    """
    text = (text or "").strip().replace("：", ":").replace("T", " ")
    if not text:
        return None
    tz = now.tzinfo
    parts = text.split()
    try:
        if len(parts) == 1 and ":" in text:
            hh, mm = (int(p) for p in text.split(":"))
            at = now.replace(hour=hh, minute=mm, second=0, microsecond=0)
            if future and at <= now:
                at = _same_wall(at, 1)
            elif not future and at > now + timedelta(minutes=1):
                at = _same_wall(at, -1)
            return at
        if len(parts) == 2:
            day_text, clock = parts
            hh, mm = (int(p) for p in clock.split(":"))
            bits = [int(p) for p in day_text.replace("/", "-").split("-")]
            if len(bits) == 2:  # no year: the one that puts it on the right side of now, nearest (New Year)
                at = datetime(now.year, bits[0], bits[1], hh, mm, tzinfo=tz)
                if future and at < now - timedelta(days=183):
                    at = at.replace(year=now.year + 1)
                elif not future and at > now + timedelta(days=183):
                    at = at.replace(year=now.year - 1)
                return at
            if len(bits) != 3:
                raise ValueError(text)
            return datetime(bits[0], bits[1], bits[2], hh, mm, tzinfo=tz)
    except (TypeError, ValueError):
        pass
    raise ValueError(text)


def _same_wall(at: datetime, days: int) -> datetime:
    """The same wall-clock time `days` later, in the same zone (across a DST change too)."""
    return datetime.combine(at.date() + timedelta(days=days), at.timetz().replace(tzinfo=None), tzinfo=at.tzinfo)
