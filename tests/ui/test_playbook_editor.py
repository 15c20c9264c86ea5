"""The playbook editor: a playbook typed with the keyboard only, a goto past the last step refused with its sentence,
steps moved, added and removed with their "if this fails" steps renumbered, a stored playbook's key fixed, Cancel."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.playbooks import Playbook, PlaybookDraft, Severity, Step, check_playbook
from app.ui.playbook.editor import PlaybookEditor, StepsModel
from tests.ui.test_work_log import type_in

CTRL = Qt.KeyboardModifier.ControlModifier


def stored(steps: int = 7) -> Playbook:
    return Playbook(
        4, 1, "acd-login-failure", 3, "Agents cannot log in to the ACD", "At the shift change, agents cannot log in.",
        "Several agents report login errors.", Severity.CRITICAL, ("supervisor", "it_duty"),
        tuple(Step(f"Step number {n}", "it_duty" if n == 2 else "supervisor", n, 5 if n == 2 else None)
              for n in range(1, steps + 1)),
        "en", datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc), "Grace Chen")


def shown(qtbot, dialog: PlaybookEditor) -> PlaybookEditor:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def focus_key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    assert QApplication.focusWidget() is not None
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()  # the delegate ends a cell's typing in a queued call


def type_focused(qtbot, text: str) -> None:
    type_in(qtbot, QApplication.focusWidget(), text)


@pytest.fixture
def editor(qtbot):
    return shown(qtbot, PlaybookEditor(language="en", contact_roles=("IT duty night line",)))


def test_a_playbook_typed_with_the_keyboard_only(qtbot, editor):
    sent = []
    editor.accepted_with.connect(sent.append)
    editor.key.setFocus()
    type_focused(qtbot, "crm-slow")
    focus_key(qtbot, Qt.Key.Key_Tab)
    type_focused(qtbot, "CRM 很慢 at the shift change")
    focus_key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.situation
    type_focused(qtbot, "Screens take a minute to open.")
    focus_key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.recognise
    type_focused(qtbot, "Agents complain; AHT rises.")
    focus_key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.severity
    focus_key(qtbot, Qt.Key.Key_Down)  # warning -> critical
    focus_key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.roles
    type_focused(qtbot, "supervisor, IT duty")

    # Ctrl+Enter: a new step, its text open for typing; Tab walks to who, minutes, goto
    focus_key(qtbot, Qt.Key.Key_Return, CTRL)
    assert editor.model.rowCount() == 1
    type_focused(qtbot, "Ask two agents to reopen the CRM")
    focus_key(qtbot, Qt.Key.Key_Tab)
    type_focused(qtbot, "IT duty")
    focus_key(qtbot, Qt.Key.Key_Tab)
    type_focused(qtbot, "3")
    focus_key(qtbot, Qt.Key.Key_Tab)
    type_focused(qtbot, "2")
    focus_key(qtbot, Qt.Key.Key_Return)  # ends the typing in the cell; the dialog is not accepted
    assert not sent and editor.isVisible()
    focus_key(qtbot, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    type_focused(qtbot, "Call IT duty with the ticket number")
    focus_key(qtbot, Qt.Key.Key_Return, CTRL)  # the typed text is kept, a third step opens
    type_focused(qtbot, "Tell the agents to use the paper form")
    focus_key(qtbot, Qt.Key.Key_Return)

    editor.buttons.button(editor.buttons.StandardButton.Ok).click()
    assert editor.problems.isHidden()
    assert len(sent) == 1
    draft = sent[0]
    assert draft == PlaybookDraft(
        "crm-slow", "CRM 很慢 at the shift change", "Screens take a minute to open.", "Agents complain; AHT rises.",
        Severity.CRITICAL, ("supervisor", "it_duty"),
        (Step("Ask two agents to reopen the CRM", "it_duty", 3, 2),
         Step("Call IT duty with the ticket number", "it_duty", 5, None),
         Step("Tell the agents to use the paper form", "it_duty", 5, None)), "en")
    assert check_playbook(draft) == ()


def test_a_goto_past_the_last_step_is_refused_with_its_sentence(qtbot):
    dialog = shown(qtbot, PlaybookEditor(stored(7)))
    sent = []
    dialog.accepted_with.connect(sent.append)
    # step 3's "if this fails" typed as 9 through its spin box
    index = dialog.model.index(2, 3)
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    type_focused(qtbot, "9")
    focus_key(qtbot, Qt.Key.Key_Return)
    assert dialog.model.steps[2].if_fails_goto == 9
    dialog.submit()
    assert not sent
    assert dialog.problems.isVisible()
    assert dialog.problems.text() == "Step 3: 'if this fails' names step 9, there are 7 steps."
    assert dialog.table.currentIndex().row() == 2  # the step at fault is shown

    # a step naming itself, and an empty title, each on its own line
    dialog.model.setData(dialog.model.index(2, 3), 3)
    dialog.title.clear()
    dialog.submit()
    assert dialog.problems.text().splitlines() == ["Title is needed.",
                                                   "Step 3: 'if this fails' names the step itself."]
    dialog.model.setData(dialog.model.index(2, 3), 0)
    dialog.title.setText("Agents cannot log in")
    dialog.submit()
    assert dialog.problems.isHidden() and len(sent) == 1
    assert sent[0].key == "acd-login-failure" and sent[0].steps[2].if_fails_goto is None


def test_steps_move_with_their_goto_renumbered(qtbot):
    dialog = shown(qtbot, PlaybookEditor(stored(4)))
    assert dialog.key.isReadOnly()
    dialog.model.setData(dialog.model.index(1, 3), 4)  # step 2: if this fails -> step 4
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(3, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up, CTRL)  # step 4 becomes step 3
    assert [s.text for s in dialog.model.steps] == ["Step number 1", "Step number 2", "Step number 4",
                                                    "Step number 3"]
    assert dialog.model.steps[1].if_fails_goto == 3  # still the same step
    assert dialog.table.currentIndex().row() == 2
    assert dialog.model.headerData(2, Qt.Orientation.Vertical) == "3"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up, CTRL)  # already first: stays
    assert [s.text for s in dialog.model.steps][0] == "Step number 4"
    assert dialog.model.steps[2].if_fails_goto == 1
    dialog.down_button.click()
    assert [s.text for s in dialog.model.steps] == ["Step number 1", "Step number 4", "Step number 2",
                                                    "Step number 3"]
    assert dialog.model.steps[2].if_fails_goto == 2

    # Delete removes the current step when the table has the focus; a goto naming it becomes none
    dialog.table.setCurrentIndex(dialog.model.index(1, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [s.text for s in dialog.model.steps] == ["Step number 1", "Step number 2", "Step number 3"]
    assert dialog.model.steps[1].if_fails_goto is None
    # a step added above a goto's target shifts it
    dialog.model.setData(dialog.model.index(0, 3), 3)
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    dialog.add_button.click()
    assert dialog.model.rowCount() == 4 and dialog.model.steps[1] == Step("", "supervisor")
    assert dialog.model.steps[0].if_fails_goto == 4
    # Delete in a cell being typed in deletes a letter, not the step
    type_focused(qtbot, "abc")
    focus_key(qtbot, Qt.Key.Key_Left)
    focus_key(qtbot, Qt.Key.Key_Delete)
    focus_key(qtbot, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 4 and dialog.model.steps[1].text == "ab"

    sent = []
    dialog.accepted_with.connect(sent.append)
    dialog.submit()
    assert [s.text for s in sent[0].steps] == ["Step number 1", "ab", "Step number 2", "Step number 3"]
    assert sent[0].key == "acd-login-failure"


def test_cancel_discards_and_the_stored_playbook_is_untouched(qtbot):
    playbook = stored(3)
    dialog = PlaybookEditor(playbook)
    qtbot.addWidget(dialog)
    sent = []
    dialog.accepted_with.connect(sent.append)
    dialog.title.setText("Changed")
    dialog.model.remove_step(0)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert dialog.result() == dialog.DialogCode.Rejected and not sent
    assert playbook.title == "Agents cannot log in to the ACD" and len(playbook.steps) == 3
    again = PlaybookEditor(playbook)
    qtbot.addWidget(again)
    assert again.draft() == playbook.draft()  # opening and OK without a change gives the same content


def test_roles_are_worded_and_read_back(qtbot):
    draft = PlaybookDraft("x", "T", "S", roles=("supervisor", "duty_manager", "Floor runner"),
                          steps=(Step("a", "Floor runner"),))
    dialog = PlaybookEditor(draft)
    qtbot.addWidget(dialog)
    assert dialog.roles.text() == "supervisor, duty manager, Floor runner"
    assert dialog.model.index(0, 1).data() == "Floor runner"
    dialog.roles.setText("值班经理、IT duty, qa")  # a name not known in English is kept as typed
    assert dialog.draft().roles == ("值班经理", "it_duty", "qa")
    dialog._toggle_role("wfm", True)
    dialog._toggle_role("it_duty", False)
    assert dialog.draft().roles == ("值班经理", "qa", "wfm")
    assert dialog.roles.text() == "值班经理, QA, WFM"


def test_steps_model_passes_qtmodeltester(qtmodeltester):
    model = StepsModel(stored(5).steps)
    qtmodeltester.check(model)
    model.insert_step(2)
    model.move_step(0, 1)
    model.remove_step(4)
    qtmodeltester.check(model)
