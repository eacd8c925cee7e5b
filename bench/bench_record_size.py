"""Record size against article length: it must grow linearly, not with (events x mentions).

    .venv/bin/python bench/bench_record_size.py                 # 50, 200, 400 sentences
    .venv/bin/python bench/bench_record_size.py --sentences 50 800

A short paragraph of news sentences is repeated until the article has N
sentences; each repetition names the same actors again, so every actor's
mention list grows with N. For each N it prints the extraction's JSON size
(`wirecoder extract`), the body of GET /api/articles/{id} after storing it in
a temporary SQLite database, the number of events, and bytes per sentence:
linear growth keeps bytes/sentence flat. Numbers are printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirecoder.pipeline import extract_text  # noqa: E402
from wirecoder.store import Store  # noqa: E402
from wirecoder.store.testing import temporary_sqlite  # noqa: E402

PARAGRAPH = [
    "Police in Kenya arrested twelve protesters in Nairobi on Monday, the interior ministry said.",
    "The opposition leader accused the government of silencing its critics.",
    "Kenya's president met the opposition leader at State House to discuss the unrest.",
    "The United Nations urged both sides to hold talks and avoid violence.",
    "Three people were injured when police fired tear gas at the crowd, a hospital official said.",
]


def article(sentences: int) -> str:
    body = [PARAGRAPH[i % len(PARAGRAPH)] for i in range(sentences)]
    lines = [" ".join(body[i:i + len(PARAGRAPH)]) for i in range(0, sentences, len(PARAGRAPH))]
    return "Protests Spread Across Nairobi\n" + "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, nargs="+", default=[50, 200, 400])
    args = parser.parse_args()
    print(f"{'sentences':>9} {'chars':>8} {'events':>6} {'record B':>10} {'API body B':>10} "
          f"{'B/sentence':>10} {'extract s':>9}")
    with temporary_sqlite() as url, Store(url) as store:
        store.upgrade()
        for n in args.sentences:
            text = article(n)
            t0 = time.perf_counter()
            ex = extract_text(text, published=None)
            took = time.perf_counter() - t0
            record = len(json.dumps(ex.to_json_dict(), ensure_ascii=False).encode())
            store.add(ex, origin="bench")
            body = len(json.dumps(store.get_article(ex.article.id), ensure_ascii=False).encode())
            print(f"{n:>9} {len(text):>8} {len(ex.events):>6} {record:>10,} {body:>10,} "
                  f"{body / n:>10,.0f} {took:>9.1f}")


if __name__ == "__main__":
    main()
