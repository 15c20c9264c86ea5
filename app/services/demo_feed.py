"""The demo's live feed: the shipped day of real calls as an Asterisk queue_log that grows with the clock.

The day (resources/demo/, read through the anonymous-bank reader) is turned
into queue_log lines dated to today in the demo site's zone: ENTERQUEUE when
a caller joins the queue, CONNECT when an agent answers, COMPLETEAGENT or
COMPLETECALLER when the call ends, ABANDON when the caller hangs up; and for
each agent AGENTLOGIN before the first call, PAUSE/UNPAUSE in the gaps
between calls (after-call work, a break, training, lunch) and AGENTLOGOFF
after the last. The whole day is written once, in time order, to a schedule
file beside the feed; `demo_feed_tick` appends to the feed the lines whose
time has come, so the feed is always a prefix of the schedule.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from app import paths
from app.feeds import anonymous_bank

DEMO_DAY_FILE = "anonymous-bank-1999-01-04.txt"
DEMO_DAY = date(1999, 1, 4)
FEED_NAME = "queue_log"
SCHEDULE_SUFFIX = ".day"  # queue_log.day: every line of the day, in time order

# Pause reasons as the ACD's supervisors typed them, in the demo's language.
REASONS = {
    "en": {"acw": "after-call work", "break": "break", "training": "training", "lunch": "lunch"},
    "zh_CN": {"acw": "话后处理", "break": "小休", "training": "培训", "lunch": "午餐"},
}
# Order of events falling on the same second.
_RANK = {"AGENTLOGIN": 0, "UNPAUSE": 1, "ENTERQUEUE": 2, "ABANDON": 3, "CONNECT": 4, "COMPLETE": 5, "PAUSE": 6,
         "AGENTLOGOFF": 7}


@dataclass(frozen=True)
class DemoTick:
    """What a tick appended: lines, the feed's size after it, and when the next line is due."""

    appended: int
    offset: int
    next_due: datetime | None  # None: the day is over


def schedule_path(feed: Path) -> Path:
    return feed.with_name(feed.name + SCHEDULE_SUFFIX)


def write_day(folder: Path, day: date, tz: ZoneInfo, lang: str) -> Path:
    """Write the day's schedule and an empty feed in `folder` (replacing older ones); returns the feed."""
    folder.mkdir(parents=True, exist_ok=True)
    feed = folder / FEED_NAME
    lines = day_lines(day, tz, lang)
    schedule_path(feed).write_bytes("".join(f"{text}\n" for _, _, text in lines).encode("utf-8"))
    feed.unlink(missing_ok=True)  # a new file: a watcher of the old one sees it rotated
    feed.touch()
    return feed


def demo_feed_tick(feed: Path, now: datetime | None = None) -> DemoTick:
    """Append to `feed` the lines of its schedule whose time is at or before `now`."""
    cut = (now or datetime.now(timezone.utc)).timestamp()
    size = feed.stat().st_size if feed.exists() else 0
    due, next_due = [], None
    with open(schedule_path(feed), "rb") as fh:
        fh.seek(max(size - 1, 0))
        if size and fh.read(1) != b"\n":
            fh.readline()  # the feed ends inside a line: go on from the next whole one
        for raw in fh:
            at = int(raw.split(b"|", 1)[0])
            if at > cut:
                next_due = datetime.fromtimestamp(at, timezone.utc)
                break
            due.append(raw)
    if due:
        with open(feed, "ab") as out:
            out.write(b"".join(due))
    return DemoTick(len(due), size + sum(len(r) for r in due), next_due)


