"""Extraction <-> rows, field for field, so the store gives back what it was given."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Generic, Iterable, Optional, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel

from wirecoder.models import Actor, Article, Event, Evidence, Extraction, Figure, Place, Quote
from wirecoder.store.schema import ActorRow, ArticleRow, EventRow, FigureRow, PlaceRow, QuoteRow

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")


def source_key(source: Optional[str], url: Optional[str]) -> Optional[str]:
    """Who published it, for num_sources: the source name, else the URL's host."""
    if source and source.strip():
        return " ".join(source.split()).lower()
    if url:
        try:
            host = urlsplit(url.strip()).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    return None


class _Interner(Generic[M, R]):
    """One row per listed record, plus one per distinct record only referenced.

    An event's source is usually equal to an entry of `extraction.actors`;
    then it points at that row instead of storing a copy. An actor that is
    not listed (or differs in any field) gets a row of its own with no
    position, so reading back gives exactly the objects that went in.
    """

    def __init__(self, make: Callable[[M, Optional[int]], R]):
        self.make = make
        self.rows: list[R] = []
        self._by_json: dict[str, R] = {}

    def listed(self, items: Iterable[M]) -> None:
        for position, item in enumerate(items):
            row = self.make(item, position)
            self.rows.append(row)
            self._by_json.setdefault(item.model_dump_json(), row)

    def ref(self, item: Optional[M]) -> Optional[R]:
        if item is None:
            return None
        key = item.model_dump_json()
        row = self._by_json.get(key)
        if row is None:
            row = self._by_json[key] = self.make(item, None)
            self.rows.append(row)
        return row


def _actor_row(article: ArticleRow) -> Callable[[Actor, Optional[int]], ActorRow]:
    def make(a: Actor, position: Optional[int]) -> ActorRow:
        return ActorRow(article=article, position=position, record_id=a.id, name=a.name, code=a.code,
                        country=a.country, sector=a.sector, role=a.role,
                        mentions=[list(m) for m in a.mentions])
    return make


def _place_row(article: ArticleRow) -> Callable[[Place, Optional[int]], PlaceRow]:
    def make(p: Place, position: Optional[int]) -> PlaceRow:
        return PlaceRow(article=article, position=position, record_id=p.id, name=p.name, aliases=list(p.aliases),
                        country=p.country, lat=p.lat, lon=p.lon, feature=p.feature,
                        geonameid=p.geonameid, mentions=[list(m) for m in p.mentions])
    return make


@dataclass
class ArticleRows:
    """The rows of one extraction, not yet in a session; events pair record and row."""

    article: ArticleRow
    actors: list[ActorRow] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    events: list[tuple[Event, EventRow]] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)


def _evidence(ev: Evidence, text: str) -> dict:
    # The sentence is the article's text between the offsets: stored only if it is not.
    stored = None if text[ev.start:ev.end] == ev.text else ev.text
    return {"evidence_text": stored, "evidence_start": ev.start, "evidence_end": ev.end}


def to_rows(ex: Extraction, *, story_id: int, origin: Optional[str], ingested_at) -> ArticleRows:
    art = ex.article
    text = art.text
    row = ArticleRow(
        id=art.id, story_id=story_id, title=art.title, url=art.url, source=art.source,
        source_key=source_key(art.source, art.url), language=art.language, published=art.published,
        reference_date=art.reference_date, reference_source=art.reference_source,
        credits=list(art.credits), text=text, origin=origin, ingested_at=ingested_at)
    rows = ArticleRows(row)
    actors = _Interner(_actor_row(row))
    actors.listed(ex.actors)
    places = _Interner(_place_row(row))
    places.listed(ex.places)
    for i, e in enumerate(ex.events):
        rows.events.append((e, EventRow(
            article=row, position=i, type=e.type, mode=e.mode, contexts=list(e.contexts),
            source=actors.ref(e.source), target=actors.ref(e.target), claimed_by=actors.ref(e.claimed_by),
            date=e.date, date_precision=e.date_precision, location=places.ref(e.location),
            negated=e.negated, trigger=e.trigger, cameo=e.cameo, **_evidence(e.evidence, text))))
    for i, q in enumerate(ex.quotes):
        rows.quotes.append(QuoteRow(article=row, position=i, text=q.text, speaker=actors.ref(q.speaker),
                                    direct=q.direct, **_evidence(q.evidence, text)))
    for i, f in enumerate(ex.figures):
        rows.figures.append(FigureRow(article=row, position=i, kind=f.kind, min=f.min, max=f.max,
                                      approximate=f.approximate, subject=f.subject,
                                      claimed_by=actors.ref(f.claimed_by), **_evidence(f.evidence, text)))
    rows.actors, rows.places = actors.rows, places.rows
    return rows


