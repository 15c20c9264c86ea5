"""First schema: sites, feed sources, calls, agent events, intervals, coverage, imports

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 15:31:30.590576
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('feed_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('format', sa.String(length=32), nullable=False),
    sa.Column('threshold_seconds', sa.Double(), nullable=False),
    sa.Column('target_percent', sa.Double(), nullable=False),
    sa.Column('sl_definition', sa.String(length=32), nullable=False),
    sa.Column('vendor_rule', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('site_opening_hours',
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('opens', sa.Time(), nullable=False),
    sa.Column('closes', sa.Time(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('site_id', 'weekday', 'opens')
    )
    op.create_table('site_special_days',
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('opens', sa.Time(), nullable=True),
    sa.Column('closes', sa.Time(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('site_id', 'day')
    )
    op.create_table('agent_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('agent', sa.String(length=120), nullable=False),
    sa.Column('at', sa.Double(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('queue', sa.String(length=120), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['feed_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'agent', 'at', 'kind', 'queue', name='uq_agent_events')
    )
    op.create_table('calls',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('queue', sa.String(length=120), nullable=False),
    sa.Column('call_key', sa.String(length=200), nullable=False),
    sa.Column('arrived_at', sa.Double(), nullable=False),
    sa.Column('interval_start', sa.BigInteger(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('wait_seconds', sa.Double(), nullable=True),
    sa.Column('answered_at', sa.Double(), nullable=True),
    sa.Column('ended_at', sa.Double(), nullable=True),
    sa.Column('handle_seconds', sa.Double(), nullable=True),
    sa.Column('agent', sa.String(length=120), nullable=True),
    sa.Column('caller', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['feed_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'call_key', name='uq_calls_source_key')
    )
    op.create_index('ix_calls_source_interval', 'calls', ['source_id', 'interval_start'])

    op.create_table('coverage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Double(), nullable=False),
    sa.Column('end', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['feed_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_coverage_source', 'coverage', ['source_id', 'start'])

    op.create_table('import_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('format', sa.String(length=32), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('lines_read', sa.Integer(), nullable=False),
    sa.Column('offset_reached', sa.BigInteger(), nullable=False),
    sa.Column('calls_new', sa.Integer(), nullable=False),
    sa.Column('calls_known', sa.Integer(), nullable=False),
    sa.Column('calls_updated', sa.Integer(), nullable=False),
    sa.Column('waiting', sa.Integer(), nullable=False),
    sa.Column('ignored', sa.Text(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['feed_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('intervals',
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('queue', sa.String(length=120), nullable=False),
    sa.Column('interval_start', sa.BigInteger(), nullable=False),
    sa.Column('threshold_seconds', sa.Double(), nullable=False),
    sa.Column('offered', sa.Integer(), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('abandoned', sa.Integer(), nullable=False),
    sa.Column('other', sa.Integer(), nullable=False),
    sa.Column('waiting', sa.Integer(), nullable=False),
    sa.Column('answered_within', sa.Integer(), nullable=False),
    sa.Column('abandoned_within', sa.Integer(), nullable=False),
    sa.Column('asa_seconds', sa.Double(), nullable=True),
    sa.Column('aht_seconds', sa.Double(), nullable=True),
    sa.Column('aht_count', sa.Integer(), nullable=False),
    sa.Column('max_wait_seconds', sa.Double(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['feed_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('source_id', 'queue', 'interval_start')
    )
    op.create_index('ix_intervals_source_start', 'intervals', ['source_id', 'interval_start'])

    op.create_table('queue_settings',
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('queue', sa.String(length=120), nullable=False),
    sa.Column('threshold_seconds', sa.Double(), nullable=True),
    sa.Column('target_percent', sa.Double(), nullable=True),
    sa.Column('sl_definition', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['feed_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('source_id', 'queue')
    )
    op.create_table('rejected_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_run_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['import_run_id'], ['import_runs.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_rejected_lines_run', 'rejected_lines', ['import_run_id', 'line_no'])



def downgrade() -> None:
    op.drop_index('ix_rejected_lines_run', table_name='rejected_lines')

    op.drop_table('rejected_lines')
    op.drop_table('queue_settings')
    op.drop_index('ix_intervals_source_start', table_name='intervals')

    op.drop_table('intervals')
    op.drop_table('import_runs')
    op.drop_index('ix_coverage_source', table_name='coverage')

    op.drop_table('coverage')
    op.drop_index('ix_calls_source_interval', table_name='calls')

    op.drop_table('calls')
    op.drop_table('agent_events')
    op.drop_table('site_special_days')
    op.drop_table('site_opening_hours')
    op.drop_table('feed_sources')
    op.drop_table('sites')
