"""Is a candidate an event the text asserts?

A noun counts only where news uses it to report an event (`noun_licence`); a
verb not when it is an infinitive of intent, and no word when it is the
content of another act ("asked X to cease air strikes": one REQUEST, no
ASSAULT), the thing halted ("an end to the shelling"), part of another act
(", targeting state-owned firms" after "imposed sanctions") or a protest's
demand. A decision, though, is the act decided (`decider`).
"""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.context import Context
from wirecoder.extract.events.actors import actor_at
from wirecoder.extract.common.syntax import children, has_to_infinitive, is_passive
from wirecoder.extract.events.args import agent_of
from wirecoder.extract.events.candidates import Candidate
from wirecoder.extract.events.lexicon import Lexicon, verb_lemma
from wirecoder.extract.events.policy import policy

# Candidates of one sentence that hold, by the token index of their trigger.
ByToken = dict[int, list[Candidate]]

_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_NON_CONTENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "conj", "cc", "punct", "agent",
                               "advmod", "npadvmod", "appos", "parataxis", "mark", "aux", "auxpass",
                               "neg", "det", "poss", "case"})
_HYPOTHETICAL_AMODS = words("hypothetical_modifiers")
# verbs of harm whose "in" phrase names the attack that caused it
_HARM_VERBS = words("harm_verbs")
# "take place", "break out", "go ahead", "kick off", "get under way"
_OCCUR_PARTICLES = {"take": {"place"}, "break": {"out"}, "go": {"ahead"}, "kick": {"off"},
                    "get": {"underway", "under"}, "happen": None, "occur": None}


def noun_licence(cand: Candidate, lex: Lexicon, ctx: Context) -> tuple[Token | None, str] | None:
    """Where a nominal trigger is used to report an event: (the verb that licenses it,
    how); None when it is not."""
    tok = cand.trigger
    first = tok
    while first.dep_ == "conj" and first.head != first and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head                                   # "sanctions and an embargo"
    head = first.head
    hlemma = verb_lemma(head)
    # object of a light verb, active or passive ("imposed sanctions", "sanctions were imposed")
    if first.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and lex.in_class("light", hlemma):
        return head, "light"
    # participle or relative clause of a light verb ("raids begun last week")
    for c in children(tok, "acl", "relcl"):
        if lex.in_class("light", verb_lemma(c)) and c.tag_ in ("VBN", "VBD"):
            return c, "light-participle"
    # subject of a verb of occurring ("the bombing began", "talks would take place")
    if first.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and lex.in_class("occur", hlemma):
        need = _OCCUR_PARTICLES.get(hlemma)
        if need is None or any(c.lower_ in need or c.lemma_.lower() in need for c in head.children):
            return head, "occur"
    # "travelled to Khartoum for negotiations with army commanders"
    if policy(cand.entry.type).purpose_of_travel and first.dep_ == "pobj" and head.lower_ in ("for", "on") \
            and head.head.pos_ == "VERB" and lex.in_class("motion", verb_lemma(head.head)):
        return head.head, "purpose"
    # "threw stones during demonstrations": the backdrop of an act happened
    if policy(cand.entry.type).backdrop and first.dep_ == "pobj" and head.lower_ in ("during", "amid", "amidst") \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head, "backdrop"
    # "two soldiers were killed in a drone attack", "died in an air strike": the harm
    # reports the attack (the victims are its target, see event_roles.victims)
    if policy(cand.entry.type).violence and first.dep_ == "pobj" and head.lower_ in ("in", "during") \
            and head.head.pos_ in ("VERB", "AUX") and verb_lemma(head.head) in _HARM_VERBS \
            and _harm_without_agent(head.head):
        return head.head, "harm"
    # "requests for a pause", "calls for Ankara to release ..."
    if policy(cand.entry.type).request and "has" in cand.entry.conditions:
        return None, "speech"
    # an actor's act in a core argument ("Kigali's incursion breached ...")
    if first.dep_ in _CORE_DEPS:
        for mod in children(tok, "poss", "amod", "compound"):
            if mod.lower_ in cand.entry.modifiers:
                continue
            if actor_at(ctx, mod) is not None:
                return None, "owned"
    return None


def _harm_without_agent(verb: Token) -> bool:
    """"were killed in an attack", "died in a strike": no one is named as doing the harm,
    so the attack is the event; "gunmen killed five in an attack" is coded on the verb."""
    if verb_lemma(verb) in ("die", "perish"):
        return True
    return is_passive(verb) and agent_of(verb) is None


