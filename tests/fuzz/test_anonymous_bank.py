"""Fuzz the anonymous-bank reader: random bytes, wrong rows under the right header, mutated real lines.

SAMPLE is the header and six lines of shared/data/anonymous-bank/january.txt
(lines 1-5 and 7, and the PHANTOM row of 3 January), CRLF as there.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from app.feeds import anonymous_bank
from app.feeds.anonymous_bank import HEADER, IGNORED_PHANTOM, IGNORED_VRU_ONLY
from tests.fuzz.support import (
    CELLS, FUZZ, HUGE, check_line_batches, lines_file, mutated, physical_lines, read_or_refused, write,
)

TZ = ZoneInfo("Asia/Jerusalem")
SAMPLE = (
    "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time"
    "\toutcome\tser_start\tser_exit\tser_time\tserver\r\n"
    "AA0101\t33116\t9664491\t2\tPS\t990101\t0:00:31\t0:00:36\t5\t0:00:36\t0:03:09\t153\tHANG\t0:00:00\t0:00:00\t0"
    "\tNO_SERVER\r\n"
    "AA0101\t33117\t0\t0\tPS\t990101\t0:34:12\t0:34:23\t11\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0"
    "\tNO_SERVER\r\n"
    "AA0101\t33118\t27997683\t2\tPS\t990101\t6:55:20\t6:55:26\t6\t6:55:26\t6:55:43\t17\tAGENT\t6:55:43\t6:56:37"
    "\t54\tMICHAL\r\n"
    "AA0101\t33119\t0\t0\tPS\t990101\t7:41:16\t7:41:26\t10\t0:00:00\t0:00:00\t0\tAGENT\t7:41:25\t7:44:53\t208"
    "\tBASCH\r\n"
    "AA0101\t33121\t0\t0\tPS\t990101\t8:18:42\t8:18:51\t9\t0:00:00\t0:00:00\t0\tAGENT\t8:18:50\t8:23:25\t275"
    "\tKAZAV\r\n"
    "AA0101\t33180\t69100527\t2\tPS\t990103\t10:19:09\t10:19:15\t6\t10:19:15\t10:19:31\t16\tPHANTOM\t10:19:30"
    "\t10:20:13\t43\tNO_SERVER\r\n"
).encode("ascii")
GOOD = SAMPLE.split(b"\r\n")[3].decode()  # an answered call


def read_all(data: bytes, batch_lines: int):
    path = write(data)
    return path, read_or_refused(
        path, lambda: list(anonymous_bank.read(path, TZ, batch_lines=batch_lines)), len(physical_lines(data))
    )


def check(data: bytes) -> None:
    """Refused as a whole, or every line after the header accounted for, whatever the batch size."""
    path, one_by_one = read_all(data, 1)
    if one_by_one is None:
        return
    rejected = check_line_batches(data, one_by_one, header_line=1)
    _, whole = read_all(data, 10_000)
    assert [r.line_no for b in whole for r in b.rejected] == rejected
    assert sum(len(b.calls) for b in whole) == sum(len(b.calls) for b in one_by_one)
    assert sum((b.ignored for b in whole), start=type(whole[0].ignored)()) == sum(
        (b.ignored for b in one_by_one), start=type(whole[0].ignored)()
    )


def test_the_sample_reads_as_documented():
    _, batches = read_all(SAMPLE, 10_000)
    (batch,) = batches
    assert batch.rejected == () and batch.lines_read == 6
    assert batch.ignored == {IGNORED_VRU_ONLY: 1, IGNORED_PHANTOM: 1}
    assert sorted(batch.calls["state"]) == ["abandoned", "answered", "answered", "answered"]


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(st.binary(max_size=1500))
def test_random_bytes_under_the_header(data):
    check(SAMPLE.split(b"\n")[0] + b"\n" + data)


def _row(cells: list[str]) -> str:
    return "\t".join(cells)


WRONG_ROWS = st.one_of(
    # the right number of fields, any of them wrong
    st.lists(CELLS, min_size=17, max_size=17).map(_row),
    # a good row with one field replaced
    st.tuples(st.integers(0, 16), CELLS).map(lambda ic: _row(GOOD.split("\t")[:ic[0]] + [ic[1]]
                                                               + GOOD.split("\t")[ic[0] + 1:])),
    # too few or too many fields
    st.lists(CELLS, max_size=20).map(_row),
    st.sampled_from(("", " ", "\t" * 16, GOOD, GOOD + "\t", GOOD.replace("\t", " "))),
)


@FUZZ
@given(lines_file("\t".join(HEADER), WRONG_ROWS))
@example(("\t".join(HEADER) + "\r\n" + GOOD.replace("\t17\t", f"\t{HUGE}\t") + "\r\n").encode())  # was OverflowError
@example(("\t".join(HEADER) + "\r\n" + GOOD.replace("\t54\t", f"\t{HUGE}\t") + "\r\n").encode())  # was OverflowError
def test_structured_wrong_rows(data):
    check(data)


@FUZZ
@given(mutated(SAMPLE))
def test_mutated_sample(data):
    check(data)


def test_huge_durations_are_rejected_lines():
    """q_time or ser_time too large for a float: the line is rejected, the others read (was OverflowError)."""
    data = (SAMPLE.decode() + GOOD.replace("\t17\t", f"\t{HUGE}\t") + "\r\n"
            + GOOD.replace("\t54\t", f"\t{HUGE}\t") + "\r\n").encode()
    _, (batch,) = read_all(data, 10_000)
    assert [(r.line_no, r.reason.split(" ")[0]) for r in batch.rejected] == [(8, "q_time"), (9, "ser_time")]
    assert all("out of range" in r.reason for r in batch.rejected)
    assert len(batch.calls) == 4
