"""Targets the lexicon row's own places miss: where news names whom an act is aimed at
when it is not the direct object of the trigger.

Tried only when the row's target places (`Roles.target`) found no actor, in this order:
1. the object of an infinitive the trigger governs ("threatened to shell Iraqi towns",
   "offered to hand over two suspects to Britain"), and that verb's prepositional objects;
2. prepositional objects of the trigger and of its direct object that say whom the act
   is for or against ("granted asylum to 18 Rwandan rebels", "aid for Romania and
   Poland", "sanctions on Iran");
3. the direct object's own possessor or nationality word, which `np_actor` already reads
   ("Turkey's efforts", "Panamanian officers"), through the phrases of 1 and 2;
4. for a threat, the subject of the condition it puts ("threatened to halt the talks if
   the United States goes ahead"): whom the threat is meant to deter.

A noun phrase names its actor through `np_actor` (head, possessor, demonym modifier,
"of" phrase); a coordinated phrase is one target named by its first actor, as
everywhere in the coder.
"""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.common.syntax import child, children, has_to_infinitive, prep_objects
from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.events.args import object_of
from wirecoder.extract.events.lexicon import Entry
from wirecoder.extract.events.policy import policy
from wirecoder.extract.events.roles import Roles
from wirecoder.models import Actor

# Nouns of an "in ... of X" phrase that name whom a protest defies.
_DEFIANCE = words("defiance_nouns")


def _complements(verb: Token) -> list[Token]:
    """Infinitives the verb governs, directly ("threatened to shell") or through an
    adjective ("is ready to contribute"), and verbs coordinated with them."""
    out: list[Token] = []
    for c in children(verb, "xcomp", "ccomp", "advcl"):
        if has_to_infinitive(c) or c.dep_ == "xcomp":
            out.append(c)
        if c.pos_ == "ADJ":                                   # "ready to contribute troops"
            out += [x for x in children(c, "xcomp") if has_to_infinitive(x)]
    out += [x for c in list(out) for x in children(c, "conj") if x.pos_ == "VERB"]
    return out


def _phrases(verb: Token, preps: tuple[str, ...], with_object: bool = True) -> list[Token]:
    """Noun phrases that may name whom `verb` acts on, nearest first."""
    toks: list[Token] = []
    obj = object_of(verb)
    if obj is not None and with_object:
        toks.append(obj)
    toks += prep_objects(verb, preps)
    if obj is not None:
        toks += prep_objects(obj, preps)
    dative = child(verb, "dative")
    if dative is not None and dative.pos_ in ("NOUN", "PROPN"):
        toks.append(dative)
    return toks


def fallback_target(roles: Roles, entry: Entry, trigger: Token, licensor: Token | None,
                    source: Actor | None) -> tuple[Actor | None, Token | None]:
    """An actor the act is aimed at, where the row's own places found none (see module
    docstring); also the phrase it came from. A protest's target is its "against" phrase
    or site, which the row already tried; a party of the source's own state found this
    far from the trigger, with the source's own sector, is the source again (a state
    and its own forces in one phrase)."""
    preps = policy(entry.type).target_preps
    if not preps:                  # MOBILIZE, PROTEST: no fallback (see policy.target_preps)
        return None, None
    verb = licensor if licensor is not None and trigger.pos_ not in ("VERB", "AUX") else trigger
    tried: list[Token] = []
    if verb.pos_ in ("VERB", "AUX"):
        tried += _phrases(verb, preps, with_object="obj" not in entry.targets or verb is not trigger)
        for comp in _complements(verb):
            tried += _phrases(comp, preps)
    if trigger is not verb:                                   # a noun trigger: "aid for X"
        tried += prep_objects(trigger, preps)
    for np in tried:
        if np.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue                                          # "with units firing": a clause, no party
        a = roles.actor(np, avoid=source)
        if a is not None and not (source is not None and source.code is not None and a.code == source.code
                                       and a.sector == source.sector):
            return a, np
    if policy(entry.type).threat and verb.pos_ in ("VERB", "AUX"):
        return _deterred(roles, [verb] + _complements(verb), source)
    return None, None


def _deterred(roles: Roles, verbs: list[Token], source: Actor | None) -> tuple[Actor | None, Token | None]:
    """The subject of an "if"/"unless" clause on a threatened act: whom it is meant to deter."""
    marks = words("conditional_marks")
    for verb in verbs:
        for cond in children(verb, "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in marks for m in cond.children):
                subj = child(cond, "nsubj", "nsubjpass")
                a = roles.actor(subj, avoid=source) if subj is not None else None
                if a is not None:
                    return a, subj
    return None, None


def complement_target(roles: Roles, act: Token, preps: tuple[str, ...],
                      source: Actor | None) -> tuple[Actor | None, Token | None]:
    """Whom an intended act is aimed at: its object, its prepositional objects, and those
    of its own infinitives ("offered to hand over two suspects to Britain")."""
    tried = _phrases(act, preps)
    for comp in _complements(act):
        tried += _phrases(comp, preps)
    for np in tried:
        if np.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        a = roles.actor(np, avoid=source)
        if a is not None:
            return a, np
    return None, None


def protest_target(roles: Roles, trigger: Token, licensor: Token | None, source: Actor | None) -> Actor | None:
    """Whom a protest that names no target addresses: the state of the place it is held
    in, else of the story, else the protesters' own state ("students demonstrated in
    Jakarta" protest to Indonesia's authorities), as PLOVER codes domestic protest."""
    defied = _defied(roles, licensor if licensor is not None else trigger, source)
    if defied is not None:
        return defied
    country = roles._place_country(trigger, licensor)
    if country is None and source is not None:
        country = source.country or source.code
    if country is None or len(country) != 3 or not country.isupper():
        return None
    from wirecoder.extract.events.actors import country_actor
    return country_actor(roles.ctx, country)


def _defied(roles: Roles, verb: Token, source: Actor | None) -> Actor | None:
    """Whom a protest says it defies: "marched in defiance of Chinese authorities",
    "shut their shops in protest at the army's raids" name the target in an "in"
    phrase of the protest's clause."""
    for noun in prep_objects(verb, ("in",)):
        if noun.lemma_.lower() not in _DEFIANCE:
            continue
        for np in prep_objects(noun, ("of", "at", "against", "to", "over")):
            a = roles.actor(np, avoid=source)
            if a is not None:
                return a
    return None
