"""Sites and feed sources as values."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Mapping

from app.domain.service_level import SlDefinition, SlSettings


@dataclass(frozen=True, slots=True)
class Site:
    id: int
    name: str
    timezone: str


@dataclass(frozen=True, slots=True)
class QueueOverride:
    """A queue's own threshold, target or definition; None keeps the source's."""

    threshold_seconds: float | None = None
    target_percent: float | None = None
    definition: SlDefinition | None = None


@dataclass(frozen=True)
class FeedSource:
    """A feed source of a site with its service-level settings and per-queue overrides."""

    id: int
    name: str
    site: Site
    format: str
    settings: SlSettings
    overrides: Mapping[str, QueueOverride] = field(default_factory=lambda: MappingProxyType({}))
    vendor_rule: str | None = None
    live: bool = False  # polled: its file is read incrementally (see LivePosition)
    path: str | None = None  # the file of a live source

    def settings_for(self, queue: str) -> SlSettings:
        o = self.overrides.get(queue)
        if o is None:
            return self.settings
        return replace(
            self.settings,
            threshold_seconds=self.settings.threshold_seconds if o.threshold_seconds is None else o.threshold_seconds,
            target_percent=self.settings.target_percent if o.target_percent is None else o.target_percent,
            definition=self.settings.definition if o.definition is None else o.definition,
        )

    def thresholds(self) -> tuple[float, dict[str, float]]:
        """The source's threshold and the queues whose threshold differs."""
        default = self.settings.threshold_seconds
        special = {
            q: o.threshold_seconds
            for q, o in self.overrides.items()
            if o.threshold_seconds is not None and o.threshold_seconds != default
        }
        return default, special


@dataclass(frozen=True, slots=True)
class LivePosition:
    """How far the file of a live source has been read, and which file that was.

    offset/line -- the byte offset and line number just after the last line stored
    file_id -- "device:inode" of the file read (None: not read yet)
    head_sha256/head_bytes -- SHA-256 of the file's first head_bytes bytes (at
        most 4 KiB, all of them already read): a file rewritten in place differs
    last_poll_at -- when the source was last polled (aware UTC); its coverage reaches it
    last_data_at -- epoch of the newest event a poll stored (None: none yet)
    """

    path: str | None
    offset: int = 0
    line: int = 0
    file_id: str | None = None
    head_sha256: str | None = None
    head_bytes: int = 0
    last_poll_at: datetime | None = None
    last_data_at: float | None = None
