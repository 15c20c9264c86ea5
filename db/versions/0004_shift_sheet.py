"""The shift sheet: shift definitions and instances, teams, agents, supervisors, roster, attendance, notices

Attendance marks, personnel changes, notice revisions and acknowledgements
are only ever added to (the latest revision of a mark is the one in force);
attendance refers to the shift instance and the agent, not to a roster
entry, so replacing a roster keeps it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _site_id() -> sa.Column:
    return sa.Column("site_id", sa.Integer(), sa.ForeignKey("sites.id", ondelete="CASCADE"), nullable=False)


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _instant(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "shift_definitions",
        _id(),
        _site_id(),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("start", sa.Time(), nullable=False),
        sa.Column("end", sa.Time(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.UniqueConstraint("site_id", "name", name="uq_shift_definitions_site_name"),
    )
    op.create_table(
        "supervisors",
        _id(),
        sa.Column("name", sa.String(length=120), nullable=False, unique=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        _instant("created_at"),
    )
    op.create_table(
        "shift_instances",
        _id(),
        _site_id(),
        sa.Column("definition_id", sa.Integer(), sa.ForeignKey("shift_definitions.id"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), sa.ForeignKey("supervisors.id"), nullable=True),
        _instant("opened_at", nullable=True),
        _instant("handed_over_at", nullable=True),
        sa.UniqueConstraint("definition_id", "day", name="uq_shift_instances_definition_day"),
    )
    op.create_table(
        "teams",
        _id(),
        _site_id(),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("leader_id", sa.Integer(), sa.ForeignKey("supervisors.id"), nullable=True),
        sa.Column("colour", sa.String(length=9), nullable=False),
        sa.UniqueConstraint("site_id", "name", name="uq_teams_site_name"),
    )
    op.create_table(
        "agents",
        _id(),
        _site_id(),
        sa.Column("employee_no", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=True),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("acd_login", sa.String(length=120), nullable=True),
        sa.Column("fixed_seat", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.UniqueConstraint("site_id", "employee_no", name="uq_agents_site_employee_no"),
    )
    op.create_table(
        "roster_imports",
        _id(),
        _site_id(),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=True),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        _instant("at"),
    )
    op.create_table(
        "roster_entries",
        _id(),
        _site_id(),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("definition_id", sa.Integer(), sa.ForeignKey("shift_definitions.id"), nullable=False),
        _instant("start_at"),
        _instant("end_at"),
        sa.Column("import_id", sa.Integer(), sa.ForeignKey("roster_imports.id", ondelete="SET NULL"), nullable=True),
    )
    op.create_index("ix_roster_entries_site_day", "roster_entries", ["site_id", "day"])
    op.create_index("ix_roster_entries_agent_start", "roster_entries", ["agent_id", "start_at"])
    op.create_table(
        "roster_activities",
        _id(),
        sa.Column("entry_id", sa.Integer(), sa.ForeignKey("roster_entries.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        _instant("start_at"),
        _instant("end_at"),
    )
    op.create_index("ix_roster_activities_entry", "roster_activities", ["entry_id"])
    op.create_table(
        "attendance_marks",
        _id(),
        sa.Column("instance_id", sa.Integer(), sa.ForeignKey("shift_instances.id"), nullable=False),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id"), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("late_minutes", sa.Integer(), nullable=True),
        sa.Column("leave_type", sa.String(length=16), nullable=True),
        sa.Column("swap_with_id", sa.Integer(), sa.ForeignKey("agents.id"), nullable=True),
        sa.Column("swap_with_name", sa.String(length=120), nullable=True),
        _instant("left_at", nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("marked_by", sa.String(length=120), nullable=True),
        _instant("marked_at"),
        sa.UniqueConstraint("instance_id", "agent_id", "revision", name="uq_attendance_marks_revision"),
    )
    op.create_table(
        "personnel_changes",
        _id(),
        sa.Column("instance_id", sa.Integer(), sa.ForeignKey("shift_instances.id"), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id"), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=120), nullable=True),
        _instant("recorded_at"),
    )
    op.create_index("ix_personnel_changes_instance", "personnel_changes", ["instance_id"])
    op.create_table(
        "notices",
        _id(),
        _site_id(),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        _instant("effective_from"),
        _instant("effective_to", nullable=True),
        sa.Column("explain_at_meeting", sa.Boolean(), nullable=False),
        sa.Column("kb_path", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=True),
        _instant("updated_at"),
        _instant("created_at"),
    )
    op.create_index("ix_notices_site", "notices", ["site_id"])
    op.create_table(
        "notice_revisions",
        sa.Column("notice_id", sa.Integer(), sa.ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        _instant("effective_from"),
        _instant("effective_to", nullable=True),
        sa.Column("explain_at_meeting", sa.Boolean(), nullable=False),
        sa.Column("kb_path", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=120), nullable=True),
        _instant("at"),
    )
    op.create_table(
        "notice_acks",
        _id(),
        sa.Column("notice_id", sa.Integer(), sa.ForeignKey("notices.id", ondelete="CASCADE"), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), sa.ForeignKey("supervisors.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _instant("at"),
    )
    op.create_index("ix_notice_acks_notice", "notice_acks", ["notice_id"])


TABLES = (
    "notice_acks", "notice_revisions", "notices", "personnel_changes", "attendance_marks", "roster_activities",
    "roster_entries", "roster_imports", "agents", "teams", "shift_instances", "supervisors", "shift_definitions",
)


def downgrade() -> None:
    for name in TABLES:  # dependents first; their indexes go with them
        op.drop_table(name)
