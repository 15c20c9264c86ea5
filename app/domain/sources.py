"""Sites and feed sources as values."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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
