"""`verify_trail` on SQLite and PostgreSQL after a shift written through the services (attendance, work log, a
handover signed by both): intact; then rows changed behind the application's back with SQL are reported by table
and row; a service call that fails after writing leaves no record."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from app.domain.attendance import AttendanceStatus, Mark
from app.domain.audit import record_hash
from app.domain.worklog import Category, Draft
from app.services import handover as ho
from app.services import sheet, worklog
from app.services.audit import acting_as, verify_trail
from app.storage import audit as audit_store
from app.storage import worklog as log_store
from tests.services.handover_world import OTHER_PIN, PIN, build_handover_world

SEAL = "the signed snapshot or its signatures no longer match the seal (changed after signing)"


@pytest.fixture
def shift(console, tmp_path):
    """The handover world, then one more entry and mark, and the handover signed by both supervisors."""
    hw = build_handover_world(console, tmp_path)
    entry = worklog.add_entry(console, hw.morning.id, Draft(Category.INCIDENT, "Headset broken at seat B-07"),
                              "王丽", hw.now - timedelta(minutes=20))
    sheet.mark(console, hw.morning.id, hw.world.agents["1004"].id, Mark(AttendanceStatus.LEFT_EARLY,
               left_at=hw.now - timedelta(minutes=30)), "王丽", hw.now - timedelta(minutes=25))
    h = ho.open_handover(console, hw.morning.id, hw.now)
    ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now + timedelta(minutes=3))
    return hw, entry, h


def records(console) -> list:
    with console.db.transaction() as tx:
        return list(audit_store.records(tx))


def sql(console, statement: str, **params) -> None:
    with console.db.engine.begin() as conn:
        conn.execute(text(statement), params)


def lines(report) -> list[str]:
    return [f.line() for f in report.findings]


def test_a_shift_written_through_the_services_is_in_the_trail_and_verifies(console, shift):
    hw, entry, h = shift
    report = verify_trail(console)
    assert report.intact and lines(report) == [] and report.first_break is None
    trail = records(console)
    assert report.records == len(trail) and report.head.count == len(trail) and report.handovers_checked == 1
    assert report.rows_compared == len({(r.table, r.row_key) for r in trail if r.row_key != "null"})
    written = {(r.table, json.loads(r.row_key)["id"] if r.row_key.startswith('{"id"') else r.row_key): r
               for r in trail if r.action == "insert"}
    log = written[("log_entries", entry.id)]
    assert log.actor == "王丽" and json.loads(log.after)["text"] == "Headset broken at seat B-07"
    marks = [r for r in trail if r.table == "attendance_marks"]
    assert json.loads(marks[-1].after)["status"] == "left_early" and marks[-1].actor == "王丽"
    signed = [r for r in trail if r.table == "handovers" and r.action == "update"
              and "status" in json.loads(r.after)]
    assert [json.loads(r.after)["status"] for r in signed] == ["outgoing_signed", "signed"]
    assert [r.actor for r in signed] == ["王丽", "Li Ming"]  # the signer's name as signed
    assert json.loads(signed[0].before)["status"] == "draft"
    assert json.loads(signed[0].after)["snapshot"].startswith("{")


def test_an_audit_record_edited_in_the_database_is_reported(console, shift):
    _hw, entry, _h = shift
    target = next(r for r in records(console) if r.table == "log_entries" and r.row_key == f'{{"id":{entry.id}}}')
    sql(console, "UPDATE audit_log SET after = :after WHERE id = :id",
        after=target.after.replace("Headset broken", "Nothing happened"), id=target.id)
    report = verify_trail(console)
    assert lines(report) == [
        f"audit_log {target.id}: hash does not match the record's content (changed after it was written: insert "
        f"of log_entries {{\"id\":{entry.id}}})",
        f'log_entries {entry.id}: text is "Headset broken at seat B-07", the trail says "Nothing happened at '
        f'seat B-07" (changed outside the application; last audit record {target.id})',
    ]
    assert report.first_break == target.id
    # the forger recomputes its hash too: the next record's link breaks instead
    changed = target.after.replace("Headset broken", "Nothing happened")
    digest = record_hash(target.prev_hash, target.id, target.at, target.actor, target.table, target.row_key,
                         target.action, target.before, changed)
    sql(console, "UPDATE audit_log SET hash = :h WHERE id = :id", h=digest, id=target.id)
    report = verify_trail(console)
    assert f"audit_log {target.id + 1}: chain broken: prev_hash does not match the hash of record {target.id} " \
           f"(that record or an earlier one was rewritten)" in lines(report)
    assert report.first_break == target.id + 1
    # and the entry as stored no longer says what the (forged) trail says
    assert f'log_entries {entry.id}: text is "Headset broken at seat B-07", the trail says "Nothing happened at ' \
           f'seat B-07" (changed outside the application; last audit record {target.id})' in lines(report)


def test_a_signed_handover_edited_in_the_database_is_reported(console, shift):
    _hw, _entry, h = shift
    with console.db.transaction() as tx:
        snapshot = tx.execute(text("SELECT snapshot FROM handovers WHERE id = :id"), {"id": h.id}).scalar()
    assert '"CRM slow, calls held longer"' in snapshot
    sql(console, "UPDATE handovers SET snapshot = :s WHERE id = :id",
        s=snapshot.replace("CRM slow, calls held longer", "all calm"), id=h.id)
    report = verify_trail(console)
    found = lines(report)
    assert f"handovers {h.id}: {SEAL}" in found
    assert any(line.startswith(f"handovers {h.id}: snapshot is ") and "changed outside the application" in line
               for line in found)
    assert len(found) == 2 and report.first_break is None


def test_the_last_audit_record_deleted_and_a_record_in_the_middle_are_reported(console, shift):
    trail = records(console)
    last = trail[-1]
    sql(console, "DELETE FROM audit_log WHERE id = :id", id=last.id)
    found = lines(verify_trail(console))
    assert found[0] == (f"audit_head 1: records deleted at the end: the head records {last.id} ending at id {last.id}, "
                        f"the trail holds {last.id - 1} ending at id {last.id - 1} (missing {last.id})")
    middle = trail[len(trail) // 2]
    sql(console, "DELETE FROM audit_log WHERE id = :id", id=middle.id)
    report = verify_trail(console)
    assert report.first_break == middle.id + 1
    assert f"audit_log {middle.id + 1}: the records before it are missing (id {middle.id} deleted)" in lines(report)


def test_rows_changed_or_deleted_with_sql_are_reported_by_table_and_row(console, shift):
    _hw, entry, _h = shift
    sql(console, "UPDATE log_entries SET text = 'nothing to see' WHERE id = :id", id=entry.id)
    sql(console, "DELETE FROM notice_acks")
    with console.db.transaction() as tx:
        ack = tx.execute(text("SELECT min(id) FROM audit_log WHERE table_name = 'notice_acks'")).scalar()
    key = json.dumps({"id": entry.id}, separators=(",", ":"))
    last = max(r.id for r in records(console) if r.table == "log_entries" and r.row_key == key)
    found = lines(verify_trail(console))
    assert found == [
        f'log_entries {entry.id}: text is "nothing to see", the trail says "Headset broken at seat B-07" '
        f"(changed outside the application; last audit record {last})",
        f"notice_acks 1: deleted outside the application (last audit record {ack})",
    ]


def test_a_service_call_that_fails_after_writing_leaves_no_record(console, shift, monkeypatch):
    hw, _entry, _h = shift
    before = records(console)
    real = log_store.add_entry

    def written_then_failed(tx, *args, **kwargs):
        real(tx, *args, **kwargs)
        tx.flush()
        raise RuntimeError("disk full")

    monkeypatch.setattr(log_store, "add_entry", written_then_failed)
    with pytest.raises(RuntimeError, match="disk full"):
        worklog.add_entry(console, hw.morning.id, Draft(Category.OTHER, "never stored"), "王丽", hw.now)
    assert records(console) == before and verify_trail(console).intact
    monkeypatch.undo()
    with acting_as("Team lead Zhou"):
        kept = worklog.add_entry(console, hw.morning.id, Draft(Category.OTHER, "stored"), "王丽", hw.now)
    new = records(console)[len(before):]
    assert [(r.table, r.action, r.actor) for r in new] == [("log_entries", "insert", "Team lead Zhou"),
                                                           ("log_entry_revisions", "insert", "Team lead Zhou")]
    assert json.loads(new[0].row_key) == {"id": kept.id} and verify_trail(console).intact


def test_a_row_added_with_sql_and_a_baseline_changed_to_hide_it_are_reported(console, shift):
    hw, entry, _h = shift
    sql(console, "INSERT INTO log_entry_acks (entry_id, instance_id, by, at, owner) "
                 "VALUES (:e, :i, 'Forger', '2026-12-01 16:00:00', '')", e=entry.id, i=hw.evening.id)
    with console.db.transaction() as tx:
        forged = tx.execute(text("SELECT id FROM log_entry_acks WHERE by = 'Forger'")).scalar()
        baseline = tx.execute(text("SELECT baseline FROM audit_head")).scalar()
    assert lines(verify_trail(console)) == [f"log_entry_acks {forged}: no audit record wrote this row (added outside "
                                            f"the application; the trail began after id 0)"]
    assert json.loads(baseline)["log_entry_acks"] == 0
    sql(console, "UPDATE audit_head SET baseline = :b",
        b=baseline.replace('"log_entry_acks":0', f'"log_entry_acks":{forged}'))
    report = verify_trail(console)
    assert lines(report) == ["audit_log 1: chain broken: prev_hash does not match the genesis hash of the trail's "
                             "baseline (the baseline in audit_head was changed)"]
    assert report.first_break == 1
