"""The meetings on both databases: the warm-up library, the agenda built from the console's data, saved as
revisions, the post-shift meeting record and its topic flowing into the next agenda; a night shift's total over
midnight; printing that stores nothing; two desks saving at once (PostgreSQL)."""

import threading
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.attendance import AttendanceStatus, LeaveType, Mark
from app.domain.calls import FeedFormat
from app.domain.errors import InvalidSettingError
from app.domain.meetings import AgendaPart, PartKind, ShiftSummary, WarmupKind, with_warmup
from app.domain.notices import Priority
from app.domain.worklog import Category, Draft
from app.services import meetings, notices, roster, sheet, shifts, worklog
from app.services.console import Console
from app.services.imports import ImportRequest, import_feed
from app.services.sources import list_sites
from app.storage import meetings as meeting_store
from tests.conftest import _pg_schema_url, pg_base_url
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


def _import(console, folder: Path, source: str, calls) -> None:
    """Answered calls (day, hour, minute, wait seconds) on the site's wall clock into `source`."""
    lines = []
    for n, (day, hour, minute, wait) in enumerate(calls, start=1):
        arrived = at(console, day, hour, minute).replace(tzinfo=None)
        answered = arrived + timedelta(seconds=wait)
        lines.append(f"n{n},sales,{arrived.isoformat()},{answered.isoformat()},"
                     f"{(answered + timedelta(seconds=120)).isoformat()},answered,A{n}\n")
    path = folder / f"{source}.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    site = list_sites(console)[0]
    import_feed(console, ImportRequest(path=path, format=FeedFormat.CALLS_CSV, source=source, site=site.name,
                                       tz=site.timezone))


def test_the_total_of_a_night_shift_counts_its_half_hours_on_both_sides_of_midnight(console, tmp_path):
    w = build(console)
    night = shifts.ensure_instance(console, DAY, w.night.id)
    after = DAY + timedelta(days=1)
    # 23:00 both answered within 20 s (100 %); 01:00 the same number of calls, both answered late (0 %)
    _import(console, tmp_path, "night", [(DAY, 23, 5, 5), (DAY, 23, 10, 8), (after, 1, 5, 60), (after, 1, 12, 90)])
    summary = meetings.shift_summary(console, night.id, at(console, after, 8))
    assert [(i.label, i.offered, i.service_level) for i in summary.intervals] == [
        ("23:00", 2, 100.0), ("23:30", 0, None), ("00:00", 0, None), ("00:30", 0, None), ("01:00", 2, 0.0)]
    assert summary.total_service_level == {"night": 50.0}  # 2 within 20 s of 4 offered, not the 01:00 day's 0
    record = meetings.save_post_shift(console, night.id, at(console, after, 7, 30), at(console, after, 7, 40), "",
                                      None, "", "", "王丽", at(console, after, 8))
    assert record.summary.total_service_level == {"night": 50.0}


def _rows(console) -> dict[str, int]:
    with console.db.transaction() as tx:
        return {table: tx.scalar(text(f"SELECT count(*) FROM {table}"))
                for table in ("shift_instances", "agendas", "warmups")}


def test_printing_an_agenda_stores_nothing(console, world):
    _, _, evening, follow_up, _, site = world
    tomorrow, now = DAY + timedelta(days=1), at(console, DAY, 16)
    before = _rows(console)
    assert before["warmups"] == 0  # no agenda was built yet: the library is not installed
    agenda, prepared = meetings.agenda_for_print(console, site.name, tomorrow, "Evening", now, "en")
    assert (prepared, agenda.instance_id, agenda.day, agenda.shift_name) == (False, None, tomorrow, "Evening")
    assert agenda.meeting_start == at(console, tomorrow, 14, 45)
    assert [f.entry_id for f in agenda.part(PartKind.FOLLOW_UPS).follow_ups] == [follow_up.id]
    assert (agenda.warmup.key, agenda.warmup.id) == ("tuning", None)  # from the shipped classics, not installed
    assert agenda.previous_shift == f"早班 {tomorrow.isoformat()}"
    built, prepared = meetings.agenda_for_print(console, site.name, DAY, "Evening", now, "en")
    assert (prepared, built.instance_id) == (False, evening.id)
    assert [a.mark for a in built.part(PartKind.ATTENDANCE).attendance] == [None, "leave", None]
    assert _rows(console) == before  # no shift instance created, no warm-up installed, no agenda kept
    assert meetings.find_instance(console, site.name, tomorrow, "Evening") is None
    with pytest.raises(InvalidSettingError, match="no instance yet"):
        meetings.save_agenda(console, agenda, "王丽", now)
    assert _rows(console) == before


