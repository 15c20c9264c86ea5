"""Vendor interval reports: counts may be unknown, and the report's own service level is kept

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COUNTS = ("offered", "answered", "abandoned", "other", "waiting", "answered_within", "abandoned_within", "aht_count")


def upgrade() -> None:
    with op.batch_alter_table("intervals") as batch:
        for name in COUNTS:
            batch.alter_column(name, existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("vendor_service_level", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("intervals") as batch:
        batch.drop_column("vendor_service_level")
        for name in COUNTS:
            batch.alter_column(name, existing_type=sa.Integer(), nullable=False)
