"""Use cases on feed sources: their service-level settings and per-queue overrides.

Changing a threshold recomputes the source's stored intervals from its
stored calls in the same transaction, so figures and settings never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.errors import InvalidSettingError, UnknownSourceError
from app.domain.service_level import SlDefinition
from app.domain.sources import FeedSource, QueueOverride
from app.services.console import Console
from app.storage import calls as call_store
from app.storage import sites as site_store


@dataclass(frozen=True)
class SourceChanged:
    """What a settings change touched."""

    source: FeedSource
    intervals_recomputed: int


def list_sources(console: Console) -> tuple[FeedSource, ...]:
    with console.db.transaction() as tx:
        return site_store.list_sources(tx)


def set_queue_override(
    console: Console,
    source_name: str,
    queue: str,
    threshold_seconds: float | None = None,
    target_percent: float | None = None,
    definition: SlDefinition | None = None,
) -> SourceChanged:
    """Give `queue` its own threshold, target or definition (None: the source's)."""
    if threshold_seconds is not None and not (0 <= threshold_seconds <= 3600):
        raise InvalidSettingError("threshold", threshold_seconds, "must be between 0 and 3600 seconds")
    if target_percent is not None and not (0 < target_percent <= 100):
        raise InvalidSettingError("target", target_percent, "must be a percentage above 0 and at most 100")
    with console.db.transaction() as tx:
        source = site_store.find_source(tx, source_name)
        if source is None:
            raise UnknownSourceError(source_name)
        site_store.set_queue_override(
            tx, source.id, queue, QueueOverride(threshold_seconds, target_percent, definition)
        )
        source = site_store.find_source(tx, source_name)
        default, special = source.thresholds()
        written = call_store.recompute_intervals(tx, source.id, default, special)
    return SourceChanged(source, written)


def set_target(console: Console, source_name: str, target_percent: float) -> FeedSource:
    """Change a source's service-level target (figures need no recomputing)."""
    if not (0 < target_percent <= 100):
        raise InvalidSettingError("target", target_percent, "must be a percentage above 0 and at most 100")
    with console.db.transaction() as tx:
        source = site_store.find_source(tx, source_name)
        if source is None:
            raise UnknownSourceError(source_name)
        site_store.update_source_settings(tx, source.id, replace(source.settings, target_percent=target_percent))
        return site_store.find_source(tx, source_name)


def list_sites(console: Console):
    with console.db.transaction() as tx:
        return site_store.list_sites(tx)
