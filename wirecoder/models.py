"""The extraction record, format v1 (../shared/spec/EXTRACTION.md), defined once.

Every stage passes these typed objects forward; the CLI, the store and the
API serialise them with `model_dump(mode="json")`. The JSON Schema that
`wirecoder schema` prints is generated from these classes, so fields are
added here and nowhere else. Fields may be added; none may be renamed or
dropped.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "wirecoder.extraction/1"

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

Sector = Literal[
    "GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "MED",
    "NGO", "IGO", "BUS", "REL", "EDU", "HLH",
]
SECTORS: tuple[str, ...] = Sector.__args__  # type: ignore[attr-defined]

FigureKind = Literal[
    "killed", "injured", "missing", "displaced", "detained", "evacuated",
    "captured", "destroyed", "other",
]
FeatureKind = Literal["country", "region", "city", "site"]
DatePrecision = Literal["day", "week", "month", "year"]
ReferenceSource = Literal["published", "dateline", "text", "unknown"]


class Record(BaseModel):
    """Base for every record: strict about unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Evidence(Record):
    """The sentence that states a claim, with offsets into `article.text`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(Record):
    id: str = Field(description="SHA-256 of the cleaned text, hex")
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    language: str = "en"
    published: Optional[dt.date] = None
    credits: list[str] = Field(default_factory=list)
    text: str
    reference_date: Optional[dt.date] = Field(
        None, description="The date relative expressions were counted from (set by extraction)")
    reference_source: Optional[ReferenceSource] = Field(
        None, description="Where reference_date came from: published (--published or the article's "
                          "own date), dateline, text, or unknown (no date found)")


class Actor(Record):
    id: Optional[int] = Field(
        None, description="index of this actor in the record's `actors` (added field). On an event, "
                          "quote or figure the actor refers to that entry: its `mentions` are only those "
                          "inside the evidence sentence, the full list is in `actors`; null when the "
                          "actor is not in `actors` (a state inferred from context)")
    name: str
    code: Optional[str] = Field(None, description="ISO 3166-1 alpha-3 or organisation code")
    country: Optional[str] = Field(None, description="ISO alpha-3 of the actor's country")
    sector: Optional[Sector] = None
    role: Optional[str] = None
    mentions: list[tuple[int, int]] = Field(default_factory=list)


class Place(Record):
    id: Optional[int] = Field(
        None, description="index of this place in the record's `places` (added field). As an event's "
                          "location it refers to that entry, with only the mentions inside the evidence "
                          "sentence")
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    feature: Optional[FeatureKind] = None
    geonameid: Optional[int] = None
    mentions: list[tuple[int, int]] = Field(default_factory=list)


class Event(Record):
    type: EventType
    mode: Optional[str] = None
    contexts: list[str] = Field(default_factory=list)
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    date: Optional[dt.date] = None
    date_precision: Optional[DatePrecision] = None
    location: Optional[Place] = None
    negated: bool = False
    claimed_by: Optional[Actor] = None
    evidence: Evidence
    trigger: Optional[str] = Field(None, description="the word that states the event (added field)")
    cameo: Optional[str] = Field(None, description="CAMEO root code of the type (added field)")


class Quote(Record):
    text: str
    speaker: Optional[Actor] = None
    direct: bool = True
    evidence: Evidence


class Figure(Record):
    kind: FigureKind
    min: Optional[int] = None
    max: Optional[int] = None
    approximate: bool = False
    subject: Optional[str] = None
    claimed_by: Optional[Actor] = None
    evidence: Evidence


class Extraction(Record):
    schema_: Literal["wirecoder.extraction/1"] = Field(SCHEMA_ID, alias="schema")
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict:
        """The record exactly as the spec prints it (alias `schema`, ISO dates)."""
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict:
    """JSON Schema of the extraction record, generated from the models."""
    schema = Extraction.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "https://wirecoder.invalid/schema/extraction-1.json"
    schema["title"] = "wirecoder extraction record (format v1)"
    return schema
