"""The handover's rules: the checklist, the signing order, the canonical snapshot and its checksum, the worst
half hours."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timezone

import pytest

from app.domain.errors import InvalidSettingError
from app.domain.handover import (
    STEPS,
    Handover,
    HandoverStateError,
    HandoverStatus,
    Signature,
    StepState,
    canonical_json,
    check_editable,
    check_sign_incoming,
    check_sign_outgoing,
    checksum,
    clean_steps,
    default_steps,
    verify,
    worst_intervals,
)
from app.domain.shifts import ShiftDefinition, ShiftInstance, ShiftStatus

AT = datetime(2026, 12, 1, 15, 10, tzinfo=timezone.utc)


def handover(status=HandoverStatus.DRAFT, outgoing_signer: int | None = None) -> Handover:
    morning = ShiftDefinition(1, 1, "早班", time(7), time(15, 30))
    evening = ShiftDefinition(2, 1, "Evening", time(15), time(23, 30))
    sig = Signature(outgoing_signer, "王丽", AT, "abc") if outgoing_signer else None
    return Handover(1, 1, "Main", "UTC", ShiftInstance(1, 1, morning, date(2026, 12, 1), ShiftStatus.OPEN),
                    ShiftInstance(2, 1, evening, date(2026, 12, 1), ShiftStatus.PLANNED), status, default_steps(),
                    False, "", AT, AT, outgoing_signature=sig)


def test_the_seven_steps_in_order_named_or_numbered():
    assert STEPS == ("sheet", "items", "playbooks", "seats", "service_level", "long_calls", "talk")
    steps = clean_steps({1: "done", "seats": StepState.SKIPPED, 7: StepState.DONE})
    assert [s for _, s in steps] == [StepState.DONE, StepState.TODO, StepState.TODO, StepState.SKIPPED,
                                     StepState.TODO, StepState.TODO, StepState.DONE]
    kept = clean_steps({"items": "done"}, steps)
    assert dict(kept)["sheet"] is StepState.DONE and dict(kept)["items"] is StepState.DONE
    for bad in ({0: "done"}, {8: "done"}, {"coffee": "done"}):
        with pytest.raises(InvalidSettingError, match="no such step"):
            clean_steps(bad)
    with pytest.raises(InvalidSettingError, match="todo, done or skipped"):
        clean_steps({1: "half"})


def test_the_outgoing_signs_first_and_someone_else_second():
    draft = handover()
    check_sign_outgoing(draft)
    check_editable(draft)
    with pytest.raises(HandoverStateError) as e:
        check_sign_incoming(draft, 2)
    assert e.value.state == "outgoing_not_signed"
    half = handover(HandoverStatus.OUTGOING_SIGNED, outgoing_signer=1)
    assert half.frozen and not half.signed
    check_sign_incoming(half, 2)
    with pytest.raises(HandoverStateError) as e:
        check_sign_incoming(half, 1)
    assert e.value.state == "same_person"
    with pytest.raises(HandoverStateError) as e:
        check_sign_outgoing(half)
    assert e.value.state == "not_draft"
    with pytest.raises(HandoverStateError) as e:
        check_editable(half)
    assert e.value.state == "signed"
    with pytest.raises(HandoverStateError) as e:
        check_sign_incoming(handover(HandoverStatus.SIGNED, outgoing_signer=1), 2)
    assert e.value.state == "signed"


def test_canonical_json_and_its_checksum():
    snapshot = {"b": [1, 2.5, None], "a": {"名": "王丽", "z": True}}
    text = canonical_json(snapshot)
    assert text == '{"a":{"z":true,"名":"王丽"},"b":[1,2.5,null]}'
    assert checksum(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    # the stored text read back verifies, whatever spacing a database gave it
    assert verify(text, checksum(text)) == (snapshot, True)
    assert verify('{"b": [1, 2.5, null], "a": {"z": true, "名": "王丽"}}', checksum(text)) == (snapshot, True)
    assert verify(text, checksum(text), checksum(text))[1] is True
    assert verify(text, checksum(text), "0" * 64)[1] is False
    assert verify(text.replace("王丽", "李娜"), checksum(text))[1] is False
    assert verify("not json", checksum(text)) == (None, False)
    assert verify("[1]", checksum("[1]")) == (None, False)
    assert verify(None) == (None, True)  # a draft: nothing frozen


def test_the_worst_half_hours_are_below_target_with_calls_lowest_first():
    intervals = [
        {"start": "09:00", "service_level": 100.0, "below_target": False, "offered": 4},
        {"start": "10:00", "service_level": 25.0, "below_target": True, "offered": 4},
        {"start": "10:30", "service_level": None, "below_target": False, "offered": 0},
        {"start": "11:00", "service_level": 50.0, "below_target": True, "offered": 2},
        {"start": "11:30", "service_level": 25.0, "below_target": True, "offered": 8},
        {"start": "12:00", "service_level": 0.0, "below_target": True, "offered": 0},
    ]
    assert [i["start"] for i in worst_intervals(intervals)] == ["10:00", "11:30", "11:00"]
    assert [i["start"] for i in worst_intervals(intervals, 1)] == ["10:00"]
    assert worst_intervals([]) == []
