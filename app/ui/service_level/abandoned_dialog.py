"""The abandoned calls of one interval of the service-level view, each a click away from a callback follow-up.

The table lists the calls (time on the site's clock, queue, caller, wait),
when the caller was answered later the same day, and the follow-up already
written for the call. "Create callback follow-up" (Enter, double-click)
writes one into the work log of the shift on duty, by and for its
supervisor; the window stays open (it is not modal) so the supervisor can
go down the list.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.domain.callbacks import AbandonedCall, wait_text

CALL_ROLE = Qt.ItemDataRole.UserRole + 1
CALLED_BACK = QColor("#e3f4e6")
FOLLOWED_UP = QColor("#eef3fb")


class AbandonedCallsModel(QAbstractTableModel):
    """State: the calls listed (AbandonedCall values, by arrival) and the site's zone they are shown in."""

    COLUMNS = ("time", "queue", "caller", "wait", "called_back", "follow_up")

    def __init__(self, tz: ZoneInfo, parent=None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.calls: tuple[AbandonedCall, ...] = ()

    def titles(self) -> list[str]:
        return [self.tr("Time"), self.tr("Queue"), self.tr("Caller"), self.tr("Wait"), self.tr("Called back"),
                self.tr("Follow-up")]

    def set_calls(self, calls) -> None:
        self.beginResetModel()
        self.calls = tuple(calls)
        self.endResetModel()

    def set_follow_up(self, call: AbandonedCall, entry_id: int) -> int | None:
        """Show `entry_id` as the follow-up of `call`; returns its row (None when it is not listed)."""
        for row, c in enumerate(self.calls):
            if (c.source, c.call_key) == (call.source, call.call_key):
                self.calls = self.calls[:row] + (replace(c, follow_up_id=entry_id),) + self.calls[row + 1:]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return row
        return None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.calls)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles()[section]
        return None

    def clock(self, at: datetime | None) -> str:
        return "" if at is None else at.astimezone(self.tz).strftime("%H:%M:%S")

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.calls):
            return None
        call, column = self.calls[index.row()], self.COLUMNS[index.column()]
        if role == CALL_ROLE:
            return call
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "time": self.clock(call.arrived_at),
                "queue": call.queue,
                "caller": call.caller or "—",
                "wait": wait_text(call.wait_seconds),
                "called_back": self.clock(call.called_back_at),
                "follow_up": "" if call.follow_up_id is None else self.tr("#{id}").format(id=call.follow_up_id),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "caller" and call.caller is None:
                return self.tr("The feed names no caller; the follow-up refers to the call as {key}").format(
                    key=call.call_key)
            if column == "called_back" and call.called_back_at is not None:
                return self.tr("The caller was answered later the same day")
            return self.tr("Call {key}").format(key=call.call_key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("time", "wait", "called_back"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if call.follow_up_id is not None:
                return QBrush(FOLLOWED_UP)
            if call.called_back_at is not None:
                return QBrush(CALLED_BACK)
        if role == Qt.ItemDataRole.FontRole and column == "follow_up" and call.follow_up_id is not None:
            font = QFont()
            font.setBold(True)
            return font
        return None


class AbandonedCallsDialog(QDialog):
    """State: the interval shown (source, start, end, queues: None for all), the site's zone, the shift a
    follow-up goes to (a CallbackShift once loaded), the calls whose follow-up is being written, the error."""

    follow_up_created = Signal(object)  # the Entry written

    def __init__(self, context, source: str, start: datetime, end: datetime, queues: tuple[str, ...] | None,
                 tz_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("abandoned_calls")
        self.setModal(False)
        self.context = context
        self.source, self.start, self.end = source, start, end
        self.queues = tuple(queues) if queues else None
        self.tz = ZoneInfo(tz_name)
        self.target = None  # CallbackShift
        self.pending: set[str] = set()
        self.error: str | None = None
        self._build()
        self.retranslate()
        self.resize(720, 460)

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(objectName="heading", wordWrap=True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(objectName="summary", wordWrap=True)
        self.model = AbandonedCallsModel(self.tz, self)
        self.table = QTableView(objectName="calls")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.create())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.target_label = QLabel(objectName="target", wordWrap=True)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton(objectName="create_follow_up")
        self.create_button.setDefault(True)  # Enter in the table creates the follow-up of the selected call
        self.create_button.clicked.connect(self.create)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.target_label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update_button()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Abandoned calls"))
        self.create_button.setText(self.tr("Create callback follow-up"))
        self.create_button.setToolTip(self.tr("Write a callback follow-up for the selected call into the work log "
                                              "(Enter or double-click)"))
        start, end = self.start.astimezone(self.tz), self.end.astimezone(self.tz)
        queues = ", ".join(self.queues) if self.queues else self.tr("all queues")
        self.heading.setText(self.tr("{source} · {day} {start}–{end} · {queues}").format(
            source=self.source, day=start.date().isoformat(), start=f"{start:%H:%M}", end=f"{end:%H:%M}",
            queues=queues))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)
        self._show_summary()
        self._show_target()

    def changeEvent(self, event) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- loading ------------------------------------------------------------------------
    def load(self) -> None:
        """Read the interval's abandoned calls and the shift a follow-up would go to."""
        from app.services import callbacks

        console, now = self.context.console, self.context.now()
        source, start, end, queues = self.source, self.start, self.end, self.queues

        def work():
            return (callbacks.abandoned_calls(console, source, start, end, queues, now),
                    callbacks.callback_shift(console, source, now))

        self.context.runner.run(work, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result) -> None:
        calls, self.target = result
        self.model.set_calls(calls)
        self._fit_columns()
        self._show_summary()
        self._show_target()
        todo = next((row for row, c in enumerate(calls) if c.follow_up_id is None and c.called_back_at is None),
                    next((row for row, c in enumerate(calls) if c.follow_up_id is None), 0 if calls else None))
        if todo is not None:
            self.table.selectRow(todo)
        self.table.setFocus()
        self._update_button()

    def _fit_columns(self) -> None:
        """Columns as wide as their contents plus some air (the last one takes the rest)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, header.sectionSize(column) + 18)

    def _show_summary(self) -> None:
        calls = self.model.calls
        if not calls:
            self.summary.setText(self.tr("No call was abandoned in this interval."))
            return
        back = sum(c.called_back_at is not None for c in calls)
        done = sum(c.follow_up_id is not None for c in calls)
        self.summary.setText(self.tr(
            "{n} abandoned calls; {back} of their callers were answered later the same day; "
            "{done} have a follow-up.").format(n=len(calls), back=back, done=done))

    def author(self) -> str:
        """Who writes and owns the follow-up: the supervisor on duty when named, else who is writing at this desk
        (the work log's "Writing as"); empty when neither is known."""
        name = self.target.supervisor if self.target is not None else None
        return name or self.context.writer() or ""

    def _show_target(self) -> None:
        target = self.target
        if target is None:
            self.target_label.setText("")
            return
        if target.slot is None:
            self.target_label.setText(self.tr(
                "The site has no shift: set up its shifts before writing follow-ups."))
            return
        slot = target.slot
        where = self.tr("{shift} {day} {start}–{end}").format(
            shift=slot.definition.name, day=slot.day.isoformat(), start=f"{slot.start.astimezone(self.tz):%H:%M}",
            end=f"{slot.end.astimezone(self.tz):%H:%M}")
        text = (self.tr("Follow-ups go into the work log of {shift}; author and owner: {name}.") if target.running
                else self.tr("Between shifts: follow-ups go into the work log of the next shift, {shift}; "
                             "author and owner: {name}."))
        self.target_label.setText(text.format(shift=where, name=self.author() or "—"))

    # --- creating -----------------------------------------------------------------------
    def selected_call(self) -> AbandonedCall | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], CALL_ROLE) if rows else None

    def _update_button(self) -> None:
        call = self.selected_call()
        no_shift = self.target is not None and self.target.slot is None
        self.create_button.setEnabled(call is not None and call.follow_up_id is None
                                      and call.call_key not in self.pending and not no_shift)

    def words(self) -> dict[str, str]:
        """The follow-up's wording (see app.domain.callbacks.callback_draft for the names in braces)."""
        return {
            "text": self.tr("Abandoned call at {time} in queue {queue} after waiting {wait}: call the customer "
                            "back."),
            "promise": self.tr("Call back before {due}"),
        }

    def create(self) -> None:
        """Write the callback follow-up of the selected call (nothing when it has one or is being written)."""
        from app.services import callbacks

        call = self.selected_call()
        if call is None or call.follow_up_id is not None or call.call_key in self.pending:
            return
        console, now, words, writer, source = (self.context.console, self.context.now(), self.words(),
                                               self.context.writer(), self.source)
        if self.target is not None and not (self.target.supervisor or writer):
            self._failed_text(self.tr("Nobody is named on duty: choose the supervisor on duty on the shift sheet, "
                                      "or who is writing in the work log (Writing as)."))
            return
        self.pending.add(call.call_key)
        self._update_button()

        def work():  # the shift on duty is read again: the window may have stayed open across a shift change
            target = callbacks.callback_shift(console, source, now)
            who = target.supervisor or writer or ""
            return target, callbacks.create_callback(console, call, words, who, who, now)

        self.context.runner.run(work, on_done=lambda result: self._created(call, result),
                                on_error=lambda exc: self._create_failed(call, exc))

    def _created(self, call: AbandonedCall, result) -> None:
        self.target, entry = result
        self._show_target()
        self.pending.discard(call.call_key)
        self.error = None
        self.model.set_follow_up(call, entry.id)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Follow-up #{id} written for the call of {time} ({caller}).").format(
            id=entry.id, time=self.model.clock(call.arrived_at), caller=entry.customer_ref))
        self._show_summary()
        self._update_button()
        self.follow_up_created.emit(entry)

    def _create_failed(self, call: AbandonedCall, exc: BaseException) -> None:
        self.pending.discard(call.call_key)
        self._failed(exc)
        self._update_button()
        self.load()  # someone else may have written the follow-up meanwhile: show it

    def _failed_text(self, text: str) -> None:
        self.error = text
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        from app.ui.errors import describe

        self.error = describe(exc)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(self.error)