def hypothetical_noun(tok: Token) -> bool:
    """"any attack", "a possible offensive", "such protests": a kind of event, not one."""
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in ("any", "no", "every", "each"):
            return True
        if c.dep_ == "amod" and c.lower_ in _HYPOTHETICAL_AMODS:
            return True
        if c.lower_ == "such" and c.dep_ in ("amod", "det", "predet"):
            return True  # "more than 200 such protests": a kind of event, counted, not one event
    return False


def is_infinitive_of_intent(verb: Token, lex: Lexicon) -> bool:
    """"to meet", "to scatter them": an infinitive reports an intent, unless an
    implicative or reporting verb governs it ("continued to shell", "claimed to have
    seized")."""
    if not has_to_infinitive(verb):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False  # perfect infinitive: "to have captured"
    head = verb.head
    if head == verb:
        return False
    return not lex.in_class("implicative", verb_lemma(head))


def governing_act(tok: Token, by_token: ByToken, lex: Lexicon) -> str | None:
    """Why tok is the content of something else, or None: it sits in the complement
    of an act whose content it is ("urged X to stop ..."), of a halting verb or noun
    ("an end to the shelling"), or of an intent ("plans for an offensive")."""
    cur = tok
    for step in range(20):
        head = cur.head
        if head == cur:
            return None
        dep = cur.dep_
        if dep not in _NON_CONTENT_DEPS:
            hl = verb_lemma(head)
            if step == 0 and dep == "dobj" and lex.in_class("presuppose", hl):
                # "vowed to continue the offensive": the offensive is going on; but
                # "invited X to resume negotiations" asks for them: the request's content
                # (a verb of asking, coded or not: "invited both sides to resume talks")
                if head.dep_ in ("xcomp", "ccomp") and any(
                        policy(e.type).request for e in lex.lookup("V", verb_lemma(head.head))):
                    return "content of REQUEST"
                return None
            for other in by_token.get(head.i, []):
                if policy(other.entry.type).takes_content:
                    return f"content of {other.entry.type}"
                if step == 0 and tok.pos_ in ("NOUN", "PROPN") and dep in ("dobj", "nsubjpass"):
                    return f"patient of {other.entry.type}"  # "revoked its agreements"
            if lex.in_class("halt", hl) and head.pos_ in ("VERB", "NOUN"):
                return "halted"
            if head.pos_ in ("VERB", "AUX") and lex.in_class("irrealis", hl):
                return "intended"
            if head.pos_ == "NOUN" and lex.in_class("irrealis_n", hl):
                return "intended"
        elif dep in ("nsubj", "nsubjpass", "csubj", "parataxis"):
            return None
        if dep == "relcl":
            return None  # a relative clause asserts on its own: "a swap, which Russia rejected"
        cur = head
    return None


def decider(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of decision whose to-infinitive tok is ("agreed to freeze ... and to bar",
    "voted to impose"), else None."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj" and cur.head != cur:
            cur = cur.head
            continue
        if cur.dep_ == "xcomp" and has_to_infinitive(cur) and lex.in_class("decide", verb_lemma(cur.head)):
            return cur.head
        return None
    return None


def elaborates_other_act(tok: Token, by_token: ByToken, lex: Lexicon) -> bool:
    """", targeting state-owned firms" after "imposed sanctions": a participle that says
    whom another, non-violent act hits is part of that act, not an attack."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or not lex.in_class("scope", tok.lemma_.lower()):
        return False
    head = tok.head
    acts = list(by_token.get(head.i, []))
    acts += [o for c in head.children if c.dep_ in ("dobj", "nsubjpass") for o in by_token.get(c.i, [])]
    return any(not policy(o.entry.type).violence for o in acts)


def absorbed_by_protest(tok: Token, by_token: ByToken) -> bool:
    """"crowds gathered ..., calling for the president to resign": the demand is the
    protest's, not a request of its own."""
    cur = tok
    for _ in range(5):
        if cur.dep_ not in ("advcl", "conj", "acl", "xcomp", "relcl", "pcomp", "prep") or cur.head == cur:
            return False
        cur = cur.head
        # the protest is the verb ("rioted ..., demanding") or the noun it carries on
        # ("continued their hunger strike to demand ...")
        held = [cur] + [c for c in cur.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(policy(o.entry.type).absorbs_requests for t in held for o in by_token.get(t.i, [])):
            return True
    return False
