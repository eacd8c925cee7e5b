"""Who is who in one article: the actor table every other extractor points at.

`extract_actors(ctx)` walks the parsed article once, in reading order, and
gives every noun phrase that denotes an actor a single `Actor` record:

* names the knowledge base knows (states, short forms, capitals used as
  metonyms, organisations and their organs) -> their codes;
* people introduced with a title ("Armenian Prime Minister Nikol Pashinian",
  "X, a spokesman for the junta") keep country, sector and role when later
  named by surname or pronoun;
* common nouns of the title/noun lexicon ("police", "crowds", "the junta")
  -> sector, with the country taken from an explicit modifier ("Pakistani
  police", "Niger's army", "French and German troops" -> the first), else
  from a place where the sentence happens ("clashes in Quito", not "pushed
  into Poland"), else from the article's dominant country. Ministries,
  officials and delegations skip the sentence's place: they meet abroad;
* a titled official with no state in their introduction (title, apposition,
  "who has ruled Belarus") takes the dateline's country, else the story's
  country when the story is clearly about one, else none: a wrong state is
  worse than none. Mayors and governors are of the place the story is in;
* armed groups are coded by the state where the story puts them, among the
  states the KB says they fight in (JNIM in a Burkina Faso story is BFA);
  "the group", "the militants" point back to them;
* pronouns and short descriptions ("she", "it", "the ministry", "the bloc")
  -> the actor they stand for, by recency and agreement; a news agency that
  only relays a statement is no antecedent ("..., TASS reported. It added").
  "we" in a quotation is its speaker, or the body a spokesperson speaks for.

Coreference is deliberately simple and article-scoped (no model weights):
he/she -> the latest person of compatible gender, preferring the subject of
the reporting clause; it/its -> the latest state or body; they -> the latest
plural group; "the <noun>" -> the latest actor named with that noun.
Ethnic groups are not states: "ethnic Armenians in Azerbaijan" is coded by
the country the text places them in (AZE), and null when it names none.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from wirecoder.data.actors import ActorKB, KBEntry, NounInfo, get_actor_kb
from wirecoder.extract.context import Context
from wirecoder.models import Actor

# Prepositions whose object is a place, not a participant: "protests in
# Yerevan", "flew to Niamey". "to"/"toward" count only after a verb of motion,
# because "aid to Pakistan" and "a letter to Moscow" do name a participant.
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "within",
                  "around", "along", "through", "into", "over", "across", "beyond", "off",
                  "between", "via", "onto", "towards", "toward", "to", "from", "of", "on"}
MOTION_PREPS = {"to", "toward", "towards", "into", "from", "via", "through", "across", "onto", "of", "on"}
MOTION_VERBS = {"fly", "travel", "go", "come", "return", "arrive", "head", "move", "march", "flee",
                "drive", "walk", "sail", "relocate", "transfer", "evacuate", "deploy", "send",
                "cross", "enter", "leave", "bring", "take", "carry", "ship", "airlift", "escape",
                "land", "reach", "visit", "withdraw", "retreat", "advance", "push", "stretch",
                "spread", "extend", "lead", "run", "flow", "rise", "fall", "pour", "stream",
                "commute", "migrate", "trek", "journey", "expel", "deport", "slip", "smuggle"}
# Words that quantify a following "of" phrase: "thousands of supporters".
QUANTIFIERS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
               "scores", "score", "number", "group", "some", "many", "most", "several", "few", "all",
               "majority", "crowd", "handful", "team", "member", "members", "one", "two", "three",
               "tens", "none", "each", "both", "any", "half", "part", "rest", "minority", "bunch"}
HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
              "dr": None, "dr.": None, "sir": "m", "dame": "f", "lady": "f", "lord": "m"}
SPEECH_VERBS = {"say", "tell", "add", "state", "announce", "claim", "insist", "warn", "write", "note",
                "declare", "deny", "confirm", "argue", "explain", "report", "vow", "pledge",
                "promise", "stress", "emphasize", "emphasise", "repeat", "reiterate", "urge",
                "accuse", "suggest", "believe", "think", "hope", "fear", "acknowledge", "admit",
                "allege", "assert", "maintain", "predict", "signal", "indicate", "threaten"}
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
IT_PRONOUNS = {"it", "its", "itself"}
THEY_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
_QUOTE_RE = re.compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"\n]*\"")
LOCAL_NOUN_PREPS = {"in", "of", "at", "from"}   # "residents of Niamey", "farmers in Sindh"
COUNTRY_NOUNS = {"country", "nation", "kingdom", "republic", "emirate"}
# Modifiers that say a group is not of one country: "world leaders", "foreign diplomats".
NON_LOCAL_MODIFIERS = {"world", "international", "foreign", "western", "global", "regional", "donor",
                       "european", "african", "arab", "asian", "latin", "multinational", "overseas"}
# Words in an unknown organisation's name that say it is not a local body.
INTERNATIONAL_WORDS = {"united", "nations", "global", "transnational", "intergovernmental"}
# Sectors a generic noun takes the context country for. International bodies
# (IGO) and aid groups (NGO) do not belong to the country they work in.
LOCAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "MED", "BUS", "REL",
                 "EDU", "HLH"}
# Nouns that point back to an armed group once it is named: "the group", "the militants".
ARMED_NOUNS = {"group", "movement", "militia", "militant", "rebel", "insurgent", "jihadist", "organisation",
               "organization", "faction", "outfit"}
# Titles of people who speak for a body: their "we" is the body ("we urge", said a UN spokesperson).
VOICE_ROLES = {"spokesman", "spokeswoman", "spokesperson", "representative", "press secretary"}
# Prepositions of where something happens (not where it goes): "clashes in Quito".
STATIC_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "around", "along",
                "off", "outside"}
# Sectors whose people and bodies do not belong to the place they are in: a delegation
# meets in Muscat, a minister speaks in Geneva.
OFFICIAL_SECTORS = {"GOV", "LEG", "JUD", "IGO"}
# A titled official with no state named takes the article's main country only when the
# story is mostly (more than this share of its state mentions) about that country.
DOMINANT_SHARE = 0.5
# Verbs of a relative clause that say whom a person works for ("who heads the junta").
LEAD_VERBS = {"rule", "lead", "head", "run", "govern", "coordinate", "direct", "manage", "chair", "command",
              "represent", "serve", "work", "oversee", "coordinate", "advise"}
# Owners whose sector beats a government-like head noun: a rebel group's delegation is REB.
OWNER_SECTORS = {"REB", "OPP", "PTY", "IGO", "NGO"}
# How far back (sentences) a pronoun or a definite description looks.
PRONOUN_WINDOW = 3
DESCRIPTION_WINDOW = 12


@dataclass
class _Actor:
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
    affiliate: Optional["_Actor"] = None   # the body a spokesperson speaks for ("we" in their quote)
    model: Optional[Actor] = None

    def add_mention(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))

    def offer_name(self, name: str, rank: int) -> None:
        name = name.strip()
        if name and (rank, len(name)) > (self.name_rank, len(self.name)):
            self.name, self.name_rank = name, rank


@dataclass
class _Affiliation:
    """What the modifiers of a phrase say about whom it belongs to."""
    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    explicit: bool = False
    place: bool = False            # the clue is a place ("Baidoa's camps"), not an owner


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
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
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
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.kb: ActorKB = get_actor_kb()
        self.actors: list[_Actor] = []
        self.by_key: dict[tuple, _Actor] = {}
        self.tok_actor: dict[int, _Actor] = {}
        self.history: list[tuple[int, _Actor, Token]] = []   # (token index, actor, head) in reading order
        self.done: set[int] = set()
        self.ent_of: dict[int, Span] = {}
        for ent in self.doc.ents:
            for t in ent:
                self.ent_of[t.i] = ent
        self._counts: Optional[Counter] = None
        self._country_first: dict[str, int] = {}

    # -- driver ---------------------------------------------------------------------
    def run(self) -> ActorTable:
        for sent in self.doc.sents:
            for tok in sent:
                self.analyse(tok)
        return self._table()

    def _table(self) -> ActorTable:
        models: list[Actor] = []
        for a in sorted(self.actors, key=lambda a: min(a.mentions) if a.mentions else (10**9, 0)):
            if not a.mentions:
                continue
            a.model = Actor(name=a.name, code=a.code, country=a.country, sector=a.sector, role=a.role,
                            mentions=sorted(a.mentions))
            models.append(a.model)
        by_token = {i: a.model for i, a in self.tok_actor.items() if a.model is not None}
        return ActorTable(models, by_token)

    # -- one token ------------------------------------------------------------------
    def analyse(self, tok: Token) -> Optional[_Actor]:
        """The actor of the phrase headed by `tok` (memoised; safe to call out of order)."""
        if tok.i in self.tok_actor:
            return self.tok_actor[tok.i]
        if tok.i in self.done:
            return None
        self.done.add(tok.i)
        actor = self._analyse(tok)
        if actor is not None:
            self.tok_actor[tok.i] = actor
        return actor

    def _analyse(self, tok: Token) -> Optional[_Actor]:
        if tok.pos_ in ("PRON",) or tok.tag_ in ("PRP", "PRP$"):
            return self._pronoun(tok)
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X") or tok.is_punct:
            return None
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            # Part of a larger phrase; the head decides. If the head is no actor,
            # the modifier may still be one on its own ("the Russian invasion").
            head = self._np_head(tok)
            if self.analyse(head) is None and tok.i not in self.tok_actor:
                return self._bare_modifier(tok)
            return self.tok_actor.get(tok.i)
        ent = self.ent_of.get(tok.i)
        if ent is not None and ent.label_ == "PERSON" and tok.i != _ent_last(ent).i and tok.pos_ == "PROPN":
            return None   # the last token of a name is its head
        # A title noun with a person in apposition: "Guterres's spokesperson, Stephane Dujarric".
        if tok.pos_ == "NOUN":
            info = self._noun_info(tok)[0]
            if info is not None and info.person:
                for child in list(tok.children) + [self._adjacent_name(tok)]:
                    if child is not None and (child.dep_ == "appos" or child.head.i != tok.i) \
                            and self._is_person_name(child) and child.i not in self.tok_actor:
                        actor = self._person(child, extra_titles=[tok])
                        self._map_np(tok, actor)
                        return actor
        if self._is_person_name(tok):
            return self._person(tok)
        return self._nominal(tok)

    # -- people ---------------------------------------------------------------------
    def _is_person_name(self, tok: Token) -> bool:
        if tok.pos_ != "PROPN":
            return False
        ent = self.ent_of.get(tok.i)
        if ent is not None and self.kb.lookup(ent.text) is not None:
            return False
        if self.kb.lookup(tok.text) is not None or self.kb.demonym(tok.text):
            return False
        if ent is not None and ent.label_ == "PERSON" and _named_place(tok) and (
                len(ent) == 1 or tok.head.lower_ == "of"):
            return False   # "near the town of Jowhar": a place the tagger took for a name
        if ent is not None and ent.label_ == "PERSON":
            return True
        if ent is not None and ent.label_ not in ("ORG", "GPE", "NORP", "PERSON") and ent.label_:
            return False
        # A surname we already know, whatever the tagger made of it.
        if self._known_person(tok.text) is not None:
            return True
        if self.kb.noun(tok.lemma_) is not None or self.kb.noun(tok.text) is not None:
            return False
        # A proper name right after a personal title or honorific ("Chancellor Olaf Scholz",
        # "Mr Tinubu"), even when the tagger called it an organisation.
        pre = self._left_modifiers(tok)
        for t in reversed(pre):
            if t.lower_ in HONORIFICS:
                return True
            info = self.kb.noun(t.lemma_) or self.kb.noun(t.text)
            if info is not None and info.person and t.i < tok.i and (ent is None or t.i < ent.start):
                return True
        return False

    def _adjacent_name(self, title: Token) -> Optional[Token]:
        """ "<title phrase>, <Name>": the name right after a title and a comma, whatever the parse."""
        doc = self.doc
        nxt = title.i + 1
        if nxt + 1 >= len(doc) or doc[nxt].text != "," or self.kb.noun(title.lemma_) is None:
            return None
        ent = self.ent_of.get(nxt + 1)
        if ent is None or ent.label_ != "PERSON" or ent.start != nxt + 1:
            return None
        last = _ent_last(ent)
        after = last.i + 1
        if after < len(doc) and doc[after].pos_ in ("NOUN", "PROPN") and doc[after].dep_ != "appos":
            return None
        return last

    def _known_person(self, surname: str) -> Optional[_Actor]:
        key = re.sub(r"['\u2019]s?$", "", surname.lower())
        for a in reversed(self.actors):
            if a.kind == "person" and (key in a.surnames or a.name.lower() == key):
                return a
        # Names written family name first ("Xi Jinping" ... "Xi said").
        for a in reversed(self.actors):
            if a.kind == "person" and key in a.name_parts:
                return a
        return None

    def _name_tokens(self, head: Token) -> list[Token]:
        """The tokens of the person's name: the PERSON entity ending at head, titles stripped."""
        ent = self.ent_of.get(head.i)
        if ent is not None and ent.label_ == "PERSON":
            toks = [t for t in ent if not (t.is_punct and t.text != "-") and t.tag_ != "POS"]
        else:
            toks = [head]
            left = head.i - 1
            while left >= 0 and self.doc[left].dep_ == "compound" and self.doc[left].head == head \
                    and self.doc[left].pos_ == "PROPN" and self.doc[left].is_title:
                toks.insert(0, self.doc[left])
                left -= 1
        # Titles the tagger swallowed into the name ("President Bazoum").
        while len(toks) > 1 and (self.kb.noun(toks[0].text) is not None or toks[0].lower_ in HONORIFICS
                                 or self.kb.demonym(toks[0].text)):
            toks = toks[1:]
        return toks

    def _person(self, head: Token, extra_titles: Iterable[Token] = ()) -> _Actor:
        names = self._name_tokens(head)
        name = _join(names)
        surname = names[-1].text
        gender = None
        # Titles: everything left of the name inside the phrase, appositions that are
        # title nouns, and a title noun the name is in apposition to.
        title_heads = list(extra_titles)
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and not self._is_person_name(child):
                info = self._noun_info(child)[0]
                if info is not None:
                    title_heads.append(child)
            elif child.dep_ == "appos" and (child.lower_ in ("one", "member", "head") or child.pos_ == "NUM"):
                # "Issoufou Garba, one of the rally's organisers"
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj" and self._noun_info(pobj)[0] is not None:
                                title_heads.append(pobj)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head not in title_heads:
            info = self._noun_info(head.head)[0]
            if info is not None and info.person:
                title_heads.append(head.head)
        pre = [t for t in self._left_modifiers(head) if t.i < names[0].i]
        for t in pre:
            if t.lower_ in HONORIFICS:
                gender = HONORIFICS[t.lower_] or gender
        aff, role, sector, info_gender, title_country, local = self._title(pre, head)
        # "Mr. Smith of the IMF", "Jane Doe from the World Food Programme"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "at"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        owner = self.analyse(pobj)
                        if owner is not None and owner.kind in ("org", "organ", "state") and owner.code:
                            aff = _merge_aff(aff, _Affiliation(owner.code, owner.country,
                                                               None if owner.kind == "state" else owner.sector,
                                                               True))
        all_roles = [role] if role else []
        for th in title_heads:
            th_aff, th_role, th_sector, th_gender, th_country, th_local = self._title_np(th)
            local = local or (th_local and not role)
            aff = _merge_aff(aff, th_aff)
            all_roles += [th_role] if th_role else []
            role = role or th_role
            sector = sector or th_sector
            info_gender = info_gender or th_gender
            title_country = title_country or th_country
        gender = gender or info_gender

        existing = self.by_key.get(("person", name.lower())) or self._known_person(surname)
        if existing is not None and len(names) > 1 and len(existing.name.split()) > 1 \
                and _flat(existing.name) != _flat(name):
            existing = None   # same surname, another first name: another person (Ilham / Heydar Aliyev)
        if existing is not None:
            actor = existing
        else:
            actor = self._new(("person", name.lower()), "person", name)
            actor.surnames.add(surname.lower())
            actor.name_parts.update(t.lower_ for t in names[:-1] if len(t.text) > 1)
        actor.offer_name(name, 3 + len(names))
        actor.gender = actor.gender or gender
        if role and not actor.role:
            actor.role = role
        for r in all_roles:   # so that "the minister", "the spokeswoman" can point back to this person
            actor.terms.update({r.lower(), r.lower().split()[-1]})
        if sector and not actor.sector:
            actor.sector = sector
        if not (aff.code or aff.country) and actor.code is None:
            # "President X, who has ruled Belarus since 1994", "Y, who coordinates the WFP operation"
            aff = _merge_aff(aff, self._clause_affiliation(head))
        if aff.code or aff.country:
            if not actor.code or aff.explicit:
                actor.code, actor.country = aff.code, aff.country
                if aff.sector and not actor.sector:
                    actor.sector = aff.sector
            if self.kb.is_org_code(aff.code) and aff.sector in ("IGO", "NGO") and actor.sector == "GOV":
                actor.sector = aff.sector   # a UN envoy, an ECOWAS commissioner: the body's sector
        elif actor.code is None and (role or sector):
            if title_country:
                actor.code = title_country
                actor.country = None if self.kb.is_org_code(title_country) else title_country
            elif local:
                # A mayor or governor is of the place where the story happens.
                actor.code = actor.country = self._context_country(head)
            elif sector in OFFICIAL_SECTORS or sector == "MIL" and role:
                # A titled official with no state named in the introduction ("President X"):
                # wire copy leaves the officials of its dateline's country unqualified
                # ("WASHINGTON - President Joe Biden"); else the story's country when the
                # story is clearly about one; else unknown -- a wrong state is worse than none.
                country = self._np_place_country(head) or self._dateline_country() or self._home_country()
                actor.code = actor.country = country
            elif sector in LOCAL_SECTORS or sector is None:
                actor.code = actor.country = self._context_country(head)
        if actor.sector is None and aff.sector:
            actor.sector = aff.sector
        # The mention: the whole phrase, titles included (not a dash before it: "(Reuters) - President X").
        while pre and (pre[0].is_punct or pre[0].dep_ == "det"):
            pre = pre[1:]
        start = min([t.idx for t in pre] + [names[0].idx])
        end = head.idx + len(head)
        actor.add_mention(start, end)
        self._note(head, actor)
        for t in pre + names:
            self.tok_actor.setdefault(t.i, actor)
            self.done.add(t.i)
        for th in title_heads:
            self._map_np(th, actor)
        if actor.affiliate is None:
            actor.affiliate = self._affiliate(actor, pre, title_heads)
        return actor

    def _affiliate(self, person: _Actor, pre: list[Token], title_heads: list[Token]) -> Optional[_Actor]:
        """The body named in a person's title ("a spokesman for the army", "UN spokesperson"):
        a body before a state ("Russian Foreign Ministry spokeswoman" speaks for the ministry)."""
        toks = list(pre) + [t for th in title_heads for t in th.subtree]
        found = [self.tok_actor[t.i] for t in toks if t.i in self.tok_actor]
        found = [a for a in found if a is not person and a.kind != "person"
                 and (a.kind != "group" or self._is_body(a))]
        bodies = [a for a in found if a.kind != "state"]
        return (bodies or found or [None])[0]

    def _title(self, pre: list[Token], head: Token):
        """Affiliation, role, sector, gender and the title's own country from tokens left of a name."""
        aff = _Affiliation()
        role = sector = gender = title_country = None
        local = False
        if not pre:
            return aff, role, sector, gender, title_country, False
        words = [t for t in pre if t.lower_ not in HONORIFICS and t.dep_ not in ("det", "punct", "case")
                 and t.tag_ != "POS" and not (t.is_punct and t.text != "-")]
        # Country, organisation and owner modifiers.
        title_words: list[Token] = []
        org_owner: Optional[_Actor] = None
        # "his Saudi counterpart" belongs to the other side: "his" says nothing about whose.
        counterpart = any(w.lemma_.lower() == "counterpart" for w in words)
        i = 0
        while i < len(words):
            t = words[i]
            owner = _poss_root(t, head)
            if owner is not None and counterpart and owner.pos_ == "PRON":
                i += 1
                continue
            if owner is not None:
                # A possessor phrase is one unit: "UN Secretary-General Antonio Guterres's".
                a = self._owner_affiliation(owner)
                if a is not None:
                    aff = _merge_aff(aff, a)
                while i < len(words) and _same(_poss_root(words[i], head), owner):
                    i += 1
                continue
            found = self._affiliation_of(words, i)
            if found is not None:
                a, n = found
                aff = _merge_aff(aff, a)
                if not (a.code or a.country):
                    # An organ without its state ("army", "Foreign Ministry") is part of
                    # the title: "army spokesman", "Foreign Ministry spokeswoman".
                    title_words.extend(words[i:i + n])
                i += n
                continue
            org = self._ent_org(t) if t.dep_ in ("compound", "nmod", "amod", "poss") else None
            if org is not None:
                # A body the KB does not know, named before the title: "a CONAIE leader". Its
                # country counts only when its name says it ("House Speaker" says no state).
                if not org.guessed:
                    aff = _merge_aff(aff, _Affiliation(org.code, org.country, org.sector, True))
                org_owner = org
                i += 1
                continue
            title_words.append(t)
            i += 1
        if title_words:
            text = _join(title_words)
            info = None
            for k in range(len(title_words)):
                cand = self.kb.noun(_join(title_words[k:]))
                if cand is not None and cand.person:
                    info = cand
                    break
            if info is None:
                info = self.kb.noun(title_words[-1].lemma_) or self.kb.noun(title_words[-1].text)
            if info is not None:
                role = _role_text(_join(self._role_words(title_words)), info)
                sector = info.sector
                gender = info.gender
                title_country = info.country
                local = info.local
                n_term = len(info.term.replace("-", " - ").split())
                for t in title_words[: max(len(title_words) - n_term, 0)]:
                    m = self._modifier_noun_aff(t)
                    if m is None:
                        continue
                    if m.code or m.country:
                        aff = _merge_aff(aff, m)
                    if m.sector and (info.weak or sector is None):
                        sector = m.sector
                if not (aff.code or aff.country):
                    # "army chief X", "army spokesman Y" after "Sudan's army" was named: that army.
                    for t in title_words[max(len(title_words) - n_term, 0):-1]:
                        m = self._modifier_noun_aff(t)
                        if m is not None and (m.code or m.country):
                            aff = _merge_aff(aff, m)
                            break
                if org_owner is not None and info.weak:
                    sector = org_owner.sector   # a leader of a union is no government official
        return aff, role, sector, gender, title_country, local

    def _ent_org(self, t: Token) -> Optional[_Actor]:
        """The organisation an ORG entity ending at `t` names, when the KB does not know it."""
        ent = self.ent_of.get(t.i)
        if ent is None or ent.label_ != "ORG" or _ent_last(ent).i != t.i or self.kb.lookup(ent.text) is not None:
            return None
        if t.i in self.tok_actor:
            a = self.tok_actor[t.i]
            return a if a.kind == "org" else None
        return self._unknown_org(t, ent, _Affiliation()) if self._plausible_org(ent) else None

    def _title_np(self, noun: Token):
        """Affiliation, role, sector, gender, country of a title noun phrase ("a spokesman for the junta")."""
        aff, role, sector, gender, country, local = self._title(self._left_modifiers(noun) + [noun], noun)
        org_owner = None
        # Owner in a prepositional phrase or possessive: "spokesman for the junta",
        # "commissioner of ECOWAS", "Guterres's spokesperson".
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "to", "with", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        owner = self.analyse(pobj)
                        if owner is not None and (owner.kind != "person" or owner.code):
                            # A state says whose, not which branch: "envoy of Qatar" keeps its own.
                            sector_of = None if owner.kind == "state" else owner.sector
                            aff = _merge_aff(aff, _Affiliation(owner.code, owner.country, sector_of, True))
                            if owner.kind == "org" and not owner.armed and owner.sector is None:
                                org_owner = owner
                        elif owner is None:
                            a = self._place_affiliation(pobj)
                            if a is not None:
                                aff = _merge_aff(aff, a)
        if sector is None and aff.sector:
            sector = aff.sector
        elif sector is not None and aff.sector and self.kb.noun(noun.lemma_) is not None \
                and self.kb.noun(noun.lemma_).weak:
            sector = aff.sector
        elif org_owner is not None and self.kb.noun(noun.lemma_) is not None and self.kb.noun(noun.lemma_).weak:
            sector = None   # "a leader of CONAIE": a body of unknown kind, but no government
        self.done.add(noun.i)
        return aff, role, sector, gender, country, local

    def _affiliation_of(self, words: list[Token], i: int) -> Optional[tuple[_Affiliation, int]]:
        """If words[i:] starts with a country/organisation/owner, its affiliation and length."""
        t = words[i]
        if t.dep_ == "poss":
            a = self._owner_affiliation(t)
            if a is not None:
                return a, 1
        code = self.kb.demonym(t.text)
        if code and (t.pos_ in ("ADJ", "PROPN") or t.ent_type_ == "NORP"):
            return _Affiliation(code, code, None, True), 1
        # The longest KB name starting here ("European Union", "U.S.").
        for n in range(min(6, len(words) - i), 0, -1):
            span = words[i:i + n]
            if any(s.i - span[0].i != k for k, s in enumerate(span)):
                continue
            entry = self.kb.lookup(_join(span))
            if entry is None or entry.kind in ("ethnic",):
                continue
            if entry.kind == "organ" and not entry.code:
                # "Foreign Ministry spokesman": the organ gives the sector only.
                return _Affiliation(None, None, entry.sector, False), n
            if entry.kind == "armed":
                group = self._armed(entry, span[-1])
                self._mention(group, span[-1], span)
                return _Affiliation(group.code, group.country, group.sector, True), n
            if entry.kind in ("state", "capital", "demonym", "org", "organ"):
                # A state says whose, not which branch; a seat or body also says which
                # ("Kremlin spokesman" GOV, "Pentagon official" MIL).
                sector = entry.sector if entry.kind in ("org", "organ", "capital") else None
                if entry.kind == "org" and not entry.country:
                    # "the ECOWAS commissioner": the organisation is mentioned too, and
                    # "the bloc" later may point back to it.
                    org = self._org(entry, None)
                    self._mention(org, span[-1], span)
                return _Affiliation(entry.code, entry.country, sector, True), n
        return None

    def _owner_affiliation(self, poss: Token) -> Optional[_Affiliation]:
        """Affiliation given by a possessor: "Azerbaijan's", "Guterres's", "the ministry's"."""
        owner = self.analyse(poss)
        if owner is None:
            return self._place_affiliation(poss)
        if not (owner.code or owner.country):
            return _Affiliation(None, None, owner.sector if owner.kind != "person" else None, False)
        # A state's organ has its own sector; a person's aide works in the person's.
        return _Affiliation(owner.code, owner.country, None if owner.kind == "state" else owner.sector, True)

    def _clause_affiliation(self, head: Token) -> _Affiliation:
        """Whom a person works for, from a relative clause: "who has ruled Belarus since 1994",
        "who coordinates the WFP operation" (not "who visited Moscow", not "who lives in Kyiv")."""
        for rel in head.children:
            if rel.dep_ != "relcl" or rel.lemma_.lower() not in LEAD_VERBS:
                continue
            for t in rel.subtree:
                if t.i == head.i or t.i < rel.i and t.dep_ in ("nsubj", "nsubjpass"):
                    continue
                ent = self.ent_of.get(t.i)
                if ent is not None and t.i != _ent_last(ent).i:
                    continue
                e = self.kb.lookup(ent.text if ent is not None else t.text)
                if e is None or e.kind not in ("state", "capital", "org", "organ", "armed"):
                    continue
                if e.kind in ("state", "capital") and self._is_locative(t):
                    continue
                owner = self.analyse(t)
                if owner is not None and owner.code:
                    return _Affiliation(owner.code, owner.country,
                                        None if owner.kind == "state" else owner.sector, True)
        return _Affiliation()

    def _word_country(self, t: Token) -> Optional[str]:
        """The state one word of a name stands for ("Ecuadorian", "Ecuador"), if any."""
        code = self.kb.demonym(t.text) if t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper() else None
        if code:
            return code
        e = self.kb.lookup(t.text) if t.pos_ == "PROPN" else None
        return e.country if e is not None and e.kind == "state" else None

    def _place_affiliation(self, tok: Token) -> Optional[_Affiliation]:
        country = self._place_country(tok)
        return _Affiliation(country, country, None, True, place=True) if country else None

    # -- everything else ------------------------------------------------------------
    def _nominal(self, tok: Token) -> Optional[_Actor]:
        mods = self._left_modifiers(tok)
        span_toks = mods + [tok]
        words = [t for t in span_toks if t.dep_ not in ("det", "predet", "case", "punct", "nummod", "quantmod")
                 and t.tag_ != "POS" and not (t.is_punct and t.text != "-") and t.lower_ not in ("'s",)]
        # 1. A name the KB knows: the tagged entity ending at the head, else the
        #    longest run of words ending at the head.
        entry, n_entry = None, 0
        ent = self.ent_of.get(tok.i)
        if ent is not None and _ent_last(ent).i == tok.i and ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            e = self.kb.lookup(ent.text)
            if e is not None:
                ent_toks = [t for t in ent if t.tag_ != "POS"]
                span_toks = [t for t in span_toks if t.i < ent.start] + ent_toks
                words = [t for t in words if t.i < ent.start] + ent_toks
                entry, n_entry = e, len(ent_toks)
        for k in range(len(words) if entry is None else 0):
            cand = _join(words[k:])
            e = self.kb.lookup(cand)
            if e is not None:
                entry, n_entry = e, len(words) - k
                break
        if entry is None and ent is not None and ent.label_ in ("GPE", "ORG", "NORP", "FAC", "LOC"):
            e = self.kb.lookup(ent.text)
            if e is not None:
                # The whole entity is the name, also the words after its head
                # ("Economic Community of West African States"): none of them is
                # an actor of its own ("States").
                ent_toks = [t for t in ent if t.tag_ != "POS"]
                span_toks = [t for t in span_toks if t.i < ent.start] + ent_toks
                words = [t for t in words if t.i < ent.start] + ent_toks
                entry, n_entry = e, len(ent_toks)
        if entry is not None and entry.kind in ("state", "capital") and (self._is_locative(tok)
                                                                      or self._is_dateline(tok)):
            return None   # a place here, not a participant
        if entry is not None and entry.kind == "demonym" and tok.pos_ == "ADJ":
            return None   # an adjective heads no phrase of its own; handled via its head
        info, n_info = (None, 0) if entry is not None else self._noun_info(tok)
        # Modifiers outside the name or the lexicon term say whose it is ("Pakistani police").
        n_core = n_entry if entry is not None else max(n_info, 1)
        aff = self._modifier_affiliation(words[: max(len(words) - n_core, 0)], tok)
        aff = _merge_aff(aff, self._prep_affiliation(tok))
        if entry is not None:
            return self._known(tok, entry, span_toks, words, aff, n_entry=n_entry)
        if info is not None and not info.modifier_only:
            actor = self._generic(tok, info, n_info, span_toks, words, aff)
            if actor is not None:
                self._coordinated_owners(words, actor)
            return actor
        # A demonym used as a noun: "Armenians", "the French".
        code = self.kb.demonym(tok.text)
        if code and tok.pos_ in ("PROPN", "NOUN") or (code and tok.ent_type_ == "NORP" and tok.dep_ != "amod"):
            return self._people(tok, code, span_toks, words)
        # An organisation the KB does not know ("Nigelec", "the National Electoral Body").
        if ent is not None and ent.label_ == "ORG" and tok.i == _ent_last(ent).i and self._plausible_org(ent):
            return self._unknown_org(tok, ent, aff)
        # A capitalised name the tagger did not mark, headed by an organisation word or led by
        # a nationality: "the Workers' Front", "the Ecuadorian Episcopal Conference".
        if ent is None and tok.pos_ == "PROPN" and tok.is_title:
            name = self._proper_phrase(tok)
            if name is not None and (tok.lower_ in ORG_WORDS or self.kb.demonym(name[0].text)):
                return self._unknown_org(tok, name, aff)
        # "the bloc", "the alliance", "the world body": an organisation named before.
        org_nouns = self.kb.all_org_nouns() | ARMED_NOUNS
        if _is_definite(tok) and not any(w.pos_ == "PROPN" for w in words[:-1]) and (
                tok.lemma_.lower() in org_nouns or _join(words[-2:]).lower() in org_nouns):
            prev = self._antecedent_for_description(tok, _join(words[-2:]).lower())
            if prev is not None and (prev.kind in ("org", "organ") or prev.armed):
                return self._mention(prev, tok, span_toks)
        # "the country" / "its country": the latest state named.
        noun = tok.lemma_.lower()
        if noun in COUNTRY_NOUNS and _is_definite(tok) and not _is_plural(tok):
            # "the kingdom" is the latest state whose own name says kingdom; failing a
            # state named as such, the country of the latest actor that fits
            # ("his Saudi counterpart ... the kingdom's foreign ministry").
            fits = lambda code: bool(code) and (noun in ("country", "nation") or noun in self.kb.state_words(code))
            state = self._latest(lambda a: a.kind == "state" and fits(a.code), tok, DESCRIPTION_WINDOW)
            if state is None and noun not in ("country", "nation"):
                other = self._latest(lambda a: fits(a.country), tok, DESCRIPTION_WINDOW)
                state = self._state(other.country, None) if other is not None else None
            if state is not None:
                return self._mention(state, tok, span_toks)
        return None

    def _proper_phrase(self, tok: Token) -> Optional[Span]:
        """The run of capitalised words ending at tok ("Ecuadorian Episcopal Conference"), if it
        has at least two words."""
        start = tok.i
        while start > tok.sent.start:
            prev = self.doc[start - 1]
            if prev.tag_ == "POS" and start - 2 >= 0 and self.doc[start - 2].is_title:
                start -= 1      # "Workers' Front"
                continue
            if not (prev.is_title and prev.pos_ in ("PROPN", "ADJ", "NOUN")):
                break
            start -= 1
        return self.doc[start: tok.i + 1] if tok.i - start >= 1 else None

    def _role_words(self, words: list[Token]) -> list[Token]:
        """A title without the words that say whose it is or how old they are:
        "former Nigerian head" -> "former head", "32-year-old trader" -> "trader"."""
        out = []
        for t in words:
            if t.like_num or t.lower_ in ("year", "old", "aged", "-") or t.dep_ == "poss" or t.tag_ == "POS":
                continue
            if self.kb.demonym(t.text) or (t.pos_ == "PROPN" and self.kb.lookup(t.text) is not None):
                continue
            if _poss_root(t, words[-1]) is not None:
                continue
            out.append(t)
        return out or words[-1:]

    def _plausible_org(self, ent: Span) -> bool:
        """The tagger calls some capitalised sentence openers ORG ("Anger is growing"): a one-word
        name at the start of a sentence counts only if the article also writes it so elsewhere."""
        places = self.ctx.places
        if places is not None:
            try:
                if places.at_char(ent.start_char, ent.end_char) is not None:
                    return False   # the place table resolved it: "Residents of El Fasher"
            except Exception:
                pass
        if ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE_PREPS and _gazetteer_country(ent.text):
            return False
        if _named_place(ent.root) and not ent.text.isupper():
            return False   # "the town of Wajid", "in the Amazon": a place, whatever the tagger says
        if len(ent) > 1 or ent.text.isupper() or ent.start != ent.sent.start:
            return True
        return any(t.text == ent.text and t.i != t.sent.start for t in self.doc)

    def _is_dateline(self, tok: Token) -> bool:
        """ "NIAMEY (Reuters) -": the capitalised place a story is filed from is no actor."""
        if not (tok.text.isupper() and len(tok.text) > 2):
            return False
        start = tok.i
        while start > 0 and "\n" not in self.doc[start - 1].whitespace_ and "\n" not in self.doc[start - 1].text:
            start -= 1
        if tok.i - start > 3:
            return False
        follow = self.doc[tok.i + 1: tok.i + 4]
        return any(t.text in ("(", "-", "\u2014", "\u2013", ",") for t in follow)

    def _bare_modifier(self, tok: Token) -> Optional[_Actor]:
        """A state, demonym or organisation modifying a non-actor noun ("the Russian invasion", "UN appeal")."""
        if tok.dep_ == "compound" and tok.head.dep_ == "compound":
            return None   # inside a longer name; judged as part of it
        code = self.kb.demonym(tok.text)
        entry, span = (self._modifier_name(tok) if tok.pos_ == "PROPN" else (None, [tok]))
        if entry is None and not (code and tok.ent_type_ == "NORP"):
            return None
        if entry is not None and entry.kind == "armed":
            return self._known(tok, entry, span, span, _Affiliation())
        if entry is not None and entry.kind in ("state", "capital", "org", "organ") and entry.code:
            return self._known(tok, entry, span, span, _Affiliation(), n_entry=len(span))
        if code:
            state = self._state(code, None)
            return self._mention(state, tok, [tok])
        return None

    def _coordinated_owners(self, words: list[Token], actor: _Actor) -> None:
        """ "French and German troops": the phrase is coded by its first owner; the second
        ("German") is its own mention of that state, so that an event can still find it."""
        for w in words:
            if w.dep_ != "conj" or w.head.i not in {x.i for x in words}:
                continue
            code = self.kb.demonym(w.text) if w.pos_ in ("ADJ", "PROPN") else None
            entry = self.kb.lookup(w.text) if code is None and w.pos_ == "PROPN" else None
            code = code or (entry.code if entry is not None and entry.kind in ("state", "capital") else None)
            if code and code != actor.code:
                state = self._state(code, None)
                state.add_mention(w.idx, w.idx + len(w))
                self._note(w, state)

    def _modifier_name(self, tok: Token) -> tuple[Optional[KBEntry], list[Token]]:
        """The longest KB name ending at a modifier word, with its words: "UN Security Council"
        in "an urgent UN Security Council meeting"."""
        run = [tok]
        k = tok.i - 1
        while k >= 0 and self.doc[k].pos_ == "PROPN" and self.doc[k].dep_ in ("compound", "nmod", "amod") \
                and k < self.doc[k].head.i <= tok.i:
            run.insert(0, self.doc[k])
            k -= 1
        for n in range(len(run), 0, -1):
            entry = self.kb.lookup(_join(run[len(run) - n:]))
            if entry is not None:
                return entry, run[len(run) - n:]
        return None, [tok]

    def _known(self, tok: Token, entry: KBEntry, span_toks, words, aff: _Affiliation,
               n_entry: int = 0) -> Optional[_Actor]:
        """An actor the KB names: a state (also by capital or demonym), organisation or organ."""
        if entry.kind in ("state", "capital", "demonym"):
            if entry.kind == "demonym":
                return self._people(tok, entry.code, span_toks, words)
            matched_toks = words[len(words) - n_entry:] if n_entry else [tok]
            matched = _join(matched_toks)
            state = self._state(entry.code, matched if entry.kind == "state" else None)
            if entry.kind == "capital" and entry.code and self.kb.is_org_code(entry.code):
                org_entry = self.kb.lookup(entry.code)
                state = self._org(org_entry or entry, None)
            elif entry.kind == "capital" and entry.sector and entry.sector != "GOV":
                state = self._organ(entry.name, entry.code, entry.country, entry.sector, entry.name)
            # The mention is the name itself, not adjectives around it ("neighbouring Armenia").
            return self._mention(state, tok, matched_toks)
        if entry.kind == "org":
            if entry.country:   # a national news agency or body listed with its state
                actor = self._organ(entry.name, entry.code, entry.country, entry.sector, _phrase_text(span_toks))
            else:
                actor = self._org(entry, None)
            return self._mention(actor, tok, span_toks)
        if entry.kind == "organ":
            if entry.code:
                code = entry.code
                if aff.explicit and aff.code and self.kb.is_org_code(aff.code) and aff.code != code:
                    code = aff.code   # "the African Union's Peace and Security Council" is the AU's
                actor = self._organ(entry.name, code, entry.country, entry.sector, _phrase_text(span_toks))
                return self._mention(actor, tok, span_toks)
            # A state organ: whose? Explicit modifier, else the same organ named
            # before ("the Defense Ministry" again), else the context country.
            country = aff.country if aff.explicit else None
            code = aff.code if aff.explicit else None
            if code is None:
                prev = self._latest(lambda a: a.kind == "organ" and entry.name.lower() in a.terms, tok,
                                    DESCRIPTION_WINDOW)
                if prev is not None and not aff.explicit:
                    return self._mention(prev, tok, span_toks)
                country = code = self._context_country(tok, sentence=False)
            actor = self._organ(entry.name, code, country, entry.sector, _phrase_text(span_toks))
            return self._mention(actor, tok, span_toks)
        if entry.kind == "armed":
            return self._mention(self._armed(entry, tok), tok, span_toks)
        if entry.kind == "ethnic":
            return self._ethnic(tok, entry.name, span_toks, words)
        return None

    def _armed(self, entry: KBEntry, tok: Token) -> _Actor:
        """An armed non-state group: one actor per group, coded by where it fights (see armed_groups.tsv)."""
        key = ("armed", entry.name)
        actor = self.by_key.get(key)
        if actor is None:
            actor = self._new(key, "org", entry.name)
            actor.armed, actor.sector, actor.name_rank = True, entry.sector, 2
            actor.terms.update(ARMED_NOUNS)
            actor.code = actor.country = self._armed_country(entry, tok)
        if _is_plural(tok):   # "the Houthis ... they"
            actor.plural = True
        return actor

    def _armed_country(self, entry: KBEntry, tok: Token) -> Optional[str]:
        if entry.code is None:
            # A transnational group belongs to no state; only a place named with it says where.
            return self._np_place_country(tok) or self._sentence_place_country(tok)
        scope = [entry.code] + self.kb.armed_scope(entry.name)
        if len(scope) > 1:
            where = self._context_country(tok)
            if where in scope:
                return where
        return entry.code

    def _generic(self, tok: Token, info: NounInfo, n_info: int, span_toks, words, aff: _Affiliation):
        term = info.term
        tail = _hyphen_tail(tok)
        if tail is not None and "-" in term:   # "the secretary-general": the phrase ends after the hyphen
            span_toks = list(span_toks) + [tok.doc[tok.i + 1], tail]
        if info.explicit_only and (not aff.explicit or aff.place):
            # "both sides", "shot in the head", "Baidoa's displacement camps": no one, unless
            # the same word named an actor just before ("the Armenian side ... the side").
            prev = self._antecedent_for_description(tok, term) \
                if _is_definite(tok) and not info.person else None   # not "the head" again
            return self._mention(prev, tok, span_toks) if prev is not None else None
        if info.role and _is_plural(tok) and not aff.explicit and any(
                c.lower_ in ("two", "both", "three", "four") for c in tok.lefts):
            return None   # "the two ministers": several actors named before, not one group
        if info.person and tok.dep_ in ("attr", "oprd", "acomp") and not _is_plural(tok):
            return None   # a predicate ("she is a doctor", "declared himself president") names no one new
        if term in ("party",) and _is_plural(tok) and not [w for w in words[:-1]]:
            return None   # "the parties to the conflict" are not political parties
        # A weak head ("leader", "spokesman", "group") takes its modifiers' sector:
        # "opposition leader" OPP, "army spokesman" MIL, "Security Council chair" IGO.
        sector = info.sector
        if (info.weak or sector is None) and aff.sector:
            sector = aff.sector
        elif sector == "GOV" and aff.explicit and aff.sector in OWNER_SECTORS:
            sector = aff.sector   # "the Houthi delegation" REB, "UN officials" IGO
        # A person described only by a title or trade ("a spokesman", "the doctor").
        plural = _is_plural(tok) or term in ("police", "riot police", "troops", "security forces",
                                             "special forces", "forces", "media", "clergy", "armed forces")
        # A definite description points back: "the ministry", "the bloc", "the junta".
        if _is_definite(tok) and not aff.explicit:
            prev = self._antecedent_for_description(tok, term)
            if prev is not None:
                return self._mention(prev, tok, span_toks)
        code, country = aff.code, aff.country
        if not aff.explicit:
            code = country = None
            # "regional leaders" are of several states; "a regional governor" is of a province.
            non_local = any(w.lower_ in NON_LOCAL_MODIFIERS and (w.lower_ != "regional" or _is_plural(tok))
                            for w in words[:-1])
            if info.country:   # "Secretary of State" (USA), "the secretary-general" (UN)
                code = info.country
                country = None if self.kb.is_org_code(code) else code
            elif non_local:
                pass
            elif info.asset and not _is_agent(tok):
                pass   # "shot down 30 drones": the other side's, which the text does not name
            elif sector in LOCAL_SECTORS or sector is None and info.person:
                code = country = self._context_country(tok, sentence=sector not in OFFICIAL_SECTORS)
        elif self.kb.is_org_code(code):
            country = None
        role = None
        if info.role and info.person and not plural:
            role_words = words[len(words) - n_info:] if not info.weak else words
            role = _role_text(_join(self._role_words(role_words)), info)
            if tail is not None and "-" in term:
                role = info.role
        if info.person and not plural:
            key = ("group1", code, sector, term, tok.i)   # one unnamed person per mention
        else:
            key = ("group", code, sector, term)
        actor = self.by_key.get(key)
        if actor is None:
            actor = self._new(key, "group", _phrase_text(span_toks))
            actor.code, actor.country, actor.sector, actor.role = code, country, sector, role
            actor.plural = plural
            actor.gender = info.gender
            if sector == "REB" and not (info.person and not plural):
                # "militants", "gunmen": later "the group" and "it" may stand for them.
                actor.armed = True
                actor.terms.update(ARMED_NOUNS)
        actor.terms.add(term)
        actor.terms.add(tok.lemma_.lower())
        actor.offer_name(_phrase_text(span_toks), 1)
        return self._mention(actor, tok, span_toks)

    def _people(self, tok: Token, code: str, span_toks, words) -> _Actor:
        """Nationals named by a demonym ("Armenians"); "ethnic Armenians" are an ethnic group."""
        if any(w.lower_ == "ethnic" for w in words) or self._located_abroad(tok, code):
            return self._ethnic(tok, _phrase_text(span_toks), span_toks, words)
        if _is_plural(tok) or tok.lower_ != tok.lemma_.lower() and tok.text.endswith("s"):
            # "Armenians protested": nationals of the state, not its government.
            key = ("group", code, "CVL", "nationals")
            actor = self.by_key.get(key) or self._new(key, "group", _phrase_text(span_toks))
            actor.code = actor.country = code
            actor.sector, actor.plural = "CVL", True
            actor.terms.add(tok.lower_)
            return self._mention(actor, tok, span_toks)
        # "the French said": the nation speaking through its government.
        actor = self._state(code, None)
        return self._mention(actor, tok, span_toks)

    def _located_abroad(self, tok: Token, code: str) -> bool:
        country = self._np_place_country(tok)
        return country is not None and country != code

    def _ethnic(self, tok: Token, name: str, span_toks, words) -> _Actor:
        country = self._np_place_country(tok)
        key = ("ethnic", name.lower().replace("ethnic ", ""), country)
        actor = self.by_key.get(key) or self._new(key, "ethnic", name)
        actor.code = actor.country = country
        actor.sector = "CVL"
        actor.plural = True
        actor.offer_name(_phrase_text(span_toks), 1)
        return self._mention(actor, tok, span_toks)

    def _unknown_org(self, tok: Token, ent: Span, aff: _Affiliation) -> Optional[_Actor]:
        name = ent.text
        name = re.sub(r"^(?:the|The)\s+", "", name)
        # An acronym of an organisation named just before: "National Disaster Management Authority (NDMA)".
        if tok.dep_ == "appos" and tok.head.i in self.tok_actor:
            actor = self.tok_actor[tok.head.i]
            return self._mention(actor, tok, list(ent))
        for a in reversed(self.actors):
            if a.kind in ("org", "organ", "group") and (_acronym(a.name) == name or name in a.terms):
                a.terms.add(name)
                return self._mention(a, tok, list(ent))
        # The body's kind from its head word: "... Party" PTY, "... Police" COP; the head of
        # "Confederation of Indigenous Nationalities of Ecuador" is the word before "of".
        words = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
        of = next((k for k, t in enumerate(words) if t.lower_ == "of" and k > 0), len(words))
        last = words[of - 1] if words else ent[-1]
        info = self.kb.noun(last.lemma_) or self.kb.noun(last.text)
        sector = info.sector if info is not None else None
        code = country = None
        guessed = False
        named = next((c for c in (self._word_country(t) for t in words) if c), None)
        if aff.explicit:
            code, country = aff.code, aff.country
        elif named:
            code = country = named      # "Ecuadorian Episcopal Conference", "... of Ecuador"
        elif sector in LOCAL_SECTORS or sector is None and not any(
                t.lower_ in NON_LOCAL_MODIFIERS | INTERNATIONAL_WORDS for t in words):
            # A body the KB does not know is most often a local one: unions, parties, companies,
            # movements of the country the story is about. International ones are in the KB or
            # say so in their name ("International ...", "World ...").
            code = country = self._context_country(tok, sentence=False)
            guessed = True
        actor = self.by_key.get(("org", name.lower())) or self._new(("org", name.lower()), "org", name)
        actor.code, actor.country, actor.sector = code, country, sector
        actor.guessed = guessed
        actor.terms.add(name)
        if info is not None:
            actor.terms.add(info.term)
        # "the state power company, Nigelec": an apposition names the same body.
        if tok.dep_ == "appos":
            head_actor = self.analyse(tok.head)
            if head_actor is not None and head_actor.kind == "group":
                head_actor.offer_name(name, 5)
                head_actor.terms.add(name)
                return self._mention(head_actor, tok, list(ent))
        return self._mention(actor, tok, list(ent))

    # -- pronouns and descriptions --------------------------------------------------
    def _pronoun(self, tok: Token) -> Optional[_Actor]:
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[low]
            actor = self._person_antecedent(tok, gender)
            if actor is not None:
                actor.gender = actor.gender or gender
                return self._mention(actor, tok, [tok])
            return None
        if low in IT_PRONOUNS:
            if low == "it" and (tok.dep_ not in ("nsubj", "nsubjpass") or _pleonastic(tok)):
                return None
            actor = self._speaker_antecedent(tok, lambda a: a.kind in ("state", "org", "organ") or a.armed
                                             or (a.kind == "group" and not a.plural and a.terms
                                                 and self._is_body(a)))
            if actor is None:
                actor = self._recent(lambda a: a.kind in ("state", "org", "organ") or a.armed
                                     or (a.kind == "group" and not a.plural and self._is_body(a)), tok,
                                     skip_relays=True)
            return self._mention(actor, tok, [tok]) if actor is not None else None
        if low in FIRST_PERSON:
            # "We call on the parties ...," the ministry said: the speaker of the quote.
            actor = self._quote_speaker(tok)
            return self._mention(actor, tok, [tok]) if actor is not None else None
        if low in THEY_PRONOUNS:
            actor = self._speaker_antecedent(tok, lambda a: a.plural)
            if actor is None:
                actor = self._recent(lambda a: a.plural, tok)
            return self._mention(actor, tok, [tok]) if actor is not None else None
        return None

    def _quote_spans(self) -> list[tuple[int, int]]:
        if not hasattr(self, "_quotes"):
            self._quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(self.doc.text)]
        return self._quotes

    def _quote_speaker(self, tok: Token) -> Optional[_Actor]:
        """The actor who says the quotation `tok` stands in, from the reporting clause next to it."""
        found = self._quote_speaker_token(tok)
        if found is None:
            return None
        actor, subj = found
        if tok.lower_ in FIRST_PLURAL and actor.kind == "person" and actor.terms & VOICE_ROLES:
            # "we urge ...," said a UN spokesperson: a spokesperson's "we" is the body they speak for.
            body = actor.affiliate or (self._voice_body(actor, subj) if actor.code else None)
            if body is not None:
                return body
        return actor

    def _voice_body(self, person: _Actor, near: Token) -> Optional[_Actor]:
        """The organisation or state a spokesperson speaks for: the non-person actor of their code
        mentioned nearest to where they are introduced (or named as the speaker)."""
        best, best_d = None, None
        sents = {near.sent.start} | {s.start for s in list(_previous_sentences(self.doc, near.sent))[:PRONOUN_WINDOW]}
        for i, a, h in self.history:
            if a.kind == "person" or a.code != person.code or h.sent.start not in sents:
                continue
            if a.kind == "group" and not self._is_body(a):
                continue
            # An army spokesman speaks for the army, not for the rebels of the same country.
            d = (a.sector != person.sector, abs(i - near.i))
            if best_d is None or d < best_d:
                best, best_d = a, d
        return best

    def _speech_subject(self, sent: Span, qs: int, qe: int) -> Optional[tuple[_Actor, Token]]:
        """The speaker of a reporting clause in `sent` outside the quotation [qs, qe)."""
        text = self.doc.text
        for verb in sent:
            if verb.lemma_.lower() not in SPEECH_VERBS or qs <= verb.idx < qe:
                continue
            between = text[qe:verb.idx] if verb.idx >= qe else text[verb.idx:qs]
            if "\n" in between:
                continue   # a new paragraph's reporting clause is not this quotation's
            for subj in verb.children:
                if subj.dep_ in ("nsubj", "nsubjpass") and not (qs <= subj.idx < qe):
                    actor = self.analyse(subj)
                    if actor is not None:
                        return actor, subj
        return None

    def _quote_speaker_token(self, tok: Token) -> Optional[tuple[_Actor, Token]]:
        span = next(((s, e) for s, e in self._quote_spans() if s < tok.idx < e), None)
        if span is None:
            return None
        qs, qe = span
        first = self.doc.char_span(qs, qs + 1, alignment_mode="expand")
        last = self.doc.char_span(qe - 1, qe, alignment_mode="expand")
        if first is None or last is None:
            return None
        sents = [first[0].sent]
        if last[0].sent.start != sents[0].start:
            sents.append(last[0].sent)
        prev = list(_previous_sentences(self.doc, sents[0]))[:1]
        if prev and prev[0].text.rstrip().endswith(":"):
            sents.insert(0, prev[0])                    # X said: "..."
        for sent in sents:
            found = self._speech_subject(sent, qs, qe)
            if found is not None:
                return found
        # No reporting clause beside it: a quotation that continues the one before
        # (a new paragraph or sentence of the same speaker's words).
        earlier = [(s, e) for s, e in self._quote_spans() if s < prev[0].end_char and e > prev[0].start_char] \
            if prev else []
        if earlier:
            found = self._speech_subject(prev[0], *earlier[-1])
            if found is not None:
                return found
        # "... end of quote." X said later. Only a short sentence that is a bare reporting
        # clause: the next news sentence ("The United States pledged $30 million") is not one.
        after = last[0].sent.end
        if after < len(self.doc):
            nxt = self.doc[after].sent
            if len(nxt) <= 8:
                return self._speech_subject(nxt, qs, qe)
        return None

    def _is_body(self, a: _Actor) -> bool:
        return any((self.kb.noun(t) is not None and self.kb.noun(t).body) for t in a.terms)

    def _person_antecedent(self, tok: Token, gender: Optional[str]) -> Optional[_Actor]:
        ok = lambda a: a.kind == "person" or (a.kind == "group" and not a.plural and a.key[0] == "group1")
        fits = lambda a: ok(a) and (a.gender is None or gender is None or a.gender == gender)
        actor = self._speaker_antecedent(tok, fits)
        if actor is not None:
            return actor
        return self._recent(fits, tok)

    def _recent(self, fits, tok: Token, skip_relays: bool = False) -> Optional[_Actor]:
        """Antecedent by recency: the latest fitting actor earlier in this sentence, else the
        subject of the latest earlier sentence that has a fitting actor, else its last one.
        With skip_relays, a news agency that only relays a statement ("TASS reported, citing
        the ministry") is no antecedent: "It added ..." continues the ministry's statement."""
        sent = tok.sent
        banned = self._not_antecedents(tok)
        if skip_relays:
            plain = fits
            fits = lambda a: plain(a) and not self._relays(a)
        same = [(i, a, h) for i, a, h in self.history
                if sent.start <= i < tok.i and fits(a) and all(a is not b for b in banned)]
        if same:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                # A subject pronoun continues the subject before it ("Flood victims blocked
                # a road to protest against officials, whom they accused ...").
                subj = [c for c in same if c[2].dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    return subj[-1][1]
            return same[-1][1]
        for n, prev in enumerate(_previous_sentences(self.doc, sent)):
            if n >= PRONOUN_WINDOW:
                break
            cands = [(i, a, h) for i, a, h in self.history if prev.start <= i < prev.end and fits(a)]
            if not cands:
                continue
            subj = [c for c in cands if c[2].dep_ in ("nsubj", "nsubjpass") and c[2].head.dep_ == "ROOT"]
            subj = subj or [c for c in cands if c[2].dep_ in ("nsubj", "nsubjpass")]
            return (subj[0] if subj else cands[-1])[1]
        return None

    def _relays(self, a: _Actor) -> bool:
        """Is this a news outlet only ever mentioned as passing on others' words ("according to
        TASS", "Interfax reported", "TASS quoted the minister as saying")?"""
        if a.sector != "MED" or a.kind not in ("org", "organ", "group"):
            return False
        heads = [h for i, x, h in self.history if x is a]
        return bool(heads) and all(_relay_position(h) for h in heads)

    def _not_antecedents(self, tok: Token) -> list[_Actor]:
        """Actors a pronoun cannot stand for. An object pronoun is not the subject of its own
        clause ("Police fired tear gas to disperse them"); a pronoun inside a relative clause
        is not the noun the clause describes ("officials, whom they accused")."""
        banned: list[_Actor] = []
        if tok.dep_ in ("dobj", "pobj", "dative", "iobj") and not tok.lower_.endswith(("self", "selves")):
            node = tok.head
            while True:
                for c in node.children:
                    if c.dep_ in ("nsubj", "nsubjpass", "agent") and c.i in self.tok_actor:
                        banned.append(self.tok_actor[c.i])
                if node.dep_ in ("ccomp", "ROOT") or node.head.i == node.i:
                    break
                node = node.head
        node = tok
        while node.head.i != node.i:
            if node.dep_ == "relcl":
                if node.head.i in self.tok_actor:
                    banned.append(self.tok_actor[node.head.i])
                break
            node = node.head
        return banned

    def _speaker_antecedent(self, tok: Token, fits) -> Optional[_Actor]:
        """In "X said (that) he/it ...", the pronoun is X."""
        node = tok.head
        while node.dep_ not in ("ROOT",) and node.dep_ not in ("ccomp", "xcomp", "advcl", "conj"):
            node = node.head
        if node.dep_ in ("ccomp", "xcomp", "conj") and node.head.lemma_.lower() in SPEECH_VERBS | {"be"}:
            verb = node.head
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != tok.i:
                    a = self.analyse(child) if child.i < tok.i else self.tok_actor.get(child.i)
                    if a is not None and fits(a):
                        return a
        return None

    def _antecedent_for_description(self, tok: Token, term: str) -> Optional[_Actor]:
        lemma = tok.lemma_.lower()
        plural = _is_plural(tok)
        wanted = {_flat(term), _flat(lemma)}

        wanted |= {_singular(w) for w in wanted}

        def named_with(a: _Actor) -> bool:
            if plural and a.kind == "person":
                return False
            if a.kind == "org" and a.code and wanted & {_flat(n) for n in self.kb.org_nouns(a.code)}:
                return True
            terms = {_flat(t) for t in a.terms}
            terms |= {_singular(t) for t in terms}   # "UN peacekeepers" ... "the peacekeepers"
            return bool(wanted & terms) or (a.kind in ("organ", "org") and any(
                _flat(lemma) in t.split() for t in terms))
        if lemma in ARMED_NOUNS or lemma in self.kb.all_org_nouns():
            # "the group", "the militia": a body named by its name beats an unnamed one
            # mentioned since ("... the Rapid Support Forces, killing dozens of fighters. The group").
            named = self._latest(lambda a: named_with(a) and a.kind in ("org", "organ"), tok, DESCRIPTION_WINDOW)
            if named is not None:
                return named
        return self._latest(named_with, tok, DESCRIPTION_WINDOW)

    def _latest(self, pred, tok: Token, window: int) -> Optional[_Actor]:
        """The latest actor mentioned before `tok`, within `window` sentences, satisfying pred."""
        sents = [tok.sent] + list(_previous_sentences(self.doc, tok.sent))[: window]
        lo = sents[-1].start
        for i, a, head in reversed(self.history):
            if i >= tok.i or i < lo:
                continue
            if a is self.tok_actor.get(tok.i):
                continue
            if pred(a):
                return a
        return None

    # -- country from context ---------------------------------------------------------
    def _is_locative(self, tok: Token) -> bool:
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
            # "the capital of Niger" is a place; "sanctions on Niger", "the army of Niger" are not.
            return prep.head.lemma_.lower() in ("capital", "city", "part", "region", "border", "north", "south",
                                                "east", "west", "centre", "center", "outskirts", "territory",
                                                "province", "coast", "soil", "side")
        if p in MOTION_PREPS and p not in ("from",):
            verb = prep.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in ("ROOT",):
                verb = verb.head
            return verb.lemma_.lower() in MOTION_VERBS or prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in (
                "flight", "road", "route", "trip", "visit", "journey", "corridor", "border", "way")
        if p == "from":
            verb = prep.head
            return verb.lemma_.lower() in MOTION_VERBS
        return True

    def _place_country(self, tok: Token) -> Optional[str]:
        """ISO3 of the place a token names: from the article's place table when there is one,
        else from the KB (states, capitals), else the gazetteer's best entry for the name."""
        ent = self.ent_of.get(tok.i)
        text = ent.text if ent is not None else tok.text
        entry = self.kb.lookup(text)
        if entry is not None and entry.kind in ("state", "capital") and entry.country:
            return entry.country   # a state, capital or seat ("the White House") the KB knows
        places = self.ctx.places
        if places is not None:
            try:
                p = places.at_char(tok.idx, tok.idx + len(tok))
            except Exception:   # a half-built place table must not break actor resolution
                p = None
            if p is not None:
                return getattr(p, "country", None)
        entry = self.kb.lookup(text)
        if entry is not None and entry.kind in ("state", "capital") and entry.country:
            return entry.country
        if places is None and ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
            return _gazetteer_country(text)
        return None

    def _np_place_country(self, tok: Token) -> Optional[str]:
        """A place inside the phrase: "residents of Niamey", "Kurds in Syria"."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in LOCAL_NOUN_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        c = self._place_country(pobj)
                        if c:
                            return c
        return None

    def _context_country(self, tok: Token, sentence: bool = True) -> Optional[str]:
        """Country for a generic noun: a place in its phrase, else (when `sentence`) a place where
        its sentence happens, else the article's. Officials, ministries and delegations pass
        sentence=False: they meet and speak in other states' capitals ("talks in Muscat")."""
        c = self._np_place_country(tok)
        if c:
            return c
        if sentence:
            c = self._sentence_place_country(tok)
            if c:
                return c
        return self._dominant_country()

    def _sentence_place_country(self, tok: Token) -> Optional[str]:
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
                                             or node.head.lower_ == "of" and self._is_locative(node))):
                continue
            c = self._place_country(t)
            if c:
                d = abs(t.i - tok.i)
                if best_d is None or d < best_d:
                    best, best_d = c, d
        return best

    def _dominant_country(self) -> Optional[str]:
        """The country the article is mostly about: most mentions, ties to the earliest."""
        counts = self._country_counts()
        if not counts:
            return None
        first = self._country_first
        return max(counts, key=lambda c: (counts[c], -first.get(c, 0)))

    def _dateline_country(self) -> Optional[str]:
        """The country of the dateline the story is filed under ("NIAMEY, Aug 3 -", "WASHINGTON
        (Reuters) -"), if it has one."""
        if not hasattr(self, "_dateline"):
            self._dateline = None
            for t in self.doc[:6]:
                if self._is_dateline(t):
                    self._dateline = self._place_country(t)
                    break
        return self._dateline

    def _home_country(self) -> Optional[str]:
        """The country a story is about, when it is clearly one: the dominant country if it has
        most of the state mentions or is the first state the headline names (the story's
        protagonist: "Niger Junta Scraps Pacts With France"); else None."""
        dominant = self._dominant_country()
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
        return counts[self._dominant_country()] / total if total else 0.0

    def _country_counts(self) -> Counter:
        """Mentions per country: places (states, cities), nationality words (half a place) and the
        headline (twice a place: it says what the story is about)."""
        if self._counts is not None:
            return self._counts
        counts: Counter = Counter()
        first: dict[str, int] = {}
        places = self.ctx.places
        used_places = False
        if places is not None:
            try:
                for p in places.in_span(0, len(self.doc.text)):
                    if getattr(p, "country", None):
                        mentions = getattr(p, "mentions", None) or [(0, 0)]
                        counts[p.country] += len(mentions)
                        first[p.country] = min(first.get(p.country, 10**9), min(m[0] for m in mentions))
                        used_places = True
            except Exception:
                used_places = False
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
        """States the headline names (by name, capital or nationality word)."""
        title = getattr(self.ctx.article, "title", None) or ""
        words = re.findall(r"[A-Z][\w'\u2019.-]*", title)
        out: list[str] = []
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                phrase = " ".join(words[i:i + n])
                e = self.kb.lookup(phrase) if len(words[i:i + n]) == n else None
                code = (e.country if e is not None and e.kind in ("state", "capital") else None) \
                    or (self.kb.demonym(phrase) if n == 1 else None)
                if code:
                    out.append(code)
                    i += n
                    break
            else:
                i += 1
        return out

    # -- building blocks ----------------------------------------------------------------
    def _np_head(self, tok: Token) -> Token:
        node = tok
        while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            node = node.head
        return node

    def _left_modifiers(self, head: Token) -> list[Token]:
        """Tokens of the phrase left of its head: determiners, possessives, compounds, adjectives."""
        toks: list[Token] = []
        for child in head.lefts:
            if child.dep_ in ("det", "poss", "compound", "amod", "nmod", "nummod", "quantmod", "predet",
                              "case", "punct") or child.tag_ == "POS":
                if child.dep_ == "poss":
                    toks.extend(t for t in child.subtree if t.i < head.i)
                elif child.dep_ == "punct" and child.text != "-":
                    continue
                else:
                    toks.extend(t for t in child.subtree if t.i < head.i)
        toks = sorted(set(toks), key=lambda t: t.i)
        # Keep the contiguous run that ends at the head, and stop at anything a
        # noun phrase does not hold (a verb, a quotation mark, a line break): the
        # parser sometimes hangs a whole clause under a name.
        run: list[Token] = []
        expect = head.i - 1
        for t in reversed(toks):
            if t.i != expect or not _phrase_word(t):
                break
            run.insert(0, t)
            expect -= 1
        return run

    def _noun_info(self, tok: Token) -> tuple[Optional[NounInfo], int]:
        """The lexicon row for the head noun with as many preceding modifiers as match ("riot police")."""
        mods = [t for t in self._left_modifiers(tok) if t.dep_ in ("compound", "amod", "nmod")]
        heads = [tok.lemma_.lower(), tok.lower_]
        hyphenated = _hyphen_tail(tok)
        if hyphenated is not None:   # "secretary-general", split by the tokenizer into three
            heads = [f"{tok.lower_}-{hyphenated.lower_}"] + heads
        # Titles with an "of" complement: "head of state", "chief of staff".
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == tok.i + 1:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.i == prep.i + 1:
                        heads = [f"{h} of {pobj.lower_}" for h in heads] + heads
        for k in range(len(mods), -1, -1):
            prefix = mods[len(mods) - k:] if k else []
            if prefix and any(p.i - prefix[0].i != n for n, p in enumerate(prefix)):
                continue
            for h in heads:
                term = (_join(prefix) + " " + h).strip() if prefix else h
                info = self.kb.noun(term)
                if info is not None:
                    return info, k + 1
        return None, 0

    def _modifier_affiliation(self, words: list[Token], head: Token) -> _Affiliation:
        aff = _Affiliation()
        i = 0
        while i < len(words):
            owner = _poss_root(words[i], head)
            if owner is not None:
                a = self._owner_affiliation(owner)
                if a is not None:
                    aff = _merge_aff(aff, a)
                while i < len(words) and _same(_poss_root(words[i], head), owner):
                    i += 1
                continue
            found = self._affiliation_of(words, i)
            if found is not None:
                aff = _merge_aff(aff, found[0])
                i += found[1]
                continue
            m = self._modifier_noun_aff(words[i])
            if m is not None:
                if m.code or m.country:
                    aff = _merge_aff(aff, m)
                elif m.sector and not aff.sector:
                    aff.sector = m.sector
            i += 1
        return aff

    def _modifier_noun_aff(self, t: Token) -> Optional[_Affiliation]:
        """What a lexicon noun used as a modifier says: its sector ("army spokesman" -> MIL), and,
        for a body named before ("the army", "the ministry"), whose body it is."""
        m = self.kb.noun(t.lemma_) or self.kb.noun(t.text)
        if m is None or not (t.pos_ in ("NOUN", "PROPN") or m.modifier_only):
            return None   # "local officials": an adjective is no sector clue
        if m.body and not m.weak or m.term in ("ministry",):
            prev = self._latest(lambda a: a.kind in ("organ", "group", "org") and (
                m.term in {_flat(x) for x in a.terms} or any(m.term in _flat(x).split() for x in a.terms)),
                t, DESCRIPTION_WINDOW)
            if prev is not None and (prev.code or prev.country):
                return _Affiliation(prev.code, prev.country, prev.sector or m.sector, True)
        return _Affiliation(None, None, m.sector, False)

    def _prep_affiliation(self, tok: Token) -> _Affiliation:
        """ "the army of Niger", "troops from Russia", "members of the presidential guard",
        "delegations from Yemen's government" """
        info = self.kb.noun(tok.lemma_)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    e = self.kb.lookup(self.ent_of[pobj.i].text if pobj.i in self.ent_of else pobj.text)
                    if e is not None and e.kind in ("state", "org", "capital") and e.code:
                        return _Affiliation(e.code, e.country, e.sector if e.kind == "org" else None, True)
                    if e is not None and e.kind in ("state", "capital"):
                        continue
                    if info is not None and (info.weak or child.lower_ == "from"):
                        # "members of the presidential guard", "leaders of the opposition"
                        owner = self.analyse(pobj)
                        if owner is not None and owner.kind != "person" and (owner.code or owner.sector):
                            return _Affiliation(owner.code, owner.country,
                                                None if owner.kind == "state" else owner.sector,
                                                bool(owner.code or owner.country))
        return _Affiliation()

    def _state(self, code: str, surface: Optional[str]) -> _Actor:
        key = ("state", code)
        actor = self.by_key.get(key)
        if actor is None:
            actor = self._new(key, "state", self.kb.state_name(code))
            actor.code = actor.country = code
            actor.sector = "GOV"
        if surface:
            actor.offer_name(surface, 2)
        return actor

    def _org(self, entry: KBEntry, surface: Optional[str]) -> _Actor:
        key = ("org", entry.code, entry.name)
        actor = self.by_key.get(key)
        if actor is None:
            actor = self._new(key, "org", entry.name)
            actor.code, actor.country, actor.sector = entry.code, entry.country, entry.sector
            actor.name_rank = 2
            actor.terms.update(self.kb.org_nouns(entry.code or ""))
        return actor

    def _organ(self, name: str, code, country, sector, surface: Optional[str]) -> _Actor:
        key = ("organ", code, name.lower())
        actor = self.by_key.get(key)
        if actor is None:
            actor = self._new(key, "organ", surface or name)
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

    def _new(self, key: tuple, kind: str, name: str) -> _Actor:
        actor = _Actor(key=key, kind=kind, name=name)
        self.by_key[key] = actor
        self.actors.append(actor)
        return actor

    def _mention(self, actor: _Actor, tok: Token, span_toks) -> _Actor:
        """Record that the phrase `span_toks` (headed by `tok`) mentions `actor`."""
        toks = _trim(span_toks)
        toks = toks or [tok]
        start = toks[0].idx
        end = toks[-1].idx + len(toks[-1])
        if toks[-1].tag_ == "POS" and len(toks) > 1:
            end = toks[-2].idx + len(toks[-2])
        actor.add_mention(start, end)
        self._note(tok, actor)
        for t in span_toks:
            self.tok_actor.setdefault(t.i, actor)
        return actor

    def _note(self, tok: Token, actor: _Actor) -> None:
        self.tok_actor[tok.i] = actor
        # Kept in reading order; analyse() may reach a token before its turn.
        bisect.insort(self.history, (tok.i, actor, tok), key=lambda x: x[0])

    def _map_np(self, tok: Token, actor: _Actor) -> None:
        mods = self._left_modifiers(tok)
        toks = _trim(mods + [tok])
        for t in toks:
            if t.dep_ != "poss" and not (t.i in self.tok_actor and self.tok_actor[t.i] is not actor
                                         and t.dep_ == "poss"):
                self.tok_actor.setdefault(t.i, actor)
                self.done.add(t.i)
        self.tok_actor[tok.i] = actor
        if toks:
            actor.add_mention(toks[0].idx, tok.idx + len(tok))


