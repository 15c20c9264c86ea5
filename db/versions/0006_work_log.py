"""The on-site work log: entries (current version), their revisions, acknowledgements, saved filters, templates

An entry is never deleted: a withdrawn one keeps its row; every change is a
revision row with each field's value before and after.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _instant(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _ref(name: str, target: str, ondelete: str | None = None, primary_key: bool = False) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=False,
                     primary_key=primary_key)


def _string(name: str, length: int = 120, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(length=length), nullable=nullable)


def _text(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "log_entries",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _ref("instance_id", "shift_instances.id"),
        _instant("shift_start"),
        _instant("event_at"),
        _instant("written_at"),
        _string("author"),
        _string("category", 32),
        _string("priority", 16),
        _text("text"),
        _text("tags"),
        _text("tag_keys"),
        _string("status", 16, nullable=True),
        _text("closing_remark"),
        _string("customer_ref"),
        _string("customer_name"),
        _string("ticket"),
        _text("promise"),
        _instant("due", nullable=True),
        _string("owner"),
        _text("withdrawn_reason", nullable=True),
        _string("withdrawn_by", nullable=True),
        _instant("withdrawn_at", nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        _text("search_text"),
    )
    op.create_index("ix_log_entries_instance", "log_entries", ["instance_id", "event_at"])
    op.create_index("ix_log_entries_site_event", "log_entries", ["site_id", "event_at"])
    op.create_index("ix_log_entries_site_status", "log_entries", ["site_id", "status", "shift_start"])
    op.create_table(
        "log_entry_revisions",
        _ref("entry_id", "log_entries.id", "CASCADE", primary_key=True),
        sa.Column("revision", sa.Integer(), primary_key=True),
        _string("kind", 16),
        _string("by"),
        _instant("at"),
        _text("changes"),
    )
    op.create_table(
        "log_entry_acks",
        _id(),
        _ref("entry_id", "log_entries.id", "CASCADE"),
        _ref("instance_id", "shift_instances.id"),
        _string("by"),
        _instant("at"),
        _string("owner"),
    )
    op.create_index("ix_log_entry_acks_entry", "log_entry_acks", ["entry_id"])
    op.create_table(
        "log_saved_filters",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _string("name"),
        _text("filter"),
        sa.UniqueConstraint("site_id", "name", name="uq_log_saved_filters_site_name"),
    )
    op.create_table(
        "log_templates",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _string("name"),
        _string("category", 32),
        _text("text"),
        _text("tags"),
        sa.UniqueConstraint("site_id", "name", name="uq_log_templates_site_name"),
    )


TABLES = ("log_templates", "log_saved_filters", "log_entry_acks", "log_entry_revisions", "log_entries")


def downgrade() -> None:
    for name in TABLES:  # dependents first; their indexes go with them
        op.drop_table(name)
