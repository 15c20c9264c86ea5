"""Repository of import runs and the input lines they rejected."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.domain.calls import RejectedLine
from app.storage.models import ImportRun, RejectedLineRow


def start_run(session: Session, source_id: int, path: str, format: str) -> int:
    row = ImportRun(
        source_id=source_id, path=path, format=format, status="running",
        started_at=datetime.now(timezone.utc), lines_read=0, offset_reached=0,
        calls_new=0, calls_known=0, calls_updated=0, waiting=0, ignored="{}", rejected=0,
    )
    session.add(row)
    session.flush()
    return row.id


def record_batch(
    session: Session,
    run_id: int,
    *,
    lines_read: int,
    offset: int,
    new: int,
    known: int,
    updated: int,
    waiting: int,
    ignored: Mapping[str, int],
    rejected: Sequence[RejectedLine],
) -> None:
    """Add one batch's counts to the run, and keep its rejected lines."""
    run = session.get(ImportRun, run_id)
    run.lines_read += lines_read
    run.offset_reached = offset
    run.calls_new += new
    run.calls_known += known
    run.calls_updated += updated
    run.waiting += waiting
    counts = json.loads(run.ignored)
    for reason, n in ignored.items():
        counts[reason] = counts.get(reason, 0) + n
    run.ignored = json.dumps(counts, sort_keys=True)
    run.rejected += len(rejected)
    if rejected:
        session.execute(
            insert(RejectedLineRow),
            [{"import_run_id": run_id, "line_no": r.line_no, "reason": r.reason, "text": r.text} for r in rejected],
        )


def finish_run(session: Session, run_id: int, status: str = "done") -> None:
    run = session.get(ImportRun, run_id)
    run.status = status
    run.finished_at = datetime.now(timezone.utc)


def rejected_lines(session: Session, run_id: int) -> list[RejectedLine]:
    rows = session.scalars(
        select(RejectedLineRow).where(RejectedLineRow.import_run_id == run_id).order_by(RejectedLineRow.line_no)
    )
    return [RejectedLine(r.line_no, r.reason, r.text) for r in rows]
