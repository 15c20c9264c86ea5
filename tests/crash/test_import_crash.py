"""A feed import killed with SIGKILL (issue 10, "Nothing lost"), on a SQLite file and on PostgreSQL.

A child console imports a generated calls-csv feed in 40 batches and is
killed, once inside a batch's transaction for certain (it stops after
storing the batch's calls, before the commit) and once at a random moment
between two progress reports. The restarted console finds the file intact,
exactly the calls of the committed batches (the first K lines, K the run's
lines read), intervals agreeing with them, the run left `running` at the
offset of its last batch, and an audit trail that verifies. Importing the
file again completes it: every call once, and the interval figures of a
clean one-shot import.
"""

from __future__ import annotations

import random
import time

import pytest

from app.domain.calls import FeedFormat
from app.services.audit import verify_trail
from app.services.console import Console
from app.services.import_common import ImportRequest
from app.services.imports import import_feed
from tests.crash.conftest import BATCH_LINES, Feed
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


def runs(console: Console, source: str) -> list[tuple]:
    """(status, finished, lines read, offset reached, new calls) of the source's import runs, oldest first."""
    return rows(console, """
        SELECT r.status, r.finished_at IS NOT NULL, r.lines_read, r.offset_reached, r.calls_new
        FROM import_runs r JOIN feed_sources s ON s.id = r.source_id WHERE s.name = :name ORDER BY r.id""",
                name=source)


def killed_import_is_consistent(console: Console, feed: Feed, source: str) -> int:
    """The state a killed import leaves: whole batches only, the run still `running`. The calls committed."""
    integrity_ok(console)
    [(status, finished, lines, offset, new)] = runs(console, source)
    assert (status, finished) == ("running", False)  # nothing closes the run of a dead process; it shows as such
    assert 0 < lines < feed.calls and lines % BATCH_LINES == 0
    assert (offset, new) == (feed.ends[lines], lines)
    assert stored_calls(console, source) == (lines, call_id(1), call_id(lines))
    intervals_agree_with_calls(console, source)
    assert verify_trail(console).intact
    return lines


def import_again_completes(console: Console, feed: Feed, source: str, committed: int) -> None:
    summary = import_feed(console, ImportRequest(feed.path, FeedFormat.CALLS_CSV, source, batch_lines=BATCH_LINES))
    assert (summary.calls, summary.new, summary.known) == (feed.calls, feed.calls - committed, committed)
    assert (summary.rejected, summary.waiting) == (0, feed.waiting)
    assert stored_calls(console, source) == (feed.calls, call_id(1), call_id(feed.calls))
    same_figures(intervals(console, source), feed.intervals)
    assert [r[:3] for r in runs(console, source)] == [("running", False, committed), ("done", True, feed.calls)]
    intervals_agree_with_calls(console, source)
    report = verify_trail(console)
    assert report.intact, report.findings


def test_an_import_killed_inside_a_batch_leaves_whole_batches_and_completes_when_run_again(db_url, feed):
    prepare(db_url)
    batch = random.randint(3, 30)  # the batch whose transaction is killed
    child = Child("import", db_url, str(feed.path), "acd", str(BATCH_LINES), "--hold", "calls", str(batch))
    child.wait_for(lambda line: line.startswith("hold "))
    child.kill()
    assert child.killed
    assert sum(line.startswith("batch ") for line in child.lines) == batch - 1, child.lines
    # The restarted console (a window: the killed one's desk lock went with its process).
    with Console.open(db_url, desk=True) as console:
        committed = killed_import_is_consistent(console, feed, "acd")
        assert committed == (batch - 1) * BATCH_LINES  # the calls of the killed batch are not there
        import_again_completes(console, feed, "acd", committed)


def test_an_import_killed_at_a_random_moment_completes_when_run_again(db_url, feed):
    prepare(db_url)
    rng = random.Random()
    for attempt in range(1, 6):
        # Each attempt imports into a source of its own, so an import that ended before the kill changes nothing.
        source = f"acd-{attempt}"
        child = Child("import", db_url, str(feed.path), source, str(BATCH_LINES))
        reports = rng.randint(3, 25)
        child.wait_for(lambda line: line.startswith("batch "))
        first = time.monotonic()
        for _ in range(reports - 1):
            child.wait_for(lambda line: line.startswith("batch "))
        gap = (time.monotonic() - first) / max(1, reports - 1)
        time.sleep(rng.uniform(0, gap))  # anywhere in the next batch: reading, storing or committing
        under_way = child.proc.poll() is None
        child.kill()
        if under_way and child.killed and not any(line.startswith("done") for line in child.lines):
            break
    else:
        pytest.fail("the import ended before every kill")
    with Console.open(db_url, desk=True) as console:
        committed = killed_import_is_consistent(console, feed, source)
        reported = [line for line in child.lines if line.startswith("batch ")]
        # What the child saw committed is there; at most the batch being committed when it died is there unreported.
        assert committed // BATCH_LINES in (len(reported), len(reported) + 1)
        import_again_completes(console, feed, source, committed)
