"""End-to-end throughput against the bare parse of the same texts, in one run.

    .venv/bin/python bench/throughput.py --input ../shared/eval/external/polnear/input.jsonl --limit 150
    .venv/bin/python bench/throughput.py --articles 500 --workers 2 --json

The end-to-end rate is `wirecoder ingest` of a JSON Lines file into a fresh
SQLite database (read + extract + store, --workers W), after the model is
loaded; the parse-only rate is the pinned spaCy model alone (no rulers, no
components of ours) over the same texts in one process. Their ratio says
how much our own work costs next to the parse and holds across machines.
Peak RSS is the largest of any one process (the parent or a worker).
Numbers are printed, never asserted.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# --- a generated corpus: our own news-style sentences, recombined -------------------------

PLACES = ["Nairobi", "Lagos", "Kabul", "Lima", "Dhaka", "Khartoum", "Manila", "Bogota", "Tbilisi",
          "Bamako", "Kinshasa", "Caracas", "Yangon", "Aden", "Mosul", "Goma", "Mogadishu", "Quito"]
ACTORS = ["police", "the army", "protesters", "rebels", "the interior ministry", "opposition leaders",
          "the United Nations", "aid workers", "local officials", "the prime minister", "students",
          "striking teachers", "the electoral commission", "border guards"]
SENTENCES = [
    "{A} said on {D} that {n} people had been killed in clashes in {P}.",
    "At least {n} people were injured when {a} fired tear gas at a crowd in {P}, witnesses said.",
    "{A} accused {a} of blocking aid convoys to {P} for more than a week.",
    "\"We will not stop until our demands are met,\" one of the organisers told reporters in {P}.",
    "{A} met {a} in {P} on {D} to discuss a ceasefire, according to a statement.",
    "Hundreds of people marched through central {P} on {D}, calling for new elections.",
    "{A} arrested {n} people after the protest, a spokesman said.",
    "The government said it would send {n} more troops to {P} to restore order.",
    "{A} denied the reports and said the figures were exaggerated.",
    "Officials in {P} said the curfew would stay in place until further notice.",
    "{A} called for talks with {a}, saying violence would solve nothing.",
    "Residents of {P} said they had been without electricity for {n} days.",
    "The {n} detainees were released on {D} after a court ruled their arrest unlawful.",
    "{A} threatened to walk out of the negotiations if the attacks on {P} continued.",
    "Schools in {P} were closed and markets stayed empty, a local journalist said.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generated_articles(n: int, seed: int = 14) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        place = rng.choice(PLACES)
        paragraphs = []
        for _ in range(rng.randint(12, 30)):
            template = rng.choice(SENTENCES)
            actor, other = rng.sample(ACTORS, 2)
            sentence = template.format(A=actor[0].upper() + actor[1:], a=other, n=rng.randint(2, 400),
                                       P=rng.choice([place, place, rng.choice(PLACES)]), D=rng.choice(DAYS))
            paragraphs.append(sentence)
        title = f"Unrest in {place} as talks stall ({i + 1})"
        records.append({"title": title, "text": "\n\n".join(paragraphs), "published": "2024-05-0%d" % (1 + i % 9),
                        "url": f"https://bench.example/{i}"})
    return records


def input_articles(path: Path, limit: int | None) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


# --- measuring ----------------------------------------------------------------------------

def _peak_mb() -> float:
    mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(mine, children) / 1024  # Linux reports KiB


def end_to_end(jsonl: Path, db: Path, workers: int) -> tuple[float, int]:
    """Seconds of `wirecoder ingest` and the number of articles it stored."""
    from wirecoder.serve.cli import main
    from wirecoder.store import Store

    argv = ["ingest", str(jsonl), "--db", f"sqlite:///{db}", "--workers", str(workers)]
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):
        rc = main(argv)
    seconds = time.perf_counter() - t0
    if rc != 0:
        print(f"throughput: ingest exited {rc}", file=sys.stderr)
    with Store(f"sqlite:///{db}") as store:
        return seconds, store.stats()["articles"]


def parse_only(texts: list[str]) -> tuple[float, int]:
    """Seconds of the bare model over the texts (batched like the pipeline) and the tokens."""
    import spacy

    from wirecoder.nlp import MODEL

    nlp = spacy.load(MODEL)
    list(nlp.pipe(texts[:2]))  # first-call set-up is not parsing
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    return time.perf_counter() - t0, tokens


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--input", type=Path, metavar="FILE.jsonl", help="JSON Lines articles (text, title, ...)")
    src.add_argument("--articles", type=int, metavar="N", help="N generated articles (default 200)")
    ap.add_argument("--limit", type=int, metavar="N", help="only the first N articles of --input")
    ap.add_argument("--workers", type=int, default=1, metavar="W")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = ap.parse_args()

    records = input_articles(args.input, args.limit) if args.input else generated_articles(args.articles or 200)
    from wirecoder.nlp import get_nlp

    t0 = time.perf_counter()
    get_nlp()  # loaded before timing; forked workers inherit it
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="wirecoder-bench-") as tmp:
        jsonl = Path(tmp) / "articles.jsonl"
        jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        e2e_s, stored = end_to_end(jsonl, Path(tmp) / "bench.db", args.workers)
        peak = _peak_mb()
        # the same texts the pipeline parsed (after ingest's cleaning)
        from wirecoder.ingest import IngestError, read_path

        texts = [a.text for a in read_path(jsonl) if not isinstance(a, IngestError)]
    parse_s, tokens = parse_only(texts)
    result = {
        "articles": len(texts),
        "tokens": tokens,
        "articles_per_s": round(len(texts) / e2e_s, 3),
        "parse_only_articles_per_s": round(len(texts) / parse_s, 3),
        "ratio": round(parse_s / e2e_s, 3),
        "peak_rss_mb": round(peak),
        "workers": args.workers,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:26s} {value}")
        print(f"(model load {load_s:.1f} s, not timed; {stored} articles stored; parse-only in one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
