"""Sign-in at a desk and the roles, on SQLite and PostgreSQL: what each role may write, refused before anything is
stored; the audit trail names who was signed in."""

from datetime import time

import pytest

from app.domain.access import Action, permits
from app.domain.errors import NotPermittedError, NotSignedInError, WrongPinError
from app.domain.notices import Priority
from app.domain.people import Role
from app.domain.attendance import AttendanceStatus, Mark
from app.domain.worklog import Category, Draft
from app.services import access, notices, people, roster, sheet, shifts, worklog
from app.services import handover as ho
from app.services.audit import verify_trail
from app.storage import audit as audit_store
from tests.services.handover_world import OTHER_PIN, PIN, build_handover_world
from tests.services.shift_world import DAY, at, build

LEAD_PIN = "1357"


def test_the_roles_permit_what_the_issue_names():
    assert all(permits(Role.SUPERVISOR, a) for a in Action)
    assert {a for a in Action if permits(Role.TEAM_LEADER, a)} == {Action.LOG, Action.ATTENDANCE, Action.SYSTEM}
    assert {a for a in Action if permits(Role.VIEWER, a)} == {Action.SYSTEM}
    assert all(permits(None, a) for a in Action)  # the command line: the machine's operator


def _world(console):
    w = build(console)
    lead = people.add_supervisor(console, "Team Lead Wu", Role.TEAM_LEADER, LEAD_PIN)
    roster.add_entry(console, w.agents["1001"].id, DAY, w.morning.id)
    morning = shifts.ensure_instance(console, DAY, w.morning.id)
    return w, lead, morning


def _count_entries(console, instance_id):
    return len(worklog.shift_log(console, instance_id, at(console, DAY, 12)).entries)


def test_a_window_needs_sign_in_once_a_supervisor_exists(console):
    assert not access.sign_in_needed(console)
    _world(console)
    assert access.sign_in_needed(console)


def test_a_wrong_pin_signs_no_one_in(console):
    w, lead, _m = _world(console)
    with pytest.raises(WrongPinError):
        access.sign_in(console, lead.id, "9999")
    assert access.signed_in(console) is None
    assert access.sign_in(console, lead.id, LEAD_PIN).name == "Team Lead Wu"
    assert access.role(console) is Role.TEAM_LEADER


def test_a_team_leader_writes_log_entries_and_attendance_and_nothing_else(console):
    w, lead, morning = _world(console)
    access.sign_in(console, lead.id, LEAD_PIN)
    t = at(console, DAY, 9)
    entry = worklog.add_entry(console, morning.id, Draft(Category.OTHER, "Printer jammed on row B"), lead.name, t)
    edited = worklog.edit_entry(console, entry.id, {"text": "Printer on row B jammed, IT called"}, lead.name, t, 1)
    assert edited.revision == 2
    row = sheet.mark(console, morning.id, w.agents["1001"].id, Mark(AttendanceStatus.PRESENT), lead.name, t)
    assert row.mark.status is AttendanceStatus.PRESENT
    with pytest.raises(NotPermittedError) as refused:
        notices.save_notice(console, "New refund rule", "Refunds over 500 need approval.", Priority.HIGH,
                            at(console, DAY, 0), None, True, "KB", lead.name, t)
    assert (refused.value.role, refused.value.action) == ("team_leader", "manage")
    assert notices.list_notices(console, t, include_expired=True) == ()  # nothing was stored
    with pytest.raises(NotPermittedError):
        shifts.save_definition(console, "Late", time(18), time(23))
    assert [d.name for d in shifts.list_definitions(console)] == ["早班", "Evening", "Night"]
    with pytest.raises(NotPermittedError):
        access.require(console, Action.EXPORT)
    assert access.may(console, Action.LOG) and not access.may(console, Action.EXPORT)


