#!/usr/bin/env python3
"""List what the scorer counts as misses and false positives, article by article.

    python3 eval/diagnose.py GOLD_DIR PRED_DIR [--kind events|quotes|figures|places]

PRED_DIR is the output folder of `../shared/eval/run-dev.sh GOLD_DIR PRED_DIR`.
It reuses the scorer's own matching (../shared/eval/score.py), so what it
lists is exactly what the scores count. For finding error classes, not for
fitting single sentences.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
import score  # noqa: E402  (the shared scorer)


def actor(a: dict | None) -> str:
    return f"{a.get('name')}[{a.get('code')}/{a.get('sector')}]" if a else "-"


def report(golds: list[dict], preds: list[dict], fits: Callable[[dict, dict], bool], *,
           miss: Callable[[dict], str], wrong: Callable[[dict, dict], str | None],
           fp: Callable[[dict], str]) -> None:
    """Print misses, wrongly attributed matches and false positives as the scorer counts them.

    Optional gold items count neither as misses nor, when a prediction fits one, as FPs.
    """
    pairs, _, _ = score.match(golds, preds, fits)
    for g in golds:
        if g.get("optional"):
            continue
        hit = next((p for gg, p in pairs if gg is g), None)
        line = miss(g) if hit is None else wrong(g, hit)
        if line:
            print(f"  {line}")
    matched = {id(p) for _, p in pairs}
    for p in preds:
        if id(p) not in matched and not any(fits(g, p) for g in golds if g.get("optional")):
            print(f"  {fp(p)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--kind", choices=["events", "quotes", "figures", "places"], action="append")
    args = ap.parse_args()
    kinds = args.kind or ["events", "quotes", "figures", "places"]
    for gpath in sorted(args.gold.glob("*.gold.json")):
        name = gpath.name[: -len(".gold.json")]
        gold = json.loads(gpath.read_text())
        ppath = args.pred / f"{name}.json"
        pred = json.loads(ppath.read_text()) if ppath.exists() else {}
        print(f"=== {name}")
        if "events" in kinds:
            def fits(g, p):
                types = g["type"] if isinstance(g["type"], list) else [g["type"]]
                return p.get("type") in types and score.fragment_in(g["sentence"], score.evidence_text(p))

            def wrong_actors(g, p):
                if (score.code_hit(g.get("source", []), p.get("source"))
                        and score.code_hit(g.get("target", []), p.get("target"))
                        and score.sector_hit(g.get("source_sector"), p.get("source"), g.get("source", []))
                        and score.sector_hit(g.get("target_sector"), p.get("target"), g.get("target", []))):
                    return None
                return (f"ACTORS {g['type']} want {g.get('source')}/{g.get('source_sector','')}->"
                        f"{g.get('target')}/{g.get('target_sector','')} got {actor(p.get('source'))}->"
                        f"{actor(p.get('target'))}: {g['sentence']}")
            report(gold.get("events") or [], pred.get("events") or [], fits,
                   miss=lambda g: f"MISS event {g['type']} {g.get('source')}->{g.get('target')}: {g['sentence']}",
                   wrong=wrong_actors,
                   fp=lambda p: (f"FP event {p['type']} {actor(p.get('source'))}->{actor(p.get('target'))} "
                                 f"[{p.get('trigger')}]: {score.evidence_text(p)[:110]}"))
        if "quotes" in kinds:
            report(gold.get("quotes") or [], pred.get("quotes") or [],
                   lambda g, p: score.fragment_in(g["text"], p.get("text"), 0.7),
                   miss=lambda g: f"MISS quote {g['speaker']}: {g['text'][:80]}",
                   wrong=lambda g, p: (None if score.alias_hit(g.get("speaker", []), p.get("speaker")) else
                                       f"SPEAKER want {g['speaker']} got {actor(p.get('speaker'))}: {g['text'][:60]}"),
                   fp=lambda p: f"FP quote {actor(p.get('speaker'))}: {p['text'][:80]}")
        if "figures" in kinds:
            def fitsf(g, p):
                return (str(p.get("kind")) == g["kind"]
                        and score.ranges_meet(p.get("min"), p.get("max"), g.get("min"), g.get("max"))
                        and score.fragment_in(g["sentence"], score.evidence_text(p)))
            report(gold.get("figures") or [], pred.get("figures") or [], fitsf,
                   miss=lambda g: f"MISS figure {g['kind']} {g.get('min')}..{g.get('max')}: {g['sentence']}",
                   wrong=lambda g, p: (None if score.claim_hit(g.get("claimant") or [], p.get("claimed_by")) else
                                       f"CLAIM want {g.get('claimant')} got {actor(p.get('claimed_by'))}: "
                                       f"{g['sentence']}"),
                   fp=lambda p: (f"FP figure {p['kind']} {p.get('min')}..{p.get('max')} {p.get('subject')}: "
                                 f"{score.evidence_text(p)[:90]}"))
        if "places" in kinds:
            for g in gold.get("places") or []:
                if g.get("optional"):
                    continue
                names = {score.norm(n) for n in [g["name"], *g.get("aliases", [])]}
                cands = [p for p in pred.get("places") or []
                         if names & {score.norm(n) for n in [p.get("name"), *(p.get("aliases") or [])] if n}]
                good = [p for p in cands if (not g.get("country") or p.get("country") == g["country"])
                        and p.get("lat") is not None
                        and score.km(g["lat"], g["lon"], p["lat"], p["lon"]) <= g.get("km", 50)]
                if not good:
                    got = [(p["name"], p.get("country"), p.get("lat"), p.get("lon")) for p in cands]
                    print(f"  MISS place {g['name']} ({g.get('country')}): got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
