"""The story: what an article as a whole says about when and where, built once per article
in `pipeline.prepare_context` and read by every extractor as `ctx.story`.

- when: the reference date relative expressions count from, and where it came from
  (`reference_source`: published, dateline, text or unknown);
- the dateline the story is filed under (one pattern, `common.dateline`, shared with ingest);
- where: which state a place token names, the country a generic noun ("police", "the
  ministry") takes from its phrase, sentence or story, and the story's countries: dominant
  (most mentions), home (dominant and clearly so), dateline and focus (the events' view:
  most mentioned state among actors and places).

Counts are computed on first use, once: they depend on the text, the headline, the place
table (set right after places are resolved) and, for the focus country, the actor table.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from wirecoder.data.actors import ActorKB, get_actor_kb
from wirecoder.extract.common.dateline import Dateline, find_dateline
from wirecoder.extract.common.lookups import ActorLookup, PlaceLookup
from wirecoder.extract.common.settings import DOMINANT_SHARE
from wirecoder.extract.common.syntax import prep_phrases
from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.time import dateline_reference_date
from wirecoder.models import Article, ReferenceSource



LOCATIVE_PREPS = words("locative_preps")
MOTION_PREPS = words("motion_preps")
MOTION_VERBS = words("motion_verbs")
LOCAL_NOUN_PREPS = words("local_noun_preps")
STATIC_PREPS = words("static_preps")
PLACE_PART_NOUNS = words("place_part_nouns")
ROUTE_NOUNS = words("route_nouns")

_UNSET = object()


class Story:
    """One article's story-level facts (see the module docstring)."""

    def __init__(self, article: Article, doc: Doc, published: date | None = None,
                 kb: ActorKB | None = None) -> None:
        self.article = article
        self.doc = doc
        self.kb = kb if kb is not None else get_actor_kb()
        self.dateline: Dateline | None = find_dateline(article.text or "")
        self.reference_date, self.reference_source = reference(article, published)
        self.places: Optional[PlaceLookup] = None   # set once places are resolved
        self.actors: Optional[ActorLookup] = None   # set once actors are resolved
        self.ent_of: dict[int, Span] = {t.i: ent for ent in doc.ents for t in ent}
        self._counts: Optional[Counter] = None
        self._country_first: dict[str, int] = {}
        self._dateline_country = _UNSET
        self._titled: Optional[list[str]] = None

    def in_dateline(self, tok: Token) -> bool:
        """Is the token part of the dateline's place ("LUSAKA" in "LUSAKA (Reuters) -")?
        A place a story is filed from is no actor."""
        line = self.dateline
        return line is not None and line.place_span[0] <= tok.idx < line.place_span[1]

    def _dateline_token(self) -> Optional[Token]:
        if self.dateline is None:
            return None
        span = self.doc.char_span(*self.dateline.place_span, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def focus_country(self) -> Optional[str]:
        """The country the events are about: the state most mentioned among the article's
        actors and places, when one leads outright; else None."""
        counts: Counter = Counter()
        if self.actors is not None:
            for a in self.actors.actors:
                code = a.country or a.code
                if code and len(code) == 3 and code.isupper():
                    counts[code] += len(a.mentions) or 1
        if self.places is not None:
            for p in self.places.places:
                if p.country:
                    counts[p.country] += len(p.mentions) or 1
        if not counts:
            return None
        (top, n), *rest = counts.most_common(2) + [(None, 0)]
        return top if n > rest[0][1] else None

    def place_country(self, tok: Token, states_only: bool = False) -> Optional[str]:
        """ISO3 of the place a token names: from the KB (states, capitals), else the article's
        place table when there is one, else the gazetteer's best entry for the name.
        `states_only`: only a token the place table resolved to a country ("sanctions on
        Iran"), for the event coder, which must not take a city for its state."""
        if states_only:
            place = self.places.at_char(tok.idx, tok.idx + len(tok.text)) if self.places is not None else None
            return place.country if place is not None and place.feature == "country" and place.country else None
        ent = self.ent_of.get(tok.i)
        text = ent.text if ent is not None else tok.text
        entry = self.kb.lookup(text)
        if entry is not None and entry.kind in ("state", "capital") and entry.country:
            return entry.country   # a state, capital or seat ("the White House") the KB knows
        places = self.places
        if places is not None:
            p = places.at_char(tok.idx, tok.idx + len(tok))
            return p.country if p is not None else None
        if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
            return gazetteer_country(text)
        return None

    def np_place_country(self, tok: Token) -> Optional[str]:
        """A place inside the phrase: "residents of Lusaka", "Kurds in Syria"."""
        for _, pobj in prep_phrases(tok, LOCAL_NOUN_PREPS):
            c = self.place_country(pobj)
            if c:
                return c
        return None

    def context_country(self, tok: Token, sentence: bool = True) -> Optional[str]:
        """Country for a generic noun: a place in its phrase, else (when `sentence`) a place where
        its sentence happens, else the article's. Officials, ministries and delegations pass
        sentence=False: they meet and speak in other states' capitals ("talks in Muscat")."""
        c = self.np_place_country(tok)
        if c:
            return c
        if sentence:
            c = self.sentence_place_country(tok)
            if c:
                return c
        return self.dominant_country()

    def sentence_place_country(self, tok: Token) -> Optional[str]:
        """The country of the nearest place where the sentence's action happens ("in Quito", "near
        the town of Djibo") -- not where something goes or comes from ("pushed migrants into
        Poland"), and not the place of an exile ("an opposition leader living in exile in Vilnius")."""
        sent = tok.sent
        if any(t.lemma_.lower() in ("exile", "exiled") for t in sent):
            return None
        best, best_d = None, None
        for t in sent:
            if t.i == tok.i or t.pos_ != "PROPN":
                continue
            node = t
            while node.dep_ in ("conj", "appos", "compound") and node.head.i != node.i:
                node = node.head
            if not (node.dep_ == "pobj" and (node.head.lower_ in STATIC_PREPS
                                             or node.head.lower_ == "of" and is_locative(node))):
                continue
            c = self.place_country(t)
            if c:
                d = abs(t.i - tok.i)
                if best_d is None or d < best_d:
                    best, best_d = c, d
        return best

    def dominant_country(self) -> Optional[str]:
        """The country the article is mostly about: most mentions, ties to the earliest."""
        counts = self._country_counts()
        if not counts:
            return None
        first = self._country_first
        return max(counts, key=lambda c: (counts[c], -first.get(c, 0)))

    def dateline_country(self) -> Optional[str]:
        """The country of the dateline the story is filed under ("LUSAKA, Feb 6 -", "WASHINGTON
        (Reuters) -"), if it has one."""
        if self._dateline_country is _UNSET:
            self._dateline_country = None
            tok = self._dateline_token()
            if tok is not None:
                self._dateline_country = self.place_country(tok)
        return self._dateline_country

    def home_country(self) -> Optional[str]:
        """The country a story is about, when it is clearly one: the dominant country if it has
        most of the state mentions or is the first state the headline names (the story's
        protagonist: "Mali Junta Ends Mining Deal With Canada"); else None."""
        dominant = self.dominant_country()
        if dominant is None:
            return None
        titled = self._title_countries()
        if self._dominant_share() > DOMINANT_SHARE or (titled and titled[0] == dominant):
            return dominant
        return None

    def _dominant_share(self) -> float:
        """How much of the article's state mentions the dominant country has (0..1)."""
        counts = self._country_counts()
        total = sum(counts.values())
        return counts[self.dominant_country()] / total if total else 0.0

    def _country_counts(self) -> Counter:
        """Mentions per country: places (states, cities), nationality words (half a place) and the
        headline (twice a place: it says what the story is about)."""
        if self._counts is not None:
            return self._counts
        counts: Counter = Counter()
        first: dict[str, int] = {}
        places = self.places
        used_places = False
        if places is not None:
            for p in places.in_span(0, len(self.article.text)):
                if p.country:
                    mentions = p.mentions or [(0, 0)]
                    counts[p.country] += len(mentions)
                    first[p.country] = min(first.get(p.country, 10**9), min(m[0] for m in mentions))
                    used_places = True
        if not used_places:
            for ent in self.doc.ents:
                if ent.label_ not in ("GPE", "LOC"):
                    continue
                e = self.kb.lookup(ent.text)
                if e is not None and e.kind in ("state", "capital") and e.country:
                    counts[e.country] += 1
                    first.setdefault(e.country, ent.start_char)
        for tok in self.doc:
            code = self.kb.demonym(tok.text) if tok.ent_type_ == "NORP" else None
            if code:
                counts[code] += 0.5
                first.setdefault(code, tok.idx)
        for code in self._title_countries():
            counts[code] += 2
            first.setdefault(code, -1)
        self._counts, self._country_first = counts, first
        return counts

    def _title_countries(self) -> list[str]:
        """States the headline names (by name, capital or nationality word); read once per article."""
        if self._titled is not None:
            return self._titled
        title = self.article.title or ""
        caps = re.findall(r"[A-Z][\w'\u2019.-]*", title)
        out: list[str] = []
        i = 0
        while i < len(caps):
            for n in (3, 2, 1):
                phrase = " ".join(caps[i:i + n])
                e = self.kb.lookup(phrase) if len(caps[i:i + n]) == n else None
                code = (e.country if e is not None and e.kind in ("state", "capital") else None) \
                    or (self.kb.demonym(phrase) if n == 1 else None)
                if code:
                    out.append(code)
                    i += n
                    break
            else:
                i += 1
        self._titled = out
        return out


def is_locative(tok: Token) -> bool:
    """Is this state/capital name the place of something rather than a participant?"""
    node = tok
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj":
        return node.dep_ in ("npadvmod",)
    prep = node.head
    p = prep.lower_
    if p not in LOCATIVE_PREPS:
        return False
    if p in ("of", "on"):
        # "the capital of Iran" is a place; "sanctions on Iran", "the army of Iran" are not.
        return prep.head.lemma_.lower() in PLACE_PART_NOUNS
    if p in MOTION_PREPS and p not in ("from",):
        verb = prep.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in ("ROOT",):
            verb = verb.head
        return verb.lemma_.lower() in MOTION_VERBS or (
            prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in ROUTE_NOUNS)
    if p == "from":
        verb = prep.head
        return verb.lemma_.lower() in MOTION_VERBS
    return True


@lru_cache(maxsize=4096)
def gazetteer_country(name: str) -> Optional[str]:
    """Country of the gazetteer's first-ranked place of this name (None if the gazetteer is absent)."""
    try:
        from wirecoder.data.gazetteer import get_gazetteer

        hits = get_gazetteer().lookup(name)
    except Exception:   # gazetteer not built: context country then comes from the KB alone
        return None
    return hits[0].country if hits else None


def reference(article: Article, published: date | None = None) -> tuple[date | None, ReferenceSource]:
    """The date relative expressions count from, and its source: --published or the
    article's own date (published), else the dateline's date with the year the text gives
    (dateline); None (unknown) rather than a guess."""
    if published is not None:
        return published, "published"
    if article.published is not None:
        return article.published, "published"
    found = dateline_reference_date(article.text or "", find_dateline(article.text or ""))
    return (found, "dateline") if found is not None else (None, "unknown")
