"""The meetings (班前会 / 班后会): the pre-shift agenda of the next shift and the post-shift meeting record.

Two tabs: "Pre-shift agenda" (app/ui/meetings/agenda_panel.py) and
"Post-shift meeting" (post_shift_panel.py); the warm-up library opens from
the agenda (Warm-ups…). A post-shift record saved here sets the topic of the
next agenda built; an agenda already prepared keeps what was saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.ui.meetings.agenda_panel import AgendaPanel
from app.ui.meetings.post_shift_panel import PostShiftPanel


def _scrolling(panel: QWidget) -> QScrollArea:
    area = QScrollArea(objectName=f"{panel.objectName() or 'panel'}_scroll", widgetResizable=True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(panel)
    return area


class MeetingsView(QWidget):
    """State: the two panels (each holds its shift and its record)."""

    view_id = "meetings"
    changed = Signal()  # an agenda or a post-shift record was saved

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.agenda = AgendaPanel(context)
        self.post_shift = PostShiftPanel(context)
        self.tabs = QTabWidget(objectName="meetings_tabs")
        # Each panel scrolls on a small screen rather than setting the window's least height.
        self.tabs.addTab(_scrolling(self.agenda), "")
        self.tabs.addTab(_scrolling(self.post_shift), "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.agenda.saved.connect(lambda _: self.changed.emit())
        self.post_shift.saved.connect(self._post_shift_saved)
        self.retranslate()

    def title_text(self) -> str:
        return self.tr("Meetings")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Pre-shift agenda"))
        self.tabs.setTabText(1, self.tr("Post-shift meeting"))
        self.agenda.retranslate()
        self.post_shift.retranslate()

    def start(self) -> None:
        """The database is open: the next shift's agenda, the current shift's post-shift meeting."""
        self.agenda.go_to_next()
        self.post_shift.go_to_current()

    def refresh(self) -> None:
        """Read again; an agenda being edited (not saved) is kept."""
        if not self.agenda.dirty:
            self.agenda.refresh()
        self.post_shift.refresh()

    def tick(self) -> None:
        """Every minute: the panels that follow the clock move on with it (an edited agenda stays)."""
        if self.agenda.following and not self.agenda.dirty:
            self.agenda.go_to_next()
        if self.post_shift.following:
            self.post_shift.go_to_current()

    def _post_shift_saved(self, _record) -> None:
        if self.agenda.agenda is not None and not self.agenda.agenda.prepared and not self.agenda.dirty:
            self.agenda.refresh()  # an agenda not prepared yet takes the new topic
        self.changed.emit()
