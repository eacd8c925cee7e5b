"""PLOVER events: one record per sentence per event the sentence states.

How a sentence becomes events
1. Candidates. Every word the predicate lexicon (wirecoder/data/predicates.tsv,
   read by `event_lexicon`) knows: verbs ("shelled", "called on"), event nouns
   ("sanctions", "talks"), fixed phrases ("under bombardment") and deontic
   modals in someone's words ("Russia must take steps" -> REQUEST).
2. Is it an event the text asserts? A verb must be a clause of its own (not an
   adjective, not a reduced relative "people killed"), realis (not a bare
   infinitive of intent, not "could"/"if"), and not the content of another act
   ("urged X to stop military operations": one REQUEST, no ASSAULT; "an end to
   the fighting"). A noun counts only where news uses it to report an event:
   object of a light verb ("imposed sanctions", "operations launched a day
   earlier"), subject of a verb of occurring ("the shelling started", "the
   session would take place"), a speech-act noun with its complement
   ("appeals for a halt"), "for talks" after a verb of travel, or a noun owned
   by an actor in a core argument ("Baku's offensive violated ...").
3. Arguments from the parse: active subject / passive "by" phrase / controller
   of an infinitive -> source; direct object, passive subject or the row's
   preposition -> target; actors from `ctx.actors`. Agentless passives take the
   claimant as source only when the claimant is a state body reporting its own
   act ("police said 12 protesters were detained"); first-person speakers and
   phrases with no subject ("every option remains on the table") take the
   speaker. Coordinated actors give one record, with the first as the actor.
4. Type by argument where the row says so: "blocked a highway" is PROTEST for
   crowds and COERCE for states; "X said Y violated the truce" is X ACCUSE Y.
5. claimed_by from `attribution.claimant`, negation and modality from
   `negation`, date from `time.resolve_date` (anchored on the last day the text
   spoke of; a sentence that names no date inherits the previous sentence's date
   within the same paragraph), location from the places in the predicate's clause.
6. One record per event: candidates of one type in one sentence whose actors do
   not conflict are one event ("seized 60 posts and destroyed 20 vehicles"), and so
   is a participle that adds to an act (", killing six soldiers").
7. What speech does to an act: a decision is the act decided ("agreed to freeze the
   assets" is the SANCTION, not an AGREE); harm a speaker announces as its own side's
   future or conditional act is a THREATEN ("said it would ban imports"); yielding it
   says it will not do is a REJECT ("we will not lift the roadblocks"). A speaker also
   accuses without a verb of accusing, by calling an act wrong ("this was a reckless
   act"), saying an actor commits wrongs ("has turned repression into policy") or did
   something unlawfully ("had illegally entered").
8. Known tagger slips are read as the verbs they are: a gerund glued to its object
   ("denied mistreating prisoners"), a participle tagged as a noun after "been", a main
   verb hung off a long subject as a participle, a lemma the lemmatizer got wrong.

CAMEO roots: each lexicon row gives one (see event_lexicon.CAMEO_ROOT for the
type defaults): AGREE 03 (signed agreements 05), CONSULT 04, SUPPORT 05, COOPERATE 06, AID 07,
CONCEDE/RETREAT 08, REQUEST 02 (appeal) or 10 (demand), ACCUSE 11, REJECT 12,
THREATEN 13, PROTEST 14, MOBILIZE 15, SANCTION 16, COERCE 17, ASSAULT 18
(assault on persons), 19 (fighting) or 20 (mass violence).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

import pycountry
from spacy.tokens import Span, Token

from wirecoder.extract.context import Context
from wirecoder.extract.event_args import (
    FIRST_PERSON, THIRD_PERSON, actor_in_np, agent_of, child, children,
    clause_subject, clause_subject_of_complement, clause_subject_of_noun, copular_participle, descendants_within,
    gerund_compound, gerund_lemmas, has_to_infinitive, is_passive, local_subtree, object_of, prep_objects, stranded_main_verb,
)
from wirecoder.extract.event_lexicon import Entry, Lexicon, get_lexicon, verb_lemma
from wirecoder.extract.negation import governing_denial, is_negated, modality
from wirecoder.extract.attribution import attributions, claimant as _claimant
from wirecoder.extract.time import resolve_date as _resolve_date
from wirecoder.models import Actor, Event, Place

# Types whose complement is the content of the act, not a second event:
# "urged Aliyev to stop military operations", "accused them of hoarding".
CONTENT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"})
# Types a speaker performs by speaking: with no subject in the sentence, the speaker is the source.
SPEECH_ACT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
# Acts a state body reports about itself in the passive ("12 protesters were detained,
# police said"); the claimant is the agent then. Violence is never assumed so.
SELF_REPORTED_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                                 "RETREAT", "SANCTION", "MOBILIZE", "COERCE", "REQUEST", "REJECT",
                                 "THREATEN"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "IGO"})
# Types that always have a recipient; with none named it is the country the story is about.
RECIPIENT_TYPES = frozenset({"AID", "SANCTION"})
# Types that need a known actor to be worth a record ("was hailed as a triumph").
NEEDS_ACTOR_TYPES = frozenset({"SUPPORT", "AGREE", "CONCEDE", "COOPERATE", "REJECT", "ACCUSE"})
_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_NON_CONTENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "conj", "cc", "punct", "agent",
                               "advmod", "npadvmod", "appos", "parataxis", "mark", "aux", "auxpass",
                               "neg", "det", "poss", "case"})
_HYPOTHETICAL_AMODS = frozenset({"possible", "potential", "future", "planned", "proposed", "threatened",
                                 "imminent", "eventual", "hypothetical"})
# "take place", "break out", "go ahead", "kick off", "get under way"
_OCCUR_PARTICLES = {"take": {"place"}, "break": {"out"}, "go": {"ahead"}, "kick": {"off"},
                    "get": {"underway", "under"}, "happen": None, "occur": None}
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "into",
                             "around", "through", "on"})
# Sources whose "attack" is not what a later "the operation" refers back to.
_UNARMED = frozenset({"CVL", "OPP", "PTY", "MED", "NGO", "EDU", "REL", "BUS", "HLH"})
_PERSON_PRONOUNS = frozenset({"anyone", "everyone", "someone", "them", "him", "her", "us", "people"})
# Verbs whose subject suffers, fights or reports wrongs rather than commits them.
_NOT_WRONGDOING = frozenset({"suffer", "face", "endure", "fight", "combat", "condemn", "reject", "oppose", "end",
                             "stop", "prevent", "denounce", "investigate", "deny", "accuse", "blame", "counter",
                             "resist", "tackle", "address", "report", "document", "survive", "flee", "escape",
                             "say", "warn", "fear", "expose", "protest", "criticize", "criticise", "decry"})
# Acts a body takes by deciding on them: "EU ministers agreed to freeze the assets of ..."
# is the freeze (the decision is the sanction), not an agreement with anyone.
DECIDED_TYPES = frozenset({"SANCTION", "COERCE", "AID", "MOBILIZE"})
# Harm a speaker announces as its own future act is a threat ("said it would ban imports").
THREAT_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
# Yielding a speaker says it will not do is a refusal ("we will not lift the roadblocks").
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT", "AGREE", "COOPERATE"})
# PLOVER THREATEN modes by the verb threatened, then by the threatened act's type/mode.
_THREAT_MODE_BY_LEMMA = {
    "ban": "ban", "embargo": "ban", "bar": "ban", "prohibit": "ban",
    "restrict": "restrict", "block": "restrict", "blockade": "restrict", "close": "restrict", "shut": "restrict",
    "arrest": "arrest", "detain": "arrest", "jail": "arrest", "imprison": "arrest",
    "expel": "expel", "deport": "expel",
    "occupy": "territory", "annex": "territory", "seize": "territory", "capture": "territory",
}
_THREAT_MODE_BY_MODE = {"ban": "ban", "restrict": "restrict", "arrest": "arrest", "deport": "expel",
                        "expel": "expel", "cancel": "relations", "sever": "relations", "withdraw": "relations"}


@dataclass
class Candidate:
    trigger: Token
    entry: Entry
    kind: str                         # verb | noun | phrase | modal
    licensor: Token | None = None     # light / occurrence / travel verb of a nominal trigger
    how: str = ""                     # how a noun was licensed
    span: tuple[int, int] | None = None  # token range of a phrase match


@dataclass
class _State:
    """What the coder carries from sentence to sentence."""
    anchor: date | None = None              # the last day the text spoke of
    last_date: tuple[date, str] | None = None
    last_end: int = 0                       # char offset where the previous sentence ended
    last_source: Actor | None = None        # for "Dozens broke away and attacked ..."
    last_violence_source: Actor | None = None  # for "condemned the operation"
    last_hostile_source: Actor | None = None   # for "this was a reckless act," the minister said
    # the last source of each word of violence ("strike" -> who struck), for "condemned the strikes"
    violence_by_word: dict[str, Actor] = field(default_factory=dict)
    focus: Optional[str] = None             # the country the story is about
    quote_speaker: Actor | None = None      # speaker of the last quote, for the quote sentences after it


# --------------------------------------------------------------------------- helpers

def _actor_for(ctx: Context, tok: Token) -> Actor | None:
    return ctx.actors.for_token(tok) if ctx.actors is not None else None


_OPEN_QUOTES = ("\u201c", '"', "\u2018", "\u00ab")


def _claimant_of(ctx: Context, sent: Span, tok: Token, carried: Actor | None = None) -> Actor | None:
    """On whose word the clause of tok is reported; a sentence that is a quote of its
    own, right after a quoted speaker ("...," said X. "The deadline expires ..."),
    is that speaker's."""
    found = _claimant(sent, ctx, tok)
    if found is None and carried is not None and sent.text.lstrip().startswith(_OPEN_QUOTES):
        return carried
    return found


