"""Ingest throughput (articles/s) and database size per 1,000 articles, SQLite and PostgreSQL.

    .venv/bin/python bench/bench_ingest.py              # 1,000 articles on both back ends
    .venv/bin/python bench/bench_ingest.py -n 5000 --backends sqlite

Two measurements:
- store: Store.add() alone, on N synthetic articles made from the demo
  extractions (see synthetic(): real records, texts of their own).
- end to end: `extract + store` over the demo corpus (spaCy loaded
  beforehand), i.e. what `wirecoder ingest` does per article.
PostgreSQL runs in a throw-away schema on $WIRECODER_TEST_PG (default the
local server). Numbers are printed, never asserted.
"""
from __future__ import annotations

import argparse
import random
import string
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirecoder.ingest import IngestError, iter_inputs, read_path  # noqa: E402
from wirecoder.ingest.article import text_id  # noqa: E402
from wirecoder.models import Extraction  # noqa: E402
from wirecoder.store import Store  # noqa: E402
from wirecoder.store.testing import BACKENDS, DatabaseUnavailable, temporary_database  # noqa: E402


def demo_articles() -> list:
    return [a for p in iter_inputs([ROOT / "examples"]) for a in read_path(p)
            if not isinstance(a, IngestError)]


def synthetic(extractions: list[Extraction], n: int, seed: int = 7) -> list[Extraction]:
    """n distinct articles carrying the demo records, with valid evidence offsets.

    Article i is demo extraction i % len(extractions) with its letters enciphered
    by a substitution of its own: lengths (so offsets) stay, the word 3-grams do
    not, so each is a story of its own, as most articles are. Actor codes and
    places stay, so events merge across articles; publication dates spread over
    a year.
    """
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    lower = string.ascii_lowercase
    out = []
    for i in range(n):
        shuffled = "".join(rng.sample(lower, len(lower)))
        cipher = str.maketrans(lower + lower.upper(), shuffled + shuffled.upper())
        record = extractions[i % len(extractions)].to_json_dict()
        art = record["article"]
        art["text"] = art["text"].translate(cipher)
        art["id"] = text_id(art["text"])
        art["published"] = (start + timedelta(days=rng.randrange(365))).isoformat()
        art["url"] = f"https://site{rng.randrange(50)}.example/news/{i}"
        for kind in ("events", "quotes", "figures"):
            for rec in record[kind]:
                rec["evidence"]["text"] = rec["evidence"]["text"].translate(cipher)
        out.append(Extraction.model_validate(record))
    return out


def size_bytes(store: Store) -> int:
    with store.engine.connect() as conn:
        if store.is_postgres:
            return conn.scalar(text(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind = 'r'"))
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return conn.exec_driver_sql("SELECT page_count * page_size FROM pragma_page_count(), "
                                    "pragma_page_size()").scalar()


def bench_store(backend: str, records: list[Extraction]) -> None:
    with temporary_database(backend) as url:
        store = Store(url)
        store.upgrade()
        t0 = time.perf_counter()
        for ex in records:
            store.add(ex)
        elapsed = time.perf_counter() - t0
        t1 = time.perf_counter()
        again = sum(store.add(ex) == "exists" for ex in records[:200])
        rerun = (time.perf_counter() - t1) / 200
        stats = store.stats()
        size = size_bytes(store)
        store.close()
    n = len(records)
    print(f"{backend:10} store   {n:6} articles  {n / elapsed:7.1f} articles/s  "
          f"({1000 * elapsed / n:.1f} ms each; re-add of a stored one {1000 * rerun:.1f} ms, {again} skipped)  "
          f"{size / n * 1000 / 2**20:6.1f} MiB per 1,000 articles  "
          f"[{stats['stories']} stories, {stats['event_records']} events -> {stats['merged_events']} merged]")


def bench_end_to_end(backend: str, articles: list, extract) -> None:
    with temporary_database(backend) as url:
        store = Store(url)
        store.upgrade()
        t0 = time.perf_counter()
        for ex in extract(articles):
            store.add(ex)
        elapsed = time.perf_counter() - t0
        store.close()
    print(f"{backend:10} extract+store {len(articles):3} demo articles  {len(articles) / elapsed:7.2f} articles/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="synthetic articles for the store benchmark")
    parser.add_argument("--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS))
    parser.add_argument("--no-extract", action="store_true", help="skip the end-to-end run (extract + store)")
    args = parser.parse_args()

    from wirecoder.pipeline import extract_articles

    articles = demo_articles()
    t0 = time.perf_counter()
    extractions = list(extract_articles(articles))  # also loads spaCy before anything is timed
    print(f"(extracted {len(articles)} demo articles in {time.perf_counter() - t0:.1f} s, spaCy load included)")
    records = synthetic(extractions, args.n)
    for backend in args.backends:
        try:
            bench_store(backend, records)
            if not args.no_extract:
                bench_end_to_end(backend, articles, extract_articles)
        except DatabaseUnavailable as exc:
            print(f"{backend:10} skipped: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
