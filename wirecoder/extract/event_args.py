"""Who does what to whom: subjects, objects and actors of an event predicate.

Pure functions over spaCy's dependency parse (ClearNLP labels, as the
English models emit them). `events.py` decides which words are events; this
module answers, for a given predicate word, which noun phrase is its agent
(active subject, passive "by" phrase, the controller of an infinitive, the
antecedent of a relative pronoun) and which is its patient, and which actor
a noun phrase names.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from spacy.tokens import Token

from wirecoder.models import Actor

REL_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
FIRST_PERSON = frozenset({"we", "i", "us", "me", "our", "my"})
THIRD_PERSON = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "their", "his"})
# Clause relations that start a new predication: an actor search inside a
# noun phrase does not descend into them ("the UN, which ...").
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj"})

ActorOf = Callable[[Token], Optional[Actor]]


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def prep_objects(tok: Token, words: Iterable[str]) -> list[Token]:
    """Objects of the prepositions `words` hanging on tok ("sanctions on Niger")."""
    words = set(words)
    out = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in words:
            pobj = child(prep, "pobj", "pcomp")
            if pobj is not None:
                out.append(pobj)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl")


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb."""
    for agent in children(verb, "agent"):
        pobj = child(agent, "pobj")
        if pobj is not None:
            return pobj
    return None


def has_to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("officials whom they accused")."""
    if tok.lower_ in REL_PRONOUNS:
        cur = tok
        for _ in range(4):
            if cur.dep_ == "relcl":
                return cur.head
            if cur.head == cur:
                break
            cur = cur.head
    return tok


def clause_subject(verb: Token, depth: int = 0) -> Token | None:
    """The agent noun phrase of an active verb, following controllers and
    coordination: "Azerbaijan claimed to have seized" -> Azerbaijan; "X condemned
    ... and called on" -> X; "gendarmes guarding the embassy" -> gendarmes."""
    if depth > 6:
        return None
    # the subject nearest the verb: a dateline glued on as a second subject
    # ("KHARTOUM, March 4 - Sudan's army attacked ...") stands further left
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        return antecedent((before or subjects)[-1])
    head = verb.head
    if head == verb:
        return None
    dep = verb.dep_
    if dep == "conj":
        return clause_subject(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
    if dep in ("xcomp", "advcl", "ccomp", "acl") and has_to_infinitive(verb):
        if head.pos_ in ("NOUN", "PROPN"):        # "its intention to continue"
            owner = child(head, "poss")
            return owner if owner is not None else clause_subject_of_noun(head, depth + 1)
        controller = child(head, "dobj", "dative")
        if controller is not None and dep == "xcomp" and head.lemma_.lower() not in ("promise",):
            return antecedent(controller)          # "urged X to stop": X stops
        return clause_subject(head, depth + 1)
    if dep == "xcomp":
        return clause_subject(head, depth + 1)
    if dep in ("advcl", "pcomp") and verb.tag_ == "VBG":  # "..., chanting slogans"
        return clause_subject(head if dep == "advcl" else head.head, depth + 1)
    if dep == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head                                  # "gendarmes guarding the embassy"
    if dep == "relcl":
        return head
    return None


def clause_subject_of_noun(noun: Token, depth: int = 0) -> Token | None:
    """The agent of the verb a noun phrase hangs on ("signal its intention ...")."""
    head = noun.head
    if head == noun or depth > 6:
        return None
    if noun.dep_ in ("dobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return clause_subject(head, depth + 1)
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
    else an "of"/"with" phrase, else the first actor inside it ("a team led by a
    former Nigerian head of state" -> NGA). `avoid` drops actors already taken
    (the source, when looking for the target)."""
    tok = antecedent(tok)
    skip = set(skip)
    tried: list[Token] = [tok]
    tried += [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod", "appos")]
    tried += prep_objects(tok, ("of", "with", "from", "by"))
    tried += [t for t in np_tokens(tok) if t not in tried]
    # a passive participle's agent names the group ("a team led by a former head of state")
    for acl in children(tok, "acl"):
        if acl.tag_ == "VBN":
            ag = agent_of(acl)
            if ag is not None:
                tried.append(ag)
            tried += prep_objects(acl, ("with",))        # "accords signed with Paris"
    # coordinated phrases: "the surrender and the withdrawal of Armenian troops"
    for conj in children(tok, "conj"):
        tried += [t for t in np_tokens(conj) if t not in tried]
    for cand in tried:
        if cand.i in skip:
            continue
        actor = actor_for(cand)
        if actor is not None and not avoid(actor):
            return actor
    return None


def object_of(verb: Token) -> Token | None:
    """The patient noun phrase: the passive subject, else the direct object."""
    if is_passive(verb):
        subj = child(verb, "nsubjpass")
        if subj is not None:
            return antecedent(subj)
        if verb.dep_ == "acl":
            return verb.head
        return None
    obj = child(verb, "dobj", "dative")
    if obj is not None:
        return antecedent(obj)
    # "clear the road", coordinated verb sharing the object: "seized and destroyed posts"
    return None


def clause_children(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp", "acl", "relcl", "pcomp")]


def clause_subject_of_complement(tok: Token) -> Token | None:
    """"called for Serbia to open" / "calls for Baku to allow" / "hold X responsible":
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
