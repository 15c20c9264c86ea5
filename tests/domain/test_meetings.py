"""The agenda's rules: parts back to back, the meeting ending by the shift's start, the warm-up rotation,
the worst intervals as lessons, the post-shift meeting's times."""

from datetime import date, datetime, timedelta, timezone

import pytest

from app.domain.errors import InvalidSettingError
from app.domain.meetings import (
    DEFAULT_MEETING_MINUTES,
    Agenda,
    AgendaPart,
    LessonLine,
    PartKind,
    Warmup,
    WarmupKind,
    check_agenda,
    check_post_shift,
    choose_warmup,
    default_meeting_start,
    with_warmup,
    worst_lessons,
)

START = datetime(2026, 12, 1, 7, 0, tzinfo=timezone.utc)


def warmup(key, kind, minutes=4, active=True):
    return Warmup(len(key), 1, key, "en", kind, key.title(), "how", minutes, builtin=kind is not WarmupKind.CUSTOM,
                  active=active)


TUNING, SHARING, CONFIDENCE = (warmup("tuning", WarmupKind.TUNING), warmup("sharing", WarmupKind.SHARING),
                               warmup("confidence", WarmupKind.CONFIDENCE, 3))
OWN = warmup("custom-4", WarmupKind.CUSTOM, 5)


def agenda(parts, meeting_start=None):
    parts = tuple(parts)
    total = sum(p.minutes for p in parts)
    return Agenda(1, 1, "Floor", "UTC", "Morning", date(2026, 12, 1), START, START + timedelta(hours=8),
                  meeting_start or START - timedelta(minutes=total), "en", parts)


def standard_parts():
    return [AgendaPart(PartKind.ATTENDANCE, 2), AgendaPart(PartKind.NOTICES, 4), AgendaPart(PartKind.FOLLOW_UPS, 2),
            AgendaPart(PartKind.LESSONS, 2), AgendaPart(PartKind.WARMUP, 4, warmup=TUNING),
            AgendaPart(PartKind.CLOSING, 1)]


def test_the_parts_run_back_to_back_and_the_default_meeting_ends_at_the_shift_start():
    assert DEFAULT_MEETING_MINUTES == 15
    a = agenda(standard_parts())
    assert a.meeting_start == default_meeting_start(START) == START - timedelta(minutes=15)
    assert a.meeting_end == START
    times = [(s.part.kind, s.start.strftime("%H:%M"), s.end.strftime("%H:%M")) for s in a.schedule()]
    assert times == [(PartKind.ATTENDANCE, "06:45", "06:47"), (PartKind.NOTICES, "06:47", "06:51"),
                     (PartKind.FOLLOW_UPS, "06:51", "06:53"), (PartKind.LESSONS, "06:53", "06:55"),
                     (PartKind.WARMUP, "06:55", "06:59"), (PartKind.CLOSING, "06:59", "07:00")]
    assert a.warmup == TUNING and a.part(PartKind.NOTICES).minutes == 4
    check_agenda(a)


def test_an_agenda_that_runs_into_the_shift_or_has_a_bad_time_box_is_refused():
    late = agenda(standard_parts(), meeting_start=START - timedelta(minutes=10))
    with pytest.raises(InvalidSettingError, match="shift's start"):
        check_agenda(late)
    with pytest.raises(InvalidSettingError, match="minutes"):
        check_agenda(agenda([AgendaPart(PartKind.ATTENDANCE, 0)]))
    with pytest.raises(InvalidSettingError, match="one warm-up"):
        check_agenda(agenda([AgendaPart(PartKind.WARMUP, 3, warmup=TUNING), AgendaPart(PartKind.WARMUP, 3)]))
    with pytest.raises(InvalidSettingError, match="title"):
        check_agenda(agenda([AgendaPart(PartKind.OTHER, 3)]))
    with pytest.raises(InvalidSettingError, match="at least one part"):
        check_agenda(agenda([]))
    check_agenda(agenda([AgendaPart(PartKind.OTHER, 3, title="Safety drill")]))


def test_the_warm_up_rotates_through_the_library_and_a_topic_asks_for_experience_sharing():
    library = [TUNING, SHARING, CONFIDENCE, OWN]
    assert choose_warmup(library, None, "") == TUNING
    assert choose_warmup(library, TUNING, "") == SHARING
    assert choose_warmup(library, CONFIDENCE, "") == OWN
    assert choose_warmup(library, OWN, "") == TUNING  # round again
    assert choose_warmup(library, CONFIDENCE, "Angry callers about refunds") == SHARING
    retired = [TUNING, warmup("sharing", WarmupKind.SHARING, active=False), CONFIDENCE]
    assert choose_warmup(retired, TUNING, "a topic") == CONFIDENCE  # no sharing in the rotation: rotate
    assert choose_warmup([], None, "") is None


def test_changing_the_warm_up_takes_its_time_box():
    a = with_warmup(agenda(standard_parts()), CONFIDENCE)
    assert a.warmup == CONFIDENCE and a.part(PartKind.WARMUP).minutes == 3
    a = with_warmup(a, SHARING, topic="Refunds")
    assert a.part(PartKind.WARMUP).topic == "Refunds"


def lesson(hour, minute, sl, target=80.0):
    return LessonLine("acd", START.replace(hour=hour, minute=minute), f"{hour:02}:{minute:02}", sl, target, "offered")


def test_the_lessons_are_the_worst_intervals_below_target():
    found = worst_lessons([lesson(9, 0, 100.0), lesson(10, 0, 25.0), lesson(11, 0, 50.0), lesson(12, 0, 79.9),
                           lesson(13, 0, 25.0), lesson(14, 0, 90.0, target=95.0)])
    assert [(x.label, x.service_level) for x in found] == [("10:00", 25.0), ("13:00", 25.0), ("11:00", 50.0)]
    assert worst_lessons([lesson(9, 0, 80.0)]) == ()


def test_a_post_shift_meeting_has_aware_times_in_order():
    check_post_shift(START, START + timedelta(minutes=10))
    with pytest.raises(InvalidSettingError, match="before it starts"):
        check_post_shift(START, START - timedelta(minutes=1))
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        check_post_shift(START.replace(tzinfo=None), START)
