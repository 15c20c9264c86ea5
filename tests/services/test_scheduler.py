"""The scheduler runs polls on the database lane and hands results to plain callbacks; `feed watch` on top of it."""

import queue
import re
import threading
import time

import pytest

from app import cli
from app.cli import main
from app.domain.calls import FeedFormat
from app.domain.errors import UnknownSourceError
from app.services.console import Console
from app.services.imports import ImportRequest
from app.services.lane import InlineLane, Lane
from app.services.live import PollResult, add_live_source
from app.services.scheduler import Scheduler, poll_job_id
from tests.services.test_live import abandoned, answered, append, rows, text_of

WAIT = 20  # seconds: a bound for slow machines, never slept


@pytest.fixture
def scheduler():
    lane = Lane()
    s = Scheduler(lane)
    yield s
    s.shutdown()
    lane.shutdown()


def test_poll_results_reach_the_callback_and_new_lines_are_picked_up(tmp_path, db_url, scheduler):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0)))
    console = Console.open(db_url)
    add_live_source(console, ImportRequest(path=path, format=FeedFormat.QUEUE_LOG, source="acd"))
    results: queue.Queue = queue.Queue()
    scheduler.poll_every(console, "acd", 0.05, results.put, results.put)
    scheduler.start()
    first = results.get(timeout=WAIT)
    assert isinstance(first, PollResult) and (first.lines_read, first.new) == (3, 1)
    assert first.offset == path.stat().st_size
    append(path, text_of(abandoned(2, 5)))
    deadline = time.monotonic() + WAIT
    while True:
        result = results.get(timeout=WAIT)
        assert isinstance(result, PollResult)
        if result.lines_read:
            break
        assert time.monotonic() < deadline
    assert (result.lines_read, result.new, result.offset) == (2, 1, path.stat().st_size)
    scheduler.shutdown()
    assert rows(db_url, "SELECT COUNT(*) FROM calls")[0][0] == 2
    console.close()


def test_errors_reach_the_error_callback_and_a_limited_job_stops(tmp_path, sqlite_url, scheduler):
    console = Console.open(sqlite_url)
    errors: queue.Queue = queue.Queue()
    done = threading.Event()
    scheduler.poll_every(console, "nowhere", 0.02, lambda r: None, lambda e: (errors.put(e), done.set()), times=2)
    scheduler.start()
    assert isinstance(errors.get(timeout=WAIT), UnknownSourceError)
    assert isinstance(errors.get(timeout=WAIT), UnknownSourceError)
    deadline = time.monotonic() + WAIT
    while poll_job_id("nowhere") in scheduler.scheduled():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.1)  # five intervals: no third run
    assert errors.empty()
    console.close()


class _Slow:
    """A job five intervals long that records how many copies of it ran at once."""

    def __init__(self) -> None:
        self.running = self.most = 0
        self.lock = threading.Lock()

    def __call__(self) -> str:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(0.1)
        with self.lock:
            self.running -= 1
        return "done"


def test_a_job_never_overlaps_itself():
    # Inline: the work runs on APScheduler's own threads, where only max_instances=1 keeps runs apart.
    scheduler, slow, results = Scheduler(InlineLane()), _Slow(), queue.Queue()
    scheduler.every("slow", 0.02, slow, on_result=results.put, times=3)
    scheduler.start()
    try:
        assert [results.get(timeout=WAIT) for _ in range(3)] == ["done"] * 3
    finally:
        scheduler.shutdown()
    assert slow.most == 1


def test_shutdown_during_the_last_run_of_a_limited_job_does_not_hang():
    # APScheduler's shutdown holds its job-store lock while it waits for the running job;
    # a job that removed itself at the end of its last run would wait for that lock forever.
    scheduler, started, results = Scheduler(InlineLane()), threading.Event(), queue.Queue()

    def last():
        started.set()
        time.sleep(0.2)
        return "done"

    scheduler.every("last", 10, last, on_result=results.put, times=1)
    scheduler.start()
    assert started.wait(WAIT)
    stopper = threading.Thread(target=scheduler.shutdown, daemon=True)
    stopper.start()
    stopper.join(WAIT)
    assert not stopper.is_alive() and results.get(timeout=WAIT) == "done"


