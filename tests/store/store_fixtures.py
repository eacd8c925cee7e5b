"""Hand-built extractions for store tests (the store keeps whatever records it is given).

The news texts are written for these tests. Helpers compute evidence
offsets from the text so the records are consistent with their article.
"""
from __future__ import annotations

import hashlib
from datetime import date
from typing import Optional

from wirecoder.models import Actor, Article, Event, Evidence, Extraction, Figure, Place, Quote
from wirecoder.store import Store
from wirecoder.store.schema import Base


def clear(store: Store) -> None:
    """Empty every table (DELETE: on a few rows much faster than TRUNCATE on PostgreSQL)."""
    with store.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


def make_article(text: str, *, title: Optional[str] = None, url: Optional[str] = None,
                 source: Optional[str] = None, published: Optional[date] = None) -> Article:
    return Article(id=hashlib.sha256(text.encode()).hexdigest(), title=title, url=url, source=source,
                   published=published, text=text)


def evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def actor(name: str, code: Optional[str], sector: Optional[str] = None, country: Optional[str] = "same",
          text: Optional[str] = None, role: Optional[str] = None) -> Actor:
    mentions = []
    if text is not None and name in text:
        start = text.index(name)
        mentions = [(start, start + len(name))]
    return Actor(name=name, code=code, country=code if country == "same" else country, sector=sector,
                 role=role, mentions=mentions)


def place(name: str, lat: Optional[float], lon: Optional[float], country: Optional[str] = "SDN",
          aliases: tuple[str, ...] = (), geonameid: Optional[int] = None) -> Place:
    return Place(name=name, lat=lat, lon=lon, country=country, aliases=list(aliases), feature="city",
                 geonameid=geonameid)


def event(text: str, sentence: str, type: str, source: Optional[Actor] = None, target: Optional[Actor] = None,
          when: Optional[date] = None, location: Optional[Place] = None, **kw) -> Event:
    return Event(type=type, source=source, target=target, date=when, date_precision="day" if when else None,
                 location=location, evidence=evidence(text, sentence), **kw)


def extraction(article: Article, events=(), quotes=(), figures=(), actors=(), places=()) -> Extraction:
    return Extraction(article=article, actors=list(actors), events=list(events), quotes=list(quotes),
                      figures=list(figures), places=list(places))


# --- places with real coordinates -----------------------------------------------------------
KHARTOUM = place("Khartoum", 15.5518, 32.5324, geonameid=379252)
OMDURMAN = place("Omdurman", 15.6445, 32.4777, aliases=("Um Durman",), geonameid=365137)  # ~12 km away
EL_FASHER = place("El Fasher", 13.6279, 25.3494, aliases=("Al-Fashir",), geonameid=379555)  # ~800 km away
NYALA = place("Nyala", 12.0489, 24.8807, geonameid=368277)

# --- a wire story and its syndicated copies ------------------------------------------------
WIRE = """Artillery fire struck a crowded livestock market in Omdurman on Tuesday, killing at least 14 people and wounding dozens more, according to local medics.
The paramilitary Rapid Support Forces shelled the market from positions east of the Nile, residents said, as fighting for control of the capital region entered its third month.
"The shells fell while people were buying sheep for the holiday," said Hassan Adam, a trader who lost two relatives.
The army accused the paramilitary force of deliberately targeting civilians and said its aircraft had struck back at artillery positions in Khartoum.
A spokesman for the paramilitary group denied responsibility and blamed army aircraft for the deaths.
Aid agencies say the market is one of the few places in the city where families can still buy food, and that prices have tripled since the fighting began.
The United Nations humanitarian office urged the warring parties to keep heavy weapons out of residential districts."""

# Copy 2: a portal's page: breadcrumbs, an ad marker, one reworded sentence, a related link.
PORTAL = ("Home > Africa > Sudan\n" + WIRE.replace(
    "residents said, as fighting", "witnesses told reporters, as fighting").replace(
    "Aid agencies say", "Advertisement\nAid agencies say") + "\nRead more: Sudan talks stall in Jeddah")

