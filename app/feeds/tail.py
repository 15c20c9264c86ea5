"""Incremental tailing of a feed file the ACD keeps appending to.

`plan` compares the file as it is now with the position stored after the
last read and says what to read: nothing (same file, same size: a `stat`,
no reading), the bytes added since, or, when the file was rotated
(another inode at the path) or truncated (smaller than the offset, or its
first bytes rewritten), the whole new file from its start. A file
rotated by renaming is looked for beside it, so the lines appended to it
after the last read are read before the new file.

Which file: the position keeps the "device:inode" of the file read and a
fingerprint of its first bytes (SHA-256 of its first `head_bytes`, at
most 4 KiB, all of them read already: appending does not change it). The
device number is the machine's own: the same file on a share seen from
another desk (the poll lease passed to a machine that mounts the share
elsewhere) has the same inode and another device number. So a file is
told by its inode and its fingerprint: through the device the position
names, the inode says it (a `stat`, as before); through another device,
its first bytes are checked against the fingerprint, and a match goes on
from the offset instead of reading the file again (the next position
names this machine's device). A rotated file is found beside the path the
same way. Positions stored before this rule have the same form: nothing is
read again after an upgrade.

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
    if _inode(now.file_id) != _inode(pos.file_id):
        segments = []
        old = find_by_id(path, pos.file_id, pos)
        if old is not None and file_state(old).size > pos.offset:
            segments.append(Segment(old, pos.file_id, pos.offset, pos.line, False))
        segments.append(Segment(path, now.file_id, 0, 0, True))
        return TailPlan(now, tuple(segments), rotated=True)
    # The same inode through another device: the same file seen from another machine, if its first bytes
    # still match (checked below, as for a file rewritten in place), whatever its size.
    elsewhere = now.file_id != pos.file_id
    if now.size == pos.offset and not elsewhere:
        return TailPlan(now, ())  # the cheap case: nothing new, nothing read
    if now.size < pos.offset or (pos.head_bytes and head_hash(path, pos.head_bytes) != pos.head_sha256):
        return TailPlan(now, (Segment(path, now.file_id, 0, 0, True),), truncated=True)
    if now.size == pos.offset:
        return TailPlan(now, ())  # nothing new
    return TailPlan(now, (Segment(path, now.file_id, pos.offset, pos.line, True),))


def _inode(file_id: str) -> str:
    return file_id.rsplit(":", 1)[-1]


def find_by_id(path: Path, file_id: str, pos: LivePosition | None = None) -> Path | None:
    """The file beside `path` (e.g. `queue_log.1` after a rotation) whose device:inode is `file_id`; with `pos`
    (whose file that is), also the one of that inode whose first bytes match its fingerprint: the file seen
    from another machine."""
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return None
    inode = _inode(file_id)
    for entry in entries:
        try:
            if str(entry.inode()) != inode or not entry.is_file():
                continue
            # os.stat, not entry.stat(): on Windows a directory entry's stat has no device or inode.
            st = os.stat(entry.path)
        except OSError:
            continue
        found = Path(entry.path)
        if f"{st.st_dev}:{st.st_ino}" == file_id:
            return found
        if pos is not None and pos.head_bytes and st.st_size >= pos.head_bytes \
                and head_hash(found, pos.head_bytes) == pos.head_sha256:
            return found
    return None


def head_after(segment: Segment, offset: int, pos: LivePosition) -> tuple[str | None, int]:
    """(hash, bytes) of the head to remember once `segment` has been read to `offset`."""
    if not segment.current:
        return pos.head_sha256, pos.head_bytes
    size = min(HEAD_BYTES, offset)
    if segment.file_id == pos.file_id and size == pos.head_bytes and segment.start_offset > 0:
        return pos.head_sha256, pos.head_bytes
    return (head_hash(segment.path, size) if size else None), size
