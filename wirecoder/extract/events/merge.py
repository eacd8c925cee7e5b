"""One record per event within a sentence.

Records of one type whose actors do not conflict are one event ("seized 60 posts
and destroyed 20 vehicles"), and so is a participle that adds to an act
(", killing six soldiers"). A REJECT that is only the verb of a denial, and an
AGREE that is only the decision to act, give way to the act itself.
"""
from __future__ import annotations

from wirecoder.extract.events.actors import same_actor
from wirecoder.extract.events.args import in_relative_clause
from wirecoder.models import Actor


def drop_speech_duplicates(coded: list[dict]) -> list[dict]:
    """Records that only restate another record's denial or decision."""
    return [r for r in coded if not _denial_duplicate(r, coded) and not _decision_duplicate(r, coded)]


def _denial_duplicate(rec: dict, coded: list[dict]) -> bool:
    """"denied that guards had mistreated detainees": the denial is the negated event, not a REJECT."""
    if rec["type"] != "REJECT" or rec["kind"] != "verb":
        return False
    return any(o is not rec and o["denial"] is not None and o["denial"].i == rec["trigger_tok"].i for o in coded)


def _decision_duplicate(rec: dict, coded: list[dict]) -> bool:
    """"agreed to freeze the assets": the freeze is the event, the AGREE is its decision."""
    if rec["type"] != "AGREE" or rec["kind"] != "verb":
        return False
    return any(o is not rec and o["decider"] is not None and o["decider"].i == rec["trigger_tok"].i
               for o in coded)


def merge_same_type(coded: list[dict]) -> list[dict]:
    """One record per event: same-type records of a sentence whose actors agree are one
    event; the record with more actors is kept and takes what the other adds."""
    out: list[dict] = []
    for rec in coded:
        for kept in out:
            if kept["type"] != rec["type"] or kept["negated"] != rec["negated"]:
                continue
            if not _compatible(kept["source"], rec["source"]):
                continue
            if not _compatible(kept["target"], rec["target"], loose=True) and not (
                    _elaboration(rec, kept) or _elaboration(kept, rec)):
                continue
            for key in ("source", "target", "claimed_by"):
                if kept[key] is None and rec[key] is not None:
                    kept[key] = rec[key]
                elif key != "claimed_by" and _codeless(kept[key]) and rec[key] is not None \
                        and not _codeless(rec[key]):
                    kept[key] = rec[key]
            if kept["mode"] is None:
                kept["mode"] = rec["mode"]
            # a main-clause word states the event more plainly than a relative clause
            # (background: "the army, which has been fighting since 2023, carried out
            # air strikes"), and a verb more plainly than a noun or phrase
            if _rank(rec) > _rank(kept):
                for key in ("trigger_tok", "licensor", "kind", "cameo", "mode"):
                    kept[key] = rec[key]
            break
        else:
            out.append(rec)
    return out


def _elaboration(a: dict, b: dict) -> bool:
    """a's trigger is a participle adding what b did: "attacked a checkpoint, killing six"."""
    t = a["trigger_tok"]
    return t.tag_ == "VBG" and t.dep_ == "advcl" and t.head.i in (b["trigger_tok"].i, getattr(b["licensor"], "i", -1))


def _rank(rec: dict) -> tuple[int, int]:
    return (0 if in_relative_clause(rec["trigger_tok"]) else 1, 1 if rec["kind"] == "verb" else 0)


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
