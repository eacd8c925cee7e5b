#!/usr/bin/env python3
"""Per-PLOVER-type scores and a confusion table of event types, gold vs prediction.

    python3 eval/confusion.py GOLD_DIR PRED_DIR

PRED_DIR is the prediction folder the eval scripts write (`OUT/pred` for external
sets, `OUT` for run-dev.sh). Scores use the shared scorer's matching (score.match,
score.fragment_in, score.code_hit, score.sector_hit), as eval/diagnose.py does:
events.type counts a prediction of the gold type whose evidence holds the gold
fragment; events.full also needs source and target codes (and sectors) to fit.
The confusion table pairs each gold event with the predictions whose evidence holds
its fragment: a gold event with a same-type prediction is counted on the diagonal;
else with the first other-type prediction of its sentence, else under "(none)";
predictions no gold event explains are counted in the "(none)" row.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

for _p in (Path(__file__).resolve().parents[2] / "shared" / "eval", Path("/work/shared/eval")):
    if (_p / "score.py").exists():
        sys.path.insert(0, str(_p))
        break
import score  # noqa: E402  (the shared scorer)

NONE = "(none)"


def gold_types(g: dict) -> list[str]:
    return g["type"] if isinstance(g["type"], list) else [g["type"]]


def fits_type(g: dict, p: dict) -> bool:
    return p.get("type") in gold_types(g) and score.fragment_in(g["sentence"], score.evidence_text(p))


def fits_full(g: dict, p: dict) -> bool:
    return (fits_type(g, p) and score.code_hit(g.get("source", []), p.get("source"))
            and score.code_hit(g.get("target", []), p.get("target"))
            and score.sector_hit(g.get("source_sector"), p.get("source"), g.get("source", []))
            and score.sector_hit(g.get("target_sector"), p.get("target"), g.get("target", [])))


def load(gold_dir: Path, pred_dir: Path):
    for gpath in sorted(gold_dir.glob("*.gold.json")):
        name = gpath.name[: -len(".gold.json")]
        gold = json.loads(gpath.read_text())
        ppath = pred_dir / f"{name}.json"
        pred = json.loads(ppath.read_text()) if ppath.exists() else {}
        yield gold.get("events") or [], pred.get("events") or []


def tally(gold_dir: Path, pred_dir: Path):
    """(per-type counts {type: {kind: Counter(tp, fp, fn)}}, confusion Counter((gold, pred)))."""
    counts: dict[str, dict[str, Counter]] = defaultdict(lambda: {"type": Counter(), "full": Counter()})
    confusion: Counter = Counter()
    for golds, preds in load(gold_dir, pred_dir):
        required = [g for g in golds if not g.get("optional")]
        optional = [g for g in golds if g.get("optional")]
        for kind, fits in (("type", fits_type), ("full", fits_full)):
            pairs, _, _ = score.match(required, preds, fits)
            matched_g = {id(g) for g, _ in pairs}
            matched_p = {id(p) for _, p in pairs}
            for g, _ in pairs:
                counts[gold_types(g)[0]][kind]["tp"] += 1
            for g in required:
                if id(g) not in matched_g:
                    counts[gold_types(g)[0]][kind]["fn"] += 1
            for p in preds:
                if id(p) not in matched_p and not any(fits(g, p) for g in optional):
                    counts[p.get("type")][kind]["fp"] += 1
        explained: set[int] = set()
        for g in required:
            near = [p for p in preds if score.fragment_in(g["sentence"], score.evidence_text(p))]
            same = next((p for p in near if p.get("type") in gold_types(g) and id(p) not in explained), None)
            other = next((p for p in near if id(p) not in explained), None)
            hit = same or other
            confusion[(gold_types(g)[0], hit.get("type") if hit else NONE)] += 1
            if hit is not None:
                explained.add(id(hit))
        for p in preds:
            if id(p) not in explained and not any(fits_type(g, p) for g in optional):
                confusion[(NONE, p.get("type"))] += 1
    return counts, confusion


def f1(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    args = ap.parse_args()
    counts, confusion = tally(args.gold, args.pred)
    print(f"{'type':10} {'n':>4} | {'type P':>6} {'R':>5} {'F1':>5} | {'full P':>6} {'R':>5} {'F1':>5}")
    for t in sorted(counts):
        ct, cf = counts[t]["type"], counts[t]["full"]
        n = ct["tp"] + ct["fn"]
        print(f"{t:10} {n:4d} | {f1(ct)[0]:6.2f} {f1(ct)[1]:5.2f} {f1(ct)[2]:5.2f} "
              f"| {f1(cf)[0]:6.2f} {f1(cf)[1]:5.2f} {f1(cf)[2]:5.2f}")
    labels = sorted({g for g, _ in confusion} | {p for _, p in confusion}, key=lambda s: (s == NONE, s))
    short = {lab: lab[:5] for lab in labels}
    print("\nconfusion (rows gold, columns predicted)")
    print(f"{'':10}" + "".join(f"{short[lab]:>6}" for lab in labels))
    for g in labels:
        row = [confusion.get((g, p), 0) for p in labels]
        if any(row):
            print(f"{g:10}" + "".join(f"{v if v else '.':>6}" for v in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