def _speaker_of(ctx: Context, sent: Span) -> Actor | None:
    """The speaker a sentence holding a quote names, for the quote sentences after it."""
    if not any(q in sent.text for q in _OPEN_QUOTES + ("\u201d",)):
        return None
    for att in attributions(sent, ctx):
        if att.speaker is not None:
            return att.speaker
    return None


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and (a is b or (a.name == b.name and a.code == b.code))


def _hyphen_word(tok: Token) -> str:
    """The hyphenated word ending at tok ("cease-fire", "sit-in"), else tok's text."""
    doc, i = tok.doc, tok.i
    parts = [tok.lower_]
    while i >= 2 and doc[i - 1].text in ("-", "\u2010", "\u2011") and not doc[i - 2].whitespace_ \
            and not doc[i - 1].whitespace_:
        parts[:0] = [doc[i - 2].lower_, "-"]
        i -= 2
    return "".join(parts)


def _in_named_entity(tok: Token) -> bool:
    return tok.ent_type_ in ("ORG", "GPE", "PERSON", "FAC", "LOC", "NORP", "WORK_OF_ART", "LAW", "EVENT",
                             "PRODUCT")


class _Matcher:
    """Lexicon conditions evaluated on one candidate."""

    def __init__(self, lex: Lexicon, ctx: Context):
        self.lex, self.ctx = lex, ctx

    def word_in(self, items: tuple[str, ...], tok: Token | None) -> bool:
        if tok is None:
            return False
        lemma, lower = tok.lemma_.lower(), tok.lower_
        for item in items:
            name = item.lstrip("@")
            if name == "actor":
                if _actor_for(self.ctx, tok) is not None:
                    return True
            elif name == "person":
                if tok.ent_type_ == "PERSON" or lower in _PERSON_PRONOUNS or \
                        self.lex.in_class("persons", lemma):
                    return True
            elif name == "money":
                if tok.ent_type_ == "MONEY" or any(t.ent_type_ == "MONEY" for t in tok.subtree) \
                        or self.lex.in_class("money", lemma):
                    return True
            elif name in self.lex.classes:
                if self.lex.in_class(name, lemma) or self.lex.in_class(name, lower):
                    return True
            elif lemma == name or lower == name:
                return True
        return False

    def np_has(self, items: tuple[str, ...], tok: Token | None) -> bool:
        """The phrase's head, or a noun inside it ("$30 million in humanitarian assistance"),
        is one of the items."""
        if tok is None:
            return False
        if self.word_in(items, tok):
            return True
        for t in local_subtree(tok):
            if t != tok and t.pos_ in ("NOUN", "PROPN", "NUM", "SYM") and self.word_in(items, t):
                return True
        return False


# --------------------------------------------------------------------------- candidates

