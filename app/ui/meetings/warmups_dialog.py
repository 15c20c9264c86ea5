"""The warm-up library of the site (in the agenda's language): the shipped classics and the center's own.

A warm-up can be added (name, minutes, how it is done) or taken out of the
rotation (agendas that used it keep it); `changed` carries the library as
it now stands.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.domain.meetings import Warmup
from app.ui.errors import describe
from app.ui.meetings.words import minutes_suffix, warmup_kinds

MAX_MINUTES = 30  # app.services.meetings.MAX_WARMUP_MINUTES


class WarmupsDialog(QDialog):
    """State: the library shown (active and out of the rotation)."""

    changed = Signal(object)  # tuple[Warmup, ...]

    def __init__(self, context, language: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("warmups_dialog")
        self.context = context
        self.language = language
        self.library: tuple[Warmup, ...] = ()
        self.table = QTableWidget(0, 4, objectName="warmups_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._show_selected())
        self.how_to = QLabel(objectName="warmups_how_to", wordWrap=True)
        self.how_to.setStyleSheet("background: #f6f6f6; border: 1px solid #ddd; padding: 4px")
        self.how_to.setMinimumHeight(60)
        self.toggle_button = QPushButton(objectName="warmups_toggle")
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.add_box = QGroupBox()
        self.name = QLineEdit(objectName="warmups_name")
        self.minutes = QSpinBox(objectName="warmups_minutes", minimum=1, maximum=MAX_MINUTES, value=3)
        self.minutes.setSuffix(minutes_suffix())
        self.how = QPlainTextEdit(objectName="warmups_how")
        self.how.setMaximumHeight(80)
        self.add_button = QPushButton(objectName="warmups_add")
        self.add_button.clicked.connect(lambda: self.add())
        self.name_label, self.minutes_label, self.how_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout(self.add_box)
        form.addRow(self.name_label, self.name)
        form.addRow(self.minutes_label, self.minutes)
        form.addRow(self.how_label, self.how)
        form.addRow("", self.add_button)
        self.message = QLabel(objectName="warmups_message", wordWrap=True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.toggle_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.how_to)
        layout.addLayout(row)
        layout.addWidget(self.add_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Warm-up library"))
        self.table.setHorizontalHeaderLabels([self.tr("Warm-up"), self.tr("Kind"), self.tr("Minutes"),
                                              self.tr("In rotation")])
        self.toggle_button.setText(self.tr("Take out of the rotation / put back"))
        self.add_box.setTitle(self.tr("Add the center's own warm-up"))
        self.name_label.setText(self.tr("Name"))
        self.minutes_label.setText(self.tr("Minutes"))
        self.how_label.setText(self.tr("How it is done"))
        self.add_button.setText(self.tr("Add to the library"))

    def load(self) -> None:
        from app.services import meetings

        console = self.context.console
        if console is None:
            return
        self.context.runner.run(meetings.list_warmups, console, self.language, None, True,
                                on_done=self._loaded, on_error=self._failed)

    def _loaded(self, library) -> None:
        self.library = tuple(library)
        kinds = warmup_kinds()
        self.table.setRowCount(len(self.library))
        for i, w in enumerate(self.library):
            cells = (w.name, kinds[w.kind], str(w.minutes), self.tr("yes") if w.active else self.tr("no"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, column, item)
        if self.library and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self._show_selected()
        self.changed.emit(self.library)

    def selected(self) -> Warmup | None:
        row = self.table.currentRow()
        return self.library[row] if 0 <= row < len(self.library) else None

    def _show_selected(self) -> None:
        w = self.selected()
        self.how_to.setText(w.how_to if w is not None else "")
        self.toggle_button.setEnabled(w is not None)

    def author(self) -> str:
        return (self.context.writer() or "").strip() or self.tr("supervisor")

    def add(self) -> None:
        from app.services import meetings

        name, how, minutes = self.name.text(), self.how.toPlainText(), self.minutes.value()

        def done(warmup: Warmup) -> None:
            self.name.clear()
            self.how.clear()
            self._say(self.tr("“{name}” added to the library.").format(name=warmup.name))
            self.load()

        self.context.runner.run(meetings.add_warmup, self.context.console, name, how, minutes, self.language,
                                self.author(), self.context.now(), on_done=done, on_error=self._failed)

    def toggle_selected(self) -> None:
        from app.services import meetings

        w = self.selected()
        if w is None:
            return
        self.context.runner.run(meetings.set_warmup_active, self.context.console, w.id, not w.active,
                                on_done=lambda _: self.load(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from app.domain.errors import InvalidSettingError

        if isinstance(exc, InvalidSettingError) and exc.setting in ("name", "how_to", "minutes"):
            texts = {"name": self.tr("Give the warm-up a name (200 characters at most)."),
                     "how_to": self.tr("Say how the warm-up is done."),
                     "minutes": self.tr("A warm-up lasts 1 to 30 minutes.")}
            self._say(texts[exc.setting], error=True)
            return
        self._say(describe(exc), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
