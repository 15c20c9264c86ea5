"""Customer numbers on paper and in files: the last four characters only, separators kept; copies, never the
stored values. Rejected feed lines: the caller field of each format masked, a broken line's long digit runs."""

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
    assert mask_digit_runs("id 12345/678901") == "id *2345/**8901"
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
