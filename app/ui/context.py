"""What every view is handed: the open console, the task runner, the settings and the clock.

The clock is one function so tests fix it; views never call datetime.now().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from typing import TYPE_CHECKING

from app.services.zones import machine_zone
from app.ui.settings import Settings
from app.ui.task_runner import TaskRunner

if TYPE_CHECKING:  # the console module pulls in SQLAlchemy: loaded after the window shows
    from app.services.console import Console


@dataclass
class UiContext:
    """State: the console in use (replaced when the demo is loaded), runner, settings, clock, status sink."""

    console: Console | None  # None until the database is open (just after the window shows)
    runner: TaskRunner
    settings: Settings
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(ZoneInfo(machine_zone())))
    status: Callable[[str], None] = field(default=lambda text: None)
    font_family: str | None = None  # the shipped Chinese font as registered (printing uses it)
    # Who is writing at this desk when a shift names no supervisor on duty (the work log's "Writing as").
    writer: Callable[[], str | None] = field(default=lambda: None)
    # Until when prints and exports show customer numbers whole (a supervisor's PIN; app.ui.privacy).
    personal_until: datetime | None = None

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()
