"""Edges of the anonymous-bank reader that the January file does not hold."""

from zoneinfo import ZoneInfo

from app.feeds import anonymous_bank
from tests.conftest import JANUARY

HEADER = JANUARY.read_bytes().split(b"\r\n")[0].decode()


def test_a_wrapped_arrival_after_the_last_vru_entry_is_covered(tmp_path):
    # Entered the VRU at 23:59:40 on the 9th, queued at 00:00:05: arrives on the 10th.
    row = "AA0101\t90001\t0\t0\tPS\t990109\t23:59:40\t0:00:05\t25\t0:00:05\t0:00:15\t10\tAGENT\t0:00:15\t0:01:15\t60\tDANA"
    path = tmp_path / "wrap.txt"
    path.write_text(f"{HEADER}\r\n{row}\r\n")
    (batch,) = anonymous_bank.read(path, ZoneInfo("Asia/Jerusalem"))
    (call,) = batch.records()
    assert call.arrived_at.isoformat() == "1999-01-09T22:00:05+00:00"  # 00:00:05 local on the 10th
    assert call.handle_seconds == 60 and call.wait_seconds == 10 and call.agent == "DANA"
    first, last = batch.event_spans[0]
    assert last == call.arrived_at.timestamp()


def test_two_digit_years_and_bad_fields_are_rejected_with_reasons(tmp_path):
    rows = [
        "AA0101\t1\t0\t0\tPS\t991332\t9:00:00\t9:00:05\t5\t9:00:05\t9:00:15\t10\tAGENT\t9:00:15\t9:01:15\t60\tDANA",
        "AA0101\t2\t0\t0\tPS\t990104\t9:00:00\t9:0:05\t5\t9:00:05\t9:00:15\t10\tAGENT\t9:00:15\t9:01:15\t60\tDANA",
        "AA0101\t3\t0\t0\tPS\t990104\t9:00:00\t9:00:05\t5\t9:00:05\t9:00:15\tten\tAGENT\t9:00:15\t9:01:15\t60\tDANA",
        "AA0101\t4\t0\t0\tPS\t990104\t9:00:00\t9:00:05\t5\t9:00:05\t9:00:15\t10\tTRANSFER\t9:00:15\t9:01:15\t60\tDANA",
        "AA0101\t5\t0\t0\tPS\t250104\t9:00:00\t9:00:05\t5\t9:00:05\t9:00:15\t10\tAGENT\t9:00:15\t9:01:15\t60\tDANA",
    ]
    path = tmp_path / "bad.txt"
    path.write_text(HEADER + "\r\n" + "\r\n".join(rows) + "\r\n")
    (batch,) = anonymous_bank.read(path, ZoneInfo("UTC"))
    assert [(r.line_no, r.reason) for r in batch.rejected] == [
        (2, "date '991332' is not a calendar date"),
        (3, "vru_exit '9:0:05' is not a time H:MM:SS"),
        (4, "q_time 'ten' is not a whole number"),
        (5, "outcome 'TRANSFER' is not AGENT, HANG or PHANTOM"),
    ]
    (call,) = batch.records()
    assert call.arrived_at.year == 2025  # 25 -> 2025, 99 -> 1999
