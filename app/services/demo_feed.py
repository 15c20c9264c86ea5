"""The demo's live feed: a real day of calls as an Asterisk queue_log that grows with the clock, after earlier weeks.

The day (resources/demo/, read through the anonymous-bank reader) is turned
into queue_log lines dated to today in the demo site's zone: ENTERQUEUE when
a caller joins the queue, CONNECT when an agent answers, COMPLETEAGENT or
COMPLETECALLER when the call ends, ABANDON when the caller hangs up; and for
each agent AGENTLOGIN before the first call, PAUSE/UNPAUSE in the gaps
between calls (after-call work, a break, training, lunch) and AGENTLOGOFF
after the last. Each day opens with the ACD's nightly CONFIGRELOAD at
midnight, so the quiet night before the first call is known to have had no
calls (covered, 0 offered) rather than unknown.

Before today the schedule holds the same weekday of the four previous weeks
(today − 28, − 21, − 14, − 7 days): the same day again, so the staffing
forecast and the playbook rules' "last week" have their history, but each
week a little different from today and from the others, deterministically:
a different few per cent of the calls left out (THIN_PER_MILLE) and every
arrival moved by up to JITTER_SECONDS either way, each call keeping its wait
and handle time (moving puts no agent on two calls at once: a call moved into
the agent's call before it is answered when that one ends). Agents log in,
pause and log off around that day's own calls, as today.

Everything is written once, in time order, to a schedule file beside the
feed; `demo_feed_tick` appends to the feed the lines whose time has come, so
the feed is always a prefix of the schedule.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from app import paths
from app.domain.calls import CallRecord
from app.feeds import anonymous_bank

DEMO_DAY_FILE = "anonymous-bank-1999-01-04.txt"
DEMO_DAY = date(1999, 1, 4)
FEED_NAME = "queue_log"
SCHEDULE_SUFFIX = ".day"  # queue_log.day: every line of the schedule (the earlier weeks, then today), in time order
HISTORY_WEEKS = 4  # the same weekday of this many weeks before today comes first in the feed
# Per week back: calls left out, per mille (about 4.5 %, 8 %, 3 % and 6 % fewer calls than today).
THIN_PER_MILLE = {1: 45, 2: 80, 3: 30, 4: 60}
JITTER_SECONDS = 120  # an earlier week's arrival moves by up to two minutes either way

# Pause reasons as the ACD's supervisors typed them, in the demo's language.
REASONS = {
    "en": {"acw": "after-call work", "break": "break", "training": "training", "lunch": "lunch"},
    "zh_CN": {"acw": "话后处理", "break": "小休", "training": "培训", "lunch": "午餐"},
}
# Order of events falling on the same second.
_RANK = {"CONFIGRELOAD": -1, "AGENTLOGIN": 0, "UNPAUSE": 1, "ENTERQUEUE": 2, "ABANDON": 3, "CONNECT": 4,
         "COMPLETE": 5, "PAUSE": 6, "AGENTLOGOFF": 7}


@dataclass(frozen=True)
class DemoTick:
    """What a tick appended: lines, the feed's size after it, and when the next line is due."""

    appended: int
    offset: int
    next_due: datetime | None  # None: the day is over


def schedule_path(feed: Path) -> Path:
    return feed.with_name(feed.name + SCHEDULE_SUFFIX)


def write_day(folder: Path, day: date, tz: ZoneInfo, lang: str) -> Path:
    """Write the schedule of `day` (the earlier weeks first) and an empty feed in `folder` (replacing older ones);
    returns the feed."""
    folder.mkdir(parents=True, exist_ok=True)
    feed = folder / FEED_NAME
    lines = schedule_lines(day, tz, lang)
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


def history_days(day: date) -> tuple[date, ...]:
    """The earlier days the schedule of `day` holds, oldest first: its weekday in the HISTORY_WEEKS weeks before."""
    return tuple(day - timedelta(weeks=back) for back in range(HISTORY_WEEKS, 0, -1))


def schedule_lines(day: date, tz: ZoneInfo, lang: str) -> list[tuple[int, int, str]]:
    """(epoch, rank, line) of the whole schedule of `day`: the earlier weeks' days, then `day`, in time order."""
    calls = shipped_calls()
    out: list[tuple[int, int, str]] = []
    for back in range(HISTORY_WEEKS, -1, -1):
        out.extend(day_lines(day - timedelta(weeks=back), tz, lang, back, calls))
    out.sort(key=lambda line: line[:2])
    return out


