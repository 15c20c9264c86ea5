"""The floor seat map: floors, zones, seats, seat outages, a shift's seating and its seat events

Zones and seats are retired, not deleted, so past shifts' seating stays
readable; outages keep their history (the open one has no cleared_at);
seating pairs may conflict and are stored as set.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _instant(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _ref(name: str, target: str, ondelete: str | None = None, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def _by(name: str = "by") -> sa.Column:
    return sa.Column(name, sa.String(length=120), nullable=True)


def _retired() -> sa.Column:
    return sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false())


def _number(name: str) -> sa.Column:
    return sa.Column(name, sa.Double(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "floors",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _instant("created_at"),
        sa.UniqueConstraint("site_id", "name", name="uq_floors_site_name"),
    )
    op.create_table(
        "zones",
        _id(),
        _ref("floor_id", "floors.id", "CASCADE"),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("colour", sa.String(length=9), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        _number("x"), _number("y"), _number("width"), _number("height"),
        _retired(),
    )
    op.create_index("ix_zones_floor", "zones", ["floor_id"])
    op.create_table(
        "seats",
        _id(),
        _ref("floor_id", "floors.id", "CASCADE"),
        sa.Column("code", sa.String(length=64), nullable=False),
        _number("x"), _number("y"), _number("rotation"),
        _ref("zone_id", "zones.id", nullable=True),
        sa.Column("equipment", sa.Text(), nullable=False),
        _retired(),
        sa.UniqueConstraint("floor_id", "code", name="uq_seats_floor_code"),
    )
    op.create_table(
        "seat_outages",
        _id(),
        _ref("seat_id", "seats.id", "CASCADE"),
        sa.Column("reason", sa.Text(), nullable=False),
        _instant("since"),
        _instant("expected_back", nullable=True),
        _by(),
        _instant("cleared_at", nullable=True),
        _by("cleared_by"),
    )
    op.create_index("ix_seat_outages_seat", "seat_outages", ["seat_id"])
    op.create_table(
        "seat_assignments",
        _id(),
        _ref("instance_id", "shift_instances.id"),
        _ref("seat_id", "seats.id"),
        _ref("agent_id", "agents.id"),
        _instant("assigned_at"),
        _by(),
    )
    op.create_index("ix_seat_assignments_instance", "seat_assignments", ["instance_id"])
    op.create_table(
        "seat_events",
        _id(),
        _ref("instance_id", "shift_instances.id"),
        _ref("seat_id", "seats.id"),
        _ref("agent_id", "agents.id"),
        sa.Column("kind", sa.String(length=16), nullable=False),
        _instant("at"),
        _by(),
    )
    op.create_index("ix_seat_events_instance", "seat_events", ["instance_id"])


TABLES = ("seat_events", "seat_assignments", "seat_outages", "seats", "zones", "floors")


def downgrade() -> None:
    for name in TABLES:  # dependents first; their indexes go with them
        op.drop_table(name)
