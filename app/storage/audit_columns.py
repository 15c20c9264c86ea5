"""What of a table's rows goes into the audit trail, and how a row becomes JSON values (app.storage.audit).

Policy: NOT_AUDITED tables are left out (the trail itself; the ACD feed's
data, derived from the feed files and written in bulk); VOLATILE columns
are left out (a live source's read position and poll lease, written every
poll); SECRET columns are kept as their SHA-256 only (PIN hashes); who
wrote a row is read from its ACTOR_COLUMNS when no one is acting_as.

A value becomes JSON by its column's type: instants in UTC ISO 8601, dates
and times ISO, numbers and text as they are. Values read back from the
database are already typed; values the application set (the ORM unit of
work) are converted whatever they are (`from_object`, `from_mapping`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import timezone
from functools import lru_cache

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Table, Time, TypeDecorator
from sqlalchemy.orm import Mapper

from app.domain.audit import AUDIT_TABLE, HEAD_TABLE, json_value
from app.storage.models import Base

NOT_AUDITED = frozenset({AUDIT_TABLE, HEAD_TABLE, "calls", "agent_events", "intervals", "coverage", "rejected_lines"})
VOLATILE = {
    "feed_sources": frozenset({"file_offset", "file_line", "file_id", "head_sha256", "head_bytes", "last_poll_at",
                               "last_data_at", "poll_holder", "poll_lease_until"}),
}
SECRET = {"supervisors": frozenset({"pin_hash"})}
ACTOR_COLUMNS = ("by", "created_by", "updated_by", "author", "recorded_by", "marked_by", "started_by")


class Columns:
    """How one table's rows become JSON. State: the table; its audited columns (names, ORM attribute keys,
    converters to JSON values, the Column objects to select); the primary key (names, columns, positions)."""

    def __init__(self, table: Table, mapper: Mapper | None = None) -> None:
        self.volatile = VOLATILE.get(table.name, frozenset())
        secret = SECRET.get(table.name, frozenset())
        attr = {}
        if mapper is not None:
            for prop in mapper.column_attrs:
                for col in prop.columns:
                    if getattr(col, "table", None) is table:
                        attr[col.name] = prop.key
        kept = [c for c in table.columns if c.name not in self.volatile]
        self.table = table
        self.names = tuple(c.name for c in kept)
        self.attrs = tuple(attr.get(c.name, c.key) for c in kept)
        self.converts = tuple(_hidden if c.name in secret else _converter(c.type) for c in kept)
        # Read back from the database, a str, int, float or bool is already its JSON value: only the rest converts.
        self.read_converts = tuple((i, n, f) for i, (n, f) in enumerate(zip(self.names, self.converts))
                                   if f not in (_as_bool, _as_int, _as_float, _as_text))
        self.selected = tuple(kept)
        self.key_names = tuple(c.name for c in table.primary_key.columns)
        self.key_columns = tuple(table.primary_key.columns)
        self.key_at = tuple(self.names.index(n) for n in self.key_names)
        self.actor_names = tuple(n for n in ACTOR_COLUMNS if n in self.names)

    def from_values(self, values: Sequence) -> dict[str, object]:
        """A row read from the database as `selected` (a tuple), as JSON values."""
        row = dict(zip(self.names, values))
        for i, name, convert in self.read_converts:
            if values[i] is not None:
                row[name] = convert(values[i])
        return row

    def from_mapping(self, mapping: Mapping[str, object]) -> dict[str, object]:
        """The columns present in `mapping` (name -> value as Python holds it), as JSON values."""
        return {n: safe(f, mapping[n]) for n, f in zip(self.names, self.converts) if n in mapping}

    def from_object(self, state) -> dict[str, object]:
        """The loaded column attributes of an ORM object's state, as JSON values."""
        d = state.dict
        return {n: safe(f, d[a]) for n, a, f in zip(self.names, self.attrs, self.converts) if a in d}

    def key_of(self, row: Mapping[str, object]) -> dict[str, object]:
        return {n: row[n] for n in self.key_names}

    def raw_key(self, values: Sequence) -> tuple:
        return tuple(values[i] for i in self.key_at)


def _converter(kind):
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    for types, convert in ((Boolean, _as_bool), (Integer, _as_int), (Float, _as_float), (DateTime, _as_instant),
                           ((Date, Time), _as_iso), (String, _as_text)):
        if isinstance(kind, types):
            return convert
    return json_value


def _as_bool(v):
    return v if v is None or v.__class__ is bool else bool(v)


def _as_int(v):
    return v if v is None or v.__class__ is int else int(v)


def _as_float(v):
    return v if v is None or v.__class__ is float else float(v)


def _as_instant(v):
    if v is None or v.tzinfo is None:
        return None if v is None else v.isoformat()
    return (v if v.tzinfo is timezone.utc else v.astimezone(timezone.utc)).isoformat()


def _as_iso(v):
    return None if v is None else v.isoformat()


def _as_text(v):
    return v if v is None or v.__class__ is str else json_value(v)


def _hidden(v) -> str | None:
    return None if v is None else "sha256:" + hashlib.sha256(str(v).encode("utf-8")).hexdigest()


def safe(convert, value):
    """A value the application set (not yet read back): whatever its type, some JSON value."""
    try:
        return convert(value)
    except (TypeError, ValueError, AttributeError):
        return json_value(value)


@lru_cache(maxsize=None)
def mapper_columns(mapper: Mapper) -> Columns:
    return Columns(mapper.local_table, mapper)


@lru_cache(maxsize=None)
def table_columns(name: str) -> Columns | None:
    """By name: a statement's table may be an annotated copy of the mapped one (None: not one of ours)."""
    table = Base.metadata.tables.get(name)
    return None if table is None else Columns(table)
