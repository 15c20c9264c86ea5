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
    true,
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
    # Migration 0012: the desk polling the live file, and until when its lease runs (one desk polls a source).
    poll_holder: Mapped[str | None] = mapped_column(String(64))
    poll_lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


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


# --- The shift sheet (migration 0004): shifts, people, roster, attendance, notices. ---
# Records supervisors write (attendance marks, personnel changes, notice
# revisions and acknowledgements) are only ever added to; configuration
# (definitions, teams, agents, roster entries) may be edited or replaced.


class ShiftDefinitionRow(Base):
    __tablename__ = "shift_definitions"
    __table_args__ = (UniqueConstraint("site_id", "name", name="uq_shift_definitions_site_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    start: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)  # at or before start: the next day
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class SupervisorRow(Base):
    __tablename__ = "supervisors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))  # scrypt, see app.domain.people
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ShiftInstanceRow(Base):
    __tablename__ = "shift_instances"
    __table_args__ = (UniqueConstraint("definition_id", "day", name="uq_shift_instances_definition_day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    definition_id: Mapped[int] = mapped_column(ForeignKey("shift_definitions.id"))
    day: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisors.id"))
    opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    handed_over_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TeamRow(Base):
    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("site_id", "name", name="uq_teams_site_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("supervisors.id"))
    colour: Mapped[str] = mapped_column(String(9))


class AgentRow(Base):
    __tablename__ = "agents"
    __table_args__ = (UniqueConstraint("site_id", "employee_no", name="uq_agents_site_employee_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    employee_no: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(120))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    skills: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    acd_login: Mapped[str | None] = mapped_column(String(120))
    fixed_seat: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class RosterImportRow(Base):
    __tablename__ = "roster_imports"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)
    first_day: Mapped[date | None] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    entries: Mapped[int] = mapped_column(Integer)
    rejected: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class RosterEntryRow(Base):
    __tablename__ = "roster_entries"
    __table_args__ = (
        Index("ix_roster_entries_site_day", "site_id", "day"),
        Index("ix_roster_entries_agent_start", "agent_id", "start_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    day: Mapped[date] = mapped_column(Date)  # the day the shift starts
    definition_id: Mapped[int] = mapped_column(ForeignKey("shift_definitions.id"))
    start_at: Mapped[datetime] = mapped_column(UtcDateTime)
    end_at: Mapped[datetime] = mapped_column(UtcDateTime)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("roster_imports.id", ondelete="SET NULL"))


class RosterActivityRow(Base):
    __tablename__ = "roster_activities"
    __table_args__ = (Index("ix_roster_activities_entry", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("roster_entries.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    start_at: Mapped[datetime] = mapped_column(UtcDateTime)
    end_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AttendanceMarkRow(Base):
    """One revision of an agent's attendance on a shift; the highest revision is the one in force."""

    __tablename__ = "attendance_marks"
    __table_args__ = (UniqueConstraint("instance_id", "agent_id", "revision", name="uq_attendance_marks_revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    revision: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    late_minutes: Mapped[int | None] = mapped_column(Integer)
    leave_type: Mapped[str | None] = mapped_column(String(16))
    swap_with_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    swap_with_name: Mapped[str | None] = mapped_column(String(120))
    left_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    marked_by: Mapped[str | None] = mapped_column(String(120))
    marked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PersonnelChangeRow(Base):
    __tablename__ = "personnel_changes"
    __table_args__ = (Index("ix_personnel_changes_instance", "instance_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id"))
    kind: Mapped[str] = mapped_column(String(16))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    text: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class NoticeRow(Base):
    """A business notice as its current version; every version is also a `notice_revisions` row."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_site", "site_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(16))
    effective_from: Mapped[datetime] = mapped_column(UtcDateTime)
    effective_to: Mapped[datetime | None] = mapped_column(UtcDateTime)
    explain_at_meeting: Mapped[bool] = mapped_column(Boolean)
    kb_path: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[str | None] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class NoticeRevisionRow(Base):
    __tablename__ = "notice_revisions"
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(16))
    effective_from: Mapped[datetime] = mapped_column(UtcDateTime)
    effective_to: Mapped[datetime | None] = mapped_column(UtcDateTime)
    explain_at_meeting: Mapped[bool] = mapped_column(Boolean)
    kb_path: Mapped[str] = mapped_column(Text)
    by: Mapped[str | None] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class NoticeAckRow(Base):
    __tablename__ = "notice_acks"
    __table_args__ = (Index("ix_notice_acks_notice", "notice_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("supervisors.id"))
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


# --- The floor seat map (migration 0005): floors, zones, seats, outages, a shift's seating. ---
# Zones and seats are configuration, retired rather than deleted, so the
# seating of past shifts keeps pointing at them. Outages keep their history
# (the open one, cleared_at NULL, is the seat's state); seating pairs may
# conflict (no unique seat per shift): conflicts are shown, not prevented.


class FloorRow(Base):
    __tablename__ = "floors"
    __table_args__ = (UniqueConstraint("site_id", "name", name="uq_floors_site_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ZoneRow(Base):
    __tablename__ = "zones"
    __table_args__ = (Index("ix_zones_floor", "floor_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    floor_id: Mapped[int] = mapped_column(ForeignKey("floors.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    colour: Mapped[str] = mapped_column(String(9))
    kind: Mapped[str] = mapped_column(String(16))
    x: Mapped[float] = mapped_column(Double)
    y: Mapped[float] = mapped_column(Double)
    width: Mapped[float] = mapped_column(Double)
    height: Mapped[float] = mapped_column(Double)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SeatRow(Base):
    """A seat; its code is unique on the floor, retired seats included (adding the code again revives it)."""

    __tablename__ = "seats"
    __table_args__ = (UniqueConstraint("floor_id", "code", name="uq_seats_floor_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    floor_id: Mapped[int] = mapped_column(ForeignKey("floors.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    x: Mapped[float] = mapped_column(Double)
    y: Mapped[float] = mapped_column(Double)
    rotation: Mapped[float] = mapped_column(Double, default=0.0)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zones.id"))
    equipment: Mapped[str] = mapped_column(Text, default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SeatOutageRow(Base):
    __tablename__ = "seat_outages"
    __table_args__ = (Index("ix_seat_outages_seat", "seat_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    seat_id: Mapped[int] = mapped_column(ForeignKey("seats.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    since: Mapped[datetime] = mapped_column(UtcDateTime)
    expected_back: Mapped[datetime | None] = mapped_column(UtcDateTime)
    by: Mapped[str | None] = mapped_column(String(120))
    cleared_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    cleared_by: Mapped[str | None] = mapped_column(String(120))


class SeatAssignmentRow(Base):
    __tablename__ = "seat_assignments"
    __table_args__ = (Index("ix_seat_assignments_instance", "instance_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id"))
    seat_id: Mapped[int] = mapped_column(ForeignKey("seats.id"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    assigned_at: Mapped[datetime] = mapped_column(UtcDateTime)
    by: Mapped[str | None] = mapped_column(String(120))


class SeatEventRow(Base):
    """Something that happened to a shift's seat: 'freed' (its agent was marked absent or on leave)."""

    __tablename__ = "seat_events"
    __table_args__ = (Index("ix_seat_events_instance", "instance_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id"))
    seat_id: Mapped[int] = mapped_column(ForeignKey("seats.id"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    by: Mapped[str | None] = mapped_column(String(120))


# --- The on-site work log (migration 0006): entries, their revisions and acknowledgements, ---
# saved filters and templates. An entry row holds the current version; every change is also an
# append-only `log_entry_revisions` row with each field's value before and after. Nothing is
# deleted: a withdrawn entry keeps its row, marked withdrawn.


class LogEntryRow(Base):
    """An entry's current version. `shift_start`: the start of the shift it was written in (carry-forward);
    `search_text`: the searchable fields casefolded by Python (SQLite's lower() knows ASCII only);
    `tag_keys`: the casefolded tags as "|a|b|" for an exact tag match."""

    __tablename__ = "log_entries"
    __table_args__ = (
        Index("ix_log_entries_instance", "instance_id", "event_at"),
        Index("ix_log_entries_site_event", "site_id", "event_at"),
        Index("ix_log_entries_site_status", "site_id", "status", "shift_start"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id"))
    shift_start: Mapped[datetime] = mapped_column(UtcDateTime)
    event_at: Mapped[datetime] = mapped_column(UtcDateTime)
    written_at: Mapped[datetime] = mapped_column(UtcDateTime)
    author: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(32))
    priority: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    tag_keys: Mapped[str] = mapped_column(Text, default="|")
    status: Mapped[str | None] = mapped_column(String(16))  # None: a plain note
    closing_remark: Mapped[str] = mapped_column(Text, default="")
    customer_ref: Mapped[str] = mapped_column(String(120), default="")
    customer_name: Mapped[str] = mapped_column(String(120), default="")
    ticket: Mapped[str] = mapped_column(String(120), default="")
    promise: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[datetime | None] = mapped_column(UtcDateTime)
    owner: Mapped[str] = mapped_column(String(120), default="")
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    withdrawn_by: Mapped[str | None] = mapped_column(String(120))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revision: Mapped[int] = mapped_column(Integer)
    search_text: Mapped[str] = mapped_column(Text, default="")


class LogEntryRevisionRow(Base):
    __tablename__ = "log_entry_revisions"
    entry_id: Mapped[int] = mapped_column(ForeignKey("log_entries.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    by: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    changes: Mapped[str] = mapped_column(Text)  # JSON list of [field, before, after]


class LogEntryAckRow(Base):
    __tablename__ = "log_entry_acks"
    __table_args__ = (Index("ix_log_entry_acks_entry", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("log_entries.id", ondelete="CASCADE"))
    instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id"))
    by: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    owner: Mapped[str] = mapped_column(String(120), default="")


class LogSavedFilterRow(Base):
    __tablename__ = "log_saved_filters"
    __table_args__ = (UniqueConstraint("site_id", "name", name="uq_log_saved_filters_site_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    filter: Mapped[str] = mapped_column(Text)  # JSON, see app.domain.worklog.filter_to_json


class LogTemplateRow(Base):
    __tablename__ = "log_templates"
    __table_args__ = (UniqueConstraint("site_id", "name", name="uq_log_templates_site_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings


# Emergency handover playbooks (migration 0007). A playbook is versioned: a change is a new row
# (site, key, version) and a run points at the row it used. Marks and notes of a run are append-only.


class PlaybookRow(Base):
    """One version of a playbook. `roles`: JSON list of role names; `steps`: JSON list of
    {"text", "role", "minutes", "if_fails_goto"}; `retired`: set on every version of a retired key."""

    __tablename__ = "playbooks"
    __table_args__ = (UniqueConstraint("site_id", "key", "version", name="uq_playbooks_site_key_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str] = mapped_column(Text)
    recognise: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(16))
    roles: Mapped[str] = mapped_column(Text)
    steps: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(120))
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    retired_by: Mapped[str | None] = mapped_column(String(120))


class PlaybookContactRow(Base):
    """Who to call for a role; `on_from`/`on_until`: the local on-duty window (may cross midnight), None: always."""

    __tablename__ = "playbook_contacts"
    __table_args__ = (Index("ix_playbook_contacts_site_role", "site_id", "role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(60))
    when_to_call: Mapped[str] = mapped_column(Text, default="")
    on_from: Mapped[time | None] = mapped_column(Time)
    on_until: Mapped[time | None] = mapped_column(Time)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class PlaybookRunRow(Base):
    """A playbook followed on a shift; `trigger_*`: the alert that suggested it (all None when started by hand)."""

    __tablename__ = "playbook_runs"
    __table_args__ = (
        Index("ix_playbook_runs_site_status", "site_id", "status"),
        Index("ix_playbook_runs_instance", "instance_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("shift_instances.id"))
    playbook_id: Mapped[int] = mapped_column(ForeignKey("playbooks.id"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by: Mapped[str] = mapped_column(String(120))
    trigger_rule: Mapped[str | None] = mapped_column(String(40))
    trigger_source: Mapped[str | None] = mapped_column(String(120))
    trigger_interval_start: Mapped[datetime | None] = mapped_column(UtcDateTime)
    trigger_level: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str] = mapped_column(String(120), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    log_entry_id: Mapped[int | None] = mapped_column(ForeignKey("log_entries.id"))


class PlaybookRunMarkRow(Base):
    __tablename__ = "playbook_run_marks"
    __table_args__ = (Index("ix_playbook_run_marks_run", "run_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("playbook_runs.id", ondelete="CASCADE"))
    step: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    by: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class PlaybookRunNoteRow(Base):
    __tablename__ = "playbook_run_notes"
    __table_args__ = (Index("ix_playbook_run_notes_run", "run_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("playbook_runs.id", ondelete="CASCADE"))
    step: Mapped[int] = mapped_column(Integer)  # 0: a note on the run as a whole
    text: Mapped[str] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class PlaybookAlertRow(Base):
    """A rule's suggestion to run a playbook; fires once per (site, source, rule, interval).
    `detail`: JSON object of the figures behind it; `run_id`: the run started from it."""

    __tablename__ = "playbook_alerts"
    __table_args__ = (
        UniqueConstraint("site_id", "source", "rule", "interval_start",
                         name="uq_playbook_alerts_site_source_rule_interval"),
        Index("ix_playbook_alerts_site_fired", "site_id", "fired_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(120))
    rule: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(16))
    interval_start: Mapped[datetime] = mapped_column(UtcDateTime)
    fired_at: Mapped[datetime] = mapped_column(UtcDateTime)
    playbook_key: Mapped[str] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text, default="{}")
    dismissed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    dismissed_by: Mapped[str | None] = mapped_column(String(120))
    dismiss_reason: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("playbook_runs.id"))


class PlaybookRuleSettingsRow(Base):
    __tablename__ = "playbook_rule_settings"
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True)
    settings: Mapped[str] = mapped_column(Text)  # JSON object, see app.domain.playbook_rules


# Meetings (migration 0008): the warm-up library per site and language, pre-shift agendas and
# post-shift meeting records. Agendas and meeting records are revisions: an edit is a new row.


class WarmupRow(Base):
    """A warm-up of the library; `kind`: tuning | sharing | confidence | custom; `builtin`: shipped."""

    __tablename__ = "warmups"
    __table_args__ = (UniqueConstraint("site_id", "language", "key", name="uq_warmups_site_language_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200))
    how_to: Mapped[str] = mapped_column(Text)
    minutes: Mapped[int] = mapped_column(Integer)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(120))


class AgendaRow(Base):
    """One revision of a shift instance's pre-shift agenda; `parts`: JSON list, see app.domain.meetings."""

    __tablename__ = "agendas"
    __table_args__ = (UniqueConstraint("instance_id", "revision", name="uq_agendas_instance_revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(16))
    meeting_start: Mapped[datetime] = mapped_column(UtcDateTime)
    meeting_end: Mapped[datetime] = mapped_column(UtcDateTime)
    warmup_id: Mapped[int | None] = mapped_column(ForeignKey("warmups.id"))
    parts: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(120))


class PostShiftMeetingRow(Base):
    """One revision of a shift instance's post-shift meeting record."""

    __tablename__ = "post_shift_meetings"
    __table_args__ = (UniqueConstraint("instance_id", "revision", name="uq_post_shift_meetings_instance_revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime] = mapped_column(UtcDateTime)
    summary: Mapped[str] = mapped_column(Text)
    case_entry_id: Mapped[int | None] = mapped_column(ForeignKey("log_entries.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    tomorrow_topic: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(120))


# On-site handovers (migration 0009). One per outgoing shift instance; a draft changes in place until the
# outgoing supervisor signs, which freezes `snapshot` (canonical JSON) with its SHA-256; nothing changes after.


class HandoverRow(Base):
    """`steps`: JSON object step name -> state; `snapshot`: canonical JSON frozen by the outgoing signature;
    `outgoing_checksum` / `incoming_checksum`: its SHA-256 as each signer signed it."""

    __tablename__ = "handovers"
    __table_args__ = (
        UniqueConstraint("outgoing_instance_id", name="uq_handovers_outgoing_instance"),
        Index("ix_handovers_site_status", "site_id", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    outgoing_instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id"))
    incoming_instance_id: Mapped[int] = mapped_column(ForeignKey("shift_instances.id"))
    outgoing_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisors.id"))
    incoming_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisors.id"))
    status: Mapped[str] = mapped_column(String(20))
    steps: Mapped[str] = mapped_column(Text, default="{}")
    talk_done: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    outgoing_signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    incoming_signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    snapshot: Mapped[str | None] = mapped_column(Text)
    outgoing_checksum: Mapped[str | None] = mapped_column(String(64))
    incoming_checksum: Mapped[str | None] = mapped_column(String(64))
    # Migration 0010: the signers' names as they signed, and how the checksums seal (1: the snapshot only,
    # 2: the snapshot and the signatures, app.domain.handover.seal).
    outgoing_signer_name: Mapped[str | None] = mapped_column(String(120))
    incoming_signer_name: Mapped[str | None] = mapped_column(String(120))
    seal_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


# Reminder times per site (migration 0010): one JSON object, see app.domain.reminders.ReminderSettings.


class ReminderSettingsRow(Base):
    __tablename__ = "reminder_settings"
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True)
    settings: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(120))


# The audit trail (migration 0011): one row per write, numbered without gaps and hash-chained (app.domain.audit);
# `audit_head` (one row, id 1) holds the end of the chain and is locked to append. Written by app.storage.audit
# only, never updated or deleted by the application.


class AuditRow(Base):
    """`row_key`: the written row's primary key as JSON; `before` / `after`: its column values as JSON (an update
    names the changed columns only); `hash`: SHA-256 of `prev_hash` and the record (app.domain.audit.record_hash)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_table_row", "table_name", "row_key"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(120))
    table_name: Mapped[str] = mapped_column(String(64))
    row_key: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(8))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """`baseline`: JSON object table -> its highest id when the trail began (rows up to it predate the trail);
    the chain starts from its hash (app.domain.audit.genesis_hash)."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(BigInteger)
    baseline: Mapped[str] = mapped_column(Text)


# Privacy per site (migration 0013): how long call-level caller numbers are kept.


class PrivacySettingsRow(Base):
    __tablename__ = "privacy_settings"
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True)
    caller_retention_days: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(120))
