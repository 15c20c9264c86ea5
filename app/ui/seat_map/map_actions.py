"""What the seat map does: seating gestures and layout edits as undoable commands, its menu, print and files.

Every change goes to the services on the lane; a seating write answers with
the shift's new SeatMap, a layout write with the floor's layout (the map is
then read again). A seat change carries what this desk saw: the map on
screen, plus the seats that this desk's own writes still on their way to the
screen changed (quick gestures in a row build on each other), as each write
told from inside its transaction (SeatMap.change), never the other desks'
changes that came back with those writes' answers. A write that failed
stored nothing: it adds nothing, and the earlier writes' changes stay. When
another desk changed one of its seats meanwhile, the conflict dialog shows
both versions, and the supervisor keeps the stored one (the map is read
again) or applies the change again on top of it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from app.domain.errors import SeatConflictError
from app.domain.seating import GRID, SEAT_H, SEAT_W, SeatMap, SeatVersion, SeenSeats, ZoneKind, seen_in
from app.ui.errors import report_error
from app.ui.seat_map import words
from app.ui.seat_map.commands import AddCommand, LayoutCommand, RetireCommand, SeatingCommand


class MapActions(QObject):
    """State: the view, its menu, the notes of the last automatic assignment, the dialog open now; this desk's seat
    writes sent to the lane (`_issued`, numbered from 1) and the last of them the map on screen shows
    (`_shown_upto`: its answer was shown, or the map was read again after it was sent); read and written on the lane
    only, the seats each write that succeeded changed itself (`_own`: number -> shift instance, seat id -> version
    as it left them, until the screen shows them)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.dialog = None
        self._issued = self._shown_upto = 0
        self._answering = False
        self._own: dict[int, tuple[int | None, dict[int, SeatVersion]]] = {}
        self.unplaced_notes: list[str] = []
        self.allow_kept_apart = QAction(view, objectName="map_allow_kept_apart", checkable=True)
        self.menu = QMenu(view)
        self.items: dict[str, QAction] = {}
        for key, slot in (("auto", self.auto_assign), ("previous", self.start_from_previous),
                          ("fixed", self.start_from_fixed), (None, None), ("print", self.print_pdf),
                          ("export_list", self.export_list), (None, None), ("add_seat", self.add_seat),
                          ("add_zone", self.add_zone), ("add_floor", self.add_floor), ("import_layout", self.import_layout),
                          ("export_layout", self.export_layout)):
            if key is None:
                self.menu.addSeparator()
                continue
            action = QAction(view, objectName=f"map_{key}")
            action.triggered.connect(lambda _=False, s=slot: s())
            self.menu.addAction(action)
            self.items[key] = action
            if key == "auto":
                self.menu.addAction(self.allow_kept_apart)
        view.menu_button.setMenu(self.menu)
        scene = view.scene
        scene.agent_dropped.connect(self.drop_agent)
        scene.seat_dropped.connect(self.drop_seat)
        scene.items_moved.connect(self.moved)
        view.unseated.seat_dropped.connect(self.unseat)
        view.map.delete_pressed.connect(self.delete_selected)
        view.map.rotate_pressed.connect(self.rotate_selected)
        view.map.context_requested.connect(self.seat_menu)
        view.map_loaded.connect(self._map_shown)

    def retranslate(self) -> None:
        texts = {
            "auto": self.tr("Assign automatically"),
            "previous": self.tr("Start from the previous shift"),
            "fixed": self.tr("Start from fixed seats"),
            "print": self.tr("Print the seat chart (PDF)…"),
            "export_list": self.tr("Export the list agent → seat…"),
            "add_seat": self.tr("Add a seat"),
            "add_zone": self.tr("Add a zone…"),
            "add_floor": self.tr("Add a floor…"),
            "import_layout": self.tr("Import a layout (CSV)…"),
            "export_layout": self.tr("Export the layout (CSV)…"),
        }
        for key, action in self.items.items():
            action.setText(texts[key])
        self.allow_kept_apart.setText(self.tr("… and use kept-apart zones too"))

    # --- plumbing ---------------------------------------------------------------------------------
    @property
    def context(self):
        return self.view.context

    def _instance(self) -> int | None:
        return self.view.seat_map.instance_id if self.view.seat_map is not None else None

    def _by(self) -> str | None:
        sheet = getattr(self.view.window(), "shift_sheet", None)
        return sheet.supervisor_name() if sheet is not None else None

    def _base(self, given: SeenSeats | None, number: int):
        """What write `number` is checked against, as a callable run on the lane: `given` (the stored versions the
        supervisor chose to build on), else the map on screen with the seats that this desk's own writes sent after
        it (and before this one) changed, as they left them. Only their own changes: another desk's changes that
        came back with their answers were never seen here. A write that failed adds nothing (it stored nothing);
        the map read again starts the base from it."""
        screen = seen_in(self.view.seat_map) if self.view.seat_map is not None else None
        shown = self._shown_upto

        def base() -> SeenSeats | None:
            if given is not None or screen is None:
                return given if given is not None else screen
            for n in [n for n in self._own if n <= shown]:  # later writes start there or after: no longer needed
                del self._own[n]
            mine = [v for n in sorted(self._own) if shown < n < number and self._own[n][0] == screen.instance_id
                    for v in self._own[n][1].values()]
            return screen.updated(mine) if mine else screen
        return base

    def _map_shown(self, _seat_map) -> None:
        if not self._answering:  # the map was read again: the chained base starts from it
            self._shown_upto = self._issued

    def _show(self, number: int, seat_map: SeatMap) -> None:
        """Put write `number`'s answer on screen: it shows that write and those sent before it."""
        self._answering = True
        try:
            self.view.show_map(seat_map)
        finally:
            self._answering = False
        self._shown_upto = max(self._shown_upto, number)

    def _write_seats(self, fn, given: SeenSeats | None, on_done, on_error, changed) -> None:
        """Write number n: changed(console, seen, fn) runs fn(console, seen) on the lane, `seen` from _base, and
        answers (result, the seats fn changed itself: seat id -> version), remembered there for the writes after
        it (a write that failed remembers nothing). on_done(n, result) or on_error(exc) on the GUI thread."""
        self._issued += 1
        number = self._issued
        base = self._base(given, number)
        instance = self._instance()

        def work(console):
            result, seats = changed(console, base(), fn)
            self._own[number] = (instance, seats)
            return result

        self.context.runner.run(work, self.context.console, on_done=lambda result: on_done(number, result),
                                on_error=on_error)

    @staticmethod
    def _seating_write(console, seen, fn):
        """changed() for a seating write: the seats whose agents it changed itself, as its answer's SeatMap.change
        tells them from inside the write's transaction."""
        answer = fn(console, seen)
        change = (answer[0] if isinstance(answer, tuple) else answer).change
        return answer, {v.seat_id: v for v in change.seats}

    @staticmethod
    def _outage_write(console, seen, fn):
        """changed() for an outage write: only that seat's outage changed (its agents as this desk saw them)."""
        seat = fn(console, seen)
        return seat, ({seat.id: replace(seen.version(seat.id), out_of_service=seat.out_of_service)}
                      if seen is not None else {})

    def run_gesture(self, fn, done, failed, seen: SeenSeats | None = None) -> None:
        """Run a gesture's seating write (fn(console, seen) -> SeatMap, or (SeatMap, AutoResult)) on the lane;
        show the answer; tell the command what the write changed itself (SeatMap.change). Another desk's change to
        its seats: the conflict dialog (apply mine: the gesture again on the stored version)."""
        def shown(number, result) -> None:
            seat_map = result[0] if isinstance(result, tuple) else result
            if isinstance(result, tuple):
                self._explain(result[1], seat_map)
            self._show(number, seat_map)
            done(seat_map.change)

        def refused(exc) -> None:
            if isinstance(exc, SeatConflictError):
                self.conflict(exc, lambda again: self.run_gesture(fn, done, failed, again), failed)
                return
            failed()
            report_error(exc)

        self._write_seats(fn, seen, shown, refused, self._seating_write)

    def change_seating(self, add, remove, seen: SeenSeats | None = None) -> None:
        """Undo or redo a gesture on the seating as it is now."""
        from app.services import seating

        instance, by, now = self._instance(), self._by(), self.context.now()

        def refused(exc) -> None:
            if isinstance(exc, SeatConflictError):
                self.conflict(exc, lambda again: self.change_seating(add, remove, again))
                return
            report_error(exc)

        self._write_seats(lambda c, s: seating.change_seating(c, instance, add, remove, by, now, seen=s), seen,
                          self._show, refused, self._seating_write)

    def run_seat(self, fn, seen: SeenSeats | None = None) -> None:
        """A seat's outage changed (fn(console, seen) -> Seat) on the lane, checked like a seating write; the map
        is read again."""
        def refused(exc) -> None:
            if isinstance(exc, SeatConflictError):
                self.conflict(exc, lambda again: self.run_seat(fn, again))
                return
            report_error(exc)

        self._write_seats(fn, seen, lambda _number, _seat: self.view.load(), refused, self._outage_write)

    def conflict(self, error: SeatConflictError, again, gave_up=None) -> None:
        from app.ui.seat_map.conflict_dialog import ask_which

        ask_which(self, error, again, gave_up)

    def _seating(self, text: str, fn) -> None:
        if self.view.seat_map is None:
            return
        self.view.undo.push(SeatingCommand(self, text, fn))

    def run_layout(self, fn, done=None) -> None:
        def written(result) -> None:
            if done is not None:
                done(result)
            self.view.load()

        self.context.runner.run(fn, self.context.console, on_done=written, on_error=report_error)

    def write_layout(self, seats, zones) -> None:
        from app.services import seating

        self.run_layout(lambda c: seating.update_layout(c, seats, zones))

    def retire(self, seat_ids, zone_ids) -> None:
        from app.services import seating

        self.run_layout(lambda c: seating.set_retired(c, seat_ids, zone_ids, True))

    def restore(self, seat_ids, zone_ids) -> None:
        from app.services import seating

        self.run_layout(lambda c: seating.set_retired(c, seat_ids, zone_ids, False))

    # --- seating gestures ----------------------------------------------------------------------------
    def drop_agent(self, agent_id: int, seat_id: int) -> None:
        from app.services import seating

        instance, by, now = self._instance(), self._by(), self.context.now()
        name = self._name(agent_id)
        self._seating(self.tr("Seat {name}").format(name=name),
                      lambda c, seen: seating.assign(c, instance, seat_id, agent_id, by, now, seen=seen))

    def drop_seat(self, from_seat: int, to_seat: int) -> None:
        from app.services import seating

        instance, by, now = self._instance(), self._by(), self.context.now()
        self._seating(self.tr("Swap seats"),
                      lambda c, seen: seating.swap(c, instance, from_seat, to_seat, by, now, seen=seen))

    def unseat(self, seat_id: int) -> None:
        from app.services import seating

        if self.view.seat_map is None:
            return
        instance, by, now = self._instance(), self._by(), self.context.now()
        self._seating(self.tr("Free a seat"),
                      lambda c, seen: seating.free_seat(c, instance, seat_id, by, now, seen=seen))

    def auto_assign(self) -> None:
        from app.services import seating

        instance, by, now = self._instance(), self._by(), self.context.now()
        allow = self.allow_kept_apart.isChecked()
        self._seating(self.tr("Assign automatically"),
                      lambda c, seen: seating.auto_assign(c, instance, by, now, allow_kept_apart=allow, seen=seen))

    def start_from_previous(self) -> None:
        from app.services import seating

        instance, by, now = self._instance(), self._by(), self.context.now()
        self._seating(self.tr("Start from the previous shift"),
                      lambda c, seen: seating.start_from_previous(c, instance, by, now, seen=seen))

    def start_from_fixed(self) -> None:
        from app.services import seating

        instance, by, now = self._instance(), self._by(), self.context.now()
        self._seating(self.tr("Start from fixed seats"),
                      lambda c, seen: seating.start_from_fixed(c, instance, by, now, seen=seen))

    def _explain(self, result, seat_map) -> None:
        names = {a.id: a.name for a in seat_map.agents}
        self.unplaced_notes = [words.unplaced_text(u.reason, names.get(u.agent_id, "?"), u.detail) for u in result.unplaced]
        placed = len(result.assignments)
        self.context.status(self.tr("{placed} agents seated; {left} notes.").format(placed=placed, left=len(result.unplaced)))

    def _name(self, agent_id: int) -> str:
        seat_map = self.view.seat_map
        return next((a.name for a in seat_map.agents if a.id == agent_id), "?") if seat_map else "?"

    # --- layout edits ------------------------------------------------------------------------------------
    def _layout(self):
        return next((lay for lay in self.view.layouts if lay.floor.id == self.view.floor_id), None)

    def moved(self, seats: dict, zones: dict) -> None:
        layout = self._layout()
        if layout is None:
            return
        seats_before = [s for s in layout.seats if s.id in seats]
        zones_before = [z for z in layout.zones if z.id in zones]
        seats_after = [replace(s, x=seats[s.id][0], y=seats[s.id][1]) for s in seats_before]
        zones_after = [replace(z, x=zones[z.id][0], y=zones[z.id][1]) for z in zones_before]
        self.view.undo.push(LayoutCommand(self, self.tr("Move"), seats_before, seats_after, zones_before, zones_after))

    def _selected(self):
        from app.ui.seat_map.items import SeatItem, ZoneItem

        chosen = self.view.scene.selectedItems()
        return ([i.seat.id for i in chosen if isinstance(i, SeatItem)], [i.zone.id for i in chosen if isinstance(i, ZoneItem)])

    def rotate_selected(self) -> None:
        """Seats turn 90° about their centre; a zone turns too (its rectangle stands the other way, same centre)."""
        layout = self._layout()
        seat_ids, zone_ids = self._selected()
        if layout is None or not (seat_ids or zone_ids) or not self.view.scene.editing:
            return
        before = [s for s in layout.seats if s.id in seat_ids]
        after = [replace(s, rotation=(s.rotation + 90) % 360) for s in before]
        zones_before = [z for z in layout.zones if z.id in zone_ids]
        zones_after = [replace(z, x=round((z.x + (z.width - z.height) / 2) / GRID) * GRID,
                               y=round((z.y + (z.height - z.width) / 2) / GRID) * GRID, width=z.height, height=z.width)
                       for z in zones_before]
        self.view.undo.push(LayoutCommand(self, self.tr("Rotate"), before, after, zones_before, zones_after))

    def delete_selected(self) -> None:
        seat_ids, zone_ids = self._selected()
        if not self.view.scene.editing or not (seat_ids or zone_ids):
            return
        self.view.undo.push(RetireCommand(self, self.tr("Delete"), seat_ids, zone_ids))

    def add_seat(self) -> None:
        from app.services import seating

        layout = self._layout()
        if layout is None:
            return
        centre = self.view.map.mapToScene(self.view.map.viewport().rect().center())
        x, y = round(centre.x() / GRID) * GRID, round(centre.y() / GRID) * GRID
        codes = {s.code for s in layout.seats}
        n = len(layout.seats) + 1
        while f"S-{n:03d}" in codes:
            n += 1
        code, floor_id = f"S-{n:03d}", layout.floor.id
        zone = next((z.id for z in layout.zones if z.contains(x + SEAT_W / 2, y + SEAT_H / 2)), None)
        self.view.edit_box.setChecked(True)
        self.view.undo.push(AddCommand(self, self.tr("Add a seat"),
                                       lambda c: seating.add_seat(c, floor_id, code, x, y, 0.0, zone), "seat"))

    def add_zone(self, name: str | None = None, kind: ZoneKind = ZoneKind.NORMAL) -> None:
        from app.services import seating

        layout = self._layout()
        if layout is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self.view, self.tr("Add a zone"), self.tr("Name of the zone"))
            if not ok or not name.strip():
                return
        centre = self.view.map.mapToScene(self.view.map.viewport().rect().center())
        x, y, floor_id = round(centre.x() / GRID) * GRID, round(centre.y() / GRID) * GRID, layout.floor.id
        self.view.edit_box.setChecked(True)
        self.view.undo.push(AddCommand(self, self.tr("Add a zone"), lambda c: seating.add_zone(
            c, floor_id, name.strip(), kind, x, y, 6 * SEAT_W, 4 * SEAT_H), "zone"))

    def add_floor(self, name: str | None = None) -> None:
        from app.services import seating

        if name is None:
            name, ok = QInputDialog.getText(self.view, self.tr("Add a floor"), self.tr("Name of the floor"))
            if not ok or not name.strip():
                return
        self.run_layout(lambda c: seating.add_floor(c, name.strip()), lambda f: setattr(self.view, "floor_id", f.id))

    # --- files, print, seats out of service: see map_files ---------------------------------------
    def import_layout(self, path: str | None = None) -> None:
        from app.ui.seat_map import map_files

        map_files.import_layout(self, path)

    def export_layout(self, path: str | None = None) -> None:
        from app.ui.seat_map import map_files

        map_files.export_layout(self, path)

    def print_pdf(self, path: str | None = None) -> None:
        from app.ui.seat_map import map_files

        map_files.print_chart(self, path)

    def export_list(self, path: str | None = None) -> None:
        from app.ui.seat_map import map_files

        map_files.export_list(self, path)

    def seat_menu(self, seat_item, global_pos) -> None:
        from app.ui.seat_map import map_files

        map_files.seat_menu(self, seat_item, global_pos)

    def ask_path(self, title: str, suggestion: str, filters: str, save: bool) -> str:
        dialog = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _ = dialog(self.view, title, suggestion, filters)
        return path
