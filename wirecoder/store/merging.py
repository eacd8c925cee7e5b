"""Merging event reports into one event, across sentences, copies and articles.

A report joins a merged event when it has the same type and polarity
(negated or not), compatible actors (the same source code and the same
target code, or either one unknown), the same date within a day (the event
date, else the article's reference date: its publication date or its
dateline's), and a nearby place (at most 50 km apart, or the same name, or
either one unknown). Among several such
merged events it joins the one that agrees on the most known facts.

The merged event keeps its first report's facts and fills its unknowns
from later reports, so "the army shelled the city" can be joined by "the
Azerbaijani army shelled Stepanakert" and then carry AZE and the place.
Counters follow GDELT's NumArticles/NumSources, except that syndicated
copies of one story count as one article (they are one report).
"""
from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Iterable, Optional

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from wirecoder.models import Actor, Article, Event, Place
from wirecoder.store.schema import ArticleRow, EventRow, MergedEventRow

DATE_TOLERANCE = timedelta(days=1)
MAX_DISTANCE_KM = 50.0
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _code(actor: Optional[Actor]) -> Optional[str]:
    return actor.code if actor is not None else None


def _codes_agree(known: Optional[str], new: Optional[str]) -> Optional[bool]:
    """True: both known and equal; None: one unknown (compatible); False: conflict."""
    if known is None or new is None:
        return None
    return known == new


def _places_agree(m: MergedEventRow, loc: Optional[Place]) -> Optional[bool]:
    if m.place_name is None or loc is None:
        return None
    names = {loc.name.casefold(), *(a.casefold() for a in loc.aliases)}
    if m.place_name.casefold() in names:
        return True
    if None not in (m.lat, m.lon, loc.lat, loc.lon):
        return haversine_km(m.lat, m.lon, loc.lat, loc.lon) <= MAX_DISTANCE_KM
    return False


def agreement(m: MergedEventRow, event: Event, when: Optional[date]) -> Optional[int]:
    """How many known facts the report shares with the merged event; None if it conflicts."""
    if m.type != event.type or m.negated != event.negated:
        return None
    if (m.date is None) != (when is None):
        return None
    if when is not None and abs(m.date - when) > DATE_TOLERANCE:
        return None
    checks = (_codes_agree(m.source_code, _code(event.source)),
              _codes_agree(m.target_code, _code(event.target)),
              _places_agree(m, event.location))
    if False in checks:
        return None
    return sum(c is True for c in checks) + (m.date == when)


def _fill_actor(m: MergedEventRow, prefix: str, actor: Optional[Actor]) -> None:
    # A coded actor replaces an uncoded one ("gunmen" -> "Azerbaijani forces"), never the reverse.
    if actor is None or getattr(m, f"{prefix}_code") is not None:
        return
    if actor.code is None and getattr(m, f"{prefix}_name") is not None:
        return
    for attr in ("name", "code", "country", "sector", "role"):
        setattr(m, f"{prefix}_{attr}", getattr(actor, attr))


def _fill(m: MergedEventRow, event: Event) -> None:
    _fill_actor(m, "source", event.source)
    _fill_actor(m, "target", event.target)
    if m.place_name is None and event.location is not None:
        loc = event.location
        m.place_name, m.place_country, m.lat, m.lon, m.geonameid = (
            loc.name, loc.country, loc.lat, loc.lon, loc.geonameid)
    if m.mode is None:
        m.mode = event.mode
    if m.date_precision is None and event.date is not None:
        m.date_precision = event.date_precision


class Merger:
    """Assigns the reports of one article, reading the candidate merged events once."""

    def __init__(self, session: Session, article: Article, events: list[Event]):
        self.session = session
        self.article = article
        self.candidates: list[MergedEventRow] = []
        if not events:
            return
        whens = {self.when(e) for e in events}
        # One window per date the article speaks of (background years apart stay cheap).
        windows = [MergedEventRow.date.is_(None) if d is None else
                   MergedEventRow.date.between(d - DATE_TOLERANCE, d + DATE_TOLERANCE) for d in whens]
        query = (select(MergedEventRow).where(MergedEventRow.type.in_({e.type for e in events}), or_(*windows))
                 .order_by(MergedEventRow.id))
        self.candidates = list(session.scalars(query))

    def when(self, event: Event) -> Optional[date]:
        """The report's date: the event's own, else the date the extraction counted relative
        dates from (article.reference_date: published, else the dateline's), so merging and
        extraction share one idea of "when". Records from before that field fall back to
        the publication date."""
        if event.date is not None:
            return event.date
        return self.article.reference_date or self.article.published

    def assign(self, event: Event, row: EventRow) -> MergedEventRow:
        """Attach the report to the best compatible merged event, or start a new one."""
        when = self.when(event)
        best: tuple[int, MergedEventRow] | None = None
        for m in self.candidates:  # in id order: on a tie the oldest wins
            score = agreement(m, event, when)
            if score is not None and (best is None or score > best[0]):
                best = (score, m)
        if best is None:
            merged = MergedEventRow(type=event.type, negated=event.negated, date=when,
                                    num_reports=0, num_articles=0, num_copies=0, num_sources=0)
            self.session.add(merged)
            self.candidates.append(merged)  # the article's next reports may join it
        else:
            merged = best[1]
        _fill(merged, event)
        row.merged = merged
        return merged


def recount(session: Session, merged_ids: Iterable[int]) -> None:
    """Recompute the counters of these merged events from their reports."""
    ids = sorted(set(merged_ids))
    if not ids:
        return
    # An article without source or URL host counts as a source of its own.
    source = func.coalesce(ArticleRow.source_key, ArticleRow.id)
    counts = session.execute(
        select(EventRow.merged_id, func.count(EventRow.id), func.count(ArticleRow.story_id.distinct()),
               func.count(ArticleRow.pk.distinct()), func.count(source.distinct()))
        .join(ArticleRow, ArticleRow.pk == EventRow.article_pk)
        .where(EventRow.merged_id.in_(ids)).group_by(EventRow.merged_id)).all()
    found = {mid: rest for mid, *rest in counts}
    for m in session.scalars(select(MergedEventRow).where(MergedEventRow.id.in_(ids))):
        m.num_reports, m.num_articles, m.num_copies, m.num_sources = found.get(m.id, (0, 0, 0, 0))
