"""Expressed intentions: an actor offering, promising or declaring itself ready to act.

PLOVER codes a stated intention to cooperate as AGREE ("agree to, offer, promise or
otherwise indicate willingness to" do something) and a stated intention to harm as
THREATEN. The coder proper reads infinitives of intent as no event ("offered to hand
over the suspects" reports no handover), so this module adds the intention itself:

- a verb of commitment with a to-infinitive: "promised to continue aid", "pledged to
  withdraw", "offered to hand over" (@intent_verb in predicates.tsv);
- "be" + an adjective of readiness with a to-infinitive or "to" + gerund: "is ready
  to contribute troops", "is willing to send", "is prepared to lift the ban", "is
  committed to opening up" (@intent_adj);
- an act announced for the future in the text's or a speaker's words, of a type that
  is cooperation or yielding ("Portugal will support Turkey's bid", "the rebels said
  they will release the hostages"): the announcement is the AGREE. Meetings stay
  CONSULT (a scheduled meeting is a meeting, as EXTRACTION.md says), harm announced is
  already a THREATEN (`events.announcements`).

The intended act is harm when its verb has only harmful rows in the lexicon ("vowed
to crush the revolt"), and then the intention is a THREATEN; a condition on it
("will boycott the vote unless ...") makes a THREATEN of any act.
Records the coder made for the intended act itself are dropped (one event: the
intention), as are negated intentions ("is not willing to") which state no commitment.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from wirecoder.extract.context import Context
from wirecoder.extract.common.syntax import child, children, clause_subject, has_to_infinitive
from wirecoder.extract.events.claims import claimant_of
from wirecoder.extract.events.lexicon import Lexicon, verb_lemma
from wirecoder.extract.events.policy import COMMITMENT, HARM_PREPS, HELP_PREPS, THREAT, policy
from wirecoder.extract.events.record import WorkingEvent
from wirecoder.extract.events.roles import Roles
from wirecoder.extract.events.targets import complement_target
from wirecoder.extract.negation import is_negated, modality
from wirecoder.models import Actor

# Conjunctions that make an announced act a condition put to someone ("... unless").
_CONDITION_MARKS = frozenset({"unless"})


def _intended_act(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of the act tok commits to: its to-infinitive, or an adjective's ("ready
    to send") or its "to" + gerund ("committed to opening")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lex.in_class("intent_verb", verb_lemma(tok)):
        for x in children(tok, "xcomp"):
            if has_to_infinitive(x):
                return x
        return None
    # "is ready to send", "is committed to opening" (also parsed as a passive participle,
    # which then must take "to" + gerund: "crimes were committed to terrorize" is no intent)
    adjective = tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "xcomp") and tok.head.lemma_.lower() == "be"
    participle = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
    if not lex.in_class("intent_adj", lemma) or not (adjective or participle):
        return None
    if adjective:
        for x in children(tok, "xcomp"):
            if has_to_infinitive(x):
                return x
    for prep in children(tok, "prep"):
        if prep.lower_ == "to":
            g = child(prep, "pcomp")
            if g is not None and g.tag_ == "VBG":
                return g
    return None


def _is_harm(act: Token, lex: Lexicon) -> bool:
    """The intended act is harm: its verb has only harmful rows ("to crush the revolt"),
    or, for a verb of going on ("to continue the offensive", "to keep fighting"), what
    goes on is."""
    lemma = verb_lemma(act)
    if lex.in_class("presuppose", lemma) or lex.in_class("implicative", lemma) or lex.in_class("light", lemma):
        # what goes on, or what a light verb carries out ("ready to launch an offensive")
        inner = children(act, "xcomp", "dobj")
        return any(_harmful_word(t, lex) for t in inner)
    if lex.in_class("halt", lemma):
        # ending something is harm only when cooperation ends ("to halt aid"), not when
        # the speaker offers to stop its own doings ("offered to stop expanding")
        return any(lex.in_class("relations", t.lemma_.lower()) for t in children(act, "dobj"))
    return _harmful_word(act, lex)


def _harmful_word(tok: Token, lex: Lexicon) -> bool:
    pos = "V" if tok.pos_ == "VERB" else "N"
    types = {e.type for e in lex.lookup(pos, verb_lemma(tok) if pos == "V" else tok.lemma_.lower())}
    return bool(types) and all(policy(t).intended_as_threat for t in types)


def _conditional(act: Token) -> bool:
    """"will boycott the elections unless the president steps down"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in c.children)
               for c in act.children)


