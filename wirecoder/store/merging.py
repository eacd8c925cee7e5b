"""Merging event reports into one event, across sentences, copies and articles.

A report joins a merged event when it has the same type and polarity
(negated or not), compatible actors (the same source code and the same
target code, or either one unknown), the same date within a day (the event
date, else the article's reference date: its publication date or its
dateline's), and a nearby place (at most 50 km apart, or the same name, or
either one unknown). Among several such merged events it joins the one that
agrees on the most known facts.

The merged event keeps its first report's facts and fills its unknowns
from later reports, so "the army shelled the city" can be joined by "the
Azerbaijani army shelled Stepanakert" and then carry AZE and the place.
Counters follow GDELT's NumArticles/NumSources, except that syndicated
copies of one story count as one article (they are one report).

"First" is not the order articles happen to arrive in: writers running at
once (or a feed re-read in another order) must leave the same events. The
reports are grouped greedily in a canonical order (article id, then the
report's position), and a new article regroups only the reports it can
touch: its reports' *component*, every stored report linked to them by a
chain of pairwise-compatible reports. A report only ever joins a merged
event whose first report it is compatible with, so no merged event spans
two components, and regrouping one component in canonical order gives what
grouping the whole database in that order would. Where the stored reports
near the new ones (same type, within two days) number more than
MAX_COMPONENT, as on a busy day of a big corpus, nothing is regrouped: the
new reports join the stored merged events as they are, which keeps an
insert cheap at the price of order there.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Optional

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, aliased

from wirecoder.models import Actor, Article, Event, Place
from wirecoder.store.schema import ActorRow, ArticleRow, EventRow, MergedEventRow, PlaceRow

DATE_TOLERANCE = timedelta(days=1)
MAX_DISTANCE_KM = 50.0
EARTH_RADIUS_KM = 6371.0088
# Reports regrouped at most per insert (see the module's docstring).
MAX_COMPONENT = 200


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Report:
    """One event report as merging sees it, new or read back from its row."""

    row: Optional[EventRow]  # a new report's row, to be stored; None for a stored one
    key: tuple[str, int]  # (article id, position): the canonical order
    type: str
    negated: bool
    when: Optional[date]  # the event's date, else its article's reference date
    mode: Optional[str]
    date_precision: Optional[str]
    source: Optional[Actor]
    target: Optional[Actor]
    location: Optional[Place]
    event_id: Optional[int] = None  # a stored report's events.id ...
    merged_id: Optional[int] = None  # ... and the merged event it is in now


def when_of(event_date: Optional[date], article_date: Optional[date], published: Optional[date]) -> Optional[date]:
    """The report's date: the event's own, else the date extraction counted relative dates
    from (article.reference_date: published, else the dateline's), so merging and extraction
    share one idea of "when". Records from before that field fall back to publication."""
    return event_date or article_date or published


def report_of(event: Event, when: Optional[date], row: Optional[EventRow] = None,
              key: tuple[str, int] = ("", 0)) -> Report:
    return Report(row=row, key=key, type=event.type, negated=event.negated, when=when,
                  mode=event.mode, date_precision=event.date_precision,
                  source=event.source, target=event.target, location=event.location)


def new_report(article: Article, event: Event, row: EventRow) -> Report:
    return report_of(event, when_of(event.date, article.reference_date, article.published),
                     row, (article.id, row.position))


def _actor(name, code, country, sector, role) -> Optional[Actor]:
    # model_construct: these values come from rows the models validated when they went in.
    if name is None:
        return None
    return Actor.model_construct(name=name, code=code, country=country, sector=sector, role=role)


def _place(name, aliases, country, lat, lon, geonameid) -> Optional[Place]:
    if name is None:
        return None
    return Place.model_construct(name=name, aliases=list(aliases or ()), country=country, lat=lat, lon=lon,
                                 geonameid=geonameid)


def _code(actor: Optional[Actor]) -> Optional[str]:
    return actor.code if actor is not None else None


def _codes_agree(known: Optional[str], new: Optional[str]) -> Optional[bool]:
    """True: both known and equal; None: one unknown (compatible); False: conflict."""
    if known is None or new is None:
        return None
    return known == new


def _names(place: Place) -> set[str]:
    return {place.name.casefold(), *(a.casefold() for a in place.aliases)}


def _near(lat1, lon1, lat2, lon2) -> bool:
    return None not in (lat1, lon1, lat2, lon2) and haversine_km(lat1, lon1, lat2, lon2) <= MAX_DISTANCE_KM


def _places_agree(m: MergedEventRow, loc: Optional[Place]) -> Optional[bool]:
    if m.place_name is None or loc is None:
        return None
    return m.place_name.casefold() in _names(loc) or _near(m.lat, m.lon, loc.lat, loc.lon)


def _dates_agree(a: Optional[date], b: Optional[date]) -> bool:
    if (a is None) != (b is None):
        return False
    return a is None or abs(a - b) <= DATE_TOLERANCE


def agreement(m: MergedEventRow, r: Report) -> Optional[int]:
    """How many known facts the report shares with the merged event; None if it conflicts."""
    if m.type != r.type or m.negated != r.negated or not _dates_agree(m.date, r.when):
        return None
    checks = (_codes_agree(m.source_code, _code(r.source)),
              _codes_agree(m.target_code, _code(r.target)),
              _places_agree(m, r.location))
    if False in checks:
        return None
    return sum(c is True for c in checks) + (m.date == r.when)


def compatible(a: Report, b: Report) -> bool:
    """Could the two reports ever share a merged event? Symmetric, and implied by
    agreement(m, b) for the merged event m that `a` started: the links of a component."""
    if a.type != b.type or a.negated != b.negated or not _dates_agree(a.when, b.when):
        return False
    if False in (_codes_agree(_code(a.source), _code(b.source)),
                 _codes_agree(_code(a.target), _code(b.target))):
        return False
    pa, pb = a.location, b.location
    if pa is None or pb is None:
        return True
    return bool(_names(pa) & _names(pb)) or _near(pa.lat, pa.lon, pb.lat, pb.lon)


def _fill_actor(m: MergedEventRow, prefix: str, actor: Optional[Actor]) -> None:
    # A coded actor replaces an uncoded one ("gunmen" -> "Azerbaijani forces"), never the reverse.
    if actor is None or getattr(m, f"{prefix}_code") is not None:
        return
    if actor.code is None and getattr(m, f"{prefix}_name") is not None:
        return
    for attr in ("name", "code", "country", "sector", "role"):
        setattr(m, f"{prefix}_{attr}", getattr(actor, attr))


_FACTS = ("mode", "date_precision", *(f"{p}_{a}" for p in ("source", "target")
                                     for a in ("name", "code", "country", "sector", "role")),
          "place_name", "place_country", "lat", "lon", "geonameid")


def _start(m: MergedEventRow, r: Report) -> None:
    """Make `m` (new or reused) a merged event with no report yet, dated by `r`."""
    m.type, m.negated, m.date = r.type, r.negated, r.when
    for attr in _FACTS:
        setattr(m, attr, None)


def _fill(m: MergedEventRow, r: Report) -> None:
    _fill_actor(m, "source", r.source)
    _fill_actor(m, "target", r.target)
    if m.place_name is None and r.location is not None:
        loc = r.location
        m.place_name, m.place_country, m.lat, m.lon, m.geonameid = (
            loc.name, loc.country, loc.lat, loc.lon, loc.geonameid)
    if m.mode is None:
        m.mode = r.mode
    if m.date_precision is None and r.when is not None:
        m.date_precision = r.date_precision


class _Grouping:
    """Greedy assignment of reports, in the order given, to merged events."""

    def __init__(self, session: Session, candidates: list[MergedEventRow], spare: list[MergedEventRow]):
        self.session = session
        self.candidates = candidates  # in id order: on a tie the oldest wins
        self.spare = spare  # rows of regrouped events to reuse before creating new ones
        self.touched: list[MergedEventRow] = []
        self.moved: list[tuple[int, MergedEventRow]] = []  # (events.id, its new merged event)

    def assign(self, r: Report) -> MergedEventRow:
        best: tuple[int, MergedEventRow] | None = None
        for m in self.candidates:
            score = agreement(m, r)
            if score is not None and (best is None or score > best[0]):
                best = (score, m)
        if best is None:
            if self.spare:
                merged = self.spare.pop(0)
            else:
                merged = MergedEventRow(num_reports=0, num_articles=0, num_copies=0, num_sources=0)
                self.session.add(merged)
            _start(merged, r)
            self.candidates.append(merged)
        else:
            merged = best[1]
        _fill(merged, r)
        if r.row is not None:
            r.row.merged = merged
        elif merged.id != r.merged_id:
            self.moved.append((r.event_id, merged))
        self.touched.append(merged)
        return merged


def _window(whens: set[Optional[date]], slack: timedelta):
    return or_(*(MergedEventRow.date.is_(None) if d is None else
                 MergedEventRow.date.between(d - slack, d + slack) for d in whens))


def _near_merged(session: Session, reports: list[Report], slack: timedelta) -> list[MergedEventRow]:
    """Merged events of the reports' types dated within `slack` of one of them."""
    if not reports:
        return []
    query = (select(MergedEventRow).where(MergedEventRow.type.in_({r.type for r in reports}),
                                          _window({r.when for r in reports}, slack))
             .order_by(MergedEventRow.id))
    return list(session.scalars(query))


_SOURCE, _TARGET = aliased(ActorRow), aliased(ActorRow)


def _stored_reports(session: Session, merged_ids: Iterable[int]) -> list[Report]:
    """The reports of these merged events, read as plain columns (no ORM rows: most are
    only compared, and the few that move are updated by id)."""
    ids = sorted(set(merged_ids))
    if not ids:
        return []
    actor_cols = lambda a: (a.name, a.code, a.country, a.sector, a.role)  # noqa: E731
    rows = session.execute(
        select(EventRow.id, EventRow.merged_id, EventRow.position, EventRow.type, EventRow.negated,
               EventRow.date, EventRow.mode, EventRow.date_precision,
               ArticleRow.id, ArticleRow.reference_date, ArticleRow.published,
               *actor_cols(_SOURCE), *actor_cols(_TARGET),
               PlaceRow.name, PlaceRow.aliases, PlaceRow.country, PlaceRow.lat, PlaceRow.lon, PlaceRow.geonameid)
        .join(ArticleRow, ArticleRow.pk == EventRow.article_pk)
        .outerjoin(_SOURCE, _SOURCE.id == EventRow.source_id)
        .outerjoin(_TARGET, _TARGET.id == EventRow.target_id)
        .outerjoin(PlaceRow, PlaceRow.id == EventRow.location_id)
        .where(EventRow.merged_id.in_(ids)).order_by(EventRow.id)).all()
    return [_from_columns(*r) for r in rows]


def _from_columns(event_id, merged_id, position, type_, negated, day, mode, precision, article_id, ref, pub,
                  *rest) -> Report:
    return Report(row=None, key=(article_id, position), type=type_, negated=negated, when=when_of(day, ref, pub),
                  mode=mode, date_precision=precision, source=_actor(*rest[0:5]), target=_actor(*rest[5:10]),
                  location=_place(*rest[10:16]), event_id=event_id, merged_id=merged_id)


def _component(session: Session, new: list[Report]) -> Optional[tuple[list[Report], list[MergedEventRow]]]:
    """The stored reports linked to the new ones, and their merged events; None when the
    component outgrows MAX_COMPONENT. A stored report compatible with a report dated d is
    dated within a day of d, so its merged event (dated by a report within a day of it)
    lies within two days of d."""
    reports: dict[int, list[Report]] = {}  # merged id -> its reports, read once
    regrouped: dict[int, MergedEventRow] = {}
    frontier = new
    while frontier:
        near = [m for m in _near_merged(session, frontier, 2 * DATE_TOLERANCE) if m.id not in regrouped]
        unread = [m.id for m in near if m.id not in reports]
        # Read no neighbourhood larger than the cap: its merged events' own counters say
        # how many reports it holds before any is read.
        if sum(len(v) for v in reports.values()) + sum(m.num_reports for m in near if m.id in unread) \
                > MAX_COMPONENT:
            return None
        for m_id in unread:
            reports[m_id] = []
        for r in _stored_reports(session, unread):
            reports[r.merged_id].append(r)
        # A merged event is regrouped when one of its reports links to the frontier; all
        # its reports go with it and are the next frontier.
        linked = [m for m in near if any(compatible(r, f) for r in reports[m.id] for f in frontier)]
        for m in linked:
            regrouped[m.id] = m
        frontier = [r for m in linked for r in reports[m.id]]
        if sum(len(reports[i]) for i in regrouped) > MAX_COMPONENT:
            return None
    members = [r for i in regrouped for r in reports[i]]
    return members, sorted(regrouped.values(), key=lambda m: m.id)


def assign_reports(session: Session, article: Article, pairs: list[tuple[Event, EventRow]]) -> list[int]:
    """Give the article's event rows their merged events (regrouping their component);
    returns the ids of every merged event whose counters must be recomputed."""
    new = [new_report(article, ev, row) for ev, row in pairs]
    if not new:
        return []
    component = _component(session, new)
    if component is None:
        # Too large to regroup: join the merged events as they stand.
        grouping = _Grouping(session, _near_merged(session, new, DATE_TOLERANCE), [])
        ordered = sorted(new, key=lambda r: r.key)
        old_ids: list[int] = []
    else:
        stored, old = component
        grouping = _Grouping(session, [], list(old))
        ordered = sorted([*stored, *new], key=lambda r: r.key)
        old_ids = [m.id for m in old]
    for r in ordered:
        grouping.assign(r)
    session.flush()  # new merged events get their ids
    if grouping.moved:
        session.execute(update(EventRow), [{"id": event_id, "merged_id": m.id} for event_id, m in grouping.moved])
    for m in grouping.spare:  # groups the regrouping emptied
        session.delete(m)
    session.flush()
    spare = {m.id for m in grouping.spare}
    return sorted({*(m.id for m in grouping.touched), *old_ids} - spare)


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
