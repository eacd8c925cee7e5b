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

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
import score  # noqa: E402  (the shared scorer)


def actor(a: dict | None) -> str:
    return f"{a.get('name')}[{a.get('code')}/{a.get('sector')}]" if a else "-"


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

            def full(g, p):
                return (fits(g, p) and score.code_hit(g.get("source", []), p.get("source"))
                        and score.code_hit(g.get("target", []), p.get("target"))
                        and score.sector_hit(g.get("source_sector"), p.get("source"), g.get("source", []))
                        and score.sector_hit(g.get("target_sector"), p.get("target"), g.get("target", [])))
            evs = pred.get("events") or []
            pairs, _, _ = score.match(gold.get("events") or [], evs, fits)
            matched = {id(p) for _, p in pairs}
            for g in gold.get("events") or []:
                if g.get("optional"):
                    continue
                hit = next((p for gg, p in pairs if gg is g), None)
                if hit is None:
                    print(f"  MISS event {g['type']} {g.get('source')}->{g.get('target')}: {g['sentence']}")
                elif not full(g, hit):
                    print(f"  ACTORS {g['type']} want {g.get('source')}/{g.get('source_sector','')}->"
                          f"{g.get('target')}/{g.get('target_sector','')} got {actor(hit.get('source'))}->"
                          f"{actor(hit.get('target'))}: {g['sentence']}")
            for p in evs:
                if id(p) not in matched and not any(fits(g, p) for g in gold.get("events") or [] if g.get("optional")):
                    print(f"  FP event {p['type']} {actor(p.get('source'))}->{actor(p.get('target'))} "
                          f"[{p.get('trigger')}]: {score.evidence_text(p)[:110]}")
        if "quotes" in kinds:
            qs = pred.get("quotes") or []
            fitsq = lambda g, p: score.fragment_in(g["text"], p.get("text"), 0.7)  # noqa: E731
            pairs, _, _ = score.match(gold.get("quotes") or [], qs, fitsq)
            for g in gold.get("quotes") or []:
                if g.get("optional"):
                    continue
                hit = next((p for gg, p in pairs if gg is g), None)
                if hit is None:
                    print(f"  MISS quote {g['speaker']}: {g['text'][:80]}")
                elif not score.alias_hit(g.get("speaker", []), hit.get("speaker")):
                    print(f"  SPEAKER want {g['speaker']} got {actor(hit.get('speaker'))}: {g['text'][:60]}")
            matched = {id(p) for _, p in pairs}
            for p in qs:
                if id(p) not in matched and not any(fitsq(g, p) for g in gold.get("quotes") or [] if g.get("optional")):
                    print(f"  FP quote {actor(p.get('speaker'))}: {p['text'][:80]}")
        if "figures" in kinds:
            fs = pred.get("figures") or []

            def fitsf(g, p):
                return (str(p.get("kind")) == g["kind"]
                        and score.ranges_meet(p.get("min"), p.get("max"), g.get("min"), g.get("max"))
                        and score.fragment_in(g["sentence"], score.evidence_text(p)))
            pairs, _, _ = score.match(gold.get("figures") or [], fs, fitsf)
            for g in gold.get("figures") or []:
                if g.get("optional"):
                    continue
                hit = next((p for gg, p in pairs if gg is g), None)
                if hit is None:
                    print(f"  MISS figure {g['kind']} {g.get('min')}..{g.get('max')}: {g['sentence']}")
                elif not score.claim_hit(g.get("claimant") or [], hit.get("claimed_by")):
                    print(f"  CLAIM want {g.get('claimant')} got {actor(hit.get('claimed_by'))}: {g['sentence']}")
            matched = {id(p) for _, p in pairs}
            for p in fs:
                if id(p) not in matched and not any(fitsf(g, p) for g in gold.get("figures") or [] if g.get("optional")):
                    print(f"  FP figure {p['kind']} {p.get('min')}..{p.get('max')} {p.get('subject')}: "
                          f"{score.evidence_text(p)[:90]}")
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