# --- two desks at once (PostgreSQL: row locks; SQLite writes one at a time) ---


@pytest.fixture
def pg_desks():
    """Two consoles (two desks) on one fresh PostgreSQL schema holding the shift world, and a third engine to watch
    the server's locks."""
    url, engine, schema = _pg_schema_url(pg_base_url())
    first, second = Console.open(url), Console.open(url)
    try:
        yield first, second, engine
    finally:
        first.close()
        second.close()
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


def _second_desk_meanwhile(first: Console, engine, first_write, second_write):
    """The first desk writes in an open transaction; meanwhile the second desk's write runs on a thread. The first
    commits once PostgreSQL shows the second waiting for it. Returns the second's result (an exception: raised)."""
    out: dict[str, object] = {}

    def second():
        try:
            out["value"] = second_write()
        except Exception as exc:  # handed to the test thread
            out["error"] = exc

    thread = threading.Thread(target=second, daemon=True)
    with first.db.transaction() as tx:
        first_write(tx)
        pid = tx.scalar(text("SELECT pg_backend_pid()"))
        thread.start()
        deadline, waiting = time.monotonic() + 20, 0
        with engine.connect() as watch:
            while thread.is_alive() and time.monotonic() < deadline:
                waiting = watch.scalar(text("SELECT count(*) FROM pg_stat_activity"
                                            " WHERE :pid = ANY(pg_blocking_pids(pid))"), {"pid": pid})
                if waiting:
                    break
                time.sleep(0.02)
        out["waited"] = bool(waiting)
    thread.join(30)
    assert not thread.is_alive()
    if "error" in out:
        raise out["error"]
    assert out["waited"], "the second desk did not wait for the first"
    return out["value"]


@pytest.mark.pg
def test_two_desks_saving_an_agenda_at_once_take_turns(pg_desks):
    first, second, engine = pg_desks
    w = build(first)
    evening = shifts.ensure_instance(first, DAY, w.evening.id)
    now = at(first, DAY, 14)
    agenda = meetings.build_agenda(first, evening.id, now, "en")
    saved = _second_desk_meanwhile(first, engine, lambda tx: meeting_store.add_agenda(tx, agenda, "desk A", now),
                                   lambda: meetings.save_agenda(second, agenda, "desk B", now))
    assert saved.revision == 2
    assert [(r, by) for r, by, _ in meetings.agenda_revisions(first, evening.id)] == [(1, "desk A"), (2, "desk B")]
    assert meetings.get_agenda(second, evening.id).saved_by == "desk B"


@pytest.mark.pg
def test_two_desks_saving_a_post_shift_record_at_once_take_turns(pg_desks):
    first, second, engine = pg_desks
    w = build(first)
    evening = shifts.ensure_instance(first, DAY, w.evening.id)
    now = at(first, DAY, 23, 50)
    start, end = at(first, DAY, 23, 35), at(first, DAY, 23, 45)
    record = _second_desk_meanwhile(
        first, engine,
        lambda tx: meeting_store.add_post_shift(tx, evening.site_id, evening.id, start, end, ShiftSummary(), "", None,
                                                "", "", "desk A", now),
        lambda: meetings.save_post_shift(second, evening.id, start, end, "", None, "", "", "desk B", now))
    assert record.revision == 2
    assert [(m.revision, m.saved_by) for m in meetings.post_shift_history(first, evening.id)] == [
        (1, "desk A"), (2, "desk B")]


@pytest.mark.pg
def test_two_desks_installing_the_warmup_library_at_once_both_succeed(pg_desks):
    first, second, engine = pg_desks
    build(first)
    site_id, now = list_sites(first)[0].id, at(first, DAY, 6)
    shipped = meetings.shipped_warmups("zh_CN")

    def install_first(tx):
        for warmup in shipped:
            meeting_store.add_warmup(tx, site_id, warmup, "system", now)

    added = _second_desk_meanwhile(first, engine, install_first,
                                   lambda: meetings.install_warmups(second, "zh_CN", now, site_id))
    assert added == ()  # the first desk installed them all
    assert [x.key for x in meetings.list_warmups(second, "zh_CN")] == ["tuning", "sharing", "confidence"]
