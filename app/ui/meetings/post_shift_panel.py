"""The post-shift meeting (班后会) of a shift: its times, the shift's figures, one case reviewed, tomorrow's topic.

The figures (service level by half hour, over the shift, attendance counts)
are the service's summary as it stands now, shown read-only; the supervisor
writes the summary text over them, picks a work-log entry of the shift as
the case reviewed (incidents and system problems first), notes, and the
topic of tomorrow's experience sharing (it flows into the next agenda's
warm-up). Save keeps a new revision. By default the shift running now; in
the overlap at a shift change, the outgoing one (its meeting comes next).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain.meetings import PostShiftMeeting, ShiftSummary
from app.domain.worklog import Category
from app.ui.actions import widget_shortcuts
from app.ui.errors import describe
from app.ui.meetings.words import ShiftPicker

CASE_ORDER = {Category.INCIDENT: 0, Category.SYSTEM_PROBLEM: 1, Category.FOLLOW_UP: 2, Category.STAFFING: 3}
CASE_TEXT_CHARS = 70


def _qdt(at: datetime) -> QDateTime:
    return QDateTime(at.date(), at.time().replace(second=0, microsecond=0))


class PostShiftPanel(QWidget):
    """State: the shift shown (instance), its summary, its newest record (or None), its work-log entries,
    the site's zone."""

    saved = Signal(object)  # PostShiftMeeting

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.instance = None
        self.summary: ShiftSummary | None = None
        self.record: PostShiftMeeting | None = None
        self.entries = ()
        self.slots = ()
        self.tz = ZoneInfo("UTC")
        self._filling = False
        self.following = True
        self.form_dirty = False  # typed since read or saved: a reading of the same shift keeps it
        self._build()
        self.retranslate()
        for signal in (self.summary_text.textChanged, self.notes.textChanged, self.topic.textEdited,
                       self.case_box.activated, self.started.dateTimeChanged, self.ended.dateTimeChanged):
            signal.connect(self._typed)

    def _build(self) -> None:
        self.picker = ShiftPicker("post_shift", self)
        self.picker.chosen.connect(lambda day, definition: self.load(day, definition))
        self.picker.default_requested.connect(self.go_to_current)
        self.state = QLabel(objectName="post_shift_state")
        self.state.setStyleSheet("color: #555")
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addSpacing(12)
        top.addWidget(self.state, 1)

        self.started = QDateTimeEdit(objectName="post_shift_started", displayFormat="yyyy-MM-dd HH:mm")
        self.ended = QDateTimeEdit(objectName="post_shift_ended", displayFormat="yyyy-MM-dd HH:mm")
        self.started_now = QPushButton(objectName="post_shift_started_now")
        self.ended_now = QPushButton(objectName="post_shift_ended_now")
        self.started_now.clicked.connect(lambda: self.started.setDateTime(_qdt(self._now_local())))
        self.ended_now.clicked.connect(lambda: self.ended.setDateTime(_qdt(self._now_local())))
        times = QHBoxLayout()
        self.started_label, self.ended_label = QLabel(), QLabel()
        for w in (self.started_label, self.started, self.started_now, self.ended_label, self.ended, self.ended_now):
            times.addWidget(w)
        times.addStretch(1)

        self.figures_box = QGroupBox(objectName="post_shift_figures")
        self.counts = QLabel(objectName="post_shift_counts", wordWrap=True)
        self.counts.setStyleSheet("font-weight: bold")
        self.totals = QLabel(objectName="post_shift_totals", wordWrap=True)
        self.intervals = QTableWidget(0, 6, objectName="post_shift_intervals")
        self.intervals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.intervals.verticalHeader().hide()
        self.intervals.verticalHeader().setDefaultSectionSize(22)
        self.intervals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        fv = QVBoxLayout(self.figures_box)
        fv.addWidget(self.counts)
        fv.addWidget(self.totals)
        fv.addWidget(self.intervals, 1)

        self.record_box = QGroupBox(objectName="post_shift_record")
        self.summary_text = QPlainTextEdit(objectName="post_shift_summary")
        self.summary_text.setMaximumHeight(160)
        self.case_box = QComboBox(objectName="post_shift_case")
        self.case_box.setMinimumWidth(260)
        self.notes = QPlainTextEdit(objectName="post_shift_notes")
        self.topic = QLineEdit(objectName="post_shift_topic")
        self.summary_label, self.case_label, self.notes_label, self.topic_label = QLabel(), QLabel(), QLabel(), QLabel()
        form = QFormLayout(self.record_box)
        form.addRow(self.summary_label, self.summary_text)
        form.addRow(self.case_label, self.case_box)
        form.addRow(self.notes_label, self.notes)
        form.addRow(self.topic_label, self.topic)
        middle = QHBoxLayout()
        middle.addWidget(self.figures_box, 1)
        middle.addWidget(self.record_box, 1)

        self.save_button = QPushButton(objectName="post_shift_save")
        self.save_button.clicked.connect(lambda: self.save())
        self.message = QLabel(objectName="post_shift_message", wordWrap=True)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.shortcuts = widget_shortcuts(self, (("Ctrl+S", self.save),))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(times)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        self._update_enabled()

    def retranslate(self) -> None:
        self.picker.retranslate(self.tr("Current shift"))
        self.started_label.setText(self.tr("Started"))
        self.ended_label.setText(self.tr("Ended"))
        self.started_now.setText(self.tr("Now"))
        self.ended_now.setText(self.tr("Now"))
        self.figures_box.setTitle(self.tr("The shift's figures (as they stand now)"))
        self.intervals.setHorizontalHeaderLabels([self.tr("Half hour"), self.tr("Source"), self.tr("SL"),
                                                  self.tr("Target"), self.tr("Offered"), self.tr("Abandoned")])
        self.record_box.setTitle(self.tr("The meeting"))
        self.summary_label.setText(self.tr("Summary"))
        self.summary_text.setPlaceholderText(self.tr("How the shift went, in your words"))
        self.case_label.setText(self.tr("Case reviewed"))
        self.notes_label.setText(self.tr("Notes"))
        self.topic_label.setText(self.tr("Tomorrow's topic"))
        self.topic.setPlaceholderText(self.tr("Shared at the next pre-shift meeting's warm-up"))
        self.save_button.setText(self.tr("Save the record"))
        self._show_figures()
        self._fill_cases(self.case_box.currentData())
        self._show_state()

    def _typed(self, *_) -> None:
        if not self._filling:
            self.form_dirty = True

    # --- loading ----------------------------------------------------------------------------------
    def _now_local(self) -> datetime:
        return self.context.now().astimezone(self.tz)

    def go_to_current(self) -> None:
        self.following = True
        self._load(None, None, "current")

    def load(self, day=None, definition_id=None) -> None:
        self.following = False
        self._load(day, definition_id, "chosen")

    def refresh(self) -> None:
        if self.instance is None:
            self.go_to_current()
        else:
            self._load(self.instance.day, self.instance.definition.id, "chosen")

    def _load(self, day, definition_id, mode: str) -> None:
        console = self.context.console
        if console is None:
            return
        self.context.runner.run(gather_post_shift, console, day, definition_id, self.context.now(), mode,
                                on_done=self._loaded, on_error=lambda exc: self._say(describe(exc), error=True))

    def _loaded(self, result) -> None:
        day, slots, definition_id, instance, summary, record, entries, site = result
        if site is not None:
            self.tz = ZoneInfo(site.timezone)
        same = self.instance is not None and instance is not None and self.instance.id == instance.id
        keep = same and self.form_dirty
        self.slots, self.instance, self.summary, self.record, self.entries = slots, instance, summary, record, entries
        self.picker.show_slots(day, slots, definition_id, self._slot_label)
        self._show_figures()
        self._filling = True
        try:
            if keep:  # the figures move on, what is being typed stays
                self._fill_cases(self.case_box.currentData())
            else:
                now = _qdt(self._now_local())
                self.started.setDateTime(_qdt(record.started_at.astimezone(self.tz)) if record else now)
                self.ended.setDateTime(_qdt(record.ended_at.astimezone(self.tz)) if record else now)
                self.summary_text.setPlainText(record.summary_text if record else "")
                self.notes.setPlainText(record.notes if record else "")
                self.topic.setText(record.tomorrow_topic if record else "")
                self._fill_cases(record.case_entry_id if record else None)
                self.form_dirty = False
        finally:
            self._filling = False
        self._show_state()
        self._say("" if instance is not None else self.tr("No shift is defined for this day."),
                  error=instance is None)
        self._update_enabled()

    def _slot_label(self, slot) -> str:
        return "{name} {start}–{end}".format(name=slot.definition.name,
                                             start=slot.start.astimezone(self.tz).strftime("%H:%M"),
                                             end=slot.end.astimezone(self.tz).strftime("%H:%M"))

    # --- showing ----------------------------------------------------------------------------------
    def _show_figures(self) -> None:
        s = self.summary
        if s is None:
            self.counts.setText("")
            self.totals.setText("")
            self.intervals.setRowCount(0)
            return
        self.counts.setText(self.tr("Rostered {scheduled} · present {present} · late {late} · absent {absent} · "
                                    "leave {leave} · swapped {swapped} · left early {left_early} · not marked "
                                    "{unmarked}").format(
            scheduled=s.scheduled, present=s.present, late=s.late, absent=s.absent, leave=s.leave,
            swapped=s.swapped, left_early=s.left_early, unmarked=s.unmarked))
        if s.total_service_level:
            totals = " · ".join("{source} {sl}".format(source=source, sl=_pct(sl))
                                for source, sl in s.total_service_level.items())
            self.totals.setText(self.tr("Service level over the shift: {totals}").format(totals=totals))
        else:
            self.totals.setText(self.tr("No complete half hour of the shift has figures yet."))
        self.intervals.setRowCount(len(s.intervals))
        for i, x in enumerate(s.intervals):
            below = x.service_level is not None and x.service_level < x.target_percent
            cells = (x.label, x.source, _pct(x.service_level), _pct(x.target_percent), _num(x.offered),
                     _num(x.abandoned))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if below and column == 2:
                    item.setForeground(Qt.GlobalColor.red)
                self.intervals.setItem(i, column, item)

    def _fill_cases(self, selected_id) -> None:
        from app.ui.work_log.words import categories

        names = categories()
        self.case_box.clear()
        self.case_box.addItem(self.tr("No case reviewed"), None)
        live = [e for e in self.entries if e.withdrawn is None]
        live.sort(key=lambda e: (CASE_ORDER.get(e.category, 9), e.event_at))
        for e in live:
            text = " ".join(e.text.split())
            if len(text) > CASE_TEXT_CHARS:
                text = text[:CASE_TEXT_CHARS - 1] + "…"
            self.case_box.addItem("#{id} {time} {category}: {text}".format(
                id=e.id, time=e.event_at.astimezone(self.tz).strftime("%H:%M"), category=names[e.category],
                text=text), e.id)
        self.case_box.setCurrentIndex(max(self.case_box.findData(selected_id), 0) if selected_id else 0)

    def _show_state(self) -> None:
        r = self.record
        if self.instance is None:
            self.state.setText("")
        elif r is None:
            self.state.setText(self.tr("No record kept yet for this shift."))
        else:
            self.state.setText(self.tr("Saved by {by} at {time} (revision {revision})").format(
                by=r.saved_by, time=r.saved_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M"),
                revision=r.revision))

    def _update_enabled(self) -> None:
        has = self.instance is not None
        for w in (self.save_button, self.record_box, self.started, self.ended, self.started_now, self.ended_now):
            w.setEnabled(has)

    # --- saving -----------------------------------------------------------------------------------
    def author(self) -> str | None:
        name = (self.context.writer() or "").strip() or (self.instance.supervisor_name if self.instance else "") or ""
        if not name.strip():
            self._say(self.tr("Choose who is writing first (Work log, Writing as)."), error=True)
            return None
        return name.strip()

    def _aware(self, edit: QDateTimeEdit) -> datetime:
        return edit.dateTime().toPython().replace(second=0, microsecond=0, tzinfo=self.tz)

    def save(self) -> None:
        from app.domain.errors import InvalidSettingError
        from app.services import meetings

        if self.instance is None:
            return
        by = self.author()
        if by is None:
            return

        def done(record: PostShiftMeeting) -> None:
            self.record = record
            self.form_dirty = False
            self.summary = record.summary
            self._show_figures()
            self._show_state()
            self._say(self.tr("Post-shift meeting saved (revision {revision}).").format(revision=record.revision))
            self.saved.emit(record)

        def failed(exc: BaseException) -> None:
            texts = {"ended_at": self.tr("The meeting ends after it starts, within 4 hours."),
                     "started_at": self.tr("Give the meeting's start.")}
            if isinstance(exc, InvalidSettingError) and exc.setting in texts:
                self._say(texts[exc.setting], error=True)
            else:
                self._say(describe(exc), error=True)

        self.context.runner.run(meetings.save_post_shift, self.context.console, self.instance.id,
                                self._aware(self.started), self._aware(self.ended), self.summary_text.toPlainText(),
                                self.case_box.currentData(), self.notes.toPlainText(), self.topic.text(), by,
                                self.context.now(), on_done=done, on_error=failed)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        if text:
            self.context.status(text)


