"""What `tail.plan` reads of a live feed file, on this machine and seen from another one (another device number
for the same inode, as a share mounted elsewhere gives): real files; only `os.stat`'s device number is changed."""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.sources import LivePosition
from app.feeds import tail

LINES = [f"{1546015415 + n}|1546015415.{n}|201|NONE|ENTERQUEUE||+5550104{n:04d}|1\n" for n in range(200)]


@contextmanager
def another_machine(monkeypatch, folder: Path, shift: int = 4242):
    """`os.stat` of the files in `folder` as another machine sees them: the same inode on another device."""
    real = os.stat

    def stat(path, *args, **kwargs):
        st = real(path, *args, **kwargs)
        if not str(os.fspath(path)).startswith(str(folder)):
            return st
        fields = list(st)
        fields[2] = st.st_dev + shift
        extra = {k: getattr(st, k) for k in dir(st) if k.startswith("st_") and k[3:] not in
                 ("mode", "ino", "dev", "nlink", "uid", "gid", "size")}
        return os.stat_result(fields, extra)

    with monkeypatch.context() as m:
        m.setattr(os, "stat", stat)
        yield


def read_to_end(path: Path) -> LivePosition:
    """The position a poll stores once it has read `path` to its end (as the live service computes it)."""
    state = tail.file_state(path)
    segment = tail.Segment(path, state.file_id, 0, 0, True)
    empty = LivePosition(str(path))
    head, head_bytes = tail.head_after(segment, state.size, empty)
    return replace(empty, offset=state.size, line=len(path.read_text().splitlines()), file_id=state.file_id,
                   head_sha256=head, head_bytes=head_bytes)


def write(path: Path, lines) -> None:
    path.write_text("".join(lines), encoding="utf-8")


def append(path: Path, lines) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("".join(lines))


def test_on_this_machine_an_unchanged_file_costs_a_stat(tmp_path, monkeypatch):
    path = tmp_path / "queue_log"
    write(path, LINES[:100])
    pos = read_to_end(path)
    assert pos.file_id == f"{os.stat(path).st_dev}:{os.stat(path).st_ino}" and pos.head_bytes == 4096
    monkeypatch.setattr(tail, "head_hash", lambda *a: pytest.fail("an unchanged file must not be read"))
    assert tail.plan(path, pos).unchanged


def test_the_same_file_from_another_machine_goes_on_from_the_offset(tmp_path, monkeypatch):
    path = tmp_path / "queue_log"
    write(path, LINES[:100])
    pos = read_to_end(path)
    with another_machine(monkeypatch, tmp_path):
        there = tail.plan(path, pos)
        assert there.state.file_id != pos.file_id and there.unchanged  # nothing new: nothing to read again
        append(path, LINES[100:110])
        grown = tail.plan(path, pos)
    assert not (grown.rotated or grown.truncated)
    assert [(s.start_offset, s.start_line, s.current) for s in grown.segments] == [(pos.offset, 100, True)]
    assert grown.segments[0].file_id == grown.state.file_id  # the next position names this machine's device
    # A short file (its whole head read so far) is told the same way.
    small = tmp_path / "small_log"
    write(small, LINES[:3])
    pos_small = read_to_end(small)
    assert pos_small.head_bytes == small.stat().st_size < 4096
    append(small, LINES[3:5])
    with another_machine(monkeypatch, tmp_path):
        later = tail.plan(small, pos_small)
    assert not later.truncated and later.segments[0].start_offset == pos_small.offset


def test_from_another_machine_a_rewritten_file_is_read_from_its_start(tmp_path, monkeypatch):
    path = tmp_path / "queue_log"
    write(path, LINES[:100])
    pos = read_to_end(path)
    with open(path, "r+b") as fh:  # the first line rewritten in place, same size
        fh.write(LINES[150].encode()[: len(LINES[0])])
    with another_machine(monkeypatch, tmp_path):
        rewritten = tail.plan(path, pos)
        assert rewritten.truncated and rewritten.segments[0].start_offset == 0
        write(path, LINES[:10])  # copytruncate, then the ACD writes again: smaller than the offset
        shrunk = tail.plan(path, pos)
    assert shrunk.truncated and [s.start_offset for s in shrunk.segments] == [0]


def test_from_another_machine_a_rotated_file_is_found_beside_it(tmp_path, monkeypatch):
    path = tmp_path / "queue_log"
    write(path, LINES[:100])
    pos = read_to_end(path)
    append(path, LINES[100:105])  # written after the last read, before the rotation
    path.rename(tmp_path / "queue_log.1")
    write(path, LINES[105:120])
    with another_machine(monkeypatch, tmp_path):
        rotated = tail.plan(path, pos)
    assert rotated.rotated and not rotated.truncated
    old, new = rotated.segments
    assert (old.path.name, old.file_id, old.start_offset, old.current) == ("queue_log.1", pos.file_id, pos.offset, False)
    assert (new.path, new.start_offset, new.current) == (path, 0, True)
    # A copy with the same first bytes is another file (another inode): the copy is not taken for it.
    (tmp_path / "queue_log.1").rename(tmp_path / "elsewhere.1")
    (tmp_path / "copy").write_bytes((tmp_path / "elsewhere.1").read_bytes())
    (tmp_path / "elsewhere.1").unlink()
    with another_machine(monkeypatch, tmp_path):
        gone = tail.plan(path, pos)
    assert gone.rotated and [s.path for s in gone.segments] == [path]
