"""The handover session on the demo: the current shift (Morning, Grace Chen) hands over to the Afternoon."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.handover import STEPS, HandoverStatus, StepState
from app.domain.worklog import Category, Draft
from app.services import handover, people, shifts, worklog
from app.services.demo_roster import DEMO_PIN
from app.ui.handover.view import HandoverView
from tests.ui.conftest import NOW

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def session(desktop, qtbot):
    """The demo loaded, the handover view on the shift running now (the lead wires it in the window)."""
    desktop.window.load_demo()
    view = HandoverView(desktop.context)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    view.start()
    sups = {s.name: s for s in people.list_supervisors(desktop.context.console)}
    return desktop, view, sups


def test_the_view_opens_the_current_shifts_handover(session):
    desktop, view, sups = session
    h = view.handover
    assert view.view_id == "handover" and view.title_text() == "Handover"
    assert (h.outgoing.definition.name, h.incoming.definition.name) == ("Morning", "Afternoon")
    assert h.outgoing.day == NOW.date() and h.status is HandoverStatus.DRAFT
    assert view.badge.text() == "Draft: not signed"
    assert view.steps.count() == 7 and view.stack.currentIndex() == 0
    counts = view.sheet_page.counts
    assert counts.item(0, 0).text().endswith("Morning") and counts.item(1, 0).text().endswith("Afternoon")
    assert int(counts.item(0, 1).text()) == h.snapshot["sheet"]["outgoing"]["counts"]["scheduled"] > 0
    assert view.items_page.items.rowCount() == h.snapshot["item_counts"]["open"] > 0
    sl = view.pages["service_level"]
    source = h.snapshot["service_level"][0]
    assert sl.intervals.rowCount() == len(source["intervals"]) > 0
    assert "threshold 20 s" in sl.facts.text() and "target 80 %" in sl.facts.text()
    assert [label for label, _, _ in sl.chart.shown] == [i["label"] for i in source["intervals"]]
    preview = view.print_preview()  # a draft prints the snapshot built now
    assert preview.objectName() == "handover_preview" and preview.isVisible()
    preview.reject()


def pin(dialog, supervisor, code: str) -> None:
    """Answer a PIN dialog as `supervisor`, pressing OK."""
    dialog.who.setCurrentIndex(dialog.who.findData(supervisor.id))
    dialog.pin.setText(code)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_full_handover_signed_twice_and_read_back_frozen(session, qtbot, tmp_path):
    desktop, view, sups = session
    c = desktop.context.console
    grace, daniel = sups["Grace Chen"], sups["Daniel Wong"]
    h = view.handover
    assert h.outgoing.supervisor_id == grace.id and h.incoming.supervisor_id == daniel.id

    # The incoming supervisor is chosen: Daniel Wong becomes the afternoon's supervisor on duty.
    view.incoming_box.setCurrentIndex(view.incoming_box.findData(daniel.id))
    view.incoming_box.activated.emit(view.incoming_box.currentIndex())
    assert shifts.ensure_instance(c, h.incoming.day, h.incoming.definition.id).supervisor_id == daniel.id

    # Step 1: Daniel acknowledges a notice; a wrong PIN is refused in the dialog, which stays open.
    notice = next(n for n in view.handover.snapshot["sheet"]["notices"] if not n["acknowledged_by_incoming"])
    view.sheet_page.acknowledge_notice.emit(notice)
    dialog = view.dialog
    assert dialog.objectName() == "handover_notice_dialog" and dialog.who.currentData() == daniel.id
    pin(dialog, daniel, "0000")
    assert dialog.isVisible() and dialog.error.text() == "That is not the PIN of Daniel Wong. Try again."
    pin(dialog, daniel, DEMO_PIN)
    assert not dialog.isVisible()
    acked = next(n for n in view.handover.snapshot["sheet"]["notices"] if n["id"] == notice["id"])
    assert acked["acknowledged_by_incoming"] and "Daniel Wong" in acked["acknowledged_by"]
    row = [n["id"] for n in view.sheet_page.notice_rows].index(notice["id"])
    assert view.sheet_page.notices.item(row, 3).text() == "\u2713"

    # Next ticks the step and goes on (Ctrl+Right); Ctrl+Left goes back.
    view.setFocus()
    qtbot.keyClick(view.steps, Qt.Key.Key_Right, CTRL)
    assert view.current_step() == "items" and view.step_state("sheet") is StepState.DONE
    assert view.steps.item(0).checkState() == Qt.CheckState.Checked
    qtbot.keyClick(view.steps, Qt.Key.Key_Left, CTRL)
    assert view.current_step() == "sheet"
    view.next()

    # Step 2: take one item over, hand another to a new owner (by the incoming supervisor, in his shift).
    items = view.items_page
    first, second = items.rows[0], items.rows[1]
    items.select(first["id"])
    items.ack_button.click()
    assert not view.message.text().startswith("Choose")
    taken = next(i for i in view.handover.snapshot["items"] if i["id"] == first["id"])
    assert taken["acknowledged_by_incoming"]
    assert taken["acks"][-1]["by"] == "Daniel Wong" and taken["acks"][-1]["instance_id"] == h.incoming.id
    items.select(second["id"])
    items.owner_button.click()
    owner_dialog = view.dialog
    assert owner_dialog.objectName() == "handover_owner_dialog"
    owner_dialog.edit.setEditText("Loans team")
    owner_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not owner_dialog.isVisible()
    handed = next(i for i in view.handover.snapshot["items"] if i["id"] == second["id"])
    assert handed["acknowledged_by_incoming"] and handed["owner"] == "Loans team"
    assert view.handover.snapshot["item_counts"]["unacknowledged"] == len(items.rows) - 2
    row = [i["id"] for i in items.rows].index(second["id"])
    assert items.items.item(row, 3).text().startswith("\u2713 Daniel Wong") and "Loans team" in items.items.item(row, 3).text()

    # Steps 3 to 6, then the talk; Ctrl+S saves the progress (resumed when opened again).
    for _ in range(5):
        view.next()
    assert view.current_step() == "talk"
    view.talk_page.done.setChecked(True)
    view.talk_page.note.setPlainText("Watch the CRM fix at 12:00; Mr Wang expects a call.")
    qtbot.keyClick(view.talk_page.note, Qt.Key.Key_S, CTRL)
    stored = handover.get_handover(c, h.id)
    assert stored.talk_done and stored.note == "Watch the CRM fix at 12:00; Mr Wang expects a call."
    assert all(stored.step_state(s) is not StepState.TODO for s in STEPS[:6])
    assert stored.step_state("talk") is StepState.TODO and not view.dirty
    assert view.talk_page.note.toPlainText() == stored.note

    # The outgoing supervisor signs (wrong PIN first), then the incoming: the same person is refused, worded.
    view.sign_out_button.click()
    dialog = view.dialog
    assert dialog.objectName() == "handover_sign_outgoing_dialog" and dialog.who.currentData() == grace.id
    pin(dialog, grace, "9999")
    assert dialog.error.text() == "That is not the PIN of Grace Chen. Try again."
    assert handover.get_handover(c, h.id).status is HandoverStatus.DRAFT
    pin(dialog, grace, DEMO_PIN)
    assert view.handover.status is HandoverStatus.OUTGOING_SIGNED and view.read_only
    assert view.badge.text() == "✓ Verified · waiting for the incoming signature"
    assert not view.save_button.isEnabled() and view.sign_in_button.isEnabled()
    view.sign_in_button.click()
    dialog = view.dialog
    assert dialog.who.currentData() == daniel.id
    pin(dialog, grace, DEMO_PIN)
    assert dialog.error.text() == ("The incoming supervisor must be someone else: Grace Chen signed as outgoing "
                                   "already.")
    pin(dialog, daniel, DEMO_PIN)
    signed = view.handover
    assert signed.signed and signed.verified and view.badge.text() == "✓ Verified: matches its checksum"
    assert view.signatures.text().startswith("Outgoing: Grace Chen, signed 2026-11-27 11:15")
    assert "Incoming: Daniel Wong, signed" in view.signatures.text()
    assert not view.items_page.ack_button.isVisible() and view.talk_page.note.isReadOnly()

    # Reopened after the work log changed: the handover shows its frozen snapshot, still verified.
    worklog.add_entry(c, h.outgoing.id, Draft(Category.WORK_ITEM, "Written after signing: call Mrs Li back",
                                              owner="Grace Chen", due=NOW + timedelta(hours=2)),
                      "Grace Chen", NOW + timedelta(minutes=5))
    desktop.context.clock = lambda: NOW + timedelta(minutes=10)
    again = HandoverView(desktop.context)
    qtbot.addWidget(again)
    again.start()
    assert again.handover.id == h.id and again.handover.snapshot == signed.snapshot
    assert again.handover.verified and again.badge.text() == "✓ Verified: matches its checksum"
    texts = [again.items_page.items.item(r, 4).text() for r in range(again.items_page.items.rowCount())]
    assert "Written after signing: call Mrs Li back" not in texts and len(texts) == len(signed.snapshot["items"])
    live = handover.build_snapshot(c, h.id, NOW + timedelta(minutes=10))
    assert "Written after signing: call Mrs Li back" in [i["text"] for i in live["items"]]
    assert again.talk_page.done.isChecked() and not again.talk_page.done.isEnabled()

    # The report, printed from the signed snapshot.
    from pypdf import PdfReader

    path = again.print_pdf(str(tmp_path / "handover.pdf"))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "Grace Chen" in text and "Daniel Wong" in text and "Mr Wang" in text
    assert "Grace Chen, signed 2026-11-27 11:15" in text and "Watch the CRM fix at 12:00" in text


@pytest.fixture
def floor(desktop_any_db, qtbot):
    """Morning (Grace Chen, now) hands over to the Afternoon (Tom Baker); one item carried from yesterday."""
    from datetime import time

    from app.domain.notices import Priority
    from app.domain.people import Role

    desktop = desktop_any_db
    c = desktop.context.console
    morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
    afternoon = shifts.save_definition(c, "Afternoon", time(15), time(23, 30))
    grace = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, "2468")
    tom = people.add_supervisor(c, "Tom Baker", Role.SUPERVISOR, "1357")
    people.add_supervisor(c, "Mia Lopez", Role.VIEWER, "1111")
    today = shifts.ensure_instance(c, NOW.date(), morning.id)
    shifts.set_supervisor(c, today.id, grace.id)
    shifts.set_supervisor(c, shifts.ensure_instance(c, NOW.date(), afternoon.id).id, tom.id)
    yesterday = shifts.ensure_instance(c, NOW.date() - timedelta(days=1), afternoon.id)
    written = NOW - timedelta(hours=17)
    worklog.add_entry(c, yesterday.id, Draft(Category.WORK_ITEM, "Six headsets in zone B crackle", Priority.HIGH,
                                             event_at=written, owner="IT desk", due=NOW + timedelta(hours=2)),
                      "Tom Baker", written)
    view = HandoverView(desktop.context)
    qtbot.addWidget(view)
    view.show()
    view.start()
    return desktop, view, grace, tom


def test_progress_is_saved_and_resumed_and_a_tampered_snapshot_shows(floor, qtbot):
    from sqlalchemy import text

    desktop, view, grace, tom = floor
    c = desktop.context.console
    h = view.handover
    assert view.incoming_box.currentData() == tom.id  # the afternoon's supervisor on duty
    assert [view.incoming_box.itemText(i) for i in range(1, view.incoming_box.count())] == ["Grace Chen", "Tom Baker"]
    view.steps.item(0).setCheckState(Qt.CheckState.Checked)
    view.steps.setCurrentRow(2)
    view.next()  # no playbook ran: nothing to go through
    assert view.step_state("playbooks") is StepState.SKIPPED
    assert view.steps.item(2).text() == "3 Playbooks (nothing to go through)"
    view.talk_page.note.setPlainText("Headsets: IT comes at 14:00")
    # Taking the item over reads the handover again; what was ticked and typed stays.
    view.steps.setCurrentRow(1)
    view.items_page.ack_button.click()
    assert view.handover.snapshot["items"][0]["acknowledged_by_incoming"]
    assert view.talk_page.note.toPlainText() == "Headsets: IT comes at 14:00"
    assert view.steps.item(0).checkState() == Qt.CheckState.Checked and view.dirty
    view.save_button.click()

    resumed = HandoverView(desktop.context)
    qtbot.addWidget(resumed)
    resumed.start()
    assert resumed.handover.id == h.id and resumed.handover.status is HandoverStatus.DRAFT
    assert resumed.steps.item(0).checkState() == Qt.CheckState.Checked
    assert resumed.step_state("playbooks") is StepState.SKIPPED and resumed.step_state("items") is StepState.TODO
    assert resumed.talk_page.note.toPlainText() == "Headsets: IT comes at 14:00"

    # Another day and shift chosen with the pickers: that shift's own handover.
    resumed.day.setDate(resumed.day.date().addDays(-1))
    assert resumed.handover.outgoing.day == NOW.date() - timedelta(days=1) and resumed.handover.id != h.id
    assert not resumed.following
    # A day still to come: nothing opened (no draft written), said why.
    resumed.day.setDate(resumed.day.date().addDays(3))
    assert resumed.handover is None and resumed.message.text().startswith("This shift has not started yet")
    with c.db.transaction() as tx:
        assert tx.execute(text("SELECT count(*) FROM handovers")).scalar() == 2

    # Signing before the talk is ticked done: refused in words, the talk step shown, no PIN asked.
    view.dialog = None
    view.sign_outgoing()
    assert view.dialog is None and view.current_step() == "talk"
    assert view.message.text().startswith("Tick “face-to-face talk done” (step 7) before signing")
    assert handover.get_handover(c, h.id).status is HandoverStatus.DRAFT
    # Signed by Grace, then the stored snapshot is edited behind the application's back.
    view.talk_page.done.setChecked(True)
    view.sign_outgoing()
    pin(view.dialog, grace, "2468")
    assert view.handover.frozen and view.badge.text().startswith("✓ Verified")
    with c.db.transaction() as tx:
        stored = tx.execute(text("SELECT snapshot FROM handovers WHERE id = :id"), {"id": h.id}).scalar()
        tx.execute(text("UPDATE handovers SET snapshot = :s WHERE id = :id"),
                   {"s": stored.replace("Headsets: IT comes at 14:00", "All fine"), "id": h.id})
    view.refresh()
    assert view.badge.text() == "✗ Changed behind its checksum"
    view.sign_incoming()
    pin(view.dialog, tom, "1357")
    assert view.dialog.error.text().startswith("The signed snapshot no longer matches its checksum")
    assert handover.get_handover(c, h.id).status is HandoverStatus.OUTGOING_SIGNED


def test_the_service_level_step_names_queues_with_thresholds_of_their_own(qtbot):
    from app.printing.handover_report import report_words
    from app.ui.handover.pages import ServiceLevelPage

    page = ServiceLevelPage()
    qtbot.addWidget(page)
    interval = {"start": "2026-11-27T10:00:00+08:00", "label": "10:00", "offered": 12, "answered": 10,
                "abandoned": 2, "service_level": 50.0, "below_target": True, "provisional": False,
                "asa_seconds": 31.0, "aht_seconds": 200.0}
    source = {"source": "bank", "definition": "offered", "threshold_seconds": None,
              "queue_thresholds": {"vip": 10.0, "sales": 20.0}, "target_percent": 80.0, "vendor_rule": None,
              "offered": 12, "service_level": 50.0, "intervals": [interval], "worst": [interval | {"notes": []}]}
    page.show_snapshot({"service_level": [source]}, report_words(), True)
    assert "threshold sales 20 · vip 10 s" in page.facts.text()
    assert "'answered within T / offered'" in page.facts.text()
    assert page.intervals.rowCount() == 1 and page.intervals.item(0, 4).text() == "50.0 %"
