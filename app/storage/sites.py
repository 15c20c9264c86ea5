"""Repository of sites and feed sources: takes and returns domain values."""

from __future__ import annotations

from datetime import datetime, timezone
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.service_level import SlDefinition, SlSettings
from app.domain.sources import FeedSource, QueueOverride, Site
from app.storage.models import FeedSource as SourceRow
from app.storage.models import QueueSetting
from app.storage.models import Site as SiteRow


def _site(row: SiteRow) -> Site:
    return Site(row.id, row.name, row.timezone)


def list_sites(session: Session) -> tuple[Site, ...]:
    return tuple(_site(r) for r in session.scalars(select(SiteRow).order_by(SiteRow.id)))


def find_site(session: Session, name: str) -> Site | None:
    row = session.scalar(select(SiteRow).where(SiteRow.name == name))
    return _site(row) if row else None


def add_site(session: Session, name: str, tz: str) -> Site:
    row = SiteRow(name=name, timezone=tz, created_at=datetime.now(timezone.utc))
    session.add(row)
    session.flush()
    return _site(row)


def _source(session: Session, row: SourceRow) -> FeedSource:
    site = session.get(SiteRow, row.site_id)
    overrides = {
        q.queue: QueueOverride(
            q.threshold_seconds,
            q.target_percent,
            SlDefinition(q.sl_definition) if q.sl_definition else None,
        )
        for q in session.scalars(select(QueueSetting).where(QueueSetting.source_id == row.id))
    }
    return FeedSource(
        id=row.id,
        name=row.name,
        site=_site(site),
        format=row.format,
        settings=SlSettings(row.threshold_seconds, row.target_percent, SlDefinition(row.sl_definition)),
        overrides=MappingProxyType(overrides),
        vendor_rule=row.vendor_rule,
        live=bool(row.live),
        path=row.path,
    )


def find_source(session: Session, name: str) -> FeedSource | None:
    row = session.scalar(select(SourceRow).where(SourceRow.name == name))
    return _source(session, row) if row else None


def list_sources(session: Session) -> tuple[FeedSource, ...]:
    rows = session.scalars(select(SourceRow).order_by(SourceRow.name)).all()
    return tuple(_source(session, r) for r in rows)


def add_source(session: Session, name: str, site: Site, format: str, settings: SlSettings) -> FeedSource:
    row = SourceRow(
        site_id=site.id,
        name=name,
        format=format,
        threshold_seconds=settings.threshold_seconds,
        target_percent=settings.target_percent,
        sl_definition=settings.definition.value,
        created_at=datetime.now(timezone.utc),
    )
    session.add(row)
    session.flush()
    return _source(session, row)


def update_source_settings(session: Session, source_id: int, settings: SlSettings) -> None:
    row = session.get(SourceRow, source_id)
    row.threshold_seconds = settings.threshold_seconds
    row.target_percent = settings.target_percent
    row.sl_definition = settings.definition.value


def set_queue_override(session: Session, source_id: int, queue: str, override: QueueOverride) -> None:
    row = session.get(QueueSetting, (source_id, queue))
    if row is None:
        row = QueueSetting(source_id=source_id, queue=queue)
        session.add(row)
    row.threshold_seconds = override.threshold_seconds
    row.target_percent = override.target_percent
    row.sl_definition = override.definition.value if override.definition else None
    session.flush()


def set_vendor_rule(session: Session, source_id: int, rule: str | None) -> None:
    session.get(SourceRow, source_id).vendor_rule = rule
