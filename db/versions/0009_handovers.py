"""Handovers: one per outgoing shift instance, a draft until both supervisors sign; the snapshot frozen as
canonical JSON with its SHA-256 by the outgoing signature

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-20
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _instant(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _ref(name: str, target: str, ondelete: str | None = None, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ref("site_id", "sites.id", "CASCADE"),
        _ref("outgoing_instance_id", "shift_instances.id"),
        _ref("incoming_instance_id", "shift_instances.id"),
        _ref("outgoing_supervisor_id", "supervisors.id", nullable=True),
        _ref("incoming_supervisor_id", "supervisors.id", nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.Column("talk_done", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _instant("created_at"),
        _instant("updated_at"),
        _instant("outgoing_signed_at", nullable=True),
        _instant("incoming_signed_at", nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=True),
        sa.Column("outgoing_checksum", sa.String(length=64), nullable=True),
        sa.Column("incoming_checksum", sa.String(length=64), nullable=True),
        sa.UniqueConstraint("outgoing_instance_id", name="uq_handovers_outgoing_instance"),
    )
    op.create_index("ix_handovers_site_status", "handovers", ["site_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_handovers_site_status", table_name="handovers")
    op.drop_table("handovers")
