"""initial schema

Revision ID: 0001
Revises: -

The record tables (articles, actors, places, events, quotes, figures), the
groupings the store adds (stories, merged_events) and the MinHash signatures.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# JSONB on PostgreSQL, JSON text elsewhere (as in wirecoder.store.schema).
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('merged_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('mode', sa.String(length=32), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('source_name', sa.Text(), nullable=True),
    sa.Column('source_code', sa.String(length=32), nullable=True),
    sa.Column('source_country', sa.String(length=8), nullable=True),
    sa.Column('source_sector', sa.String(length=8), nullable=True),
    sa.Column('source_role', sa.Text(), nullable=True),
    sa.Column('target_name', sa.Text(), nullable=True),
    sa.Column('target_code', sa.String(length=32), nullable=True),
    sa.Column('target_country', sa.String(length=8), nullable=True),
    sa.Column('target_sector', sa.String(length=8), nullable=True),
    sa.Column('target_role', sa.Text(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('place_country', sa.String(length=8), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('num_reports', sa.Integer(), nullable=False),
    sa.Column('num_articles', sa.Integer(), nullable=False),
    sa.Column('num_copies', sa.Integer(), nullable=False),
    sa.Column('num_sources', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merged_events'))
    )
    op.create_index('ix_merged_events_type_date', 'merged_events', ['type', 'date'])
    op.create_table('stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stories'))
    )
    op.create_table('articles',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('source_key', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('credits', JSON, nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_articles_story_id_stories')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_articles')),
    sa.UniqueConstraint('id', name=op.f('uq_articles_id'))
    )
    op.create_index('ix_articles_published', 'articles', ['published'])
    op.create_index('ix_articles_source_key', 'articles', ['source_key'])
    op.create_index('ix_articles_story_id', 'articles', ['story_id'])
    op.create_table('actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('sector', sa.String(length=8), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('mentions', JSON, nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], name=op.f('fk_actors_article_pk_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors'))
    )
    op.create_index('ix_actors_article_pk', 'actors', ['article_pk'])
    op.create_index('ix_actors_code', 'actors', ['code'])
    op.create_table('places',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('aliases', JSON, nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('feature', sa.String(length=16), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('mentions', JSON, nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], name=op.f('fk_places_article_pk_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places'))
    )
    op.create_index('ix_places_article_pk', 'places', ['article_pk'])
    op.create_table('signatures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('scheme', sa.String(length=64), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], name=op.f('fk_signatures_article_pk_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signatures')),
    sa.UniqueConstraint('article_pk', name=op.f('uq_signatures_article_pk'))
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('merged_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('mode', sa.String(length=32), nullable=True),
    sa.Column('contexts', JSON, nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('trigger', sa.Text(), nullable=True),
    sa.Column('cameo', sa.String(length=8), nullable=True),
    sa.Column('evidence_text', sa.Text(), nullable=True),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], name=op.f('fk_events_article_pk_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['actors.id'], name=op.f('fk_events_claimed_by_id_actors')),
    sa.ForeignKeyConstraint(['location_id'], ['places.id'], name=op.f('fk_events_location_id_places')),
    sa.ForeignKeyConstraint(['merged_id'], ['merged_events.id'], name=op.f('fk_events_merged_id_merged_events')),
    sa.ForeignKeyConstraint(['source_id'], ['actors.id'], name=op.f('fk_events_source_id_actors')),
    sa.ForeignKeyConstraint(['target_id'], ['actors.id'], name=op.f('fk_events_target_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_index('ix_events_article_pk', 'events', ['article_pk'])
    op.create_index('ix_events_merged_id', 'events', ['merged_id'])
    op.create_table('figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('min', sa.Integer(), nullable=True),
    sa.Column('max', sa.Integer(), nullable=True),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('evidence_text', sa.Text(), nullable=True),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], name=op.f('fk_figures_article_pk_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['actors.id'], name=op.f('fk_figures_claimed_by_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_figures'))
    )
    op.create_index('ix_figures_article_pk', 'figures', ['article_pk'])
    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('evidence_text', sa.Text(), nullable=True),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], name=op.f('fk_quotes_article_pk_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['actors.id'], name=op.f('fk_quotes_speaker_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes'))
    )
    op.create_index('ix_quotes_article_pk', 'quotes', ['article_pk'])



def downgrade() -> None:
    op.drop_index('ix_quotes_article_pk', table_name='quotes')
    op.drop_table('quotes')
    op.drop_index('ix_figures_article_pk', table_name='figures')
    op.drop_table('figures')
    op.drop_index('ix_events_merged_id', table_name='events')
    op.drop_index('ix_events_article_pk', table_name='events')
    op.drop_table('events')
    op.drop_table('signatures')
    op.drop_index('ix_places_article_pk', table_name='places')
    op.drop_table('places')
    op.drop_index('ix_actors_code', table_name='actors')
    op.drop_index('ix_actors_article_pk', table_name='actors')
    op.drop_table('actors')
    op.drop_index('ix_articles_story_id', table_name='articles')
    op.drop_index('ix_articles_source_key', table_name='articles')
    op.drop_index('ix_articles_published', table_name='articles')
    op.drop_table('articles')
    op.drop_table('stories')
    op.drop_index('ix_merged_events_type_date', table_name='merged_events')
    op.drop_table('merged_events')
