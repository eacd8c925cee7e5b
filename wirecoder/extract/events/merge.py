"""One record per event within a sentence.

Records of one type whose actors do not conflict are one event ("seized 60 posts
and destroyed 20 vehicles"), and so is a participle that adds to an act
(", killing six soldiers"). A REJECT that is only the verb of a denial, and an
AGREE that is only the decision to act, give way to the act itself.
"""
from __future__ import annotations

from wirecoder.extract.events.actors import same_actor
from wirecoder.extract.events.args import in_relative_clause
from wirecoder.extract.events.policy import policy
from wirecoder.extract.events.record import WorkingEvent
from wirecoder.models import Actor


def drop_speech_duplicates(coded: list[WorkingEvent]) -> list[WorkingEvent]:
    """Records that only restate another record's denial or decision."""
    return [r for r in coded if not _denial_duplicate(r, coded) and not _decision_duplicate(r, coded)]


def _denial_duplicate(rec: WorkingEvent, coded: list[WorkingEvent]) -> bool:
    """"denied that guards had mistreated detainees": the denial is the negated event, not a REJECT."""
    if not policy(rec.type).restates_denial or rec.kind != "verb":
        return False
    return any(o is not rec and o.denial is not None and o.denial.i == rec.trigger_tok.i for o in coded)


def _decision_duplicate(rec: WorkingEvent, coded: list[WorkingEvent]) -> bool:
    """"agreed to freeze the assets": the freeze is the event, the AGREE is its decision."""
    if not policy(rec.type).restates_decision or rec.kind != "verb":
        return False
    return any(o is not rec and o.decider is not None and o.decider.i == rec.trigger_tok.i
               for o in coded)


def merge_same_type(coded: list[WorkingEvent]) -> list[WorkingEvent]:
    """One record per event: same-type records of a sentence whose actors agree are one
    event; the record with more actors is kept and takes what the other adds."""
    out: list[WorkingEvent] = []
    for rec in coded:
        for kept in out:
            if kept.type != rec.type or kept.negated != rec.negated:
                continue
            if not _compatible(kept.source, rec.source):
                continue
            if not _compatible(kept.target, rec.target, loose=True) and not (
                    _elaboration(rec, kept) or _elaboration(kept, rec)):
                continue
            for key in ("source", "target", "claimed_by"):
                mine, theirs = getattr(kept, key), getattr(rec, key)
                if mine is None and theirs is not None:
                    setattr(kept, key, theirs)
                elif key != "claimed_by" and _codeless(mine) and theirs is not None \
                        and not _codeless(theirs):
                    setattr(kept, key, theirs)
            if kept.mode is None:
                kept.mode = rec.mode
            # a main-clause word states the event more plainly than a relative clause
            # (background: "the army, which has been fighting since 2023, carried out
            # air strikes"), and a verb more plainly than a noun or phrase
            if _rank(rec) > _rank(kept):
                for key in ("trigger_tok", "licensor", "kind", "cameo", "mode"):
                    setattr(kept, key, getattr(rec, key))
            break
        else:
            out.append(rec)
    return out


def _elaboration(a: WorkingEvent, b: WorkingEvent) -> bool:
    """a's trigger is a participle adding what b did: "attacked a checkpoint, killing six"."""
    t = a.trigger_tok
    return t.tag_ == "VBG" and t.dep_ == "advcl" and t.head.i in (b.trigger_tok.i, getattr(b.licensor, "i", -1))


def _rank(rec: WorkingEvent) -> tuple[int, int]:
    return (0 if in_relative_clause(rec.trigger_tok) else 1, 1 if rec.kind == "verb" else 0)


def _codeless(a: Actor | None) -> bool:
    return a is not None and a.code is None and a.country is None


def _compatible(a: Actor | None, b: Actor | None, loose: bool = False) -> bool:
    """Two mentions that may be the same party; `loose`: any two of one state
    ("assisting the population ... and providing assistance" to the same country)."""
    if a is None or b is None:
        return True
    if same_actor(a, b):
        return True
    return a.code is not None and a.code == b.code and (loose or a.sector == b.sector)
