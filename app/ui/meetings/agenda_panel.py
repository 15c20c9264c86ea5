"""The pre-shift agenda (班前会) of a shift: built automatically when none was prepared, edited, saved as a revision.

Left, the parts in order with their clock times and time boxes (spin boxes);
Up/Down move the selected part, a part of one's own can be added or removed.
Right, the selected part: its title and text, and by kind the notices with
"where to find it" (editable), the warm-up chosen from the library with the
topic, or what the part is about (read-only). On top, the date and shift
(the next shift by default), the meeting's start and whether the agenda was
prepared; a warning when the meeting runs past the shift's start. The
agenda being edited is a value (`self.agenda`); Save keeps it as the next
revision. Print preview and Save as PDF print it as it stands.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QTimeEdit, QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidSettingError
from app.domain.meetings import (
    MAX_PART_MINUTES, Agenda, AgendaPart, PartKind, Warmup, WarmupKind, check_agenda, with_warmup,
)
from app.printing.agenda import agenda_words
from app.ui.actions import widget_shortcuts
from app.ui.errors import describe
from app.ui.meetings.words import ShiftPicker, minutes_suffix, nearest_before, part_title, ui_language, warmup_kinds

OWN_PART_MINUTES = 2


class AgendaPanel(QWidget):
    """State: the agenda being edited (Agenda or None), the day's slots, the warm-up library of its language,
    the site's zone and name; `dirty`: edited since it was read or saved."""

    saved = Signal(object)  # Agenda

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.agenda: Agenda | None = None
        self.slots = ()
        self.library: tuple[Warmup, ...] = ()
        self.tz = ZoneInfo("UTC")
        self.site = ""
        self.dirty = False
        self.following = True  # the next shift (moves on with the clock), not one picked by hand
        self.dialog = None
        self._filling = False
        self._build()
        self.retranslate()

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.picker = ShiftPicker("agenda", self)
        self.picker.chosen.connect(lambda day, definition: self.load(day, definition))
        self.picker.default_requested.connect(self.go_to_next)
        self.start_label = QLabel()
        self.start_edit = QTimeEdit(objectName="agenda_start", displayFormat="HH:mm")
        self.start_edit.timeChanged.connect(self._start_changed)
        self.start_label.setBuddy(self.start_edit)
        self.fit_button = QPushButton(objectName="agenda_fit")
        self.fit_button.clicked.connect(self.fit_before_shift)
        self.state = QLabel(objectName="agenda_state")
        self.state.setStyleSheet("color: #555")
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addSpacing(12)
        for w in (self.start_label, self.start_edit, self.fit_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.state, 1)
        self.warning = QLabel(objectName="agenda_warning", wordWrap=True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold")
        self.warning.hide()
        # The least damaging slot for the meeting from the traffic expected (services.staffing), with a button
        # that moves the meeting there.
        self.advice = None
        self._advice_timer = QTimer(self, singleShot=True, interval=600)  # a time box changed: ask again after
        self._advice_timer.timeout.connect(self._ask_advice)
        self.slot_advice = QLabel(objectName="agenda_slot_advice", wordWrap=True)
        self.slot_advice.setStyleSheet("color: #1f4e79")
        self.use_slot_button = QPushButton(objectName="agenda_use_slot")
        self.use_slot_button.clicked.connect(self.use_slot)
        advice_row = QHBoxLayout()
        advice_row.addWidget(self.slot_advice, 1)
        advice_row.addWidget(self.use_slot_button)
        self.slot_advice.hide()
        self.use_slot_button.hide()

        self.parts = QTableWidget(0, 3, objectName="agenda_parts")
        self.parts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.parts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.verticalHeader().hide()
        self.parts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.parts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.parts.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.parts.currentCellChanged.connect(lambda *_: self._show_part())
        self.up_button = QPushButton(objectName="agenda_up")
        self.down_button = QPushButton(objectName="agenda_down")
        self.add_button = QPushButton(objectName="agenda_add")
        self.remove_button = QPushButton(objectName="agenda_remove")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.add_button.clicked.connect(self.add_part)
        self.remove_button.clicked.connect(self.remove_part)
        order = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.add_button, self.remove_button):
            order.addWidget(b)
        order.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.parts, 1)
        lv.addLayout(order)

        self.part_box = QGroupBox(objectName="agenda_part")
        self.title_edit = QLineEdit(objectName="agenda_part_title")
        self.title_edit.textEdited.connect(lambda _: self._part_edited())
        self.text_edit = QPlainTextEdit(objectName="agenda_part_text")
        self.text_edit.setMaximumHeight(90)
        self.text_edit.textChanged.connect(self._part_edited)
        self.title_label, self.text_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.title_label, self.title_edit)
        form.addRow(self.text_label, self.text_edit)
        self.notices = QTableWidget(0, 3, objectName="agenda_notices")
        self.notices.verticalHeader().hide()
        self.notices.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.notices.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.notices.itemChanged.connect(self._where_edited)
        self.warmup_label, self.topic_label = QLabel(), QLabel()
        self.warmup_box = QComboBox(objectName="agenda_warmup")
        self.warmup_box.activated.connect(lambda _: self._warmup_chosen())
        self.warmups_button = QPushButton(objectName="agenda_warmups")
        self.warmups_button.clicked.connect(self.open_warmups)
        self.topic_edit = QLineEdit(objectName="agenda_topic")
        self.topic_edit.textEdited.connect(lambda _: self._topic_edited())
        self.how_to = QLabel(objectName="agenda_how_to", wordWrap=True)
        self.how_to.setStyleSheet("background: #f6f6f6; border: 1px solid #ddd; padding: 4px")
        warm_row = QHBoxLayout()
        warm_row.addWidget(self.warmup_box, 1)
        warm_row.addWidget(self.warmups_button)
        self.warm = QWidget()
        wf = QFormLayout(self.warm)
        wf.setContentsMargins(0, 0, 0, 0)
        wf.addRow(self.warmup_label, warm_row)
        wf.addRow(self.topic_label, self.topic_edit)
        self.warm_box = QWidget()
        wv = QVBoxLayout(self.warm_box)
        wv.setContentsMargins(0, 0, 0, 0)
        wv.addWidget(self.warm)
        wv.addWidget(self.how_to)
        self.content = QLabel(objectName="agenda_content", wordWrap=True)
        self.content.setStyleSheet("background: #f6f6f6; border: 1px solid #ddd; padding: 4px")
        pv = QVBoxLayout(self.part_box)
        pv.addLayout(form)
        pv.addWidget(self.notices, 1)
        pv.addWidget(self.warm_box)
        pv.addWidget(self.content)
        pv.addStretch(0)

        self.splitter = QSplitter(objectName="agenda_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.part_box)
        self.splitter.setSizes([380, 520])

        self.save_button = QPushButton(objectName="agenda_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.rebuild_button = QPushButton(objectName="agenda_rebuild")
        self.rebuild_button.clicked.connect(self.rebuild)
        self.preview_button = QPushButton(objectName="agenda_preview")
        self.preview_button.clicked.connect(lambda: self.print_preview())
        self.pdf_button = QPushButton(objectName="agenda_pdf")
        self.pdf_button.clicked.connect(lambda: self.print_pdf())
        buttons = QHBoxLayout()
        buttons.addWidget(self.rebuild_button)
        buttons.addStretch(1)
        for b in (self.preview_button, self.pdf_button, self.save_button):
            buttons.addWidget(b)
        self.message = QLabel(objectName="agenda_message", wordWrap=True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addLayout(advice_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.shortcuts = widget_shortcuts(self, (("Ctrl+S", self.save), ("Ctrl+P", self.print_preview),
                                                 ("Alt+Up", lambda: self.move(-1)),
                                                 ("Alt+Down", lambda: self.move(1))))
        self._update_enabled()

    def retranslate(self) -> None:
        self.picker.retranslate(self.tr("Next shift"))
        self.start_label.setText(self.tr("Meeting starts"))
        self.fit_button.setText(self.tr("End at the shift's start"))
        self.fit_button.setToolTip(self.tr("Move the meeting's start so that it ends when the shift starts"))
        self.use_slot_button.setText(self.tr("Hold it then"))
        self.use_slot_button.setToolTip(self.tr("Move the meeting to the slot with the least expected damage"))
        self._show_advice()
        self.parts.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Part"), self.tr("Time box")])
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.add_button.setText(self.tr("Add a part"))
        self.remove_button.setText(self.tr("Remove the part"))
        self.title_label.setText(self.tr("Title"))
        self.text_label.setText(self.tr("What to say"))
        self.notices.setHorizontalHeaderLabels([self.tr("Notice"), self.tr("Priority"), self.tr("Where to find it")])
        self.warmup_label.setText(self.tr("Warm-up"))
        self.warmups_button.setText(self.tr("Warm-ups…"))
        self.topic_label.setText(self.tr("Topic"))
        self.topic_edit.setPlaceholderText(self.tr("The topic set at yesterday's post-shift meeting"))
        self.save_button.setText(self.tr("Save the agenda"))
        self.rebuild_button.setText(self.tr("Build again"))
        self.rebuild_button.setToolTip(self.tr("Build the agenda again from the console's data (edits not saved "
                                               "are lost)"))
        self.preview_button.setText(self.tr("Print preview…"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        if self.agenda is not None:
            self._show_agenda(keep_row=True)

    # --- loading ------------------------------------------------------------------------------------
    def go_to_next(self) -> None:
        self.following = True
        self._load(None, None, "next")

    def load(self, day=None, definition_id=None) -> None:
        self.following = False
        self._load(day, definition_id, "chosen")

    def refresh(self) -> None:
        """Read the shown shift's agenda again (edits not saved are dropped)."""
        if self.agenda is None:
            self.go_to_next()
        else:
            self._load(self.agenda.day, self._definition_id(), "chosen")

    def rebuild(self) -> None:
        if self.agenda is not None:
            self._load(self.agenda.day, self._definition_id(), "build")

    def _definition_id(self):
        return self.picker.shift.currentData()

    def _load(self, day, definition_id, mode: str) -> None:
        console = self.context.console
        if console is None:
            return
        now, language = self.context.now(), ui_language()
        self._mode = mode
        self.context.runner.run(gather_agenda, console, day, definition_id, now, language, mode,
                                on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result) -> None:
        day, slots, definition_id, agenda, library, site = result
        self.slots, self.library = slots, library
        if (getattr(self, "_mode", None) != "build" and self.dirty and self.agenda is not None
                and agenda is not None and agenda.instance_id == self.agenda.instance_id):
            return  # typed while it was read again (another desk wrote): the edit stays, the read is dropped
        self.site, self.tz = (site.name, ZoneInfo(site.timezone)) if site is not None else ("", self.tz)
        self.picker.show_slots(day, slots, definition_id, self._slot_label)
        self.agenda = agenda
        self.dirty = False
        self._say("" if agenda is not None else self.tr("No shift is defined for this day."),
                  error=agenda is None)
        self._show_agenda()
        self._ask_advice()

    # --- when to hold it ----------------------------------------------------------------------------
    def _ask_advice(self) -> None:
        """The least damaging slot for a meeting as long as this one, in the two hours before the shift."""
        self.advice = None
        self._show_advice()
        agenda, console = self.agenda, self.context.console
        if agenda is None or console is None:
            return
        from app.services import staffing

        minutes = max(1, int(self._length().total_seconds() // 60))
        instance_id = agenda.instance_id

        def shown(advice) -> None:
            if self.agenda is not None and self.agenda.instance_id == instance_id:
                self.advice = advice
                self._show_advice()

        self.context.runner.run(_advice, staffing.meeting_slot_for_shift, console, instance_id, self.context.now(),
                                minutes, on_done=shown, on_error=lambda exc: None)

    def _length(self):
        return self.agenda.meeting_end - self.agenda.meeting_start

    def _show_advice(self) -> None:
        advice = self.advice
        if advice is None:
            self.slot_advice.hide()
            self.use_slot_button.hide()
            return
        self.slot_advice.setText(self.tr(
            "Least damage to the service level: {start}–{end} ({source}: the {agents} agents of the shift leave the "
            "phones where they are on them; about {damage:.1f} more calls miss the threshold; expected {before} → "
            "{after}).").format(
            start=self._hm(advice.start), end=self._hm(advice.end), source=advice.source, damage=advice.damage,
            agents=advice.agents_off, before=_pct(advice.expected_sl_before), after=_pct(advice.expected_sl_after)))
        self.slot_advice.show()
        self.use_slot_button.show()
        self.use_slot_button.setEnabled(self.agenda is not None and self.agenda.meeting_start != advice.start)

    def use_slot(self) -> None:
        """Start the meeting at the advised slot's start."""
        if self.advice is None or self.agenda is None:
            return
        local = self.advice.start.astimezone(self.tz)
        self.start_edit.setTime(QTime(local.hour, local.minute))  # -> _start_changed

    def _slot_label(self, slot) -> str:
        return "{name} {start}–{end}".format(name=slot.definition.name, start=self._hm(slot.start),
                                             end=self._hm(slot.end))

    def _hm(self, at: datetime) -> str:
        return at.astimezone(self.tz).strftime("%H:%M")

    # --- showing ----------------------------------------------------------------------------------
    def _show_agenda(self, keep_row: bool = False) -> None:
        row = self.parts.currentRow() if keep_row else 0
        self._filling = True
        try:
            agenda = self.agenda
            self.parts.setRowCount(0)
            if agenda is not None:
                printed = agenda_words()
                self.parts.setRowCount(len(agenda.parts))
                for i, part in enumerate(agenda.parts):
                    self.parts.setItem(i, 0, QTableWidgetItem())
                    self.parts.setItem(i, 1, QTableWidgetItem(part_title(part, printed)))
                    spin = QSpinBox(objectName=f"agenda_minutes_{i}", minimum=1, maximum=MAX_PART_MINUTES)
                    spin.setSuffix(minutes_suffix())
                    spin.setValue(part.minutes)
                    spin.valueChanged.connect(lambda value, spin=spin: self._minutes_changed(spin, value))
                    self.parts.setCellWidget(i, 2, spin)
                start = agenda.meeting_start.astimezone(self.tz)
                self.start_edit.setTime(QTime(start.hour, start.minute))
            self._show_times()
        finally:
            self._filling = False
        if self.agenda is not None and self.agenda.parts:
            self.parts.setCurrentCell(min(max(row, 0), len(self.agenda.parts) - 1), 1)
        self._show_part()
        self._show_state()
        self._update_enabled()

    def _show_times(self) -> None:
        """The parts' clock times, the state line and the warning (after any change of time)."""
        if self.advice is not None:
            if self.agenda is not None and self.advice.end - self.advice.start != self._length():
                self.advice = None  # for another length: asked again once the time boxes rest
                self._show_advice()
                self._advice_timer.start()
            else:
                self._show_advice()
        if self.agenda is None:
            self.warning.hide()
            return
        for i, scheduled in enumerate(self.agenda.schedule()):
            item = self.parts.item(i, 0)
            if item is not None:
                item.setText("{start}–{end}".format(start=self._hm(scheduled.start), end=self._hm(scheduled.end)))
        self._check()

    def _check(self) -> None:
        agenda = self.agenda
        try:
            check_agenda(agenda)
        except InvalidSettingError as exc:
            if exc.setting == "meeting_end":
                late = int((agenda.meeting_end - agenda.shift_start).total_seconds() // 60)
                text = self.tr("The meeting ends at {end}, {late} min after the shift starts at {start}: shorten "
                               "a time box or start earlier.").format(end=self._hm(agenda.meeting_end), late=late,
                                                                      start=self._hm(agenda.shift_start))
            elif exc.setting == "title":
                text = self.tr("A part of your own needs a title or a text.")
            else:
                text = describe(exc)
            self.warning.setText(text)
            self.warning.show()
            return
        self.warning.setText("")
        self.warning.hide()

    def _show_state(self) -> None:
        agenda = self.agenda
        if agenda is None:
            self.state.setText("")
            return
        if agenda.prepared and agenda.saved_at is not None:
            text = self.tr("Prepared by {by} at {time} (revision {revision})").format(
                by=agenda.saved_by, time=agenda.saved_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M"),
                revision=agenda.revision)
        else:
            text = self.tr("Not prepared yet: built automatically")
        if self.dirty:
            text = self.tr("{state} · changed, not saved").format(state=text)
        meeting = self.tr("{shift} {day}: meeting {start}–{end}, shift starts {shift_start}").format(
            shift=agenda.shift_name, day=agenda.day.isoformat(), start=self._hm(agenda.meeting_start),
            end=self._hm(agenda.meeting_end), shift_start=self._hm(agenda.shift_start))
        self.state.setText("{meeting}\n{state}".format(meeting=meeting, state=text))

    def selected_index(self) -> int | None:
        row = self.parts.currentRow()
        return row if self.agenda is not None and 0 <= row < len(self.agenda.parts) else None

    def selected_part(self) -> AgendaPart | None:
        index = self.selected_index()
        return self.agenda.parts[index] if index is not None else None

    def _show_part(self) -> None:
        if self._filling:
            return
        part = self.selected_part()
        self._filling = True
        try:
            self.part_box.setEnabled(part is not None)
            self.notices.setVisible(part is not None and part.kind is PartKind.NOTICES)
            self.warm_box.setVisible(part is not None and part.kind is PartKind.WARMUP)
            if part is None:
                self.part_box.setTitle("")
                self.title_edit.clear()
                self.text_edit.clear()
                self.content.hide()
                return
            printed = agenda_words()
            self.part_box.setTitle(part_title(part, printed))
            self.title_edit.setText(part.title)
            self.title_edit.setPlaceholderText(printed[f"part.{part.kind.value}"])
            self.text_edit.setPlainText(part.text)
            if part.kind is PartKind.NOTICES:
                self._fill_notices(part)
            if part.kind is PartKind.WARMUP:
                self._fill_warmup(part)
            content = self._content(part)
            self.content.setText(content)
            self.content.setVisible(bool(content))
        finally:
            self._filling = False
        self._update_enabled()

    def _fill_notices(self, part: AgendaPart) -> None:
        from app.ui.shift_sheet.words import priorities
        from app.domain.notices import Priority

        names = priorities()
        self.notices.setRowCount(len(part.notices))
        for i, n in enumerate(part.notices):
            title = QTableWidgetItem(n.title)
            title.setToolTip(n.text)
            title.setFlags(title.flags() & ~Qt.ItemFlag.ItemIsEditable)
            priority = QTableWidgetItem(names.get(Priority(n.priority), n.priority))
            priority.setFlags(priority.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.notices.setItem(i, 0, title)
            self.notices.setItem(i, 1, priority)
            self.notices.setItem(i, 2, QTableWidgetItem(n.where))

    def _fill_warmup(self, part: AgendaPart) -> None:
        kinds = warmup_kinds()
        self.warmup_box.clear()
        for w in self.library:
            self.warmup_box.addItem(self.tr("{name} ({kind}, {minutes} min)").format(
                name=w.name, kind=kinds[w.kind], minutes=w.minutes), w.id)
        chosen = part.warmup
        if chosen is not None and self.warmup_box.findData(chosen.id) < 0:  # out of the rotation now: still shown
            self.warmup_box.addItem(chosen.name, chosen.id)
        self.warmup_box.setCurrentIndex(self.warmup_box.findData(chosen.id) if chosen is not None else -1)
        self.topic_edit.setText(part.topic)
        self.topic_edit.setEnabled(chosen is not None and chosen.kind is WarmupKind.SHARING)
        self.how_to.setText(chosen.how_to if chosen is not None else self.tr("No warm-up chosen."))

    def _content(self, part: AgendaPart) -> str:
        """What a part is about, read-only (attendance, follow-ups, lessons)."""
        if part.kind is PartKind.ATTENDANCE:
            if not part.attendance:
                return self.tr("Nobody is rostered on this shift.")
            teams: dict[str, int] = {}
            for a in part.attendance:
                teams[a.team] = teams.get(a.team, 0) + 1
            by_team = ", ".join("{team} {n}".format(team=t or self.tr("no team"), n=n) for t, n in teams.items())
            return self.tr("{count} rostered ({teams}); ticked on the printed agenda.").format(
                count=len(part.attendance), teams=by_team)
        if part.kind is PartKind.FOLLOW_UPS:
            if not part.follow_ups:
                return self.tr("No open item is carried into this shift.")
            return "\n".join("#{id} {text}".format(id=f.entry_id, text=f.text) for f in part.follow_ups)
        if part.kind is PartKind.LESSONS:
            if not part.lessons:
                return self.tr("No half hour below target in the last shift.")
            return "\n".join(self.tr("{time} {source}: {sl}% (target {target}%)").format(
                time=x.label, source=x.source, sl="{:.1f}".format(x.service_level),
                target="{:.0f}".format(x.target_percent)) for x in part.lessons)
        return ""

    def _update_enabled(self) -> None:
        index = self.selected_index()
        has = self.agenda is not None
        count = len(self.agenda.parts) if has else 0
        self.up_button.setEnabled(index is not None and index > 0)
        self.down_button.setEnabled(index is not None and index < count - 1)
        self.add_button.setEnabled(has)
        part = self.selected_part()
        self.remove_button.setEnabled(part is not None and part.kind is not PartKind.ATTENDANCE)
        for w in (self.save_button, self.rebuild_button, self.preview_button, self.pdf_button, self.start_edit,
                  self.fit_button):
            w.setEnabled(has)

    # --- editing ----------------------------------------------------------------------------------
    def _edited(self, agenda: Agenda, rebuild: bool = False) -> None:
        self.agenda = agenda
        self.dirty = True
        if rebuild:
            self._show_agenda(keep_row=True)
        else:
            self._show_times()
            self._show_state()

    def _replace_part(self, index: int, part: AgendaPart, rebuild: bool = False) -> None:
        parts = list(self.agenda.parts)
        parts[index] = part
        self._edited(replace(self.agenda, parts=tuple(parts)), rebuild)

    def _minutes_changed(self, spin: QSpinBox, value: int) -> None:
        if self._filling or self.agenda is None:
            return
        index = next((i for i in range(self.parts.rowCount()) if self.parts.cellWidget(i, 2) is spin), None)
        if index is not None:
            self._replace_part(index, replace(self.agenda.parts[index], minutes=value))

    def set_minutes(self, index: int, minutes: int) -> None:
        """The time box of the part at `index` (as typed in its spin box)."""
        self.parts.cellWidget(index, 2).setValue(minutes)

    def _start_changed(self, at: QTime) -> None:
        if self._filling or self.agenda is None:
            return
        start = nearest_before(self.agenda.shift_start, at.toPython(), self.tz)
        self._edited(replace(self.agenda, meeting_start=start))

    def fit_before_shift(self) -> None:
        if self.agenda is None:
            return
        start = self.agenda.shift_start - (self.agenda.meeting_end - self.agenda.meeting_start)
        local = start.astimezone(self.tz)
        self.start_edit.setTime(QTime(local.hour, local.minute))  # -> _start_changed

    def _part_edited(self) -> None:
        index = self.selected_index()
        if self._filling or index is None:
            return
        part = replace(self.agenda.parts[index], title=self.title_edit.text(), text=self.text_edit.toPlainText())
        self._replace_part(index, part)
        printed = agenda_words()
        self.parts.item(index, 1).setText(part_title(part, printed))
        self.part_box.setTitle(part_title(part, printed))

    def _where_edited(self, item: QTableWidgetItem) -> None:
        index = self.selected_index()
        if self._filling or index is None or item.column() != 2:
            return
        part = self.agenda.parts[index]
        notices = list(part.notices)
        notices[item.row()] = replace(notices[item.row()], where=item.text().strip())
        self._replace_part(index, replace(part, notices=tuple(notices)))

    def set_where(self, notice_row: int, where: str) -> None:
        """Type "where to find it" of a notice (the notices part must be selected)."""
        self.notices.item(notice_row, 2).setText(where)

    def _warmup_chosen(self) -> None:
        warmup_id = self.warmup_box.currentData()
        warmup = next((w for w in self.library if w.id == warmup_id), None)
        if warmup is None or self.agenda is None:
            return
        self.choose_warmup(warmup)

    def choose_warmup(self, warmup: Warmup) -> None:
        """Another warm-up: its time box becomes the warm-up's minutes."""
        self._edited(with_warmup(self.agenda, warmup), rebuild=True)

    def _topic_edited(self) -> None:
        index = self.selected_index()
        if self._filling or index is None:
            return
        self._replace_part(index, replace(self.agenda.parts[index], topic=self.topic_edit.text()))

    def move(self, step: int) -> None:
        index = self.selected_index()
        if index is None or not 0 <= index + step < len(self.agenda.parts):
            return
        parts = list(self.agenda.parts)
        parts[index], parts[index + step] = parts[index + step], parts[index]
        self._edited(replace(self.agenda, parts=tuple(parts)))
        self._show_agenda()
        self.parts.setCurrentCell(index + step, 1)

    def add_part(self) -> None:
        if self.agenda is None:
            return
        index = self.selected_index()
        at = len(self.agenda.parts) if index is None else index + 1
        parts = list(self.agenda.parts)
        parts.insert(at, AgendaPart(PartKind.OTHER, OWN_PART_MINUTES))
        self._edited(replace(self.agenda, parts=tuple(parts)))
        self._show_agenda()
        self.parts.setCurrentCell(at, 1)
        self.title_edit.setFocus()

    def remove_part(self) -> None:
        part = self.selected_part()
        if part is None or part.kind is PartKind.ATTENDANCE:
            return
        index = self.selected_index()
        parts = list(self.agenda.parts)
        del parts[index]
        self._edited(replace(self.agenda, parts=tuple(parts)), rebuild=True)

    # --- saving -------------------------------------------------------------------------------------
    def author(self) -> str | None:
        name = (self.context.writer() or "").strip() or (self.agenda.supervisor_name if self.agenda else "") or ""
        if not name.strip():
            self._say(self.tr("Choose who is writing first (Work log, Writing as)."), error=True)
            return None
        return name.strip()

    def save(self) -> None:
        from app.services import meetings

        if self.agenda is None:
            return
        by = self.author()
        if by is None:
            return

        def done(saved: Agenda) -> None:
            self.agenda = saved
            self.dirty = False
            self._show_state()
            self._say(self.tr("Agenda saved (revision {revision}).").format(revision=saved.revision))
            self.saved.emit(saved)

        self.context.runner.run(meetings.save_agenda, self.context.console, self.agenda, by, self.context.now(),
                                on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidSettingError) and exc.setting in ("meeting_end", "title") and self.agenda:
            self._check()
            self._say(self.warning.text(), error=True)
            return
        self._say(describe(exc), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        if text:
            self.context.status(text)

    # --- the library, printing -----------------------------------------------------------------------
    def open_warmups(self):
        from app.ui.meetings.warmups_dialog import WarmupsDialog

        language = self.agenda.language if self.agenda is not None else ui_language()
        self.dialog = WarmupsDialog(self.context, language, self)
        self.dialog.changed.connect(self._library_changed)
        self.dialog.open()
        return self.dialog

    def _library_changed(self, library) -> None:
        self.library = tuple(w for w in library if w.active)
        if self.selected_part() is not None and self.selected_part().kind is PartKind.WARMUP:
            self._show_part()

    def _stem(self) -> str:
        return "agenda-{day}-{shift}".format(day=self.agenda.day.isoformat(), shift=self.agenda.shift_name)

    def print_preview(self):
        from app.ui.meetings.printing import preview_agenda

        if self.agenda is not None:
            self.dialog = preview_agenda(self, self.agenda, self.site)
            return self.dialog

    def print_pdf(self, path: str | None = None) -> str | None:
        from app.ui.meetings.printing import print_agenda

        if self.agenda is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the agenda as PDF"), self._stem() + ".pdf",
                                                  self.tr("PDF (*.pdf)"))
        return print_agenda(self, self.agenda, path, self.site) if path else None


def gather_agenda(console, day, definition_id, now, language: str, mode: str):
    """On the lane: the day's slots, the shift chosen, its agenda (the prepared one, else built now; `mode`
    "build": built now in any case, "next": the next shift to start), the warm-up library, the site."""
    from app.services import meetings, shifts, sources

    if mode == "next" or day is None:
        current = shifts.current_shift(console, now)
        slot = current.next or current.slot
        day = slot.day if slot is not None else now.date()
        definition_id = slot.definition.id if slot is not None else None
    slots = shifts.slots_for(console, day)
    ids = [s.definition.id for s in slots]
    if definition_id not in ids:
        definition_id = ids[0] if ids else None
    sites = sources.list_sites(console)
    if definition_id is None:
        return day, slots, None, None, (), sites[0] if sites else None
    instance = shifts.ensure_instance(console, day, definition_id)
    agenda = None if mode == "build" else meetings.get_agenda(console, instance.id)
    if agenda is None:
        agenda = meetings.build_agenda(console, instance.id, now, language)
    if not meetings.list_warmups(console, agenda.language, agenda.site_id, include_inactive=True):
        meetings.install_warmups(console, agenda.language, now, agenda.site_id)
    library = meetings.list_warmups(console, agenda.language, agenda.site_id)
    site = next((s for s in sites if s.id == agenda.site_id), sites[0] if sites else None)
    return day, slots, definition_id, agenda, library, site


def _advice(find, console, instance_id: int, now, minutes: int):
    """The advice, or None when the site's data cannot tell (no feed, no calls known)."""
    from app.domain.errors import AppError

    try:
        return find(console, instance_id, now, minutes)
    except AppError:
        return None


def _pct(value) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"
