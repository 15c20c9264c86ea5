"""The choice a conflict between two desks ends with: keep the stored version (the default, Enter and Esc) or
put mine over it. Shared by the work log's entry conflict and the seat map's seat conflict."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


class ConflictChoice(QDialog):
    """State: `choice`, "mine" or "theirs" once made (accepted: mine; rejected: theirs)."""

    choice: str | None = None

    def choice_buttons(self, mine_text: str, theirs_text: str) -> QDialogButtonBox:
        """The two buttons (`self.mine`, `self.theirs`, the stored version the default) in a button box."""
        self.mine = QPushButton(mine_text, objectName="conflict_mine")
        self.theirs = QPushButton(theirs_text, objectName="conflict_theirs")
        self.mine.setAutoDefault(False)
        self.theirs.setDefault(True)
        self.mine.clicked.connect(lambda: self._choose("mine"))
        self.theirs.clicked.connect(lambda: self._choose("theirs"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs, QDialogButtonBox.ButtonRole.RejectRole)
        return buttons

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice == "mine" else self.reject()
