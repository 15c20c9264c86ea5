"""Undoable commands of the seat map, built from values.

A seating command keeps what its gesture changed: the first redo runs the
gesture's own service call (assign, swap, automatic assignment...) and
records the pairs it added and removed itself, as the write told them from
inside its transaction (another desk's changes read with its answer are not
its own); undo then removes those it added and puts back those it removed,
on the seating as it is by then (so seats freed by attendance meanwhile stay
free), and redo does the reverse. A gesture the service refused becomes
obsolete (so does one whose seats another desk changed meanwhile, when the
supervisor keeps the other desk's version). A layout command keeps the seats
and zones before and after (or the ids it added or retired). The
QUndoCommand only holds the two sides.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from app.domain.seating import Seat, SeatAssignment, SeatingChange, Zone


class SeatingCommand(QUndoCommand):
    """State: the actions, the first call, and the pairs it added and removed (once known)."""

    def __init__(self, view, text: str, first: Callable) -> None:
        super().__init__(text)
        self.view, self.first = view, first
        self.added: frozenset[SeatAssignment] | None = None
        self.removed: frozenset[SeatAssignment] = frozenset()

    def redo(self) -> None:
        if self.added is None:
            self.view.run_gesture(self.first, self._done, self._failed)
        else:
            self.view.change_seating(self.added, self.removed)

    def _done(self, change: SeatingChange) -> None:
        """What the first call changed itself: the pairs it added and removed (another desk's changes read with its
        answer are not this command's to undo)."""
        self.added, self.removed = change.added, change.removed

    def _failed(self) -> None:
        self.setObsolete(True)

    def undo(self) -> None:
        if self.added is not None:
            self.view.change_seating(self.removed, self.added)


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
