"""Live sources: only new bytes are read, whole lines only, rotation and truncation, crash safety, coverage."""

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.domain.calls import FeedFormat
from app.domain.errors import InputFileError, InvalidSettingError
from app.services import live
from app.services.console import Console
from app.services.imports import ImportRequest, import_feed
from app.services.live import add_live_source, poll, stop_live_source
from app.services.reports import interval_report
from app.storage import imports as run_store

SHANGHAI = timezone(timedelta(hours=8))
T0 = int(datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI).timestamp())
NOON = datetime(2026, 11, 27, 12, 0, tzinfo=SHANGHAI)
DAY = date(2026, 11, 27)


def answered(n: int, minute: int, wait: int = 10, talk: int = 100, queue: str = "sales") -> list[str]:
    """queue_log lines of call `n` arriving `minute` minutes after 09:00 (+08:00), answered and completed."""
    at, cid = T0 + minute * 60, f"{T0}.{n}"
    return [
        f"{at}|{cid}|{queue}|NONE|ENTERQUEUE||13800{n:06d}|1",
        f"{at + wait}|{cid}|{queue}|ana|CONNECT|{wait}|{cid}b|2",
        f"{at + wait + talk}|{cid}|{queue}|ana|COMPLETECALLER|{wait}|{talk}|1",
    ]


def abandoned(n: int, minute: int, wait: int = 40, queue: str = "sales") -> list[str]:
    at, cid = T0 + minute * 60, f"{T0}.{n}"
    return [f"{at}|{cid}|{queue}|NONE|ENTERQUEUE||13900{n:06d}|1", f"{at + wait}|{cid}|{queue}|NONE|ABANDON|1|1|{wait}"]


def text_of(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def append(path: Path, content: str) -> None:
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write(content)


def watch(console, path: Path, fmt=FeedFormat.QUEUE_LOG, name="acd"):
    return add_live_source(console, ImportRequest(path=path, format=fmt, source=name, site="Floor", tz="Asia/Shanghai"))


def rows(url: str, sql: str):
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).all()
    finally:
        engine.dispose()


def calls_table(url: str):
    return rows(url, "SELECT queue, call_key, arrived_at, state, wait_seconds, answered_at, ended_at, handle_seconds, "
                     "agent, caller FROM calls ORDER BY call_key")


def intervals_table(url: str):
    return rows(url, "SELECT queue, interval_start, offered, answered, abandoned, waiting, answered_within, asa_seconds, "
                     "aht_seconds, max_wait_seconds FROM intervals ORDER BY interval_start, queue")


def position(url: str):
    return rows(url, "SELECT file_offset, file_line, file_id, head_bytes, last_poll_at FROM feed_sources")[0]


def test_appended_lines_are_read_once_and_only_they(tmp_path, db_url):
    path = tmp_path / "queue_log"
    first = answered(1, 0) + answered(2, 5) + abandoned(3, 7)
    path.write_text(text_of(first))
    console = Console.open(db_url)
    added = watch(console, path)
    assert added.source_created and added.source.live and added.source.path == str(path)
    one = poll(console, "acd", now=NOON)
    assert (one.lines_read, one.calls, one.new, one.updated, one.waiting, one.rejected) == (8, 3, 3, 0, 0, 0)
    assert one.offset == path.stat().st_size == one.size and not (one.rotated or one.truncated)
    assert one.last_data_at == datetime.fromtimestamp(T0 + 7 * 60 + 40, timezone.utc)

    later = answered(4, 40) + abandoned(5, 45, wait=5)
    append(path, text_of(later))
    two = poll(console, "acd", now=NOON)
    assert (two.lines_read, two.calls, two.new, two.updated) == (5, 2, 2, 0)
    assert two.offset == path.stat().st_size
    assert rows(db_url, "SELECT COUNT(*) FROM calls")[0][0] == 5
    assert rows(db_url, "SELECT lines_read, offset_reached, calls_new, status FROM import_runs ORDER BY id") == [
        (8, len(text_of(first).encode()), 3, "done"), (5, path.stat().st_size, 2, "done")]
    report = interval_report(console, "acd", DAY)
    sales = {r.interval_start_local[11:16]: r.figures for r in report}
    assert (sales["09:00"].offered, sales["09:00"].answered, sales["09:00"].abandoned) == (3, 2, 1)
    assert (sales["09:30"].offered, sales["09:30"].answered, sales["09:30"].abandoned) == (2, 1, 1)
    assert sales["09:30"].abandoned_within == 1  # the 5-second abandon
    console.close()


