"""fetch state for `wirecoder watch`

Revision ID: 0004
Revises: 0003

One row per feed or page URL: the feed's ETag / Last-Modified for conditional
GETs, and which pages were already dealt with (see wirecoder.store.feedstate).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fetch_state',
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('status', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('article_id', sa.String(length=64), nullable=True),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('url', name=op.f('pk_fetch_state'))
    )


def downgrade() -> None:
    op.drop_table('fetch_state')
