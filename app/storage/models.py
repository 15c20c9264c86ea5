"""The typed ORM models (SQLAlchemy 2). Alembic migrations in db/ create them.

Instants of the call data are stored as UTC epoch seconds (double precision)
so that the bulk import writes plain numbers on SQLite and PostgreSQL alike;
bookkeeping timestamps are timezone-aware UTC datetimes (`UtcDateTime`).
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator):
    """An aware datetime stored as UTC (naive UTC on SQLite, timestamptz on PostgreSQL)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    pass


class Site(Base):
    __tablename__ = "sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OpeningHours(Base):
    __tablename__ = "site_opening_hours"
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0 = Monday
    opens: Mapped[time] = mapped_column(Time, primary_key=True)
    closes: Mapped[time] = mapped_column(Time)


class SpecialDay(Base):
    __tablename__ = "site_special_days"
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    opens: Mapped[time | None] = mapped_column(Time)  # None: closed all day
    closes: Mapped[time | None] = mapped_column(Time)


class FeedSource(Base):
    __tablename__ = "feed_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    name: Mapped[str] = mapped_column(String(120), unique=True)
    format: Mapped[str] = mapped_column(String(32))
    threshold_seconds: Mapped[float] = mapped_column(Double)
    target_percent: Mapped[float] = mapped_column(Double)
    sl_definition: Mapped[str] = mapped_column(String(32))
    vendor_rule: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # A live source: the file the ACD appends to and how far it has been read
    # (migration 0003). The offset is written in the same transaction as the
    # data it covers.
    live: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    path: Mapped[str | None] = mapped_column(Text)
    file_offset: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    file_line: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    file_id: Mapped[str | None] = mapped_column(String(64))  # "device:inode"
    head_sha256: Mapped[str | None] = mapped_column(String(64))  # of the first head_bytes bytes
    head_bytes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_poll_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_data_at: Mapped[float | None] = mapped_column(Double)  # epoch of the newest event stored by a poll


class QueueSetting(Base):
    """Per-queue override of a source's threshold, target or definition (None: the source's)."""

    __tablename__ = "queue_settings"
    source_id: Mapped[int] = mapped_column(ForeignKey("feed_sources.id", ondelete="CASCADE"), primary_key=True)
    queue: Mapped[str] = mapped_column(String(120), primary_key=True)
    threshold_seconds: Mapped[float | None] = mapped_column(Double)
    target_percent: Mapped[float | None] = mapped_column(Double)
    sl_definition: Mapped[str | None] = mapped_column(String(32))


class Call(Base):
    __tablename__ = "calls"
    __table_args__ = (
        UniqueConstraint("source_id", "call_key", name="uq_calls_source_key"),
        Index("ix_calls_source_interval", "source_id", "interval_start"),
    )
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("feed_sources.id", ondelete="CASCADE"))
    queue: Mapped[str] = mapped_column(String(120))
    call_key: Mapped[str] = mapped_column(String(200))
    arrived_at: Mapped[float] = mapped_column(Double)
    interval_start: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(10))
    wait_seconds: Mapped[float | None] = mapped_column(Double)
    answered_at: Mapped[float | None] = mapped_column(Double)
    ended_at: Mapped[float | None] = mapped_column(Double)
    handle_seconds: Mapped[float | None] = mapped_column(Double)
    agent: Mapped[str | None] = mapped_column(String(120))
    caller: Mapped[str | None] = mapped_column(String(64))


class AgentEvent(Base):
    __tablename__ = "agent_events"
    __table_args__ = (UniqueConstraint("source_id", "agent", "at", "kind", "queue", name="uq_agent_events"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("feed_sources.id", ondelete="CASCADE"))
    agent: Mapped[str] = mapped_column(String(120))
    at: Mapped[float] = mapped_column(Double)
    kind: Mapped[str] = mapped_column(String(32))
    queue: Mapped[str] = mapped_column(String(120), default="")
    reason: Mapped[str | None] = mapped_column(String(200))


class IntervalRow(Base):
    __tablename__ = "intervals"
    __table_args__ = (Index("ix_intervals_source_start", "source_id", "interval_start"),)
    source_id: Mapped[int] = mapped_column(ForeignKey("feed_sources.id", ondelete="CASCADE"), primary_key=True)
    queue: Mapped[str] = mapped_column(String(120), primary_key=True)
    interval_start: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    threshold_seconds: Mapped[float] = mapped_column(Double)
    # Counts are NULL where a vendor's interval report does not carry them.
    offered: Mapped[int | None] = mapped_column(Integer)
    answered: Mapped[int | None] = mapped_column(Integer)
    abandoned: Mapped[int | None] = mapped_column(Integer)
    other: Mapped[int | None] = mapped_column(Integer)
    waiting: Mapped[int | None] = mapped_column(Integer)
    answered_within: Mapped[int | None] = mapped_column(Integer)
    abandoned_within: Mapped[int | None] = mapped_column(Integer)
    asa_seconds: Mapped[float | None] = mapped_column(Double)
    aht_seconds: Mapped[float | None] = mapped_column(Double)
    aht_count: Mapped[int | None] = mapped_column(Integer)
    max_wait_seconds: Mapped[float | None] = mapped_column(Double)
    vendor_service_level: Mapped[float | None] = mapped_column(Double)


class Coverage(Base):
    """A span (UTC epoch seconds) in which the source's data is known to be complete."""

    __tablename__ = "coverage"
    __table_args__ = (Index("ix_coverage_source", "source_id", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("feed_sources.id", ondelete="CASCADE"))
    start: Mapped[float] = mapped_column(Double)
    end: Mapped[float] = mapped_column(Double)


class ImportRun(Base):
    __tablename__ = "import_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("feed_sources.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16))  # running, done
    lines_read: Mapped[int] = mapped_column(Integer, default=0)
    offset_reached: Mapped[int] = mapped_column(BigInteger, default=0)
    calls_new: Mapped[int] = mapped_column(Integer, default=0)
    calls_known: Mapped[int] = mapped_column(Integer, default=0)
    calls_updated: Mapped[int] = mapped_column(Integer, default=0)
    waiting: Mapped[int] = mapped_column(Integer, default=0)
    ignored: Mapped[str] = mapped_column(Text, default="{}")  # JSON: reason -> count
    rejected: Mapped[int] = mapped_column(Integer, default=0)


class RejectedLineRow(Base):
    __tablename__ = "rejected_lines"
    __table_args__ = (Index("ix_rejected_lines_run", "import_run_id", "line_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    import_run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
