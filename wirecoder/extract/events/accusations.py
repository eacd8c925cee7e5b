"""Accusations a speaker makes without a verb of accusing.

A speaker accuses by calling an act wrong ("This was a reckless act," the
minister said), by saying an actor commits wrongs ("the regime has turned
repression into policy") or did something unlawfully ("the boat had illegally
entered"). Only in someone's words: the article's own voice accuses nobody.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.context import Context
from wirecoder.extract.events.actors import np_actor, same_actor
from wirecoder.extract.common.syntax import child, children, prep_objects
from wirecoder.extract.events.args import FIRST_PERSON, POSSESSIVES
from wirecoder.extract.events.claims import claimant_of
from wirecoder.extract.events.lexicon import Lexicon
from wirecoder.extract.events.policy import ACCUSATION, policy
from wirecoder.extract.events.record import WorkingEvent
from wirecoder.models import Actor

# Verbs whose subject suffers, fights or reports wrongs rather than commits them.
_NOT_WRONGDOING = words("not_wrongdoing")


def stated_accusations(sent: Span, ctx: Context, lex: Lexicon, quote_speaker: Actor | None,
                       last_hostile_source: Actor | None) -> list[WorkingEvent]:
    """ACCUSE records for the sentence's clauses that judge an act or an actor in
    someone's words. `quote_speaker` speaks a quote sentence that names no speaker;
    `last_hostile_source` did the act "this was a reckless act" refers back to."""
    out = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in tok.children):
            continue
        claimant = claimant_of(ctx, sent, tok, quote_speaker)
        if claimant is None:
            continue
        target = _wrong_act_predicated(tok, ctx, lex, last_hostile_source)
        if target is False:
            target = _wrongdoer(tok, claimant, ctx, lex)
        if target is False or same_actor(target, claimant):
            continue
        out.append(WorkingEvent(type=ACCUSATION.type, mode=None, cameo=ACCUSATION.cameo, source=claimant, target=target,
                                trigger_tok=tok, kind="verb"))
    return out


def _wrong_act_predicated(verb: Token, ctx: Context, lex: Lexicon, last_hostile_source: Actor | None):
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
        if not lex.in_class("actnoun", pred.lemma_.lower()) or not any(
                c.dep_ in ("amod", "conj") and lex.in_class("evalpred", c.lower_)
                for c in list(pred.children) + [g for c in pred.children for g in c.children]):
            return False
    elif not lex.in_class("evalpred", pred.lower_):
        return False
    if subj.lower_ == "it" and any(c.dep_ in ("xcomp", "ccomp", "csubj") for c in list(verb.children) + list(pred.children)):
        return False  # "it is illegal to sell ...": no act is judged
    if subj.lower_ not in ("this", "that", "it") and not lex.in_class("actnoun", subj.lemma_.lower()) \
            and not any(policy(e.type).harm for e in lex.lookup("N", subj.lemma_.lower())):
        return False
    if subj.pos_ != "PRON":
        owner = np_actor(ctx, subj)
        if owner is not None:
            return owner
    for by in prep_objects(pred, ("by",)):
        a = np_actor(ctx, by)
        if a is not None:
            return a
    # "this was a reckless act": the act the story last told; with none, nobody is accused
    return last_hostile_source or False


def _wrongdoer(verb: Token, claimant: Actor, ctx: Context, lex: Lexicon):
    """"the regime has turned repression into state policy" / "had illegally entered
    its waters": the actor said to do wrong, else False."""
    subj = child(verb, "nsubj")
    if subj is None or subj.lower_ in FIRST_PERSON or verb.lemma_.lower() in _NOT_WRONGDOING:
        return False
    if any(c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in subj.children):
        return False  # "his party had ...": the speaker's own side
    manner = any(c.dep_ == "advmod" and lex.in_class("wrongadv", c.lower_) for c in verb.children)
    if not manner:
        # the wrong is what the subject does or makes, not a detail of it ("showed signs of torture")
        objs = children(verb, "dobj", "attr", "oprd") + prep_objects(verb, ("into",))
        heads = objs + [c for o in objs for c in o.children if c.dep_ in ("conj", "compound")]
        if not any(lex.in_class("misconduct", t.lemma_.lower()) or lex.in_class("misconduct", t.lower_)
                   for t in heads):
            return False
    actor = np_actor(ctx, subj)
    if actor is None or same_actor(actor, claimant) or (
            actor.code is not None and actor.code == claimant.code and actor.sector == claimant.sector):
        return False
    return actor
