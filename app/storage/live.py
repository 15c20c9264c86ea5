"""Repository of the live state of feed sources: their file and how far it has been read.

A poll writes the position with the data it covers (same session, same
transaction); a poll that finds nothing new writes the poll time only.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.sources import LivePosition
from app.storage.models import FeedSource as SourceRow


def position(session: Session, source_id: int) -> LivePosition:
    row = session.get(SourceRow, source_id)
    return LivePosition(
        path=row.path,
        offset=row.file_offset,
        line=row.file_line,
        file_id=row.file_id,
        head_sha256=row.head_sha256,
        head_bytes=row.head_bytes,
        last_poll_at=row.last_poll_at,
        last_data_at=row.last_data_at,
    )


def set_live(session: Session, source_id: int, path: str) -> bool:
    """Make the source live on `path`. Returns True when its read position was reset.

    A source already live on the same file keeps its position (a restarted
    watcher goes on where it stopped); another file starts at its beginning.
    """
    row = session.get(SourceRow, source_id)
    reset = not (row.live and row.path == path)
    row.live = True
    if reset:
        row.path = path
        row.file_offset = row.file_line = row.head_bytes = 0
        row.file_id = row.head_sha256 = None
    session.flush()
    return reset


def stop_live(session: Session, source_id: int) -> None:
    """The source is no longer polled; its data, coverage and last poll stay."""
    session.get(SourceRow, source_id).live = False


def save_position(session: Session, source_id: int, pos: LivePosition) -> None:
    """Store the offset, line, identity and times of `pos` (path and live flag unchanged)."""
    session.execute(
        update(SourceRow)
        .where(SourceRow.id == source_id)
        .values(
            file_offset=pos.offset, file_line=pos.line, file_id=pos.file_id, head_sha256=pos.head_sha256,
            head_bytes=pos.head_bytes, last_poll_at=pos.last_poll_at, last_data_at=pos.last_data_at,
        )
    )


def touch_poll(session: Session, source_id: int, at: datetime) -> None:
    """A poll that found nothing new: only the poll time changes."""
    session.execute(update(SourceRow).where(SourceRow.id == source_id).values(last_poll_at=at))


def live_source_names(session: Session) -> tuple[str, ...]:
    rows = session.scalars(select(SourceRow.name).where(SourceRow.live.is_(True)).order_by(SourceRow.name))
    return tuple(rows)


# --- the poll lease: one desk polls a live source ---

def lease_holder(session: Session, source_id: int, holder: str, now: datetime) -> str | None:
    """The other desk whose poll lease on the source still runs at `now` (None: free, lapsed or `holder`'s)."""
    row = session.get(SourceRow, source_id)
    if row.poll_holder and row.poll_holder != holder and row.poll_lease_until is not None \
            and row.poll_lease_until > now:
        return row.poll_holder
    return None


def take_lease(session: Session, source_id: int, holder: str, now: datetime, until: datetime,
               force: bool = False) -> str | None:
    """Take or renew the source's poll lease for `holder` until `until`; the holder of a lease still running
    (None when `holder` has it now). `force`: taken even from a lease still running (a desk that knows it is
    the only one). The row is locked for the rest of the transaction."""
    row = session.scalar(select(SourceRow).where(SourceRow.id == source_id).with_for_update())
    if not force and row.poll_holder and row.poll_holder != holder and row.poll_lease_until is not None \
            and row.poll_lease_until > now:
        return row.poll_holder
    row.poll_holder, row.poll_lease_until = holder, until
    session.flush()
    return None


def locked_position(session: Session, source_id: int) -> LivePosition:
    """The stored position, its row locked until the transaction ends (a batch checks nobody moved it)."""
    session.scalar(select(SourceRow.id).where(SourceRow.id == source_id).with_for_update())
    return position(session, source_id)


def release_leases(session: Session, holder: str) -> int:
    """Give up every poll lease `holder` has (a desk closing); how many."""
    result = session.execute(update(SourceRow).where(SourceRow.poll_holder == holder)
                             .values(poll_holder=None, poll_lease_until=None))
    return result.rowcount or 0