def _verb_entries(lex: Lexicon, tok: Token) -> list[Entry]:
    entries = lex.lookup("V", verb_lemma(tok))
    words = {c.lower_ for c in tok.children} | {c.lemma_.lower() for c in tok.children}
    # "called for Serbia to open": the preposition is the clause's mark
    for c in tok.children:
        if c.dep_ in ("advcl", "ccomp", "xcomp"):
            words |= {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "prep":
            words |= {m.lower_ for m in c.children if m.dep_ == "prep"}  # "look to"
            # "calls in the strongest terms for ...": the particle hangs on the adjunct
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    words |= {m.lower_ for m in pobj.children if m.dep_ == "prep"}
    with_particle = [e for e in entries if e.particle and all(w in words for w in e.pattern[1:])]
    plain = [e for e in entries if not e.particle]
    if not with_particle and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return []  # "hit out at", "lash out": a different verb
    # table order decides: "fired tear gas at them" is COERCE before "fire at" is ASSAULT
    return sorted(with_particle + plain, key=lambda e: e.line)


def _noun_entries(lex: Lexicon, tok: Token) -> list[Entry]:
    forms = {tok.lemma_.lower(), tok.lower_, _hyphen_word(tok)}
    out: list[Entry] = []
    for form in forms:
        for entry in lex.lookup("N", form):
            if entry not in out:
                out.append(entry)
    matched = []
    for entry in out:
        mods = entry.modifiers
        if mods:
            if tok.i < len(mods):
                continue
            before = tok.doc[tok.i - len(mods): tok.i]
            if [t.lemma_.lower() for t in before] != list(mods) and [t.lower_ for t in before] != list(mods):
                continue
        matched.append(entry)
    matched.sort(key=lambda e: -len(e.modifiers))  # "air strike" before "strike"
    return matched


def _phrase_matches(lex: Lexicon, sent: Span) -> list[tuple[Entry, int, int]]:
    """(entry, first token, last token + 1) for every fixed phrase in the sentence."""
    toks = list(sent)
    forms = [(t.lemma_.lower(), t.lower_) for t in toks]
    out = []
    for entry in lex.phrases():
        pat = entry.pattern
        for start in range(len(toks)):
            end = _match_at(pat, forms, start)
            if end is not None:
                out.append((entry, toks[start].i, toks[end - 1].i + 1))
    return out


def _match_at(pat: tuple[str, ...], forms: list[tuple[str, str]], i: int) -> int | None:
    if not pat:
        return i
    word = pat[0]
    if word == "*":
        for skip in range(0, 4):
            end = _match_at(pat[1:], forms, i + skip)
            if end is not None:
                return end
        return None
    if i < len(forms) and word in forms[i]:
        return _match_at(pat[1:], forms, i + 1)
    return None


def _modal_trigger(tok: Token) -> Token | None:
    """For a deontic word, the verb of the obligation: "must (take)", "need (to end)"."""
    lemma = tok.lemma_.lower()
    if lemma in ("must", "should", "ought") and tok.dep_ == "aux":
        return tok.head
    if lemma in ("need", "have") and tok.pos_ in ("VERB", "AUX"):
        xc = child(tok, "xcomp")
        if xc is not None and has_to_infinitive(xc):
            return tok
    return None


class _VerbView:
    """A noun token read as the verb it is ("calls" with a subject): its verb lemma."""

    def __init__(self, tok: Token):
        self._tok = tok
        lower = tok.lower_
        self.lemma_ = lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower

    def __getattr__(self, name):
        return getattr(self._tok, name)


def find_candidates(sent: Span, lex: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    in_phrase: set[int] = set()
    for entry, start, end in _phrase_matches(lex, sent):
        span = sent.doc[start:end]
        trig = next((t for t in span if t.pos_ in ("NOUN", "VERB", "PROPN")), span.root)
        out.append(Candidate(trigger=trig, entry=entry, kind="phrase", span=(start, end)))
        in_phrase.update(range(start, end))
    for tok in sent:
        if tok.i in in_phrase:
            continue
        # verbs the tagger read as nouns: "denied (mistreating) prisoners", "had been (overrun)"
        misread = gerund_lemmas(tok) if gerund_compound(tok) else (
            [tok.lemma_.lower(), tok.lower_] if copular_participle(tok) else [])
        for form in dict.fromkeys(misread):
            for entry in lex.lookup("V", form):
                if not entry.particle:
                    out.append(Candidate(trigger=tok, entry=entry, kind="verb"))
        # a noun with a subject is a verb the tagger missed ("the secretary-general calls for")
        verbal = tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children))
        if verbal:
            for entry in _verb_entries(lex, _VerbView(tok) if tok.pos_ == "NOUN" else tok):
                out.append(Candidate(trigger=tok, entry=entry, kind="verb"))
        if (tok.pos_ in ("NOUN", "PROPN") and not verbal) or (tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "dobj", "pobj",
                                                                                 "nsubjpass", "conj")):
            if tok.dep_ in ("compound", "amod") or (tok.pos_ == "PROPN" and _in_named_entity(tok)):
                continue
            for entry in _noun_entries(lex, tok):
                out.append(Candidate(trigger=tok, entry=entry, kind="noun"))
        modal_verb = _modal_trigger(tok)
        if modal_verb is not None:
            for entry in lex.lookup("M", tok.lemma_.lower()):
                out.append(Candidate(trigger=modal_verb, entry=entry, kind="modal"))
    return out


# --------------------------------------------------------------------------- is it an asserted event?

def _noun_licence(cand: Candidate, lex: Lexicon, ctx: Context) -> tuple[Token | None, str] | None:
    """Where a nominal trigger is used to report an event; None when it is not."""
    tok = cand.trigger
    first = tok
    while first.dep_ == "conj" and first.head != first and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head                                   # "sanctions and an embargo"
    head = first.head
    hlemma = verb_lemma(head)
    # object of a light verb, active or passive ("imposed sanctions", "sanctions were imposed")
    if first.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and lex.in_class("light", hlemma):
        return head, "light"
    # participle or relative clause of a light verb ("operations launched a day earlier")
    for c in children(tok, "acl", "relcl"):
        if lex.in_class("light", verb_lemma(c)) and c.tag_ in ("VBN", "VBD"):
            return c, "light-participle"
    # subject of a verb of occurring ("the shelling started", "talks would take place")
    if first.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and lex.in_class("occur", hlemma):
        need = _OCCUR_PARTICLES.get(hlemma, None)
        if hlemma not in _OCCUR_PARTICLES or need is None or any(
                c.lower_ in need or c.lemma_.lower() in need for c in head.children):
            return head, "occur"
    # "flew to Niamey for talks with the coup leaders"
    if cand.entry.type == "CONSULT" and first.dep_ == "pobj" and head.lower_ == "for" \
            and head.head.pos_ == "VERB" and lex.in_class("motion", verb_lemma(head.head)):
        return head.head, "purpose"
    # "appeals for a halt", "calls for Baku to allow ..."
    if cand.entry.type == "REQUEST" and "has" in cand.entry.conditions:
        return None, "speech"
    # an actor's act in a core argument ("Baku's offensive violated ...")
    if first.dep_ in _CORE_DEPS:
        for mod in children(tok, "poss", "amod", "compound"):
            if mod.lower_ in cand.entry.modifiers:
                continue
            if _actor_for(ctx, mod) is not None:
                return None, "owned"
    return None


