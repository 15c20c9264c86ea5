"""The audit trail's rules: the canonical form of a change, its chain hash, and checking a trail.

Every write to the database becomes one audit record: who, when, which row
of which table (its primary key as JSON), insert/update/delete, and the
column values before and after (an update names only the columns that
changed). Records are numbered 1, 2, 3... without gaps and chained:

    hash = SHA-256(prev_hash, [id, at, actor, table, action], row_key, before, after: one per line)

where `prev_hash` is the previous record's hash (for the first: the genesis
hash of the baseline, the highest id of each table when the trail began) and
row_key/before/after are the JSON texts exactly as stored. A head (the last
id, its hash and the count) is kept beside the trail, so a record deleted at
the end is seen too.

`ChainCheck` recomputes the chain in id order; `Replay` folds the records
into what each row should hold now, to compare with the rows as stored (and
finds rows newer than the baseline that no record wrote).
Pure Python: storage turns rows into these values.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from decimal import Decimal
from json.encoder import encode_basestring
from typing import NamedTuple

GENESIS_HASH = "0" * 64  # where a chain starts when the head row (and its baseline) is missing
AUDIT_TABLE = "audit_log"
HEAD_TABLE = "audit_head"
SHOWN = 60  # characters of a value quoted in a finding


class Action(str, enum.Enum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


def json_value(value: object) -> object:
    """A column value as JSON: instants in UTC ISO 8601, dates and times ISO, decimals as text, enums by value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return json_value(value.value)
    if isinstance(value, datetime):
        return (value.astimezone(timezone.utc) if value.tzinfo else value).isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_text = encode_basestring  # a str as JSON, characters kept


def canonical(value: object) -> str:
    """The one JSON text of a value (sorted keys, no spaces, characters kept as they are; never a raw newline)."""
    if value.__class__ is dict and len(value) == 1:  # a row key such as {"id": 12}, written out directly
        (name, item), = value.items()
        if item.__class__ is int and name.__class__ is str:
            return f"{{{_text(name)}:{item}}}"
    return _ENCODER.encode(value)


def _head(record_id: int, when: str, actor: str, table: str, action: str) -> str:
    """canonical([record_id, when, actor, table, action]), written out directly."""
    return f"[{record_id},{_text(when)},{_text(actor)},{_text(table)},{_text(action)}]"


class Change(NamedTuple):
    """One row written, as captured before it is chained. `row_key`, `before`, `after`: column -> JSON value.
    (A named tuple: a roster import captures tens of thousands.)"""

    actor: str
    table: str
    row_key: Mapping[str, object] | None
    action: Action
    before: Mapping[str, object] | None
    after: Mapping[str, object] | None


@dataclass(frozen=True)
class Head:
    """The end of the chain as last written: its id, its hash and how many records there are."""

    last_id: int
    last_hash: str
    count: int



class AuditRecord(NamedTuple):
    """One stored record; `row_key`, `before` and `after` are JSON texts (None: no values)."""

    id: int
    at: datetime
    actor: str
    table: str
    row_key: str
    action: str
    before: str | None
    after: str | None
    prev_hash: str
    hash: str

    @property
    def content_hash(self) -> str:
        """The hash recomputed from what the record holds now."""
        return record_hash(self.prev_hash, self.id, self.at, self.actor, self.table, self.row_key, self.action,
                           self.before, self.after)


def genesis_hash(baseline: str) -> str:
    """What the chain starts from: SHA-256 of the baseline text (the highest id of each table when the trail
    began, written by migration 0011), so the baseline cannot be changed unseen either."""
    return hashlib.sha256(("audit-trail-genesis\n" + baseline).encode("utf-8")).hexdigest()


def instant(at: datetime) -> str:
    """How a record's time enters its hash: UTC, with microseconds."""
    return at.astimezone(timezone.utc).isoformat(timespec="microseconds")


def record_hash(prev_hash: str, record_id: int, at: datetime, actor: str, table: str, row_key: str, action: str,
                before: str | None, after: str | None) -> str:
    """SHA-256 of prev_hash, the canonical JSON of [id, at, actor, table, action], and the JSON texts of the row
    key, before and after as stored (an absent one as ""), one per line: JSON text holds no raw newline, so the
    lines cannot run into each other."""
    return _digest(prev_hash, _head(record_id, instant(at), actor, table, action), row_key, before, after)


def _digest(prev_hash: str, head: str, row_key: str, before: str | None, after: str | None) -> str:
    body = "\n".join((prev_hash, head, row_key, before or "", after or ""))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def chain(changes: Iterable[Change], head: Head, at: datetime) -> tuple[list[AuditRecord], Head]:
    """The records of `changes` appended after `head` (all at `at`), and the new head."""
    records = []
    last_id, last_hash = head.last_id, head.last_hash
    when = instant(at)
    for change in changes:
        last_id += 1
        key = canonical(change.row_key)
        before = None if change.before is None else canonical(change.before)
        after = None if change.after is None else canonical(change.after)
        action = change.action.value
        digest = _digest(last_hash, _head(last_id, when, change.actor, change.table, action), key, before, after)
        records.append(AuditRecord(last_id, at, change.actor, change.table, key, action, before, after, last_hash,
                                   digest))
        last_hash = digest
    return records, Head(last_id, last_hash, head.count + len(records))


# --- checking ---

@dataclass(frozen=True)
class Finding:
    """Something wrong: the table, the row (an audit id or a row's key) and what is wrong with it."""

    table: str
    row: str
    problem: str

    def line(self) -> str:
        return f"{self.table} {self.row}: {self.problem}"


