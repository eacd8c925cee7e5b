"""actors.record_id, places.record_id: the `id` of the entry in its extraction

Revision ID: 0002
Revises: 0001

Events, quotes and figures refer to an entry of the record's `actors` (an
event's location to one of `places`) by its index (Actor.id, Place.id) and
carry only the mentions in their own sentence, so that a record grows
linearly with the article. The column keeps that id on every row, listed or
referenced; rows written before have NULL.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a nullable column needs no table rebuild, on SQLite either.
    op.add_column('actors', sa.Column('record_id', sa.Integer(), nullable=True))
    op.add_column('places', sa.Column('record_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in ('actors', 'places'):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('record_id')