def _pct(value: float | None) -> str:
    return "–" if value is None else "{:.1f}%".format(value)


def _num(value) -> str:
    return "–" if value is None else str(value)


def gather_post_shift(console, day, definition_id, now: datetime, mode: str):
    """On the lane: the day's slots, the shift chosen (`mode` "current": the one running now, the outgoing one
    in the overlap, else the last one started), its summary, newest record, work-log entries, the site."""
    from app.services import meetings, shifts, sources, worklog

    if mode == "current" or day is None:
        current = shifts.current_shift(console, now)
        slot = current.handing_over or current.slot
        if slot is None:
            local = now.date()
            started = [s for s in shifts.slots_for(console, local) if s.start <= now]
            slot = started[-1] if started else None
        day = slot.day if slot is not None else now.date()
        definition_id = slot.definition.id if slot is not None else None
    slots = shifts.slots_for(console, day)
    ids = [s.definition.id for s in slots]
    if definition_id not in ids:
        definition_id = ids[0] if ids else None
    sites = sources.list_sites(console)
    if definition_id is None:
        return day, slots, None, None, None, None, (), sites[0] if sites else None
    instance = shifts.ensure_instance(console, day, definition_id)
    summary = meetings.shift_summary(console, instance.id, now)
    record = meetings.get_post_shift(console, instance.id)
    entries = worklog.shift_log(console, instance.id, now).entries
    site = next((s for s in sites if s.id == instance.site_id), sites[0] if sites else None)
    return day, slots, definition_id, instance, summary, record, entries, site
