"""Customer numbers on paper and in files: the last four characters only, separators kept; copies, never the
stored values. Rejected feed lines: the caller field of each format masked; in a broken line every number,
written with separators or not, while its dates and times stay readable."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.calls import FeedFormat
from app.domain.privacy import mask, mask_digit_runs, masked_feed_line, masked_snapshot


def test_numbers_and_ids_keep_their_last_characters():
    assert mask("13800138000") == "*******8000"
    assert mask("138 0013 8000") == "*** **** 8000"
    assert mask("VIP-2024-00017") == "***-****-*0017"
    assert mask("C-778") == "*-**8"  # four signs or fewer: all but the last
    assert mask("") == "" and mask(None) == ""
    assert mask("客户A12345") == "****2345"  # letters of any script count


def test_a_snapshot_is_masked_in_a_copy():
    snapshot = {"items": [{"id": 1, "customer_ref": "13800138000", "customer_name": "李先生"}, {"id": 2}]}
    shown = masked_snapshot(snapshot)
    assert shown["items"][0] == {"id": 1, "customer_ref": "*******8000", "customer_name": "李先生"}
    assert snapshot["items"][0]["customer_ref"] == "13800138000" and masked_snapshot(None) is None


# --- rejected feed lines: the caller field of each format, the digit runs of a broken line ---

BANK_ROW = "AA0101\t33116\t9664491\t2\tPS\t990101\t0:00:31\t0:00:36\t5\t0:00:36\t0:03:09\t153\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER"
ENTER = "1546015415|1546015415.757927|201|NONE|ENTERQUEUE||+55501040810|1"


def test_digit_runs_of_five_or_more_keep_their_last_four():
    assert mask_digit_runs("garbage 13800138000 at 09:15, 1234 calls") == "garbage *******8000 at 09:15, 1234 calls"
    assert mask_digit_runs("id 12345 or 678901") == "id *2345 or **8901"  # not joined: one run each
    assert mask_digit_runs("１３８００１３８０００") == "*******８０００"  # digits of any script
    assert mask_digit_runs("") == "" and mask_digit_runs(None) == ""
    assert mask_digit_runs(mask_digit_runs("x 5550104081099")) == "x *********1099"  # a second pass changes nothing


def test_each_format_masks_its_caller_field_and_leaves_the_rest():
    # calls-csv: the reader's row (call_id, queue, arrived_at, answered_at, ended_at, outcome, agent, caller).
    row = "100234,sales,not-a-time,,,abandoned,,+86 138 0013 8000"
    assert masked_feed_line(FeedFormat.CALLS_CSV, row) == "100234,sales,not-a-time,,,abandoned,,+** *** **** 8000"
    # anonymous-bank: customer_id, the third of 17 tab-separated fields; the call id and date stay readable.
    assert masked_feed_line("anonymous-bank", BANK_ROW).split("\t")[:6] == ["AA0101", "33116", "***4491", "2", "PS", "990101"]
    # queue_log: the caller id of ENTERQUEUE; a number out of place in its url field too.
    assert masked_feed_line("queue-log", ENTER) == "1546015415|1546015415.757927|201|NONE|ENTERQUEUE||+*******0810|1"
    shifted = "1546015415|1546015415.757927|201|NONE|ENTERQUEUE|55501040810|1|"
    assert masked_feed_line("queue-log", shifted) == "1546015415|1546015415.757927|201|NONE|ENTERQUEUE|*******0810|1|"
    connect = "15460154x|1546015415.757927|201|Sara|CONNECT|3|1546015415.1|2"  # no caller in it
    assert masked_feed_line("queue-log", connect) == connect
    # Interval reports hold figures, no caller.
    assert masked_feed_line("interval-csv", "07:30,Sales,12345,n/a") == "07:30,Sales,12345,n/a"


def test_a_line_too_broken_to_find_the_field_has_its_digit_runs_masked():
    assert masked_feed_line("queue-log", "1546015415|cut 55501040810") == "******5415|cut *******0810"
    assert masked_feed_line("queue-log", "1546015415|x|201|NONE|55501040810") == "******5415|x|201|NONE|*******0810"
    assert masked_feed_line("queue-log", "1546015415|x|201|NONE|ENTERQUEUE|") == "******5415|x|201|NONE|ENTERQUEUE|"
    assert masked_feed_line("anonymous-bank", "AA0101\t33116\t9664491\t2") == "AA0101\t*3116\t***4491\t2"
    assert masked_feed_line("calls-csv", "c9;sales;13800138000") == "c9;sales;*******8000"  # another delimiter
    assert masked_feed_line("calls-csv", "c9,sales,x,,,abandoned,,13800138000,extra") \
        == "c9,sales,x,,,abandoned,,*******8000,extra"
    assert masked_feed_line("no-such-format", "call from 13800138000") == "call from *******8000"
    assert masked_feed_line("queue-log", "") == "" and masked_feed_line("queue-log", None) == ""


def test_a_masked_line_masked_again_is_unchanged():
    lines = {
        "calls-csv": "c1,sales,x,,,abandoned,,13800138000",
        "anonymous-bank": BANK_ROW,
        "queue-log": ENTER,
    }
    for fmt, line in lines.items():
        once = masked_feed_line(fmt, line)
        assert once != line and masked_feed_line(fmt, once) == once
    short = masked_feed_line("calls-csv", "c1,sales,x,,,abandoned,,8001")  # an extension: all but its last
    assert short.endswith(",***1") and masked_feed_line("calls-csv", short) == short


# --- numbers written with separators, dates and times (review of issue 10) ---

PHONES = {  # as written -> as a rejected line shows it: every digit but the last four hidden, separators kept
    "+86 138 0013 8000": "+** *** **** 8000",
    "138-0013-8000": "***-****-8000",
    "(010) 6552 9988": "(***) **** 9988",
    "+44 20 7946 0958": "+** ** **** 0958",
    "+44 (0)20 7946 0958": "+** (*)** **** 0958",
    "010-6552-9988": "***-****-9988",
    "0086.138.0013.8000": "****.***.****.8000",
    "138/0013/8000": "***/****/8000",
    "+1 (555) 010-4081": "+* (***) ***-4081",
    "6552 9988": "**** 9988",  # seven digits or more: a local number without its area code too
    "０１０－６５５２　９９８８": "***－****　９９８８",  # full-width digits, hyphen and ideographic space
}


def test_numbers_written_with_separators_keep_their_last_four_digits():
    for written, shown in PHONES.items():
        assert mask_digit_runs(f"call from {written}, agent 8001") == f"call from {shown}, agent 8001", written
    assert mask_digit_runs("id 12345/678901") == "id *****/**8901"  # joined by "/": one number of 11 digits
    assert mask_digit_runs("line 7 13800138000") == "line * *******8000"  # a figure beside a number joins it
    assert mask_digit_runs("1546015415.757927") == "**********.**7927"
    # Fewer than seven digits joined: each run of five or more keeps the plain rule, shorter ones stay.
    assert mask_digit_runs("ext 12-34, 123 45, 12345-6") == "ext 12-34, 123 45, *2345-6"


def test_the_reviewers_lines_no_longer_leak_the_number():
    # A semicolon row of nine fields: not the reader's eight, so the whole line is searched for numbers.
    row = "c1;Q;2026-11-28 10:30:00;;;abandoned;Ann;+44 20 7946 0958;extra"
    assert masked_feed_line("calls-csv", row) == "c1;Q;2026-11-28 10:30:00;;;abandoned;Ann;+** ** **** 0958;extra"
    assert masked_feed_line("calls-csv", row, ";") == masked_feed_line("calls-csv", row)
    # An agent name with an unquoted comma: nine comma fields.
    row = ("c1,Q,2026-11-28T10:30:00,2026-11-28T10:30:20,2026-11-28T10:33:00,answered,Smith, Ann,138-0013-8000")
    assert masked_feed_line("calls-csv", row) == (
        "c1,Q,2026-11-28T10:30:00,2026-11-28T10:30:20,2026-11-28T10:33:00,answered,Smith, Ann,***-****-8000")


def test_a_calls_csv_row_is_split_at_its_mappings_delimiter():
    fields = ["c1", "Q", "1999-01-03 07:12:55", "", "", "abandoned", "Smith, Ann", "8001"]
    for sep in (";", "\t", "|"):
        row = sep.join(fields)
        want = sep.join(fields[:7] + ["***1"])  # the caller field found: an extension keeps its last sign
        assert masked_feed_line("calls-csv", row, sep) == want
        assert masked_feed_line("calls-csv", row) == want  # the delimiter not known: the usual ones are tried
    # The reader's own join of a row it could split is "," whatever the mapping's delimiter.
    row = "c1,Q,not-a-time,,,abandoned,Ann,+86 138 0013 8000"
    assert masked_feed_line("calls-csv", row, ";") == "c1,Q,not-a-time,,,abandoned,Ann,+** *** **** 8000"
    # A tab-separated row of another width: its numbers, its date and time kept.
    row = "c2\tQ\t2026-11-28 10:30:00\tabandoned\t(010) 6552 9988"
    assert masked_feed_line("calls-csv", row, "\t") == "c2\tQ\t2026-11-28 10:30:00\tabandoned\t(***) **** 9988"
    # A delimiter that is itself a separator is not split at (these eight space-separated fields would cut the
    # number in four): the fields' numbers join, more is hidden, nothing leaks.
    row = "c3 Q x Ann +86 138 0013 8000"
    assert len(row.split(" ")) == 8
    assert masked_feed_line("calls-csv", row, " ") == "c3 Q x Ann +** *** **** 8000"
    assert masked_feed_line("calls-csv", "c4 Q 12:00 5 +86 138 0013 8000", " ") == "c4 Q 12:00 5 +** *** **** 8000"


def test_a_row_of_eight_fields_in_the_files_order_does_not_leak_its_caller():
    # A wrong-width row keeps the file's column order: the caller may sit in any field of it.
    row = "+86 139 0013 9000,c7,Q,2026-11-28 10:30:00,2026-11-28 10:30:05,answered,Ann,note"
    assert masked_feed_line("calls-csv", row) == \
        "+** *** **** 9000,c7,Q,2026-11-28 10:30:00,2026-11-28 10:30:05,answered,Ann,***e"
    # Short ids and figures in the other fields stay; a long call id keeps its last four digits.
    row = "100234,sales,x,,,abandoned,8001,13800138000"
    assert masked_feed_line("calls-csv", row) == "100234,sales,x,,,abandoned,8001,*******8000"
    assert masked_feed_line("calls-csv", "1546015415,sales,x,,,abandoned,,1") == "******5415,sales,x,,,abandoned,,1"


def test_dates_and_times_stay_readable():
    kept = ["2026-11-28", "10:30:00", "1999-01-03 07:12:55", "2026-11-27T09:05:00+08:00", "28/11/2026 09:00",
            "2026/11/28 10:30", "2026.11.28", "11-28-2026", "10:30:00.757", "0:00:31", "17:05"]
    for text in kept:
        assert mask_digit_runs(f"at {text} now") == f"at {text} now", text
    # Beside a number: the number is masked, the date and time stay; neither runs into the other.
    assert mask_digit_runs("13800138000 1999-01-03 07:12:55") == "*******8000 1999-01-03 07:12:55"
    assert mask_digit_runs("1999-01-03 07:12:55 138 0013 8000") == "1999-01-03 07:12:55 *** **** 8000"
    assert mask_digit_runs("+86 2026-11-28 10:30") == "+86 2026-11-28 10:30"
    # Not dates: no such month or day, another separator between the parts, no separator at all.
    assert mask_digit_runs("2026-13-28") == "****-13-28"
    assert mask_digit_runs("2026-11/28") == "****-11/28"
    assert mask_digit_runs("20261128, 990101") == "****1128, **0101"


def test_masking_a_masked_line_again_changes_nothing():
    lines = [
        ("calls-csv", None, "c1;Q;2026-11-28 10:30:00;;;abandoned;Ann;+44 20 7946 0958;extra"),
        ("calls-csv", ";", "c1;Q;1999-01-03 07:12:55;;;abandoned;Ann;+86 138 0013 8000"),
        ("calls-csv", "\t", "c2\tQ\t2026-11-28 10:30:00\tabandoned\t(010) 6552 9988"),
        ("calls-csv", None, "c1,Q,x,,,answered,Smith, Ann,138-0013-8000"),
        ("queue-log", None, "1546015415|cut +44 (0)20 7946 0958 13800138000 2026-11-28"),
        ("anonymous-bank", None, "AA0101\t33116\t138 0013 8000\t2"),
        ("no-such-format", None, "+1 (555) 010-4081 at 10:30, 12345/678901"),
    ]
    for fmt, sep, line in lines:
        once = masked_feed_line(fmt, line, sep)
        assert once != line and masked_feed_line(fmt, once, sep) == once, line


# Lines of digits, separators, dates, times and field delimiters put together at random.
_PIECES = st.sampled_from(list("0123456789 -./()+:,;|\t*aT") + ["０", "　", "（", "2026-11-28", "10:30:00", "+86 "])
_LINES = st.lists(_PIECES, max_size=40).map("".join)
_FORMATS = st.sampled_from(["calls-csv", "anonymous-bank", "queue-log", "no-such-format"])
_JOINED = re.compile(r"[+＋]?[(（]?\d+(?:[ \u3000\-.()（）/]{1,3}\d+)*")


@settings(max_examples=600, deadline=None)
@given(_FORMATS, _LINES, st.sampled_from([None, ",", ";", "\t", " "]))
def test_any_line_masked_twice_reads_as_masked_once(fmt, line, sep):
    once = masked_feed_line(fmt, line, sep)
    assert len(once) == len(line)  # sign for sign: a line keeps its shape
    assert masked_feed_line(fmt, once, sep) == once


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "-", ".", "/", "(", ") ", "\u3000"]), min_size=1, max_size=6),
       st.lists(st.integers(1, 4), min_size=2, max_size=5), st.booleans(), _LINES, _LINES)
def test_a_phone_number_in_any_line_keeps_four_digits_at_most(seps, groups, plus, before, after):
    digits = iter("98765432109876543210")  # no group of these reads as a year: the number is no date
    number = ("+" if plus else "") + "".join(
        "".join(next(digits) for _ in range(n)) + (seps[i % len(seps)] if i < len(groups) - 1 else "")
        for i, n in enumerate(groups))
    if sum(groups) < 7 or not _JOINED.fullmatch(number):
        return
    # Placed between two delimiters, as a field of a broken row: never more than four of its digits readable.
    line = f"{before};{number};{after}"
    start = len(before) + 1
    shown = mask_digit_runs(line)[start:start + len(number)]
    assert sum(ch.isdecimal() for ch in shown) <= 4, (number, shown)