# -- small helpers ---------------------------------------------------------------------
def _join(toks: Iterable[Token]) -> str:
    toks = list(toks)
    if not toks:
        return ""
    out = ""
    for k, t in enumerate(toks):
        out += t.text
        if k + 1 < len(toks):
            nxt = toks[k + 1]
            out += t.whitespace_ if nxt.i == t.i + 1 else " "
    return out.strip()


_LEADING = {"det", "predet", "nummod", "quantmod", "punct"}


_NP_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "PRON", "ADV", "X"}


def _phrase_word(t: Token) -> bool:
    """May this token sit inside a noun phrase before its head?"""
    if "\n" in t.text or "\n" in t.whitespace_:
        return False
    if t.is_punct:
        return t.text in ("-", "\u2013", ".", "&") or t.tag_ == "HYPH"
    if t.pos_ == "CCONJ":
        if t.i == 0 or t.i + 1 >= len(t.doc):
            return False
        prev, nxt = t.nbor(-1), t.nbor(1)
        # Inside a name ("Peace and Security Council"), or between coordinated modifiers
        # ("U.S. and European leaders", "French and German troops").
        return (prev.pos_ == "PROPN" and nxt.pos_ == "PROPN") or (
            nxt.dep_ == "conj" and nxt.head.i == prev.i and prev.dep_ in ("amod", "compound", "nmod"))
    if t.pos_ == "ADP":
        return t.lower_ in ("of", "for")   # "Secretary of State", "Minister for Foreign Affairs"
    return t.pos_ in _NP_POS or t.tag_ == "POS"


