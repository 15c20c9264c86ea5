"""The shift sheet: rows, counts, attendance revisions, personnel changes, notices and the ACD cross-check."""

from datetime import datetime, time, timedelta

import pytest

from app.domain.attendance import (
    AttendanceStatus,
    ChangeKind,
    Counts,
    CrossFlag,
    LeaveType,
    Mark,
)
from app.domain.calls import FeedFormat
from app.domain.errors import InvalidSettingError
from app.domain.notices import Priority
from app.domain.shifts import ShiftStatus
from app.services import notices, roster, sheet, shifts
from app.services.imports import ImportRequest, import_feed
from tests.services.shift_world import DAY, PIN, at, build

PRESENT, LATE, ABSENT, LEAVE, SWAPPED, LEFT_EARLY = (
    AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT, AttendanceStatus.LEAVE,
    AttendanceStatus.SWAPPED, AttendanceStatus.LEFT_EARLY,
)


def rostered(console):
    """The world with everyone active on the morning shift of DAY."""
    w = build(console)
    for no in ("1001", "1002", "1003", "1004", "1005"):
        roster.add_entry(console, w.agents[no].id, DAY, w.morning.id)
    return w


def test_the_sheet_lists_the_rostered_agents_by_team_and_counts_them(console):
    w = rostered(console)
    a = w.agents
    now = at(console, DAY, 7, 30)
    first = sheet.load_sheet(console, DAY, w.morning.id, now)
    assert first.instance.status is ShiftStatus.PLANNED and first.instance.definition == w.morning
    assert (first.start, first.end, first.at) == (at(console, DAY, 7), at(console, DAY, 15, 30), now)
    assert [r.agent.name for r in first.rows] == ["Anna Li", "Zhang Wei", "Bo Chen", "李娜", "Eve Free"]
    assert first.counts == Counts(scheduled=5, unmarked=5) and first.counts.difference == 0
    assert [a.name for a in first.agents_on_file] == ["Anna Li", "Bo Chen", "Eve Free", "Zhang Wei", "李娜"]
    assert (first.logins_known, first.unrostered_logins, first.logged_in) == (False, (), ())
    assert all(r.flags == () for r in first.rows)

    iid = first.instance.id
    sheet.mark(console, iid, a["1001"].id, Mark(PRESENT), "王丽", now)
    sheet.mark(console, iid, a["1002"].id, Mark(LATE, late_minutes=7), "王丽", now)
    sheet.mark(console, iid, a["1003"].id, Mark(ABSENT, note="no call"), "王丽", now)
    sheet.mark(console, iid, a["1004"].id, Mark(LEAVE, leave_type=LeaveType.SICK), "王丽", now)
    again = sheet.load_sheet(console, DAY, w.morning.id, now)
    assert again.instance.id == iid
    assert again.counts == Counts(scheduled=5, present=1, late=1, absent=1, leave=1, unmarked=1)
    assert (again.counts.expected, again.counts.difference) == (3, -2)
    assert again.team_counts == (
        ("", Counts(scheduled=1, unmarked=1)),
        ("Blue", Counts(scheduled=2, present=1, late=1)),
        ("Green", Counts(scheduled=2, absent=1, leave=1)),
    )


def test_a_special_day_clips_the_sheet_and_another_site_is_refused(console):
    w = rostered(console)
    shifts.set_special_day(console, DAY, "Holiday", time(9), time(18))
    clipped = sheet.load_sheet(console, DAY, w.morning.id, at(console, DAY, 9))
    assert (clipped.start, clipped.end) == (at(console, DAY, 9), at(console, DAY, 15, 30))
    with pytest.raises(InvalidSettingError, match="another site"):
        sheet.load_sheet(console, DAY, w.morning.id, at(console, DAY, 9), site_id=w.morning.site_id + 1)
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        sheet.load_sheet(console, DAY, w.morning.id, datetime(2026, 12, 1, 9))


