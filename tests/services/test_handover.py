"""The on-site handover on SQLite and PostgreSQL: a draft resumed, the checklist saved, the snapshot's figures,
the signing order, wrong PINs, one person cannot sign twice, the snapshot frozen by the outgoing signature,
the shift handed over with the incoming signature, and a stored snapshot edited behind the application's back."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta, timezone

import pytest
from sqlalchemy import text

from app.domain.attendance import AttendanceStatus, Mark
from app.domain.errors import InvalidSettingError, UnknownSiteError, WrongPinError
from app.domain.handover import HandoverStateError, HandoverStatus, StepState, TamperedSnapshotError, canonical_json
from app.domain.handover import seal, signature_block
from app.domain.shifts import ShiftStatus
from app.services import handover as ho
from app.services import sheet, shifts, worklog
from tests.services.handover_world import DAY, OTHER_PIN, PIN, build_handover_world
from tests.services.shift_world import at


@pytest.fixture
def hw(console, tmp_path):
    return build_handover_world(console, tmp_path)


def test_a_draft_is_opened_once_and_resumed_with_its_checklist(console, hw):
    h = ho.open_handover(console, hw.morning.id, hw.now)
    assert h.status is HandoverStatus.DRAFT and not h.frozen and h.verified and h.snapshot is None
    assert (h.outgoing.id, h.incoming.id) == (hw.morning.id, hw.evening.id)
    assert (h.outgoing_supervisor_id, h.incoming_supervisor_id) == (hw.outgoing.id, hw.incoming.id)
    assert h.steps == tuple((name, StepState.TODO) for name in
                            ("sheet", "items", "playbooks", "seats", "service_level", "long_calls", "talk"))
    saved = ho.save_progress(console, h.id, {1: "done", "items": StepState.DONE, 3: "skipped"}, False,
                             "  CRM slow after 10  ", hw.now + timedelta(minutes=2))
    assert saved.step_state("sheet") is StepState.DONE and saved.step_state("playbooks") is StepState.SKIPPED
    assert saved.note == "CRM slow after 10" and saved.updated_at == hw.now + timedelta(minutes=2)
    again = ho.open_handover(console, hw.morning.id, hw.now + timedelta(minutes=5))
    assert again.id == h.id and again.steps == saved.steps and again.note == "CRM slow after 10"
    # steps not named keep their state; unknown steps and states are refused
    more = ho.save_progress(console, h.id, {"talk": "done"}, True, "CRM slow after 10", hw.now)
    assert more.step_state("sheet") is StepState.DONE and more.step_state("talk") is StepState.DONE and more.talk_done
    with pytest.raises(InvalidSettingError, match="no such step"):
        ho.save_progress(console, h.id, {8: "done"}, True, "", hw.now)
    with pytest.raises(InvalidSettingError, match="todo, done or skipped"):
        ho.save_progress(console, h.id, {"sheet": "maybe"}, True, "", hw.now)
    assert ho.handover_of(console, hw.morning.id).id == h.id and ho.handover_of(console, hw.evening.id) is None


def test_the_incoming_shift_is_the_next_slot_across_midnight(console, hw):
    night = shifts.ensure_instance(console, DAY, hw.world.night.id)
    h = ho.open_handover(console, night.id, at(console, DAY + timedelta(days=1), 7, 10))
    nxt = h.incoming
    assert (nxt.definition.name, nxt.day) == ("早班", DAY + timedelta(days=1))


def test_the_snapshot_holds_every_figure_of_the_seven_steps(console, hw):
    h = ho.open_handover(console, hw.morning.id, hw.now)
    ho.save_progress(console, h.id, {1: "done"}, True, "all clear", hw.now)
    s = ho.build_snapshot(console, h.id, hw.now)
    assert json.loads(canonical_json(s)) == s  # plain JSON
    assert (s["outgoing"]["shift"], s["incoming"]["shift"], s["outgoing"]["supervisor"]) == ("早班", "Evening", "王丽")
    out = s["sheet"]["outgoing"]
    assert out["counts"] == {"scheduled": 4, "present": 2, "late": 1, "absent": 0, "leave": 1, "swapped": 0,
                               "left_early": 0, "unmarked": 0, "expected": 3}
    assert [(e["name"], e["status"]) for e in out["exceptions"]] == [("Anna Li", "late"), ("李娜", "leave")]
    assert s["sheet"]["incoming"]["counts"]["scheduled"] == 2
    [notice] = s["sheet"]["notices"]
    assert (notice["title"], notice["acknowledged_by"], notice["acknowledged_by_incoming"]) == (
        "Refund rule from 12-01", ["Li Ming"], True)
    [item] = s["items"]
    assert (item["text"], item["owner"], item["acknowledged_by_incoming"]) == (
        "Call back about the double charge", "Anna Li", False)
    assert s["item_counts"] == {"open": 1, "overdue": 0, "unacknowledged": 1}
    [sl] = s["service_level"]
    assert (sl["source"], sl["definition"], sl["threshold_seconds"], sl["target_percent"]) == ("acd", "offered", 20.0, 80.0)
    assert [(i["label"], i["offered"], i["service_level"]) for i in sl["intervals"] if i["offered"]] == [
        ("09:00", 4, 100.0), ("10:00", 4, 25.0), ("11:00", 2, 50.0)]
    assert (sl["offered"], sl["service_level"]) == (10, 60.0)
    assert [(w["label"], [n["text"] for n in w["notes"]]) for w in sl["worst"]] == [
        ("10:00", ["CRM slow, calls held longer"]), ("11:00", [])]
    assert s["seats"]["incoming_expected"] == 2 and s["seats"]["unseated"] == ["Eve Free", "Zhang Wei"]
    assert s["playbooks"] == {"finished": [], "active": []} and s["long_calls"] == []
    assert s["talk"] == {"done": True, "note": "all clear"} and s["steps"]["sheet"] == "done"
    # the incoming supervisor acknowledges the carried item: the next snapshot says so
    worklog.acknowledge(console, hw.follow_up.id, hw.evening.id, "Li Ming", hw.now)
    [item] = ho.build_snapshot(console, h.id, hw.now)["items"]
    assert item["acknowledged_by_incoming"] and item["acks"][0]["by"] == "Li Ming"


def test_signing_order_pins_and_one_person_per_side(console, hw):
    h = ho.open_handover(console, hw.morning.id, hw.now)
    with pytest.raises(HandoverStateError, match="outgoing supervisor signs first") as refused:
        ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now)
    assert refused.value.state == "outgoing_not_signed"
    with pytest.raises(WrongPinError):
        ho.sign_outgoing(console, h.id, hw.outgoing.id, "0000", hw.now, talk_done=True)
    assert ho.get_handover(console, h.id).status is HandoverStatus.DRAFT
    with pytest.raises(HandoverStateError, match="viewer"):
        ho.sign_outgoing(console, h.id, hw.world.viewer.id, "0000", hw.now, talk_done=True)
    signed = ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    assert signed.status is HandoverStatus.OUTGOING_SIGNED and signed.frozen and signed.verified
    assert (signed.outgoing_signature.supervisor_name, signed.outgoing_signature.at) == ("王丽", hw.now)
    with pytest.raises(HandoverStateError, match="signed already"):
        ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    with pytest.raises(HandoverStateError) as same:
        ho.sign_incoming(console, h.id, hw.outgoing.id, PIN, hw.now)
    assert same.value.state == "same_person"
    with pytest.raises(WrongPinError):
        ho.sign_incoming(console, h.id, hw.incoming.id, PIN, hw.now)
    with pytest.raises(HandoverStateError, match="can no longer change"):
        ho.save_progress(console, h.id, {1: "todo"}, False, "later", hw.now)
    assert shifts.ensure_instance(console, DAY, hw.world.morning.id).status is ShiftStatus.PLANNED
    later = hw.now + timedelta(minutes=4)
    both = ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, later)
    assert both.status is HandoverStatus.SIGNED and both.signed and both.verified
    assert (both.incoming_signature.supervisor_name, both.incoming_signature.at) == ("Li Ming", later)
    # Each seal covers the snapshot and the signatures so far: the incoming one differs from the outgoing one.
    out = both.outgoing_signature
    assert out.checksum == seal(both.snapshot, signature_block(out.supervisor_id, "王丽", out.at))
    assert both.incoming_signature.checksum == seal(both.snapshot, signature_block(out.supervisor_id, "王丽", out.at),
                                                    signature_block(hw.incoming.id, "Li Ming", later))
    assert both.outgoing.status is ShiftStatus.HANDED_OVER
    assert shifts.ensure_instance(console, DAY, hw.world.morning.id).status is ShiftStatus.HANDED_OVER
    assert shifts.ensure_instance(console, DAY, hw.world.evening.id).status is ShiftStatus.OPEN
    with pytest.raises(HandoverStateError, match="signed by both"):
        ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, later)
    # opening the shift's handover again reads the signed one
    assert ho.open_handover(console, hw.morning.id, later).status is HandoverStatus.SIGNED


def test_the_signed_snapshot_is_frozen_and_verified(console, hw):
    h = ho.open_handover(console, hw.morning.id, hw.now)
    ho.save_progress(console, h.id, {n: "done" for n in range(1, 8)}, True, "all clear", hw.now)
    signed = ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    frozen = signed.snapshot
    text_now = canonical_json(frozen)
    block = canonical_json({"outgoing": {"at": "%s" % hw.now.astimezone(timezone.utc).replace(microsecond=0)
                                                                   .isoformat(),
                                         "id": hw.outgoing.id, "name": "王丽"}})
    assert signed.outgoing_signature.checksum == hashlib.sha256((text_now + "\n" + block).encode("utf-8")).hexdigest()
    # the floor goes on: the log, the attendance and the notice change after the signature
    worklog.edit_entry(console, hw.crm_note.id, {"text": "CRM down 10:05-10:40"}, "王丽", hw.now, 1)
    sheet.mark(console, hw.morning.id, hw.world.agents["1004"].id, Mark(AttendanceStatus.LEFT_EARLY,
               left_at=hw.now), "王丽", hw.now)
    ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now + timedelta(minutes=3))
    read = ho.get_handover(console, h.id, strict=True)
    assert read.verified and read.snapshot == frozen
    assert read.snapshot["service_level"][0]["worst"][0]["notes"][0]["text"] == "CRM slow, calls held longer"
    assert read.snapshot["sheet"]["outgoing"]["counts"]["present"] == 2
    live = ho.build_snapshot(console, h.id, hw.now + timedelta(minutes=5))
    assert live["service_level"][0]["worst"][0]["notes"][0]["text"] == "CRM down 10:05-10:40"
    assert live["sheet"]["outgoing"]["counts"]["left_early"] == 1
    assert ho.with_live_snapshot(console, read, hw.now).snapshot == frozen


def test_a_snapshot_edited_in_the_database_is_not_verified(console, hw):
    h = ho.open_handover(console, hw.morning.id, hw.now)
    ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    with console.db.transaction() as tx:
        stored = tx.execute(text("SELECT snapshot FROM handovers WHERE id = :id"), {"id": h.id}).scalar()
        edited = stored.replace('"late":1', '"late":0')
        assert edited != stored
        tx.execute(text("UPDATE handovers SET snapshot = :s WHERE id = :id"), {"s": edited, "id": h.id})
    read = ho.get_handover(console, h.id)
    assert read.verified is False and read.snapshot["sheet"]["outgoing"]["counts"]["late"] == 0
    with pytest.raises(TamperedSnapshotError, match="does not match its checksum"):
        ho.get_handover(console, h.id, strict=True)
    with pytest.raises(TamperedSnapshotError):  # the incoming does not sign an edited snapshot
        ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now)
    with console.db.transaction() as tx:
        tx.execute(text("UPDATE handovers SET snapshot = 'not json' WHERE id = :id"), {"id": h.id})
    broken = ho.get_handover(console, h.id)
    assert broken.verified is False and broken.snapshot is None


def test_the_signatures_are_sealed_too(console, hw):
    """A signer, a signing time or a name changed in the database shows; renaming a supervisor or the site later
    changes nothing of a signed handover; a signed row without its snapshot is not verified."""
    h = ho.open_handover(console, hw.morning.id, hw.now)
    ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    signed = ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now + timedelta(minutes=2))
    assert signed.verified and signed.site_name == "Main site"
    # Renamed later: the signed handover keeps the names as signed, still verified.
    with console.db.transaction() as tx:
        tx.execute(text("UPDATE supervisors SET name = '王丽 (retired)' WHERE id = :id"), {"id": hw.outgoing.id})
        tx.execute(text("UPDATE sites SET name = 'Renamed site' WHERE id = :id"), {"id": signed.site_id})
    read = ho.get_handover(console, h.id, strict=True)
    assert read.verified and read.outgoing_signature.supervisor_name == "王丽" and read.site_name == "Main site"
    for column, value in (("outgoing_signed_at", hw.now - timedelta(hours=5)),
                          ("incoming_supervisor_id", hw.outgoing.id),
                          ("incoming_signer_name", "Somebody else")):
        with console.db.transaction() as tx:
            kept = tx.execute(text(f"SELECT {column} FROM handovers WHERE id = :id"), {"id": h.id}).scalar()
            tx.execute(text(f"UPDATE handovers SET {column} = :v WHERE id = :id"), {"v": value, "id": h.id})
        assert ho.get_handover(console, h.id).verified is False, column
        with pytest.raises(TamperedSnapshotError):
            ho.get_handover(console, h.id, strict=True)
        with console.db.transaction() as tx:
            tx.execute(text(f"UPDATE handovers SET {column} = :v WHERE id = :id"), {"v": kept, "id": h.id})
        assert ho.get_handover(console, h.id).verified, column
    with console.db.transaction() as tx:
        tx.execute(text("UPDATE handovers SET snapshot = NULL, outgoing_checksum = NULL, incoming_checksum = NULL "
                        "WHERE id = :id"), {"id": h.id})
    assert ho.get_handover(console, h.id).verified is False


def test_signing_needs_the_talk_done_and_a_draft_unchanged_meanwhile(console, hw):
    h = ho.open_handover(console, hw.morning.id, hw.now)
    with pytest.raises(HandoverStateError) as refused:
        ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now)
    assert refused.value.state == "talk_not_done"
    assert ho.get_handover(console, h.id).status is HandoverStatus.DRAFT
    # The checklist, talk and note given with the signature are stored with it, in the snapshot too.
    signed = ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, {1: "done", 2: "done"}, True, "Bye")
    assert (signed.talk_done, signed.note, signed.step_state("items")) == (True, "Bye", StepState.DONE)
    assert signed.snapshot["talk"] == {"done": True, "note": "Bye"} and signed.snapshot["steps"]["sheet"] == "done"


def test_a_draft_changed_at_another_desk_while_signing_is_refused(console, hw, monkeypatch):
    from app.services import handover_snapshot

    h = ho.open_handover(console, hw.morning.id, hw.now)
    real = handover_snapshot.snapshot_of

    def meanwhile(*args):
        built = real(*args)
        ho.save_progress(console, h.id, {3: "done"}, True, "written at desk 2", hw.now + timedelta(seconds=30))
        return built

    monkeypatch.setattr(ho, "snapshot_of", meanwhile)
    with pytest.raises(HandoverStateError) as refused:
        ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now + timedelta(minutes=1), talk_done=True)
    assert refused.value.state == "changed"
    stored = ho.get_handover(console, h.id)
    assert stored.status is HandoverStatus.DRAFT and stored.note == "written at desk 2"


def test_before_signing_the_supervisors_are_those_on_duty_now(console, hw):
    h = ho.open_handover(console, hw.morning.id, hw.now)
    assert h.incoming_supervisor_id == hw.incoming.id
    shifts.set_supervisor(console, h.incoming.id, hw.outgoing.id)
    assert ho.get_handover(console, h.id).incoming_supervisor_id == hw.outgoing.id


def test_find_handover_by_site_day_and_outgoing_shift(console, hw):
    assert ho.find_handover(console, None, DAY, "早班") is None
    h = ho.open_handover(console, hw.morning.id, hw.now)
    assert ho.find_handover(console, None, DAY, "早班").id == h.id
    assert ho.find_handover(console, "Main site", DAY, "早班").id == h.id
    assert ho.find_handover(console, None, DAY, "Evening") is None
    assert ho.find_handover(console, None, DAY + timedelta(days=1), "早班") is None
    with pytest.raises(InvalidSettingError, match="no such shift"):
        ho.find_handover(console, None, DAY, "Brunch")
    with pytest.raises(UnknownSiteError):
        ho.find_handover(console, "Nowhere", DAY, "早班")


def test_the_snapshot_lists_the_runs_and_the_seats(console, hw):
    from app.domain.playbooks import StepState as Mark
    from app.services import playbooks, seating

    playbooks.install_defaults(console, "en")
    first, second = playbooks.list_playbooks(console)[:2]
    done = playbooks.start_run(console, first.id, hw.morning.id, "王丽", at(console, DAY, 11), None)
    playbooks.mark_step(console, done.id, 1, Mark.DONE, "王丽", at(console, DAY, 11, 5), None)
    playbooks.close_run(console, done.id, "back to normal", "王丽", at(console, DAY, 11, 30), None)
    running = playbooks.start_run(console, second.id, hw.morning.id, "王丽", at(console, DAY, 14), None)
    floor = seating.add_floor(console, "3F")
    s1 = seating.add_seat(console, floor.id, "A-01", 0, 0)
    s2 = seating.add_seat(console, floor.id, "A-02", 1, 0)
    seating.set_out_of_service(console, s2.id, "headset broken", None, "王丽", at(console, DAY, 8))
    seating.assign(console, hw.evening.id, s1.id, hw.world.agents["1005"].id, "王丽", at(console, DAY, 14, 30))
    h = ho.open_handover(console, hw.morning.id, hw.now)
    s = ho.build_snapshot(console, h.id, hw.now)
    [fin] = s["playbooks"]["finished"]
    assert (fin["id"], fin["title"], fin["status"], fin["outcome"], fin["steps_marked"]) == (
        done.id, first.title, "closed", "back to normal", 1)
    [act] = s["playbooks"]["active"]
    assert (act["id"], act["status"], act["next_step"], act["next_step_text"]) == (
        running.id, "active", 1, second.steps[0].text)
    assert [(o["code"], o["reason"], o["floor"]) for o in s["seats"]["out_of_service"]] == [("A-02", "headset broken", "3F")]
    assert (s["seats"]["seats"], s["seats"]["incoming_seated"], s["seats"]["unseated"]) == (2, 1, ["Zhang Wei"])
    # the running playbook's work-log entry is an open item the incoming shift takes over
    assert any(i["category"] == "incident" and i["status"] == "in_progress" for i in s["items"])