def shipped_calls() -> list[tuple[datetime, CallRecord]]:
    """(wall-clock arrival, record) of each call of the shipped day, in the file's order."""
    source = paths.resources_dir() / "demo" / DEMO_DAY_FILE
    # Read in UTC, the times come out as the day's wall clock, re-dated by day_lines.
    return [(call.arrived_at.replace(tzinfo=None), call)
            for batch in anonymous_bank.read(source, ZoneInfo("UTC")) for call in batch.records()]


def day_lines(day: date, tz: ZoneInfo, lang: str, weeks_back: int = 0,
              calls: list[tuple[datetime, CallRecord]] | None = None) -> list[tuple[int, int, str]]:
    """(epoch, rank, line) of the demo day on `day` in `tz`, in time order: the shipped day as it is when
    `weeks_back` is 0, else that earlier week's variant of it (thinned out, arrivals moved: module docstring)."""
    reasons = REASONS.get(lang, REASONS["en"])
    midnight = int(local_midnight(day, tz).timestamp())
    out: list[tuple[int, int, str]] = [(midnight, _RANK["CONFIGRELOAD"], f"{midnight}|NONE|NONE|NONE|CONFIGRELOAD|")]
    shifts: dict[str, list[tuple[int, int]]] = {}
    for n, arrived, call in _placed(day, tz, weeks_back, shipped_calls() if calls is None else calls):
        out.extend(_call_lines(n, arrived, call))
        if call.state.value == "answered" and call.agent:
            answered = arrived + int(call.wait_seconds)
            shifts.setdefault(call.agent, []).append((answered, answered + int(call.handle_seconds or 0)))
    for agent, busy in sorted(shifts.items()):
        out.extend(_agent_lines(agent, sorted(busy), tz, reasons))
    out.sort(key=lambda line: line[:2])
    return out


def _placed(day: date, tz: ZoneInfo, weeks_back: int,
            calls: list[tuple[datetime, CallRecord]]) -> list[tuple[int, int, CallRecord]]:
    """(number in the shipped day, arrival epoch, record) of the calls of `day`: all of them at their own wall
    time for today; for an earlier week, those it keeps, each moved by its jitter."""
    thin = THIN_PER_MILLE.get(weeks_back, 0)
    placed: list[tuple[int, int, int, CallRecord]] = []  # (n, arrival as shipped, arrival moved, record)
    for n, (wall, call) in enumerate(calls, start=1):
        if weeks_back and _mix("thin", weeks_back, n) % 1000 < thin:
            continue
        on = day + (wall.date() - DEMO_DAY)
        arrived = int(datetime.combine(on, wall.time(), tz).timestamp())
        moved = arrived + (_mix("move", weeks_back, n) % (2 * JITTER_SECONDS + 1) - JITTER_SECONDS if weeks_back else 0)
        placed.append((n, arrived, moved, call))
    if weeks_back:
        placed = _apart(placed)
    return [(n, moved, call) for n, _, moved, call in placed]


def _apart(placed: list[tuple[int, int, int, CallRecord]]) -> list[tuple[int, int, int, CallRecord]]:
    """Moved calls of one agent do not overlap: a call moved into the agent's call before it is answered when that
    one ends (never more than JITTER_SECONDS after its shipped time, so calls that overlapped as shipped may still)."""
    out = list(placed)
    by_agent: dict[str, list[int]] = {}
    for i, (_, arrived, _, call) in enumerate(out):
        if call.state.value == "answered" and call.agent:
            by_agent.setdefault(call.agent, []).append(i)
    for rows in by_agent.values():
        rows.sort(key=lambda i: (out[i][1] + int(out[i][3].wait_seconds), out[i][0]))
        busy_until = None
        for i in rows:
            n, arrived, moved, call = out[i]
            wait = int(call.wait_seconds)
            if busy_until is not None and moved + wait < busy_until:
                moved = min(busy_until, arrived + wait + JITTER_SECONDS) - wait
                out[i] = (n, arrived, moved, call)
            ended = moved + wait + int(call.handle_seconds or 0)
            busy_until = ended if busy_until is None else max(busy_until, ended)
    return out


def _mix(salt: str, weeks_back: int, n: int) -> int:
    """A fixed pseudo-random number for call `n` of the week `weeks_back` weeks before (the same on every build)."""
    return zlib.crc32(f"{salt}:{weeks_back}:{n}".encode())


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
