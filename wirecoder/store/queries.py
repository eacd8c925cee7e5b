"""Read queries: filters (wirecoder.filters), paging and the JSON shapes the CLI, API and exports share.

Counting follows one rule: a syndicated story counts once. Events are
listed as merged events; quotes, figures and places are grouped per story
(a quote carried by three copies of one story is one quote with three
copies), and every copy stays reachable as evidence.
"""
from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from wirecoder.filters import Filters  # defined once, with the CLI options and API parameters
from wirecoder.store import codec
from wirecoder.store.schema import (ActorRow, ArticleRow, EventRow, FigureRow, MergedEventRow,
                                    PlaceRow, QuoteRow, StoryRow)


# --- shared pieces ----------------------------------------------------------------------

def _page(session: Session, query: Select, order: Iterable, limit: Optional[int], offset: int
          ) -> tuple[list, int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.execute(query.order_by(*order).limit(limit).offset(offset)).all()
    return rows, total


def _article_ref(a: ArticleRow) -> dict:
    return {"id": a.id, "title": a.title, "url": a.url, "source": a.source,
            "published": a.published.isoformat() if a.published else None, "story_id": a.story_id}


def _evidence(row, article: ArticleRow) -> dict:
    return {"text": codec.evidence_text(row, article.text), "start": row.evidence_start,
            "end": row.evidence_end, "article": _article_ref(article)}


def _actor(row: Optional[ActorRow]) -> Optional[dict]:
    return codec.actor(row).model_dump(mode="json") if row is not None else None


def _actors(session: Session, ids: Iterable[Optional[int]]) -> dict[int, ActorRow]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {a.id: a for a in session.scalars(select(ActorRow).where(ActorRow.id.in_(wanted)))}


def _place_matches(name: str):
    """A places row named `name` (case-insensitive), also among its aliases."""
    needle = name.strip().lower()
    aliases = func.lower(cast(PlaceRow.aliases, String))
    # The JSON text of the list holds each alias in double quotes.
    return or_(func.lower(PlaceRow.name) == needle, aliases.contains(f'"{needle}"', autoescape=True))


def _code_or_country(code_col, country_col, value: str):
    return or_(code_col == value, country_col == value)


# --- events ---------------------------------------------------------------------------

def _event_query(f: Filters) -> Select:
    M = MergedEventRow
    q = select(M)
    if f.type:
        q = q.where(M.type == f.type)
    if f.actor:
        q = q.where(or_(M.source_code == f.actor, M.target_code == f.actor))
    if f.country:
        q = q.where(or_(M.place_country == f.country,
                        _code_or_country(M.source_code, M.source_country, f.country),
                        _code_or_country(M.target_code, M.target_country, f.country)))
    if f.since:
        q = q.where(M.date >= f.since)
    if f.until:
        q = q.where(M.date <= f.until)
    reports = select(EventRow.id).where(EventRow.merged_id == M.id)
    if f.place:
        q = q.where(reports.join(PlaceRow, PlaceRow.id == EventRow.location_id)
                    .where(_place_matches(f.place)).exists())
    if f.story is not None:
        q = q.where(reports.join(ArticleRow, ArticleRow.pk == EventRow.article_pk)
                    .where(ArticleRow.story_id == f.story).exists())
    if f.article:
        q = q.where(reports.join(ArticleRow, ArticleRow.pk == EventRow.article_pk)
                    .where(ArticleRow.id == f.article).exists())
    return q


def _merged_summary(m: MergedEventRow) -> dict:
    def actor(prefix: str) -> Optional[dict]:
        if getattr(m, f"{prefix}_name") is None:
            return None
        return {k: getattr(m, f"{prefix}_{k}") for k in ("name", "code", "country", "sector", "role")}

    place = None
    if m.place_name is not None:
        place = {"name": m.place_name, "country": m.place_country, "lat": m.lat, "lon": m.lon,
                 "geonameid": m.geonameid}
    return {"id": m.id, "type": m.type, "mode": m.mode, "negated": m.negated,
            "date": m.date.isoformat() if m.date else None, "date_precision": m.date_precision,
            "source": actor("source"), "target": actor("target"), "place": place,
            "num_articles": m.num_articles, "num_sources": m.num_sources,
            "num_copies": m.num_copies, "num_reports": m.num_reports}


def _first_reports(session: Session, merged_ids: list[int]) -> dict[int, tuple[EventRow, ArticleRow]]:
    first = (select(func.min(EventRow.id)).where(EventRow.merged_id.in_(merged_ids))
             .group_by(EventRow.merged_id))
    rows = session.execute(select(EventRow, ArticleRow).join(ArticleRow, ArticleRow.pk == EventRow.article_pk)
                           .where(EventRow.id.in_(first))).all()
    return {e.merged_id: (e, a) for e, a in rows}


def query_events(session: Session, f: Filters, limit: Optional[int], offset: int = 0
                 ) -> tuple[list[dict], int]:
    """Merged events, in date order (undated last), each with its first report's evidence."""
    M = MergedEventRow
    rows, total = _page(session, _event_query(f), (M.date.asc().nulls_last(), M.id), limit, offset)
    merged = [r[0] for r in rows]
    first = _first_reports(session, [m.id for m in merged])
    items = []
    for m in merged:
        item = _merged_summary(m)
        e, a = first[m.id]
        item["evidence"] = _evidence(e, a)
        items.append(item)
    return items, total


def get_event(session: Session, merged_id: int) -> Optional[dict]:
    """One merged event with every report: the event record as extracted and its article."""
    m = session.get(MergedEventRow, merged_id)
    if m is None:
        return None
    item = _merged_summary(m)
    rows = session.execute(select(EventRow, ArticleRow).join(ArticleRow, ArticleRow.pk == EventRow.article_pk)
                           .where(EventRow.merged_id == merged_id).order_by(EventRow.id)).all()
    actors = _actors(session, (i for e, _ in rows for i in (e.source_id, e.target_id, e.claimed_by_id)))
    place_ids = {e.location_id for e, _ in rows if e.location_id is not None}
    places = ({p.id: p for p in session.scalars(select(PlaceRow).where(PlaceRow.id.in_(place_ids)))}
              if place_ids else {})
    item["evidence"] = _evidence(*rows[0]) if rows else None
    item["reports"] = [{"event_id": e.id, "position": e.position, "article": _article_ref(a),
                        "event": codec.event(e, actors, places, a.text).model_dump(mode="json")}
                       for e, a in rows]
    item["stories"] = sorted({a.story_id for _, a in rows})
    return item


def event_ids_of_article(session: Session, article_pk: int) -> list[int]:
    """The merged event id of each of the article's events, in record order."""
    return list(session.scalars(select(EventRow.merged_id).where(EventRow.article_pk == article_pk)
                                .order_by(EventRow.position)))


# --- quotes and figures: grouped per story ----------------------------------------------

def _grouped(session: Session, row_cls, keys: list, base: Select, limit: Optional[int], offset: int):
    """Page over groups of `keys` within a story; each group shown by its first row."""
    grouped = (base.with_only_columns(func.min(row_cls.id).label("first"),
                                      func.count(row_cls.article_pk.distinct()).label("copies"))
               .group_by(ArticleRow.story_id, *keys))
    rows, total = _page(session, grouped, (func.min(row_cls.id),), limit, offset)
    copies = dict(rows)
    records = session.execute(select(row_cls, ArticleRow).join(ArticleRow, ArticleRow.pk == row_cls.article_pk)
                              .where(row_cls.id.in_(copies)).order_by(row_cls.id)).all()
    return records, copies, total


def _dates(q: Select, f: Filters) -> Select:
    if f.since:
        q = q.where(ArticleRow.published >= f.since)
    if f.until:
        q = q.where(ArticleRow.published <= f.until)
    if f.story is not None:
        q = q.where(ArticleRow.story_id == f.story)
    if f.article:
        q = q.where(ArticleRow.id == f.article)
    return q


def _actor_filter(q: Select, fk_col, f: Filters) -> Select:
    if f.actor or f.country:
        q = q.join(ActorRow, ActorRow.id == fk_col)
    if f.actor:
        q = q.where(ActorRow.code == f.actor)
    if f.country:
        q = q.where(_code_or_country(ActorRow.code, ActorRow.country, f.country))
    return q


def query_quotes(session: Session, f: Filters, limit: Optional[int], offset: int = 0
                 ) -> tuple[list[dict], int]:
    base = _dates(select(QuoteRow.id).join(ArticleRow, ArticleRow.pk == QuoteRow.article_pk), f)
    base = _actor_filter(base, QuoteRow.speaker_id, f)
    records, copies, total = _grouped(session, QuoteRow, [QuoteRow.text], base, limit, offset)
    actors = _actors(session, (q.speaker_id for q, _ in records))
    items = [{"id": q.id, "text": q.text, "direct": q.direct, "speaker": _actor(actors.get(q.speaker_id)),
              "num_copies": copies[q.id], "evidence": _evidence(q, a)} for q, a in records]
    return items, total


def query_figures(session: Session, f: Filters, limit: Optional[int], offset: int = 0
                  ) -> tuple[list[dict], int]:
    base = _dates(select(FigureRow.id).join(ArticleRow, ArticleRow.pk == FigureRow.article_pk), f)
    if f.kind:
        base = base.where(FigureRow.kind == f.kind)
    base = _actor_filter(base, FigureRow.claimed_by_id, f)
    keys = [FigureRow.kind, FigureRow.min, FigureRow.max, FigureRow.subject]
    records, copies, total = _grouped(session, FigureRow, keys, base, limit, offset)
    actors = _actors(session, (r.claimed_by_id for r, _ in records))
    items = [{"id": r.id, "kind": r.kind, "min": r.min, "max": r.max, "approximate": r.approximate,
              "subject": r.subject, "claimed_by": _actor(actors.get(r.claimed_by_id)),
              "num_copies": copies[r.id], "evidence": _evidence(r, a)} for r, a in records]
    return items, total


# --- places and stories -----------------------------------------------------------------

def _place_key():
    # One place: the same gazetteer entry, else the same name.
    return func.coalesce(cast(PlaceRow.geonameid, String), func.lower(PlaceRow.name))


def query_places(session: Session, f: Filters, limit: Optional[int], offset: int = 0
                 ) -> tuple[list[dict], int]:
    key = _place_key()
    q = _dates(select(key).join(ArticleRow, ArticleRow.pk == PlaceRow.article_pk), f)
    if f.country:
        q = q.where(PlaceRow.country == f.country)
    if f.place:
        q = q.where(_place_matches(f.place))
    grouped = q.with_only_columns(
        func.min(PlaceRow.name), func.max(PlaceRow.country), func.max(PlaceRow.lat), func.max(PlaceRow.lon),
        func.max(PlaceRow.feature), func.max(PlaceRow.geonameid),
        func.count(ArticleRow.story_id.distinct()), func.count(ArticleRow.pk.distinct())).group_by(key)
    rows, total = _page(session, grouped, (func.count(ArticleRow.story_id.distinct()).desc(),
                                           func.min(PlaceRow.name)), limit, offset)
    names = ("name", "country", "lat", "lon", "feature", "geonameid", "num_articles", "num_copies")
    return [dict(zip(names, r)) for r in rows], total


def query_stories(session: Session, f: Filters, limit: Optional[int], offset: int = 0
                  ) -> tuple[list[dict], int]:
    q = select(StoryRow.id)
    if f.since or f.until or f.article:
        q = q.where(_dates(select(ArticleRow.pk).where(ArticleRow.story_id == StoryRow.id), f).exists())
    if f.story is not None:
        q = q.where(StoryRow.id == f.story)
    rows, total = _page(session, q, (StoryRow.id,), limit, offset)
    ids = [r[0] for r in rows]
    articles: dict[int, list[dict]] = {i: [] for i in ids}
    for a in session.scalars(select(ArticleRow).where(ArticleRow.story_id.in_(ids))
                             .order_by(ArticleRow.pk)):
        articles[a.story_id].append(_article_ref(a))
    return [{"id": i, "title": articles[i][0]["title"] if articles[i] else None,
             "num_copies": len(articles[i]), "articles": articles[i]} for i in ids], total


# --- stats --------------------------------------------------------------------------------

def _count(session: Session, query: Select) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery()))


