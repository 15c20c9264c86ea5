"""Meetings: the warm-up library, the pre-shift agendas (revisions) and the post-shift meeting records

The warm-up library is per site and language: the three classics are installed
from resources/warmups, a center adds its own. An agenda is kept as revisions
(instance, revision): an edit is a new row, never an overwrite. A post-shift
meeting record is kept the same way.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-20
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _instant(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _ref(name: str, target: str, ondelete: str | None = None, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def _string(name: str, length: int = 120, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(length=length), nullable=nullable)


def _text(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "warmups",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _string("key", 80),
        _string("language", 16),
        _string("kind", 24),
        _string("name", 200),
        _text("how_to"),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("builtin", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        _instant("created_at"),
        _string("created_by"),
        sa.UniqueConstraint("site_id", "language", "key", name="uq_warmups_site_language_key"),
    )
    op.create_table(
        "agendas",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _ref("instance_id", "shift_instances.id", "CASCADE"),
        sa.Column("revision", sa.Integer(), nullable=False),
        _string("language", 16),
        _instant("meeting_start"),
        _instant("meeting_end"),
        _ref("warmup_id", "warmups.id", nullable=True),
        _text("parts"),
        _instant("created_at"),
        _string("created_by"),
        sa.UniqueConstraint("instance_id", "revision", name="uq_agendas_instance_revision"),
    )
    op.create_table(
        "post_shift_meetings",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _ref("instance_id", "shift_instances.id", "CASCADE"),
        sa.Column("revision", sa.Integer(), nullable=False),
        _instant("started_at"),
        _instant("ended_at"),
        _text("summary"),
        _ref("case_entry_id", "log_entries.id", nullable=True),
        _text("notes"),
        _text("tomorrow_topic"),
        _instant("created_at"),
        _string("created_by"),
        sa.UniqueConstraint("instance_id", "revision", name="uq_post_shift_meetings_instance_revision"),
    )


TABLES = ("post_shift_meetings", "agendas", "warmups")


def downgrade() -> None:
    for name in TABLES:  # dependents first
        op.drop_table(name)