def test_a_half_written_last_line_waits_for_the_next_poll(tmp_path, db_url):
    path = tmp_path / "queue_log"
    lines = answered(1, 0)
    enter = abandoned(2, 3)[0]
    path.write_text(text_of(lines) + enter[:25])  # the ACD is writing the ENTERQUEUE of call 2
    console = Console.open(db_url)
    watch(console, path)
    one = poll(console, "acd", now=NOON)
    assert (one.lines_read, one.new, one.rejected) == (3, 1, 0)
    assert one.offset == len(text_of(lines).encode()) < one.size
    append(path, enter[25:])  # still no newline
    assert poll(console, "acd", now=NOON).lines_read == 0
    append(path, "\n")
    two = poll(console, "acd", now=NOON)
    assert (two.lines_read, two.new, two.waiting, two.rejected) == (1, 1, 1, 0)
    assert two.offset == path.stat().st_size
    assert rows(db_url, "SELECT COUNT(*) FROM rejected_lines")[0][0] == 0  # never read half
    console.close()


def test_calls_csv_rereads_its_header_and_waits_for_whole_lines(tmp_path, db_url):
    header = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller\n"
    row = "c{n},care,2026-11-27T09:{m:02d}:00+08:00,2026-11-27T09:{m:02d}:15+08:00,2026-11-27T09:{e:02d}:00+08:00,answered,ana,\n"
    path = tmp_path / "calls.csv"
    path.write_text(header[:20])  # the header itself is being written
    console = Console.open(db_url)
    watch(console, path, FeedFormat.CALLS_CSV)
    empty = poll(console, "acd", now=NOON)
    assert (empty.lines_read, empty.offset) == (0, 0)
    append(path, header[20:] + row.format(n=1, m=0, e=5) + row.format(n=2, m=1, e=6)[:30])
    one = poll(console, "acd", now=NOON)
    assert (one.lines_read, one.new) == (1, 1)
    append(path, row.format(n=2, m=1, e=6)[30:] + "c3,care,not a time,,,abandoned,,\n")
    two = poll(console, "acd", now=NOON)  # from an offset past the header: the header is read again
    assert (two.lines_read, two.new, two.rejected) == (2, 1, 1)
    assert two.first_rejected[0].line_no == 4 and "arrived_at" in two.first_rejected[0].reason
    assert rows(db_url, "SELECT line_no FROM rejected_lines") == [(4,)]
    console.close()


def test_anonymous_bank_from_an_offset(tmp_path, db_url):
    from tests.conftest import JANUARY

    lines = JANUARY.read_bytes().split(b"\r\n")
    path = tmp_path / "bank.txt"
    path.write_bytes(b"\r\n".join(lines[:41]) + b"\r\n")
    console = Console.open(db_url)
    watch(console, path, FeedFormat.ANONYMOUS_BANK)
    one = poll(console, "acd", now=NOON)
    append(path, (b"\r\n".join(lines[41:81]) + b"\r\n").decode())
    two = poll(console, "acd", now=NOON)
    assert (one.lines_read, two.lines_read) == (40, 40)
    whole = tmp_path / "whole.txt"
    whole.write_bytes(b"\r\n".join(lines[:81]) + b"\r\n")
    clean = Console.open(f"sqlite:///{tmp_path / 'clean.sqlite3'}")
    summary = import_feed(clean, ImportRequest(path=whole, format=FeedFormat.ANONYMOUS_BANK, source="acd", site="Floor", tz="Asia/Shanghai"))
    assert one.calls + two.calls == summary.calls and one.new + two.new == summary.new
    assert calls_table(db_url) == calls_table(f"sqlite:///{tmp_path / 'clean.sqlite3'}")
    clean.close()
    console.close()


