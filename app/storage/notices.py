"""Repository of business notices, their revisions and acknowledgements.

The `notices` row holds the current version; every version (the first
included) is also a `notice_revisions` row, so nothing a supervisor wrote
is lost when a notice is edited. Acknowledgements name the version they
were given to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.notices import Notice, NoticeAck, Priority
from app.storage.models import NoticeAckRow, NoticeRevisionRow, NoticeRow, SupervisorRow


@dataclass(frozen=True, slots=True)
class NoticeContent:
    """What a supervisor writes in a notice (one version)."""

    title: str
    text: str
    priority: Priority
    effective_from: datetime
    effective_to: datetime | None
    explain_at_meeting: bool
    kb_path: str


def _acks(session: Session, notice_ids: Iterable[int]) -> dict[int, list[NoticeAck]]:
    ids = list(notice_ids)
    out: dict[int, list[NoticeAck]] = {}
    if not ids:
        return out
    query = (
        select(NoticeAckRow, SupervisorRow.name)
        .join(SupervisorRow, SupervisorRow.id == NoticeAckRow.supervisor_id)
        .where(NoticeAckRow.notice_id.in_(ids))
        .order_by(NoticeAckRow.at, NoticeAckRow.id)
    )
    for row, name in session.execute(query):
        out.setdefault(row.notice_id, []).append(NoticeAck(row.notice_id, row.supervisor_id, name, row.version, row.at))
    return out


def _notice(row: NoticeRow, acks: Iterable[NoticeAck]) -> Notice:
    return Notice(
        id=row.id,
        site_id=row.site_id,
        title=row.title,
        text=row.text,
        priority=Priority(row.priority),
        effective_from=row.effective_from,
        effective_to=row.effective_to,
        explain_at_meeting=bool(row.explain_at_meeting),
        kb_path=row.kb_path or "",
        version=row.version,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
        acks=tuple(acks),
    )


def list_notices(session: Session, site_id: int) -> tuple[Notice, ...]:
    """Every notice of the site (current versions, with all their acknowledgements), by id."""
    rows = session.scalars(select(NoticeRow).where(NoticeRow.site_id == site_id).order_by(NoticeRow.id)).all()
    acks = _acks(session, (r.id for r in rows))
    return tuple(_notice(r, acks.get(r.id, ())) for r in rows)


def get_notice(session: Session, notice_id: int) -> Notice | None:
    row = session.get(NoticeRow, notice_id)
    return _notice(row, _acks(session, [row.id]).get(row.id, ())) if row else None


def _revision(row: NoticeRow, content: NoticeContent, by: str | None, at: datetime) -> NoticeRevisionRow:
    return NoticeRevisionRow(
        notice_id=row.id, version=row.version, title=content.title, text=content.text,
        priority=content.priority.value, effective_from=content.effective_from, effective_to=content.effective_to,
        explain_at_meeting=content.explain_at_meeting, kb_path=content.kb_path, by=by, at=at,
    )


def _write(row: NoticeRow, content: NoticeContent, by: str | None, at: datetime) -> None:
    row.title = content.title
    row.text = content.text
    row.priority = content.priority.value
    row.effective_from = content.effective_from
    row.effective_to = content.effective_to
    row.explain_at_meeting = content.explain_at_meeting
    row.kb_path = content.kb_path
    row.updated_by = by
    row.updated_at = at


def add_notice(session: Session, site_id: int, content: NoticeContent, by: str | None, at: datetime) -> Notice:
    row = NoticeRow(site_id=site_id, version=1, created_at=at)
    _write(row, content, by, at)
    session.add(row)
    session.flush()
    session.add(_revision(row, content, by, at))
    session.flush()
    return get_notice(session, row.id)


def revise_notice(session: Session, notice_id: int, content: NoticeContent, by: str | None, at: datetime) -> Notice:
    """Make `content` the next version of the notice."""
    row = session.get(NoticeRow, notice_id)
    row.version += 1
    _write(row, content, by, at)
    session.add(_revision(row, content, by, at))
    session.flush()
    return get_notice(session, row.id)


def content_of(notice: Notice) -> NoticeContent:
    return NoticeContent(notice.title, notice.text, notice.priority, notice.effective_from, notice.effective_to,
                         notice.explain_at_meeting, notice.kb_path)


def add_ack(session: Session, notice_id: int, supervisor_id: int, version: int, at: datetime) -> None:
    session.add(NoticeAckRow(notice_id=notice_id, supervisor_id=supervisor_id, version=version, at=at))
    session.flush()


def history(session: Session, notice_id: int) -> tuple[Notice, ...]:
    """Each version of the notice, oldest first, with the acknowledgements given to that version."""
    row = session.get(NoticeRow, notice_id)
    if row is None:
        return ()
    acks = _acks(session, [notice_id]).get(notice_id, [])
    revisions = NoticeRevisionRow
    query = select(revisions).where(revisions.notice_id == notice_id).order_by(revisions.version)
    return tuple(
        Notice(
            id=notice_id,
            site_id=row.site_id,
            title=r.title,
            text=r.text,
            priority=Priority(r.priority),
            effective_from=r.effective_from,
            effective_to=r.effective_to,
            explain_at_meeting=bool(r.explain_at_meeting),
            kb_path=r.kb_path,
            version=r.version,
            updated_by=r.by,
            updated_at=r.at,
            acks=tuple(a for a in acks if a.version == r.version),
        )
        for r in session.scalars(query)
    )
