"""Incremental tailing of a feed file the ACD keeps appending to.

`plan` compares the file as it is now with the position stored after the
last read and says what to read: nothing (same file, same size: a `stat`,
no reading), the bytes added since, or, when the file was rotated
(another device:inode at the path) or truncated (smaller than the offset,
or its first bytes rewritten), the whole new file from its start. A file
rotated by renaming is looked for beside it by its device:inode, so the
lines appended to it after the last read are read before the new file.

Reading again from the start never counts a call twice: imports are
idempotent per source and call key.
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_mode
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import InputFileError
from app.domain.sources import LivePosition

HEAD_BYTES = 4096


@dataclass(frozen=True, slots=True)
class FileState:
    """The file at a path as `stat` sees it."""

    file_id: str  # "device:inode"
    size: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of one file to read: from `start_offset` (after line `start_line`) to its end."""

    path: Path
    file_id: str
    start_offset: int
    start_line: int
    current: bool  # the file at the watched path (False: its rotated predecessor)


@dataclass(frozen=True, slots=True)
class TailPlan:
    state: FileState
    segments: tuple[Segment, ...]  # empty: nothing new
    rotated: bool = False
    truncated: bool = False

    @property
    def unchanged(self) -> bool:
        return not self.segments


def file_state(path: Path) -> FileState:
    """The identity and size of the file at `path`, or InputFileError when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputFileError(str(path), f"cannot read the file ({exc.strerror or exc})") from None
    if stat_mode.S_ISDIR(st.st_mode):
        raise InputFileError(str(path), "is a folder, not a file")
    return FileState(f"{st.st_dev}:{st.st_ino}", st.st_size)


def head_hash(path: Path, size: int) -> str:
    """SHA-256 (hex) of the first `size` bytes of the file."""
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read(size)).hexdigest()


def plan(path: Path, pos: LivePosition) -> TailPlan:
    """What to read of `path` after `pos`."""
    now = file_state(path)
    if pos.file_id is None:  # never read
        return TailPlan(now, (Segment(path, now.file_id, pos.offset, pos.line, True),))
    if now.file_id != pos.file_id:
        segments = []
        old = find_by_id(path, pos.file_id)
        if old is not None and file_state(old).size > pos.offset:
            segments.append(Segment(old, pos.file_id, pos.offset, pos.line, False))
        segments.append(Segment(path, now.file_id, 0, 0, True))
        return TailPlan(now, tuple(segments), rotated=True)
    if now.size == pos.offset:
        return TailPlan(now, ())  # the cheap case: nothing new, nothing read
    if now.size < pos.offset or (pos.head_bytes and head_hash(path, pos.head_bytes) != pos.head_sha256):
        return TailPlan(now, (Segment(path, now.file_id, 0, 0, True),), truncated=True)
    return TailPlan(now, (Segment(path, now.file_id, pos.offset, pos.line, True),))


def find_by_id(path: Path, file_id: str) -> Path | None:
    """The file beside `path` (e.g. `queue_log.1` after a rotation) whose device:inode is `file_id`."""
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return None
    inode = file_id.rsplit(":", 1)[-1]
    for entry in entries:
        try:
            if str(entry.inode()) != inode or not entry.is_file():
                continue
            st = entry.stat()
        except OSError:
            continue
        if f"{st.st_dev}:{st.st_ino}" == file_id:
            return Path(entry.path)
    return None


def head_after(segment: Segment, offset: int, pos: LivePosition) -> tuple[str | None, int]:
    """(hash, bytes) of the head to remember once `segment` has been read to `offset`."""
    if not segment.current:
        return pos.head_sha256, pos.head_bytes
    size = min(HEAD_BYTES, offset)
    if segment.file_id == pos.file_id and size == pos.head_bytes and segment.start_offset > 0:
        return pos.head_sha256, pos.head_bytes
    return (head_hash(segment.path, size) if size else None), size