def test_truncation_restarts_at_the_beginning_without_counting_twice(tmp_path, db_url):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0) + answered(2, 5) + answered(3, 10)))
    console = Console.open(db_url)
    watch(console, path)
    poll(console, "acd", now=NOON)
    # copytruncate: emptied, then the ACD writes again (call 3 repeated by the ACD, call 4 new).
    path.write_text(text_of(answered(3, 10) + abandoned(4, 20)))
    after = poll(console, "acd", now=NOON)
    assert after.truncated and not after.rotated
    assert (after.lines_read, after.calls, after.new) == (5, 2, 1)
    assert after.offset == path.stat().st_size
    # Rewritten in place, longer than before but with other first bytes: also read from the start.
    path.write_text(text_of(answered(5, 30) + answered(6, 31) + answered(7, 32) + answered(3, 10)))
    rewritten = poll(console, "acd", now=NOON)
    assert rewritten.truncated and (rewritten.calls, rewritten.new) == (4, 3)
    assert rows(db_url, "SELECT COUNT(*) FROM calls")[0][0] == 7
    assert sum(r.figures.offered for r in interval_report(console, "acd", DAY)) == 7
    console.close()


def test_rotation_reads_the_rest_of_the_old_file_then_the_new_one(tmp_path, db_url):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0) + answered(2, 5)))
    console = Console.open(db_url)
    watch(console, path)
    poll(console, "acd", now=NOON)
    append(path, text_of(abandoned(3, 8)))  # written after the poll, before the rotation
    path.rename(tmp_path / "queue_log.1")
    path.write_text(text_of(answered(2, 5) + answered(4, 12)))  # the new file repeats call 2
    rotated = poll(console, "acd", now=NOON)
    assert rotated.rotated and not rotated.truncated
    assert (rotated.lines_read, rotated.new) == (2 + 6, 2)  # calls 3 and 4; call 2 known
    assert rotated.offset == path.stat().st_size
    assert rows(db_url, "SELECT COUNT(*) FROM calls")[0][0] == 4
    assert poll(console, "acd", now=NOON).lines_read == 0
    # Rotated away for good (deleted): the new file is read from its start.
    path.rename(tmp_path / "queue_log.2")
    (tmp_path / "queue_log.2").unlink()
    path.write_text(text_of(answered(5, 20)))
    gone = poll(console, "acd", now=NOON)
    # The file system may give the new file the deleted one's inode: then it is told by its size.
    assert (gone.rotated or gone.truncated) and gone.new == 1
    figures = [r.figures for r in interval_report(console, "acd", DAY)]
    assert sum(f.offered for f in figures) == 5 and sum(f.abandoned for f in figures) == 1
    console.close()