def test_a_viewer_reads_and_writes_nothing(console):
    w, _lead, morning = _world(console)
    access.sign_in(console, w.viewer.id, "0000")
    t = at(console, DAY, 9)
    with pytest.raises(NotPermittedError) as refused:
        worklog.add_entry(console, morning.id, Draft(Category.OTHER, "x"), "Visitor", t)
    assert refused.value.role == "viewer"
    with pytest.raises(NotPermittedError):
        sheet.mark(console, morning.id, w.agents["1001"].id, Mark(AttendanceStatus.PRESENT), "Visitor", t)
    assert _count_entries(console, morning.id) == 0
    # Reading a day not looked at yet makes its shift instance (bookkeeping): a viewer may look at any day.
    later = DAY.replace(day=DAY.day + 3)
    loaded = sheet.load_sheet(console, later, w.evening.id, at(console, later, 16))
    assert loaded.instance.day == later


def test_with_no_one_signed_in_only_the_desks_housekeeping_is_written(console):
    w, lead, morning = _world(console)
    access.sign_in(console, w.lead.id, "2468")
    access.sign_out(console)
    with pytest.raises(NotSignedInError):
        worklog.add_entry(console, morning.id, Draft(Category.OTHER, "x"), "王丽", at(console, DAY, 9))
    with console.acting(Action.SYSTEM):
        shifts.ensure_instance(console, DAY.replace(day=DAY.day + 1), w.night.id)  # bookkeeping passes


def test_the_audit_trail_names_who_was_signed_in(console):
    w, lead, morning = _world(console)
    access.sign_in(console, lead.id, LEAD_PIN)
    entry = worklog.add_entry(console, morning.id, Draft(Category.OTHER, "Fire drill at 14:00"), "someone else",
                              at(console, DAY, 9))
    with console.db.transaction() as tx:
        trail = audit_store.history(tx, "log_entries", {"id": entry.id})
    assert [r.actor for r in trail] == ["Team Lead Wu"]
    assert verify_trail(console).intact


def test_a_team_leader_signs_no_handover_and_a_team_leader_desk_signs_none(console, tmp_path):
    hw = build_handover_world(console, tmp_path)
    lead = people.add_supervisor(console, "Team Lead Wu", Role.TEAM_LEADER, LEAD_PIN)
    h = ho.open_handover(console, hw.morning.id, hw.now)
    from app.domain.handover import HandoverStateError

    with pytest.raises(HandoverStateError) as refused:  # a team leader as the signer, at any desk
        ho.sign_outgoing(console, h.id, lead.id, LEAD_PIN, hw.now, talk_done=True)
    assert refused.value.state == "team_leader"
    access.sign_in(console, lead.id, LEAD_PIN)
    with pytest.raises(NotPermittedError):  # a supervisor's PIN at a desk where a team leader is signed in
        ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    assert ho.get_handover(console, h.id).outgoing_signature is None
    access.sign_in(console, hw.outgoing.id, PIN)
    signed = ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    assert signed.outgoing_signature.supervisor_name == hw.outgoing.name
    signed = ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now)
    assert signed.incoming_signature is not None


def test_only_supervisors_export_and_a_refused_export_writes_no_file(console, tmp_path):
    w, lead, morning = _world(console)
    written = tmp_path / "log.txt"

    def write(path):
        path.write_text("the shift's log", encoding="utf-8")
        return path

    access.sign_in(console, lead.id, LEAD_PIN)
    with pytest.raises(NotPermittedError) as refused:
        access.exported(console, write, written)
    assert refused.value.action == "export" and not written.exists()
    access.sign_in(console, w.lead.id, "2468")
    assert access.exported(console, write, written).read_text(encoding="utf-8") == "the shift's log"