def _hypothetical_noun(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in ("any", "no", "every", "each"):
            return True
        if c.dep_ == "amod" and c.lower_ in _HYPOTHETICAL_AMODS:
            return True
        if c.lower_ == "such" and c.dep_ in ("amod", "det", "predet"):
            return True  # "more than 200 such protests": a kind of event, counted, not one event
    return False


def _is_infinitive_of_intent(verb: Token, lex: Lexicon) -> bool:
    """"to meet", "to disperse them": an infinitive reports an intent, unless an
    implicative or reporting verb governs it ("continued to shell", "claimed to have
    seized")."""
    if not has_to_infinitive(verb):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False  # perfect infinitive: "to have seized"
    head = verb.head
    if head == verb:
        return False
    return not lex.in_class("implicative", verb_lemma(head))


def _governing_act(tok: Token, by_token: dict[int, list[Candidate]], lex: Lexicon) -> str | None:
    """Why tok is the content of something else, or None: it sits in the complement
    of an act whose content it is ("urged X to stop ..."), of a halting verb or noun
    ("an end to the fighting"), or of an intent ("plans for an offensive")."""
    cur = tok
    for step in range(20):
        head = cur.head
        if head == cur:
            return None
        dep = cur.dep_
        if dep not in _NON_CONTENT_DEPS:
            hl = verb_lemma(head)
            if step == 0 and dep == "dobj" and lex.in_class("presuppose", hl):
                return None  # "vowed to continue the offensive": the offensive is going on
            for other in by_token.get(head.i, []):
                if other.entry.type in CONTENT_TYPES:
                    return f"content of {other.entry.type}"
                if step == 0 and tok.pos_ in ("NOUN", "PROPN") and dep in ("dobj", "nsubjpass"):
                    return f"patient of {other.entry.type}"  # "revoked its agreements"
            if lex.in_class("halt", hl) and head.pos_ in ("VERB", "NOUN"):
                return "halted"
            if head.pos_ in ("VERB", "AUX") and lex.in_class("irrealis", hl):
                return "intended"
            if head.pos_ == "NOUN" and lex.in_class("irrealis_n", hl):
                return "intended"
        elif dep in ("nsubj", "nsubjpass", "csubj", "parataxis"):
            return None
        if dep == "relcl":
            return None  # a relative clause asserts on its own: "a swap, which Russia rejected"
        cur = head
    return None


def _decider(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of decision whose to-infinitive tok is ("agreed to freeze ... and to bar",
    "voted to impose"), else None."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj" and cur.head != cur:
            cur = cur.head
            continue
        if cur.dep_ == "xcomp" and has_to_infinitive(cur) and lex.in_class("decide", verb_lemma(cur.head)):
            return cur.head
        return None
    return None


def _threat_mode(rec: dict) -> str | None:
    lemma = rec["trigger_tok"].lemma_.lower()
    if lemma in _THREAT_MODE_BY_LEMMA:
        return _THREAT_MODE_BY_LEMMA[lemma]
    if rec["type"] == "ASSAULT":
        return "violence"
    return _THREAT_MODE_BY_MODE.get(rec["mode"] or "")


def _elaborates_other_act(tok: Token, by_token: dict[int, list[Candidate]], lex: Lexicon) -> bool:
    """", targeting state-owned firms" after "imposed sanctions": a participle that says
    whom another, non-violent act hits is part of that act, not an attack."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or not lex.in_class("scope", tok.lemma_.lower()):
        return False
    head = tok.head
    acts = list(by_token.get(head.i, []))
    acts += [o for c in head.children if c.dep_ in ("dobj", "nsubjpass") for o in by_token.get(c.i, [])]
    return any(o.entry.type not in ("ASSAULT",) for o in acts)


def _absorbed_by_protest(cand: Candidate, by_token: dict[int, list[Candidate]]) -> bool:
    """"crowds gathered ..., calling for the president to resign": the demand is the
    protest's, not a request of its own."""
    tok = cand.trigger
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("advcl", "conj", "acl", "xcomp", "relcl") or cur.head == cur:
            return False
        cur = cur.head
        if any(o.entry.type == "PROTEST" for o in by_token.get(cur.i, [])):
            return True
    return False


# --------------------------------------------------------------------------- the coder

class _Coder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.lex = get_lexicon()
        self.m = _Matcher(self.lex, ctx)
        self.state = _State(focus=_focus_country(ctx))

    # ---- arguments

    def actor(self, tok: Token | None, avoid: Actor | None = None) -> Actor | None:
        if tok is None:
            return None
        return actor_in_np(tok, lambda t: _actor_for(self.ctx, t),
                           avoid=lambda a: _same_actor(a, avoid))

    def source_token(self, cand: Candidate, licensor: Token | None) -> Token | None:
        tok = cand.trigger
        if cand.kind == "verb":
            if is_passive(tok):
                return agent_of(tok)
            return clause_subject(tok)
        if cand.kind == "phrase":
            return clause_subject(tok) if tok.pos_ == "VERB" else None
        if cand.kind == "noun":
            for mod in children(tok, "poss", "amod", "compound"):
                if mod.lower_ not in cand.entry.modifiers and _actor_for(self.ctx, mod) is not None:
                    return mod
            for pobj in prep_objects(tok, ("by", "from")):
                return pobj
            # "appeals for a halt to the hostilities ... from the UN": the "from" phrase
            # may hang further down the noun's phrase
            if cand.entry.type == "REQUEST":
                for t in tok.subtree:
                    if t.dep_ == "prep" and t.lower_ == "from":
                        pobj = child(t, "pobj")
                        if pobj is not None and _actor_for(self.ctx, pobj) is not None:
                            return pobj
            if licensor is not None:
                if cand.how in ("light", "purpose"):
                    return agent_of(licensor) if is_passive(licensor) else clause_subject(licensor)
                if cand.how == "occur":                 # "aid from China arrived"
                    for pobj in prep_objects(licensor, ("from", "by")):
                        if _actor_for(self.ctx, pobj) is not None or self._country_of_place(pobj):
                            return pobj
                if cand.how == "light-participle":
                    ag = agent_of(licensor)
                    if ag is not None:
                        return ag
                    return clause_subject_of_noun(tok)
        return None

    def target(self, cand: Candidate, source: Actor | None, licensor: Token | None,
               claimant: Actor | None) -> tuple[Actor | None, Token | None]:
        """The target actor and the noun phrase it came from (which may name no actor)."""
        tok = cand.trigger
        first_np: Token | None = None
        for how in cand.entry.targets:
            toks: list[Token] = []
            if how == "obj":
                if cand.kind in ("verb", "phrase"):
                    o = object_of(tok)
                    if o is None:                            # "blamed what it called X"
                        o = _free_relative_object(tok)
                    if o is not None:
                        toks.append(o)
                elif licensor is not None and cand.how == "light":
                    pass
            elif how == "pp" and cand.entry.particle:
                toks += prep_objects(tok, (cand.entry.particle,))
                for p in children(tok, "prep"):                       # "look to(ward) X"
                    toks += prep_objects(p, (cand.entry.particle,))
                for c in tok.children:                                # "called for Serbia to open"
                    if c.dep_ in ("advcl", "ccomp", "xcomp") and any(
                            m.dep_ == "mark" and m.lower_ == cand.entry.particle for m in c.children):
                        s = child(c, "nsubj")
                        if s is not None:
                            toks.append(s)
                if cand.entry.particle in ("on", "upon", "to") and not toks:
                    toks += children(tok, "dobj")
            elif how.startswith("prep:"):
                word = how[5:]
                toks += prep_objects(tok, (word,))
                obj = child(tok, "dobj")
                if obj is not None:
                    toks += prep_objects(obj, (word,))
                if licensor is not None and cand.how == "light":
                    toks += prep_objects(licensor, (word,))
            elif how == "xsubj":
                s = clause_subject_of_complement(tok)
                if s is not None:
                    toks.append(s)
                for p in prep_objects(tok, ("for",)):
                    toks.append(p)
            elif how == "against":
                for t in local_subtree(tok, frozenset({"relcl", "ccomp", "parataxis", "conj"})):
                    if t.dep_ == "prep" and t.lower_ == "against":
                        toks += children(t, "pobj")
            elif how == "comp":
                for c in children(tok, "ccomp"):
                    for t in local_subtree(c, frozenset({"relcl", "parataxis"})):
                        if t.dep_ == "prep" and t.lower_ in ("to", "for", "with"):
                            toks += children(t, "pobj")
            elif how == "at":
                for t in local_subtree(tok, frozenset({"relcl", "ccomp", "parataxis", "conj"})):
                    if t.dep_ == "prep" and t.lower_ in ("outside", "at", "near", "before") and t.head.i == tok.i:
                        toks += children(t, "pobj")
            for np in toks:
                if first_np is None:
                    first_np = np
                a = self.actor(np, avoid=source)
                if a is None and how == "comp":
                    code = self._country_of_place(np)   # "commitments extend to the Philippines"
                    a = _country_actor(self.ctx, code) if code is not None else None
                if a is not None:
                    return a, np
        for purpose in children(tok, "advcl", "xcomp"):
            if has_to_infinitive(purpose) and any(
                    e.type == cand.entry.type for e in self.lex.lookup("V", purpose.lemma_.lower())):
                o = object_of(purpose)
                a = self.actor(o, avoid=source) if o is not None else None
                if a is not None:
                    return a, o
        return None, first_np

    def resolve_source(self, src_tok: Token | None, claimant: Actor | None) -> Actor | None:
        if src_tok is None:
            return None
        low = src_tok.lower_
        a = self.actor(src_tok)
        if a is None and src_tok.dep_ == "pobj" and src_tok.head.lower_ == "from":
            code = self._country_of_place(src_tok)   # "flights ... landed from China": the sender
            if code is not None:
                return _country_actor(self.ctx, code)
        if low in ("it", "they", "he", "she"):
            bound = self._speech_subject(src_tok)
            if bound is not None:
                return bound                             # "the group said it had seized ..."
        if a is not None and low in THIRD_PERSON and _in_relative_clause(src_tok):
            # "officials whom they accused": they are not the officials; the subject of
            # the clause the relative clause hangs in is the better guess
            return self._subject_above(src_tok) or a
        if a is not None:
            return a
        if low in FIRST_PERSON:
            return claimant                              # "we call on ...," the ministry said
        if low in THIRD_PERSON:
            return self._subject_above(src_tok)
        if (self.lex.in_class("quantity", src_tok.lemma_.lower()) or src_tok.pos_ == "NUM") \
                and not prep_objects(src_tok, ("of",)):
            return self.state.last_source                # "Dozens broke away and attacked ..."
        return None

    def _speech_subject(self, pron: Token) -> Actor | None:
        """The subject of the reporting verb whose complement a subject pronoun opens
        agrees with it in number and stands for it: "The army said it had ...",
        "The rebels said they had ...". None when that subject is no actor."""
        verb = pron.head
        if pron.dep_ not in ("nsubj", "nsubjpass"):
            return None
        while verb.dep_ == "conj" and verb.head != verb:
            verb = verb.head
        if verb.dep_ != "ccomp" or not self.lex.in_class("speech", verb.head.lemma_.lower()):
            return None
        subj = child(verb.head, "nsubj")
        if subj is None or subj.pos_ == "PRON":
            return None
        low = pron.lower_
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        if low == "it" and (plural or subj.ent_type_ == "PERSON"):
            return None
        if low == "they" and not plural:
            return None
        if low in ("he", "she") and subj.ent_type_ != "PERSON" and not self.lex.in_class("persons", subj.lemma_.lower()):
            return None
        return self.actor(subj)

    def _country_of_place(self, tok: Token) -> str | None:
        """The state a country-name token stands for, read from the place table."""
        if self.ctx.places is None:
            return None
        place = self.ctx.places.at_char(tok.idx, tok.idx + len(tok.text))
        if place is not None and place.feature == "country" and place.country:
            return place.country
        return None

    def _subject_above(self, tok: Token) -> Actor | None:
        """The actor subject of a clause above tok's own."""
        cur = tok.head
        for _ in range(6):
            if cur.head == cur:
                break
            cur = cur.head
            subj = child(cur, "nsubj")
            if subj is not None and subj.i != tok.i:
                a = self.actor(subj)
                if a is not None:
                    return a
        return None

    # ---- one candidate

    def code(self, cand: Candidate, sent: Span, by_token: dict[int, list[Candidate]]) -> Optional[dict]:
        entry, tok, lex, conds = cand.entry, cand.trigger, self.lex, cand.entry.conditions
        licensor: Token | None = None
        claimant = _claimant_of(self.ctx, sent, tok, self.state.quote_speaker)

        # -- is it an asserted event?
        decider = _decider(tok, lex) if entry.type in DECIDED_TYPES and cand.kind == "verb" else None
        if cand.kind == "verb":
            if (tok.dep_ in ("amod", "compound") and not gerund_compound(tok)) or (
                    tok.dep_ == "acl" and tok.tag_ == "VBN" and not stranded_main_verb(tok)):
                return None
            if gerund_compound(tok):
                licensor = tok.head  # polarity and denial reach the gerund through its object
            if decider is not None:
                pass  # the decision is the act: "agreed to freeze the assets"
            elif _is_infinitive_of_intent(tok, lex) and not (
                    entry.type in ("THREATEN", "REQUEST") and tok.head.lemma_.lower() in ("say", "add")):
                return None
        elif cand.kind == "noun":
            lic = _noun_licence(cand, lex, self.ctx)
            if lic is None or _hypothetical_noun(tok):
                return None
            licensor, cand.how = lic
            if licensor is not None and licensor.dep_ in ("amod",):
                return None
            if licensor is not None and entry.type in DECIDED_TYPES and cand.how == "light":
                decider = _decider(licensor, lex)      # "voted to impose sanctions"
            if licensor is not None and decider is None and _is_infinitive_of_intent(licensor, lex) \
                    and not lex.in_class("presuppose", licensor.lemma_.lower()):
                return None  # "plans to launch an offensive"; but "intends to continue" one
        elif cand.kind == "modal":
            subj = child(tok, "nsubj", "nsubjpass")
            if claimant is None or subj is None or subj.lower_ in FIRST_PERSON or subj.lower_ == "you":
                return None
        anchor_tok = licensor if licensor is not None else tok
        why = None if decider is not None else _governing_act(tok, by_token, lex)
        if why is not None and not (cand.kind == "phrase" and entry.type == "THREATEN"):
            return None
        if entry.type == "REQUEST" and _absorbed_by_protest(cand, by_token):
            return None

        quoted = claimant is not None
        mod_tok = anchor_tok.head if copular_participle(anchor_tok) else anchor_tok
        mod = modality(mod_tok, quoted=quoted) if mod_tok.pos_ in ("VERB", "AUX") else None
        # a conditional harm stands only as a speaker's threat ("would strike if ..."), decided below
        conditional_harm = mod == "hypothetical" and entry.type in THREAT_TYPES and claimant is not None
        if mod == "hypothetical" and entry.type != "THREATEN" and cand.kind != "modal" and not conditional_harm:
            return None
        if "future" in conds and mod not in ("future", "hypothetical"):
            return None
        if cand.kind == "verb" and _elaborates_other_act(tok, by_token, lex):
            return None

        # -- static conditions
        obj_tok = object_of(tok) if cand.kind == "verb" else None
        if "nopassive" in conds and cand.kind == "verb" and is_passive(tok):
            return None
        if "noobj" in conds and child(tok, "dobj") is not None:
            return None
        if "obj" in conds:
            target_np = obj_tok
            if cand.kind == "verb" and target_np is None and tok.dep_ == "conj":
                target_np = object_of(tok.head) if tok.head.pos_ == "VERB" else None
            if not self.m.np_has(conds["obj"], target_np):
                return None
        if "has" in conds:
            near = descendants_within(tok, 2)
            if cand.kind == "noun":
                near += [m for c in tok.children if c.dep_ in ("acl", "relcl") for m in c.children]
            if not any(self.m.word_in(conds["has"], t) for t in near):
                return None
        if "xcomp" in conds:
            xs = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl") and has_to_infinitive(c)]
            if not xs or (conds["xcomp"] != ("any",) and not any(self.m.word_in(conds["xcomp"], x) for x in xs)):
                return None
        if "mod" in conds:
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
            mods += [t for t in tok.doc[max(tok.i - 3, 0): tok.i]]
            if not any(self.m.word_in(conds["mod"], m) or _hyphen_word(m) in self._class_words(conds["mod"])
                       for m in mods) and child(tok, "poss") is None:
                return None
        if "dur" in conds:
            dur = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod") and self.m.word_in(("duration",), c)]
            clause = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "relcl", "acl") and has_to_infinitive(c)]
            clause += [c for d in dur for c in d.children if c.dep_ in ("acl", "relcl") and has_to_infinitive(c)]
            if not dur or not clause:
                return None
        if "np" in conds:
            # a noun's own phrase; for a verb, its object's ("20 million euros in humanitarian aid")
            phrase = local_subtree(tok) if cand.kind != "verb" else (local_subtree(obj_tok) if obj_tok is not None else [])
            if not any(self.m.word_in(conds["np"], t) for t in phrase):
                return None
        if "nopp" in conds and any(c.dep_ == "prep" and c.lower_ in conds["nopp"] for c in tok.children):
            return None
        if "quoted" in conds and not quoted:
            return None
        if "reported" in conds and claimant is None:
            return None

        # -- arguments
        src_tok = self.source_token(cand, licensor) if cand.kind != "modal" else None
        source = self.resolve_source(src_tok, claimant)
        etype = entry.type
        if "reported" in conds:
            # "X said Y violated the truce": X accuses Y
            target = self.actor(src_tok) if src_tok is not None else None
            source = claimant
            target_np = src_tok
        elif cand.kind == "modal":
            source = claimant
            subj = child(tok, "nsubj", "nsubjpass")
            target, target_np = (self.actor(subj, avoid=source) if subj is not None else None), subj
        else:
            target, target_np = self.target(cand, source, licensor, claimant)
            if etype in ("ASSAULT", "COERCE") and target_np is not None and (
                    target is None or (target.code is None and target.country is None)):
                # "stormed a military base": the base's owner is the target
                target = self._installation_owner(target_np, tok, licensor, source) or target

        if "tgtactor" in conds and target is None:
            return None
        if "srcactor" in conds and source is None:
            if not (src_tok is not None and self.lex.in_class("weapon", src_tok.lemma_.lower())):
                return None
        if "src" in conds:
            ok_sectors = set(conds["src"])
            crowd = "crowd" in ok_sectors and src_tok is not None and (
                self.lex.in_class("crowd", src_tok.lemma_.lower())
                or any(self.lex.in_class("crowd", t.lemma_.lower()) for t in src_tok.subtree))
            if not crowd and (source is None or source.sector not in ok_sectors):
                return None

        # -- who the source is when the sentence does not say
        agentless = cand.kind == "verb" and is_passive(tok) and agent_of(tok) is None
        if source is None and agentless:
            source = self._custodian(tok)         # "had been returned from Ukrainian captivity"
        if source is None and claimant is not None:
            if etype in SPEECH_ACT_TYPES and (src_tok is None or cand.kind == "phrase"):
                source = claimant                 # "every option remains on the table," he said
            elif (agentless or (cand.kind == "noun" and src_tok is None)) and etype in SELF_REPORTED_TYPES \
                    and claimant.sector in STATE_SECTORS:
                source = claimant                 # "12 protesters were detained," police said
        if target is None and etype in ("ACCUSE", "REQUEST", "REJECT") and target_np is not None \
                and self._is_violence_noun(target_np):
            # "condemned the strikes": who last struck, else who last used force
            target = self.state.violence_by_word.get(target_np.lemma_.lower()) or self.state.last_violence_source
        if target is None and etype in ("REJECT", "AGREE", "SUPPORT") and target_np is not None:
            target = self._proposer(target_np, source)  # "an exchange, which Russia rejected"
        if target is None and etype in RECIPIENT_TYPES:
            target = self._recipient(tok, licensor, source)
        if source is None and target is None and etype in NEEDS_ACTOR_TYPES and not (
                src_tok is not None and self.lex.in_class("reciprocal", src_tok.lemma_.lower())):
            return None                           # ... but "the parties agreed to" stands
        if _same_actor(source, target):
            target = None

        if claimant is not None and _same_actor(claimant, source) and cand.kind == "verb" \
                and etype in SPEECH_ACT_TYPES and tok.dep_ in ("ROOT", "conj"):
            claimant = None  # "Peru warned that ...": the warning is its own act, not hearsay
        negated = is_negated(tok, licensor)
        contexts = []
        if mod == "future":
            contexts.append("future")
        if mod == "hypothetical":
            contexts.append("hypothetical")
        rec = dict(type=etype, mode=entry.mode, cameo=entry.cameo, source=source, target=target,
                   negated=negated, claimed_by=claimant, trigger_tok=tok, licensor=licensor,
                   contexts=contexts, kind=cand.kind, denial=governing_denial(anchor_tok),
                   decider=decider)
        announced = mod in ("future", "hypothetical") and self._speaker_announces(claimant, source, src_tok)
        if conditional_harm and (not announced or negated):
            return None
        rec["announced"] = announced and not negated
        if announced:
            if etype in THREAT_TYPES and not negated and (etype == "ASSAULT" or target is not None):
                # "the ministry said it would ban imports": announcing harm is threatening it
                rec.update(type="THREATEN", mode=_threat_mode(rec), cameo="13", claimed_by=None)
            elif etype in YIELD_TYPES and negated and mod == "future" and rec["denial"] is None:
                # "we will not lift the roadblocks": refusing to yield
                rec.update(type="REJECT", mode="yield", cameo="12", negated=False, claimed_by=None,
                           source=source or claimant)
        return rec

    def _speaker_announces(self, claimant: Actor | None, source: Actor | None, src_tok: Token | None) -> bool:
        """The speaker tells of its own side's act: same actor or state, a first-person
        subject, or a subject the speaker owns ("his side", "its forces")."""
        if claimant is None:
            return False
        if src_tok is not None and (src_tok.lower_ in FIRST_PERSON or any(
                c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their", "our", "my") for c in src_tok.children)):
            return True
        if source is None:
            return False
        return _same_actor(source, claimant) or (source.code is not None and source.code == claimant.code)

    def _proposer(self, np: Token, source: Actor | None) -> Actor | None:
        """Who put forward what is rejected or accepted: the subject of the verb of
        proposing whose object the phrase is ("Kyiv has proposed an exchange, which ...")."""
        if np.dep_ != "dobj" or not self.lex.in_class("propose", np.head.lemma_.lower()):
            return None
        subj = clause_subject(np.head)
        a = self.actor(subj) if subj is not None else None
        return None if _same_actor(a, source) else a

    def _custodian(self, tok: Token) -> Actor | None:
        """Who held those a passive verb frees: "returned from Russian captivity"."""
        for pobj in prep_objects(tok, ("from", "in", "out")):
            if self.lex.in_class("custody", pobj.lemma_.lower()):
                a = self.actor(pobj)
                if a is not None:
                    return a
        return None

    def _installation_owner(self, np: Token, tok: Token, licensor: Token | None,
                            source: Actor | None) -> Actor | None:
        """A military or police installation without a named owner ("a military base",
        "an army checkpoint") belongs to the state it stands in: the country of the place
        the clause names, else the country the story is about."""
        if not self.lex.in_class("installation", np.lemma_.lower()):
            return None
        mods = [c for c in np.children if c.dep_ in ("amod", "compound")]
        force = next((m for m in mods if self.lex.in_class("forcemod", m.lemma_.lower())), None)
        if force is None:
            return None
        place = self._location(tok, licensor)
        country = place.country if place is not None and place.country else self.state.focus
        if country is None or (source is not None and source.code == country and source.sector in STATE_SECTORS):
            return None
        # "government positions" in a war are its troops'
        sector = "COP" if force.lemma_.lower() in ("police", "gendarmerie") else "MIL"
        return _force_actor(self.ctx, country, sector)

    # ---- accusations made by describing, not by a verb of accusing

    def stated_accusations(self, sent: Span) -> list[dict]:
        """A speaker accuses by calling an act wrong ("This was a reckless act," the
        minister said), by saying an actor commits wrongs ("the regime has turned
        repression into policy") or did something unlawfully ("the boat had illegally
        entered"). Only in someone's words: the article's own voice accuses nobody."""
        out = []
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in tok.children):
                continue
            claimant = _claimant_of(self.ctx, sent, tok, self.state.quote_speaker)
            if claimant is None:
                continue
            target = self._wrong_act_predicated(tok)
            if target is False:
                target = self._wrongdoer(tok, claimant)
            if target is False:
                continue
            if _same_actor(target, claimant):
                continue
            out.append(dict(type="ACCUSE", mode=None, cameo="11", source=claimant, target=target, negated=False,
                            claimed_by=None, trigger_tok=tok, licensor=None, contexts=[], kind="verb",
                            denial=None, decider=None))
        return out

    def _wrong_act_predicated(self, verb: Token):
        """"this was a deliberate and dangerous act", "their actions are illegal": the
        actor blamed (None when the act's author goes unnamed); False when no such clause."""
        if verb.lemma_.lower() != "be":
            return False
        subj = child(verb, "nsubj")
        if subj is None:
            return False
        pred = child(verb, "attr", "acomp")
        if pred is None:
            return False
        if pred.dep_ == "attr":
            if not self.lex.in_class("actnoun", pred.lemma_.lower()) or not any(
                    c.dep_ in ("amod", "conj") and self.lex.in_class("evalpred", c.lower_)
                    for c in list(pred.children) + [g for c in pred.children for g in c.children]):
                return False
        elif not self.lex.in_class("evalpred", pred.lower_):
            return False
        if subj.lower_ == "it" and any(c.dep_ in ("xcomp", "ccomp", "csubj") for c in list(verb.children) + list(pred.children)):
            return False  # "it is illegal to sell ...": no act is judged
        if subj.lower_ not in ("this", "that", "it") and not self.lex.in_class("actnoun", subj.lemma_.lower()) \
                and not any(e.type in ("ASSAULT", "COERCE", "SANCTION") for e in self.lex.lookup("N", subj.lemma_.lower())):
            return False
        if subj.pos_ != "PRON":
            owner = self.actor(subj)
            if owner is not None:
                return owner
        for by in prep_objects(pred, ("by",)):
            a = self.actor(by)
            if a is not None:
                return a
        # "this was a reckless act": the act the story last told; with none, nobody is accused
        return self.state.last_hostile_source or False

    def _wrongdoer(self, verb: Token, claimant: Actor):
        """"the regime has turned repression into state policy" / "had illegally entered
        its waters": the actor said to do wrong, else False."""
        subj = child(verb, "nsubj")
        if subj is None or subj.lower_ in FIRST_PERSON or verb.lemma_.lower() in _NOT_WRONGDOING:
            return False
        if any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their", "our", "my") for c in subj.children):
            return False  # "his party had ...": the speaker's own side
        manner = any(c.dep_ == "advmod" and self.lex.in_class("wrongadv", c.lower_) for c in verb.children)
        if not manner:
            # the wrong is what the subject does or makes, not a detail of it ("showed signs of torture")
            objs = children(verb, "dobj", "attr", "oprd") + prep_objects(verb, ("into",))
            heads = objs + [c for o in objs for c in o.children if c.dep_ in ("conj", "compound")]
            if not any(self.lex.in_class("misconduct", t.lemma_.lower()) or self.lex.in_class("misconduct", t.lower_)
                       for t in heads):
                return False
        actor = self.actor(subj)
        if actor is None or _same_actor(actor, claimant) or (
                actor.code is not None and actor.code == claimant.code and actor.sector == claimant.sector):
            return False
        return actor

    def _class_words(self, items: tuple[str, ...]) -> set[str]:
        words: set[str] = set()
        for item in items:
            name = item.lstrip("@")
            words |= set(self.lex.classes.get(name, {name}))
        return words

    def _is_violence_noun(self, tok: Token) -> bool:
        """A definite mention of an armed act ("the operation", "this offensive")."""
        if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                   for c in tok.children):
            return False
        forms = {tok.lemma_.lower(), tok.lower_}
        return any(e.type in ("ASSAULT", "COERCE") for f in forms for e in self.lex.lookup("N", f))

    def _recipient(self, tok: Token, licensor: Token | None, source: Actor | None) -> Actor | None:
        """Aid lands somewhere and sanctions hit someone: the country of the place the
        sentence names, else the country the story is about."""
        country = None
        place = self._location(tok, licensor)
        if place is not None and place.country:
            country = place.country
        if country is None:
            country = self.state.focus
        if country is None or (source is not None and (source.code == country)):
            return None
        return _country_actor(self.ctx, country)

    def _location(self, tok: Token, licensor: Token | None) -> Place | None:
        places = self.ctx.places
        if places is None:
            return None
        scope = local_subtree(licensor if licensor is not None else tok,
                              frozenset({"relcl", "ccomp", "parataxis", "advcl"}))
        best = None
        for t in scope:
            if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE_PREPS:
                place = places.at_char(t.idx, t.idx + len(t.text))
                if place is not None:
                    best = place
                    break
        return best

    # ---- dates

    def date_for(self, sent: Span, tok: Token, new_paragraph: bool) -> tuple[date, str] | None:
        got = _resolve_date(sent, self.ctx.reference_date, self.state.anchor, tok)
        if got is None and not new_paragraph and self.state.last_date is not None:
            got = self.state.last_date  # the narrative goes on in the same paragraph
        return got

    # ---- the article

    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.ctx.doc.sents:
            new_paragraph = "\n" in self.ctx.text[self.state.last_end: sent.start_char] or not events
            coded = self.code_sentence(sent)
            sent_events: list[Event] = []
            sent_dated: tuple[date, str] | None = None
            for rec in coded:
                when = self.date_for(sent, _date_word(rec), new_paragraph)
                if when is not None and when[1] == "day":
                    sent_dated = sent_dated or when
                ev = Event(
                    type=rec["type"], mode=rec["mode"], contexts=rec["contexts"], source=rec["source"],
                    target=rec["target"], date=when[0] if when else None,
                    date_precision=_precision(when[1]) if when else None,
                    location=self._location(rec["trigger_tok"], rec["licensor"]),
                    negated=rec["negated"], claimed_by=rec["claimed_by"], evidence=self.ctx.evidence(sent),
                    trigger=rec["trigger_tok"].text, cameo=rec["cameo"],
                )
                sent_events.append(ev)
                if ev.source is not None:
                    self.state.last_source = ev.source
                    if ev.type == "ASSAULT" and not ev.negated and ev.source.sector not in _UNARMED:
                        self.state.last_violence_source = ev.source
                        self.state.violence_by_word[rec["trigger_tok"].lemma_.lower()] = ev.source
                    if ev.type in ("ASSAULT", "COERCE", "SANCTION") and not ev.negated:
                        self.state.last_hostile_source = ev.source
            # The sentence's own date moves the anchor even when it states no event.
            stated = _resolve_date(sent, self.ctx.reference_date, self.state.anchor)
            if stated is not None and stated[1] == "day":
                self.state.anchor = stated[0]
                self.state.last_date = stated
            elif sent_dated is not None:
                self.state.anchor = sent_dated[0]
                self.state.last_date = sent_dated
            elif new_paragraph and stated is None:
                self.state.last_date = None
            self.state.last_end = sent.start_char + len(sent.text.rstrip())
            speaker = _speaker_of(self.ctx, sent)
            if speaker is not None:
                self.state.quote_speaker = speaker
            elif not sent.text.lstrip().startswith(_OPEN_QUOTES):
                self.state.quote_speaker = None
            events.extend(sent_events)
        return events

    def code_sentence(self, sent: Span) -> list[dict]:
        cands = find_candidates(sent, self.lex)
        # Pass 1: which reading of each word holds, ignoring what governs it. Only
        # those readings can make their complement content ("denied that ..." is no
        # REJECT unless a claim is its object, so it does not swallow the clause).
        holding: dict[int, list[Candidate]] = {}
        for cand in cands:
            if cand.trigger.i not in holding and self.code(cand, sent, {}) is not None:
                holding[cand.trigger.i] = [cand]
        coded: list[dict] = []
        for i, (cand,) in holding.items():
            rec = self.code(cand, sent, holding)
            if rec is not None:
                coded.append(rec)
        coded += self.stated_accusations(sent)
        _share_threats(coded)
        coded = [r for r in coded if not _denial_duplicate(r, coded) and not _decision_duplicate(r, coded)]
        return merge_same_type(coded)