def test_marks_are_revisions_and_the_latest_is_in_force(console):
    w = rostered(console)
    a = w.agents
    iid = shifts.ensure_instance(console, DAY, w.morning.id).id
    t1, t2, t3 = at(console, DAY, 7, 2), at(console, DAY, 7, 20), at(console, DAY, 13)
    first = sheet.mark(console, iid, a["1001"].id, Mark(ABSENT), "王丽", t1)
    assert (first.agent, first.revision, first.marked_by, first.marked_at) == (a["1001"], 1, "王丽", t1)
    assert first.entry.agent_id == a["1001"].id and first.entry.day == DAY
    sheet.mark(console, iid, a["1001"].id, Mark(LATE, late_minutes=20, note="bus"), "  ", t2)
    left = sheet.mark(console, iid, a["1001"].id, Mark(LEFT_EARLY, left_at=t3, note="doctor"), "Ann", t3)
    assert (left.revision, left.mark.left_at) == (3, t3)
    history = sheet.mark_history(console, iid, a["1001"].id)
    assert history == (
        (Mark(ABSENT), 1, "王丽", t1),
        (Mark(LATE, late_minutes=20, note="bus"), 2, None, t2),
        (Mark(LEFT_EARLY, left_at=t3, note="doctor"), 3, "Ann", t3),
    )
    row = next(r for r in sheet.load_sheet(console, DAY, w.morning.id, t3).rows if r.agent.id == a["1001"].id)
    assert (row.mark.status, row.revision, row.marked_by) == (LEFT_EARLY, 3, "Ann")
    # A swap names the other agent.
    swapped = sheet.mark(console, iid, a["1002"].id, Mark(SWAPPED, swap_with_id=a["1009"].id), None, t1)
    assert swapped.mark.swap_with_name == "Gone Away"
    by_name = sheet.mark(console, iid, a["1003"].id, Mark(SWAPPED, swap_with_name="temp from B floor"), None, t1)
    assert (by_name.mark.swap_with_id, by_name.mark.swap_with_name) == (None, "temp from B floor")


def test_bad_marks_store_nothing(console):
    w = rostered(console)
    a = w.agents
    iid = shifts.ensure_instance(console, DAY, w.morning.id).id
    now = at(console, DAY, 8)
    with pytest.raises(InvalidSettingError, match="minutes"):
        sheet.mark(console, iid, a["1001"].id, Mark(LATE), "王丽", now)
    with pytest.raises(InvalidSettingError, match="type of leave"):
        sheet.mark(console, iid, a["1001"].id, Mark(LEAVE), "王丽", now)
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        sheet.mark(console, iid, a["1001"].id, Mark(LEFT_EARLY, left_at=datetime(2026, 12, 1, 12)), "王丽", now)
    with pytest.raises(InvalidSettingError, match="not rostered on this shift"):
        sheet.mark(console, iid, a["1009"].id, Mark(PRESENT), "王丽", now)
    evening = shifts.ensure_instance(console, DAY, w.evening.id).id
    with pytest.raises(InvalidSettingError, match="not rostered on this shift"):
        sheet.mark(console, evening, a["1001"].id, Mark(PRESENT), "王丽", now)
    with pytest.raises(InvalidSettingError, match="no such shift"):
        sheet.mark(console, iid + 100, a["1001"].id, Mark(PRESENT), "王丽", now)
    assert sheet.mark_history(console, iid, a["1001"].id) == ()


def test_personnel_changes_newest_first(console):
    w = rostered(console)
    iid = shifts.ensure_instance(console, DAY, w.morning.id).id
    sheet.add_change(console, iid, ChangeKind.NEW_HIRE, "Eve's first day, sits with Anna", w.agents["1005"].id,
                     "王丽", at(console, DAY, 7))
    swap = sheet.add_change(console, iid, "swap", " 李娜 swaps with a night agent ", None, None, at(console, DAY, 8))
    assert (swap.kind, swap.text, swap.agent_id, swap.agent_name, swap.recorded_by) == (
        ChangeKind.SWAP, "李娜 swaps with a night agent", None, None, None,
    )
    changes = sheet.load_sheet(console, DAY, w.morning.id, at(console, DAY, 9)).changes
    assert [(c.kind, c.agent_name, c.recorded_by, c.recorded_at) for c in changes] == [
        (ChangeKind.SWAP, None, None, at(console, DAY, 8)),
        (ChangeKind.NEW_HIRE, "Eve Free", "王丽", at(console, DAY, 7)),
    ]
    with pytest.raises(InvalidSettingError, match="needs a description"):
        sheet.add_change(console, iid, ChangeKind.OTHER, "   ", None, "王丽", at(console, DAY, 9))
    assert len(sheet.load_sheet(console, DAY, w.morning.id, at(console, DAY, 9)).changes) == 2


