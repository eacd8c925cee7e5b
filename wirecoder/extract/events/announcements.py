"""What announcing does to an act: a speaker telling of its own side's future or
conditional act.

Harm so announced is a THREATEN ("the ministry said it would ban imports"), and
acts announced in one coordination are one threat; yielding the speaker says it
will not do is a REJECT ("we will not lift the roadblocks").
"""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.events.actors import same_actor
from wirecoder.extract.events.args import FIRST_PERSON, POSSESSIVES
from wirecoder.extract.events.policy import POLICY, policy
from wirecoder.extract.events.record import WorkingEvent
from wirecoder.models import Actor

# PLOVER THREATEN modes by the verb threatened, then by the threatened act's type/mode.
_THREAT_MODE_BY_LEMMA = {
    "ban": "ban", "embargo": "ban", "bar": "ban", "prohibit": "ban",
    "restrict": "restrict", "block": "restrict", "blockade": "restrict", "close": "restrict", "shut": "restrict",
    "arrest": "arrest", "detain": "arrest", "jail": "arrest", "imprison": "arrest",
    "expel": "expel", "deport": "expel",
    "occupy": "territory", "annex": "territory", "seize": "territory", "capture": "territory",
}
_THREAT_MODE_BY_MODE = {"ban": "ban", "restrict": "restrict", "arrest": "arrest", "deport": "expel",
                        "expel": "expel", "cancel": "relations", "sever": "relations", "withdraw": "relations"}


def speaker_announces(claimant: Actor | None, source: Actor | None, src_tok: Token | None) -> bool:
    """The speaker tells of its own side's act: same actor or state, a first-person
    subject, or a subject the speaker owns ("his side", "its forces")."""
    if claimant is None:
        return False
    if src_tok is not None and (src_tok.lower_ in FIRST_PERSON or any(
            c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in src_tok.children)):
        return True
    if source is None:
        return False
    return same_actor(source, claimant) or (source.code is not None and source.code == claimant.code)


def _threat_mode(rec: WorkingEvent) -> str | None:
    lemma = rec.trigger_tok.lemma_.lower()
    if lemma in _THREAT_MODE_BY_LEMMA:
        return _THREAT_MODE_BY_LEMMA[lemma]
    if policy(rec.type).violence:
        return "violence"
    return _THREAT_MODE_BY_MODE.get(rec.mode or "")


def _recode_as_threat(rec: WorkingEvent) -> None:
    """Make the record a threat of the act; the threat is the speaker's own act, not hearsay."""
    threat = POLICY[policy(rec.type).announced_as]
    rec.type, rec.mode, rec.cameo, rec.claimed_by = threat.type, _threat_mode(rec), threat.cameo, None


def recode_announced(rec: WorkingEvent, announced: bool, mod: str | None, claimant: Actor | None) -> None:
    """Mark whether the speaker announces the act (for `share_threats`) and read an
    announced act as what announcing it does: harm is threatened, yielding refused."""
    etype, negated = rec.type, rec.negated
    rec.announced = announced and not negated
    if not announced:
        return
    rules = policy(etype)
    if rules.harm and not negated and (rules.threat_without_target or rec.target is not None):
        # "the ministry said it would ban imports": announcing harm is threatening it
        _recode_as_threat(rec)
    elif rules.refused_as is not None and negated and mod == "future" and rec.denial is None:
        # "we will not lift the roadblocks": refusing to yield
        refusal = POLICY[rules.refused_as]
        rec.type, rec.mode, rec.cameo, rec.negated, rec.claimed_by = \
            refusal.type, rules.refusal_mode, refusal.cameo, False, None
        rec.source = rec.source or claimant


def share_threats(coded: list[WorkingEvent]) -> None:
    """"said it would ban imports of EU goods and restrict transit": acts announced in one
    coordination are one threat, though only the first names whom it is aimed at."""
    threats = [r for r in coded if policy(r.type).threat and r.announced]
    for rec in coded:
        if not policy(rec.type).harm or not rec.announced:
            continue
        t = rec.trigger_tok
        for th in threats:
            u = th.trigger_tok
            if (t.dep_ == "conj" and t.head.i == u.i) or (u.dep_ == "conj" and u.head.i == t.i):
                target = rec.target or th.target
                _recode_as_threat(rec)
                rec.target = target
                break