def test_jobs_share_the_one_database_lane(scheduler):
    slow, results = _Slow(), queue.Queue()
    scheduler.every("one", 0.02, slow, on_result=results.put, times=2)
    scheduler.every("two", 0.02, slow, on_result=results.put, times=2)
    scheduler.start()
    assert [results.get(timeout=WAIT) for _ in range(4)] == ["done"] * 4
    assert slow.most == 1


def test_feed_watch_prints_one_line_per_poll_and_resumes_where_it_stopped(tmp_path, db_url, capsys):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0) + answered(2, 5) + [abandoned(3, 7)[0]]))
    args = ["feed", "watch", str(path), "--format", "queue-log", "--source", "acd", "--interval", "0.05", "--db", db_url]
    assert main(args + ["--polls", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"Watching {path} (queue-log) as source 'acd' (new source), site 'Main site', "
                      "every 0.05 s, 2 polls; Ctrl-C stops")
    size = path.stat().st_size
    line = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  lines (\d+)  new (\d+)  updated (\d+)  waiting (\d+)  rejected (\d+)  offset ([\d,]+)$"
    polls = [re.match(line, o) for o in out[1:]]
    assert len(polls) == 2 and all(polls)
    assert polls[0].groups() == ("7", "3", "0", "1", "0", f"{size:,}")
    assert polls[1].groups() == ("0", "0", "0", "1", "0", f"{size:,}")

    append(path, abandoned(3, 7)[1] + "\nnot a queue_log line\n")
    assert main(args + ["--polls", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"as source 'acd', from offset {size:,}," in out[0]
    assert re.match(line, out[1]).groups() == ("2", "0", "1", "0", "1", f"{path.stat().st_size:,}")
    assert rows(db_url, "SELECT COUNT(*) FROM calls")[0][0] == 3


def test_feed_watch_stops_cleanly_on_ctrl_c(tmp_path, sqlite_url, capsys, monkeypatch):
    path = tmp_path / "queue_log"
    path.write_text(text_of(answered(1, 0)))
    seen = 0

    class Interrupted(queue.Queue):
        def get(self, *args, **kwargs):
            nonlocal seen
            if seen == 1:
                raise KeyboardInterrupt
            seen += 1
            return super().get(*args, **kwargs)

    monkeypatch.setattr(cli.queue, "Queue", Interrupted)
    threads = threading.active_count()
    rc = main(["feed", "watch", str(path), "--format", "queue-log", "--source", "acd", "--interval", "0.05", "--db", sqlite_url])
    out, err = capsys.readouterr()
    assert rc == 0 and len(out.splitlines()) == 2 and err.strip() == "stopped after 1 poll"
    deadline = time.monotonic() + WAIT
    while threading.active_count() > threads and time.monotonic() < deadline:
        time.sleep(0.01)  # the scheduler's and the lane's threads end
    assert threading.active_count() == threads


@pytest.mark.parametrize(
    "content, fmt, message",
    [
        (None, "queue-log", "cannot read the file"),
        ("a shopping list\nmilk\n", "queue-log", "no line could be used (2 of the first 2 rejected"),
        ("call_id;queue\n", "calls-csv", "not a calls-csv file"),
    ],
)
def test_feed_watch_of_an_unusable_file_exits_2_and_stores_nothing(tmp_path, db_url, capsys, content, fmt, message):
    path = tmp_path / "feed"
    if content is not None:
        path.write_text(content)
    rc = main(["feed", "watch", str(path), "--format", fmt, "--source", "acd", "--polls", "1", "--db", db_url])
    out, err = capsys.readouterr()
    assert rc == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err and str(path) in err
    assert rows(db_url, "SELECT COUNT(*) FROM feed_sources")[0][0] == 0
