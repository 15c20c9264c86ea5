"""Typed settings over QSettings, declared once.

User preferences (language, thresholds of the live view) are kept apart
from remembered window state (geometry, splitters, last view), and a
settings version with explicit migration steps guards the stored layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    title: str  # translated with QCoreApplication.translate("settings", title)
    kind: type

    def read(self, store: QSettings) -> Any:
        value = store.value(self.key, self.default)
        if self.kind is bool:
            return value in (True, "true", "1", 1)
        try:
            return self.kind(value)
        except (TypeError, ValueError):
            return self.default


LANGUAGE = Setting("prefs/language", "", QT_TRANSLATE_NOOP("settings", "Interface language"), str)  # "" = the system's
STALE_MINUTES = Setting("prefs/stale_minutes", 5, QT_TRANSLATE_NOOP("settings", "Minutes without new data before a live feed is stale"), int)
POLL_SECONDS = Setting("prefs/poll_seconds", 15, QT_TRANSLATE_NOOP("settings", "Seconds between two polls of a live feed"), int)
TARGET_PERCENT = Setting("prefs/default_target", 80.0, QT_TRANSLATE_NOOP("settings", "Default service-level target (%)"), float)
IDLE_MINUTES = Setting("prefs/idle_minutes", 10, QT_TRANSLATE_NOOP("settings", "Minutes without use before the desk locks"), int)
PREFERENCES = (LANGUAGE, STALE_MINUTES, POLL_SECONDS, TARGET_PERCENT, IDLE_MINUTES)

GEOMETRY = Setting("window/geometry", b"", "", bytes)
WINDOW_STATE = Setting("window/state", b"", "", bytes)
LAST_VIEW = Setting("window/last_view", "", "", str)
SPLITTER = Setting("window/splitter/{name}", b"", "", bytes)


def title(setting: Setting) -> str:
    return QCoreApplication.translate("settings", setting.title)


class Settings:
    """State: the QSettings store (an .ini file; tests give their own path)."""

    def __init__(self, store: QSettings) -> None:
        self.store = store
        self._migrate()

    def get(self, setting: Setting) -> Any:
        return setting.read(self.store)

    def set(self, setting: Setting, value: Any) -> None:
        self.store.setValue(setting.key, value)

    def splitter_key(self, name: str) -> Setting:
        return Setting(SPLITTER.key.format(name=name), b"", "", bytes)

    def _migrate(self) -> None:
        version = int(self.store.value("settings_version", 0) or 0)
        if version < 1:
            # Version 1 is the first layout: nothing older to carry over.
            self.store.setValue("settings_version", 1)
