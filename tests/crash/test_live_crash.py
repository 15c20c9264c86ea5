"""A live feed poll killed with SIGKILL inside a batch (issue 10, "Nothing lost"), on SQLite and PostgreSQL.

The live poll is its own path: each batch's transaction also moves the
source's read position (offset, line, file identity). A child console polls
a live source whose file holds 40 batches and is killed inside the
transaction of one of them. The restarted console finds the read position
just after the last committed batch and exactly the calls before it; the
dead console's poll lease keeps the source for its 60 s on PostgreSQL
(another desk may be alive: a poll then reads nothing and names that desk);
a console window on a SQLite file is the only desk on it and takes the dead
one's lease over at once. The next poll reads on from the position: every
remaining line once, and the interval figures of a clean one-shot import of
the file.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from app.domain.calls import FeedFormat
from app.services import live
from app.services.audit import verify_trail
from app.services.console import Console
from app.services.import_common import ImportRequest
from app.storage import live as live_store
from app.storage import sites as site_store
from tests.crash.conftest import BATCH_LINES
from tests.crash.support import (
    Child,
    call_id,
    integrity_ok,
    intervals,
    intervals_agree_with_calls,
    prepare,
    rows,
    same_figures,
    stored_calls,
)


def position(console: Console, source: str) -> tuple:
    """(offset, line, last poll, poll holder) of the source's read position, as the poll reads it."""
    with console.db.transaction() as tx:
        source_id = site_store.find_source(tx, source).id
        pos = live_store.position(tx, source_id)
    [(holder,)] = rows(console, "SELECT poll_holder FROM feed_sources WHERE id = :id", id=source_id)
    return pos.offset, pos.line, pos.last_poll_at, holder


def test_a_live_poll_killed_inside_a_batch_goes_on_from_its_last_committed_batch(db_url, feed):
    prepare(db_url)
    with Console.open(db_url) as console:
        live.add_live_source(console, ImportRequest(feed.path, FeedFormat.CALLS_CSV, "acd"))
    polled = datetime.now(timezone.utc).replace(microsecond=0)
    batch = random.randint(3, 30)  # the batch whose transaction is killed
    child = Child("poll", db_url, "acd", str(BATCH_LINES), polled.isoformat(), "--hold", "calls", str(batch))
    child.wait_for(lambda line: line.startswith("hold "))
    child.kill()
    assert child.killed and not any(line.startswith("done") for line in child.lines)

    with Console.open(db_url, desk=True) as console:
        integrity_ok(console)
        committed = (batch - 1) * BATCH_LINES
        offset, line, last_poll, holder = position(console, "acd")
        live_holder_before = holder
        # The position and the data agree: just after the last committed batch (the header is line 1). No poll
        # time: the coverage does not claim the rest of the file.
        assert (offset, line, last_poll) == (feed.ends[committed], committed + 1, None)
        assert holder is not None
        assert stored_calls(console, "acd") == (committed, call_id(1), call_id(committed))
        intervals_agree_with_calls(console, "acd")
        assert rows(console, "SELECT status, lines_read, offset_reached FROM import_runs") == [
            ("running", committed, feed.ends[committed])]
        assert verify_trail(console).intact

        if console.db.dialect == "sqlite":
            # The only desk on the file: the dead console's lease is taken over at once.
            after = polled + timedelta(seconds=10)
        else:
            # The killed desk's lease still runs: this console reads nothing and says who polls.
            held = live.poll(console, "acd", now=polled + timedelta(seconds=10), batch_lines=BATCH_LINES)
            assert (held.held_by, held.batches, held.lines_read) == (holder, 0, 0)
            assert position(console, "acd")[:2] == (offset, line)
            # Once it has run out, the next poll reads on from the position: each remaining line once.
            after = polled + live.LEASE + timedelta(seconds=1)
        result = live.poll(console, "acd", now=after, batch_lines=BATCH_LINES)
        assert result.held_by is None
        rest = feed.calls - committed
        assert (result.lines_read, result.calls, result.new, result.rejected) == (rest, rest, rest, 0)
        assert (result.offset, result.waiting) == (feed.ends[-1], feed.waiting)
        assert stored_calls(console, "acd") == (feed.calls, call_id(1), call_id(feed.calls))
        same_figures(intervals(console, "acd"), feed.intervals)
        intervals_agree_with_calls(console, "acd")
        offset, line, last_poll, holder = position(console, "acd")
        assert (offset, line, last_poll) == (feed.ends[-1], feed.calls + 1, after)
        assert holder is not None and holder != live_holder_before
        assert rows(console, "SELECT status, lines_read, offset_reached FROM import_runs ORDER BY id") == [
            ("running", committed, feed.ends[committed]), ("done", rest, feed.ends[-1])]
        again = live.poll(console, "acd", now=after + timedelta(seconds=5), batch_lines=BATCH_LINES)
        assert (again.batches, again.lines_read, again.new) == (0, 0, 0)
        report = verify_trail(console)
        assert report.intact, report.findings
