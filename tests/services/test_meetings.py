"""The meetings on both databases: the warm-up library, the agenda built from the console's data, saved as
revisions, the post-shift meeting record and its topic flowing into the next agenda."""

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.attendance import AttendanceStatus, LeaveType, Mark
from app.domain.calls import FeedFormat
from app.domain.errors import InvalidSettingError
from app.domain.meetings import AgendaPart, PartKind, WarmupKind, with_warmup
from app.domain.notices import Priority
from app.domain.worklog import Category, Draft
from app.services import meetings, notices, roster, sheet, shifts, worklog
from app.services.imports import ImportRequest, import_feed
from app.services.sources import list_sites
from tests.services.shift_world import DAY, at, build

HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent\n"


def _calls(console, folder: Path) -> Path:
    """Morning calls: 09:00 four answered within 20 s (100 %), 10:00 one of four (25 %), 11:00 one of two (50 %)."""
    lines = []
    for n, (hour, minute, wait) in enumerate([(9, 1, 5), (9, 5, 5), (9, 9, 5), (9, 20, 5), (10, 2, 10), (10, 6, 60),
                                              (10, 12, 90), (10, 25, 70), (11, 3, 5), (11, 15, 45)], start=1):
        arrived = at(console, DAY, hour, minute).replace(tzinfo=None)
        answered = arrived + timedelta(seconds=wait)
        lines.append(f"c{n},sales,{arrived.isoformat()},{answered.isoformat()},"
                     f"{(answered + timedelta(seconds=180)).isoformat()},answered,A{n}\n")
    path = folder / "calls.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def world(console, tmp_path):
    w = build(console)
    a = w.agents
    for no in ("1001", "1002", "1003", "1004"):
        roster.add_entry(console, a[no].id, DAY, w.morning.id)
    for no in ("1005", "1003", "1002"):
        roster.add_entry(console, a[no].id, DAY, w.evening.id, at(console, DAY, 15, 30), at(console, DAY, 23, 30))
    morning = shifts.ensure_instance(console, DAY, w.morning.id)
    evening = shifts.ensure_instance(console, DAY, w.evening.id)
    t = at(console, DAY, 7, 5)
    sheet.mark(console, morning.id, a["1001"].id, Mark(AttendanceStatus.PRESENT), "王丽", t)
    sheet.mark(console, morning.id, a["1002"].id, Mark(AttendanceStatus.LATE, late_minutes=12), "王丽", t)
    sheet.mark(console, morning.id, a["1003"].id, Mark(AttendanceStatus.LEAVE, leave_type=LeaveType.SICK), "王丽", t)
    sheet.mark(console, morning.id, a["1004"].id, Mark(AttendanceStatus.PRESENT), "王丽", t)
    sheet.mark(console, evening.id, a["1003"].id, Mark(AttendanceStatus.LEAVE, leave_type=LeaveType.SICK), "王丽", t)
    notices.save_notice(console, "Refund rule from 12-01", "Refunds over 500 need a team leader.", Priority.HIGH,
                        at(console, DAY, 0), None, True, "KB > Refunds > 500", "王丽", t)
    notices.save_notice(console, "Canteen menu", "Noodles on Tuesday.", Priority.LOW, at(console, DAY, 0), None,
                        False, "", "王丽", t)
    follow_up = worklog.add_entry(console, morning.id, Draft(
        Category.FOLLOW_UP, "Call back about the double charge", customer_ref="C-778", customer_name="Mr Zhou",
        promise="call back before 18:00", owner="Anna Li", due=at(console, DAY, 18),
        event_at=at(console, DAY, 9, 40)), "王丽", at(console, DAY, 9, 41))
    crm = worklog.add_entry(console, morning.id, Draft(Category.SYSTEM_PROBLEM, "CRM slow, calls held longer",
                                                       event_at=at(console, DAY, 10, 10)), "王丽",
                            at(console, DAY, 10, 12))
    site = list_sites(console)[0]
    import_feed(console, ImportRequest(path=_calls(console, tmp_path), format=FeedFormat.CALLS_CSV, source="acd",
                                       site=site.name, tz=site.timezone))
    return w, morning, evening, follow_up, crm, site


