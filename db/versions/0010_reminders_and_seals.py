"""Reminder times per site (one JSON object); handovers seal the signatures too: the signers' names as signed and
the seal version (1: the checksums cover the snapshot only, as signed before this migration; 2: the snapshot and
the signatures)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_settings",
        sa.Column("site_id", sa.Integer(), sa.ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
    )
    with op.batch_alter_table("handovers") as batch:
        batch.add_column(sa.Column("outgoing_signer_name", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("incoming_signer_name", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("seal_version", sa.Integer(), server_default="1", nullable=False))
    # Handovers signed before: their signers' names as they are now (version 1 seals keep their meaning).
    for side in ("outgoing", "incoming"):
        op.execute(f"UPDATE handovers SET {side}_signer_name = (SELECT name FROM supervisors "
                   f"WHERE supervisors.id = handovers.{side}_supervisor_id) WHERE {side}_signed_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("handovers") as batch:
        batch.drop_column("seal_version")
        batch.drop_column("incoming_signer_name")
        batch.drop_column("outgoing_signer_name")
    op.drop_table("reminder_settings")
