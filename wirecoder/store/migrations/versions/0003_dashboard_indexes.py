"""dashboard indexes

Revision ID: 0003
Revises: 0002

Indexes on merged_events for what the dashboard filters and groups by:
date ranges (the table's order and the timeline), source and target actor
codes (actor filter, network), and the place's country.
"""
from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

INDEXES = {
    'ix_merged_events_date': ['date'],
    'ix_merged_events_source_code': ['source_code'],
    'ix_merged_events_target_code': ['target_code'],
    'ix_merged_events_place_country': ['place_country'],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, 'merged_events', columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name='merged_events')
