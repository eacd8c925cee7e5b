"""`wirecoder db check`: does the database hold what a run of `ingest` leaves, and nothing else?

Each add() writes an article and everything derived from it in one
transaction, so a crash can leave no half article behind; these checks
prove it after the fact, on any back end (and catch rows written by other
tools, or a database restored from a bad copy). Every check is one SQL
query that counts the rows breaking one rule; none modifies anything.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session, aliased

from wirecoder.store.schema import (ActorRow, ArticleRow, EventRow, FigureRow, MergedEventRow,
                                    PlaceRow, QuoteRow, SignatureRow, StoryRow)

_RECORD_TABLES = (ActorRow, PlaceRow, EventRow, QuoteRow, FigureRow, SignatureRow)
_EVIDENCE_TABLES = (EventRow, QuoteRow, FigureRow)
_ACTOR_LINKS = ((EventRow, "source_id"), (EventRow, "target_id"), (EventRow, "claimed_by_id"),
                (QuoteRow, "speaker_id"), (FigureRow, "claimed_by_id"))
_HASH_BATCH = 500


@dataclass(frozen=True)
class Problem:
    rule: str   # what must hold
    count: int  # rows that break it

    def __str__(self) -> str:
        return f"{self.count} {self.rule}"


def _count(session: Session, query) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _orphans(session: Session) -> list[tuple[str, int]]:
    out = []
    for table in _RECORD_TABLES:
        has_article = exists().where(ArticleRow.pk == table.article_pk)
        out.append((f"{table.__tablename__} rows belong to no article",
                    _count(session, select(table.id).where(not_(has_article)))))
    out.append(("events point at no merged event", _count(session, select(EventRow.id).where(
        not_(exists().where(MergedEventRow.id == EventRow.merged_id))))))
    out.append(("merged events have no report", _count(session, select(MergedEventRow.id).where(
        not_(exists().where(EventRow.merged_id == MergedEventRow.id))))))
    out.append(("articles point at no story", _count(session, select(ArticleRow.pk).where(
        not_(exists().where(StoryRow.id == ArticleRow.story_id))))))
    out.append(("stories have no article", _count(session, select(StoryRow.id).where(
        not_(exists().where(ArticleRow.story_id == StoryRow.id))))))
    out.append(("articles have no MinHash signature", _count(session, select(ArticleRow.pk).where(
        not_(exists().where(SignatureRow.article_pk == ArticleRow.pk))))))
    return out


def _cross_links(session: Session) -> list[tuple[str, int]]:
    """Records may only point at actors and places of their own article."""
    out = []
    for table, column in _ACTOR_LINKS:
        actor = aliased(ActorRow)
        link = getattr(table, column)
        bad = select(table.id).join(actor, actor.id == link).where(actor.article_pk != table.article_pk)
        out.append((f"{table.__tablename__}.{column} point at another article's actor",
                    _count(session, bad)))
    place = aliased(PlaceRow)
    bad = select(EventRow.id).join(place, place.id == EventRow.location_id) \
        .where(place.article_pk != EventRow.article_pk)
    out.append(("events.location_id point at another article's place", _count(session, bad)))
    return out


def _evidence(session: Session) -> list[tuple[str, int]]:
    out = []
    for table in _EVIDENCE_TABLES:
        bad = select(table.id).join(ArticleRow, ArticleRow.pk == table.article_pk).where(or_(
            table.evidence_start < 0, table.evidence_end < table.evidence_start,
            table.evidence_end > func.length(ArticleRow.text)))
        out.append((f"{table.__tablename__} have evidence offsets outside the article text",
                    _count(session, bad)))
    return out


def _counters(session: Session) -> list[tuple[str, int]]:
    """Merged-event counters equal to a recount of their reports (see merging.recount)."""
    source = func.coalesce(ArticleRow.source_key, ArticleRow.id)
    recount = (select(EventRow.merged_id.label("mid"), func.count(EventRow.id).label("reports"),
                      func.count(ArticleRow.story_id.distinct()).label("stories"),
                      func.count(ArticleRow.pk.distinct()).label("copies"),
                      func.count(source.distinct()).label("sources"))
               .join(ArticleRow, ArticleRow.pk == EventRow.article_pk)
               .group_by(EventRow.merged_id).subquery())
    bad = select(MergedEventRow.id).join(recount, recount.c.mid == MergedEventRow.id).where(or_(
        MergedEventRow.num_reports != recount.c.reports, MergedEventRow.num_articles != recount.c.stories,
        MergedEventRow.num_copies != recount.c.copies, MergedEventRow.num_sources != recount.c.sources))
    return [("merged events have counters that disagree with their reports", _count(session, bad))]


def _duplicates(session: Session) -> list[tuple[str, int]]:
    dup_articles = select(ArticleRow.id).group_by(ArticleRow.id).having(func.count() > 1)
    # One article's event goes into one merged event: two reports of one sentence and type in
    # one article merged apart would mean the article was merged twice.
    twice = aliased(EventRow)
    dup_events = select(EventRow.id).join(twice, and_(
        twice.article_pk == EventRow.article_pk, twice.position == EventRow.position,
        twice.id != EventRow.id))
    return [("article ids are stored more than once", _count(session, dup_articles)),
            ("events are stored twice for one article", _count(session, dup_events))]


def _hashes(session: Session) -> list[tuple[str, int]]:
    """Article ids equal to the SHA-256 of their text (read in batches: bounded memory)."""
    bad = 0
    last = 0
    while True:
        rows = session.execute(select(ArticleRow.pk, ArticleRow.id, ArticleRow.text)
                               .where(ArticleRow.pk > last).order_by(ArticleRow.pk)
                               .limit(_HASH_BATCH)).all()
        if not rows:
            break
        bad += sum(1 for _, aid, body in rows if hashlib.sha256(body.encode("utf-8")).hexdigest() != aid)
        last = rows[-1][0]
    return [("articles have an id that is not the SHA-256 of their text", bad)]


def check(session: Session) -> list[Problem]:
    """Every rule the database breaks, with how many rows break it; [] when all hold."""
    found: list[tuple[str, int]] = []
    for rules in (_orphans, _cross_links, _evidence, _counters, _duplicates, _hashes):
        found += rules(session)
    return [Problem(rule, n) for rule, n in found if n]
