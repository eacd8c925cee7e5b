"""articles.reference_date, articles.reference_source: the date extraction counted from

Revision ID: 0005
Revises: 0004

Article.reference_date (published, else the dateline's or the text's date) is
the date an undated event happened on for merging; reference_source says where
it came from. Stored so that an article read back from the database keeps
them. Rows written before have NULL (readers fall back to `published`).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a nullable column needs no table rebuild, on SQLite either.
    op.add_column('articles', sa.Column('reference_date', sa.Date(), nullable=True))
    op.add_column('articles', sa.Column('reference_source', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('articles') as batch:
        batch.drop_column('reference_source')
        batch.drop_column('reference_date')
