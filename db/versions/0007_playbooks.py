"""Emergency handover playbooks: versioned playbooks, contacts, runs with marks and notes; rule alerts and settings

A playbook is versioned: every change is a new row (site, key, version); a run
keeps the version it used forever. Runs, their step marks and notes are
records: marks and notes are append-only. Alerts are the rule suggestions
(one per source, rule and interval); rule settings are one JSON document per site.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-16
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _instant(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _ref(name: str, target: str, ondelete: str | None = None, nullable: bool = False,
         primary_key: bool = False) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable,
                     primary_key=primary_key)


def _string(name: str, length: int = 120, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(length=length), nullable=nullable)


def _text(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "playbooks",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _string("key", 80),
        sa.Column("version", sa.Integer(), nullable=False),
        _string("title", 200),
        _text("situation"),
        _text("recognise"),
        _string("severity", 16),
        _text("roles"),
        _text("steps"),
        _string("language", 16),
        _instant("created_at"),
        _string("created_by"),
        sa.Column("retired", sa.Boolean(), server_default=sa.false(), nullable=False),
        _instant("retired_at", nullable=True),
        _string("retired_by", nullable=True),
        sa.UniqueConstraint("site_id", "key", "version", name="uq_playbooks_site_key_version"),
    )
    op.create_table(
        "playbook_contacts",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _string("role", 40),
        _string("name"),
        _string("phone", 60),
        _text("when_to_call"),
        sa.Column("on_from", sa.Time(), nullable=True),
        sa.Column("on_until", sa.Time(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
    )
    op.create_index("ix_playbook_contacts_site_role", "playbook_contacts", ["site_id", "role"])
    op.create_table(
        "playbook_runs",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _ref("instance_id", "shift_instances.id", nullable=True),
        _ref("playbook_id", "playbooks.id"),
        _instant("started_at"),
        _string("started_by"),
        _string("trigger_rule", 40, nullable=True),
        _string("trigger_source", nullable=True),
        _instant("trigger_interval_start", nullable=True),
        _string("trigger_level", 16, nullable=True),
        _string("status", 16),
        _instant("closed_at", nullable=True),
        _string("closed_by"),
        _text("outcome"),
        _ref("log_entry_id", "log_entries.id", nullable=True),
    )
    op.create_index("ix_playbook_runs_site_status", "playbook_runs", ["site_id", "status"])
    op.create_index("ix_playbook_runs_instance", "playbook_runs", ["instance_id"])
    op.create_table(
        "playbook_run_marks",
        _id(),
        _ref("run_id", "playbook_runs.id", "CASCADE"),
        sa.Column("step", sa.Integer(), nullable=False),
        _string("state", 16),
        _string("by"),
        _instant("at"),
        _text("note"),
        _text("reason"),
    )
    op.create_index("ix_playbook_run_marks_run", "playbook_run_marks", ["run_id"])
    op.create_table(
        "playbook_run_notes",
        _id(),
        _ref("run_id", "playbook_runs.id", "CASCADE"),
        sa.Column("step", sa.Integer(), nullable=False),
        _text("text"),
        _string("by"),
        _instant("at"),
    )
    op.create_index("ix_playbook_run_notes_run", "playbook_run_notes", ["run_id"])
    op.create_table(
        "playbook_alerts",
        _id(),
        _ref("site_id", "sites.id", "CASCADE"),
        _string("source"),
        _string("rule", 40),
        _string("level", 16),
        _instant("interval_start"),
        _instant("fired_at"),
        _string("playbook_key", 80),
        _text("detail"),
        _instant("dismissed_at", nullable=True),
        _string("dismissed_by", nullable=True),
        _text("dismiss_reason", nullable=True),
        _ref("run_id", "playbook_runs.id", nullable=True),
        sa.UniqueConstraint("site_id", "source", "rule", "interval_start",
                            name="uq_playbook_alerts_site_source_rule_interval"),
    )
    op.create_index("ix_playbook_alerts_site_fired", "playbook_alerts", ["site_id", "fired_at"])
    op.create_table(
        "playbook_rule_settings",
        _ref("site_id", "sites.id", "CASCADE", primary_key=True),
        _text("settings"),
    )


TABLES = ("playbook_rule_settings", "playbook_alerts", "playbook_run_notes", "playbook_run_marks",
          "playbook_runs", "playbook_contacts", "playbooks")


def downgrade() -> None:
    for name in TABLES:  # dependents first; their indexes go with them
        op.drop_table(name)
