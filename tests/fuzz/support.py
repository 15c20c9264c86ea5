"""What every fuzz test of a reader shares: the settings, the strategies of bad input, and the contract.

The contract (ARCHITECTURE.md section 4, issue 10 "Nothing lost"): a reader
never raises anything but `InputFileError` (naming the file, and a line within
it when it gives one), and only for a file it cannot use at all; otherwise
every line of the file is accounted for: accepted, rejected with its number
and a reason, or left out as a kind the reader documents (blank lines,
PHANTOM rows, totals rows...).

Three kinds of input per reader: (a) random bytes, (b) structured but wrong
rows (the right header, cells drawn from `CELLS`, wrong column counts, NUL
bytes, BOMs, lines in different encodings, CRLF / CR line ends), (c)
mutations of a few real lines (`mutated`).
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from app.domain.errors import InputFileError

T = TypeVar("T")

# Reproducible in CI (derandomize: the examples depend on the test only; no example database),
# and quick: the whole tests/fuzz run stays well under a minute.
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(FUZZ, max_examples=25)

HUGE = "9" * 400  # overflows a float
FIELD_LIMIT = "x" * 140_000  # over the csv module's field size limit (131072)

# Cells of structured rows: text, numbers, dates and times right and wrong, empty, huge.
SPECIAL_CELLS = (
    "", " ", "0", "-1", "1e400", "-1e400", "nan", "inf", "1.5", "1,234", HUGE, "-" + HUGE, "²", "①", "١٢",
    "0:00:00", "23:59:59", "24:00", "25:61:61", "7:00 AM-7:30 AM", "12:30", "9:5",
    "2026-03-02", "2026/03/02", "2026-02-30", "0001-01-01T00:00:00", "9999-12-31T23:30:00-05:00",
    "0001-01-01T00:00:00+05:00", "2026-11-27T09:00:00.000Z", "2026-13-45 25:00", "1999-01-01",
    "990101", "991332", "AGENT", "HANG", "PHANTOM", "answered", "abandoned", "other", "waiting",
    "NONE", "Totals", "yes", "否", "张伟", "早班", "break 10:00-10:15", "lunch 12:00-", "\ufeff", "\x00",
    "\x00\x00", "\u2028", "\x85", "nul\x00byte", "'", '"', '""', "%", "87%", "101%", "-5%", "0x_", "1:2:3:4",
)
CELLS = st.one_of(
    st.sampled_from(SPECIAL_CELLS),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
    st.times().map(lambda t: t.isoformat()),
    st.text(max_size=12),
)
RARE_CELLS = st.one_of(CELLS, st.just(FIELD_LIMIT))

LINE_ENDS = st.sampled_from(("\n", "\r\n", "\r"))
ENCODINGS = ("utf-8", "gb18030", "latin-1")


def encode(text: str, encoding: str) -> bytes:
    """`text` in `encoding`, characters it cannot hold as ?."""
    return text.encode(encoding, errors="replace")


@st.composite
def lines_file(draw, header: str, row: st.SearchStrategy[str], max_rows: int = 8, bom: bool = True) -> bytes:
    """A header and rows, each line in its own encoding with its own line end; perhaps a BOM first."""
    out = bytearray()
    if bom and draw(st.booleans()):
        out += b"\xef\xbb\xbf"
    out += header.encode("utf-8") + draw(LINE_ENDS).encode()
    for text in draw(st.lists(row, max_size=max_rows)):
        out += encode(text, draw(st.sampled_from(ENCODINGS))) + draw(LINE_ENDS).encode()
    if out and draw(st.booleans()):  # the last line without its line end
        out = out.rstrip(b"\r\n")
    return bytes(out)


@st.composite
def mutated(draw, sample: bytes, max_edits: int = 6) -> bytes:
    """`sample` with a few characters dropped, duplicated, swapped or replaced (bytes, so encodings break too)."""
    data = bytearray(sample)
    for _ in range(draw(st.integers(min_value=1, max_value=max_edits))):
        if not data:
            break
        i = draw(st.integers(min_value=0, max_value=len(data) - 1))
        op = draw(st.sampled_from(("drop", "dup", "swap", "replace", "insert", "drop_run", "dup_line")))
        if op == "drop":
            del data[i]
        elif op == "dup":
            data.insert(i, data[i])
        elif op == "swap" and i + 1 < len(data):
            data[i], data[i + 1] = data[i + 1], data[i]
        elif op == "replace":
            data[i] = draw(st.sampled_from(b"\x00\t\r\n,;|:-\"'0919AZ \xff\xfe\xef\xbb\xbf\xe5\x8c\x97"))
        elif op == "insert":
            data[i:i] = draw(st.sampled_from((b"\x00", b"\r", b"\n", b"\t", b"\xef\xbb\xbf", b"\xff", b'"',
                                              b"\xd5\xc5", HUGE.encode(), b"|", b",")))
        elif op == "drop_run":
            del data[i:i + draw(st.integers(min_value=1, max_value=40))]
        elif op == "dup_line":
            start = data.rfind(b"\n", 0, i) + 1
            end = data.find(b"\n", i)
            end = len(data) if end < 0 else end + 1
            data[end:end] = data[start:end]
    return bytes(data)


_FOLDER = tempfile.TemporaryDirectory(prefix="handover-fuzz-")  # removed when the run ends


def write(data: bytes, suffix: str = ".txt") -> Path:
    """`data` in the one input file of the run (hypothesis examples cannot use pytest's tmp_path)."""
    path = Path(_FOLDER.name) / f"input{suffix}"
    path.write_bytes(data)
    return path


def physical_lines(data: bytes) -> list[bytes]:
    """The lines as the feed readers number them: split at b"\\n", a last line without one counted."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return lines


def read_or_refused(path: Path, read: Callable[[], T], line_count: int | None = None) -> T | None:
    """`read()`, or None when it raised InputFileError; any other exception fails the test.

    The refusal names the file, gives a reason, and a line (if any) within the file.
    """
    try:
        return read()
    except InputFileError as exc:
        assert exc.path == str(path)
        assert isinstance(exc.reason, str) and exc.reason.strip()
        if exc.line is not None:
            assert isinstance(exc.line, int) and exc.line >= 1
            if line_count is not None:
                assert exc.line <= max(line_count, 1), (exc.line, line_count, exc.reason)
        return None


def check_reason(line_no: object, reason: object, first: int, last: int) -> None:
    """A rejected line: its number within [first, last], a non-empty reason."""
    assert isinstance(line_no, int) and first <= line_no <= last, (line_no, first, last, reason)
    assert isinstance(reason, str) and reason.strip(), (line_no, reason)


def decoded_lines(data: bytes, encoding: str = "utf-8") -> list[str | None]:
    """Each line as LineSource hands it out: decoded, line end cut, the BOM of the first line dropped;
    None for a line that is not text in `encoding` (the reader rejects it)."""
    out: list[str | None] = []
    for i, raw in enumerate(physical_lines(data)):
        if i == 0 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            out.append(raw.decode(encoding).rstrip("\r\n"))
        except UnicodeError:
            out.append(None)
    return out


def blank_text(texts: list[str]) -> bool:
    """A record of white space only (the line-by-line readers pass over it)."""
    return all(not t.strip() for t in texts)


def check_calls(calls) -> None:
    """Accepted calls are usable: a queue and key, a known state, finite instants, no negative durations."""
    from app.domain.calls import CallState

    states = {s.value for s in CallState}
    for row in calls.itertuples(index=False):
        assert isinstance(row.queue, str) and row.queue.strip()
        assert isinstance(row.call_key, str) and row.call_key
        assert row.state in states
        assert math.isfinite(row.arrived_at)
        for value in (row.wait_seconds, row.handle_seconds):
            assert math.isnan(value) or (math.isfinite(value) and value >= 0), row
        for value in (row.answered_at, row.ended_at):
            assert math.isnan(value) or math.isfinite(value), row


def check_line_batches(
    data: bytes, batches: list, header_line: int, blank: Callable[[list[str]], bool] = blank_text,
    encoding: str = "utf-8", one_line_records: bool = True,
) -> list[int]:
    """Batches read with batch_lines=1: they tile the lines after the header, each line accounted for.

    A batch covers the lines after the previous one: lines that are not text
    (each rejected) and then one record (one line; with `one_line_records`
    False, a CSV record with a quoted field over several lines). The batch
    produces one thing for each line that is not text, plus one for the record
    (a call, a rejected line, an ignored line, an agent event or a dump)
    unless `blank` says the record is blank. Returns the rejected line numbers.
    """
    texts = decoded_lines(data, encoding)
    previous = header_line
    rejected: list[int] = []
    for batch in batches:
        assert batch.end_line - batch.lines_read == previous, (batch.end_line, batch.lines_read, previous)
        span = texts[previous:batch.end_line]
        for r in batch.rejected:
            check_reason(r.line_no, r.reason, previous + 1, batch.end_line)
            rejected.append(r.line_no)
        record = [t for t in span if t is not None]
        if one_line_records:
            assert len(record) <= 1, span
        produced = (len(batch.calls) + len(batch.rejected) + sum(batch.ignored.values())
                    + len(batch.agent_events) + len(batch.dumps))
        expected = (len(span) - len(record)) + (0 if not record or blank(record) else 1)
        assert produced == expected, (span, batch)
        check_calls(batch.calls)
        previous = batch.end_line
    assert previous == len(texts), (previous, len(texts))
    assert rejected == sorted(set(rejected))
    return rejected
