"""The tables: one row per record of wirecoder.models, plus the two groupings
the store adds on top (stories of syndicated copies, merged events).

The record tables mirror the pydantic models field by field so that an
Extraction goes in and the same Extraction comes out (see `codec.py`).
Actors and places are rows of their own: an event's source, target and
claimant, a quote's speaker and a figure's claimant point at `actors`
rows, an event's location at a `places` row. `position` is the index in
the extraction's list; rows that only a record refers to have none.

Evidence (sentence text and char offsets into `articles.text`) is kept in
three columns on each record row: it belongs to exactly one record. The
text column is NULL when it is just `articles.text[start:end]` (nearly
always): derived on reading, stored only when an extractor gave otherwise.

Changing a table here needs a new migration in `migrations/versions/`;
tests/store/test_migrations.py fails when the two disagree.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import (JSON, BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer,
                        LargeBinary, MetaData, String, Text)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# JSONB on PostgreSQL (indexable, compact); JSON text elsewhere.
JSONType = JSON().with_variant(JSONB(), "postgresql")

# Named constraints so that migrations can refer to them on every back end.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _article_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("articles.pk", ondelete="CASCADE"), index=True)


class StoryRow(Base):
    """Syndicated copies of one wire story (grouped by MinHash/LSH at ingest)."""

    __tablename__ = "stories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ArticleRow(Base):
    __tablename__ = "articles"
    # Records refer to the small integer key; `id` is the article's public id, the
    # sha256 of its text (64 characters in every record row and index would triple them).
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id"), index=True)
    title: Mapped[Optional[str]] = mapped_column(Text)
    url: Mapped[Optional[str]] = mapped_column(Text)
    source: Mapped[Optional[str]] = mapped_column(Text)
    # What num_sources counts: the source name, else the URL host (see codec.source_key).
    source_key: Mapped[Optional[str]] = mapped_column(Text, index=True)
    language: Mapped[str] = mapped_column(String(16))
    published: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    # The date extraction counted relative dates from, and where it came from (Article.reference_*):
    # kept so an article read back dates its undated events as extraction did. NULL before 0004.
    reference_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    reference_source: Mapped[Optional[str]] = mapped_column(String(16))
    credits: Mapped[list] = mapped_column(JSONType)
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[Optional[str]] = mapped_column(Text)  # the input it came from (path, file#n, "api")
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    story: Mapped[StoryRow] = relationship()
    signature: Mapped[Optional["SignatureRow"]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True)


class SignatureRow(Base):
    """The article's MinHash, so the LSH index can be rebuilt from the database.

    A table of its own with an increasing id: a long-running process loads
    only the signatures added since it last looked (`id > last seen`).
    """

    __tablename__ = "signatures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.pk", ondelete="CASCADE"), unique=True)
    scheme: Mapped[str] = mapped_column(String(64))  # how it was computed; others are recomputed
    minhash: Mapped[bytes] = mapped_column(LargeBinary)

    article: Mapped[ArticleRow] = relationship(back_populates="signature")


class ActorRow(Base):
    __tablename__ = "actors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_fk()
    article: Mapped[ArticleRow] = relationship()
    position: Mapped[Optional[int]] = mapped_column(Integer)
    # Actor.id: the index in the extraction's `actors` this row is (position) or refers to.
    record_id: Mapped[Optional[int]] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    code: Mapped[Optional[str]] = mapped_column(String(32), index=True)
    country: Mapped[Optional[str]] = mapped_column(String(8))
    sector: Mapped[Optional[str]] = mapped_column(String(8))
    role: Mapped[Optional[str]] = mapped_column(Text)
    mentions: Mapped[list] = mapped_column(JSONType)


class PlaceRow(Base):
    __tablename__ = "places"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_fk()
    article: Mapped[ArticleRow] = relationship()
    position: Mapped[Optional[int]] = mapped_column(Integer)
    record_id: Mapped[Optional[int]] = mapped_column(Integer)  # Place.id, as for actors
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list] = mapped_column(JSONType)
    country: Mapped[Optional[str]] = mapped_column(String(8))
    lat: Mapped[Optional[float]] = mapped_column(Float)
    lon: Mapped[Optional[float]] = mapped_column(Float)
    feature: Mapped[Optional[str]] = mapped_column(String(16))
    geonameid: Mapped[Optional[int]] = mapped_column(Integer)
    mentions: Mapped[list] = mapped_column(JSONType)


class MergedEventRow(Base):
    """Reports of one real-world event across sentences, copies and articles.

    The descriptive columns are those of the reports, filled from the first
    report that has them (a later report may fill a null, never overwrite);
    merging compares a new report against them (see merging.py). The
    num_* counters are recomputed from the reports whenever one joins.
    """

    __tablename__ = "merged_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[Optional[str]] = mapped_column(String(32))
    negated: Mapped[bool] = mapped_column(Boolean)
    date: Mapped[Optional[dt.date]] = mapped_column(Date)  # event date, else the article's date
    date_precision: Mapped[Optional[str]] = mapped_column(String(8))
    source_name: Mapped[Optional[str]] = mapped_column(Text)
    source_code: Mapped[Optional[str]] = mapped_column(String(32))
    source_country: Mapped[Optional[str]] = mapped_column(String(8))
    source_sector: Mapped[Optional[str]] = mapped_column(String(8))
    source_role: Mapped[Optional[str]] = mapped_column(Text)
    target_name: Mapped[Optional[str]] = mapped_column(Text)
    target_code: Mapped[Optional[str]] = mapped_column(String(32))
    target_country: Mapped[Optional[str]] = mapped_column(String(8))
    target_sector: Mapped[Optional[str]] = mapped_column(String(8))
    target_role: Mapped[Optional[str]] = mapped_column(Text)
    place_name: Mapped[Optional[str]] = mapped_column(Text)
    place_country: Mapped[Optional[str]] = mapped_column(String(8))
    lat: Mapped[Optional[float]] = mapped_column(Float)
    lon: Mapped[Optional[float]] = mapped_column(Float)
    geonameid: Mapped[Optional[int]] = mapped_column(Integer)
    num_reports: Mapped[int] = mapped_column(Integer)   # event records (sentences)
    num_articles: Mapped[int] = mapped_column(Integer)  # stories: syndicated copies count once
    num_copies: Mapped[int] = mapped_column(Integer)    # articles, every copy counted
    num_sources: Mapped[int] = mapped_column(Integer)   # distinct sources over all copies

    # The dashboard's filters and groupings (date ranges, actors, countries; migration 0002).
    __table_args__ = (Index("ix_merged_events_type_date", "type", "date"),
                      Index("ix_merged_events_date", "date"),
                      Index("ix_merged_events_source_code", "source_code"),
                      Index("ix_merged_events_target_code", "target_code"),
                      Index("ix_merged_events_place_country", "place_country"))


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_fk()
    article: Mapped[ArticleRow] = relationship()
    position: Mapped[int] = mapped_column(Integer)
    merged_id: Mapped[int] = mapped_column(ForeignKey("merged_events.id"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[Optional[str]] = mapped_column(String(32))
    contexts: Mapped[list] = mapped_column(JSONType)
    source_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    target_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    claimed_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    date: Mapped[Optional[dt.date]] = mapped_column(Date)
    date_precision: Mapped[Optional[str]] = mapped_column(String(8))
    location_id: Mapped[Optional[int]] = mapped_column(ForeignKey("places.id"))
    negated: Mapped[bool] = mapped_column(Boolean)
    trigger: Mapped[Optional[str]] = mapped_column(Text)
    cameo: Mapped[Optional[str]] = mapped_column(String(8))
    evidence_text: Mapped[Optional[str]] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)

    source: Mapped[Optional[ActorRow]] = relationship(foreign_keys=[source_id])
    target: Mapped[Optional[ActorRow]] = relationship(foreign_keys=[target_id])
    claimed_by: Mapped[Optional[ActorRow]] = relationship(foreign_keys=[claimed_by_id])
    location: Mapped[Optional[PlaceRow]] = relationship()
    merged: Mapped[MergedEventRow] = relationship()


class QuoteRow(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_fk()
    article: Mapped[ArticleRow] = relationship()
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    direct: Mapped[bool] = mapped_column(Boolean)
    evidence_text: Mapped[Optional[str]] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)

    speaker: Mapped[Optional[ActorRow]] = relationship()


class FigureRow(Base):
    __tablename__ = "figures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_fk()
    article: Mapped[ArticleRow] = relationship()
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    # 64 bits: "3 billion" passes a 32-bit INTEGER (counts stop at settings.MAX_QUANTITY).
    min: Mapped[Optional[int]] = mapped_column(BigInteger)
    max: Mapped[Optional[int]] = mapped_column(BigInteger)
    approximate: Mapped[bool] = mapped_column(Boolean)
    subject: Mapped[Optional[str]] = mapped_column(Text)
    claimed_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    evidence_text: Mapped[Optional[str]] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)

    claimed_by: Mapped[Optional[ActorRow]] = relationship()

