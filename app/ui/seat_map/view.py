"""The floor seat assignment map (现场坐席安排表) of the shift chosen on the shift sheet.

Assignment mode: drag an agent from "Not seated" onto a seat; drag a seat's
agent onto another seat to swap, or back onto the list to unseat; the
right-click menu puts a seat out of service or back. Edit mode (the layout
editor): seats and zones move on a 10-unit grid, a rubber band selects,
R rotates, Delete takes them off the floor. Every change is undoable
(Ctrl+Z / Ctrl+Shift+Z) and is one service call on the lane.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QSplitter,
    QToolButton, QVBoxLayout, QWidget,
)

from app.domain.seating import SeatMap
from app.ui.errors import report_error
from app.ui.seat_map import words
from app.ui.seat_map.map_actions import MapActions
from app.ui.seat_map.scene import SeatMapScene
from app.ui.seat_map.widgets import AGENT_ROLE, MapView, UnseatedList


class SeatMapView(QWidget):
    """State: the shift followed (day, definition), the SeatMap shown, the floor shown, the undo stack."""

    view_id = "seat_map"
    map_loaded = Signal(object)  # SeatMap

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.shift: tuple[date, int] | None = None
        self.seat_map: SeatMap | None = None
        self.floors = ()
        self.layouts = ()  # the floors' layouts shown (also without a shift, for the layout editor)
        self.floor_id: int | None = None
        self.tz = ZoneInfo("UTC")
        self.undo = QUndoStack(self)
        self._fitted = None
        self._build()
        self.actions = MapActions(self)
        self.retranslate()

    def _build(self) -> None:
        self.shift_label = QLabel(objectName="map_shift")
        self.floor_box = QComboBox(objectName="map_floor")
        self.floor_box.activated.connect(lambda _: self._floor_chosen())
        self.edit_box = QCheckBox(objectName="map_edit")
        self.edit_box.toggled.connect(self.set_editing)
        self.find = QLineEdit(objectName="map_find", clearButtonEnabled=True)
        self.find.returnPressed.connect(lambda: self.find_agent(self.find.text()))
        self.menu_button = QToolButton(objectName="map_menu", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.zoom_in, self.zoom_out, self.fit_button = (QToolButton(objectName=n) for n in ("zoom_in", "zoom_out", "fit"))
        self.zoom_in.setText("+")
        self.zoom_out.setText("−")
        bar = QHBoxLayout()
        for w in (self.shift_label, self.floor_box, self.edit_box, self.find, self.zoom_out, self.zoom_in,
                  self.fit_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.menu_button)
        self.scene = SeatMapScene(self)
        self.map = MapView(self.scene)
        self.zoom_in.clicked.connect(lambda: self.map.zoom(1.2))
        self.zoom_out.clicked.connect(lambda: self.map.zoom(1 / 1.2))
        self.fit_button.clicked.connect(self.map.fit)
        self.empty = QLabel(objectName="map_empty", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("font-size: 14pt; color: #555; padding: 30px")
        self.unseated_title, self.conflicts_title, self.notes_title = QLabel(), QLabel(), QLabel()
        self.unseated = UnseatedList()
        self.conflicts = QListWidget(objectName="map_conflicts")
        self.notes = QListWidget(objectName="map_notes")
        for lst in (self.conflicts, self.notes):
            lst.setWordWrap(True)
        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        for w, stretch in ((self.unseated_title, 0), (self.unseated, 3), (self.conflicts_title, 0), (self.conflicts, 1),
                           (self.notes_title, 0), (self.notes, 2)):
            sv.addWidget(w, stretch)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.empty)
        lv.addWidget(self.map, 1)
        self.splitter = QSplitter(objectName="map_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([980, 280])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        for key, slot in (("Ctrl+Z", self.undo.undo), ("Ctrl+Shift+Z", self.undo.redo), ("Ctrl+F", self.find.setFocus)):
            QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(slot)

    def title_text(self) -> str:
        return self.tr("Seat map")

    def retranslate(self) -> None:
        self.edit_box.setText(self.tr("Edit the layout"))
        self.find.setPlaceholderText(self.tr("Find an agent (Ctrl+F)"))
        self.fit_button.setText(self.tr("Fit"))
        self.menu_button.setText(self.tr("Seating"))
        self.unseated_title.setText(self.tr("Expected on the floor, not seated (drag onto a seat)"))
        self.conflicts_title.setText(self.tr("Conflicts"))
        self.notes_title.setText(self.tr("Notes"))
        self.scene.set_out_word(self.tr("out of service"))
        self.actions.retranslate()
        if self.seat_map is not None:
            self._show(self.seat_map)
        self._empty_text()

    # --- loading ------------------------------------------------------------------------------
    def follow(self, day: date, definition_id: int) -> None:
        """Show the shift the sheet shows (called when the sheet loads a shift)."""
        if self.shift != (day, definition_id):
            self.undo.clear()
        self.shift = (day, definition_id)
        self.load()

    def refresh(self) -> None:
        self.load()

    def showEvent(self, event) -> None:  # Qt override: attendance may have freed seats meanwhile
        super().showEvent(event)
        self.load()

    def load(self) -> None:
        console = self.context.console
        if console is None:
            return
        if self.shift is None:  # no shift defined yet: the layout can still be drawn
            def layouts():
                from app.services import seating

                floors = seating.list_floors(console)
                return floors, tuple(seating.floor_layout(console, f.id) for f in floors)

            self.context.runner.run(layouts, on_done=self._layouts_loaded, on_error=report_error)
            return
        day, definition_id = self.shift
        now = self.context.now()

        def work():
            from app.services import seating

            return seating.list_floors(console), seating.load_seat_map(console, day, definition_id, now)

        self.context.runner.run(work, on_done=self._loaded, on_error=report_error)

    def _layouts_loaded(self, result) -> None:
        self.floors, self.layouts = result
        self._fill_floors()
        layout = next((lay for lay in self.layouts if lay.floor.id == self.floor_id), None)
        if layout is not None:
            self.scene.show_layout(layout)
        self._empty_text()

    def _loaded(self, result) -> None:
        self.floors, seat_map = result
        self._fill_floors()
        self.show_map(seat_map)

    def _fill_floors(self) -> None:
        self.floor_box.clear()
        for f in self.floors:
            self.floor_box.addItem(f.name, f.id)
        ids = [f.id for f in self.floors]
        if self.floor_id not in ids:
            self.floor_id = ids[0] if ids else None
        if self.floor_id is not None:
            self.floor_box.setCurrentIndex(ids.index(self.floor_id))

    def show_map(self, seat_map: SeatMap) -> None:
        """Put a SeatMap on screen (every seating write answers with one)."""
        self.seat_map = seat_map
        self.layouts = seat_map.layouts
        self.tz = ZoneInfo(seat_map.timezone)
        self._show(seat_map)
        self.map_loaded.emit(seat_map)

    def _show(self, seat_map: SeatMap) -> None:
        self.shift_label.setText(self.tr("Shift: {shift}").format(shift=seat_map.shift_label))
        layout = next((lay for lay in seat_map.layouts if lay.floor.id == self.floor_id), None)
        if layout is not None:
            self.scene.show_layout(layout)
            names = {a.id: a.name for a in seat_map.agents}
            self.scene.show_map(seat_map, names)
            if self._fitted != layout.floor.id:
                self._fitted = layout.floor.id
                self.map.fit()
        self._fill_side(seat_map)
        self._empty_text()

    def _fill_side(self, seat_map: SeatMap) -> None:
        seated = {p.agent_id for p in seat_map.assignments}
        colours = dict(seat_map.team_colours)
        self.unseated.clear()
        for agent in sorted(seat_map.agents, key=lambda a: (a.team_name or "", a.name)):
            if agent.id in seat_map.present_ids and agent.id not in seated:
                item = QListWidgetItem(f"{agent.name}  · {agent.team_name or ''}")
                item.setData(AGENT_ROLE, agent.id)
                if agent.team_id in colours:
                    item.setForeground(Qt.GlobalColor.black)
                    item.setToolTip(agent.employee_no)
                self.unseated.addItem(item)
        names = {a.id: a.name for a in seat_map.agents}
        codes = {s.id: s.code for lay in seat_map.layouts for s in lay.seats}
        self.conflicts.clear()
        for c in seat_map.conflicts:
            self.conflicts.addItem(words.conflict_text(c, names, codes))
        self.notes.clear()
        for f in seat_map.freed:
            self.notes.addItem(self.tr("Seat {seat} freed: {name} marked absent ({time})").format(
                seat=f.seat_code, name=f.agent_name, time=f"{f.at.astimezone(self.tz):%H:%M}"))
        for lay in seat_map.layouts:
            for s in lay.seats:
                if s.out_of_service is not None:
                    o = s.out_of_service
                    if o.expected_back:
                        self.notes.addItem(self.tr("Seat {seat} out of service: {reason} · back {time}").format(
                            seat=s.code, reason=o.reason, time=f"{o.expected_back.astimezone(self.tz):%m-%d %H:%M}"))
                    else:
                        self.notes.addItem(self.tr("Seat {seat} out of service: {reason}").format(seat=s.code, reason=o.reason))
        for note in self.actions.unplaced_notes:
            self.notes.addItem(note)
        completer = QCompleter([a.name for a in seat_map.agents], self.find)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.find.setCompleter(completer)

    def _empty_text(self) -> None:
        if not self.floors:
            text = self.tr("No floor yet. Seating menu: import a layout (CSV: seat code, x, y, zone) or add a floor "
                           "and draw it in Edit the layout.")
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    def _floor_chosen(self) -> None:
        self.floor_id = self.floor_box.currentData()
        if self.seat_map is not None:
            self._show(self.seat_map)
        else:
            layout = next((lay for lay in self.layouts if lay.floor.id == self.floor_id), None)
            if layout is not None:
                self.scene.show_layout(layout)

    # --- what the actions call ---------------------------------------------------------------
    def set_editing(self, on: bool) -> None:
        self.scene.set_editing(on)
        self.map.set_editing(on)

    def find_agent(self, text: str) -> bool:
        """Centre the map on the seat of the agent whose name contains `text`; False when not seated."""
        if self.seat_map is None or not text.strip():
            return False
        needle = text.strip().casefold()
        match = [a for a in self.seat_map.agents if needle in a.name.casefold()]
        for item in self.scene.seats.values():
            item.set_highlight(False)
        floor_of = {s.id: lay.floor.id for lay in self.seat_map.layouts for s in lay.seats}
        for agent in match:
            for pair in self.seat_map.assignments:
                if pair.agent_id != agent.id or pair.seat_id not in floor_of:
                    continue
                if floor_of[pair.seat_id] != self.floor_id:  # seated on another floor: show that one
                    self.floor_id = floor_of[pair.seat_id]
                    self.floor_box.setCurrentIndex(max(0, self.floor_box.findData(self.floor_id)))
                    self._show(self.seat_map)
                item = self.scene.seats[pair.seat_id]
                item.set_highlight(True)
                self.map.centerOn(item)
                self.context.status(self.tr("{name} sits at {seat}.").format(name=agent.name, seat=item.seat.code))
                return True
        self.context.status(self.tr("No seated agent matches {text}.").format(text=text))
        return False