def stats(session: Session) -> dict[str, int]:
    """Counts of what is stored; records of syndicated copies count once per story."""
    per_story = lambda row_cls, *keys: _count(session, select(ArticleRow.story_id, *keys).join(  # noqa: E731
        ArticleRow, ArticleRow.pk == row_cls.article_pk).distinct())
    return {
        "articles": _count(session, select(ArticleRow.pk)),
        "stories": _count(session, select(StoryRow.id)),
        "events": per_story(EventRow, EventRow.merged_id),
        "merged_events": _count(session, select(MergedEventRow.id)),
        "quotes": per_story(QuoteRow, QuoteRow.text),
        "figures": per_story(FigureRow, FigureRow.kind, FigureRow.min, FigureRow.max, FigureRow.subject),
        "places": _count(session, select(_place_key()).distinct()),
        "sources": _count(session, select(ArticleRow.source_key).where(ArticleRow.source_key.is_not(None))
                          .distinct()),
        "event_records": _count(session, select(EventRow.id)),
        "quote_records": _count(session, select(QuoteRow.id)),
        "figure_records": _count(session, select(FigureRow.id)),
        "place_records": _count(session, select(PlaceRow.id)),
        "actor_records": _count(session, select(ActorRow.id)),
    }


__all__ = ["Filters", "query_events", "get_event", "query_quotes", "query_figures", "query_places",
           "query_stories", "stats", "event_ids_of_article"]