def _free_relative_object(verb: Token) -> Token | None:
    """"blamed what it called 'sabotage groups'": the named thing of a free relative."""
    for c in children(verb, "ccomp", "dobj"):
        if any(w.lower_ == "what" for w in c.children) or c.lower_ == "what":
            for named in children(c, "oprd", "attr", "dobj"):
                if named.lower_ != "what":
                    return named
    return None


def _in_relative_clause(tok: Token) -> bool:
    cur = tok
    for _ in range(4):
        if cur.dep_ == "relcl":
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


def _precision(p: str) -> str:
    return p if p in ("day", "week", "month", "year") else "day"


def _denial_duplicate(rec: dict, coded: list[dict]) -> bool:
    """"denied that police had beaten anyone": the denial is the negated event, not a REJECT."""
    if rec["type"] != "REJECT" or rec["kind"] != "verb":
        return False
    return any(o is not rec and o["denial"] is not None and o["denial"].i == rec["trigger_tok"].i for o in coded)


def _share_threats(coded: list[dict]) -> None:
    """"said it would ban imports of EU goods and restrict transit": acts announced in one
    coordination are one threat, though only the first names whom it is aimed at."""
    threats = [r for r in coded if r["type"] == "THREATEN" and r.get("announced")]
    for rec in coded:
        if rec["type"] not in THREAT_TYPES or not rec.get("announced"):
            continue
        t = rec["trigger_tok"]
        for th in threats:
            u = th["trigger_tok"]
            if (t.dep_ == "conj" and t.head.i == u.i) or (u.dep_ == "conj" and u.head.i == t.i):
                rec.update(type="THREATEN", mode=_threat_mode(rec), cameo="13", claimed_by=None,
                           target=rec["target"] or th["target"])
                break


