"""Parser slips repaired after parsing, for every extractor at once.

A perfect verb the small model reads as an adjective: "its fighters had targeted
civilians." comes out with "targeted" as an `amod` of "civilians" and "had" as the
clause's verb (or as an auxiliary hung off the adjective). A past participle right
after a finite "had/has/have", modifying the noun that follows it, is the clause's
main verb with that noun as its object; the auxiliary's subject and marker are its.
Nor does an auxiliary keep a subject or marker of its own ("its gunmen had targeted"
with "gunmen" hung off "had"): they belong to the verb it helps.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

_PERFECT = frozenset({"had", "has", "have"})


def _misread_perfect(aux: Token) -> Token | None:
    """The participle after `aux` the parser made a noun modifier, or None."""
    if aux.lower_ not in _PERFECT or aux.tag_ not in ("VBD", "VBZ", "VBP") or aux.i + 1 >= len(aux.doc):
        return None
    verb = aux.doc[aux.i + 1]
    noun = verb.head
    if verb.tag_ != "VBN" or verb.dep_ != "amod" or noun.i <= verb.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.i - verb.i > 3 or aux.dep_ == "amod" or not (aux.head == verb or any(c.dep_ == "nsubj" for c in aux.children)):
        return None
    # nothing between the participle and its noun but the noun's own modifiers
    if any(t.head != noun for t in aux.doc[verb.i + 1: noun.i]):
        return None
    return verb


@Language.component("perfect_participles")
def perfect_participles(doc: Doc) -> Doc:
    for aux in doc:
        if aux.dep_ == "aux" and aux.head.tag_.startswith("VB") and aux.head != aux:
            for c in list(aux.children):
                if c.dep_ in ("nsubj", "nsubjpass", "mark"):
                    c.head = aux.head
        verb = _misread_perfect(aux)
        if verb is None:
            continue
        noun = verb.head
        if aux.head == verb:             # "had" already an auxiliary: the clause hung on the noun
            parent, dep = noun.head, "ccomp"
            if noun.head == noun:
                parent, dep = verb, "ROOT"
        else:                             # "had" read as the clause's verb
            parent, dep = aux.head, aux.dep_
            if aux.head == aux:
                parent = verb
        for c in list(aux.children):
            if c != verb:
                c.head = verb
        noun.head, noun.dep_ = verb, "dobj"
        verb.head, verb.dep_ = parent, dep
        aux.head, aux.dep_, aux.pos_ = verb, "aux", "AUX"
        verb.pos_ = "VERB"
    return doc
