"""Use cases on business notices: list and search, write and edit (a new version), acknowledge.

An edit that changes something makes the next version (and keeps the old
one as a revision), so earlier acknowledgements become outdated; an
acknowledgement needs the supervisor's PIN. Expired notices stay searchable.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.errors import InvalidSettingError
from app.domain.notices import Notice, Priority
from app.services.console import Console
from app.services.people import verified_in
from app.services.shifts import aware
from app.storage import notices as notice_store
from app.storage import shifts as shift_store
from app.storage.notices import NoticeContent


def list_notices(console: Console, at: datetime, site_id: int | None = None, include_expired: bool = False,
                 search: str | None = None) -> tuple[Notice, ...]:
    """The site's notices not expired at `at` (or all of them), most urgent first, then newest.

    `search`: only notices whose title, text or knowledge-base path contains it
    (case-insensitive); a search includes expired notices.
    """
    aware("at", at)
    needle = (search or "").strip().casefold()
    with console.db.transaction() as tx:
        notices = notice_store.list_notices(tx, shift_store.site(tx, site_id).id)
    if needle:
        notices = [n for n in notices if any(needle in f.casefold() for f in (n.title, n.text, n.kb_path))]
    elif not include_expired:
        notices = [n for n in notices if not n.expired(at)]
    return tuple(sorted(notices, key=lambda n: (-n.priority.rank, -n.effective_from.timestamp(), n.id)))


def save_notice(console: Console, title: str, text: str, priority: Priority, effective_from: datetime,
                effective_to: datetime | None, explain_at_meeting: bool, kb_path: str, by: str | None,
                now: datetime, site_id: int | None = None, notice_id: int | None = None) -> Notice:
    """Write a new notice, or the next version of one (an edit changing nothing makes no new version)."""
    title = (title or "").strip()
    if not title:
        raise InvalidSettingError("title", title, "a notice needs a title")
    aware("effective_from", effective_from)
    if effective_to is not None and aware("effective_to", effective_to) <= effective_from:
        raise InvalidSettingError("effective_to", effective_to.isoformat(), "must be after the start")
    aware("now", now)
    content = NoticeContent(title, (text or "").strip(), Priority(priority), effective_from, effective_to,
                            bool(explain_at_meeting), (kb_path or "").strip())
    by = (by or "").strip() or None
    with console.db.transaction() as tx:
        if notice_id is None:
            return notice_store.add_notice(tx, shift_store.site(tx, site_id).id, content, by, now)
        notice = notice_store.get_notice(tx, notice_id)
        if notice is None:
            raise InvalidSettingError("notice", notice_id, "no such notice")
        if notice_store.content_of(notice) == content:  # aware instants compare as instants
            return notice
        return notice_store.revise_notice(tx, notice_id, content, by, now)


def acknowledge(console: Console, notice_id: int, supervisor_id: int, pin: str, now: datetime) -> Notice:
    """The supervisor acknowledges the notice's current version (PIN checked; once per version)."""
    aware("now", now)
    with console.db.transaction() as tx:
        supervisor = verified_in(tx, supervisor_id, pin)
        notice = notice_store.get_notice(tx, notice_id)
        if notice is None:
            raise InvalidSettingError("notice", notice_id, "no such notice")
        if any(a.supervisor_id == supervisor.id and a.version == notice.version for a in notice.acks):
            return notice
        notice_store.add_ack(tx, notice.id, supervisor.id, notice.version, now)
        return notice_store.get_notice(tx, notice.id)


def notice_history(console: Console, notice_id: int) -> tuple[Notice, ...]:
    """Every version of the notice, oldest first, each with the acknowledgements given to it."""
    with console.db.transaction() as tx:
        return notice_store.history(tx, notice_id)
