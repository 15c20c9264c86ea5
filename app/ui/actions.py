"""The actions registry: every command of the window, keyed by an enum.

Menus, the tool bar and context menus are built from here; texts are
translated when the registry is built (and rebuilt on a language change).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence


class ActionId(enum.Enum):
    LOAD_DEMO = "load_demo"
    ADD_FEED = "add_feed"
    REFRESH = "refresh"
    EXPORT = "export"
    PREFERENCES = "preferences"
    REMINDER_TIMES = "reminder_times"
    SHOW_PERSONAL = "show_personal"
    SIGN_OUT = "sign_out"
    QUIT = "quit"
    VIEW_SERVICE_LEVEL = "view_service_level"
    VIEW_NOW = "view_now"
    VIEW_SHIFT_SHEET = "view_shift_sheet"
    VIEW_SEAT_MAP = "view_seat_map"
    VIEW_WORK_LOG = "view_work_log"
    VIEW_PLAYBOOK = "view_playbook"
    VIEW_MEETINGS = "view_meetings"
    VIEW_HANDOVER = "view_handover"
    VIEW_HANDOVER_QUALITY = "view_handover_quality"
    WALLBOARD = "wallboard"
    PREVIOUS_DAY = "previous_day"
    NEXT_DAY = "next_day"
    TODAY = "today"


@dataclass(frozen=True)
class ActionSpec:
    text: str  # source text (marked for lupdate), translated in context "actions"
    tip: str
    shortcut: QKeySequence.StandardKey | str | None = None
    checkable: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.LOAD_DEMO: ActionSpec(QT_TRANSLATE_NOOP("actions", "Load the &demo"), QT_TRANSLATE_NOOP("actions", "Build the demo database with today's calls and open it")),
    ActionId.ADD_FEED: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Add a feed…"), QT_TRANSLATE_NOOP("actions", "Import an ACD file as a feed source"), QKeySequence.StandardKey.Open),
    ActionId.REFRESH: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Refresh"), QT_TRANSLATE_NOOP("actions", "Read the figures again"), QKeySequence.StandardKey.Refresh),
    ActionId.EXPORT: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Export…"), QT_TRANSLATE_NOOP("actions", "Export the table to CSV or Excel"), "Ctrl+Shift+E"),
    ActionId.PREFERENCES: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Preferences…"), QT_TRANSLATE_NOOP("actions", "Language and live-feed settings"), QKeySequence.StandardKey.Preferences),
    ActionId.REMINDER_TIMES: ActionSpec(QT_TRANSLATE_NOOP("actions", "Re&minder times…"), QT_TRANSLATE_NOOP("actions", "When the console reminds of the agenda, the handover, the day's plan and summary (for the whole site)")),
    ActionId.SHOW_PERSONAL: ActionSpec(QT_TRANSLATE_NOOP("actions", "Show customer &numbers in prints…"), QT_TRANSLATE_NOOP("actions", "Prints and exports mask customer numbers; a supervisor's PIN shows them whole for 15 minutes")),
    ActionId.SIGN_OUT: ActionSpec(QT_TRANSLATE_NOOP("actions", "Sign &out and lock"), QT_TRANSLATE_NOOP("actions", "Lock the desk now: the next person signs in with their PIN; what is typed stays"), "Ctrl+Shift+L"),
    ActionId.QUIT: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Quit"), QT_TRANSLATE_NOOP("actions", "Close the console"), QKeySequence.StandardKey.Quit),
    ActionId.VIEW_SERVICE_LEVEL: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Service level"), QT_TRANSLATE_NOOP("actions", "Half-hourly service level"), "Ctrl+1"),
    ActionId.VIEW_NOW: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Now"), QT_TRANSLATE_NOOP("actions", "The floor right now"), "Ctrl+2"),
    ActionId.VIEW_SHIFT_SHEET: ActionSpec(QT_TRANSLATE_NOOP("actions", "S&hift sheet"), QT_TRANSLATE_NOOP("actions", "Who is on this shift, attendance, changes and notices"), "Ctrl+3"),
    ActionId.VIEW_SEAT_MAP: ActionSpec(QT_TRANSLATE_NOOP("actions", "Seat &map"), QT_TRANSLATE_NOOP("actions", "Who sits where on this shift, seats out of service, the layout"), "Ctrl+4"),
    ActionId.VIEW_WORK_LOG: ActionSpec(QT_TRANSLATE_NOOP("actions", "Work &log"), QT_TRANSLATE_NOOP("actions", "What happened on the shift and what the next supervisor takes over"), "Ctrl+5"),
    ActionId.VIEW_PLAYBOOK: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Playbooks"), QT_TRANSLATE_NOOP("actions", "Prepared responses to what goes wrong, run as checklists"), "Ctrl+6"),
    ActionId.VIEW_MEETINGS: ActionSpec(QT_TRANSLATE_NOOP("actions", "M&eetings"), QT_TRANSLATE_NOOP("actions", "The pre-shift agenda and the post-shift meeting"), "Ctrl+8"),
    ActionId.VIEW_HANDOVER: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Handover"), QT_TRANSLATE_NOOP("actions", "The face-to-face handover, step by step, signed by both supervisors"), "Ctrl+7"),
    ActionId.VIEW_HANDOVER_QUALITY: ActionSpec(QT_TRANSLATE_NOOP("actions", "Handover &quality"), QT_TRANSLATE_NOOP("actions", "The last 30 days of shift changes: service level around each, signed on time, playbooks run"), "Ctrl+9"),
    ActionId.WALLBOARD: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Wallboard"), QT_TRANSLATE_NOOP("actions", "Full-screen wallboard of the floor's figures"), "F11"),
    ActionId.PREVIOUS_DAY: ActionSpec(QT_TRANSLATE_NOOP("actions", "Pre&vious day"), QT_TRANSLATE_NOOP("actions", "Show the day before"), "Alt+Left"),
    ActionId.NEXT_DAY: ActionSpec(QT_TRANSLATE_NOOP("actions", "Ne&xt day"), QT_TRANSLATE_NOOP("actions", "Show the day after"), "Alt+Right"),
    ActionId.TODAY: ActionSpec(QT_TRANSLATE_NOOP("actions", "&Today"), QT_TRANSLATE_NOOP("actions", "Show today"), "Alt+Home"),
}



class Actions:
    """State: one QAction per ActionId, owned by the window."""

    def __init__(self, owner: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(owner)
            action.setObjectName(action_id.value)
            action.setCheckable(spec.checkable)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            self._actions[action_id] = action
        self.retranslate()

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def connect(self, action_id: ActionId, slot: Callable) -> None:
        self._actions[action_id].triggered.connect(slot)

    def retranslate(self) -> None:
        for action_id, action in self._actions.items():
            spec = SPECS[action_id]
            action.setText(QCoreApplication.translate("actions", spec.text))
            action.setToolTip(QCoreApplication.translate("actions", spec.tip))
            action.setStatusTip(QCoreApplication.translate("actions", spec.tip))


def view_menu(view, menu, prefix: str, specs) -> dict[str, QAction]:
    """The actions of a view's own menu: `specs` holds (key, slot, shortcut or None), (None, None, None) for a
    separator. Each action is named `<prefix><key>`; one with a shortcut works anywhere in the view (and is added
    to it). Texts are set by the view's retranslate. Returns the actions by key."""
    from PySide6.QtCore import Qt

    items: dict[str, QAction] = {}
    for key, slot, shortcut in specs:
        if key is None:
            menu.addSeparator()
            continue
        action = QAction(view, objectName=f"{prefix}{key}")
        action.triggered.connect(lambda _=False, slot=slot: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        menu.addAction(action)
        items[key] = action
    return items


def widget_shortcuts(widget, pairs) -> dict:
    """Keyboard shortcuts that work while the focus is in `widget` or its children: `pairs` holds (key, slot).
    Returns the QShortcut objects by key."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QShortcut

    made = {}
    for key, slot in pairs:
        shortcut = QShortcut(QKeySequence(key), widget, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda slot=slot: slot())
        made[key] = shortcut
    return made
