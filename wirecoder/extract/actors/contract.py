"""How the parts of the actor resolver reach each other: one Protocol per part listing its
public methods, the resolver as the parts see it (`ResolverParts`), and the `Part` base class.

The parts (people.py, phrases.py, names.py, affiliation.py, coref.py) call one another at
run time, so they are typed here by what they offer, not by their classes: this module
depends on the records and the KB only, never on a part module, and the parts' imports go
one way (tests/test_imports.py). tests/extract/test_actors.py checks each part class against
its Protocol, signature by signature."""
from __future__ import annotations

from typing import Callable, Iterable, Optional, Protocol

from spacy.tokens import Doc, Span, Token

from wirecoder.data.actors import ActorKB, KBEntry, NounInfo
from wirecoder.extract.actors.records import ActorRegistry, Affiliation, DraftActor
from wirecoder.extract.common.story import Story


class PeoplePart(Protocol):
    """People (people.py): person names, titles, appositions, the same person again."""

    def is_person_name(self, tok: Token) -> bool: ...

    def adjacent_name(self, title: Token) -> Optional[Token]: ...

    def person(self, head: Token, extra_titles: Iterable[Token] = ()) -> DraftActor: ...


class PhrasesPart(Protocol):
    """NounPhrases (phrases.py): noun phrases that are no person's name, the lexicon nouns."""

    def nominal(self, tok: Token) -> Optional[DraftActor]: ...

    def noun_info(self, tok: Token) -> tuple[Optional[NounInfo], int]: ...

    def role_words(self, words: list[Token]) -> list[Token]: ...


class NamedPart(Protocol):
    """NamedActors (names.py): KB names, armed and ethnic groups, unknown organisations."""

    def known(self, tok: Token, entry: KBEntry, span_toks, words, aff: Affiliation,
              n_entry: int = 0) -> Optional[DraftActor]: ...

    def armed(self, entry: KBEntry, tok: Token) -> DraftActor: ...

    def nationals(self, tok: Token, code: str, span_toks, words) -> DraftActor: ...

    def unknown_org(self, tok: Token, ent: Span, aff: Affiliation) -> Optional[DraftActor]: ...

    def plausible_org(self, ent: Span) -> bool: ...

    def proper_phrase(self, tok: Token) -> Optional[Span]: ...

    def name_tail_end(self, tok: Token) -> int: ...

    def bare_modifier(self, tok: Token) -> Optional[DraftActor]: ...

    def coordinated_owners(self, words: list[Token], actor: DraftActor) -> None: ...


class AffiliationsPart(Protocol):
    """Affiliations (affiliation.py): whose a phrase is, from its modifiers and clauses."""

    def affiliation_of(self, words: list[Token], i: int) -> Optional[tuple[Affiliation, int]]: ...

    def through_possessor(self, words: list[Token], i: int, head: Token, owner: Token,
                          aff: Affiliation) -> tuple[Affiliation, int]: ...

    def modifier_affiliation(self, words: list[Token], head: Token) -> Affiliation: ...

    def modifier_noun_aff(self, t: Token) -> Optional[Affiliation]: ...

    def prep_affiliation(self, tok: Token) -> Affiliation: ...

    def clause_affiliation(self, head: Token) -> Affiliation: ...

    def place_affiliation(self, tok: Token) -> Optional[Affiliation]: ...

    def word_country(self, t: Token) -> Optional[str]: ...


class CorefPart(Protocol):
    """Coreference (coref.py): pronouns, "we" in quotations, definite descriptions."""

    def pronoun(self, tok: Token) -> Optional[DraftActor]: ...

    def antecedent_for_description(self, tok: Token, term: str) -> Optional[DraftActor]: ...

    def latest(self, pred: Callable[[DraftActor], bool], tok: Token, window: int) -> Optional[DraftActor]: ...

    def is_body(self, a: DraftActor) -> bool: ...


class ResolverParts(Protocol):
    """What a part of the resolver may use of the others: the shared registry, the memoised
    judge of any token (`analyse`, safe to call out of order), and each part's public methods
    (those without a leading underscore). Implemented by resolver._Resolver."""
    reg: ActorRegistry
    people: PeoplePart
    phrases: PhrasesPart
    named: NamedPart
    affiliations: AffiliationsPart
    coref: CorefPart

    def analyse(self, tok: Token) -> Optional[DraftActor]: ...


class Part:
    """One part of the actor resolver. It keeps its own helpers private, changes shared state
    only through `self.reg` (the ActorRegistry), and reaches the other parts only through
    `self.resolver` and their public methods. `kb`, `doc`, `ent_of`, `countries` and `ctx` are
    the registry's read-only context, kept here for brevity."""

    def __init__(self, resolver: ResolverParts) -> None:
        self.resolver = resolver
        self.reg = resolver.reg
        self.ctx = resolver.reg.ctx
        self.doc: Doc = resolver.reg.doc
        self.kb: ActorKB = resolver.reg.kb
        self.ent_of: dict[int, Span] = resolver.reg.ent_of
        self.countries: Story = resolver.reg.countries