_LEADING_POS = {"DET", "NUM", "ADP", "ADV", "PUNCT", "SYM", "CCONJ", "PRON"}
_QUANTITY_WORDS = {"least", "most", "some", "many", "several", "more", "than", "about", "around", "nearly",
                   "almost", "over", "up", "to", "few", "other", "such", "all", "both", "each", "various"}


def _trim(toks) -> list[Token]:
    """A phrase without its leading determiners, quantities and pronouns
    ("the 12 protesters", "at least eight children", "its Foreign Ministry")."""
    toks = list(toks)
    while len(toks) > 1 and (toks[0].dep_ in _LEADING or toks[0].pos_ in _LEADING_POS
                             or toks[0].lower_ in _QUANTITY_WORDS):
        toks = toks[1:]
    return toks


def _phrase_text(toks) -> str:
    """The article's own words for a phrase, from its first kept token to its head."""
    toks = _trim(toks)
    if not toks:
        return ""
    if toks[-1].tag_ == "POS":
        return _join(toks[:-1])
    doc = toks[0].doc
    # Token texts with their own spacing (Doc.text would rebuild the whole article).
    return "".join(t.text_with_ws for t in doc[toks[0].i: toks[-1].i + 1]).strip()


def _merge_aff(a: _Affiliation, b: _Affiliation) -> _Affiliation:
    """Combine two affiliation clues; an organisation code beats a state (a UN official in Geneva)."""
    if not (b.code or b.country or b.sector):
        return a
    if not (a.code or a.country or a.sector):
        return b
    out = _Affiliation(a.code, a.country, a.sector or b.sector, a.explicit or b.explicit, a.place)
    if b.code and (not a.code or (b.country is None and a.country is not None and b.explicit)):
        out.code, out.country, out.place = b.code, b.country, b.place
    return out


