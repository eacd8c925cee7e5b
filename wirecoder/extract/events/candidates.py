"""Candidate event words of a sentence: every word or phrase the predicate lexicon
knows, with the lexicon rows it may stand for.

Four kinds: verbs ("shelled", "called on"), event nouns ("sanctions", "talks"),
fixed phrases ("under bombardment") and deontic modals ("Japan must act
now"). Whether a candidate is an event the text asserts is decided later, by
the coder; this module only finds them, reading known tagger slips as the verbs
they are (a gerund glued to its object, a participle tagged as a noun after
"been", a noun with a subject).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.extract.common.syntax import child, copular_participle, gerund_compound, has_to_infinitive
from wirecoder.extract.events.args import gerund_lemmas, hyphen_word
from wirecoder.extract.events.lexicon import Entry, Lexicon, verb_lemma

_NAMED_ENTITY_TYPES = frozenset({"ORG", "GPE", "PERSON", "FAC", "LOC", "NORP", "WORK_OF_ART", "LAW", "EVENT",
                                 "PRODUCT"})


@dataclass
class Candidate:
    trigger: Token
    entry: Entry
    kind: str                         # verb | noun | phrase | modal
    how: str = ""                     # how a noun was licensed (set by the coder)


def _verb_entries(lex: Lexicon, tok: Token) -> list[Entry]:
    entries = lex.lookup("V", verb_lemma(tok))
    words = {c.lower_ for c in tok.children} | {c.lemma_.lower() for c in tok.children}
    # "called for Serbia to open": the preposition is the clause's mark
    for c in tok.children:
        if c.dep_ in ("advcl", "ccomp", "xcomp"):
            words |= {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "prep":
            words |= {m.lower_ for m in c.children if m.dep_ == "prep"}  # "look to"
            # "asks in the plainest words for ...": the particle hangs on the adjunct
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
    forms = {tok.lemma_.lower(), tok.lower_, hyphen_word(tok)}
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
    """Where a phrase pattern matching at word i ends; "*" skips up to three words."""
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
    """Every lexicon reading of every word and phrase of the sentence, phrases first."""
    out: list[Candidate] = []
    in_phrase: set[int] = set()
    for entry, start, end in _phrase_matches(lex, sent):
        span = sent.doc[start:end]
        trig = next((t for t in span if t.pos_ in ("NOUN", "VERB", "PROPN")), span.root)
        out.append(Candidate(trigger=trig, entry=entry, kind="phrase"))
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
        # a noun with a subject is a verb the tagger missed ("the commissioner appeals for")
        verbal = tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children))
        if verbal:
            for entry in _verb_entries(lex, _VerbView(tok) if tok.pos_ == "NOUN" else tok):
                out.append(Candidate(trigger=tok, entry=entry, kind="verb"))
        if (tok.pos_ in ("NOUN", "PROPN") and not verbal) or (
                tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass", "conj")):
            if tok.dep_ in ("compound", "amod") or (tok.pos_ == "PROPN" and tok.ent_type_ in _NAMED_ENTITY_TYPES):
                continue
            for entry in _noun_entries(lex, tok):
                out.append(Candidate(trigger=tok, entry=entry, kind="noun"))
        modal_verb = _modal_trigger(tok)
        if modal_verb is not None:
            for entry in lex.lookup("M", tok.lemma_.lower()):
                out.append(Candidate(trigger=modal_verb, entry=entry, kind="modal"))
    return out
