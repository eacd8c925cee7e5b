"""The records an article's actors are built in, and the registry that keeps them: one
`DraftActor` per distinct actor (a state, body, group or person), found again by key, with
every phrase that mentions it."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.data.actors import ActorKB, KBEntry
from wirecoder.extract.actors.syntax import left_modifiers, trim_phrase
from wirecoder.extract.common.story import Story
from wirecoder.extract.context import Context
from wirecoder.models import Actor

# Sectors a generic noun takes the context country for. International bodies
# (IGO) and aid groups (NGO) do not belong to the country they work in.
LOCAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "MED", "BUS", "REL",
                 "EDU", "HLH"}
# Sectors whose people and bodies do not belong to the place they are in: a delegation
# meets in Muscat, a minister speaks in Geneva.
OFFICIAL_SECTORS = {"GOV", "LEG", "JUD", "IGO"}
# Nouns that point back to an armed group once it is named: "the group", "the militants".
ARMED_NOUNS = words("armed_group_nouns")


@dataclass
class Affiliation:
    """What the modifiers of a phrase say about whom it belongs to (affiliation.py reads it)."""
    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    explicit: bool = False
    place: bool = False            # the clue is a place ("Baidoa's camps"), not an owner


@dataclass
class DraftActor:
    """An actor while the article is being read (becomes a models.Actor at the end)."""
    key: tuple
    kind: str                      # person|state|org|organ|group|ethnic
    name: str
    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None
    plural: bool = False
    gender: Optional[str] = None
    terms: set[str] = field(default_factory=set)     # head nouns it was named with ("ministry")
    surnames: set[str] = field(default_factory=set)
    name_parts: set[str] = field(default_factory=set)   # other words of a person's name ("Xi" of Xi Jinping)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    name_rank: int = 0             # how good `name` is (longer proper names win)
    armed: bool = False            # an armed non-state group ("the group", "the militants" point back)
    guessed: bool = False          # its country is the story's, not said (an unknown organisation)
    affiliate: Optional["DraftActor"] = None   # the body a spokesperson speaks for ("we" in their quote)
    model: Optional[Actor] = None

    def add_mention(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))

    def offer_name(self, name: str, rank: int) -> None:
        name = name.strip()
        if name and (rank, len(name)) > (self.name_rank, len(self.name)):
            self.name, self.name_rank = name, rank


class ActorRegistry:
    """The shared state of one article's actor resolution: the actors found so far and which
    tokens mention which. Every part of the resolver (see `ResolverParts` in contract.py) reads and writes it
    only through the attributes and methods below.

    Read-only context: `ctx`, `doc`, `kb`, `ent_of` (token index -> its named entity) and
    `countries` (country from context: the story, extract/common/story.py).

    State: `actors` in order of creation, `by_key` (an actor's identity key -> the actor),
    `tok_actor` (token index -> the actor of the phrase it belongs to), `history` ((token
    index, actor, head token) in reading order: what pronouns and definite descriptions search
    backwards) and `done` (tokens already judged).

    Builders: `state`, `org`, `organ`, `new` find or make an actor; `mention`, `note` and
    `map_np` record that a phrase denotes one.
    """

    def __init__(self, ctx: Context, kb: ActorKB, ent_of: dict[int, Span], countries: Story) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.kb = kb
        self.ent_of = ent_of
        self.countries = countries
        self.actors: list[DraftActor] = []
        self.by_key: dict[tuple, DraftActor] = {}
        self.tok_actor: dict[int, DraftActor] = {}
        self.history: list[tuple[int, DraftActor, Token]] = []
        self.done: set[int] = set()

    def state(self, code: str, surface: Optional[str]) -> DraftActor:
        """The one actor of state `code`; `surface` is the text's name for it, if a name of the state."""
        key = ("state", code)
        actor = self.by_key.get(key)
        if actor is None:
            actor = self.new(key, "state", self.kb.state_name(code))
            actor.code = actor.country = code
            actor.sector = "GOV"
        if surface:
            actor.offer_name(surface, 2)
        return actor

    def org(self, entry: KBEntry, surface: Optional[str]) -> DraftActor:
        """The one actor of an organisation the KB lists."""
        key = ("org", entry.code, entry.name)
        actor = self.by_key.get(key)
        if actor is None:
            actor = self.new(key, "org", entry.name)
            actor.code, actor.country, actor.sector = entry.code, entry.country, entry.sector
            actor.name_rank = 2
            actor.terms.update(self.kb.org_nouns(entry.code or ""))
        return actor

    def organ(self, name: str, code, country, sector, surface: Optional[str]) -> DraftActor:
        """The one actor of an organ (a ministry, an army, an agency) of `code`."""
        key = ("organ", code, name.lower())
        actor = self.by_key.get(key)
        if actor is None:
            actor = self.new(key, "organ", surface or name)
            actor.code, actor.country, actor.sector = code, country, sector
            actor.terms.add(name.lower())
            actor.terms.add(name.split()[-1].lower())
            actor.terms.update(self.kb.organ_nouns(name))   # "the agency" for the World Food Programme
            for w in name.lower().split():
                if self.kb.noun(w) is not None and self.kb.noun(w).body:
                    actor.terms.add(w)
        if surface:
            actor.offer_name(surface, 2)
        return actor

    def new(self, key: tuple, kind: str, name: str) -> DraftActor:
        """Register a new actor under `key`."""
        actor = DraftActor(key=key, kind=kind, name=name)
        self.by_key[key] = actor
        self.actors.append(actor)
        return actor

    def mention(self, actor: DraftActor, tok: Token, span_toks) -> DraftActor:
        """Record that the phrase `span_toks` (headed by `tok`) mentions `actor`."""
        toks = trim_phrase(span_toks)
        toks = toks or [tok]
        start = toks[0].idx
        end = toks[-1].idx + len(toks[-1])
        if toks[-1].tag_ == "POS" and len(toks) > 1:
            end = toks[-2].idx + len(toks[-2])
        actor.add_mention(start, end)
        self.note(tok, actor)
        for t in span_toks:
            self.tok_actor.setdefault(t.i, actor)
        return actor

    def note(self, tok: Token, actor: DraftActor) -> None:
        """Record that the phrase headed by `tok` is `actor`, in reading order."""
        self.tok_actor[tok.i] = actor
        # Kept in reading order; analyse() may reach a token before its turn.
        bisect.insort(self.history, (tok.i, actor, tok), key=lambda x: x[0])

    def map_np(self, tok: Token, actor: DraftActor) -> None:
        """Give the whole phrase headed by `tok` (a title noun) to `actor`, as one mention."""
        mods = left_modifiers(tok)
        toks = trim_phrase(mods + [tok])
        for t in toks:
            if t.dep_ != "poss":   # a possessor is an actor of its own ("Guterres's spokesperson")
                self.tok_actor.setdefault(t.i, actor)
                self.done.add(t.i)
        self.tok_actor[tok.i] = actor
        if toks:
            actor.add_mention(toks[0].idx, tok.idx + len(tok))
