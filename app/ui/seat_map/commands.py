"""Undoable commands of the seat map, built from values.

A seating command keeps the shift's whole seating before and after: the
first redo runs the gesture's own service call (assign, swap, automatic
assignment...), and from then on undo and redo put back one seating or the
other. A layout command keeps the seats and zones before and after (or the
ids it added or retired). The QUndoCommand only holds the two sides.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from app.domain.seating import Seat, SeatAssignment, Zone


class SeatingCommand(QUndoCommand):
    """State: the view, the seating before, the first call, and the seating after (once known)."""

    def __init__(self, view, text: str, before: Sequence[SeatAssignment], first: Callable) -> None:
        super().__init__(text)
        self.view, self.before, self.first = view, tuple(before), first
        self.after: tuple[SeatAssignment, ...] | None = None

    def redo(self) -> None:
        if self.after is None:
            self.view.run_seating(self.first, self._done)
        else:
            self.view.replace_seating(self.after)

    def _done(self, seat_map) -> None:
        self.after = seat_map.assignments

    def undo(self) -> None:
        self.view.replace_seating(self.before)


class LayoutCommand(QUndoCommand):
    """Seats and zones changed in place (moved, rotated, edited): before and after values."""

    def __init__(self, view, text: str, seats_before: Sequence[Seat], seats_after: Sequence[Seat],
                 zones_before: Sequence[Zone] = (), zones_after: Sequence[Zone] = ()) -> None:
        super().__init__(text)
        self.view = view
        self.before = (tuple(seats_before), tuple(zones_before))
        self.after = (tuple(seats_after), tuple(zones_after))

    def redo(self) -> None:
        self.view.write_layout(*self.after)

    def undo(self) -> None:
        self.view.write_layout(*self.before)


class RetireCommand(QUndoCommand):
    """Seats and zones taken off the floor (kept for past shifts): undo brings them back."""

    def __init__(self, view, text: str, seat_ids: Sequence[int], zone_ids: Sequence[int]) -> None:
        super().__init__(text)
        self.view, self.seat_ids, self.zone_ids = view, tuple(seat_ids), tuple(zone_ids)

    def redo(self) -> None:
        self.view.retire(self.seat_ids, self.zone_ids)

    def undo(self) -> None:
        self.view.restore(self.seat_ids, self.zone_ids)


class AddCommand(QUndoCommand):
    """A seat or zone added: the first redo creates it, undo retires it, redo restores it."""

    def __init__(self, view, text: str, create: Callable, kind: str) -> None:
        super().__init__(text)
        self.view, self.create, self.kind = view, create, kind
        self.created_id: int | None = None

    def redo(self) -> None:
        if self.created_id is None:
            self.view.run_layout(self.create, self._created)
        elif self.kind == "seat":
            self.view.restore((self.created_id,), ())
        else:
            self.view.restore((), (self.created_id,))

    def _created(self, value) -> None:
        self.created_id = value.id

    def undo(self) -> None:
        if self.created_id is None:
            return
        if self.kind == "seat":
            self.view.retire((self.created_id,), ())
        else:
            self.view.retire((), (self.created_id,))