def test_the_agenda_is_built_from_the_incoming_shift_and_the_shift_before_it(console, world):
    w, morning, evening, follow_up, _, site = world
    now = at(console, DAY, 14, 0)
    agenda = meetings.build_agenda(console, evening.id, now, "en")
    assert (agenda.site_name, agenda.shift_name, agenda.revision, agenda.prepared) == (site.name, "Evening", 0, False)
    assert agenda.meeting_start == at(console, DAY, 14, 45) and agenda.meeting_end == at(console, DAY, 15)
    assert [p.kind for p in agenda.parts] == [PartKind.ATTENDANCE, PartKind.NOTICES, PartKind.FOLLOW_UPS,
                                              PartKind.LESSONS, PartKind.WARMUP, PartKind.CLOSING]
    people = agenda.part(PartKind.ATTENDANCE).attendance
    assert [(p.name, p.team, p.mark) for p in people] == [
        ("Anna Li", "Blue", None), ("李娜", "Green", "leave"), ("Eve Free", "", None)]
    (notice,) = agenda.part(PartKind.NOTICES).notices  # only the one to explain at the meeting
    assert (notice.title, notice.where, notice.priority) == ("Refund rule from 12-01", "KB > Refunds > 500", "high")
    (item,) = agenda.part(PartKind.FOLLOW_UPS).follow_ups  # the open item carried into the evening
    assert (item.entry_id, item.owner, item.customer, item.overdue) == (follow_up.id, "Anna Li", "C-778 · Mr Zhou",
                                                                         False)
    assert agenda.previous_shift == f"早班 {DAY.isoformat()}"
    lessons = agenda.part(PartKind.LESSONS).lessons
    assert [(x.label, x.service_level, x.target_percent, x.offered, x.answered) for x in lessons] == [
        ("10:00", 25.0, 80.0, 4, 4), ("11:00", 50.0, 80.0, 2, 2)]
    assert agenda.warmup.key == "tuning" and agenda.warmup.name == 'Greeting "tuning" practice'
    assert [x.key for x in meetings.list_warmups(console, "en")] == ["tuning", "sharing", "confidence"]
    assert meetings.get_agenda(console, evening.id) is None  # built, not prepared


def test_an_edited_agenda_is_kept_as_revisions(console, world):
    _, _, evening, _, _, _ = world
    now = at(console, DAY, 14, 0)
    built = meetings.build_agenda(console, evening.id, now, "en")
    first = meetings.save_agenda(console, built, "王丽", now)
    assert (first.revision, first.saved_by, first.prepared) == (1, "王丽", True)
    notices_part = built.part(PartKind.NOTICES)
    edited_notice = replace(notices_part.notices[0], where="Knowledge base > Refunds")
    sharing = next(x for x in meetings.list_warmups(console, "en") if x.kind is WarmupKind.SHARING)
    parts = [p for p in built.parts if p.kind is not PartKind.LESSONS]
    parts[1] = replace(notices_part, notices=(edited_notice,), minutes=5, text="Explain with an example")
    parts.insert(0, AgendaPart(PartKind.OTHER, 2, title="Safety drill", text="Fire exits"))
    edited = with_warmup(replace(built, parts=tuple(parts)), sharing, topic="Refund calls")
    edited = replace(edited, meeting_start=edited.shift_start - timedelta(minutes=20))
    second = meetings.save_agenda(console, edited, "王丽", now + timedelta(minutes=5))
    assert second.revision == 2
    got = meetings.get_agenda(console, evening.id)
    assert got == second
    assert [p.kind for p in got.parts][:3] == [PartKind.OTHER, PartKind.ATTENDANCE, PartKind.NOTICES]
    assert got.part(PartKind.NOTICES).notices[0].where == "Knowledge base > Refunds"
    assert got.part(PartKind.NOTICES).text == "Explain with an example"
    assert (got.warmup.key, got.part(PartKind.WARMUP).topic) == ("sharing", "Refund calls")
    assert got.meeting_start == at(console, DAY, 14, 40) and got.part(PartKind.LESSONS) is None
    assert [r for r, _, _ in meetings.agenda_revisions(console, evening.id)] == [1, 2]
    too_long = replace(got, meeting_start=got.shift_start - timedelta(minutes=5))
    with pytest.raises(InvalidSettingError, match="shift's start"):
        meetings.save_agenda(console, too_long, "王丽", now)
    assert meetings.get_agenda(console, evening.id).revision == 2


