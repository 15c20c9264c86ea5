"""One console window per SQLite file: a second console (another process) is refused with a worded reason; the
lock is shared within one process, dropped with the process, and PostgreSQL needs none."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager

import pytest

from app.domain.errors import DeskBusyError
from app.services.console import Console
from app.storage.desk_lock import DeskLock

HOLD = ("import sys; from app.storage.desk_lock import DeskLock; lock = DeskLock.acquire(sys.argv[1]); "
        "print('held', flush=True); sys.stdin.read()")


@contextmanager
def another_console(path):
    """A second process holding the desk lock of `path` until the block ends."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=os.getcwd())
    try:
        assert proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def test_a_second_console_on_the_same_file_is_refused(tmp_path):
    path = tmp_path / "floor.sqlite3"
    url = f"sqlite:///{path}"
    Console.open(url).close()  # the file exists, migrated
    with another_console(path) as other:
        with pytest.raises(DeskBusyError) as refused:
            Console.open(url, desk=True)
        assert refused.value.path == str(path.resolve())
        assert refused.value.holder["pid"] == other.pid and refused.value.holder["host"]
        assert "several desks on one database need PostgreSQL" in str(refused.value)
        # Command-line work (imports, reports) is not a desk: it still opens the file.
        plain = Console.open(url)
        plain.close()
    # The other console closed: this one opens.
    desk = Console.open(url, desk=True)
    assert desk.desk_lock is not None
    desk.close()


def test_a_killed_console_leaves_no_lock(tmp_path):
    path = tmp_path / "floor.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "held"
    with pytest.raises(DeskBusyError):
        DeskLock.acquire(path)
    proc.kill()
    proc.wait(timeout=30)
    lock = DeskLock.acquire(path)
    lock.release()


def test_within_one_process_the_lock_is_shared_and_counted(tmp_path):
    path = tmp_path / "floor.sqlite3"
    first, second = DeskLock.acquire(path), DeskLock.acquire(path)
    first.release()
    first.release()  # twice: once counted
    with another_console_refused(path):
        pass
    second.release()
    with another_console(path):
        pass


@contextmanager
def another_console_refused(path):
    proc = subprocess.run([sys.executable, "-c", HOLD, str(path)], input="", capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1 and "DeskBusyError" in proc.stderr and "held" not in proc.stdout
    yield


def test_postgresql_and_memory_databases_take_no_desk_lock(db_url):
    console = Console.open(db_url, desk=True)
    try:
        assert (console.desk_lock is None) == db_url.startswith("postgresql")
    finally:
        console.close()
