"""What extractors may ask of the article's place and actor tables, as Protocols: the
context and the story name these, never the modules that build the tables, so neither
imports an extractor (the places and actors packages import the context, not the reverse)."""
from __future__ import annotations

from typing import Optional, Protocol

from spacy.tokens import Token

from wirecoder.models import Actor, Place


class PlaceLookup(Protocol):
    places: list[Place]

    def at_char(self, start: int, end: int) -> Optional[Place]: ...

    def in_span(self, start: int, end: int) -> list[Place]: ...


class ActorLookup(Protocol):
    actors: list[Actor]

    def for_token(self, tok: Token) -> Optional[Actor]: ...

    def at_char(self, start: int, end: int) -> Optional[Actor]: ...
