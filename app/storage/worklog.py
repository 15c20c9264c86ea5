"""Repository of the on-site work log: entries, their revisions and acknowledgements, saved filters, templates.

The `log_entries` row holds an entry's current version; each change (the
creation included) is a `log_entry_revisions` row with every changed field's
value before and after, as JSON. Nothing here deletes an entry or a
revision. Text search matches `search_text`, the searchable fields
casefolded by Python, with LIKE (the needle casefolded the same way), so it
is case-insensitive for any script on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from app.domain.notices import Priority
from app.domain.worklog import (
    EDITABLE,
    OPEN_STATUSES,
    Category,
    Draft,
    Entry,
    EntryAck,
    ItemStatus,
    LogFilter,
    Revision,
    RevisionKind,
    SavedFilter,
    Template,
    Withdrawal,
    decode,
    encode,
    filter_from_json,
    filter_to_json,
)
from app.storage.models import (
    LogEntryAckRow,
    LogEntryRevisionRow,
    LogEntryRow,
    LogSavedFilterRow,
    LogTemplateRow,
)

_SEARCHED = ("text", "customer_ref", "customer_name", "ticket", "promise", "owner", "closing_remark")


def fold(text: str) -> str:
    """How text is compared in a search: casefolded (ß = ss, Σ = σ; Chinese unchanged)."""
    return (text or "").casefold()


def _acks(session: Session, entry_ids: Iterable[int]) -> dict[int, list[EntryAck]]:
    ids = list(entry_ids)
    out: dict[int, list[EntryAck]] = {}
    for start in range(0, len(ids), 500):
        query = (select(LogEntryAckRow).where(LogEntryAckRow.entry_id.in_(ids[start:start + 500]))
                 .order_by(LogEntryAckRow.at, LogEntryAckRow.id))
        for r in session.scalars(query):
            out.setdefault(r.entry_id, []).append(EntryAck(r.entry_id, r.instance_id, r.by, r.at, r.owner))
    return out


def _entry(row: LogEntryRow, acks: Iterable[EntryAck]) -> Entry:
    withdrawn = None
    if row.withdrawn_at is not None:
        withdrawn = Withdrawal(row.withdrawn_reason or "", row.withdrawn_by or "", row.withdrawn_at)
    return Entry(
        id=row.id, site_id=row.site_id, instance_id=row.instance_id, event_at=row.event_at,
        written_at=row.written_at, author=row.author, category=Category(row.category),
        priority=Priority(row.priority), text=row.text, tags=tuple(json.loads(row.tags or "[]")),
        status=ItemStatus(row.status) if row.status else None, closing_remark=row.closing_remark,
        customer_ref=row.customer_ref, customer_name=row.customer_name, ticket=row.ticket, promise=row.promise,
        due=row.due, owner=row.owner, withdrawn=withdrawn, revision=row.revision, acks=tuple(acks),
    )


def _entries(session: Session, query) -> tuple[Entry, ...]:
    rows = session.scalars(query).all()
    acks = _acks(session, (r.id for r in rows))
    return tuple(_entry(r, acks.get(r.id, ())) for r in rows)


def get_entry(session: Session, entry_id: int) -> Entry | None:
    row = session.get(LogEntryRow, entry_id)
    return _entry(row, _acks(session, [row.id]).get(row.id, ())) if row else None


def _set(row: LogEntryRow, values: Mapping[str, object]) -> None:
    """Write editable field values (domain types) into the row, and its search keys."""
    for name, value in values.items():
        if name == "tags":
            row.tags = json.dumps(list(value), ensure_ascii=False)
        elif name in ("category", "priority", "status"):
            setattr(row, name, value.value if value is not None else None)
        else:
            setattr(row, name, value)
    tags = json.loads(row.tags or "[]")
    row.tag_keys = "|" + "".join(fold(t) + "|" for t in tags)
    row.search_text = "\n".join(fold(getattr(row, name) or "") for name in _SEARCHED) + "\n" + " ".join(
        "#" + fold(t) for t in tags)


def _changes_json(changes: Iterable[tuple[str, object, object]]) -> str:
    return json.dumps([[name, encode(name, before), encode(name, after)] for name, before, after in changes],
                      ensure_ascii=False)


def add_entry(session: Session, site_id: int, instance_id: int, shift_start: datetime, draft: Draft, author: str,
              written_at: datetime) -> Entry:
    """Store a new entry (revision 1) and its creation revision (every field from None to its value)."""
    row = LogEntryRow(site_id=site_id, instance_id=instance_id, shift_start=shift_start, written_at=written_at,
                      author=author, revision=1)
    values = {name: getattr(draft, name) for name in EDITABLE}
    _set(row, values)
    session.add(row)
    session.flush()
    created = [(name, None, value) for name, value in values.items() if value not in (None, "", ())]
    session.add(LogEntryRevisionRow(entry_id=row.id, revision=1, kind=RevisionKind.CREATED.value, by=author,
                                    at=written_at, changes=_changes_json(created)))
    session.flush()
    return get_entry(session, row.id)


def revise(session: Session, entry_id: int, changes: tuple[tuple[str, object, object], ...], kind: RevisionKind,
           by: str, at: datetime) -> Entry:
    """Apply `changes` ((field, before, after), editable fields) as the entry's next revision."""
    row = session.get(LogEntryRow, entry_id)
    _set(row, {name: after for name, _before, after in changes})
    row.revision += 1
    session.add(LogEntryRevisionRow(entry_id=row.id, revision=row.revision, kind=kind.value, by=by, at=at,
                                    changes=_changes_json(changes)))
    session.flush()
    return get_entry(session, row.id)


