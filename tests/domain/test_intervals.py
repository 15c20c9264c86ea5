"""Half-hour intervals in local time, DST days included."""

from datetime import date, datetime, timezone

import numpy as np
import pytest

from app.domain.errors import InvalidSettingError
from app.domain.intervals import day_intervals, interval_start, interval_start_epoch, local_iso, zone
from app.feeds.intervals import interval_starts


@pytest.mark.parametrize(
    "tz, day, count",
    [
        ("Asia/Shanghai", date(2026, 11, 27), 48),
        ("Europe/Berlin", date(2026, 3, 29), 46),  # spring forward
        ("Europe/Berlin", date(2026, 10, 25), 50),  # fall back
        ("America/New_York", date(2026, 11, 1), 50),
        ("Asia/Jerusalem", date(1999, 1, 4), 48),
    ],
)
def test_day_has_48_intervals_46_or_50_on_dst_change(tz, day, count):
    d = day_intervals(day, zone(tz))
    assert len(d.starts) == count
    assert local_iso(d.first, zone(tz)).startswith(f"{day.isoformat()}T00:00:00")
    assert all(b - a == 1800 for a, b in zip(d.starts, d.starts[1:]))


def test_fall_back_day_repeats_the_local_two_oclock_intervals_with_their_offsets():
    tz = zone("Europe/Berlin")
    labels = [local_iso(s, tz) for s in day_intervals(date(2026, 10, 25), tz).starts]
    assert "2026-10-25T02:00:00+02:00" in labels and "2026-10-25T02:00:00+01:00" in labels


def test_interval_of_a_zone_with_a_45_minute_offset_is_a_local_half_hour():
    tz = zone("Asia/Kathmandu")  # UTC+05:45
    instant = datetime(2026, 11, 27, 3, 20, tzinfo=timezone.utc)  # 09:05 local
    assert interval_start(instant, tz).strftime("%H:%M") == "09:00"


def test_vectorized_starts_equal_the_domain_rule():
    rng = np.random.default_rng(7)
    epochs = rng.uniform(1_761_000_000, 1_762_500_000, 2000)  # spans the 2025 autumn DST change
    for name in ("Europe/Berlin", "Asia/Kathmandu", "America/St_Johns", "UTC"):
        fast = interval_starts(epochs, name)
        slow = [interval_start_epoch(e, zone(name)) for e in epochs]
        assert fast.tolist() == slow


def test_unknown_zone_is_named_in_the_error():
    with pytest.raises(InvalidSettingError, match="Mars/Olympus"):
        zone("Mars/Olympus")
