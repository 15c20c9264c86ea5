"""Fuzz the interval-csv reader (through both shipped mappings) and the mapping files themselves.

No real export of either product exists (shared/data/interval-reports/README.md); the samples are
a few lines of the reports tests/feeds/test_interval_csv.py builds from the documented column names.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from app.domain.errors import MappingError
from app.feeds import interval_csv
from app.feeds.interval_csv import MAX_COUNT
from app.feeds.interval_mapping import IntervalMapping, load_interval_mapping
from tests.fuzz.support import (
    CELLS, FEW, FIELD_LIMIT, FUZZ, HUGE, RARE_CELLS, check_reason, decoded_lines, lines_file, mutated,
    physical_lines, read_or_refused, write,
)

MAPPINGS = Path(__file__).resolve().parents[2] / "resources" / "mappings"
AVAYA = load_interval_mapping(MAPPINGS / "avaya-cms-split-skill-interval.toml")
CONNECT = load_interval_mapping(MAPPINGS / "amazon-connect-historical-metrics.toml")
TZ = ZoneInfo("America/Los_Angeles")

AVAYA_HEADER = ("Date,Interval,Split/Skill,Calls Offered,ACD Calls,Calls Answ <30 secs,Aban Calls,Avg Speed Ans,"
                "Avg Handle Time,Max Delay,% Within Service Level,Dequeued Calls")
AVAYA_GOOD = '11/27/2026,8:00 AM-8:30 AM,Sales,"1,050",980,850,60,0:25,4:10,3:02,87%,3'
AVAYA_SAMPLE = (
    "Split/Skill Interval Report\r\n"
    '"Splits/Skills: Sales, Care","Date: 11/27/2026"\r\n'
    + AVAYA_HEADER + "\r\n"
    + AVAYA_GOOD + "\r\n"
    "11/27/2026,8:00 AM-8:30 AM,Care,42,30,12,9,1:05,6:00,1:02:03,29%,0\r\n"
    "11/27/2026,8:30 AM-9:00 AM,Sales,700,690,600,10,0:12,3:58,0:59,86%,1\r\n"
    ',Totals,,"1,792","1,700","1,462",79,0:20,4:05,1:02:03,82%,4\r\n'
).encode("latin-1")
CONNECT_HEADER = ("Queue,StartInterval,EndInterval,Contacts queued,Contacts handled incoming,Contacts abandoned,"
                  "Contacts abandoned in 20 seconds,Contacts answered in 20 seconds,Average queue answer time,"
                  "Average handle time")
CONNECT_GOOD = "Atención,2026-11-27T09:00:00,2026-11-27T09:30:00,120,100,15,6,80,00:00:18,00:05:30"
CONNECT_SAMPLE = (
    CONNECT_HEADER + "\r\n"
    + CONNECT_GOOD + "\r\n"
    "Billing,2026-11-27T09:00:00Z,2026-11-27T09:30:00Z,40,38,2,1,30,00:00:09,00:04:00\r\n"
    "Atención,2026-11-27T09:30:00,2026-11-27T10:00:00,90,85,5,5,70,00:00:12,00:06:15\r\n"
    "Total,,,260,230,23,12,187,00:00:14,00:05:40\r\n"
).encode("latin-1")


def read(data: bytes, mapping: IntervalMapping):
    path = write(data, ".csv")
    return read_or_refused(path, lambda: interval_csv.read(path, TZ, mapping), len(physical_lines(data)))


def check(data: bytes, mapping: IntervalMapping):
    """Refused as a whole, or every line after the header accounted for; the figures are usable."""
    batch = read(data, mapping)
    if batch is None:
        return None
    texts = decoded_lines(data, mapping.encoding)
    header_line = len(texts) - batch.lines_read
    assert header_line >= mapping.skip_lines + 1
    for r in batch.rejected:
        check_reason(r.line_no, r.reason, header_line + 1, len(texts))
    assert [r.line_no for r in batch.rejected] == sorted({r.line_no for r in batch.rejected})
    # The records after the header as the csv module reads them (a quoted field may span lines;
    # a line it cannot read is a record of its own); a blank record is passed over.
    after = texts[header_line:]
    records = blank = 0
    reader = csv.reader([t for t in after if t is not None], delimiter=mapping.delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            row = ["?"]
        records += 1
        blank += not any(cell.strip() for cell in row)
    undecodable = sum(t is None for t in after)
    assert len(batch.rows) + len(batch.rejected) + sum(batch.ignored.values()) == undecodable + records - blank
    for queue, start, figures in batch.rows:
        assert isinstance(queue, str) and queue
        assert isinstance(start, int)
        for name in ("offered", "answered", "abandoned", "other", "answered_within", "abandoned_within"):
            value = getattr(figures, name)
            assert value is None or (isinstance(value, int) and 0 <= value <= MAX_COUNT), (name, value)
        for name in ("asa_seconds", "aht_seconds", "max_wait_seconds"):
            value = getattr(figures, name)
            assert value is None or math.isfinite(value), (name, value)
        sl = figures.vendor_service_level
        assert sl is None or 0 <= sl <= 100
    return batch


def test_the_samples_read_as_documented():
    avaya = check(AVAYA_SAMPLE, AVAYA)
    assert (len(avaya.rows), avaya.rejected, dict(avaya.ignored)) == (3, (), {"totals rows": 1})
    connect = check(CONNECT_SAMPLE, CONNECT)
    assert (len(connect.rows), connect.rejected, dict(connect.ignored)) == (3, (), {"totals rows": 1})


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from((AVAYA, CONNECT)))
def test_random_bytes(data, mapping):
    check(data, mapping)


@FUZZ
@given(st.binary(max_size=1500), st.sampled_from((AVAYA, CONNECT)))
def test_random_bytes_under_the_header(data, mapping):
    header = AVAYA_HEADER if mapping is AVAYA else CONNECT_HEADER
    check(header.encode() + b"\r\n" + data, mapping)


def _rows(good: str):
    cells = next(csv.reader([good]))
    width = len(cells)

    def replace(i_cell):
        i, cell = i_cell
        return ",".join(cells[:i] + [cell] + cells[i + 1:])

    return st.one_of(
        st.lists(CELLS, min_size=width, max_size=width).map(",".join),
        st.tuples(st.integers(0, width - 1), RARE_CELLS).map(replace),
        st.tuples(st.integers(0, width - 1), RARE_CELLS).map(replace),
        st.lists(CELLS, max_size=width + 3).map(",".join),
        st.sampled_from(("", " ", "," * (width - 1), good, good + ",", '"' + good)),
    )


@FUZZ
@given(lines_file(AVAYA_HEADER, _rows(AVAYA_GOOD), max_rows=10))
@example((AVAYA_HEADER + "\r\n" + AVAYA_GOOD.replace('"1,050"', "1e400") + "\r\n").encode())  # was OverflowError
@example((AVAYA_HEADER + "\r\n" + AVAYA_GOOD.replace('"1,050"', "nan") + "\r\n").encode())  # was ValueError
@example((AVAYA_HEADER + "\r\n" + AVAYA_GOOD + "\r" + AVAYA_GOOD + "\r\n").encode())  # was csv.Error
@example((AVAYA_HEADER + "\r\n" + AVAYA_GOOD.replace("Sales", FIELD_LIMIT) + "\r\n").encode())  # was csv.Error
def test_structured_wrong_rows_avaya(data):
    check(data, AVAYA)


@FUZZ
@given(lines_file(CONNECT_HEADER, _rows(CONNECT_GOOD), max_rows=10))
@example((CONNECT_HEADER + "\r\n" + CONNECT_GOOD.replace("2026-11-27T09:00:00", "9999-12-31T23:30:00-05:00")
          + "\r\n").encode())  # was OverflowError (date value out of range)
@example((CONNECT_HEADER + "\r\n" + CONNECT_GOOD.replace("2026-11-27T09:00:00", "0001-01-01T00:00:00+05:00")
          + "\r\n").encode())  # was OverflowError
@example((CONNECT_HEADER + "\r\n" + CONNECT_GOOD.replace(",120,", f",{HUGE},") + "\r\n").encode())
def test_structured_wrong_rows_connect(data):
    check(data, CONNECT)


@FUZZ
@given(mutated(AVAYA_SAMPLE, max_edits=8))
def test_mutated_avaya_sample(data):
    check(data, AVAYA)


@FUZZ
@given(mutated(CONNECT_SAMPLE, max_edits=8))
def test_mutated_connect_sample(data):
    check(data, CONNECT)


def test_figures_beyond_a_number_and_unreadable_lines_are_rejected_lines():
    data = (CONNECT_SAMPLE.decode("latin-1")
            + CONNECT_GOOD.replace("T09:00", "T10:00").replace(",120,", ",1e400,") + "\r\n"
            + CONNECT_GOOD.replace("T09:00", "T10:30").replace(",120,", ",nan,") + "\r\n"
            + CONNECT_GOOD.replace("T09:00", "T11:00").replace(",120,", ",1e30,") + "\r\n"
            + CONNECT_GOOD.replace("T09:00", "T11:30").replace("00:00:18", "inf") + "\r\n"
            + CONNECT_GOOD.replace("2026-11-27T09:00:00", "9999-12-31T23:30:00-05:00") + "\r\n"
            + CONNECT_GOOD.replace("T09:00", "T12:00") + "\rx,y\r\n").encode("latin-1")
    batch = check(data, CONNECT)
    assert [(r.line_no, r.reason) for r in batch.rejected] == [
        (6, "Contacts queued '1e400' is not a whole number of calls"),
        (7, "Contacts queued 'nan' is not a whole number of calls"),
        (8, f"Contacts queued '1e30' is out of range (more than {MAX_COUNT} calls)"),
        (9, "Average queue answer time 'inf' is not a duration (seconds or hh:mm:ss)"),
        (10, "interval '9999-12-31T23:30:00-05:00' is out of the range of dates"),
        (11, "not a readable CSV line (new-line character seen in unquoted field - do you need to open the file "
             "in universal-newline mode?)"),
    ]
    assert len(batch.rows) == 3


def mapping_texts():
    value = st.sampled_from((
        "0", "20", "30", "-1", "3601", "true", '"<"', '"<="', '"x"', '"arrival"', '"completion"', '";"', '";;"',
        '"latin-1"', '"idna"', '"klingon"', '"percent"', '"fraction"', '"%H:%M"', '"H"', "[]", '["Totals", 1]',
        '["Totals"]', "{}", '{queue = "Q"}', "1.5", "nan", "inf", "1979-05-27", '""', '" "',
    ))
    keys = st.sampled_from(("vendor", "encoding", "delimiter", "skip_lines", "interval_minutes", "threshold_seconds",
                            "threshold_rule", "attribution", "time_format", "date_format", "percent", "total_words",
                            "columns", "extra"))
    column_keys = st.sampled_from(("queue", "interval", "date", "offered", "asa", "service_level", "calls"))
    structured = st.tuples(
        st.lists(st.tuples(keys, value), max_size=8, unique_by=lambda kv: kv[0]),
        st.lists(st.tuples(column_keys, value), max_size=5, unique_by=lambda kv: kv[0]),
    ).map(lambda t: ('vendor = "V"\nthreshold_seconds = 20\n'
                     + "".join(f"{k} = {v}\n" for k, v in t[0] if k not in ("columns", "vendor", "threshold_seconds"))
                     + "[columns]\n" + "".join(f"{k} = {v}\n" for k, v in t[1])).encode())
    shipped = (MAPPINGS / "avaya-cms-split-skill-interval.toml").read_bytes()
    return st.one_of(st.binary(max_size=300), mutated(shipped, max_edits=4), structured)


@FEW
@given(mapping_texts())
@example(b'vendor = "V"\nthreshold_seconds = 20\n[columns]\nqueue = "Q"\ninterval = "I"\noffered = "O"\n')
def test_mapping_files(text):
    """A mapping file is refused with MappingError, or reads the samples without a crash."""
    path = write(text, ".toml")
    try:
        mapping = load_interval_mapping(path)
    except MappingError as exc:
        assert exc.path == str(path) and exc.reason.strip()
        return
    check(AVAYA_SAMPLE, mapping)
    check(CONNECT_SAMPLE, mapping)