def test_the_sheet_shows_notices_in_force_and_those_starting_with_the_shift(console):
    w = rostered(console)
    before_shift = at(console, DAY, 6, 30)

    def notice(title, start, end=None, priority=Priority.NORMAL):
        return notices.save_notice(console, title, "text", priority, start, end, True, "", "王丽", before_shift)

    standing = notice("Standing", at(console, DAY - timedelta(days=1), 8))
    notice("Expired", at(console, DAY - timedelta(days=3), 8), at(console, DAY - timedelta(days=1), 8))
    from_start = notice("From the shift start", at(console, DAY, 7), priority=Priority.HIGH)
    notice("From noon", at(console, DAY, 12))
    notices.acknowledge(console, standing.id, w.lead.id, PIN, before_shift)
    shown = sheet.load_sheet(console, DAY, w.morning.id, before_shift).notices
    assert [n.title for n in shown] == [from_start.title, standing.title]
    assert [(a.supervisor_name, a.version) for a in shown[1].acks] == [("王丽", 1)]
    at_noon = sheet.load_sheet(console, DAY, w.morning.id, at(console, DAY, 12)).notices
    assert [n.title for n in at_noon] == ["From the shift start", "From noon", "Standing"]


def queue_log(console, tmp_path, lines):
    path = tmp_path / "queue_log"
    path.write_text("\n".join(lines) + "\n")
    import_feed(console, ImportRequest(path=path, format=FeedFormat.QUEUE_LOG, source="pbx"))


def test_cross_check_with_the_acd_logins(console, tmp_path):
    w = rostered(console)
    a = w.agents
    login_at = int(at(console, DAY, 6, 55).timestamp())
    queue_log(console, tmp_path, [
        f"{login_at}|NONE|sales|SIP/1001|ADDMEMBER|",  # Zhang's login is stored as sip/1001
        f"{login_at}|NONE|sales|SIP/1003|ADDMEMBER|",
        f"{login_at}|NONE|sales|SIP/7777|ADDMEMBER|",
        f"{login_at + 60}|NONE|sales|SIP/1005|ADDMEMBER|",
        f"{login_at + 120}|NONE|sales|SIP/1005|REMOVEMEMBER|",
    ])
    now = at(console, DAY, 7, 30)
    iid = shifts.ensure_instance(console, DAY, w.morning.id).id
    sheet.mark(console, iid, a["1001"].id, Mark(PRESENT), "王丽", now)
    sheet.mark(console, iid, a["1002"].id, Mark(PRESENT), "王丽", now)
    sheet.mark(console, iid, a["1003"].id, Mark(ABSENT), "王丽", now)
    sheet.mark(console, iid, a["1005"].id, Mark(LATE, late_minutes=5), "王丽", now)
    loaded = sheet.load_sheet(console, DAY, w.morning.id, now)
    assert loaded.logins_known
    assert loaded.logged_in == ("SIP/1001", "SIP/1003", "SIP/7777")
    assert loaded.unrostered_logins == ("SIP/7777",)
    flags = {r.agent.employee_no: r.flags for r in loaded.rows}
    assert flags == {
        "1001": (),
        "1002": (CrossFlag.NOT_LOGGED_IN,),
        "1003": (CrossFlag.LOGGED_IN_NOT_PRESENT,),
        "1004": (),  # no ACD login on file: nothing to check
        "1005": (CrossFlag.NOT_LOGGED_IN,),  # logged out again
    }
    # Before the logins there was nobody on the ACD.
    early = sheet.load_sheet(console, DAY, w.morning.id, at(console, DAY, 6, 50))
    assert early.logins_known and early.logged_in == () and early.unrostered_logins == ()