def _reported_content(verb: Token, lex: Lexicon) -> bool:
    """The intention is what someone else asks, wants or refuses ("urged Iraq to
    commit to ...", "refused to offer"): a clause under a verb of the lexicon or of intent."""
    if verb.dep_ not in ("xcomp", "ccomp", "advcl") or verb.head == verb:
        return False
    head = verb_lemma(verb.head)
    if lex.in_class("speech", head) and verb.dep_ == "ccomp":
        return False                 # "said it was ready to": the speaker's own word
    return lex.in_class("irrealis", head) or bool(lex.lookup("V", head))


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def stated_intentions(sent: Span, ctx: Context, lex: Lexicon, roles: Roles, quote_speaker: Actor | None,
                      last_source: Actor | None) -> list[tuple[WorkingEvent, set[int]]]:
    """AGREE / THREATEN records for the intentions the sentence states, each with the
    token ids of the intended act's clause (whose own records the intention replaces)."""
    out = []
    for tok in sent:
        act = _intended_act(tok, lex)
        if act is None:
            continue
        # the verb of the clause: the adjective's "be", but a perfect "had offered" itself
        finite = tok.tag_ != "VBN" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        verb = tok if tok.pos_ == "VERB" and finite or tok.dep_ == "ROOT" else tok.head
        if is_negated(verb, None) or is_negated(tok, None) or _reported_content(verb, lex) \
                or modality(verb) == "hypothetical":
            continue                 # "is not willing to", "urged X to be ready to", "could offer to"
        claimant = claimant_of(ctx, sent, tok, quote_speaker)
        src_tok = clause_subject(verb)
        source = roles.resolve_source(src_tok, claimant, last_source)
        harm = _is_harm(act, lex) or _conditional(act)
        target, _ = complement_target(roles, act, HARM_PREPS if harm else HELP_PREPS, source)
        if source is None:
            continue                 # an intention is someone's
        kind = THREAT if harm else COMMITMENT
        rec = WorkingEvent(type=kind.type, mode=None, cameo=kind.cameo, source=source, target=target,
                           trigger_tok=tok, kind="verb", claimed_by=None if claimant is source else claimant)
        out.append((rec, _subtree_ids(act)))
    return out


def recode_intentions(coded: list[WorkingEvent], intentions: list[tuple[WorkingEvent, set[int]]],
                      lex: Lexicon) -> list[WorkingEvent]:
    """The sentence's records with intentions in place of the acts they intend, and
    announced cooperation read as the commitment it is (see module docstring)."""
    inside: set[int] = set().union(*(ids for _, ids in intentions)) if intentions else set()
    kept = [r for r in coded if r.trigger_tok.i not in inside
            and (r.licensor is None or r.licensor.i not in inside)]
    for rec in kept:
        verb = rec.licensor if rec.licensor is not None else rec.trigger_tok
        announced = "future" in rec.contexts and not rec.negated and rec.source is not None
        row = policy(rec.type)
        if announced and row.committed_when_announced and not lex.in_class("presuppose", verb_lemma(verb)):
            # "will support Turkey's bid"; but "would resume food distributions" tells of an
            # act already under way, which is that act
            rec.type, rec.mode, rec.cameo = COMMITMENT.type, None, COMMITMENT.cameo
        elif announced and not (row.harm or row.threat) and _conditional(rec.trigger_tok):
            rec.type, rec.mode, rec.cameo, rec.claimed_by = THREAT.type, None, THREAT.cameo, None
    # a row of the lexicon that already coded the verb of intent reads it more closely
    # ("pledged to retaliate" is a THREATEN row)
    coded_words = {r.trigger_tok.i for r in kept}
    return kept + [rec for rec, _ in intentions if rec.trigger_tok.i not in coded_words]
