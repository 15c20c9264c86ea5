"""Search the whole log: words (Chinese or English, any case), days, shift, category, status, owner, author, tag.

The search runs as one types (a quarter second after the last key). A
filter can be saved under a name and chosen again from the list.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)

from app.domain.worklog import OPEN_STATUSES, Category, ItemStatus, LogFilter, SavedFilter
from app.ui.work_log import words
from app.ui.work_log.models import EntriesModel, fit_columns, add_choice, choice, choose

RANGES = ("shift", "today", "week", "month", "any", "between")
RECENT = {"today": 1, "week": 7, "month": 30}  # ranges kept relative in a saved filter
STATUS_CHOICES = ("all", "open_items", *[s.value for s in ItemStatus], "notes")


class SearchPanel(QWidget):
    """State: the saved filters, the shift shown by the view (for 'this shift'), today (for day ranges)."""

    search_requested = Signal(object)  # LogFilter
    save_requested = Signal(str, object)  # name, LogFilter
    delete_requested = Signal(int)  # saved filter id
    export_requested = Signal()
    entry_activated = Signal(object)  # Entry

    def __init__(self, parent=None) -> None:
        super().__init__(parent, objectName="log_search")
        self.saved: tuple[SavedFilter, ...] = ()
        self.instance_id: int | None = None
        self.today = date.today()
        self._build()
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self.run)

    def _build(self) -> None:
        self.text = QLineEdit(objectName="search_text")
        self.text.setClearButtonEnabled(True)
        self.range = QComboBox(objectName="search_range")
        self.first = QDateEdit(objectName="search_first", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.last = QDateEdit(objectName="search_last", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.category = QComboBox(objectName="search_category")
        self.status = QComboBox(objectName="search_status")
        self.owner = QLineEdit(objectName="search_owner")
        self.author = QLineEdit(objectName="search_author")
        self.tag = QLineEdit(objectName="search_tag")
        self.withdrawn = QCheckBox(objectName="search_withdrawn")
        self.saved_box = QComboBox(objectName="saved_filters")
        self.saved_box.activated.connect(self._saved_chosen)
        self.save_button = QPushButton(objectName="save_filter")
        self.save_button.clicked.connect(self._save)
        self.delete_button = QPushButton(objectName="delete_filter")
        self.delete_button.clicked.connect(self._delete)
        self.export_button = QPushButton(objectName="export_results")
        self.export_button.clicked.connect(self.export_requested)
        self.found = QLabel(objectName="search_found")
        self.labels = {k: QLabel() for k in ("text", "range", "category", "status", "owner", "author", "tag", "saved")}
        grid = QGridLayout()
        grid.addWidget(self.labels["text"], 0, 0)
        grid.addWidget(self.text, 0, 1, 1, 3)
        grid.addWidget(self.labels["range"], 0, 4)
        days = QHBoxLayout()
        for w in (self.range, self.first, self.last):
            days.addWidget(w)
        grid.addLayout(days, 0, 5, 1, 3)
        for column, key, widget in ((0, "category", self.category), (2, "status", self.status),
                                    (4, "owner", self.owner), (6, "author", self.author)):
            grid.addWidget(self.labels[key], 1, column)
            grid.addWidget(widget, 1, column + 1)
        grid.addWidget(self.labels["tag"], 2, 0)
        grid.addWidget(self.tag, 2, 1)
        grid.addWidget(self.withdrawn, 2, 2, 1, 2)
        grid.addWidget(self.labels["saved"], 2, 4)
        saved = QHBoxLayout()
        for w in (self.saved_box, self.save_button, self.delete_button):
            saved.addWidget(w)
        grid.addLayout(saved, 2, 5, 1, 3)
        for key, widget in (("text", self.text), ("range", self.range), ("category", self.category),
                            ("status", self.status), ("owner", self.owner), ("author", self.author),
                            ("tag", self.tag), ("saved", self.saved_box)):
            self.labels[key].setBuddy(widget)
        self.model = EntriesModel(self)
        self.table = QTableView(objectName="search_results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.entry_activated.emit(self.model.entries[index.row()]))
        bottom = QHBoxLayout()
        bottom.addWidget(self.found, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        for edit in (self.text, self.owner, self.author, self.tag):
            edit.textChanged.connect(lambda _: self.timer.start())
        for box in (self.range, self.category, self.status):
            box.currentIndexChanged.connect(lambda _: self._changed())
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _: self.timer.start())
        self.withdrawn.toggled.connect(lambda _: self.timer.start())

    def retranslate(self) -> None:
        texts = {"text": self.tr("&Search"), "range": self.tr("&Days"), "category": self.tr("Category"),
                 "status": self.tr("Status"), "owner": self.tr("Owner"), "author": self.tr("Written by"),
                 "tag": self.tr("Tag"), "saved": self.tr("Saved &filters")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.text.setPlaceholderText(self.tr("words in the text, customer, promise, owner, remark or tags"))
        ranges = {"shift": self.tr("this shift"), "today": self.tr("today"), "week": self.tr("last 7 days"),
                  "month": self.tr("last 30 days"), "any": self.tr("any time"), "between": self.tr("between…")}
        _refill(self.range, [(ranges[r], r) for r in RANGES], "week")
        _refill(self.category, [(self.tr("all"), None)] + [(name, c) for c, name in words.categories().items()], None)
        names = words.statuses()
        statuses = {"all": self.tr("all"), "open_items": self.tr("open items (open or in progress)"),
                    "notes": self.tr("notes (no status)")}
        statuses.update({s.value: names[s] for s in ItemStatus})
        _refill(self.status, [(statuses[s], s) for s in STATUS_CHOICES], "all")
        self.withdrawn.setText(self.tr("with withdrawn entries"))
        self.save_button.setText(self.tr("Save filter…"))
        self.delete_button.setText(self.tr("Delete"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.model.retranslate()
        self._fill_saved()
        self._show_found()
        between = self.range.currentData() == "between"
        self.first.setVisible(between)
        self.last.setVisible(between)

    # --- the filter --------------------------------------------------------------------
    def _changed(self) -> None:
        between = self.range.currentData() == "between"
        self.first.setVisible(between)
        self.last.setVisible(between)
        self.timer.start()

    def set_shift(self, instance_id: int | None, today: date) -> None:
        self.instance_id, self.today = instance_id, today
        if self.first.date() == QDate(2000, 1, 1):  # never set: a week up to today
            self.first.setDate(QDate(today - timedelta(days=6)))
            self.last.setDate(QDate(today))

    def current_filter(self) -> LogFilter:
        kind = self.range.currentData()
        first = last = None
        instance_id = None
        if kind == "shift":
            instance_id = self.instance_id
        elif kind == "today":
            first = last = self.today
        elif kind == "week":
            first, last = self.today - timedelta(days=6), self.today
        elif kind == "month":
            first, last = self.today - timedelta(days=29), self.today
        elif kind == "between":
            first, last = sorted((self.first.date().toPython(), self.last.date().toPython()))
        category = choice(self.category, Category)
        status = self.status.currentData()
        statuses, notes = (), False
        if status == "open_items":
            statuses = OPEN_STATUSES
        elif status == "notes":
            notes = True
        elif status in {s.value for s in ItemStatus}:
            statuses = (ItemStatus(status),)
        f = LogFilter(instance_id=instance_id, first=first, last=last, categories=(category,) if category else (),
                      statuses=statuses, notes=notes, owner=self.owner.text().strip(), author=self.author.text().strip(),
                      tag=self.tag.text().strip().lstrip("#＃"), text=self.text.text().strip(),
                      include_withdrawn=self.withdrawn.isChecked())
        return f

    def set_filter(self, f: LogFilter) -> None:
        """Show a saved filter in the form (its fixed days as 'between')."""
        for w in (self.text, self.owner, self.author, self.tag, self.range, self.category, self.status,
                  self.first, self.last, self.withdrawn):
            w.blockSignals(True)
        self.text.setText(f.text)
        self.owner.setText(f.owner)
        self.author.setText(f.author)
        self.tag.setText(f.tag)
        self.withdrawn.setChecked(f.include_withdrawn)
        relative = next((key for key, days in RECENT.items() if days == f.recent_days), None)
        if f.instance_id is not None:
            self.range.setCurrentIndex(self.range.findData("shift"))
        elif relative is not None:
            self.range.setCurrentIndex(self.range.findData(relative))
        elif f.first or f.last:
            self.range.setCurrentIndex(self.range.findData("between"))
            self.first.setDate(QDate(f.first or f.last))
            self.last.setDate(QDate(f.last or f.first))
        else:
            self.range.setCurrentIndex(self.range.findData("any"))
        choose(self.category, f.categories[0] if f.categories else None)
        if set(f.statuses) == set(OPEN_STATUSES) and not f.notes:
            status = "open_items"
        elif len(f.statuses) == 1 and not f.notes:
            status = f.statuses[0].value
        elif f.notes and not f.statuses:
            status = "notes"
        else:
            status = "all"
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        for w in (self.text, self.owner, self.author, self.tag, self.range, self.category, self.status,
                  self.first, self.last, self.withdrawn):
            w.blockSignals(False)
        self._changed()

    def run(self) -> None:
        self.timer.stop()
        self.search_requested.emit(self.current_filter())

    def show_results(self, entries, tz, now) -> None:
        self.model.set_entries(entries, tz, now)
        fit_columns(self.table, self.model)
        self._show_found()

    def _show_found(self) -> None:
        n = len(self.model.entries)
        self.found.setText(self.tr("Entries found: {n}").format(n=n))
        self.export_button.setEnabled(n > 0)

    # --- saved filters -----------------------------------------------------------------
    def set_saved(self, saved) -> None:
        self.saved = tuple(saved)
        self._fill_saved()

    def _fill_saved(self) -> None:
        keep = self.saved_box.currentData()
        self.saved_box.clear()
        self.saved_box.addItem(self.tr("(choose)"), None)
        for s in self.saved:
            self.saved_box.addItem(s.name, s.id)
        self.saved_box.setCurrentIndex(max(0, self.saved_box.findData(keep)))
        self.delete_button.setEnabled(bool(self.saved))

    def _saved_chosen(self, index: int) -> None:
        saved = next((s for s in self.saved if s.id == self.saved_box.itemData(index)), None)
        if saved is not None:
            self.set_filter(saved.filter)
            self.run()

    def _save(self) -> None:
        from app.ui.work_log.dialogs import AskTextDialog

        current = next((s.name for s in self.saved if s.id == self.saved_box.currentData()), "")
        dialog = AskTextDialog(self.tr("Save filter"), self.tr("Name"), self, initial=current)
        dialog.accepted_with.connect(lambda name: (dialog.accept(), self.save_requested.emit(name, self._to_save())))
        dialog.open()
        self.dialog = dialog

    def _to_save(self) -> LogFilter:
        """The filter to keep: 'today', 'last 7 days' and 'last 30 days' stay relative to the day it is used."""
        f = self.current_filter()
        recent = RECENT.get(self.range.currentData())
        if recent is not None or self.range.currentData() == "any":
            f = LogFilter(**{**_fields(f), "first": None, "last": None, "recent_days": recent})
        return f

    def _delete(self) -> None:
        filter_id = self.saved_box.currentData()
        if filter_id is not None:
            self.delete_requested.emit(filter_id)


def _fields(f: LogFilter) -> dict:
    from dataclasses import asdict

    return {k: (tuple(v) if isinstance(v, list) else v) for k, v in asdict(f).items()}


def _refill(box: QComboBox, items, default) -> None:
    keep = box.currentData() if box.count() else default
    box.blockSignals(True)
    box.clear()
    for text, data in items:
        add_choice(box, text, data)
    box.setCurrentIndex(max(0, box.findData(keep)))
    box.blockSignals(False)