def test_a_crash_between_batches_leaves_offset_and_data_agreeing(tmp_path, db_url, monkeypatch):
    path = tmp_path / "queue_log"
    lines = []
    for n in range(30):
        lines += answered(n, n * 3) if n % 4 else abandoned(n, n * 3)
    path.write_text(text_of(lines))
    console = Console.open(db_url)
    watch(console, path)
    real, calls = run_store.record_batch, 0

    def failing(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk full")  # after the calls of the second batch were written
        return real(*args, **kwargs)

    monkeypatch.setattr(run_store, "record_batch", failing)
    with pytest.raises(OSError):
        poll(console, "acd", now=NOON, batch_lines=20)
    monkeypatch.setattr(run_store, "record_batch", real)
    # The first batch (lines 1..20) and its offset are stored together; nothing of the second.
    offset, line, file_id, _, polled = position(db_url)
    assert (offset, line) == (len(text_of(lines[:20]).encode()), 20) and file_id is not None
    assert polled is None  # the poll did not finish: coverage does not claim the rest of the file
    stored = {k for (k,) in rows(db_url, "SELECT call_key FROM calls")}
    first_keys = {f"{line.split('|')[1]}|sales|" for line in lines[:20]}
    assert {k.rsplit("|", 1)[0] + "|" for k in stored} == first_keys
    assert rows(db_url, "SELECT SUM(lines_read) FROM import_runs")[0][0] == 20

    rest = poll(console, "acd", now=NOON, batch_lines=20)
    assert rest.lines_read == len(lines) - 20 and rest.offset == path.stat().st_size
    assert rest.new + len(stored) == 30
    clean_url = f"sqlite:///{tmp_path / 'clean.sqlite3'}"
    clean = Console.open(clean_url)
    import_feed(clean, ImportRequest(path=path, format=FeedFormat.QUEUE_LOG, source="acd", site="Floor", tz="Asia/Shanghai"))
    assert calls_table(db_url) == calls_table(clean_url)
    assert intervals_table(db_url) == intervals_table(clean_url)
    clean.close()
    console.close()


def test_waiting_calls_are_answered_by_a_later_poll(tmp_path, db_url):
    path = tmp_path / "queue_log"
    call = answered(1, 0, wait=30, talk=200)
    other = abandoned(2, 1, wait=12)
    path.write_text(text_of([call[0], other[0]]))
    console = Console.open(db_url)
    watch(console, path)
    one = poll(console, "acd", now=NOON)
    assert (one.new, one.waiting) == (2, 2)
    nine = [r for r in interval_report(console, "acd", DAY) if r.interval_start_local[11:16] == "09:00"][0].figures
    assert (nine.offered, nine.waiting) == (0, 2)
    append(path, text_of([call[1], other[1]]))
    two = poll(console, "acd", now=NOON)
    assert (two.new, two.updated, two.waiting) == (0, 2, 0)
    nine = [r for r in interval_report(console, "acd", DAY) if r.interval_start_local[11:16] == "09:00"][0].figures
    assert (nine.offered, nine.answered, nine.abandoned, nine.waiting, nine.answered_within) == (2, 1, 1, 0, 0)
    assert nine.aht_seconds is None  # answered, still on the call
    append(path, call[2] + "\n")
    three = poll(console, "acd", now=NOON)
    assert three.updated == 1
    nine = [r for r in interval_report(console, "acd", DAY) if r.interval_start_local[11:16] == "09:00"][0].figures
    assert nine.aht_seconds == 200 and nine.asa_seconds == 30
    console.close()


def test_a_poll_of_an_unchanged_file_only_stamps_the_poll_time(tmp_path, db_url, monkeypatch):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0) + abandoned(2, 10)))
    console = Console.open(db_url)
    watch(console, path)
    poll(console, "acd", now=NOON)
    tables = ("calls", "intervals", "coverage", "import_runs", "rejected_lines", "agent_events")
    before = {t: rows(db_url, f"SELECT * FROM {t}") for t in tables}
    source_before = rows(db_url, "SELECT file_offset, file_line, file_id, head_sha256, head_bytes, last_data_at FROM feed_sources")

    def no_reading(*args, **kwargs):
        raise AssertionError("an unchanged file must not be read")

    monkeypatch.setattr(live, "open_batches", no_reading)
    monkeypatch.setattr(live.tail, "head_hash", no_reading)
    later = NOON + timedelta(minutes=70)
    result = poll(console, "acd", now=later)
    assert (result.lines_read, result.batches, result.new, result.offset) == (0, 0, 0, path.stat().st_size)
    assert not result.changed and result.polled_at == later
    assert {t: rows(db_url, f"SELECT * FROM {t}") for t in tables} == before
    assert rows(db_url, "SELECT file_offset, file_line, file_id, head_sha256, head_bytes, last_data_at FROM feed_sources") == source_before
    monkeypatch.undo()
    assert watch(console, path).position.last_poll_at == later
    # The source covers the time up to its last poll: quiet half hours show 0 offered, later ones are unknown.
    covered = [r.interval_start_local[11:16] for r in interval_report(console, "acd", DAY)]
    assert covered[0] == "09:00" and covered[-1] == "13:00" and len(covered) == 9
    console.close()


def test_add_live_source_keeps_or_resets_the_position_and_refuses_unusable_files(tmp_path, db_url):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0)))
    console = Console.open(db_url)
    watch(console, path)
    poll(console, "acd", now=NOON)
    again = watch(console, path)  # a restarted watcher goes on where it stopped
    assert not again.source_created and not again.restarted and again.position.offset == path.stat().st_size
    other = tmp_path / "other_log"
    other.write_text(text_of(answered(1, 0) + answered(2, 1)))
    moved = watch(console, other)
    assert moved.restarted and moved.position.offset == 0
    assert poll(console, "acd", now=NOON).new == 1  # call 1 is known
    stopped = stop_live_source(console, "acd")
    assert not stopped.live
    with pytest.raises(InvalidSettingError, match="not a live source"):
        poll(console, "acd")
    garbage = tmp_path / "notes.txt"
    garbage.write_text("shopping list\nmilk\n")
    with pytest.raises(InputFileError, match="no line could be used"):
        watch(console, garbage, name="notes")
    with pytest.raises(InputFileError, match="cannot read the file"):
        watch(console, tmp_path / "missing", name="missing")
    assert [name for (name,) in rows(db_url, "SELECT name FROM feed_sources")] == ["acd"]
    empty = tmp_path / "new_log"
    empty.touch()  # the ACD has not written yet: fine
    assert watch(console, empty, name="fresh").source_created
    assert poll(console, "fresh", now=NOON).offset == 0
    console.close()


