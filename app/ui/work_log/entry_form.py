"""Quick entry: a new log entry from the keyboard in a few seconds.

Ctrl+N puts the cursor in the text; Alt+1…Alt+7 choose the category; Enter
saves; Esc clears. A template (Ctrl+T) fills category, text and tags. A
customer follow-up opens the fields it needs (customer, promise, due, owner);
a work item the owner and due time. Times are typed as HH:MM (or
MM-DD HH:MM): the event's time defaults to now, a due time to one hour on.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.domain.notices import Priority
from app.domain.worklog import Category, Draft, ItemStatus, Template, parse_when
from app.ui.work_log import words
from app.ui.work_log.models import add_choice, choice, choose

CATEGORY_ORDER = (Category.WORK_ITEM, Category.FOLLOW_UP, Category.INCIDENT, Category.SYSTEM_PROBLEM,
                  Category.STAFFING, Category.BUSINESS_NOTICE, Category.OTHER)
DEFAULT_DUE = timedelta(hours=1)


class EntryForm(QGroupBox):
    """State: the templates offered, the site's wall clock (a function giving the aware now)."""

    submitted = Signal(object)  # Draft
    save_template_requested = Signal(object)  # Draft

    def __init__(self, now, parent=None) -> None:
        super().__init__(parent, objectName="log_entry_form")
        self.now = now
        self.templates: tuple[Template, ...] = ()
        self._build()

    def _build(self) -> None:
        self.category = QComboBox(objectName="log_category")
        self.category.currentIndexChanged.connect(lambda _: self._category_changed())
        self.priority = QComboBox(objectName="log_priority")
        self.event_time = QLineEdit(objectName="log_event_time")
        self.event_time.setMaximumWidth(110)
        self.text = QLineEdit(objectName="log_text")
        self.tags = QLineEdit(objectName="log_tags")
        self.tags.setMaximumWidth(200)
        self.template = QComboBox(objectName="log_template")
        self.template.activated.connect(self._template_chosen)
        self.save_template = QPushButton(objectName="log_save_template")
        self.save_template.clicked.connect(lambda: self.save_template_requested.emit(self.draft(check_times=False)))
        self.save = QPushButton(objectName="log_save")
        self.save.setDefault(True)
        self.save.clicked.connect(self.submit)
        self.customer_ref = QLineEdit(objectName="log_customer_ref")
        self.customer_name = QLineEdit(objectName="log_customer_name")
        self.ticket = QLineEdit(objectName="log_ticket")
        self.promise = QLineEdit(objectName="log_promise")
        self.due = QLineEdit(objectName="log_due")
        self.due.setMaximumWidth(130)
        self.owner = QComboBox(objectName="log_owner", editable=True)
        self.owner.setMinimumWidth(140)
        self.problems = QLabel(objectName="log_problems", wordWrap=True)
        self.problems.setStyleSheet("color: #b00020")
        self.problems.hide()

        self.labels = {key: QLabel() for key in ("category", "priority", "time", "text", "tags", "template",
                                                 "customer_ref", "customer_name", "ticket", "promise", "due", "owner")}
        top = QGridLayout()
        row1 = ((self.labels["category"], self.category), (self.labels["priority"], self.priority),
                (self.labels["time"], self.event_time), (self.labels["template"], self.template))
        line1 = QHBoxLayout()
        for label, widget in row1:
            label.setBuddy(widget)
            line1.addWidget(label)
            line1.addWidget(widget)
        line1.addWidget(self.save_template)
        line1.addStretch(1)
        line2 = QHBoxLayout()
        for label, widget in ((self.labels["text"], self.text), (self.labels["tags"], self.tags)):
            label.setBuddy(widget)
            line2.addWidget(label)
            line2.addWidget(widget, 1 if widget is self.text else 0)
        line2.addWidget(self.save)
        top.addLayout(line1, 0, 0)
        top.addLayout(line2, 1, 0)
        self.item_box = QWidget(objectName="log_item_fields")
        item = QHBoxLayout(self.item_box)
        item.setContentsMargins(0, 0, 0, 0)
        self.customer_widgets = []
        for key, widget in (("customer_ref", self.customer_ref), ("customer_name", self.customer_name),
                            ("ticket", self.ticket), ("promise", self.promise), ("due", self.due),
                            ("owner", self.owner)):
            self.labels[key].setBuddy(widget)
            item.addWidget(self.labels[key])
            item.addWidget(widget, 2 if widget is self.promise else 1)
            if key in ("customer_ref", "customer_name", "ticket", "promise"):
                self.customer_widgets += [self.labels[key], widget]
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.item_box)
        layout.addWidget(self.problems)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        for edit in (self.event_time, self.text, self.tags, self.customer_ref, self.customer_name, self.ticket,
                     self.promise, self.due):
            edit.returnPressed.connect(self.submit)
        self.owner.lineEdit().returnPressed.connect(self.submit)
        self.setTabOrder(self.text, self.tags)
        self.setTabOrder(self.tags, self.customer_ref)
        self.setTabOrder(self.customer_ref, self.customer_name)
        self.setTabOrder(self.customer_name, self.ticket)
        self.setTabOrder(self.ticket, self.promise)
        self.setTabOrder(self.promise, self.due)
        self.setTabOrder(self.due, self.owner)
        self.setTabOrder(self.owner, self.save)
        self._category_changed()

    def install_shortcuts(self, owner: QWidget) -> None:
        """Alt+1…7 (category) and Esc (clear) anywhere in `owner` (the view)."""
        for i, category in enumerate(CATEGORY_ORDER):
            shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), owner,
                                 context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda c=category: self.choose_category(c))
        escape = QShortcut(QKeySequence("Esc"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.clear)

    def retranslate(self) -> None:
        self.setTitle(self.tr("New entry") + "    " + self.tr(
            "Ctrl+N new entry · Alt+1…7 category · Enter save · Esc clear · Ctrl+T template"))
        keep_category = choice(self.category, Category) if self.category.count() else None
        keep_priority = choice(self.priority, Priority) if self.priority.count() else None
        self.category.blockSignals(True)
        self.category.clear()
        names = words.categories()
        for i, c in enumerate(CATEGORY_ORDER):
            add_choice(self.category, names[c], c)
            self.category.setItemData(i, self.tr("Alt+{n}").format(n=i + 1), Qt.ItemDataRole.ToolTipRole)
        choose(self.category, keep_category or Category.WORK_ITEM)
        self.category.blockSignals(False)
        self.priority.clear()
        for p, name in words.priorities().items():
            add_choice(self.priority, name, p)
        choose(self.priority, keep_priority or Priority.NORMAL)
        texts = {"category": self.tr("&Category"), "priority": self.tr("&Priority"), "time": self.tr("T&ime"),
                 "text": self.tr("&What happened"), "tags": self.tr("Ta&gs"), "template": self.tr("Te&mplate"),
                 "customer_ref": self.tr("Customer &no."), "customer_name": self.tr("Name"),
                 "ticket": self.tr("Ticket"), "promise": self.tr("P&romised"), "due": self.tr("&Due"),
                 "owner": self.tr("&Owner")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.event_time.setPlaceholderText(self.tr("now"))
        self.event_time.setToolTip(self.tr("When it happened: HH:MM, or MM-DD HH:MM; empty: now"))
        self.text.setPlaceholderText(self.tr("What happened, what was arranged, what the next shift must do"))
        self.tags.setPlaceholderText(self.tr("e.g. ACD, VIP"))
        self.tags.setToolTip(self.tr("Tags, separated by spaces or commas"))
        self.promise.setPlaceholderText(self.tr("e.g. call back before 15:00"))
        self.due.setToolTip(self.tr("Due: HH:MM, or MM-DD HH:MM; empty for a follow-up: in one hour"))
        self.owner.lineEdit().setPlaceholderText(self.tr("person or department"))
        self.save.setText(self.tr("Save (Enter)"))
        self.save_template.setText(self.tr("Save as template…"))
        self._fill_templates()
        self._category_changed()

    # --- what the form holds -----------------------------------------------------------
    def set_templates(self, templates) -> None:
        self.templates = tuple(templates)
        self._fill_templates()

    def set_owners(self, names) -> None:
        keep = self.owner.currentText()
        self.owner.clear()
        for name in names:
            self.owner.addItem(name)
        self.owner.setEditText(keep)

    def _fill_templates(self) -> None:
        self.template.clear()
        self.template.addItem(self.tr("(none)"), None)
        for t in self.templates:
            self.template.addItem(t.name, t.id)

    def _template_chosen(self, index: int) -> None:
        template_id = self.template.itemData(index)
        template = next((t for t in self.templates if t.id == template_id), None)
        if template is None:
            return
        self.choose_category(template.category)
        self.text.setText(template.text)
        self.tags.setText(" ".join(template.tags))
        self.template.setCurrentIndex(0)
        self.focus_text()

    def choose_category(self, category: Category) -> None:
        choose(self.category, category)
        self.focus_text()

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.end(False)

    def open_templates(self) -> None:
        self.template.setFocus()
        self.template.showPopup()

    def _category_changed(self) -> None:
        category = self.current_category()
        is_item = category in (Category.FOLLOW_UP, Category.WORK_ITEM)
        self.item_box.setVisible(is_item)
        for w in self.customer_widgets:
            w.setVisible(category is Category.FOLLOW_UP)
        self._due_placeholder()

    def _due_placeholder(self) -> None:
        if self.current_category() is Category.FOLLOW_UP:
            self.due.setPlaceholderText(self.tr("in 1 hour"))
        else:
            self.due.setPlaceholderText("")

    def current_category(self) -> Category | None:
        return choice(self.category, Category) if self.category.count() else None

    def draft(self, check_times: bool = True) -> Draft:
        """The entry as typed; raises ValueError naming the field when a time cannot be read."""
        category = self.current_category() or Category.OTHER
        now = self.now()
        event_at = due = None
        if check_times:
            try:
                event_at = parse_when(self.event_time.text(), now, future=False)
            except ValueError:
                raise ValueError("event_at") from None
            try:
                due = parse_when(self.due.text(), now, future=True) if self.item_box.isVisibleTo(self) else None
            except ValueError:
                raise ValueError("due") from None
            if due is None and category is Category.FOLLOW_UP:
                due = now + DEFAULT_DUE
        follow_up = category is Category.FOLLOW_UP
        item = category in (Category.FOLLOW_UP, Category.WORK_ITEM)
        return Draft(
            category=category, text=self.text.text(), priority=choice(self.priority, Priority) or Priority.NORMAL,
            event_at=event_at, tags=tuple(t for t in self.tags.text().replace(",", " ").replace("，", " ").split()),
            status=ItemStatus.OPEN if item else None,
            customer_ref=self.customer_ref.text() if follow_up else "",
            customer_name=self.customer_name.text() if follow_up else "",
            ticket=self.ticket.text() if follow_up else "",
            promise=self.promise.text() if follow_up else "",
            due=due, owner=self.owner.currentText() if item else "",
        )

    def submit(self) -> None:
        try:
            draft = self.draft()
        except ValueError as exc:
            field = str(exc)
            self.show_problems(self.tr("Cannot read the time “{text}”: type HH:MM or MM-DD HH:MM.").format(
                text=(self.event_time if field == "event_at" else self.due).text()))
            (self.event_time if field == "event_at" else self.due).setFocus()
            return
        self.submitted.emit(draft)

    def show_problems(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.setVisible(bool(text))

    def clear(self) -> None:
        """After a save (or Esc): an empty form, the category and priority kept, the cursor in the text."""
        for edit in (self.event_time, self.text, self.tags, self.customer_ref, self.customer_name, self.ticket,
                     self.promise, self.due):
            edit.clear()
        self.owner.setEditText("")
        choose(self.priority, Priority.NORMAL)
        self.show_problems("")
        self.focus_text()
