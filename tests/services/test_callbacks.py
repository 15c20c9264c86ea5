"""Abandoned calls and callback follow-ups on SQLite and PostgreSQL, from feeds imported through the import service."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from app.domain.calls import FeedFormat
from app.domain.callbacks import AbandonedCall
from app.domain.errors import InvalidSettingError, UnknownSourceError
from app.domain.worklog import Category, ItemStatus
from app.services import callbacks, shifts, worklog
from app.services.import_common import ImportRequest
from app.services.imports import import_feed
from tests.conftest import JANUARY
from tests.services.shift_world import DAY, at, build

WORDS = {"text": "Abandoned call at {time} in {queue} after {wait}", "promise": "Call back before {due}"}
HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller\n"


def import_calls(console, tmp_path, rows):
    """Import calls-csv rows (call id, queue, HH:MM:SS on DAY in the site's zone, wait, outcome, caller)."""
    lines = []
    for cid, queue, hms, wait, outcome, caller in rows:
        h, m, s = map(int, hms.split(":"))
        t0 = at(console, DAY, h, m) + timedelta(seconds=s)
        if outcome == "answered":
            lines.append(f"{cid},{queue},{t0.isoformat()},{(t0 + timedelta(seconds=wait)).isoformat()},"
                         f"{(t0 + timedelta(seconds=wait + 60)).isoformat()},answered,ana,{caller}")
        else:
            lines.append(f"{cid},{queue},{t0.isoformat()},,{(t0 + timedelta(seconds=wait)).isoformat()},{outcome},,"
                         f"{caller}")
    path = tmp_path / "calls.csv"
    path.write_text(HEADER + "".join(x + "\n" for x in lines), encoding="utf-8")
    summary = import_feed(console, ImportRequest(path=path, format=FeedFormat.CALLS_CSV, source="acd"))
    assert summary.rejected == 0 and summary.calls == len(rows)
    return summary


FEED = [
    ("c4", "sales", "09:10:00", 12, "answered", "13800138000"),  # before the abandon: not a call-back
    ("c7", "care", "09:05:00", 40, "abandoned", "13700000000"),  # called back the next day only
    ("c1", "sales", "09:20:00", 95, "abandoned", "13800138000"),
    ("c2", "sales", "09:25:00", 10, "abandoned", ""),  # no caller in the feed
    ("c3", "care", "09:40:00", 30, "answered", "13800138000"),  # c1's caller, answered in another queue
    ("c9", "sales", "09:44:00", 5, "answered", "13800138000"),  # a second call-back: the first one counts
    ("c5", "sales", "09:50:00", 20, "abandoned", "13900000000"),
    ("c6", "sales", "10:15:00", 8, "answered", "13900000000"),
    ("c8", "care", "09:15:00", 3, "other", "13800138000"),  # not abandoned, not answered
]


def cid(call: AbandonedCall) -> str:
    """The feed's call id (calls-csv keys are "id|arrival")."""
    return call.call_key.split("|")[0]


def nine(console, minutes=30):
    start = at(console, DAY, 9)
    return start, start + timedelta(minutes=minutes)


def test_an_intervals_abandoned_calls_with_their_call_backs(console, tmp_path):
    import_calls(console, tmp_path, FEED)
    start, end = nine(console)
    calls = callbacks.abandoned_calls(console, "acd", start, end)
    assert [(cid(c), c.queue, c.caller, c.wait_seconds) for c in calls] == [
        ("c7", "care", "13700000000", 40.0), ("c1", "sales", "13800138000", 95.0), ("c2", "sales", None, 10.0)]
    c7, c1, c2 = calls
    assert c1.source == "acd" and c1.arrived_at == at(console, DAY, 9, 20).astimezone(timezone.utc)
    assert c1.arrived_at.tzinfo is not None and c1.arrived_at.utcoffset() == timedelta(0)
    assert c1.called_back_at == at(console, DAY, 9, 40) + timedelta(seconds=30)  # c3, in care
    assert (c7.called_back_at, c2.called_back_at) == (None, None)
    assert all(c.follow_up_id is None for c in calls)
    # One queue; the next interval; and what was known at a given moment.
    assert [cid(c) for c in callbacks.abandoned_calls(console, "acd", start, end, ("sales",))] == ["c1", "c2"]
    (c5,) = callbacks.abandoned_calls(console, "acd", end, end + timedelta(minutes=30))
    assert c5.called_back_at == at(console, DAY, 10, 15) + timedelta(seconds=8)
    (c5_then,) = callbacks.abandoned_calls(console, "acd", end, end + timedelta(minutes=30),
                                           now=at(console, DAY, 10))
    assert c5_then.called_back_at is None
    early = callbacks.abandoned_calls(console, "acd", start, end, now=at(console, DAY, 9, 40) + timedelta(seconds=10))
    assert early[1].called_back_at is None  # answered at 09:40:30, not known at 09:40:10
    assert callbacks.abandoned_calls(console, "acd", start - timedelta(hours=2), start) == ()


def test_a_call_back_must_be_the_same_local_day(console, tmp_path):
    import_calls(console, tmp_path, FEED)
    path = tmp_path / "next.csv"
    t0 = at(console, DAY + timedelta(days=1), 8)
    path.write_text(HEADER + f"n1,care,{t0.isoformat()},{(t0 + timedelta(seconds=5)).isoformat()},"
                    f"{(t0 + timedelta(seconds=65)).isoformat()},answered,ana,13700000000\n", encoding="utf-8")
    assert import_feed(console, ImportRequest(path=path, format=FeedFormat.CALLS_CSV, source="acd")).calls == 1
    start, end = nine(console)
    c7 = callbacks.abandoned_calls(console, "acd", start, end)[0]
    assert (c7.caller, c7.called_back_at) == ("13700000000", None)


def test_create_a_callback_follow_up_in_the_running_shift(console, tmp_path):
    w = build(console)
    import_calls(console, tmp_path, FEED)
    start, end = nine(console)
    c1 = callbacks.abandoned_calls(console, "acd", start, end)[1]
    now = at(console, DAY, 10, 5)
    target = callbacks.callback_shift(console, "acd", now)
    assert (target.slot.definition.name, target.slot.day, target.running, target.supervisor) == (
        w.morning.name, DAY, True, None)
    entry = callbacks.create_callback(console, c1, WORDS, "王丽", "王丽", now)
    morning = shifts.ensure_instance(console, DAY, w.morning.id)
    assert entry.instance_id == morning.id
    assert (entry.category, entry.status, entry.tags, entry.customer_ref, entry.author, entry.owner) == (
        Category.FOLLOW_UP, ItemStatus.OPEN, ("callback",), "13800138000", "王丽", "王丽")
    assert (entry.event_at, entry.due, entry.written_at) == (c1.arrived_at, now + timedelta(hours=1), now)
    assert entry.text == "Abandoned call at 09:20:00 in sales after 1:35"
    assert entry.promise == "Call back before " + (now + timedelta(hours=1)).strftime("%H:%M")
    log = worklog.shift_log(console, morning.id, now)
    assert [e.id for e in log.entries] == [entry.id] and log.counts.open == 1
    # The listing names the follow-up; a second one for the same call is refused.
    listed = callbacks.abandoned_calls(console, "acd", start, end)
    assert [c.follow_up_id for c in listed] == [None, entry.id, None]
    with pytest.raises(InvalidSettingError, match=f"follow-up already \\(entry #{entry.id}\\)"):
        callbacks.create_callback(console, listed[1], WORDS, "王丽", "王丽", now)
    with pytest.raises(InvalidSettingError, match="follow-up already"):  # the stale value from before, too
        callbacks.create_callback(console, c1, WORDS, "王丽", "王丽", now)
    # A call without a caller is referenced by its call key.
    keyed = callbacks.create_callback(console, listed[2], WORDS, "王丽", "Team Blue", now)
    assert (keyed.customer_ref, keyed.owner) == (listed[2].call_key, "Team Blue")
    assert keyed.customer_ref.startswith("c2|")
    assert [c.follow_up_id for c in callbacks.abandoned_calls(console, "acd", start, end)] == [
        None, entry.id, keyed.id]


def test_a_withdrawn_follow_up_frees_the_call(console, tmp_path):
    build(console)
    import_calls(console, tmp_path, FEED)
    start, end = nine(console)
    c1 = callbacks.abandoned_calls(console, "acd", start, end)[1]
    now = at(console, DAY, 10, 5)
    first = callbacks.create_callback(console, c1, WORDS, "王丽", "王丽", now)
    worklog.withdraw(console, first.id, "wrong caller", "王丽", now)
    assert callbacks.abandoned_calls(console, "acd", start, end)[1].follow_up_id is None
    again = callbacks.create_callback(console, c1, WORDS, "王丽", "王丽", now)
    assert again.id != first.id
    assert callbacks.abandoned_calls(console, "acd", start, end)[1].follow_up_id == again.id


def test_between_shifts_the_follow_up_goes_to_the_next_shift_and_names_its_supervisor(console, tmp_path):
    from app.domain.people import Role
    from app.services import people

    morning = shifts.save_definition(console, "Morning", time(7), time(15, 30))
    import_calls(console, tmp_path, FEED)
    c1 = callbacks.abandoned_calls(console, "acd", *nine(console))[1]
    now = at(console, DAY, 18)
    tomorrow = shifts.ensure_instance(console, DAY + timedelta(days=1), morning.id)
    lead = people.add_supervisor(console, "Ann Lee", Role.SUPERVISOR, "2468")
    shifts.set_supervisor(console, tomorrow.id, lead.id)
    target = callbacks.callback_shift(console, "acd", now)
    assert (target.slot.day, target.running, target.supervisor) == (DAY + timedelta(days=1), False, "Ann Lee")
    entry = callbacks.create_callback(console, c1, WORDS, "Ann Lee", "Ann Lee", now)
    assert entry.instance_id == tomorrow.id


def test_no_shift_no_follow_up_and_unknown_source(console, tmp_path):
    import_calls(console, tmp_path, FEED)
    c1 = callbacks.abandoned_calls(console, "acd", *nine(console))[1]
    now = at(console, DAY, 10)
    assert callbacks.callback_shift(console, "acd", now).slot is None
    with pytest.raises(InvalidSettingError, match="no shift to write the follow-up in"):
        callbacks.create_callback(console, c1, WORDS, "王丽", "王丽", now)
    with pytest.raises(UnknownSourceError):
        callbacks.abandoned_calls(console, "nope", *nine(console))
    with pytest.raises(UnknownSourceError):
        callbacks.create_callback(console, AbandonedCall("nope", "q", "k", now, 1.0, None), WORDS, "a", "a", now)
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        callbacks.abandoned_calls(console, "acd", datetime(2026, 12, 1, 9), datetime(2026, 12, 1, 10))


# --- real data: one day of the Anonymous Bank (January 1999), checked against the raw file ---

BANK_TZ = ZoneInfo("Asia/Jerusalem")


def _seconds(text: str) -> int:
    h, m, s = map(int, text.split(":"))
    return h * 3600 + m * 60 + s


def expected_from_raw(rows: pd.DataFrame, day, first: int, end: int):
    """(caller, arrival, called back at) of the abandoned calls arriving in [first, end) seconds of the day,
    computed straight from the raw rows by the rule: an abandon is a queued HANG; a call-back is the first
    later AGENT row of the same customer that day (arrival q_start, or vru_exit when never queued)."""
    def arrival(r):
        return _seconds(r.q_start) if r.q_start != "0:00:00" else _seconds(r.vru_exit)

    rows = rows.assign(arr=rows.apply(arrival, axis=1), entry=rows.vru_entry.map(_seconds))
    rows = rows[rows.arr >= rows.entry - 12 * 3600]  # arrivals wrapped past midnight belong to the next day
    hung = rows[(rows.outcome == "HANG") & (rows.q_start != "0:00:00") & (rows.arr >= first) & (rows.arr < end)]
    agent = rows[rows.outcome == "AGENT"]
    out = []
    for r in hung.itertuples():
        caller = None if r.customer_id == "0" else r.customer_id
        back = None
        if caller:
            later = agent[(agent.customer_id == caller) & (agent.arr > r.arr)]
            if len(later):
                first_back = later.sort_values("arr").iloc[0]
                back = first_back.arr + int(first_back.q_time)
        out.append((caller, r.arr, back))
    local = lambda s: datetime.combine(day, time(0), BANK_TZ) + timedelta(seconds=int(s))  # noqa: E731
    return sorted(((c, local(a), local(b) if b is not None else None) for c, a, b in out), key=_order)


def _order(row):
    return row[1], row[0] or ""


def test_real_anonymous_bank_day_matches_the_raw_file(console, tmp_path):
    raw = JANUARY.read_bytes().decode("ascii").split("\r\n")
    header, rows = raw[0], [line for line in raw[1:] if line.split("\t")[5:6] == ["990104"]]
    path = tmp_path / "bank-1999-01-04.txt"
    path.write_text("\r\n".join([header] + rows) + "\r\n", encoding="ascii", newline="")
    summary = import_feed(console, ImportRequest(path=path, format=FeedFormat.ANONYMOUS_BANK, source="bank",
                                                 site="Anonymous Bank", tz="Asia/Jerusalem"))
    assert summary.rejected == 0
    frame = pd.DataFrame([line.split("\t") for line in rows], columns=header.split("\t")).apply(
        lambda s: s.str.strip())
    day = datetime(1999, 1, 4).date()
    start = datetime.combine(day, time(14), BANK_TZ)
    calls = callbacks.abandoned_calls(console, "bank", start, start + timedelta(minutes=30))
    got = sorted(((c.caller, c.arrived_at, c.called_back_at) for c in calls), key=_order)
    assert got == expected_from_raw(frame, day, 14 * 3600, 14 * 3600 + 1800)
    by_caller = {c.caller: c for c in calls}
    # Three customers of that half hour reached an agent later that afternoon (seen in the raw file).
    assert by_caller["8073371"].called_back_at == datetime.combine(day, time(14, 32, 47), BANK_TZ)
    assert by_caller["15621063"].called_back_at == datetime.combine(day, time(14, 33, 1), BANK_TZ)
    assert by_caller["53907952"].called_back_at == datetime.combine(day, time(14, 43, 2), BANK_TZ)
    # The whole afternoon, every queue: the same rule holds call for call.
    afternoon = callbacks.abandoned_calls(console, "bank", datetime.combine(day, time(12), BANK_TZ),
                                          datetime.combine(day, time(18), BANK_TZ))
    assert sorted(((c.caller, c.arrived_at, c.called_back_at) for c in afternoon), key=_order) == expected_from_raw(
        frame, day, 12 * 3600, 18 * 3600)
    assert sum(c.called_back_at is not None for c in afternoon) >= 10