def _role_text(text: str, info: NounInfo) -> str:
    """The title as the article writes it, capitalised like the lexicon's for bare titles;
    an "of" complement the phrase's words lack is added back ("former head" -> "former head of state")."""
    if _flat(text) == _flat(info.term) and info.role:
        return info.role
    if " of " in info.term and " of " not in text:
        return text + info.term[info.term.index(" of "):]
    return text


RELAY_VERBS = {"report", "cite", "quote", "carry", "broadcast", "publish", "air"}


def _relay_position(h: Token) -> bool:
    """ "TASS reported", "according to TASS", "Interfax, citing ...", "a report by AFP" """
    if h.dep_ in ("nsubj", "nsubjpass") and h.head.lemma_.lower() in RELAY_VERBS:
        return True
    if h.dep_ == "pobj" and h.head.lower_ == "to" and h.head.head.lower_ == "according":
        return True
    if h.dep_ == "pobj" and h.head.lower_ == "by" and h.head.head.lemma_.lower() in ("report", "quote"):
        return True
    return False


def _is_agent(tok: Token) -> bool:
    """Is the phrase the doer of its clause ("drones struck", "gunships forced them to withdraw")?"""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "nsubj":
        return True
    return node.dep_ == "pobj" and node.head.dep_ == "agent"   # "struck by drones"


