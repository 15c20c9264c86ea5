"""A live feed's poll lease passing between desks on different machines (SQLite and PostgreSQL): the desk that
takes over sees the same file through another mount (another device number, the same inode; only `os.stat`'s
device number is changed here) and goes on where the other stopped: no line read twice, no rejected line
reported twice; rotation and truncation are still told apart there."""

from __future__ import annotations

import os
from datetime import timedelta

from app.services import live
from app.services.console import Console
from app.services.live import poll
from tests.feeds.test_tail import another_machine
from tests.services.test_live import NOON, abandoned, answered, append, rows, text_of, watch

BROKEN = "garbage from the ACD +5550104099"  # a rejected line (too few fields), caller number inside


def counts(url: str) -> tuple[int, int, int]:
    """(calls, rejected lines stored, lines read over all runs)."""
    return (rows(url, "SELECT COUNT(*) FROM calls")[0][0], rows(url, "SELECT COUNT(*) FROM rejected_lines")[0][0],
            rows(url, "SELECT COALESCE(SUM(lines_read), 0) FROM import_runs")[0][0])


def test_a_desk_on_another_machine_goes_on_where_the_other_stopped(tmp_path, db_url, monkeypatch):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0) + [BROKEN] + answered(2, 5)))
    desk_a, desk_b = Console.open(db_url), Console.open(db_url)
    try:
        watch(desk_a, path)
        one = poll(desk_a, "acd", now=NOON)
        assert (one.lines_read, one.new, one.rejected) == (7, 2, 1)
        assert one.first_rejected[0].text == "garbage from the ACD +******4099"  # as the window shows it
        st = os.stat(path)
        assert rows(db_url, "SELECT file_id FROM feed_sources")[0][0] == f"{st.st_dev}:{st.st_ino}"
        append(path, text_of(abandoned(3, 8)))
        # Desk A closes; after its lease desk B, on another machine, takes over.
        later = NOON + live.LEASE + timedelta(seconds=1)
        with another_machine(monkeypatch, tmp_path):
            took = poll(desk_b, "acd", now=later)
            assert (took.held_by, took.lines_read, took.new, took.rejected) == (None, 2, 1, 0)
            assert not (took.rotated or took.truncated) and took.offset == path.stat().st_size
            assert poll(desk_b, "acd", now=later + timedelta(seconds=10)).lines_read == 0
        assert counts(db_url) == (3, 1, 9)
        # Back to desk A (B's lease lapses): it goes on from where B stopped, through its own mount.
        append(path, text_of(answered(4, 20)))
        back = poll(desk_a, "acd", now=later + 2 * live.LEASE)
        assert (back.held_by, back.lines_read, back.new, back.rejected) == (None, 3, 1, 0)
        assert not (back.rotated or back.truncated)
        assert counts(db_url) == (4, 1, 12)
        assert sum(r[0] for r in rows(db_url, "SELECT offered FROM intervals")) == 4
    finally:
        desk_a.close()
        desk_b.close()


def test_rotation_and_truncation_are_still_told_on_the_other_machine(tmp_path, db_url, monkeypatch):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0) + [BROKEN]))
    desk_a, desk_b = Console.open(db_url), Console.open(db_url)
    try:
        watch(desk_a, path)
        assert poll(desk_a, "acd", now=NOON).lines_read == 4
        append(path, text_of(abandoned(2, 3)))  # after A's last read, before the rotation
        path.rename(tmp_path / "queue_log.1")
        path.write_text(text_of(answered(3, 10)))
        later = NOON + live.LEASE + timedelta(seconds=1)
        with another_machine(monkeypatch, tmp_path):
            rotated = poll(desk_b, "acd", now=later)
            # The rest of the old file (found beside it on this machine too), then the new one.
            assert rotated.rotated and (rotated.lines_read, rotated.new, rotated.rejected) == (2 + 3, 2, 0)
            # copytruncate: emptied, the ACD writes again (call 3 repeated): read from the start.
            path.write_text(text_of(answered(3, 10)[:1]))
            truncated = poll(desk_b, "acd", now=later + timedelta(seconds=5))
            assert truncated.truncated and (truncated.lines_read, truncated.new) == (1, 0)
        assert counts(db_url) == (3, 1, 4 + 5 + 1)
    finally:
        desk_a.close()
        desk_b.close()