def _decision_duplicate(rec: dict, coded: list[dict]) -> bool:
    """"agreed to freeze the assets": the freeze is the event, the AGREE is its decision."""
    if rec["type"] != "AGREE" or rec["kind"] != "verb":
        return False
    return any(o is not rec and o.get("decider") is not None and o["decider"].i == rec["trigger_tok"].i
               for o in coded)


def _elaboration(a: dict, b: dict) -> bool:
    """a's trigger is a participle adding what b did: "attacked a checkpoint, killing six"."""
    t = a["trigger_tok"]
    return t.tag_ == "VBG" and t.dep_ == "advcl" and t.head.i in (b["trigger_tok"].i, getattr(b["licensor"], "i", -1))


def merge_same_type(coded: list[dict]) -> list[dict]:
    """One record per event: same-type records of a sentence whose actors agree are one
    event; the record with more actors is kept and takes what the other adds."""
    out: list[dict] = []
    for rec in coded:
        for kept in out:
            if kept["type"] != rec["type"] or kept["negated"] != rec["negated"]:
                continue
            if not _compatible(kept["source"], rec["source"]):
                continue
            if not _compatible(kept["target"], rec["target"], loose=True) and not (
                    _elaboration(rec, kept) or _elaboration(kept, rec)):
                continue
            for key in ("source", "target", "claimed_by"):
                if kept[key] is None and rec[key] is not None:
                    kept[key] = rec[key]
                elif key != "claimed_by" and _codeless(kept[key]) and rec[key] is not None \
                        and not _codeless(rec[key]):
                    kept[key] = rec[key]
            if kept["mode"] is None:
                kept["mode"] = rec["mode"]
            # a main-clause word states the event more plainly than a relative clause
            # (background: "the army, which has been fighting since 2023, carried out
            # air strikes"), and a verb more plainly than a noun or phrase
            if _rank(rec) > _rank(kept):
                for key in ("trigger_tok", "licensor", "kind", "cameo", "mode"):
                    kept[key] = rec[key]
            break
        else:
            out.append(rec)
    return out


