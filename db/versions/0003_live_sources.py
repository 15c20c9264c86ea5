"""Live sources: a feed file the ACD keeps appending to, read incrementally

A source may be live: it then names its file, the byte offset (and line
number) reached, the file's identity (device:inode, and a SHA-256 of its
first bytes up to 4 KiB, to tell a rotated or rewritten file), the time of
its last poll and of the newest event stored.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (
    "live", "path", "file_offset", "file_line", "file_id", "head_sha256", "head_bytes", "last_poll_at", "last_data_at",
)


def upgrade() -> None:
    with op.batch_alter_table("feed_sources") as batch:
        batch.add_column(sa.Column("live", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("path", sa.Text(), nullable=True))
        batch.add_column(sa.Column("file_offset", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("file_line", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("file_id", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("head_sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("head_bytes", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_poll_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("last_data_at", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feed_sources") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