# Copy 3: an aggregator: last paragraph trimmed, a share line on top.
AGGREGATOR = "Share on Facebook | Share on X\n" + WIRE.rsplit("\n", 1)[0]

# The same attack told by another outlet in its own words: a different story.
OTHER_OUTLET = """Residents of Omdurman buried their dead on Wednesday after shells hit the city's main cattle market a day earlier.
Medics put the toll at 14 dead. Witnesses blamed the Rapid Support Forces, whose gunners have held the eastern bank for weeks.
The army said it responded with air strikes on RSF artillery across the river in Khartoum."""

SDN_ARMY = Actor(name="Sudanese army", code="SDN", country="SDN", sector="MIL")
RSF = Actor(name="Rapid Support Forces", code="SDNREB", country="SDN", sector="REB")
UN = Actor(name="United Nations humanitarian office", code="UN", country=None, sector="IGO")


def wire_extraction(text: str, *, url: Optional[str], source: Optional[str], published: date,
                    title: str) -> Extraction:
    """What an extractor would give for the wire story (or a copy: sentences it lacks are skipped)."""
    art = make_article(text, title=title, url=url, source=source, published=published)
    when = date(2023, 6, 20)
    events = [event(text, s, t, src, tgt, when, loc) for s, t, src, tgt, loc in (
        ("The paramilitary Rapid Support Forces shelled the market from positions east of the Nile",
         "ASSAULT", RSF, None, OMDURMAN),
        ("The army accused the paramilitary force of deliberately targeting civilians", "ACCUSE",
         SDN_ARMY, RSF, None),
        ("The United Nations humanitarian office urged the warring parties to keep heavy weapons out",
         "REQUEST", UN, None, None),
    ) if s in text]
    quotes = [Quote(text="The shells fell while people were buying sheep for the holiday",
                    speaker=Actor(name="Hassan Adam", code="SDN", country="SDN", sector="CVL"),
                    evidence=evidence(text, '"The shells fell while people were buying sheep for the holiday," '
                                            'said Hassan Adam, a trader who lost two relatives.'))]
    toll = next(line for line in text.split("\n") if "killing at least 14" in line)
    figures = [Figure(kind="killed", min=14, max=None, subject="people", evidence=evidence(text, toll))]
    return extraction(art, events=events, quotes=quotes, figures=figures, actors=[SDN_ARMY, RSF],
                      places=[OMDURMAN, KHARTOUM])


def copies() -> list[Extraction]:
    """The wire story and its two syndicated copies, from three sites."""
    return [
        wire_extraction(WIRE, url=None, source="Nile Wire", published=date(2023, 6, 20),
                        title="Shelling kills 14 at Omdurman livestock market"),
        wire_extraction(PORTAL, url="https://www.sudan-portal.example/news/omdurman-market",
                        source=None, published=date(2023, 6, 20),
                        title="Omdurman market shelled, 14 dead"),
        wire_extraction(AGGREGATOR, url="https://aggregator.example/a/123", source=None,
                        published=date(2023, 6, 21), title="14 killed as shells hit Omdurman market"),
    ]


def other_outlet() -> Extraction:
    """The same shelling reported independently (another story, same merged event)."""
    text = OTHER_OUTLET
    art = make_article(text, title="Omdurman buries market dead", source="Sahel Courier",
                       published=date(2023, 6, 21))
    shelling = event(text, "Witnesses blamed the Rapid Support Forces, whose gunners have held the eastern bank "
                           "for weeks.", "ASSAULT", RSF, None, date(2023, 6, 20),
                     place("Um Durman", None, None, aliases=("Omdurman",)))
    strikes = event(text, "The army said it responded with air strikes on RSF artillery across the river in "
                          "Khartoum.", "ASSAULT", SDN_ARMY, RSF, date(2023, 6, 20), KHARTOUM)
    return extraction(art, events=[shelling, strikes], actors=[RSF, SDN_ARMY], places=[OMDURMAN, KHARTOUM])
