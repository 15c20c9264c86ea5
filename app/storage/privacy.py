"""Repository of the privacy settings (caller retention per site) and the purge of call-level caller data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.storage.models import Call, FeedSource, ImportRun, PrivacySettingsRow, RejectedLineRow


def retention_days(session: Session, site_id: int) -> int | None:
    row = session.get(PrivacySettingsRow, site_id)
    return row.caller_retention_days if row is not None else None


def save_retention_days(session: Session, site_id: int, days: int, by: str, at: datetime) -> None:
    row = session.get(PrivacySettingsRow, site_id)
    if row is None:
        session.add(PrivacySettingsRow(site_id=site_id, caller_retention_days=days, updated_at=at, updated_by=by))
    else:
        row.caller_retention_days, row.updated_at, row.updated_by = days, at, by
    session.flush()


def purge_callers(session: Session, site_id: int, before: datetime) -> tuple[int, int]:
    """Clear the caller numbers of the site's calls that arrived before `before`, and the text of rejected feed
    lines of its imports started before it (they may hold caller numbers); (calls, lines) cleared."""
    sources = select(FeedSource.id).where(FeedSource.site_id == site_id).scalar_subquery()
    calls = session.execute(update(Call).where(Call.source_id.in_(sources), Call.caller.is_not(None),
                                               Call.arrived_at < before.timestamp())
                            .values(caller=None).execution_options(synchronize_session=False))
    runs = select(ImportRun.id).where(ImportRun.source_id.in_(sources), ImportRun.started_at < before) \
        .scalar_subquery()
    lines = session.execute(update(RejectedLineRow).where(RejectedLineRow.import_run_id.in_(runs),
                                                          RejectedLineRow.text != "")
                            .values(text="").execution_options(synchronize_session=False))
    return calls.rowcount or 0, lines.rowcount or 0
