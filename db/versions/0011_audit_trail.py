"""The audit trail: one hash-chained row per write (audit_log) and the end of the chain (audit_head, one row)

Rows written before this migration are not in the trail: the head keeps the baseline, the highest id of each
table with an `id` key now (rows up to it predate the trail), and the chain starts empty from the baseline's
genesis hash (app.domain.audit.genesis_hash). Going down drops the trail.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""
import hashlib
import json

from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

NOT_TABLES = {"alembic_version", "audit_log", "audit_head"}


def genesis_hash(baseline: str) -> str:
    """A copy of app.domain.audit.genesis_hash (migrations do not import the application)."""
    return hashlib.sha256(("audit-trail-genesis\n" + baseline).encode("utf-8")).hexdigest()


def _baseline(bind) -> str:
    inspector = sa.inspect(bind)
    highest = {}
    for name in sorted(set(inspector.get_table_names()) - NOT_TABLES):
        if inspector.get_pk_constraint(name).get("constrained_columns") == ["id"]:
            highest[name] = int(bind.execute(sa.text(f'SELECT max(id) FROM "{name}"')).scalar() or 0)
    return json.dumps(highest, sort_keys=True, separators=(",", ":"))


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
    )
    op.create_index("ix_audit_log_table_row", "audit_log", ["table_name", "row_key"])
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("baseline", sa.Text(), nullable=False),
    )
    baseline = _baseline(op.get_bind())
    op.bulk_insert(head, [{"id": 1, "last_id": 0, "last_hash": genesis_hash(baseline), "count": 0,
                           "baseline": baseline}])


def downgrade() -> None:
    op.drop_index("ix_audit_log_table_row", table_name="audit_log")
    op.drop_table("audit_head")
    op.drop_table("audit_log")
