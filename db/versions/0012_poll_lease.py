"""The live-feed lease: which desk polls a live source, and until when (several desks, one poller per source)

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feed_sources") as batch:
        batch.add_column(sa.Column("poll_holder", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("poll_lease_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feed_sources") as batch:
        batch.drop_column("poll_lease_until")
        batch.drop_column("poll_holder")