def test_a_block_is_done_for_the_person_it_began_with(console):
    """A lock or another sign-in in the middle of a long piece of work (an import) does not cut it in two, and
    the audit trail names the person who started it."""
    w, lead, morning = _world(console)
    access.sign_in(console, w.lead.id, "2468")
    with console.acting(Action.MANAGE):
        access.sign_out(console)  # the desk locked meanwhile
        late = shifts.save_definition(console, "Late", time(18), time(23))
        access.sign_in(console, lead.id, LEAD_PIN)  # a team leader signed in meanwhile
        later = shifts.save_definition(console, "Later", time(19), time(23, 30))
    with console.db.transaction() as tx:
        actors = {r.actor for d in (late, later) for r in audit_store.history(tx, "shift_definitions", {"id": d.id})}
    assert actors == {"王丽"}
    with pytest.raises(NotPermittedError):  # after the block, the team leader's role decides again
        shifts.save_definition(console, "Latest", time(20), time(23, 30))


def test_an_import_the_role_may_not_do_is_refused_before_its_file_is_read(console, tmp_path):
    from app.domain.calls import FeedFormat
    from app.services.import_common import ImportRequest
    from app.services.imports import import_feed

    w, lead, morning = _world(console)
    access.sign_in(console, lead.id, LEAD_PIN)
    feed = tmp_path / "calls.csv"
    feed.write_text("call_id,queue,arrived_at,answered_at,ended_at,abandoned_at,agent,caller\n"
                    "c1,Q,2026-12-01T09:00:00,2026-12-01T09:00:05,2026-12-01T09:03:00,,Ann,13800138000\n",
                    encoding="utf-8")
    with pytest.raises(NotPermittedError):  # refused before the file is read: a team leader imports nothing
        import_feed(console, ImportRequest(path=feed, format=FeedFormat.CALLS_CSV, source="acd", tz="UTC"))
    from app.services import sources

    assert sources.list_sources(console) == ()


def test_the_signers_are_named_in_the_audit_trail_whoever_is_signed_in(console, tmp_path):
    hw = build_handover_world(console, tmp_path)
    h = ho.open_handover(console, hw.morning.id, hw.now)
    access.sign_in(console, hw.outgoing.id, PIN)  # 王丽 is at the desk; Li Ming signs with his own PIN
    ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now)
    with console.db.transaction() as tx:
        trail = audit_store.history(tx, "handovers", {"id": h.id})
    signed = [(r.actor, r.after) for r in trail if r.after and "signer_name" in r.after]
    assert [actor for actor, _after in signed] == [hw.outgoing.name, hw.incoming.name]


def test_statements_the_guard_must_not_miss(console):
    w, _lead, _m = _world(console)
    access.sign_in(console, w.viewer.id, "0000")
    statements = ["WITH x AS (SELECT 1) UPDATE shift_definitions SET name = name WHERE id IN (SELECT 1 FROM x)"]
    if console.db.dialect == "sqlite":
        statements += ["INSERT OR REPLACE INTO log_templates (id) VALUES (999)", "REPLACE INTO log_templates (id) "
                       "VALUES (999)", "UPDATE OR IGNORE shift_definitions SET name = name"]
    for sql in statements:
        with pytest.raises(NotPermittedError):
            with console.db.transaction() as tx:
                tx.connection().exec_driver_sql(sql)


def test_another_desk_changing_the_person_signed_in_applies_at_the_next_refresh(console):
    from app.services.console import Console

    w, lead, morning = _world(console)
    access.sign_in(console, w.lead.id, "2468")
    other = Console.open(console.db.engine.url.render_as_string(hide_password=False))  # another desk
    try:
        with other.db.transaction() as tx:  # makes 王丽 a team leader
            tx.connection().exec_driver_sql(f"UPDATE supervisors SET role = 'team_leader' WHERE id = {w.lead.id}")
        assert access.refresh(console).role is Role.TEAM_LEADER
        with pytest.raises(NotPermittedError):
            shifts.save_definition(console, "Late", time(18), time(23))
        with other.db.transaction() as tx:  # and then inactive
            false = "0" if console.db.dialect == "sqlite" else "false"
            tx.connection().exec_driver_sql(f"UPDATE supervisors SET active = {false} WHERE id = {w.lead.id}")
    finally:
        other.close()
    assert access.refresh(console) is None and access.signed_in(console) is None