def _date_word(rec: dict) -> Token:
    """The word whose date the event takes: a nominal event's own date phrase ("a meeting
    for September 21"), else the verb that reports it ("carried out strikes a day later")."""
    noun, licensor = rec["trigger_tok"], rec["licensor"]
    if rec["kind"] != "noun" or licensor is None:
        return noun
    if any(t.ent_type_ == "DATE" for t in local_subtree(noun)):
        return noun
    return licensor


def _rank(rec: dict) -> tuple[int, int]:
    return (0 if _in_relative_clause(rec["trigger_tok"]) else 1, 1 if rec["kind"] == "verb" else 0)


def _codeless(a: Actor | None) -> bool:
    return a is not None and a.code is None and a.country is None


def _compatible(a: Actor | None, b: Actor | None, loose: bool = False) -> bool:
    """Two mentions that may be the same party; `loose`: any two of one state
    ("assisting the population ... and providing assistance" to the same country)."""
    if a is None or b is None:
        return True
    if _same_actor(a, b):
        return True
    return a.code is not None and a.code == b.code and (loose or a.sector == b.sector)


def _focus_country(ctx: Context) -> Optional[str]:
    """The country the story is about: most mentioned state among actors and places."""
    counts: Counter = Counter()
    if ctx.actors is not None:
        for a in ctx.actors.actors:
            code = a.country or a.code
            if code and len(code) == 3 and code.isupper():
                counts[code] += len(a.mentions) or 1
    if ctx.places is not None:
        for p in getattr(ctx.places, "places", []) or []:
            if p.country:
                counts[p.country] += len(p.mentions) or 1
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [(None, 0)]
    return top if n > rest[0][1] else None


