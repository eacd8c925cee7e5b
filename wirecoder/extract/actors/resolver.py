"""Who is who in one article: the actor table every other extractor points at.

`extract_actors(ctx)` walks the parsed article once, in reading order, and
gives every noun phrase that denotes an actor a single `Actor` record:

* names the knowledge base knows (states, short forms, capitals used as
  metonyms, organisations and their organs, armed groups, ethnic groups)
  -> their codes (actors/names.py);
* people introduced with a title ("Peruvian Interior Minister Rosa Quispe",
  "X, a spokeswoman for the rebels") keep country, sector and role when later
  named by surname or pronoun (actors/people.py);
* common nouns of the title/noun lexicon ("police", "crowds", "the junta")
  -> sector, with the country from an explicit modifier, else from where the
  sentence happens, else from the story (actors/phrases.py, whose-is-it clues
  in actors/affiliation.py, country from context in the story, extract/common/story.py);
* pronouns and short descriptions ("she", "it", "the ministry", "the bloc")
  -> the actor they stand for, by recency and agreement; "we" in a quotation
  is its speaker, or the body a spokesperson speaks for (actors/coref.py).

This module holds the public result (`ActorTable`) and the resolver that
ties the parts together: one pass over the tokens, each judged once
(memoised), with the head of a phrase deciding for its modifiers.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from wirecoder.data.actors import get_actor_kb
from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.actors.affiliation import Affiliations
from wirecoder.extract.actors.coref import Coreference
from wirecoder.extract.actors.names import NamedActors
from wirecoder.extract.actors.people import People
from wirecoder.extract.actors.phrases import NounPhrases
from wirecoder.extract.actors.records import ActorRegistry, DraftActor
from wirecoder.extract.common.syntax import prep_phrases
from wirecoder.extract.actors.syntax import entity_head, np_head
from wirecoder.extract.context import Context
from wirecoder.models import Actor

# Words that quantify a following "of" phrase: "thousands of supporters".
QUANTIFIERS = words("quantifiers")


class ActorTable:
    """The distinct actors of one article and where each is mentioned."""

    def __init__(self, actors: list[Actor], by_token: dict[int, Actor]) -> None:
        self.actors = actors
        self._by_token = by_token
        self._spans = sorted(((s, e, a) for a in actors for s, e in a.mentions), key=lambda x: (x[0], -x[1]))

    def for_token(self, tok: Token) -> Actor | None:
        """The actor the noun phrase headed by `tok` denotes, or None.

        A quantity word leads to its "of" phrase ("thousands of supporters");
        a modifier inside a larger actor phrase gives that phrase's actor.
        """
        actor = self._by_token.get(tok.i)
        if actor is not None:
            return actor
        if tok.lower_ in QUANTIFIERS or tok.lemma_.lower() in QUANTIFIERS or tok.pos_ == "NUM":
            for _, pobj in prep_phrases(tok, ("of",)):
                return self.for_token(pobj)
        return None

    def at_char(self, start: int, end: int) -> Actor | None:
        """The actor with a mention inside or covering [start, end); the longest mention wins."""
        best, best_len = None, -1
        for s, e, a in self._spans:
            if s >= end:
                break
            inside = start <= s and e <= end
            covering = s <= start and end <= e
            if (inside or covering) and e - s > best_len:
                best, best_len = a, e - s
        return best

    def in_span(self, start: int, end: int) -> list[Actor]:
        """Actors mentioned within [start, end), in order of first mention there."""
        out: list[Actor] = []
        for s, e, a in self._spans:
            if s >= end:
                break
            if s >= start and e <= end and all(a is not b for b in out):
                out.append(a)
        return out


def extract_actors(ctx: Context) -> ActorTable:
    """Resolve every actor mention of the article; see the module docstring."""
    return _Resolver(ctx).run()


class _Resolver:
    """Reads one article and builds its actor table. The parts split the work by kind of
    phrase, each with one job and a public method set; they share one `ActorRegistry` (the
    article's actors, history and token -> actor map, with the KB and story context) and
    reach each other only through this object (see `ResolverParts` in contract.py):

    * `people` (People): person names, titles, appositions, the same person again;
    * `phrases` (NounPhrases): noun phrases that are no person's name, the lexicon nouns;
    * `named` (NamedActors): KB names, armed and ethnic groups, unknown organisations;
    * `affiliations` (Affiliations): whose a phrase is, from its modifiers and clauses;
    * `coref` (Coreference): pronouns, "we" in quotations, definite descriptions.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.kb = get_actor_kb()
        self.ent_of: dict[int, Span] = {t.i: ent for ent in self.doc.ents for t in ent}
        self.countries = ctx.story   # country from context, shared with the other extractors
        self.reg = ActorRegistry(ctx, self.kb, self.ent_of, self.countries)
        self.people = People(self)
        self.phrases = NounPhrases(self)
        self.named = NamedActors(self)
        self.affiliations = Affiliations(self)
        self.coref = Coreference(self)

    def run(self) -> ActorTable:
        """Read the article once, in order, and return its actor table."""
        for sent in self.doc.sents:
            for tok in sent:
                self.analyse(tok)
        return self._table()

    def _table(self) -> ActorTable:
        models: list[Actor] = []
        for a in sorted(self.reg.actors, key=lambda a: min(a.mentions) if a.mentions else (10**9, 0)):
            if not a.mentions:
                continue
            a.model = Actor(name=a.name, code=a.code, country=a.country, sector=a.sector, role=a.role,
                            mentions=sorted(a.mentions))
            models.append(a.model)
        by_token = {i: a.model for i, a in self.reg.tok_actor.items() if a.model is not None}
        return ActorTable(models, by_token)

    def analyse(self, tok: Token) -> Optional[DraftActor]:
        """The actor of the phrase headed by `tok` (memoised; safe to call out of order)."""
        if tok.i in self.reg.tok_actor:
            return self.reg.tok_actor[tok.i]
        if tok.i in self.reg.done:
            return None
        self.reg.done.add(tok.i)
        actor = self._analyse(tok)
        if actor is not None:
            self.reg.tok_actor[tok.i] = actor
        return actor

    def _analyse(self, tok: Token) -> Optional[DraftActor]:
        """Dispatch one token: pronoun, part of a larger phrase, person's name, or other phrase."""
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            return self.coref.pronoun(tok)
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X") or tok.is_punct:
            return None
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            # Part of a larger phrase; the head decides. If the head is no actor,
            # the modifier may still be one on its own ("the Russian invasion").
            head = np_head(tok)
            if self.analyse(head) is None and tok.i not in self.reg.tok_actor:
                return self.named.bare_modifier(tok)
            return self.reg.tok_actor.get(tok.i)
        ent = self.ent_of.get(tok.i)
        if ent is not None and ent.label_ == "PERSON" and tok.i != entity_head(ent).i and tok.pos_ == "PROPN":
            return None   # the last token of a name is its head
        # A title noun with a person in apposition: "the mayor's spokesman, Pavel Novak".
        if tok.pos_ == "NOUN":
            info = self.phrases.noun_info(tok)[0]
            if info is not None and info.person:
                for child in list(tok.children) + [self.people.adjacent_name(tok)]:
                    if child is not None and (child.dep_ == "appos" or child.head.i != tok.i) \
                            and self.people.is_person_name(child) and child.i not in self.reg.tok_actor:
                        actor = self.people.person(child, extra_titles=[tok])
                        self.reg.map_np(tok, actor)
                        return actor
        if self.people.is_person_name(tok):
            return self.people.person(tok)
        return self.phrases.nominal(tok)
