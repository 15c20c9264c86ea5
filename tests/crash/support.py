"""What the crash tests share: the child console process they kill, and reads of the database it leaves.

`Child` starts `tests.crash.child` in its own process, collects the lines it
prints (each one says a piece of work was committed), waits for a given
line and kills it with SIGKILL. The reads below go straight to the tables
(plain SQL, the same on SQLite and PostgreSQL) so that a test sees exactly
what a restarted console finds.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.services.console import Console

ROOT = Path(__file__).resolve().parents[2]
SITE = ("Main site", "UTC")  # every database of these tests: the calls-csv wall clock is read as UTC
WAIT_SECONDS = 30  # longest wait for a line of the child (its start, a batch); a hung child fails, not hangs


class Child:
    """A console process. State: the process, the lines it printed so far, and a queue of lines not yet taken."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.child", *args], cwd=ROOT, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def next_line(self, timeout: float = WAIT_SECONDS) -> str:
        """The next line printed; fails when the child ends or says nothing in time."""
        try:
            line = self._queue.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise AssertionError(f"the child printed nothing for {timeout} s; so far: {self.lines[-5:]}") from None
        if line is None:
            raise AssertionError(f"the child ended (exit {self.proc.wait()}): {self.proc.stderr.read()[-3000:]}")
        self.lines.append(line)
        return line

    def wait_for(self, predicate, timeout: float = WAIT_SECONDS) -> str:
        """Read lines until one satisfies `predicate`; that line."""
        deadline = time.monotonic() + timeout
        while True:
            line = self.next_line(max(0.1, deadline - time.monotonic()))
            if predicate(line):
                return line

    def kill(self) -> None:
        """SIGKILL, then wait for the process to be gone; the lines it printed before are all read."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=WAIT_SECONDS)
        self._reader.join(timeout=WAIT_SECONDS)
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                break
            if line is not None:
                self.lines.append(line)
        self.proc.stdout.close()
        self.proc.stderr.close()

    @property
    def killed(self) -> bool:
        return self.proc.returncode == -signal.SIGKILL


def prepare(url: str) -> None:
    """The database as a console left it before the crash: migrated, with its site (UTC)."""
    Console.open(url, default_site=SITE).close()


def rows(console: Console, sql: str, **params) -> list[tuple]:
    with console.db.transaction() as tx:
        return [tuple(r) for r in tx.execute(text(sql), params)]


def integrity_ok(console: Console) -> None:
    """SQLite checks its file (pages, indexes, foreign keys); PostgreSQL has no such check, its WAL recovers."""
    if console.db.dialect == "sqlite":
        assert rows(console, "PRAGMA integrity_check") == [("ok",)]
        assert rows(console, "PRAGMA foreign_key_check") == []


SOURCE = "(SELECT id FROM feed_sources WHERE name = :name)"
INTERVAL_COLUMNS = ("queue, interval_start, threshold_seconds, offered, answered, abandoned, other, waiting, "
                    "answered_within, abandoned_within, asa_seconds, aht_seconds, aht_count, max_wait_seconds")


def intervals(console: Console, source: str) -> list[tuple]:
    """The source's interval rows, by queue and start."""
    return rows(console, f"SELECT {INTERVAL_COLUMNS} FROM intervals WHERE source_id = {SOURCE} "
                         "ORDER BY queue, interval_start", name=source)


def same_figures(found: list[tuple], expected: list[tuple]) -> None:
    """The same interval rows (queue and start equal, figures equal to the last bits of a float's sum)."""
    assert [r[:2] for r in found] == [r[:2] for r in expected]

    def figures(rows):  # unknown (None) as NaN, which approx matches only with NaN
        return [float("nan") if v is None else v for r in rows for v in r[2:]]

    assert figures(found) == pytest.approx(figures(expected), rel=1e-9, nan_ok=True)


def intervals_agree_with_calls(console: Console, source: str) -> None:
    """Every interval row holds the figures of the calls stored in it, and every stored call is in one."""
    from_calls = rows(console, """
        SELECT c.queue, c.interval_start,
               SUM(CASE WHEN c.state <> 'waiting' THEN 1 ELSE 0 END),
               SUM(CASE WHEN c.state = 'answered' THEN 1 ELSE 0 END),
               SUM(CASE WHEN c.state = 'abandoned' THEN 1 ELSE 0 END),
               SUM(CASE WHEN c.state = 'waiting' THEN 1 ELSE 0 END)
        FROM calls c JOIN feed_sources s ON s.id = c.source_id WHERE s.name = :name
        GROUP BY c.queue, c.interval_start ORDER BY c.queue, c.interval_start""", name=source)
    stored = rows(console, """
        SELECT i.queue, i.interval_start, i.offered, i.answered, i.abandoned, i.waiting
        FROM intervals i JOIN feed_sources s ON s.id = i.source_id WHERE s.name = :name
          AND (i.offered > 0 OR i.waiting > 0)
        ORDER BY i.queue, i.interval_start""", name=source)
    assert [tuple(int(v) if not isinstance(v, str) else v for v in r) for r in from_calls] == stored


def line_ends(path: Path) -> list[int]:
    """The byte offset after each line of the file (index 0: the header)."""
    data = path.read_bytes()
    ends, at = [], data.find(b"\n")
    while at != -1:
        ends.append(at + 1)
        at = data.find(b"\n", at + 1)
    return ends


def call_id(k: int) -> str:
    """The call id on data line k of a generated calls-csv file (tests.benchmarks.generate_calls_csv)."""
    return f"C{k:09d}"


def stored_calls(console: Console, source: str) -> tuple[int, str | None, str | None]:
    """How many calls the source holds, and the smallest and largest call id among them."""
    count, first, last = rows(console, """
        SELECT COUNT(*), MIN(c.call_key), MAX(c.call_key) FROM calls c JOIN feed_sources s ON s.id = c.source_id
        WHERE s.name = :name""", name=source)[0]
    return count, first and first.split("|")[0], last and last.split("|")[0]
