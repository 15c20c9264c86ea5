"""One console window per SQLite file: an OS lock on `<file>.desk-lock`, held while the window has it open.

Several desks share a PostgreSQL database; a SQLite file is one desk's. A
second console window opening the same file (another process on this
machine, or a desk reaching the file over a share that honours locks) is
refused with `DeskBusyError`, which names the file, who holds it (host, pid,
since when, written into the lock file) and says that several desks need
PostgreSQL. Within one process the lock is shared (the demo reopened, a test
reopening the window), counted, and released with the last holder. The lock
goes with the process: a console killed leaves no stale lock (the OS drops
it), only a lock file whose text is overwritten by the next holder.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.domain.errors import DeskBusyError

_held: dict[str, tuple[object, int]] = {}  # resolved path -> (open lock file, holders in this process)
_guard = threading.Lock()


@dataclass
class DeskLock:
    """State: the path locked (released once by `release`)."""

    path: str
    released: bool = False

    @classmethod
    def acquire(cls, db_path: str | Path) -> DeskLock:
        """Lock `db_path` for this console; DeskBusyError when another process holds it."""
        key = str(Path(db_path).resolve())
        with _guard:
            if key in _held:
                handle, count = _held[key]
                _held[key] = (handle, count + 1)
                return cls(key)
            lock_path = Path(key + ".desk-lock")
            handle = open(lock_path, "a+", encoding="utf-8")
            try:
                _lock(handle)
            except OSError:
                try:
                    handle.seek(0)
                    text = handle.read()
                except OSError:  # Windows: the locked byte cannot be read by others
                    text = ""
                handle.close()
                try:
                    holder = json.loads(text) if text.strip() else {}
                except ValueError:
                    holder = {}
                raise DeskBusyError(key, holder if isinstance(holder, dict) else {}) from None
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps({"host": socket.gethostname(), "pid": os.getpid(),
                                     "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}))
            handle.flush()
            _held[key] = (handle, 1)
            return cls(key)

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        with _guard:
            handle, count = _held.get(self.path, (None, 0))
            if handle is None:
                return
            if count > 1:
                _held[self.path] = (handle, count - 1)
                return
            del _held[self.path]
            _unlock(handle)
            handle.close()


def sqlite_file(url: str) -> str | None:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return parsed.database


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    _FAR = 1 << 30  # lock a byte far past the text: Windows locks are mandatory, the holder's text stays readable

    def _lock(handle) -> None:
        handle.seek(_FAR)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(_FAR)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