def _hyphen_tail(tok: Token) -> Optional[Token]:
    """The word after a hyphen glued to tok: "general" in "secretary-general"."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-" \
            and not doc[tok.i + 1].whitespace_ and doc[tok.i + 2].head.i == tok.i and doc[tok.i + 2].is_alpha:
        return doc[tok.i + 2]
    return None


PLACE_NOUNS = {"town", "city", "village", "district", "province", "region", "county", "municipality", "area",
               "capital", "island", "port", "suburb", "neighbourhood", "neighborhood", "commune", "governorate",
               "oblast", "valley", "settlement", "hamlet", "locality", "outskirts"}
# Words that make a capitalised name an organisation even after "in" ("in the National Assembly").
ORG_WORDS = {"ministry", "party", "council", "assembly", "committee", "commission", "union", "front",
             "conference", "congress", "league", "alliance", "coalition", "syndicate", "confederation",
             "movement", "agency", "office", "court", "company", "bank", "group", "army", "police", "forces",
             "force", "guard", "parliament", "senate", "congress", "association", "federation", "confederation",
             "organisation", "organization", "authority", "service", "corporation", "institute", "university"}


def _named_place(tok: Token) -> bool:
    """Is this capitalised name a place by its syntax, whatever the tagger called it?
    "the town of Jowhar", "fled toward Kaya", "in the Amazon"."""
    ent_words = {t.lower_ for t in tok.doc[max(tok.i - 4, 0): tok.i + 1]}
    if tok.dep_ != "pobj" or ent_words & ORG_WORDS:
        return False
    prep = tok.head
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() in PLACE_NOUNS
    # Not "at": "workers at Nigelec" work for a company.
    return prep.lower_ in ("in", "near", "toward", "towards", "outside", "inside", "around", "into")


def _is_plural(tok: Token) -> bool:
    return "Plur" in tok.morph.get("Number") or tok.tag_ in ("NNS", "NNPS")


def _is_definite(tok: Token) -> bool:
    """Does the phrase headed by tok start with "the"/"this"/"its"...? The determiner may hang
    off a compound ("the secretary-general" parsed as the -> secretary)."""
    for child in list(tok.lefts) + [g for c in tok.lefts if c.dep_ == "compound" for g in c.lefts]:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that", "these", "those"):
            return True
        if child.dep_ == "poss" and child.lower_ in ("its", "their"):
            return True
    return False


_EXTRAPOSING = {"unclear", "clear", "likely", "unlikely", "possible", "impossible", "important",
                "necessary", "true", "obvious", "evident", "uncertain", "difficult", "easy", "hard",
                "vital", "essential", "crucial", "time", "known", "reported", "expected", "believed",
                "said", "understood", "thought", "feared", "hoped", "estimated", "claimed", "alleged",
                "rumoured", "rumored", "agreed", "announced", "decided", "feared"}


def _pleonastic(tok: Token) -> bool:
    """ "it is unclear whether ...", "it was reported that ...", "it seems that ..." -- not
    "it was disappointed" or "it is ready to help", where "it" is an actor."""
    verb = tok.head
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") and c.i > tok.i for c in verb.children)
    if verb.lemma_ in ("seem", "appear", "happen") and clause:
        return True
    if verb.tag_ == "VBN" and verb.lower_ in _EXTRAPOSING:
        return True
    if verb.lemma_ in ("be", "remain", "become"):
        for c in verb.children:
            if c.dep_ in ("acomp", "attr") and c.lower_ in _EXTRAPOSING:
                return True
    return False


def _previous_sentences(doc: Doc, sent: Span):
    """Sentences before `sent`, nearest first."""
    start = sent.start
    while start > 0:
        prev = doc[start - 1].sent
        yield prev
        start = prev.start


def _ent_last(ent: Span) -> Token:
    """The head-most token of an entity: its last word, not a trailing "'s"."""
    for t in reversed(ent):
        if t.tag_ != "POS" and not t.is_punct:
            return t
    return ent[-1]


def _singular(term: str) -> str:
    """A crude singular for comparing a lexicon term with a name's last word ("peacekeepers")."""
    return term[:-1] if term.endswith("s") and not term.endswith("ss") and len(term) > 3 else term


def _flat(term: str) -> str:
    """Compare terms without case or hyphens: "Secretary-General" ~ "secretary general"."""
    return " ".join(term.lower().replace("-", " ").split())


def _same(a: Optional[Token], b: Optional[Token]) -> bool:
    return a is not None and b is not None and a.i == b.i


def _poss_root(tok: Token, head: Token) -> Optional[Token]:
    """The possessor token whose phrase `tok` belongs to, within the phrase headed by `head`."""
    node = tok
    while node.head.i != head.i and node.head.i != node.i:
        node = node.head
    return node if node.dep_ == "poss" and node.head.i == head.i else None


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@lru_cache(maxsize=4096)
def _gazetteer_country(name: str) -> Optional[str]:
    """Country of the gazetteer's first-ranked place of this name (None if the gazetteer is absent)."""
    try:
        from wirecoder.data.gazetteer import get_gazetteer

        hits = get_gazetteer().lookup(name)
    except Exception:   # gazetteer not built: context country then comes from the KB alone
        return None
    return hits[0].country if hits else None