def day_lines(day: date, tz: ZoneInfo, lang: str) -> list[tuple[int, int, str]]:
    """(epoch, rank, line) of the demo day on `day` in `tz`, in time order."""
    reasons = REASONS.get(lang, REASONS["en"])
    out: list[tuple[int, int, str]] = []
    shifts: dict[str, list[tuple[int, int]]] = {}
    source = paths.resources_dir() / "demo" / DEMO_DAY_FILE
    n = 0
    # Read in UTC, the times come out as the day's wall clock, re-dated below.
    for batch in anonymous_bank.read(source, ZoneInfo("UTC")):
        for call in batch.records():
            n += 1
            wall = call.arrived_at.replace(tzinfo=None)
            on = day + (wall.date() - DEMO_DAY)
            arrived = int(datetime.combine(on, wall.time(), tz).timestamp())
            out.extend(_call_lines(n, arrived, call))
            if call.state.value == "answered" and call.agent:
                answered = arrived + int(call.wait_seconds)
                shifts.setdefault(call.agent, []).append((answered, answered + int(call.handle_seconds or 0)))
    for agent, calls in sorted(shifts.items()):
        out.extend(_agent_lines(agent, sorted(calls), tz, reasons))
    out.sort(key=lambda line: line[:2])
    return out


def _call_lines(n: int, arrived: int, call) -> list[tuple[int, int, str]]:
    cid, queue, wait = f"{arrived}.{n}", call.queue, int(call.wait_seconds)
    lines = [(arrived, _RANK["ENTERQUEUE"], f"{arrived}|{cid}|{queue}|NONE|ENTERQUEUE||{call.caller or ''}|1")]
    if call.state.value != "answered":
        ended = arrived + wait
        return lines + [(ended, _RANK["ABANDON"], f"{ended}|{cid}|{queue}|NONE|ABANDON|1|1|{wait}")]
    agent = call.agent or "NONE"
    answered = arrived + wait
    lines.append((answered, _RANK["CONNECT"], f"{answered}|{cid}|{queue}|{agent}|CONNECT|{wait}|{answered}.{n}|{min(wait, 3)}"))
    if call.handle_seconds is not None:
        talk = int(call.handle_seconds)
        event = "COMPLETEAGENT" if n % 3 == 0 else "COMPLETECALLER"
        lines.append((answered + talk, _RANK["COMPLETE"], f"{answered + talk}|{cid}|{queue}|{agent}|{event}|{wait}|{talk}|1"))
    return lines


def _agent_lines(agent: str, calls: list[tuple[int, int]], tz: ZoneInfo, reasons: dict[str, str]):
    """Log-in, pauses in the gaps between calls, log-off: plausible around the agent's real calls."""
    jitter = zlib.crc32(agent.encode())  # the same every day for the same agent

    def event(at: int, kind: str, reason: str = ""):
        data = f"SIP/{agent.lower()}" if kind == "AGENTLOGIN" else reason
        return (at, _RANK[kind], f"{at}|NONE|NONE|{agent}|{kind}|{data}")

    lines = [event(calls[0][0] - 300 - jitter % 300, "AGENTLOGIN")]
    busy_until = calls[0][1]
    for i, (answered, ended) in enumerate(calls[1:], start=1):
        gap = answered - busy_until
        hour = datetime.fromtimestamp(busy_until, tz).hour
        if gap >= 3 * 3600:  # a split shift: off the phones for hours
            lines += [event(busy_until + 120, "AGENTLOGOFF"), event(answered - 600, "AGENTLOGIN")]
        elif gap >= 40 * 60 and 11 <= hour < 15:
            lines += [event(busy_until + 60, "PAUSE", reasons["lunch"]), event(answered - 120, "UNPAUSE")]
        elif gap >= 25 * 60:
            lines += [event(busy_until + 60, "PAUSE", reasons["training"]), event(answered - 120, "UNPAUSE")]
        elif gap >= 15 * 60:
            lines += [event(busy_until + 60, "PAUSE", reasons["break"]), event(busy_until + 660, "UNPAUSE")]
        elif gap >= 4 * 60:
            acw = 30 + (jitter + i * 7) % 60
            lines += [event(busy_until + 1, "PAUSE", reasons["acw"]), event(busy_until + 1 + acw, "UNPAUSE")]
        busy_until = max(busy_until, ended)
    lines.append(event(busy_until + 120 + jitter % 180, "AGENTLOGOFF"))
    return lines


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tz)


def demo_cut(now: datetime) -> datetime:
    """The moment the demo shows: now, but at least half an hour into the day so it is never empty."""
    return max(now, local_midnight(now.date(), now.tzinfo) + timedelta(minutes=30))
