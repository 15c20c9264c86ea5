"""Another desk changed seats of the shift after this desk saw them: both versions side by side, and the choice.

The error (app.domain.errors.SeatConflictError) holds, for each seat, what this
desk saw, what is stored now (who changed it and when, when known) and what
this desk's change would make of it; nothing of the change was stored.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.domain.errors import SeatConflictError
from app.domain.seating import SeatVersion
from app.ui.conflict_choice import ConflictChoice


class SeatConflictDialog(ConflictChoice):
    """State: the error shown, and `choice`: "theirs" (keep what is stored and read the map again, the default:
    Enter or Esc) or "mine" (apply this desk's change on top of the stored version)."""

    def __init__(self, error: SeatConflictError, tz: ZoneInfo, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("seat_conflict_dialog")
        self.setWindowTitle(self.tr("Changed by another desk"))
        self.choice = "theirs"
        self.error = error
        self.table = QTableWidget(len(error.seats), 5, objectName="seat_conflict_table")
        self.table.setHorizontalHeaderLabels([self.tr("Seat"), self.tr("When you looked"), self.tr("Stored now"),
                                              self.tr("Changed by"), self.tr("Your change")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for row, seat in enumerate(error.seats):
            cells = (seat.seat_code, self.version_text(seat.seen), self.version_text(seat.stored),
                     self.changed_text(seat.changed_by, seat.changed_at, tz), self.version_text(seat.wanted))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setBackground(Qt.GlobalColor.yellow)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        codes = ", ".join(s.seat_code for s in error.seats)
        self.text = QLabel(self.tr("Seat {seats} was changed by another desk after you looked at the map. Nothing "
                                   "of yours was saved yet. Choose which version stays.").format(seats=codes),
                           wordWrap=True, objectName="seat_conflict_text")
        buttons = self.choice_buttons(self.tr("&Apply my change over it"), self.tr("&Keep the stored version"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setTabOrder(self.theirs, self.mine)
        self.setTabOrder(self.mine, self.table)
        self.theirs.setFocus()
        self.resize(820, 300)

    def version_text(self, version: SeatVersion) -> str:
        """Who sits there ("free" when nobody), and the outage with its reason."""
        names = self.error.names
        who = ", ".join(names.get(a, "?") for a in version.agent_ids) or self.tr("free")
        if version.out_of_service is None:
            return who
        return self.tr("{agents} · out of service: {reason}").format(agents=who,
                                                                      reason=version.out_of_service.reason)

    def changed_text(self, by: str | None, at, tz: ZoneInfo) -> str:
        if at is None:
            return self.tr("not known")
        when = f"{at.astimezone(tz):%m-%d %H:%M}"
        if not by:
            return self.tr("at {time}").format(time=when)
        return self.tr("{name} at {time}").format(name=by, time=when)


def ask_which(actions, error: SeatConflictError, again, gave_up=None) -> SeatConflictDialog:
    """Open the dialog over the map of `actions` (MapActions). "mine": again(error.seen_now), the change sent again
    on top of the stored versions; "theirs": gave_up() (a first gesture becomes obsolete), the stored version
    stays and the map is read again."""
    view = actions.view
    dialog = SeatConflictDialog(error, view.tz, view)
    codes = ", ".join(s.seat_code for s in error.seats)

    def closed(_result) -> None:
        dialog.finished.disconnect(closed)  # once: accept() on a closed dialog emits finished again
        if dialog.choice == "mine":
            again(error.seen_now)
            return
        if gave_up is not None:
            gave_up()
        actions.context.status(QCoreApplication.translate(
            "seat_map", "Seat {seats}: the stored version was kept; your change was not saved.").format(seats=codes))
        view.load()

    dialog.finished.connect(closed)
    actions.dialog = dialog
    dialog.open()
    return dialog
