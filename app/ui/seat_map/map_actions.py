"""What the seat map does: seating gestures and layout edits as undoable commands, its menu, print and files.

Every change goes to the services on the lane; a seating write answers with
the shift's new SeatMap, a layout write with the floor's layout (the map is
then read again). A seat change carries what this desk saw (the map on
screen; while one of its own writes is still on the lane, what that write
left): when another desk changed one of its seats meanwhile, the conflict
dialog shows both versions, and the supervisor keeps the stored one (the map
is read again) or applies the change again on top of it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from app.domain.errors import SeatConflictError
from app.domain.seating import GRID, SEAT_H, SEAT_W, SeatMap, SeenSeats, ZoneKind, seen_in
from app.ui.errors import report_error
from app.ui.seat_map import words
from app.ui.seat_map.commands import AddCommand, LayoutCommand, RetireCommand, SeatingCommand


class MapActions(QObject):
    """State: the view, its menu, the notes of the last automatic assignment, the dialog open now, the number of
    this desk's seat writes still on the lane and (read and written on the lane only) what the last one left."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.dialog = None
        self._writing = 0
        self._lane_seen: SeenSeats | None = None
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

    def _seen(self, given: SeenSeats | None):
        """What the write is checked against, as a callable run on the lane: `given` (the stored versions the
        supervisor chose to build on), else the map on screen, or what this desk's own write still on the lane
        left (so quick gestures in a row are not taken for another desk's changes)."""
        screen = seen_in(self.view.seat_map) if self.view.seat_map is not None else None
        chained = self._writing > 0

        def seen() -> SeenSeats | None:
            if given is not None:
                return given
            lane = self._lane_seen
            if chained and lane is not None and screen is not None and lane.instance_id == screen.instance_id:
                return lane
            return screen
        return seen

    def _write_seats(self, fn, seen: SeenSeats | None, on_done, on_error, map_of=None) -> None:
        """fn(console, seen) on the lane; what the SeatMap it answers (map_of(result), by default the result when
        it is one) shows is remembered there."""
        base = self._seen(seen)
        self._writing += 1

        def work(console):
            result = fn(console, base())
            seat_map = map_of(result) if map_of is not None else result
            self._lane_seen = seen_in(seat_map) if isinstance(seat_map, SeatMap) else None  # None: the screen's
            return result

        def done(result) -> None:
            self._writing -= 1
            on_done(result)

        def refused(exc) -> None:
            self._writing -= 1
            on_error(exc)

        self.context.runner.run(work, self.context.console, on_done=done, on_error=refused)

    def run_gesture(self, fn, done, failed, seen: SeenSeats | None = None) -> None:
        """Run a gesture's seating write (fn(console, seen) -> SeatMap, or (SeatMap, AutoResult)) on the lane,
        with the seating just before it read there too; show the answer; tell the command what changed. Another
        desk's change to its seats: the conflict dialog (apply mine: the gesture again on the stored version)."""
        from app.services import seating

        instance, now = self._instance(), self.context.now()

        def work(console, seen_now):
            before = seating.seat_map(console, instance, now).assignments
            return before, fn(console, seen_now)

        def shown(answer) -> None:
            before, result = answer
            seat_map = result[0] if isinstance(result, tuple) else result
            if isinstance(result, tuple):
                self._explain(result[1], seat_map)
            self.view.show_map(seat_map)
            done(before, seat_map)

        def refused(exc) -> None:
            if isinstance(exc, SeatConflictError):
                self.conflict(exc, lambda again: self.run_gesture(fn, done, failed, again), failed)
                return
            failed()
            report_error(exc)

        self._write_seats(work, seen, shown, refused,
                          map_of=lambda answer: answer[1][0] if isinstance(answer[1], tuple) else answer[1])

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
                          self.view.show_map, refused)

    def run_seat(self, fn, seen: SeenSeats | None = None) -> None:
        """A seat's outage changed (fn(console, seen) -> Seat) on the lane, checked like a seating write; the map
        is read again."""
        def refused(exc) -> None:
            if isinstance(exc, SeatConflictError):
                self.conflict(exc, lambda again: self.run_seat(fn, again))
                return
            report_error(exc)

        self._write_seats(fn, seen, lambda _seat: self.view.load(), refused)

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
