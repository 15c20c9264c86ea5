"""The on-site handover session (现场交接): the outgoing and the incoming supervisor go through seven steps and sign.

For the shift running now (or a date and shift chosen) the view opens the
handover of that OUTGOING shift, or resumes its draft. On the left the seven
steps, each ticked when gone through (Next ticks it; an empty step is ticked
"nothing to go through"); on the right the step's page: 1 the shift sheet
(counts, personnel changes, notices the incoming supervisor acknowledges with
a PIN), 2 the open items the incoming shift takes over (acknowledged in the
incoming shift's name, or handed to a new owner), 3 playbook runs, 4 seats,
5 the outgoing shift's service level, 6 long calls, 7 the face-to-face talk.
Save progress (Ctrl+S) to resume later; Ctrl+Right / Ctrl+Left go to the
next / previous step. The outgoing supervisor signs first (PIN), freezing
the snapshot; then the incoming one (PIN, never the same person). A signed
handover shows its frozen snapshot read-only, with a badge saying whether it
still matches its checksum. Print preview and Save as PDF print the report.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter,
    QStackedWidget, QVBoxLayout, QWidget,
)

from app.domain.handover import STEPS, HandoverStateError, HandoverStatus, StepState, TamperedSnapshotError
from app.ui.actions import widget_shortcuts
from app.ui.errors import describe, report_error
from app.ui.handover.pages import (
    ItemsPage, LongCallsPage, PlaybooksPage, SeatsPage, ServiceLevelPage, SheetPage, TalkPage,
)

BADGE_OK = "background: #e8f5e9; color: #1b5e20; border: 1px solid #1b5e20; padding: 2px 8px; font-weight: bold"
BADGE_BAD = "background: #fdecea; color: #b00020; border: 1px solid #b00020; padding: 2px 8px; font-weight: bold"
BADGE_DRAFT = "background: #fff8e1; color: #8a6d00; border: 1px solid #c9a400; padding: 2px 8px; font-weight: bold"


class HandoverView(QWidget):
    """State: the handover shown (with its snapshot), the day's slots, the supervisors, the checklist and talk as
    ticked and typed but not saved yet (`pending_steps`, `dirty`)."""

    view_id = "handover"
    handover_changed = Signal(object)  # Handover (signed, saved, opened)

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.handover = None
        self.slots = ()
        self.supervisors = ()
        self.pending_steps: dict[str, StepState] = {}
        self.dirty = False
        self._typed_talk: tuple[bool, str] = (False, "")
        self.following = True
        self.loaded = False
        self.dialog = None
        self._build()
        self.retranslate()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.day = QDateEdit(objectName="handover_day", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _: self.load_day())
        self.shift_box = QComboBox(objectName="handover_shift")
        self.shift_box.activated.connect(lambda _: (setattr(self, "following", False), self.load()))
        self.now_button = QPushButton(objectName="handover_now")
        self.now_button.clicked.connect(self.go_to_current)
        self.incoming_label = QLabel(objectName="handover_incoming")
        self.incoming_box = QComboBox(objectName="handover_incoming_supervisor")
        self.incoming_box.setMinimumWidth(140)
        self.incoming_box.activated.connect(lambda _: self.set_incoming_supervisor())
        self.badge = QLabel(objectName="handover_badge")
        self.day_label, self.shift_label, self.incoming_sup_label = QLabel(), QLabel(), QLabel()
        self.incoming_sup_label.setBuddy(self.incoming_box)
        bar = QHBoxLayout()
        for w in (self.day_label, self.day, self.shift_label, self.shift_box, self.now_button, self.incoming_label,
                  self.incoming_sup_label, self.incoming_box):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.badge)

        self.steps = QListWidget(objectName="handover_steps")
        self.steps.setMaximumWidth(260)
        for n, step in enumerate(STEPS):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, step)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.steps.addItem(item)
        self.steps.currentRowChanged.connect(self._step_chosen)
        self.steps.itemChanged.connect(self._step_ticked)
        self.sheet_page, self.items_page = SheetPage(), ItemsPage()
        self.pages = {
            "sheet": self.sheet_page, "items": self.items_page, "playbooks": PlaybooksPage(), "seats": SeatsPage(),
            "service_level": ServiceLevelPage(), "long_calls": LongCallsPage(), "talk": TalkPage(),
        }
        self.talk_page = self.pages["talk"]
        self.stack = QStackedWidget(objectName="handover_pages")
        for step in STEPS:
            self.stack.addWidget(self.pages[step])
        self.page_title = QLabel(objectName="handover_page_title")
        self.page_title.setStyleSheet("font-size: 15px; font-weight: bold; padding: 2px 0")
        self.back_button = QPushButton(objectName="handover_back")
        self.next_button = QPushButton(objectName="handover_next")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.page_title)
        # A page scrolls on a small screen rather than setting the window's least height.
        pages = QScrollArea(objectName="handover_pages_scroll", widgetResizable=True)
        pages.setFrameShape(QScrollArea.Shape.NoFrame)
        pages.setWidget(self.stack)
        rv.addWidget(pages, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        rv.addLayout(nav)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="handover_splitter")
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 800])

        self.save_button = QPushButton(objectName="handover_save")
        self.print_button = QPushButton(objectName="handover_print")
        self.pdf_button = QPushButton(objectName="handover_pdf")
        self.sign_out_button = QPushButton(objectName="handover_sign_outgoing")
        self.sign_in_button = QPushButton(objectName="handover_sign_incoming")
        self.signatures = QLabel(objectName="handover_signatures", wordWrap=True)
        self.save_button.clicked.connect(lambda: self.save())
        self.print_button.clicked.connect(lambda: self.print_preview())
        self.pdf_button.clicked.connect(lambda: self.print_pdf())
        self.sign_out_button.clicked.connect(lambda: self.sign_outgoing())
        self.sign_in_button.clicked.connect(lambda: self.sign_incoming())
        actions = QHBoxLayout()
        actions.addWidget(self.signatures, 1)
        for b in (self.save_button, self.print_button, self.pdf_button, self.sign_out_button, self.sign_in_button):
            actions.addWidget(b)
        self.message = QLabel(objectName="handover_message", wordWrap=True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        self.sheet_page.acknowledge_notice.connect(self.acknowledge_notice)
        self.items_page.acknowledge.connect(lambda item: self.acknowledge_item(item))
        self.items_page.hand_over.connect(self.hand_over_item)
        self.talk_page.changed.connect(self._talk_changed)
        self.shortcuts = widget_shortcuts(self, (("Ctrl+Right", self.next), ("Ctrl+Left", self.back),
                                                 ("Ctrl+S", self.save)))
        self.steps.setCurrentRow(0)

    def title_text(self) -> str:
        return self.tr("Handover")

    def step_titles(self) -> dict[str, str]:
        return {
            "sheet": self.tr("1 Shift sheet"),
            "items": self.tr("2 Open items"),
            "playbooks": self.tr("3 Playbooks"),
            "seats": self.tr("4 Seats"),
            "service_level": self.tr("5 Service level"),
            "long_calls": self.tr("6 Long calls"),
            "talk": self.tr("7 Face-to-face talk"),
        }

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Outgoing shift"))
        self.shift_label.setText("")
        self.now_button.setText(self.tr("Current shift"))
        self.incoming_sup_label.setText(self.tr("&Incoming supervisor"))
        self.back_button.setText(self.tr("◀ Back (Ctrl+Left)"))
        self.next_button.setText(self.tr("Next ▶ (Ctrl+Right)"))
        self.save_button.setText(self.tr("Save progress (Ctrl+S)"))
        self.print_button.setText(self.tr("Print…"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.sign_out_button.setText(self.tr("Sign as outgoing…"))
        self.sign_in_button.setText(self.tr("Sign as incoming…"))
        for page in self.pages.values():
            page.retranslate()
        self._fill_shift_box()
        self._show()

    # --- loading ------------------------------------------------------------------------------
    def start(self) -> None:
        self.go_to_current()

    def refresh(self) -> None:
        if self.handover is not None:
            self.load(self.handover.outgoing.day, self.handover.outgoing.definition.id)
        else:
            self.go_to_current()

    def go_to_current(self) -> None:
        console = self.context.console
        if console is None:
            return
        self.following = True
        now = self.context.now()

        def work():
            from app.services import shifts

            current = shifts.current_shift(console, now)
            slot = current.handing_over or current.slot or current.next
            day = slot.day if slot else now.date()
            definition_id = slot.definition.id if slot else None
            return day, self._gather(console, day, definition_id, now)

        self.context.runner.run(work, on_done=lambda r: self._loaded(*r), on_error=self._failed)

    def load_day(self) -> None:
        if self.context.console is None or not self.loaded:
            return
        self.following = False
        self.load(self.day.date().toPython(), self.shift_box.currentData())

    def load(self, day: date | None = None, definition_id: int | None = None) -> None:
        console = self.context.console
        if console is None:
            return
        day = day or self.day.date().toPython()
        definition_id = definition_id if definition_id is not None else self.shift_box.currentData()
        now = self.context.now()
        self.context.runner.run(lambda: (day, self._gather(console, day, definition_id, now)),
                                on_done=lambda r: self._loaded(*r), on_error=self._failed)

    @staticmethod
    def _gather(console, day, definition_id, now):
        """On the lane: the day's slots, the supervisors and the handover of the outgoing shift with a snapshot
        (opened, or the draft resumed)."""
        from app.services import handover, people, shifts

        slots = shifts.slots_for(console, day)
        ids = [s.definition.id for s in slots]
        if definition_id not in ids:
            definition_id = ids[0] if ids else None
        found, reason = None, "no_shift"
        if definition_id is not None:
            slot = next(s for s in slots if s.definition.id == definition_id)
            instance = shifts.ensure_instance(console, day, definition_id)
            existing = handover.handover_of(console, instance.id)
            if existing is None and slot.start > now:
                reason = "not_started"  # no draft for a shift still to come (browsing ahead writes nothing)
            else:
                found = handover.with_live_snapshot(console, existing or handover.open_handover(
                    console, instance.id, now), now)
        return slots, people.list_supervisors(console), found, reason

    def _loaded(self, day: date, gathered) -> None:
        slots, supervisors, found, reason = gathered
        same = found is not None and self.handover is not None and found.id == self.handover.id
        if not same or (found is not None and found.frozen):
            self.pending_steps, self.dirty = {}, False
        self.loaded = True
        self.slots, self.supervisors = slots, supervisors
        self.handover = found
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)
        self._fill_shift_box()
        self._fill_incoming()
        self._show()
        if found is None and reason == "not_started":
            self._say(self.tr("This shift has not started yet: its handover opens once it has started."), True)
        elif found is None:
            self._say(self.tr("No shift is defined for this day, or no shift follows it to hand over to."), True)
        self.handover_changed.emit(found)

    def _failed(self, exc: BaseException) -> None:
        self._say(self.word(exc), error=True)
        report_error(exc)

    def _fill_shift_box(self) -> None:
        keep = self.handover.outgoing.definition.id if self.handover else self.shift_box.currentData()
        self.shift_box.clear()
        for s in self.slots:
            self.shift_box.addItem(f"{s.definition.name}  {s.start:%H:%M}–{s.end:%H:%M}", s.definition.id)
        if keep is not None and self.shift_box.findData(keep) >= 0:
            self.shift_box.setCurrentIndex(self.shift_box.findData(keep))

    def _signers(self):
        from app.domain.people import Role

        return tuple(s for s in self.supervisors if s.role is not Role.VIEWER)

    def _fill_incoming(self) -> None:
        h = self.handover
        self.incoming_box.clear()
        self.incoming_box.addItem(self.tr("(choose)"), None)
        for s in self._signers():
            self.incoming_box.addItem(s.name, s.id)
        chosen = None
        if h is not None:
            chosen = (h.incoming_signature.supervisor_id if h.incoming_signature else None) \
                or h.incoming_supervisor_id or h.incoming.supervisor_id
        index = self.incoming_box.findData(chosen) if chosen is not None else 0
        self.incoming_box.setCurrentIndex(max(0, index))

    def incoming_supervisor(self):
        """The incoming supervisor chosen (Supervisor), or None."""
        chosen = self.incoming_box.currentData()
        return next((s for s in self.supervisors if s.id == chosen), None)

    # --- showing ----------------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.handover is None or self.handover.frozen

    def _show(self) -> None:
        from app.printing.handover_report import report_words

        h = self.handover
        titles = self.step_titles()
        states = dict(h.steps) if h is not None else {}
        states.update(self.pending_steps)
        self.steps.blockSignals(True)
        for row, step in enumerate(STEPS):
            item = self.steps.item(row)
            state = states.get(step, StepState.TODO)
            text = titles[step]
            if state is StepState.SKIPPED:
                text += " " + self.tr("(nothing to go through)")
            item.setText(text)
            item.setCheckState(Qt.CheckState.Unchecked if state is StepState.TODO else Qt.CheckState.Checked)
            flags = item.flags()
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable if self.read_only
                          else flags | Qt.ItemFlag.ItemIsUserCheckable)
        self.steps.blockSignals(False)
        self._show_title()
        if h is not None and h.snapshot is not None:
            w = report_words()
            for step in STEPS:
                self.pages[step].show_snapshot(h.snapshot, w, self.read_only)
            if self.dirty and not self.read_only:
                self.talk_page.set_values(*self._typed_talk)
        self._show_header()
        self._update_enabled()

    def _show_header(self) -> None:
        h = self.handover
        if h is None:
            self.incoming_label.setText("")
            self.badge.setText("")
            self.badge.setStyleSheet("")
            self.signatures.setText("")
            return
        s = h.snapshot or {}
        incoming = s.get("incoming") or {}
        self.incoming_label.setText(self.tr("→ {shift} {day} {start}").format(
            shift=h.incoming.definition.name, day=h.incoming.day.isoformat(),
            start=(incoming.get("start") or "")[11:16]))
        if not h.frozen:
            self.badge.setText(self.tr("Draft: not signed"))
            self.badge.setStyleSheet(BADGE_DRAFT)
        elif h.verified:
            self.badge.setText(self.tr("✓ Verified: matches its checksum") if h.signed
                               else self.tr("✓ Verified · waiting for the incoming signature"))
            self.badge.setStyleSheet(BADGE_OK)
        else:
            self.badge.setText(self.tr("✗ Changed behind its checksum"))
            self.badge.setStyleSheet(BADGE_BAD)
        self.badge.setToolTip(self.tr("SHA-256 {checksum}").format(checksum=h.outgoing_signature.checksum)
                              if h.outgoing_signature else "")
        parts = []
        for label, sig in ((self.tr("Outgoing"), h.outgoing_signature), (self.tr("Incoming"), h.incoming_signature)):
            if sig is None:
                parts.append(self.tr("{role}: not signed").format(role=label))
            else:
                at = sig.at.astimezone(_zone(h.timezone))
                parts.append(self.tr("{role}: {name}, signed {time}").format(role=label, name=sig.supervisor_name,
                                                                          time=at.strftime("%Y-%m-%d %H:%M")))
        self.signatures.setText(" · ".join(parts))

    def _show_title(self) -> None:
        row = max(0, self.steps.currentRow())
        self.page_title.setText(self.step_titles()[STEPS[row]])

    def _update_enabled(self) -> None:
        h = self.handover
        draft = h is not None and h.status is HandoverStatus.DRAFT
        for w in (self.save_button, self.sign_out_button):
            w.setEnabled(draft)
        self.sign_in_button.setEnabled(h is not None and h.status is HandoverStatus.OUTGOING_SIGNED)
        self.incoming_box.setEnabled(draft)
        for w in (self.print_button, self.pdf_button):
            w.setEnabled(h is not None and h.snapshot is not None)
        row = self.steps.currentRow()
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(STEPS) - 1 or not self.read_only)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        if text:
            self.context.status(text)

    # --- steps ------------------------------------------------------------------------------------
    def current_step(self) -> str:
        return STEPS[max(0, self.steps.currentRow())]

    def _step_chosen(self, row: int) -> None:
        if 0 <= row < len(STEPS):
            self.stack.setCurrentIndex(row)
            self._show_title()
            self._update_enabled()

    def _step_ticked(self, item: QListWidgetItem) -> None:
        if self.read_only:
            return
        step = item.data(Qt.ItemDataRole.UserRole)
        self.set_step(step, StepState.DONE if item.checkState() == Qt.CheckState.Checked else StepState.TODO)

    def set_step(self, step: str, state: StepState) -> None:
        self.pending_steps[step] = state
        self.dirty = True
        self._typed_talk = self._talk_values()
        self._show()

    def step_state(self, step: str) -> StepState:
        if step in self.pending_steps:
            return self.pending_steps[step]
        return self.handover.step_state(step) if self.handover is not None else StepState.TODO

    def next(self) -> None:
        """Tick the step shown (done, or nothing to go through when its page is empty) and go to the next one."""
        row = self.steps.currentRow()
        step = STEPS[row]
        if not self.read_only and self.step_state(step) is StepState.TODO:
            self.set_step(step, StepState.DONE if self.pages[step].has_content else StepState.SKIPPED)
        if row < len(STEPS) - 1:
            self.steps.setCurrentRow(row + 1)

    def back(self) -> None:
        row = self.steps.currentRow()
        if row > 0:
            self.steps.setCurrentRow(row - 1)

    def _talk_values(self) -> tuple[bool, str]:
        return self.talk_page.done.isChecked(), self.talk_page.note.toPlainText()

    def _talk_changed(self) -> None:
        if not self.read_only:
            self.dirty = True
            self._typed_talk = self._talk_values()

    # --- writing ----------------------------------------------------------------------------------
    def word(self, exc: BaseException) -> str:
        """`exc` worded for the two supervisors (the handover's refusals here, the rest by app.ui.errors)."""
        if isinstance(exc, HandoverStateError):
            texts = {
                "same_person": self.tr("The incoming supervisor must be someone else: {name} signed as outgoing "
                                       "already."),
                "outgoing_not_signed": self.tr("The outgoing supervisor signs first."),
                "not_draft": self.tr("The outgoing supervisor has signed already."),
                "signed": self.tr("This handover is signed; it can no longer change."),
                "viewer": self.tr("A viewer cannot sign a handover."),
                "team_leader": self.tr("A team leader cannot sign a handover: two supervisors sign it."),
                "talk_not_done": self.tr("Tick “face-to-face talk done” (step 7) before signing: the "
                                         "two supervisors sign after they have talked the shift through."),
                "changed": self.tr("The handover was changed at another desk meanwhile; it is shown again as "
                                   "stored. Look at it and sign again."),
            }
            if exc.state in texts:
                h = self.handover
                name = h.outgoing_signature.supervisor_name if h is not None and h.outgoing_signature else ""
                return texts[exc.state].format(name=name)
        if isinstance(exc, TamperedSnapshotError):
            return self.tr("The signed snapshot no longer matches its checksum: it was changed after signing "
                           "and cannot be signed again. Tell the administrator.")
        return describe(exc)

    def _progress_args(self):
        done, note = self._talk_values()
        return {k: v.value for k, v in self.pending_steps.items()}, done, note

    def save(self, then=None) -> None:
        """Store the checklist, the talk flag and the note (a draft only); `then` runs once stored."""
        from app.services import handover

        h = self.handover
        if h is None or h.frozen:
            return
        steps, done, note = self._progress_args()

        def saved(_result):
            self.pending_steps, self.dirty = {}, False
            self._say(self.tr("Progress saved; the handover can be resumed later."))
            if then is not None:
                then()
            else:
                self.refresh()

        self.context.runner.run(handover.save_progress, self.context.console, h.id, steps, done, note,
                                self.context.now(), on_done=saved, on_error=self._failed)

    def _pin_dialog(self, title: str, question: str, preselect, name: str):
        from app.ui.pin_dialog import PinDialog

        dialog = PinDialog(title, question, self._signers(), preselect, self)
        dialog.setObjectName(name)
        self.dialog = dialog
        return dialog

    def _signed(self, dialog, message: str):
        def done(result):
            if dialog.isVisible():
                dialog.accept()
            self.pending_steps, self.dirty = {}, False
            self._say(message)
            self.refresh()

        return done

    def _refused(self, dialog):
        def failed(exc):
            text = self.word(exc)
            if dialog.isVisible():
                dialog.failed(text)
            self._say(text, error=True)
            if isinstance(exc, HandoverStateError) and exc.state == "changed":
                dialog.reject()
                self.pending_steps, self.dirty = {}, False
                self.refresh()
                self._say(text, error=True)

        return failed

    def sign_outgoing(self) -> None:
        """The outgoing supervisor signs with the PIN: what is ticked and typed is saved, the snapshot frozen."""
        h = self.handover
        if h is None or h.frozen:
            return
        if not self.talk_page.done.isChecked():
            self.steps.setCurrentRow(STEPS.index("talk"))
            self._say(self.word(HandoverStateError(h.id, "talk_not_done", "")), error=True)
            self.talk_page.done.setFocus()
            return
        dialog = self._pin_dialog(self.tr("Sign the handover as outgoing supervisor"), self.tr(
            "I hand over {shift} of {day} as shown; the figures are frozen when I sign.").format(
            shift=h.outgoing.definition.name, day=h.outgoing.day.isoformat()),
            h.outgoing_supervisor_id or h.outgoing.supervisor_id, "handover_sign_outgoing_dialog")
        steps, done, note = self._progress_args()

        def work(console, supervisor_id, pin, now):
            from app.services import handover

            return handover.sign_outgoing(console, h.id, supervisor_id, pin, now, steps, done, note)

        dialog.submitted.connect(lambda supervisor_id, pin: self.context.runner.run(
            work, self.context.console, supervisor_id, pin, self.context.now(),
            on_done=self._signed(dialog, self.tr("Signed by the outgoing supervisor; the incoming supervisor signs "
                                                 "next.")),
            on_error=self._refused(dialog)))
        dialog.open()

    def sign_incoming(self) -> None:
        from app.services import handover

        h = self.handover
        if h is None or h.status is not HandoverStatus.OUTGOING_SIGNED:
            return
        incoming = self.incoming_supervisor()
        dialog = self._pin_dialog(self.tr("Sign the handover as incoming supervisor"), self.tr(
            "I take over {shift} of {day} as shown.").format(shift=h.incoming.definition.name,
                                                            day=h.incoming.day.isoformat()),
            incoming.id if incoming else None, "handover_sign_incoming_dialog")
        dialog.submitted.connect(lambda supervisor_id, pin: self.context.runner.run(
            handover.sign_incoming, self.context.console, h.id, supervisor_id, pin, self.context.now(),
            on_done=self._signed(dialog, self.tr("Handover signed by both; the outgoing shift is handed over.")),
            on_error=self._refused(dialog)))
        dialog.open()

    def set_incoming_supervisor(self) -> None:
        """The supervisor chosen becomes the incoming shift's supervisor on duty (who acknowledges and signs)."""
        from app.services import shifts

        h = self.handover
        if h is None or h.frozen:
            return
        chosen = self.incoming_box.currentData()
        if chosen == h.incoming.supervisor_id:
            return
        self._typed_talk = self._talk_values()
        self.context.runner.run(shifts.set_supervisor, self.context.console, h.incoming.id, chosen,
                                on_done=lambda _: self.refresh(), on_error=self._failed)

    def acknowledge_notice(self, notice: dict) -> None:
        from app.services import notices

        incoming = self.incoming_supervisor()
        dialog = self._pin_dialog(self.tr("Acknowledge a notice"), self.tr(
            "I have read “{title}” (version {version}) and will pass it on.").format(
            title=notice["title"], version=notice["version"]),
            incoming.id if incoming else None, "handover_notice_dialog")
        dialog.submitted.connect(lambda supervisor_id, pin: self.context.runner.run(
            notices.acknowledge, self.context.console, notice["id"], supervisor_id, pin, self.context.now(),
            on_done=self._signed(dialog, self.tr("Notice acknowledged.")), on_error=self._refused(dialog)))
        dialog.open()

    def acknowledge_item(self, item: dict, new_owner: str | None = None, dialog=None) -> None:
        """The incoming shift takes the item over (by the incoming supervisor), optionally with a new owner."""
        from app.services import worklog

        h = self.handover
        incoming = self.incoming_supervisor()
        if h is None or h.frozen:
            return
        if incoming is None:
            text = self.tr("Choose the incoming supervisor first (on top).")
            if dialog is not None:
                dialog.show_error(text)
            self._say(text, error=True)
            self.incoming_box.setFocus()
            return

        def done(_entry):
            if dialog is not None and dialog.isVisible():
                dialog.accept()
            self._say(self.tr("Item #{id} taken over by {by}.").format(id=item["id"], by=incoming.name))
            self.refresh()

        def failed(exc):
            text = self.word(exc)
            if dialog is not None and dialog.isVisible():
                dialog.show_error(text)
            self._say(text, error=True)

        self._typed_talk = self._talk_values()
        self.context.runner.run(worklog.acknowledge, self.context.console, item["id"], h.incoming.id, incoming.name,
                                self.context.now(), new_owner, on_done=done, on_error=failed)

    def hand_over_item(self, item: dict) -> None:
        from app.ui.work_log.dialogs import AskTextDialog

        owners = [s.name for s in self.supervisors]
        owners += sorted({i["owner"] for i in self.items_page.rows if i["owner"] and i["owner"] not in owners})
        dialog = AskTextDialog(self.tr("Hand item #{id} to a new owner").format(id=item["id"]), self.tr("New owner"),
                               self, initial=item["owner"] or "", choices=owners)
        dialog.setObjectName("handover_owner_dialog")
        dialog.accepted_with.connect(lambda owner: self.acknowledge_item(item, owner, dialog))
        self.dialog = dialog
        dialog.open()

    # --- printing ---------------------------------------------------------------------------------
    def _stem(self) -> str:
        o = self.handover.outgoing
        return f"handover-{o.day.isoformat()}-{o.definition.name}"

    def print_preview(self):
        from app.ui.handover.printing import preview_report

        if self.handover is not None and self.handover.snapshot is not None:
            self.dialog = preview_report(self, self.handover)
            return self.dialog

    def print_pdf(self, path: str | None = None) -> str | None:
        from app.ui.handover.printing import print_report

        if self.handover is None or self.handover.snapshot is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the handover report as PDF"),
                                                  self._stem() + ".pdf", self.tr("PDF (*.pdf)"))
        return print_report(self, self.handover, path) if path else None


def _zone(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
