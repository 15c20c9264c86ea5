"""Abandoned calls -> callback follow-ups: matching callers, who called back the same day, the follow-up's draft."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.domain.callbacks import (
    CALLBACK_DUE,
    AbandonedCall,
    abandoned,
    called_back_at,
    callback_draft,
    caller_key,
    follow_up_of,
    marked,
    reference,
    same_caller,
    wait_text,
)
from app.domain.calls import CallRecord, CallState
from app.domain.errors import InvalidSettingError
from app.domain.notices import Priority
from app.domain.worklog import Category, Entry, ItemStatus, Withdrawal, check

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(h, m=0, s=0, day=27):
    return datetime(2026, 11, day, h, m, s, tzinfo=SHANGHAI).astimezone(timezone.utc)


def record(key, arrived, state=CallState.ANSWERED, caller="13800138000", queue="sales", wait=20.0, source="acd",
           answered=None):
    answered_at = arrived + timedelta(seconds=wait) if state is CallState.ANSWERED and answered is None else answered
    return CallRecord(source, queue, key, arrived, state, wait, answered_at, None, None, None, caller)


CALL = AbandonedCall("acd", "sales", "k1", local(9, 20), 95.0, "13800138000")
WORDS = {"text": "Abandoned call at {time} ({day}) in {queue} after {wait}; caller {caller} via {source}/{key}",
         "promise": "Call back before {due}"}


def entry(**kw):
    values = dict(id=7, site_id=1, instance_id=1, event_at=CALL.arrived_at, written_at=local(10),
                  author="王丽", category=Category.FOLLOW_UP, priority=Priority.NORMAL, text="x",
                  tags=("callback",), status=ItemStatus.OPEN, customer_ref="13800138000")
    values.update(kw)
    return Entry(**values)


def test_callers_match_by_number_and_anonymous_ones_never():
    assert caller_key(" +86 138-0013 8000 ") == "8613800138000"
    assert same_caller("138 0013 8000", "13800138000")
    assert caller_key("Li.Ming") == caller_key("li ming") == "liming"
    for nobody in (None, "", " ", "0", "anonymous", "Unknown", "PRIVATE", "withheld"):
        assert caller_key(nobody) is None
    assert not same_caller("anonymous", "anonymous") and not same_caller(None, None)


def test_an_abandoned_record_becomes_a_listed_call_and_only_an_abandoned_one():
    r = record("k9", local(9, 5), CallState.ABANDONED, caller=" 139 ", wait=12.5)
    assert abandoned(r) == AbandonedCall("acd", "sales", "k9", local(9, 5), 12.5, "139")
    assert abandoned(record("k8", local(9), CallState.ABANDONED, caller="  ")).caller is None
    with pytest.raises(InvalidSettingError, match="not an abandoned call"):
        abandoned(record("k7", local(9)))


def test_the_reference_is_the_caller_or_else_the_call_key():
    assert reference(CALL) == "13800138000"
    assert reference(AbandonedCall("acd", "q", "1764206400.12|q|x", local(9), 3.0, None)) == "1764206400.12|q|x"
    assert reference(AbandonedCall("acd", "q", "k", local(9), 3.0, "anonymous")) == "k"


def test_called_back_is_the_first_later_answered_call_of_the_caller_that_local_day_in_any_queue():
    answered = [
        record("a0", local(9, 0), caller="13800138000"),  # earlier: not a call-back
        record("a1", local(9, 40), caller="138 0013 8000", queue="care", wait=30),  # the first later one
        record("a2", local(11, 0), caller="13800138000"),
        record("a3", local(9, 30), caller="13900000000"),  # someone else
        record("a4", local(9, 35), CallState.ABANDONED),  # not answered
        record("a5", local(9, 36), source="other"),  # another source
    ]
    assert called_back_at(CALL, answered, SHANGHAI) == local(9, 40, 30)
    # Known at 09:40:10, the call-back answered at 09:40:30 is not known yet; at 11:00:20 the later one is.
    assert called_back_at(CALL, answered, SHANGHAI, known_at=local(9, 40, 10)) is None
    assert called_back_at(CALL, answered[2:], SHANGHAI, known_at=local(11, 0, 20)) == local(11, 0, 20)
    # The feed's answer time wins over arrival + wait.
    assert called_back_at(CALL, [record("b", local(10), answered=local(10, 5))], SHANGHAI) == local(10, 5)


def test_a_call_back_on_the_next_local_day_does_not_count():
    late = AbandonedCall("acd", "sales", "k2", local(23, 50), 40.0, "13800138000")
    next_day = record("n", local(0, 10, day=28))
    assert called_back_at(late, [next_day], SHANGHAI) is None
    # 23:55 Shanghai is 15:55 UTC: the same local day though the UTC date differs from 00:10's.
    assert called_back_at(late, [record("s", local(23, 55))], SHANGHAI) == local(23, 55, 20)


def test_an_anonymous_caller_is_never_called_back():
    nobody = AbandonedCall("acd", "sales", "k3", local(9), 10.0, None)
    assert called_back_at(nobody, [record("x", local(10), caller=None)], SHANGHAI) is None


def test_the_follow_up_of_a_call_is_a_callback_entry_with_its_reference_and_arrival():
    assert follow_up_of(CALL, [entry()]) == 7
    assert follow_up_of(CALL, [entry(id=9), entry(id=8)]) == 8
    assert follow_up_of(CALL, [entry(event_at=CALL.arrived_at + timedelta(milliseconds=400))]) == 7
    assert follow_up_of(CALL, [entry(tags=("CallBack", "vip"))]) == 7
    assert follow_up_of(CALL, [entry(tags=("vip",))]) is None
    assert follow_up_of(CALL, [entry(customer_ref="139")]) is None
    assert follow_up_of(CALL, [entry(event_at=CALL.arrived_at + timedelta(seconds=2))]) is None
    assert follow_up_of(CALL, [entry(withdrawn=Withdrawal("wrong call", "王丽", local(10)))]) is None


def test_marked_fills_in_both_and_orders_by_arrival():
    second = AbandonedCall("acd", "care", "k0", local(9, 10), 5.0, None)
    out = marked([CALL, second], [record("a", local(9, 45))], [entry()], SHANGHAI)
    assert [c.call_key for c in out] == ["k0", "k1"]
    assert (out[0].called_back_at, out[0].follow_up_id) == (None, None)
    assert (out[1].called_back_at, out[1].follow_up_id) == (local(9, 45, 20), 7)


def test_the_callback_draft_is_an_open_follow_up_due_an_hour_later():
    now = local(10, 2, 30)
    draft = callback_draft(CALL, WORDS, SHANGHAI, "王丽", now)
    assert (draft.category, draft.status, draft.tags, draft.owner) == (
        Category.FOLLOW_UP, ItemStatus.OPEN, ("callback",), "王丽")
    assert (draft.customer_ref, draft.event_at, draft.due) == ("13800138000", CALL.arrived_at, now + CALLBACK_DUE)
    assert CALLBACK_DUE == timedelta(hours=1)
    assert draft.text == "Abandoned call at 09:20:00 (2026-11-27) in sales after 1:35; caller 13800138000 via acd/k1"
    assert draft.promise == "Call back before 11:02"
    assert check(draft) == ()  # a valid follow-up as it stands
    keyed = callback_draft(AbandonedCall("acd", "q", "key-9", local(9), None, None), WORDS, SHANGHAI, "Ann", now)
    assert keyed.customer_ref == "key-9" and "after —;" in keyed.text


def test_the_callback_draft_needs_its_words_and_an_aware_now():
    with pytest.raises(InvalidSettingError, match="wording is missing"):
        callback_draft(CALL, {"text": "x"}, SHANGHAI, "Ann", local(10))
    with pytest.raises(InvalidSettingError, match="unknown value"):
        callback_draft(CALL, {"text": "{nope}", "promise": "p"}, SHANGHAI, "Ann", local(10))
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        callback_draft(CALL, WORDS, SHANGHAI, "Ann", datetime(2026, 11, 27, 10))


def test_wait_text_is_minutes_and_seconds():
    assert [wait_text(s) for s in (0, 5, 59.6, 95, 3600, None)] == ["0:00", "0:05", "1:00", "1:35", "60:00", "—"]
