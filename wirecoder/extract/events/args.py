"""Who does what to whom: subjects, objects and actors of an event predicate.

Pure functions over spaCy's dependency parse (ClearNLP labels, as the
English models emit them). `events.assertion` decides which words are events; this
module answers, for a given predicate word, which noun phrase is its agent
(active subject, passive "by" phrase, the controller of an infinitive, the
antecedent of a relative pronoun) and which is its patient, and which actor
a noun phrase names.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from spacy.tokens import Token

from wirecoder.extract.common.syntax import (
    antecedent, child, children, copular_participle,
    gerund_compound, is_passive, prep_objects,
)
from wirecoder.extract.common.vocabulary import words
from wirecoder.models import Actor

FIRST_PERSON = words("first_person")
THIRD_PERSON = words("third_person")
# "his side", "its forces": a phrase a possessive ties to someone already named.
POSSESSIVES = words("possessives")
# Clause relations that start a new predication: an actor search inside a
# noun phrase does not descend into them ("the UN, which ...").
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj"})

ActorOf = Callable[[Token], Optional[Actor]]


def gerund_lemmas(tok: Token) -> list[str]:
    """Verb lemmas an -ing form may come from: "shelling" shell, "ramming" ram, "using" use."""
    stem = tok.lower_[:-3]
    out = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])
    return out


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb."""
    for agent in children(verb, "agent"):
        pobj = child(agent, "pobj")
        if pobj is not None:
            return pobj
    return None


def np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without nested clauses."""
    out = [head]
    stack = [c for c in head.children if c.dep_ not in CLAUSE_DEPS and c.dep_ != "conj"]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS)
    return sorted(out, key=lambda t: t.i)


def actor_in_np(tok: Token, actor_for: ActorOf, avoid: Callable[[Actor], bool] = lambda a: False,
                skip: Iterable[int] = ()) -> Actor | None:
    """The actor a noun phrase names: its head, else its possessor or modifiers,
    else an "of"/"with" phrase, else the first actor inside it ("a delegation headed by a
    retired Kenyan judge" -> KEN). `avoid` drops actors already taken
    (the source, when looking for the target)."""
    tok = antecedent(tok)
    skip = set(skip)
    tried: list[Token] = [tok]
    tried += [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod", "appos")]
    tried += prep_objects(tok, ("of", "with", "from", "by"))
    tried += [t for t in np_tokens(tok) if t not in tried]
    # a passive participle's agent names the group ("a delegation headed by a retired judge")
    for acl in children(tok, "acl"):
        if acl.tag_ == "VBN":
            ag = agent_of(acl)
            if ag is not None:
                tried.append(ag)
            tried += prep_objects(acl, ("with",))        # "treaties concluded with Tokyo"
    # coordinated phrases: "the disarmament and the departure of foreign fighters"
    for conj in children(tok, "conj"):
        tried += [t for t in np_tokens(conj) if t not in tried]
    # an actor with neither code nor country ("the town of Wajid" left unresolved)
    # is a last resort: a coded one further in the phrase says more
    fallback = None
    for cand in tried:
        if cand.i in skip:
            continue
        actor = actor_for(cand)
        if actor is not None and not avoid(actor):
            if actor.code is None and actor.country is None and cand is not tok:
                fallback = fallback or actor
                continue
            return actor
    return fallback


def object_of(verb: Token) -> Token | None:
    """The patient noun phrase: the passive subject, else the direct object."""
    if gerund_compound(verb):
        return verb.head
    if is_passive(verb):
        subj = child(verb, "nsubjpass")
        if subj is None and verb.dep_ == "conj":
            subj = child(verb, "nsubj")                  # "... and 31 wounded"
        if subj is not None:
            return antecedent(subj)
        if copular_participle(verb):
            subj = child(verb.head, "nsubj", "nsubjpass")
            return antecedent(subj) if subj is not None else None
        if verb.dep_ == "acl":
            return verb.head
        # "died after being struck": the patient is the subject of the clause above
        if verb.dep_ in ("pcomp", "advcl"):
            above = verb.head.head if verb.dep_ == "pcomp" else verb.head
            if above.pos_ in ("VERB", "AUX"):
                subj = child(above, "nsubj", "nsubjpass")
                return antecedent(subj) if subj is not None else None
        return None
    obj = child(verb, "dobj", "dative")
    if obj is not None:
        return antecedent(obj)
    # "clear the square", coordinated verb sharing the object: "captured and burned trucks"
    return None


def clause_children(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp", "acl", "relcl", "pcomp")]


def clause_subject_of_complement(tok: Token) -> Token | None:
    """"called for Serbia to open" / "calls for Ankara to release" / "hold X responsible":
    the subject of the clause the predicate governs."""
    for c in clause_children(tok) + [c for p in children(tok, "prep") for c in clause_children(p)]:
        subj = child(c, "nsubj", "nsubjpass")
        if subj is not None:
            return antecedent(subj)
    return None


def descendants_within(tok: Token, max_depth: int = 2) -> list[Token]:
    out, frontier = [], [tok]
    for _ in range(max_depth):
        nxt = []
        for t in frontier:
            nxt.extend(t.children)
        out.extend(nxt)
        frontier = nxt
    return out


def local_subtree(tok: Token, stop: frozenset[str] = frozenset({"relcl", "ccomp", "parataxis"})) -> list[Token]:
    """tok's subtree without the clauses that make claims of their own."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in stop and not (t == tok and c.dep_ == "conj"))
    return sorted(out, key=lambda t: t.i)


def in_relative_clause(tok: Token) -> bool:
    """tok stands within a few steps under a relative clause ("the army, which has been fighting ...")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "relcl":
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


def free_relative_object(verb: Token) -> Token | None:
    """"denounced what it called 'armed gangs'": the named thing of a free relative."""
    for c in children(verb, "ccomp", "dobj"):
        if any(w.lower_ == "what" for w in c.children) or c.lower_ == "what":
            for named in children(c, "oprd", "attr", "dobj"):
                if named.lower_ != "what":
                    return named
    return None


def hyphen_word(tok: Token) -> str:
    """The hyphenated word ending at tok ("cease-fire", "sit-in"), else tok's text."""
    doc, i = tok.doc, tok.i
    parts = [tok.lower_]
    while i >= 2 and doc[i - 1].text in ("-", "\u2010", "\u2011") and not doc[i - 2].whitespace_ \
            and not doc[i - 1].whitespace_:
        parts[:0] = [doc[i - 2].lower_, "-"]
        i -= 2
    return "".join(parts)