# --- back again ---------------------------------------------------------------------------

def actor(row: Optional[ActorRow]) -> Optional[Actor]:
    if row is None:
        return None
    return Actor(id=row.record_id, name=row.name, code=row.code, country=row.country, sector=row.sector,
                 role=row.role, mentions=[tuple(m) for m in row.mentions])


def place(row: Optional[PlaceRow]) -> Optional[Place]:
    if row is None:
        return None
    return Place(id=row.record_id, name=row.name, aliases=list(row.aliases), country=row.country, lat=row.lat, lon=row.lon,
                 feature=row.feature, geonameid=row.geonameid, mentions=[tuple(m) for m in row.mentions])


def evidence_text(row, article_text: str) -> str:
    if row.evidence_text is not None:
        return row.evidence_text
    return article_text[row.evidence_start:row.evidence_end]


def evidence(row, article_text: str) -> Evidence:
    return Evidence(text=evidence_text(row, article_text), start=row.evidence_start, end=row.evidence_end)


def article(row: ArticleRow) -> Article:
    return Article(id=row.id, title=row.title, url=row.url, source=row.source, language=row.language,
                   published=row.published, reference_date=row.reference_date,
                   reference_source=row.reference_source, credits=list(row.credits), text=row.text)


def event(row: EventRow, actors: dict[int, ActorRow], places: dict[int, PlaceRow], text: str) -> Event:
    return Event(type=row.type, mode=row.mode, contexts=list(row.contexts),
                 source=actor(actors.get(row.source_id)), target=actor(actors.get(row.target_id)),
                 date=row.date, date_precision=row.date_precision,
                 location=place(places.get(row.location_id)), negated=row.negated,
                 claimed_by=actor(actors.get(row.claimed_by_id)), evidence=evidence(row, text),
                 trigger=row.trigger, cameo=row.cameo)


def quote(row: QuoteRow, actors: dict[int, ActorRow], text: str) -> Quote:
    return Quote(text=row.text, speaker=actor(actors.get(row.speaker_id)), direct=row.direct,
                 evidence=evidence(row, text))


def figure(row: FigureRow, actors: dict[int, ActorRow], text: str) -> Figure:
    return Figure(kind=row.kind, min=row.min, max=row.max, approximate=row.approximate,
                  subject=row.subject, claimed_by=actor(actors.get(row.claimed_by_id)),
                  evidence=evidence(row, text))


def from_rows(art: ArticleRow, actors: list[ActorRow], places: list[PlaceRow], events: list[EventRow],
              quotes: list[QuoteRow], figures: list[FigureRow]) -> Extraction:
    """Rebuild the Extraction; record lists come back in their original order."""
    actor_by_id = {a.id: a for a in actors}
    place_by_id = {p.id: p for p in places}

    def listed(rows):
        return sorted((r for r in rows if r.position is not None), key=lambda r: r.position)

    def ordered(rows):
        return sorted(rows, key=lambda r: r.position)

    return Extraction(
        article=article(art),
        actors=[actor(a) for a in listed(actors)],
        places=[place(p) for p in listed(places)],
        events=[event(e, actor_by_id, place_by_id, art.text) for e in ordered(events)],
        quotes=[quote(q, actor_by_id, art.text) for q in ordered(quotes)],
        figures=[figure(f, actor_by_id, art.text) for f in ordered(figures)],
    )