def _force_actor(ctx: Context, code: str, sector: str) -> Actor | None:
    """The article's own actor for a state's forces of one sector ("Somalia's army"), else
    an unmentioned one named after the state ("Somalia armed forces")."""
    if ctx.actors is not None:
        for a in ctx.actors.actors:
            if a.code == code and a.sector == sector:
                return a
    country = pycountry.countries.get(alpha_3=code)
    name = (getattr(country, "common_name", None) or country.name) if country is not None else code
    what = {"MIL": "armed forces", "COP": "police", "GOV": "government"}.get(sector, "forces")
    return Actor(name=f"{name} {what}", code=code, country=code, sector=sector)


def _country_actor(ctx: Context, code: str) -> Actor | None:
    """The article's own actor for a state (the plain country mention), else a bare one."""
    names = {code.lower()}
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        names |= {n.lower() for n in (getattr(country, "name", None), getattr(country, "common_name", None),
                                      getattr(country, "official_name", None)) if n}
    if ctx.actors is not None:
        for a in ctx.actors.actors:
            if a.code == code and a.role is None and (a.name.lower() in names or any(
                    ctx.text[s:e].lower() in names for s, e in a.mentions)):
                return a
    name = (getattr(country, "common_name", None) or country.name) if country is not None else code
    return Actor(name=name, code=code, country=code)


def extract_events(ctx: Context) -> list[Event]:
    """PLOVER events of the article, one per sentence per event (see module docstring)."""
    return _Coder(ctx).run()