class ChainCheck:
    """Recomputes the chain one record at a time, in id order.

    State: the previous record's id and stored hash, how many records were
    seen, the id of the first broken link and the findings so far.
    """

    def __init__(self, genesis: str = GENESIS_HASH) -> None:
        self.previous_id = 0
        self.previous_hash = genesis
        self.seen = 0
        self.first_break: int | None = None
        self.findings: list[Finding] = []

    def _broken(self, record_id: int, problem: str) -> None:
        if self.first_break is None:
            self.first_break = record_id
        self.findings.append(Finding(AUDIT_TABLE, str(record_id), problem))

    def add(self, record: AuditRecord) -> None:
        expected = self.previous_id + 1
        if record.id != expected:
            gone = str(expected) if record.id == expected + 1 else f"{expected}-{record.id - 1}"
            self._broken(record.id, f"the records before it are missing (id {gone} deleted)")
        elif record.prev_hash != self.previous_hash and self.previous_id == 0:
            self._broken(record.id, "chain broken: prev_hash does not match the genesis hash of the trail's "
                                    "baseline (the baseline in audit_head was changed)")
        elif record.prev_hash != self.previous_hash:
            self._broken(record.id, f"chain broken: prev_hash does not match the hash of record {self.previous_id} "
                                    f"(that record or an earlier one was rewritten)")
        if record.hash != record.content_hash:
            self._broken(record.id, f"hash does not match the record's content (changed after it was written: "
                                    f"{record.action} of {record.table} {record.row_key})")
        self.previous_id, self.previous_hash = record.id, record.hash
        self.seen += 1

    def finish(self, head: Head | None) -> list[Finding]:
        """Compare the end of the trail with the head kept beside it; the findings of the whole check."""
        if head is None:
            self.findings.append(Finding(HEAD_TABLE, "1", "missing: the trail's head row was deleted"))
        elif (head.last_id, head.count) != (self.previous_id, self.seen):
            if head.last_id > self.previous_id:
                lost = str(head.last_id) if head.last_id == self.previous_id + 1 \
                    else f"{self.previous_id + 1}-{head.last_id}"
                problem = f"records deleted at the end: the head records {head.count} ending at id {head.last_id}, " \
                          f"the trail holds {self.seen} ending at id {self.previous_id} (missing {lost})"
            else:
                problem = f"the head records {head.count} records ending at id {head.last_id}, the trail holds " \
                          f"{self.seen} ending at id {self.previous_id}"
            self.findings.append(Finding(HEAD_TABLE, "1", problem))
        elif head.last_hash != self.previous_hash:
            self.findings.append(Finding(HEAD_TABLE, "1", f"the head's hash differs from the hash of the last "
                                                          f"record {self.previous_id} (the end was rewritten)"))
        return list(self.findings)


def _shown(value: object) -> str:
    text = canonical(value)
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def row_label(row_key: str) -> str:
    """A row key as shown: the value of a one-column key ("12"), else the key's JSON."""
    try:
        key = json.loads(row_key)
    except ValueError:
        return row_key
    if isinstance(key, dict) and len(key) == 1:
        return str(next(iter(key.values())))
    return row_key


class Replay:
    """What the trail says each row it wrote holds now, to compare with the rows as stored.

    State: for each (table, row key text) the columns known from the trail
    (insert: all given, update: the changed ones), whether the row was
    deleted, and the id of the last record that touched it.
    """

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, tuple[dict[str, object], bool, int]]] = {}

    def add(self, record: AuditRecord) -> None:
        if record.row_key in ("null", ""):
            return
        try:
            after = json.loads(record.after) if record.after else {}
        except ValueError:
            return  # a damaged record: the chain check names it
        rows = self.rows.setdefault(record.table, {})
        known, _, _ = rows.get(record.row_key, ({}, False, 0))
        if record.action == Action.DELETE.value:
            rows[record.row_key] = ({}, True, record.id)
        elif record.action == Action.INSERT.value:
            rows[record.row_key] = (dict(after), False, record.id)
        else:
            rows[record.row_key] = ({**known, **after}, False, record.id)

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(sorted(self.rows))

    def unwritten(self, table: str, stored: Mapping[str, Mapping[str, object]], after_id: int) -> list[Finding]:
        """Rows of `table` with an `id` above `after_id` (the baseline: rows up to it predate the trail) that no
        record wrote: put in with SQL, behind the application's back."""
        known = self.rows.get(table, {})
        findings = []
        for key, row in stored.items():
            row_id = row.get("id")
            if key not in known and row_id.__class__ is int and row_id > after_id:
                findings.append(Finding(table, str(row_id), f"no audit record wrote this row (added outside the "
                                                            f"application; the trail began after id {after_id})"))
        return findings

    def compare(self, table: str, stored: Mapping[str, Mapping[str, object]]) -> list[Finding]:
        """Findings for `table`, given its rows as stored now (row key text -> column -> JSON value)."""
        findings = []
        for key, (known, deleted, last) in self.rows.get(table, {}).items():
            row, label = stored.get(key), row_label(key)
            if deleted:
                if row is not None:
                    findings.append(Finding(table, label, f"present, but the trail records its deletion "
                                                        f"(audit record {last})"))
                continue
            if row is None:
                findings.append(Finding(table, label, f"deleted outside the application (last audit record {last})"))
                continue
            for column, value in sorted(known.items()):
                if column in row and canonical(row[column]) != canonical(value):
                    findings.append(Finding(table, label, f"{column} is {_shown(row[column])}, the trail says "
                                                        f"{_shown(value)} (changed outside the application; "
                                                        f"last audit record {last})"))
        return findings
