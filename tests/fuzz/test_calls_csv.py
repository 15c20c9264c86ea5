"""Fuzz the calls-csv reader and its mapping files: random bytes, wrong rows, mutated samples.

No real calls-csv export exists (it is our own generic format); SAMPLE is
built from the first call of shared/data/asterisk-queue-log/
asterisk2slack_fixture.queue_log (call 1546015415.757927, queue 201,
answered by Paty Marin after 10 s, 122 s talk) and a few made-up outcomes.
VENDOR_MAPPING is the mapping of tests/feeds/test_calls_csv.py.
"""

from __future__ import annotations

import csv
from collections import Counter
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from app.domain.errors import MappingError
from app.feeds import calls_csv
from app.feeds.mapping import CallsMapping, load_calls_mapping
from tests.fuzz.support import (
    CELLS, FEW, FIELD_LIMIT, FUZZ, RARE_CELLS, check_line_batches, lines_file, mutated, physical_lines,
    read_or_refused, write,
)

TZ = ZoneInfo("America/Mexico_City")
HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller"
SAMPLE = (
    HEADER + "\r\n"
    "1546015415.757927,201,2018-12-28T16:43:35Z,2018-12-28T16:43:45Z,2018-12-28T16:45:47Z,answered,Paty Marin,"
    "+55501040810\r\n"
    "1546015416.1,201,2018-12-28 10:44:00,,2018-12-28 10:44:30,abandoned,,\r\n"
    "1546015417.1,201,2018-12-28T10:45:00-06:00,,2018-12-28T10:46:00-06:00,other,,\r\n"
    "1546015418.1,201,2018-12-28T10:47:00,,,waiting,,\r\n"
).encode()
GOOD = SAMPLE.split(b"\r\n")[1].decode()
VENDOR_MAPPING = (
    'encoding = "latin-1"\ndelimiter = ";"\nskip_lines = 2\ntime_format = "%d/%m/%Y %H:%M:%S"\n'
    '[columns]\ncall_id = "Call ID"\nqueue = "Skill"\narrived_at = "Start"\nanswered_at = "Answer"\n'
    'ended_at = "End"\noutcome = "Result"\nagent = "Agent name"\ncaller = "ANI"\n'
    '[outcomes]\nanswered = ["Handled"]\nabandoned = ["Abandon", "Aband"]\nother = ["Overflow"]\nwaiting = ["Queued"]\n'
).encode()
VENDOR_EXPORT = (
    "Interval export\nGenerated 27/11/2026\n"
    "Call ID;Skill;Start;Answer;End;Result;Agent name;ANI\n"
    "77;Hotline;27/11/2026 09:00:00;27/11/2026 09:00:12;27/11/2026 09:04:12;Handled;José;555\n"
    "78;Hotline;27/11/2026 09:01:00;;27/11/2026 09:01:30;aband;;\n"
).encode("latin-1")


def csv_blank(delimiter: str):
    """The reader passes over a record of no field, or of one blank field."""
    def blank(texts: list[str]) -> bool:
        try:
            rows = list(csv.reader(texts, delimiter=delimiter))
        except csv.Error:
            return False
        return all(not row or (len(row) == 1 and not row[0].strip()) for row in rows)
    return blank


def read_all(data: bytes, batch_lines: int, mapping: CallsMapping | None = None):
    path = write(data, ".csv")
    return read_or_refused(
        path, lambda: list(calls_csv.read(path, TZ, mapping, batch_lines=batch_lines)), len(physical_lines(data))
    )


def check(data: bytes, mapping: CallsMapping | None = None) -> list:
    """Refused as a whole, or every line after the header accounted for, whatever the batch size."""
    mapping = mapping or CallsMapping()
    one_by_one = read_all(data, 1, mapping)
    if one_by_one is None:
        return []
    header_line = one_by_one[0].end_line - one_by_one[0].lines_read
    assert header_line >= mapping.skip_lines + 1
    rejected = check_line_batches(data, one_by_one, header_line, csv_blank(mapping.delimiter), mapping.encoding,
                                  one_line_records=False)
    # Rows are converted a batch at a time (one parse of a whole time column): a row's fate
    # may not depend on the rows beside it.
    whole = read_all(data, 100_000, mapping)
    assert [r.line_no for b in whole for r in b.rejected] == rejected
    assert Counter(k for b in whole for k in b.calls["call_key"]) == Counter(
        k for b in one_by_one for k in b.calls["call_key"])
    return one_by_one


def test_the_sample_reads_as_documented():
    batches = read_all(SAMPLE, 100)
    assert [r for b in batches for r in b.rejected] == []
    assert sorted(s for b in batches for s in b.calls["state"]) == ["abandoned", "answered", "other", "waiting"]


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(st.binary(max_size=1500))
def test_random_bytes_under_the_header(data):
    check(HEADER.encode() + b"\n" + data)


def _row(cells: list[str]) -> str:
    return ",".join(cells)


def _quoted(cells: list[str]) -> str:
    return ",".join('"' + c.replace('"', '""') + '"' for c in cells)


def _replace(i_cell: tuple[int, str]) -> str:
    i, cell = i_cell
    cells = GOOD.split(",")
    return _row(cells[:i] + [cell] + cells[i + 1:])