def withdraw(session: Session, entry_id: int, reason: str, by: str, at: datetime) -> Entry:
    """Mark the entry withdrawn (kept, readable) as its next revision."""
    row = session.get(LogEntryRow, entry_id)
    row.withdrawn_reason, row.withdrawn_by, row.withdrawn_at = reason, by, at
    row.revision += 1
    session.add(LogEntryRevisionRow(entry_id=row.id, revision=row.revision, kind=RevisionKind.WITHDRAWN.value,
                                    by=by, at=at, changes=_changes_json([("withdrawn", None, reason)])))
    session.flush()
    return get_entry(session, row.id)


def history(session: Session, entry_id: int) -> tuple[Revision, ...]:
    """The entry's revisions, oldest first, values typed again."""
    query = (select(LogEntryRevisionRow).where(LogEntryRevisionRow.entry_id == entry_id)
             .order_by(LogEntryRevisionRow.revision))
    return tuple(
        Revision(r.entry_id, r.revision, r.by, r.at,
                 tuple((name, decode(name, before), decode(name, after))
                       for name, before, after in json.loads(r.changes)),
                 RevisionKind(r.kind))
        for r in session.scalars(query)
    )


def add_ack(session: Session, entry_id: int, instance_id: int, by: str, at: datetime, owner: str) -> None:
    session.add(LogEntryAckRow(entry_id=entry_id, instance_id=instance_id, by=by, at=at, owner=owner))
    session.flush()


# --- a shift's log ---

def shift_entries(session: Session, instance_id: int) -> tuple[Entry, ...]:
    """The entries written in the shift (withdrawn included), by event time."""
    return _entries(session, select(LogEntryRow).where(LogEntryRow.instance_id == instance_id)
                    .order_by(LogEntryRow.event_at, LogEntryRow.id))


def open_items_before(session: Session, site_id: int, shift_start: datetime,
                      instance_id: int) -> tuple[Entry, ...]:
    """The site's open items (not withdrawn) written in shifts that started before `shift_start`."""
    query = select(LogEntryRow).where(
        LogEntryRow.site_id == site_id,
        LogEntryRow.status.in_([s.value for s in OPEN_STATUSES]),
        LogEntryRow.shift_start < shift_start,
        LogEntryRow.instance_id != instance_id,
        LogEntryRow.withdrawn_at.is_(None),
    )  # no ORDER BY: it would lead the planner to walk the whole log by event time instead of the status index
    return tuple(sorted(_entries(session, query), key=lambda e: (e.event_at, e.id)))


