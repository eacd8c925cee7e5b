"""Parse helpers every extractor shares: one function per question asked of spaCy's
dependency parse (ClearNLP labels, as the English models emit them), one signature each.

`child`/`children` pick dependents by relation; `prep_phrases`/`prep_objects` read
prepositional phrases; `is_passive`, `is_plural`, `is_definite` answer yes/no about a
token; `clause_subject` finds the agent of a verb through controllers, coordination and
relative clauses. Modules with their own phrase logic (actors.syntax for noun phrases,
events.args for event arguments) build on these and keep only what is theirs.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import words

REL_PRONOUNS = words("relative_pronouns")
# Determiners and possessives that make a phrase definite: "the group", "its forces".
_DEFINITE_DETS = words("definite_determiners")
_DEFINITE_POSS = words("definite_possessives")
# Relations under which a preposition hangs on its head: plain, "by" of a passive, "to"/"for" of a recipient.
_PREP_DEPS = ("prep", "agent", "dative")


def children(tok: Token, *deps: str) -> list[Token]:
    """The dependents of `tok` under any of the relations `deps`."""
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, *deps: str) -> Token | None:
    """The first dependent of `tok` under any of `deps`, or None."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def prep_phrases(tok: Token, preps: Iterable[str]) -> list[tuple[Token, Token]]:
    """(preposition, object) of each prepositional phrase on `tok` whose preposition is one
    of `preps`: ("of", "Niger") in "the army of Niger", ("on", "Iran") in "sanctions on Iran".
    The object is the noun (pobj) or, failing one, the clause (pcomp: "accused of firing")."""
    preps = set(preps)
    out = []
    for prep in tok.children:
        if prep.dep_ in _PREP_DEPS and prep.lower_ in preps:
            obj = child(prep, "pobj", "pcomp")
            if obj is not None:
                out.append((prep, obj))
    return out


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of `prep_phrases` alone ("sanctions on Iran" -> Iran)."""
    return [obj for _, obj in prep_phrases(tok, preps)]


def is_plural(tok: Token) -> bool:
    """Is the token a plural noun, by morphology or tag?"""
    return "Plur" in tok.morph.get("Number") or tok.tag_ in ("NNS", "NNPS")


def is_definite(tok: Token) -> bool:
    """Does the phrase headed by tok start with "the"/"this"/"its"...? The determiner may hang
    off a compound ("the secretary-general" parsed as the -> secretary)."""
    for child in list(tok.lefts) + [g for c in tok.lefts if c.dep_ == "compound" for g in c.lefts]:
        if child.dep_ == "det" and child.lower_ in _DEFINITE_DETS:
            return True
        if child.dep_ == "poss" and child.lower_ in _DEFINITE_POSS:
            return True
    return False


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
