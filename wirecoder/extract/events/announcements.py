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
from wirecoder.models import Actor

# Harm a speaker announces as its own future act is a threat ("said it would ban imports").
THREAT_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
# Yielding a speaker says it will not do is a refusal ("we will not lift the roadblocks").
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT", "AGREE", "COOPERATE"})
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


def _threat_mode(rec: dict) -> str | None:
    lemma = rec["trigger_tok"].lemma_.lower()
    if lemma in _THREAT_MODE_BY_LEMMA:
        return _THREAT_MODE_BY_LEMMA[lemma]
    if rec["type"] == "ASSAULT":
        return "violence"
    return _THREAT_MODE_BY_MODE.get(rec["mode"] or "")


def _as_threat(rec: dict) -> dict:
    """The record's fields as a threat of the act; the threat is the speaker's own act, not hearsay."""
    return dict(type="THREATEN", mode=_threat_mode(rec), cameo="13", claimed_by=None)


def recode_announced(rec: dict, announced: bool, mod: str | None, claimant: Actor | None) -> None:
    """Mark whether the speaker announces the act (for `share_threats`) and read an
    announced act as what announcing it does: harm is threatened, yielding refused."""
    etype, negated = rec["type"], rec["negated"]
    rec["announced"] = announced and not negated
    if not announced:
        return
    if etype in THREAT_TYPES and not negated and (etype == "ASSAULT" or rec["target"] is not None):
        # "the ministry said it would ban imports": announcing harm is threatening it
        rec.update(_as_threat(rec))
    elif etype in YIELD_TYPES and negated and mod == "future" and rec["denial"] is None:
        # "we will not lift the roadblocks": refusing to yield
        rec.update(type="REJECT", mode="yield", cameo="12", negated=False, claimed_by=None,
                   source=rec["source"] or claimant)


def share_threats(coded: list[dict]) -> None:
    """"said it would ban imports of EU goods and restrict transit": acts announced in one
    coordination are one threat, though only the first names whom it is aimed at."""
    threats = [r for r in coded if r["type"] == "THREATEN" and r.get("announced")]
    for rec in coded:
        if rec["type"] not in THREAT_TYPES or not rec.get("announced"):
            continue
        t = rec["trigger_tok"]
        for th in threats:
            u = th["trigger_tok"]
            if (t.dep_ == "conj" and t.head.i == u.i) or (u.dep_ == "conj" and u.head.i == t.i):
                rec.update(_as_threat(rec), target=rec["target"] or th["target"])
                break
