"""The whole flow in the real window on the demo site: the outgoing supervisor prepares the next shift's agenda
(Ctrl+8), the two supervisors go through the handover (Ctrl+7), the incoming takes over every open item, both sign
with their PIN; the log is edited afterwards; the console is opened again on the same database and the signed
handover reads back unchanged and verified."""

from __future__ import annotations

from datetime import timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.handover import HandoverStatus
from app.domain.meetings import PartKind
from app.domain.worklog import Category, Draft
from app.services import handover, meetings, people, worklog
from app.services.demo_roster import DEMO_PIN
from app.services.lane import InlineLane
from app.ui.actions import ActionId
from tests.ui.conftest import NOW

CTRL = Qt.KeyboardModifier.ControlModifier


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def pin(dialog, supervisor, code: str) -> None:
    dialog.who.setCurrentIndex(dialog.who.findData(supervisor.id))
    dialog.pin.setText(code)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_agenda_handover_two_signatures_and_the_signed_handover_reopened_unchanged(desktop, qtbot, tmp_path):
    app, window = desktop, desktop.window
    window.resize(1280, 820)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.load_demo()
    c = app.context.console
    sups = {s.name: s for s in people.list_supervisors(c)}
    grace, daniel = sups["Grace Chen"], sups["Daniel Wong"]

    # 1. The pre-shift agenda of the next shift (the afternoon), prepared by the demo: lengthened and saved again.
    window.actions[ActionId.VIEW_MEETINGS].trigger()
    assert window.current_view_id() == "meetings"
    panel = window.meetings.agenda
    agenda = panel.agenda
    assert (agenda.shift_name, agenda.prepared, agenda.revision) == ("Afternoon", True, 1)
    notices = [p.kind for p in agenda.parts].index(PartKind.NOTICES)
    minutes = agenda.parts[notices].minutes
    panel.parts.setCurrentCell(notices, 0)
    assert panel.notices.rowCount() >= 1
    panel.set_minutes(notices, minutes + 2)
    panel.set_where(0, "CRM › Notices › Card fees")
    assert panel.dirty
    panel.parts.setFocus()
    qtbot.keyClick(panel.parts, Qt.Key.Key_S, CTRL)  # refused: the meeting would run into the shift
    assert panel.message.text().startswith("The meeting ends at 15:02, 2 min after the shift starts at 15:00")
    assert meetings.get_agenda(c, agenda.instance_id).revision == 1
    panel.fit_button.click()  # start 2 minutes earlier
    qtbot.keyClick(panel.parts, Qt.Key.Key_S, CTRL)
    saved = meetings.get_agenda(c, agenda.instance_id)
    assert saved.revision == 2 and saved.part(PartKind.NOTICES).minutes == minutes + 2
    assert saved.part(PartKind.NOTICES).notices[0].where == "CRM › Notices › Card fees"
    assert [r[0] for r in meetings.agenda_revisions(c, agenda.instance_id)] == [1, 2]  # the demo's is kept
    printed = pdf_text(panel.print_pdf(str(tmp_path / "agenda.pdf")))
    assert "Afternoon" in printed and "CRM › Notices › Card fees" in printed

    # 2. The handover of the shift running now (the morning, Grace Chen) to the afternoon.
    window.actions[ActionId.VIEW_HANDOVER].trigger()
    assert window.current_view_id() == "handover"
    view = window.handover
    h = view.handover
    assert (h.outgoing.definition.name, h.incoming.definition.name, h.status) == ("Morning", "Afternoon",
                                                                                  HandoverStatus.DRAFT)
    view.incoming_box.setCurrentIndex(view.incoming_box.findData(daniel.id))
    view.incoming_box.activated.emit(view.incoming_box.currentIndex())
    view.steps.setFocus()
    qtbot.keyClick(view.steps, Qt.Key.Key_Right, CTRL)
    assert view.current_step() == "items"

    # Every open item taken over by the incoming supervisor.
    items = view.items_page
    open_items = [i["id"] for i in items.rows if not i["acknowledged_by_incoming"]]
    assert len(open_items) >= 3
    for item_id in open_items:
        items.select(item_id)
        items.ack_button.click()
    snap = view.handover.snapshot
    assert snap["item_counts"]["unacknowledged"] == 0
    assert all(i["acknowledged_by_incoming"] for i in snap["items"])
    taken = {i["id"]: i for i in snap["items"]}
    assert {taken[i]["acks"][-1]["by"] for i in open_items} == {"Daniel Wong"}

    # Steps 3 to 6 with Ctrl+Right, the talk, both signatures.
    for _ in range(5):
        qtbot.keyClick(view.steps, Qt.Key.Key_Right, CTRL)
    assert view.current_step() == "talk"
    view.talk_page.done.setChecked(True)
    view.talk_page.note.setPlainText("Card-fee notice explained; the CRM fix is due at 14:00.")
    view.sign_out_button.click()
    pin(view.dialog, grace, DEMO_PIN)
    assert view.handover.status is HandoverStatus.OUTGOING_SIGNED
    view.sign_in_button.click()
    pin(view.dialog, daniel, DEMO_PIN)
    signed = view.handover
    assert signed.signed and signed.verified and view.badge.text() == "✓ Verified: matches its checksum"
    frozen = signed.snapshot
    assert frozen["talk"] == {"done": True, "note": "Card-fee notice explained; the CRM fix is due at 14:00."}

    # 3. The log goes on: an item taken over is edited, a new entry written.
    first = worklog.get_entry(c, open_items[0])
    worklog.edit_entry(c, first.id, {"text": "Edited after the handover"}, "Daniel Wong",
                       NOW + timedelta(minutes=20), first.revision)
    worklog.add_entry(c, h.incoming.id, Draft(Category.WORK_ITEM, "Written after the handover",
                                              owner="Daniel Wong", due=NOW + timedelta(hours=3)),
                      "Daniel Wong", NOW + timedelta(minutes=21))
    url = c.db.url
    app.close()

    # 4. The console opened again on the same database: the signed handover as it was signed.
    from app.ui.app import DesktopApp

    again = DesktopApp(url, "en", settings_path=tmp_path / "again.ini", lane=InlineLane(), scheduled=False)
    again.context.clock = lambda: NOW + timedelta(minutes=30)
    again.start()
    try:
        again.window.actions[ActionId.VIEW_HANDOVER].trigger()
        reopened = again.window.handover
        reopened.load(h.outgoing.day, h.outgoing.definition.id)
        r = reopened.handover
        assert r.id == h.id and r.signed and r.verified and r.snapshot == frozen
        assert reopened.badge.text() == "✓ Verified: matches its checksum"
        texts = [reopened.items_page.items.item(row, 4).text() for row in range(reopened.items_page.items.rowCount())]
        assert first.text in texts and "Edited after the handover" not in texts
        assert "Written after the handover" not in texts
        live = handover.build_snapshot(again.context.console, h.id, NOW + timedelta(minutes=30))
        assert "Edited after the handover" in [i["text"] for i in live["items"]]
        report = pdf_text(reopened.print_pdf(str(tmp_path / "handover.pdf")))
        assert "Grace Chen" in report and "Daniel Wong" in report and first.text[:30] in report
        assert "Edited after the handover" not in report
    finally:
        again.close()