def test_the_post_shift_meeting_keeps_the_figures_and_its_topic_flows_into_the_next_agenda(console, world):
    _, morning, evening, follow_up, crm, _ = world
    now = at(console, DAY, 15, 45)
    record = meetings.save_post_shift(console, morning.id, at(console, DAY, 15, 30), at(console, DAY, 15, 40),
                                      "A slow CRM hurt 10:00", crm.id, "Keep the CRM number at hand", "Refund calls",
                                      "王丽", now)
    assert (record.revision, record.minutes, record.case_entry_id, record.tomorrow_topic) == (1, 10, crm.id,
                                                                                          "Refund calls")
    s = record.summary
    assert [(i.label, i.service_level) for i in s.intervals if i.offered] == [
        ("09:00", 100.0), ("10:00", 25.0), ("11:00", 50.0)]
    quiet = next(i for i in s.intervals if i.label == "09:30")  # covered, no call: no service level
    assert (quiet.offered, quiet.service_level, quiet.target_percent) == (0, None, 80.0)
    assert s.total_service_level == {"acd": 60.0}
    assert (s.scheduled, s.present, s.late, s.leave, s.absent) == (4, 2, 1, 1, 0)
    assert meetings.get_post_shift(console, morning.id) == record
    again = meetings.save_post_shift(console, morning.id, at(console, DAY, 15, 30), at(console, DAY, 15, 42),
                                     None, follow_up.id, "", "Refund calls over 500", "王丽", now)
    assert again.revision == 2 and again.summary_text == ""
    assert [r.revision for r in meetings.post_shift_history(console, morning.id)] == [1, 2]
    assert meetings.get_post_shift(console, morning.id).case_entry_id == follow_up.id
    with pytest.raises(InvalidSettingError, match="work-log entry"):
        meetings.save_post_shift(console, morning.id, now, now, "", 99999, "", "", "王丽", now)
    with pytest.raises(InvalidSettingError, match="before it starts"):
        meetings.save_post_shift(console, morning.id, now, now - timedelta(minutes=1), "", None, "", "", "王丽", now)
    tomorrow = shifts.ensure_instance(console, DAY + timedelta(days=1), morning.definition.id)
    early = at(console, DAY + timedelta(days=1), 6)
    agenda = meetings.build_agenda(console, tomorrow.id, early, "en")
    assert agenda.warmup.kind is WarmupKind.SHARING  # a topic was set: experience sharing, on it
    assert agenda.part(PartKind.WARMUP).topic == "Refund calls over 500"
    meetings.save_post_shift(console, evening.id, at(console, DAY, 23, 35), at(console, DAY, 23, 45), "", None, "",
                             "", "王丽", at(console, DAY, 23, 50))
    agenda = meetings.build_agenda(console, tomorrow.id, early, "en")
    assert agenda.warmup.key == "tuning" and agenda.part(PartKind.WARMUP).topic == ""  # the newest set none


def test_the_rotation_follows_the_last_prepared_agenda(console, world):
    w, morning, evening, _, _, _ = world
    now = at(console, DAY, 6)
    first = meetings.save_agenda(console, meetings.build_agenda(console, morning.id, now, "en"), "王丽", now)
    assert first.warmup.key == "tuning"
    second = meetings.build_agenda(console, evening.id, now, "en")
    assert second.warmup.key == "sharing" and second.part(PartKind.WARMUP).topic == ""
    own = meetings.add_warmup(console, "Tongue twister", "Say it three times, faster each time.", 2, "en", "王丽",
                              now)
    assert (own.key, own.kind, own.builtin, own.minutes) == ("custom-4", WarmupKind.CUSTOM, False, 2)
    meetings.set_warmup_active(console, own.id, False)
    meetings.set_warmup_active(console, own.id, True)
    assert [x.key for x in meetings.list_warmups(console, "en")][-1] == "custom-4"
    with pytest.raises(InvalidSettingError, match="minutes"):
        meetings.add_warmup(console, "Long", "x", 0, "en", "王丽", now)
    added = meetings.install_warmups(console, "zh_CN", now)
    assert [(x.key, x.name) for x in added][0] == ("tuning", "问候语“调音”练习")
    assert meetings.install_warmups(console, "zh_CN", now) == ()  # once
    zh = meetings.build_agenda(console, evening.id, now, "zh_CN")
    assert zh.language == "zh_CN" and zh.warmup.name == "问候语“调音”练习"


def test_the_shift_to_print_is_found_by_site_date_and_name(console, world):
    w, _, evening, _, _, site = world
    assert meetings.find_instance(console, site.name, DAY, "Evening").id == evening.id
    with pytest.raises(InvalidSettingError, match="no such site"):
        meetings.find_instance(console, "Nowhere", DAY, "Evening")
    with pytest.raises(InvalidSettingError, match="no such shift"):
        meetings.find_instance(console, site.name, DAY, "Brunch")
    agenda, prepared = meetings.agenda_for_print(console, site.name, DAY, "Evening", at(console, DAY, 14), "en")
    assert not prepared and agenda.instance_id == evening.id
    meetings.save_agenda(console, agenda, "王丽", at(console, DAY, 14))
    agenda, prepared = meetings.agenda_for_print(console, site.name, DAY, "Evening", at(console, DAY, 14), "en")
    assert prepared and agenda.revision == 1
