"""Fuzz the Asterisk queue_log reader: random bytes, wrong lines, mutated real lines.

SAMPLE: lines 1-7 of shared/data/asterisk-queue-log/asterisk2slack_fixture.queue_log, and lines 1, 5, 9
and 40 of logvisualiserkata_input.queue_log; two agent events (PAUSE, ADDMEMBER) and an AGENTDUMP
written like them.
"""

from __future__ import annotations

from collections import Counter
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from app.feeds import queue_log
from app.feeds.queue_log import AGENT_EVENTS, NEVER_ENTERED, NO_EFFECT, OUTCOMES
from tests.fuzz.support import (
    CELLS, FUZZ, HUGE, check_line_batches, lines_file, mutated, physical_lines, read_or_refused, write,
)

TZ = ZoneInfo("America/Mexico_City")
SAMPLE = (
    "1546015415|1546015415.757927|201|NONE|DID|+15550000000\n"
    "1546015415|1546015415.757927|201|NONE|ENTERQUEUE||+55501040810|1\n"
    "1546015415|1546015415.757927|201|John Rembold|RINGNOANSWER|0\n"
    "1546015415|1546015415.757927|201|Tania Lissete Flores Zavala|RINGNOANSWER|0\n"
    "1546015415|1546015415.757927|201|Sara Sangri|RINGNOANSWER|0\n"
    "1546015425|1546015415.757927|201|Paty Marin|CONNECT|10|1546015415.757936|9\n"
    "1546015547|1546015415.757927|201|Paty Marin|COMPLETECALLER|10|122|1\n"
    "1266833361|NONE|NONE|NONE|QUEUESTART|\n"
    "1266833911|1266833905.2|9000|NONE|ENTERQUEUE||55541422322\n"
    "1266833915|1266833905.2|9000|Local/2004@from-internal/n|COMPLETEAGENT|1|3|1\n"
    "1266834015|1266833996.31|9000|NONE|ABANDON|2|2|13\n"
    "1266834020|NONE|9000|Local/2004@from-internal/n|PAUSE|lunch\n"
    "1266834021|NONE|9000|Local/2001@from-internal/n|ADDMEMBER|\n"
    "1266834030|1266833996.40|9000|Local/2001@from-internal/n|AGENTDUMP|\n"
).encode()
EVENTS = sorted({*AGENT_EVENTS, *NO_EFFECT, *NEVER_ENTERED, *OUTCOMES, "ENTERQUEUE", "AGENTDUMP"})


def read_all(data: bytes, batch_lines: int):
    path = write(data, ".queue_log")
    return read_or_refused(
        path, lambda: list(queue_log.read(path, TZ, batch_lines=batch_lines)), len(physical_lines(data))
    )


def check(data: bytes) -> list:
    """Refused as a whole (an empty file), or every line accounted for, whatever the batch size."""
    one_by_one = read_all(data, 1)
    if one_by_one is None:
        assert data == b""
        return []
    rejected = check_line_batches(data, one_by_one, header_line=0)
    whole = read_all(data, 100_000)
    assert [r.line_no for b in whole for r in b.rejected] == rejected
    assert sum((b.ignored for b in whole), Counter()) == sum((b.ignored for b in one_by_one), Counter())
    # Partial records of one call merge in a batch: never more calls than one by one.
    keys = Counter(k for b in one_by_one for k in b.calls["call_key"])
    assert Counter(k for b in whole for k in b.calls["call_key"]) == Counter(set(keys))
    assert [d[0] for b in whole for d in b.dumps] == [d[0] for b in one_by_one for d in b.dumps]
    return one_by_one


def test_the_sample_reads_as_documented():
    (batch,) = read_all(SAMPLE, 1000)
    assert batch.rejected == ()
    assert sorted(batch.calls["state"]) == ["abandoned", "answered", "answered"]
    assert [e[2] for e in batch.agent_events] == ["PAUSE", "ADDMEMBER"]
    assert [d[0] for d in batch.dumps] == [14]
    assert sum(batch.ignored.values()) == 5


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    check(data)


def _line(parts: tuple) -> str:
    stamp, callid, queue, agent, event, data = parts
    return "|".join([stamp, callid, queue, agent, event, *data])


WRONG_LINES = st.one_of(
    st.tuples(
        st.one_of(CELLS, st.integers(0, 2**40).map(str)),
        st.one_of(CELLS, st.just("1546015415.757927")),
        st.one_of(CELLS, st.sampled_from(("201", "NONE", ""))),
        st.one_of(CELLS, st.just("Paty Marin")),
        st.one_of(st.sampled_from(EVENTS), CELLS, st.sampled_from(EVENTS).map(str.lower)),
        st.lists(st.one_of(CELLS, st.integers(-5, 10**12).map(str)), max_size=5),
    ).map(_line),
    st.lists(CELLS, max_size=7).map("|".join),
    st.sampled_from(("", " ", "||||", "|||||", "1|2|3|4")),
)


@FUZZ
@given(lines_file("1546015415|1546015415.757927|201|NONE|ENTERQUEUE||+55501040810|1", WRONG_LINES, max_rows=12,
                  bom=True))
@example(b"\xc2\xb2|1.1|q|NONE|ENTERQUEUE||123\n")  # "²": was ValueError from float()
@example(HUGE.encode() + b"|1.1|q|NONE|ENTERQUEUE||123\n")  # was OverflowError (an infinite epoch)
@example(b"100|1.1|q|A|CONNECT|" + HUGE.encode() + b"|x|1\n")  # was OverflowError (a wait over a float)
@example(b"100|1.1|q|A|COMPLETEAGENT|1|" + HUGE.encode() + b"|1\n")  # was OverflowError (a talk time)
def test_structured_wrong_lines(data):
    check(data)


@FUZZ
@given(mutated(SAMPLE, max_edits=8))
def test_mutated_sample(data):
    check(data)


def test_numbers_beyond_a_float_are_rejected_lines():
    """Each of these stopped the whole read; now each is one rejected line with its reason."""
    data = SAMPLE + ("²|1.1|q|NONE|ENTERQUEUE||123\n" + HUGE + "|1.1|q|NONE|ENTERQUEUE||123\n"
                     "100|1.1|q|A|CONNECT|" + HUGE + "|x|1\n").encode()
    batches = check(data)
    assert [(r.line_no, r.reason[:40]) for b in batches for r in b.rejected] == [
        (15, "time '²' is neither an epoch nor a date "),
        (16, "time '" + "9" * 34),
        (17, "CONNECT holdtime '" + "9" * 22),
    ]
    assert "after the year 9999" in batches[15].rejected[0].reason
    assert "out of range" in batches[16].rejected[0].reason
