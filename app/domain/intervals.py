"""Half-hour interval arithmetic in a site's local time.

An interval is identified by the UTC instant (epoch seconds) of its local
start. A local day has 48 intervals, 46 or 50 on a daylight-saving change,
and the floor of a local time to its half hour is taken on the wall clock,
so zones with :30 or :45 offsets get proper local half hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.errors import InvalidSettingError

INTERVAL_SECONDS = 1800


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or InvalidSettingError naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise InvalidSettingError("time zone", name, "not an IANA time zone name") from None


def interval_start(instant: datetime, tz: ZoneInfo) -> datetime:
    """The local start (aware, in `tz`) of the half hour `instant` falls in."""
    local = instant.astimezone(tz)
    floored = local.replace(minute=local.minute - local.minute % 30, second=0, microsecond=0)
    # Flooring on the wall clock keeps the offset of `local`; across a DST
    # change inside the half hour the wall time still names one instant.
    return floored


def interval_start_epoch(epoch: float, tz: ZoneInfo) -> int:
    start = interval_start(datetime.fromtimestamp(epoch, timezone.utc), tz)
    return int(start.timestamp())


@dataclass(frozen=True, slots=True)
class DayIntervals:
    """The interval starts (UTC epoch seconds) of one local date, in order."""

    day: date
    starts: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.starts[0]

    @property
    def end(self) -> int:
        """Epoch second at which the next local day starts."""
        return self.starts[-1] + INTERVAL_SECONDS


def day_intervals(day: date, tz: ZoneInfo) -> DayIntervals:
    """Every half-hour start of local date `day` (46, 48 or 50 of them)."""
    start = _local_midnight(day, tz)
    end = _local_midnight(day + timedelta(days=1), tz)
    starts = tuple(range(start, end, INTERVAL_SECONDS))
    return DayIntervals(day, starts)


def _local_midnight(day: date, tz: ZoneInfo) -> int:
    # A zone whose DST change happens at midnight has no 00:00 that day; the
    # day then starts at the first instant whose local date is `day`.
    naive = datetime.combine(day, time(0))
    aware = naive.replace(tzinfo=tz)
    epoch = int(aware.timestamp())
    back = datetime.fromtimestamp(epoch, timezone.utc).astimezone(tz)
    if back.date() < day:
        epoch += 3600
    return epoch


def local_iso(epoch: int, tz: ZoneInfo) -> str:
    """ISO 8601 local time with seconds and UTC offset, e.g. 1999-02-01T07:30:00+02:00."""
    return datetime.fromtimestamp(epoch, timezone.utc).astimezone(tz).isoformat(timespec="seconds")


def local_hhmm(epoch: int, tz: ZoneInfo) -> str:
    return datetime.fromtimestamp(epoch, timezone.utc).astimezone(tz).strftime("%H:%M")


def merge_spans(spans) -> list[tuple[float, float]]:
    """Spans (start, end) merged where they meet or overlap, in time order."""
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
