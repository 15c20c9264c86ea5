"""Use cases on feed sources: their service-level settings and per-queue overrides.

Changing a threshold recomputes the source's stored intervals from its
stored calls in the same transaction, so figures and settings never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

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
    return set_queue_overrides(console, source_name, {queue: QueueOverride(threshold_seconds, target_percent, definition)})


def set_queue_overrides(console: Console, source_name: str, overrides: dict[str, QueueOverride]) -> SourceChanged:
    """Set the overrides of several queues in one transaction, recounting the intervals once.

    A vendor interval report's counts were made by the vendor with its own
    threshold: its queues may get their own target, not another threshold.
    """
    for o in overrides.values():
        if o.threshold_seconds is not None and not (0 <= o.threshold_seconds <= 3600):
            raise InvalidSettingError("threshold", o.threshold_seconds, "must be between 0 and 3600 seconds")
        if o.target_percent is not None and not (0 < o.target_percent <= 100):
            raise InvalidSettingError("target", o.target_percent, "must be a percentage above 0 and at most 100")
    with console.db.transaction() as tx:
        source = site_store.find_source(tx, source_name)
        if source is None:
            raise UnknownSourceError(source_name)
        vendor = source.vendor_rule is not None
        if vendor and any(o.threshold_seconds not in (None, source.settings.threshold_seconds) for o in overrides.values()):
            raise InvalidSettingError(
                "threshold", source_name, "the figures of a vendor report were counted with its own threshold"
            )
        for queue, override in overrides.items():
            site_store.set_queue_override(tx, source.id, queue, override)
        source = site_store.find_source(tx, source_name)
        written = 0
        if not vendor:  # a vendor report has no calls to recount: its stored rows stay as they are
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


def live_plan(console: Console, sources: tuple[FeedSource, ...]) -> tuple[tuple[str, ...], str | None]:
    """The live sources to poll, and the demo feed to grow (a live source with a day schedule beside it)."""
    from app.services.demo_feed import schedule_path

    live = tuple(s.name for s in sources if s.live)
    demo = next((s.path for s in sources if s.live and s.path and schedule_path(Path(s.path)).exists()), None)
    return live, demo
