"""figures.min, figures.max as BIGINT

Revision ID: 0006
Revises: 0005

A count past 2,147,483,647 ("3 billion") overflowed PostgreSQL's INTEGER and
failed the whole article. The bounds become 64-bit; SQLite's INTEGER is
64-bit already, so only the declared type changes there.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('figures') as batch:
        for column in ('min', 'max'):
            batch.alter_column(column, type_=sa.BigInteger(), existing_type=sa.Integer(), existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('figures') as batch:
        for column in ('min', 'max'):
            batch.alter_column(column, type_=sa.Integer(), existing_type=sa.BigInteger(), existing_nullable=True)
