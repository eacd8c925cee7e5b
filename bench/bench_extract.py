"""Extraction throughput: articles/s and words/s, stage by stage, on the demo corpus.

    .venv/bin/python bench/bench_extract.py            # the demo corpus, 5 rounds
    .venv/bin/python bench/bench_extract.py -r 10 PATH...

Model loading is timed on its own; then each round parses every article
with nlp.pipe (batched, as the pipeline does) and runs each extractor,
timing the stages separately. Numbers are printed, never asserted.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirecoder.extract.events import extract_events  # noqa: E402
from wirecoder.extract.figures import extract_figures  # noqa: E402
from wirecoder.extract.quotes import extract_quotes  # noqa: E402
from wirecoder.ingest import IngestError, iter_inputs, read_path  # noqa: E402
from wirecoder.nlp import get_nlp, parse  # noqa: E402
from wirecoder.pipeline import prepare_context  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    ap.add_argument("-r", "--rounds", type=int, default=5)
    args = ap.parse_args()

    t0 = time.perf_counter()
    articles = [a for p in iter_inputs(args.paths) for a in read_path(p) if not isinstance(a, IngestError)]
    t_ingest = time.perf_counter() - t0
    t0 = time.perf_counter()
    get_nlp()
    t_load = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words; ingest {t_ingest:.2f} s; model + rulers load {t_load:.2f} s")

    stages: dict[str, float] = defaultdict(float)
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        docs = parse([a.text for a in articles])
        stages["parse (spaCy)"] += time.perf_counter() - t0
        for article, doc in zip(articles, docs):
            t0 = time.perf_counter()
            ctx = prepare_context(article, doc)
            stages["places + actors"] += time.perf_counter() - t0
            for name, fn in (("quotes", extract_quotes), ("figures", extract_figures), ("events", extract_events)):
                t0 = time.perf_counter()
                fn(ctx)
                stages[name] += time.perf_counter() - t0
    total = sum(stages.values())
    n = len(articles) * args.rounds
    for name, secs in stages.items():
        print(f"  {name:16s} {1000 * secs / n:7.1f} ms/article  ({100 * secs / total:4.1f} %)")
    print(f"total: {n / total:.1f} articles/s, {words * args.rounds / total:,.0f} words/s (one process)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
