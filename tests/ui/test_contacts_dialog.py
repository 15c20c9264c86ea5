"""The playbooks' contact list on both databases: add, edit, deactivate through the dialog; who is on duty now is bold
(a night window across midnight included); a refused contact keeps its form open with the reason."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt

from app.services import playbooks
from app.ui.playbook.contacts import ContactsDialog, duty_text, parse_time
from tests.ui.conftest import NOW  # 11:15 on the machine's clock; the site's zone is the machine's


def cell(dialog: ContactsDialog, contact_id: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return dialog.model.index(dialog.model.row_of(contact_id), column).data(role)


def bold(dialog: ContactsDialog, contact_id: int) -> bool:
    font = cell(dialog, contact_id, 1, Qt.ItemDataRole.FontRole)
    return bool(font is not None and font.bold())


@pytest.fixture
def dialog(desktop_any_db, qtbot):
    context = desktop_any_db.context
    c = context.console
    day = playbooks.save_contact(c, "it_duty", "王磊", "138 1234 5678", "ACD or CTI down", time(8), time(20))
    night = playbooks.save_contact(c, "it_duty", "Li Na", "139 8765 4321", "nights", time(20), time(8))
    vendor = playbooks.save_contact(c, "telephony_vendor", "Huaxin hotline", "400 820 1234")
    dialog = ContactsDialog(context, desktop_any_db.window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, c, day, night, vendor


def test_lists_contacts_with_those_on_duty_now_in_bold(dialog):
    dialog, c, day, night, vendor = dialog
    assert NOW.time() == time(11, 15)
    assert dialog.model.rowCount() == 3
    assert [cell(dialog, x.id, 0) for x in (day, night, vendor)] == ["IT duty", "IT duty", "telephony vendor"]
    assert cell(dialog, day.id, 4) == "08:00–20:00" and cell(dialog, night.id, 4) == "20:00–08:00"
    assert cell(dialog, vendor.id, 4) == "always"
    assert bold(dialog, day.id) and bold(dialog, vendor.id) and not bold(dialog, night.id)
    assert dialog.duty.text() == ("On duty now (11:15): IT duty: <b>王磊</b> 138 1234 5678; "
                                  "telephony vendor: <b>Huaxin hotline</b> 400 820 1234")


def test_add_edit_and_deactivate_write_through_the_services(dialog, qtbot):
    dialog, c, day, night, vendor = dialog
    changed = []
    dialog.contacts_changed.connect(lambda: changed.append(True))

    form = dialog.add_contact()
    form.role.setEditText("duty manager")
    form.name.setText("Zhou Min")
    form.phone.setText("137 0000 1111")
    form.when.setText("an outage over 15 minutes")
    form.on_from.setText("9")
    form.on_until.setText("1730")
    form.submit()
    assert not form.isVisible() and changed == [True]
    stored = {x.name: x for x in playbooks.list_contacts(c)}
    manager = stored["Zhou Min"]
    assert (manager.role, manager.phone, manager.when_to_call, manager.on_from, manager.on_until) == (
        "duty_manager", "137 0000 1111", "an outage over 15 minutes", time(9), time(17, 30))
    assert cell(dialog, manager.id, 0) == "duty manager" and bold(dialog, manager.id)
    assert dialog.current().id == manager.id  # the saved contact is selected
    assert dialog.message.text() == "Zhou Min saved."

    # edit: the night IT duty now covers the day too; she becomes the one on duty only if first by id
    dialog.table.selectRow(dialog.model.row_of(night.id))
    form = dialog.edit_contact()
    assert form.name.text() == "Li Na" and form.on_from.text() == "20:00" and form.role.currentText() == "IT duty"
    form.phone.setText("139 0000 0000")
    form.on_from.clear()
    form.on_until.clear()
    form.submit()
    edited = next(x for x in playbooks.list_contacts(c) if x.id == night.id)
    assert (edited.phone, edited.on_from, edited.on_until) == ("139 0000 0000", None, None)
    assert cell(dialog, night.id, 4) == "always" and not bold(dialog, night.id)  # 王磊 is first by id
    assert playbooks.contact_for_role(c, "it_duty", NOW).name == "王磊"

    # deactivate 王磊: Li Na is on duty for IT now, 王磊 stays listed, greyed
    dialog.table.selectRow(dialog.model.row_of(day.id))
    dialog.remove_button.click()
    assert dialog.message.text() == "王磊 deactivated: no longer called by the playbooks."
    assert [x.name for x in playbooks.list_contacts(c) if x.role == "it_duty"] == ["Li Na"]
    assert playbooks.contact_for_role(c, "it_duty", NOW).name == "Li Na"
    assert cell(dialog, day.id, 5) == "removed" and not bold(dialog, day.id)
    assert bold(dialog, night.id)
    assert not dialog.remove_button.isEnabled()  # already removed; Edit makes it active again
    form = dialog.edit_contact()
    form.submit()
    assert next(x for x in playbooks.list_contacts(c) if x.id == day.id).active
    assert len(changed) == 4


def test_a_refused_contact_keeps_its_form_open(dialog):
    dialog, c, *_ = dialog
    form = dialog.add_contact()
    form.role.setEditText("facilities")
    form.name.setText("Property control room")
    form.submit()
    assert form.isVisible() and form.error.text() == "Phone is needed."
    form.phone.setText("021 5888 0000")
    form.on_from.setText("25:00")
    form.submit()
    assert form.isVisible() and form.error.text() == "Cannot read the time “25:00”: type HH:MM, e.g. 08:00."
    form.on_from.setText("")
    form.submit()
    assert not form.isVisible()
    assert [x.name for x in playbooks.list_contacts(c) if x.role == "facilities"] == ["Property control room"]


def test_times_and_windows_are_read_and_worded():
    assert parse_time("08:30") == time(8, 30) and parse_time("8") == time(8) and parse_time("2000") == time(20)
    assert parse_time("24:00") == time(0) and parse_time(" ") is None and parse_time("7：05") == time(7, 5)
    for bad in ("25", "12:60", "noon"):
        with pytest.raises(ValueError):
            parse_time(bad)
    from app.domain.playbooks import Contact

    assert duty_text(Contact(1, 1, "qa", "A", "1", on_from=time(7))) == "from 07:00"
    assert duty_text(Contact(1, 1, "qa", "A", "1", on_until=time(7))) == "until 07:00"
    assert duty_text(Contact(1, 1, "qa", "A", "1", on_from=time(7), on_until=time(7))) == "always"