WRONG_ROWS = st.one_of(
    st.lists(CELLS, min_size=8, max_size=8).map(_row),
    st.lists(CELLS, min_size=8, max_size=8).map(_quoted),
    st.tuples(st.integers(0, 7), RARE_CELLS).map(_replace),
    st.lists(CELLS, max_size=11).map(_row),
    st.sampled_from(("", " ", ",,,,,,,", '""', '"', GOOD, GOOD + ",", GOOD.replace(",", ";"))),
)
HEADERS = st.permutations(HEADER.split(",")).map(lambda names: ",".join(
    n.upper() if i % 2 else f" {n} " for i, n in enumerate(names)))


@FUZZ
@given(HEADERS.flatmap(lambda header: lines_file(header, WRONG_ROWS)))
@example((HEADER + "\n" + GOOD + "\r" + GOOD + "\n" + GOOD + "\n").encode())  # was csv.Error: new-line character
@example((HEADER + "\n1," + FIELD_LIMIT + "\n" + GOOD + "\n").encode())  # was csv.Error: field larger than limit
@example((HEADER + "\n" + GOOD + '\n"\n,,\n').encode() + b"\x81\n")  # two verdicts for line 5, none for 4
def test_structured_wrong_rows(data):
    check(data)


@FUZZ
@given(mutated(SAMPLE))
def test_mutated_sample(data):
    check(data)


@FEW
@given(mutated(VENDOR_EXPORT))
def test_mutated_vendor_export_through_its_mapping(data):
    mapping = load_calls_mapping(write(VENDOR_MAPPING, ".toml"))
    check(data, mapping)


def test_a_line_the_csv_module_cannot_read_is_a_rejected_line():
    """A carriage return inside a line, a field over the csv limit: that line rejected, the rest read
    (both stopped the whole import with csv.Error)."""
    data = (HEADER + "\n" + GOOD + "\rx\n" + "2," + FIELD_LIMIT + "\n" + GOOD.replace("757927", "9") + "\n").encode()
    (batch,) = read_all(data, 100)
    assert [(r.line_no, r.reason.split(" (")[0]) for r in batch.rejected] == [
        (2, "not a readable CSV line"), (3, "not a readable CSV line")]
    assert list(batch.calls["call_key"].str.split("|").str[0]) == ["1546015415.9"]
    assert batch.lines_read == 3


def mapping_texts():
    """TOML of mapping files: random, mutated from a real one, or right keys with values of any kind."""
    value = st.one_of(
        st.integers(-5, 5).map(str), st.sampled_from(('";"', '""', '";;"', '"utf-16"', '"idna"', '"rot13"',
                                                      '"utf-8"', '"gb18030"', "true", "[]", "[1, 2]", '["a", 3]',
                                                      "{}", '{a = "b"}', '"%d"', '"%Y-%m-%d %H:%M:%S"', "1.5",
                                                      "1979-05-27", '"\\u0000"', '"\\t"'))
    )
    keys = st.sampled_from(("encoding", "delimiter", "skip_lines", "time_format", "columns", "outcomes", "other"))
    table_keys = st.sampled_from(("call_id", "queue", "answered", "waiting", "duration", "lost"))
    structured = st.tuples(
        st.lists(st.tuples(keys, value), max_size=5, unique_by=lambda kv: kv[0]),
        st.sampled_from(("columns", "outcomes")),
        st.lists(st.tuples(table_keys, value), max_size=3, unique_by=lambda kv: kv[0]),
    ).map(lambda t: ("".join(f"{k} = {v}\n" for k, v in t[0] if k not in ("columns", "outcomes"))
                     + f"[{t[1]}]\n" + "".join(f"{k} = {v}\n" for k, v in t[2])).encode())
    return st.one_of(st.binary(max_size=300), mutated(VENDOR_MAPPING), structured,
                     st.lists(st.tuples(keys, value), max_size=6).map(
                         lambda kvs: "".join(f"{k} = {v}\n" for k, v in kvs).encode()))


@FUZZ
@given(mapping_texts())
@example(b"columns = 1\n")  # was AttributeError: 'int' object has no attribute 'items'
@example(b"[outcomes]\nanswered = 3\n")  # was TypeError: 'int' object is not iterable
@example(b'encoding = "idna"\n')
def test_mapping_files(text):
    """A mapping file is refused with MappingError, or it reads the sample without a crash."""
    path = write(text, ".toml")
    try:
        mapping = load_calls_mapping(path)
    except MappingError as exc:
        assert exc.path == str(path) and exc.reason.strip()
        return
    check(SAMPLE, mapping)
    check(VENDOR_EXPORT, mapping)


def test_a_line_a_codec_refuses_without_a_byte_is_a_rejected_line():
    """idna fails with UnicodeError (not UnicodeDecodeError) on a label `xn--zz,`: that line rejected (was a
    crash)."""
    mapping = load_calls_mapping(write(b'encoding = "idna"\n', ".toml"))
    data = SAMPLE.replace(b"Paty Marin", b"P.xn--zz")
    batches = check(data, mapping)
    assert [(r.line_no, r.reason) for b in batches for r in b.rejected] == [(2, "not idna text")]
    assert sum(len(b.calls) for b in batches) == 3


def test_a_record_open_at_the_end_of_the_file_is_rejected_on_its_own_last_line():
    """A quote opened on line 3 runs to the end of the file, over line 5 that is not UTF-8: the record
    is rejected on line 4 (its last line), line 5 for its bytes (both were numbered 5)."""
    data = (HEADER + "\n" + GOOD + '\n"\n,,\n').encode() + b"\x81\n"
    batches = check(data)
    assert [(r.line_no, r.reason) for b in batches for r in b.rejected] == [
        (4, "expected 8 fields, found 1"), (5, "not utf-8 text (byte 1)")]