def test_one_desk_polls_a_live_source_another_takes_over_when_its_lease_runs_out(tmp_path, db_url):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0) + answered(2, 5)))
    desk_a, desk_b = Console.open(db_url), Console.open(db_url)  # two desks: two engines on one database
    try:
        watch(desk_a, path)
        one = poll(desk_a, "acd", now=NOON)
        assert (one.lines_read, one.held_by) == (6, None)
        append(path, text_of(abandoned(3, 7)))
        held = poll(desk_b, "acd", now=NOON + timedelta(seconds=15))
        assert held.held_by and held.lines_read == 0 and not held.changed
        assert held.last_data_at == one.last_data_at  # what the polling desk stored, shown at this desk too
        again = poll(desk_a, "acd", now=NOON + timedelta(seconds=15))  # the holder renews and reads
        assert (again.lines_read, again.held_by) == (2, None)
        # Desk A closes (its lease is not renewed): after LEASE desk B polls, from where A stopped.
        append(path, text_of(answered(4, 40)))
        assert poll(desk_b, "acd", now=NOON + timedelta(seconds=70)).held_by  # A's lease runs to 01:15
        took = poll(desk_b, "acd", now=NOON + live.LEASE + timedelta(seconds=16))
        assert (took.lines_read, took.calls, took.held_by) == (3, 1, None)
        assert poll(desk_a, "acd", now=NOON + live.LEASE + timedelta(seconds=20)).held_by  # now B's
        assert rows(db_url, "SELECT COUNT(*) FROM calls")[0][0] == 4
        assert sum(r[2] for r in intervals_table(db_url)) == 4  # offered: every call once
    finally:
        desk_a.close()
        desk_b.close()


def test_a_batch_read_while_another_desk_stored_the_same_lines_is_not_stored(tmp_path, db_url, monkeypatch):
    """A desk whose lease ran out in the middle of a poll (a very slow poll): the desk that took over stores the
    lines first; the slow desk's batch finds the position moved and stores nothing."""
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0) + answered(2, 5) + abandoned(3, 7)))
    desk_a, desk_b = Console.open(db_url), Console.open(db_url)
    try:
        watch(desk_a, path)
        real = live._batches
        late = NOON + live.LEASE + timedelta(seconds=1)

        def slow(source, plan, batch_lines):
            for item in real(source, plan, batch_lines):
                if slow.first:
                    slow.first = False
                    taken = poll(desk_b, "acd", now=late)  # meanwhile desk B takes the lapsed lease and reads all
                    assert taken.lines_read == 8 and taken.held_by is None
                yield item

        slow.first = True
        monkeypatch.setattr(live, "_batches", slow)
        stale = poll(desk_a, "acd", now=NOON - timedelta(seconds=1))  # takes the lease; B takes it over mid-poll
        assert stale.batches == 0 and stale.calls == 0
        assert rows(db_url, "SELECT COUNT(*) FROM calls")[0][0] == 3
        assert sum(r[2] for r in intervals_table(db_url)) == 3
    finally:
        desk_a.close()
        desk_b.close()


def test_a_desk_that_cannot_read_the_file_leaves_the_polling_to_one_that_can(tmp_path, db_url, monkeypatch):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0)))
    desk_a, desk_b = Console.open(db_url), Console.open(db_url)
    try:
        watch(desk_a, path)
        real = live.tail.plan

        def unreadable(*args, **kwargs):  # at desk A the share is down
            raise InputFileError(str(path), "cannot be read: the share is not mounted")

        monkeypatch.setattr(live.tail, "plan", unreadable)
        with pytest.raises(InputFileError):
            poll(desk_a, "acd", now=NOON)
        monkeypatch.setattr(live.tail, "plan", real)
        took = poll(desk_b, "acd", now=NOON + timedelta(seconds=5))  # no lease was taken by desk A
        assert (took.held_by, took.lines_read, took.calls) == (None, 3, 1)
    finally:
        desk_a.close()
        desk_b.close()
