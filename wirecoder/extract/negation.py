"""Polarity and modality of an event predicate, read off the dependency parse.

An event is `negated` when its own clause is negated ("did not attack", "no
talks took place"), when a denial governs it ("denied that its guards had
opened fire", "denied sending troops"), or when a verb of non-performance does
("refused to withdraw"). Its modality says whether it happened (None), is
announced or scheduled ("future": "will meet", "said the session would take
place"), or is only supposed ("hypothetical": "could attack", "if they do not
withdraw", "would amount to", "they must surrender", "until the decree is
withdrawn" after a refusal). The coder drops hypothetical events that no
speaker performs: a conditional attack is not an attack.
"""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.events.lexicon import get_lexicon

_SPECULATIVE = words("speculative_modals")
_DEONTIC = words("deontic_modals")
_CONDITIONAL_MARKS = words("conditional_marks")
# Clause links through which a governing verb's polarity reaches the predicate.
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "pcomp", "dobj", "pobj", "prep", "advcl", "acomp"})


def _own_negation(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and child.lower_ in ("no", "never")):
            return True
    return False


def is_negated(tok: Token, licensor: Token | None = None) -> bool:
    """True when the predicate at `tok` (or the verb licensing a nominal trigger) is
    negated in its own clause or governed by a denial or a refusal."""
    lex = get_lexicon()
    if _own_negation(tok) or (licensor is not None and _own_negation(licensor)):
        return True
    # "nobody/no one attacked": a negative subject
    verb = licensor if licensor is not None else tok
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("nobody", "none", "nothing", "noone"):
            return True
    cur = verb
    while cur.head != cur:
        dep, head = cur.dep_, cur.head
        if dep not in _COMPLEMENT_DEPS and dep not in ("conj",):
            break
        if dep != "conj":
            lemma = head.lemma_.lower()
            if lex.in_class("deny", lemma) or lex.in_class("negator", lemma):
                return not _own_negation(head)  # "did not deny that ..." is no denial
            if lex.in_class("reporting", lemma):
                break  # "X said Y attacked": polarity stops at the reporting verb
        cur = head
    return False


def governing_denial(tok: Token) -> Token | None:
    """The 'deny' verb whose complement holds tok ("denied that guards had mistreated")."""
    lex = get_lexicon()
    cur = tok
    while cur.head != cur:
        if cur.dep_ not in _COMPLEMENT_DEPS:
            return None
        if lex.in_class("deny", cur.head.lemma_.lower()):
            return cur.head
        cur = cur.head
    return None


def _in_conditional(tok: Token) -> bool:
    cur = tok
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in cur.children):
            return True
        if cur.head == cur or cur.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "relcl", "acl"):
            return False
        cur = cur.head
    return False


def _under_speech(tok: Token) -> bool:
    lex = get_lexicon()
    cur = tok
    while cur.head != cur:
        if cur.dep_ in ("ccomp", "parataxis", "xcomp") and lex.in_class("reporting", cur.head.lemma_.lower()):
            return True
        if cur.dep_ not in ("conj", "ccomp", "xcomp", "advcl", "parataxis"):
            return False
        cur = cur.head
    return False


def _awaited(tok: Token) -> bool:
    """An "until" clause under a future or refused act waits on something that has not
    happened: "we will not leave until the decree is withdrawn"."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("advcl", "ccomp", "parataxis") and any(
                c.dep_ == "mark" and c.lower_ in ("until", "till") for c in cur.children) \
                or (cur.dep_ == "pcomp" and cur.head.lower_ in ("until", "till")):
            main = cur.head if cur.dep_ != "pcomp" else cur.head.head
            mains = [main]
            if get_lexicon().in_class("reporting", main.lemma_.lower()):
                # '"We will not leave," she said, "until ..."': the clause hangs on the reporting verb
                mains += [c for c in main.children if c.dep_ in ("ccomp", "parataxis")]
            words = {c.lower_ for m in mains for c in m.children if c.dep_ in ("aux", "auxpass", "neg")}
            return bool(words & {"will", "'ll", "would", "shall", "not", "n't", "never"})
        if cur.head == cur or cur.dep_ not in ("conj", "advcl", "pcomp"):
            return False
        cur = cur.head
    return False


def modality(tok: Token, quoted: bool = False) -> str | None:
    """'hypothetical', 'future' or None for the clause of verb `tok`.

    `quoted`: the sentence is someone's words (a quote or reported speech), where
    "would" is the future of the reported time, not a supposition."""
    if _in_conditional(tok) or _awaited(tok):
        return "hypothetical"
    verb = tok
    # A conjoined verb shares its first conjunct's auxiliaries ("will meet and sign").
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.dep_ == "conj":
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _SPECULATIVE or words & _DEONTIC:
        return "hypothetical"   # "could attack"; "they must surrender" asks, it does not report
    if "would" in words or "'d" in words:
        return "future" if (quoted or _under_speech(verb)) else "hypothetical"
    if words & {"will", "'ll", "shall"}:
        return "future"
    # "is set to / due to / expected to / going to meet"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("set", "due", "expect", "go", "schedule", "plan"):
        if verb.head.lemma_.lower() in ("plan",):
            return "hypothetical"
        return "future"
    return None