def search(session: Session, site_id: int, f: LogFilter, since: datetime | None, until: datetime | None,
           limit: int) -> tuple[Entry, ...]:
    """The site's entries matching `f` (the event in [since, until)), newest event first, at most `limit`."""
    row = LogEntryRow
    where = [row.site_id == site_id]
    if f.instance_id is not None:
        where.append(row.instance_id == f.instance_id)
    if since is not None:
        where.append(row.event_at >= since)
    if until is not None:
        where.append(row.event_at < until)
    if f.categories:
        where.append(row.category.in_([c.value for c in f.categories]))
    if f.statuses:
        wanted = row.status.in_([s.value for s in f.statuses])
        where.append(or_(wanted, row.status.is_(None)) if f.notes else wanted)
    elif f.notes:
        where.append(row.status.is_(None))
    for column, value in ((row.owner, f.owner), (row.author, f.author)):
        value = (value or "").strip()
        if value:
            where.append(or_(column == value, column.ilike(value.replace("\\", "\\\\").replace("%", "\\%")
                                                           .replace("_", "\\_"), escape="\\")))
    tag = fold(f.tag.strip().lstrip("#＃"))
    if tag:
        where.append(row.tag_keys.contains("|" + tag + "|", autoescape=True))
    for word in fold(f.text).split():
        where.append(row.search_text.contains(word, autoescape=True))
    if not f.include_withdrawn:
        where.append(row.withdrawn_at.is_(None))
    query = select(row).where(and_(*where)).order_by(row.event_at.desc(), row.id.desc()).limit(limit)
    return _entries(session, query)


def tagged_entries(session: Session, site_id: int, tag: str, customer_refs: Iterable[str], since: datetime,
                   until: datetime) -> tuple[Entry, ...]:
    """The site's entries carrying `tag` (exactly, case-insensitive) whose customer reference is one of
    `customer_refs` and whose event lies in [since, until), withdrawn ones included, by event time."""
    row = LogEntryRow
    refs = sorted({r for r in customer_refs if r})
    key = "|" + fold(tag.strip().lstrip("#＃")) + "|"
    out: list[Entry] = []
    for first in range(0, len(refs), 500):
        query = select(row).where(
            row.site_id == site_id, row.event_at >= since, row.event_at < until,
            row.customer_ref.in_(refs[first:first + 500]), row.tag_keys.contains(key, autoescape=True),
        )
        out.extend(_entries(session, query))
    return tuple(sorted(out, key=lambda e: (e.event_at, e.id)))


# --- saved filters and templates (configuration: replaced by name, deletable) ---

def save_filter(session: Session, site_id: int, name: str, f: LogFilter) -> SavedFilter:
    row = session.scalar(select(LogSavedFilterRow).where(LogSavedFilterRow.site_id == site_id,
                                                         LogSavedFilterRow.name == name))
    if row is None:
        row = LogSavedFilterRow(site_id=site_id, name=name)
        session.add(row)
    row.filter = json.dumps(filter_to_json(f), ensure_ascii=False)
    session.flush()
    return SavedFilter(row.id, row.site_id, row.name, f)


def list_filters(session: Session, site_id: int) -> tuple[SavedFilter, ...]:
    rows = session.scalars(select(LogSavedFilterRow).where(LogSavedFilterRow.site_id == site_id)
                           .order_by(LogSavedFilterRow.name, LogSavedFilterRow.id))
    return tuple(SavedFilter(r.id, r.site_id, r.name, filter_from_json(json.loads(r.filter))) for r in rows)


def delete_filter(session: Session, filter_id: int) -> bool:
    return session.execute(delete(LogSavedFilterRow).where(LogSavedFilterRow.id == filter_id)).rowcount > 0


def _template(row: LogTemplateRow) -> Template:
    return Template(row.id, row.site_id, row.name, Category(row.category), row.text, tuple(json.loads(row.tags)))


def save_template(session: Session, site_id: int, name: str, category: Category, text: str,
                  tags: tuple[str, ...]) -> Template:
    row = session.scalar(select(LogTemplateRow).where(LogTemplateRow.site_id == site_id,
                                                      LogTemplateRow.name == name))
    if row is None:
        row = LogTemplateRow(site_id=site_id, name=name)
        session.add(row)
    row.category, row.text, row.tags = category.value, text, json.dumps(list(tags), ensure_ascii=False)
    session.flush()
    return _template(row)


def list_templates(session: Session, site_id: int) -> tuple[Template, ...]:
    rows = session.scalars(select(LogTemplateRow).where(LogTemplateRow.site_id == site_id)
                           .order_by(LogTemplateRow.name, LogTemplateRow.id))
    return tuple(_template(r) for r in rows)


def delete_template(session: Session, template_id: int) -> bool:
    return session.execute(delete(LogTemplateRow).where(LogTemplateRow.id == template_id)).rowcount > 0
