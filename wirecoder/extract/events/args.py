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

from wirecoder.models import Actor

REL_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
FIRST_PERSON = frozenset({"we", "i", "us", "me", "our", "my"})
THIRD_PERSON = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "their", "his"})
# "his side", "its forces": a phrase a possessive ties to someone already named.
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})
# Clause relations that start a new predication: an actor search inside a
# noun phrase does not descend into them ("the UN, which ...").
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj"})

ActorOf = Callable[[Token], Optional[Actor]]


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def prep_objects(tok: Token, words: Iterable[str]) -> list[Token]:
    """Objects of the prepositions `words` hanging on tok ("sanctions on Iran")."""
    words = set(words)
    out = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in words:
            pobj = child(prep, "pobj", "pcomp")
            if pobj is not None:
                out.append(pobj)
    return out


def stranded_main_verb(verb: Token) -> bool:
    """The main verb the parser hung off a long subject as a participle: "The Red
    Cross, which visited the camp, called on ..." parsed with the noun "Cross" as
    root and "called" as its `acl`. A past form after a comma in a sentence whose
    root is a noun is the sentence's own verb."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.i == 0:
        return False
    if verb.doc[verb.i - 1].text != ",":
        return False
    root = verb
    while root.head != root:
        root = root.head
    return root.pos_ in ("NOUN", "PROPN") and root.i < verb.i


def copular_participle(tok: Token) -> bool:
    """A passive participle the tagger read as a noun or adjective after "been"/"being"
    ("the base had been overrun" tagged overrun/NOUN acomp): passive all the same."""
    head = tok.head
    # a bare word: "has been an attack on democracy" is a real noun with its determiner
    return (tok.dep_ in ("acomp", "oprd") and tok.pos_ in ("NOUN", "ADJ")
            and head.lemma_.lower() == "be" and head.lower_ in ("been", "being")
            and not any(c.dep_ in ("det", "poss", "amod", "nummod", "compound") for c in tok.children))


def gerund_compound(tok: Token) -> bool:
    """A gerund the tagger glued onto its object as a noun modifier: "denied mistreating
    prisoners" parsed as the compound noun "mistreating prisoners"."""
    return (tok.dep_ == "compound" and tok.lower_.endswith("ing") and len(tok.lower_) > 5
            and tok.tag_ in ("NN", "VBG") and tok.head.pos_ == "NOUN" and tok.head.dep_ in ("dobj", "pobj")
            and tok.head.i == tok.i + 1 and tok.i > 0 and tok.doc[tok.i - 1] == tok.head.head)


def gerund_lemmas(tok: Token) -> list[str]:
    """Verb lemmas an -ing form may come from: "shelling" shell, "ramming" ram, "using" use."""
    stem = tok.lower_[:-3]
    out = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])
    return out


def is_passive(verb: Token) -> bool:
    if stranded_main_verb(verb):
        return False
    if copular_participle(verb):
        return True
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return True
    # "were killed and 31 hurt": a bare participle sharing a passive's auxiliaries
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return is_passive(verb.head)
    return False


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
    """A relative pronoun stands for the noun its clause modifies ("inspectors whom they blamed")."""
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
    coordination: "Ukraine claimed to have captured" -> Ukraine; "X condemned
    ... and called on" -> X; "soldiers patrolling the border" -> soldiers."""
    if depth > 6:
        return None
    if gerund_compound(verb):
        obj = verb.head
        gov = obj.head if obj.dep_ == "dobj" else obj.head.head      # "denied (mistreating prisoners)"
        if obj.dep_ == "pobj":                                        # "accused X of (attacking police)"
            doer = child(gov, "dobj")
            if doer is not None:
                return antecedent(doer)
        return clause_subject(gov, depth + 1) if gov.pos_ in ("VERB", "AUX") else None
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
        if head.pos_ in ("NOUN", "PROPN"):        # "its plan to expand"
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
        return head                                  # "soldiers patrolling the border"
    if dep == "relcl":
        return head
    if dep == "acl" and stranded_main_verb(verb):
        root = verb
        while root.head != root:
            root = root.head
        return root
    return None


def clause_subject_of_noun(noun: Token, depth: int = 0) -> Token | None:
    """The agent of the verb a noun phrase hangs on ("announce its plan ...")."""
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
