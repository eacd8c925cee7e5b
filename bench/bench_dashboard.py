"""Dashboard speed: time to first render and to apply a filter, with N synthetic events.

    .venv/bin/python bench/bench_dashboard.py                    # 10,000 and 100,000 events, SQLite
    .venv/bin/python bench/bench_dashboard.py -n 10000 --backends sqlite postgresql

The generator writes merged events straight into the tables (SQLAlchemy
core, no extraction): N merged events with one report each, five per
article, over two years, 40 actors, 60 places and every PLOVER type, with
evidence sentences of their own. Then a real server (uvicorn on a loopback
port) and real headless Chromium: first render is from navigation until
every dashboard view says it is ready; a filter is choosing a type in the
filter bar until every view is ready again; a text search likewise. Each
aggregate endpoint is timed alone too. Numbers are printed, never asserted.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirecoder.models import EVENT_TYPES  # noqa: E402
from wirecoder.serve.api import create_app  # noqa: E402
from wirecoder.store import Store  # noqa: E402
from wirecoder.store.schema import ArticleRow, EventRow, MergedEventRow, StoryRow  # noqa: E402
from wirecoder.store.testing import temporary_database  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWS = ("timeline", "map", "network", "events")
ACTORS = [(f"A{i:02d}", f"Actor group {i}", ["SDN", "COD", "MLI", "UKR", "BLR", "PHL"][i % 6]) for i in range(40)]
PLACES = [(f"Town {i}", ["SDN", "COD", "MLI", "UKR", "BLR", "PHL"][i % 6], -30 + (i * 7.3) % 80,
           -80 + (i * 37.1) % 220) for i in range(60)]
VERBS = ["shelled", "met", "accused", "threatened", "helped", "asked", "blamed", "praised"]


def generate(store: Store, n: int, seed: int = 7) -> None:
    """N merged events with one report each, written in batches."""
    rnd = random.Random(seed)
    now = datetime.now(timezone.utc)
    start = date(2023, 1, 1)
    per_article = 5
    n_articles = (n + per_article - 1) // per_article
    with store.engine.begin() as conn:
        conn.execute(StoryRow.__table__.insert(), [{"id": i + 1, "created_at": now} for i in range(n_articles)])
        articles, merged, events = [], [], []
        eid = 0
        for a in range(n_articles):
            sentences, spans, pos = [], [], 0
            day = start + timedelta(days=rnd.randrange(730))
            for k in range(per_article):
                src, tgt = rnd.sample(ACTORS, 2)
                s = f"{src[1]} {rnd.choice(VERBS)} {tgt[1]} near town {rnd.randrange(60)} on day {a}-{k}."
                sentences.append(s)
                spans.append((pos, pos + len(s), src, tgt))
                pos += len(s) + 1
            text = " ".join(sentences)
            articles.append({"pk": a + 1, "id": hashlib.sha256(text.encode()).hexdigest(), "story_id": a + 1,
                             "title": f"Synthetic report {a}", "url": None, "source": f"Desk {a % 25}",
                             "source_key": f"desk {a % 25}", "language": "en", "published": day, "credits": [],
                             "text": text, "origin": "bench", "ingested_at": now})
            for k, (s0, s1, src, tgt) in enumerate(spans):
                if eid >= n:
                    break
                eid += 1
                place = rnd.choice(PLACES) if rnd.random() < 0.7 else None
                merged.append({"id": eid, "type": rnd.choice(EVENT_TYPES), "mode": None, "negated": False,
                               "date": day, "date_precision": "day",
                               "source_name": src[1], "source_code": src[0], "source_country": src[2],
                               "source_sector": None, "source_role": None,
                               "target_name": tgt[1], "target_code": tgt[0], "target_country": tgt[2],
                               "target_sector": None, "target_role": None,
                               "place_name": place and place[0], "place_country": place and place[1],
                               "lat": place and place[2], "lon": place and place[3], "geonameid": None,
                               "num_reports": 1, "num_articles": 1, "num_copies": 1, "num_sources": 1})
                events.append({"id": eid, "article_pk": a + 1, "position": k, "merged_id": eid,
                               "type": merged[-1]["type"], "mode": None, "contexts": [], "source_id": None,
                               "target_id": None, "claimed_by_id": None, "date": day, "date_precision": "day",
                               "location_id": None, "negated": False, "trigger": None, "cameo": None,
                               "evidence_text": None, "evidence_start": s0, "evidence_end": s1})
            if len(articles) >= 2000:
                flush(conn, articles, merged, events)
        flush(conn, articles, merged, events)


def flush(conn, articles: list, merged: list, events: list) -> None:
    for table, rows in ((ArticleRow, articles), (MergedEventRow, merged), (EventRow, events)):
        if rows:
            conn.execute(table.__table__.insert(), rows)
        rows.clear()


def serve(app):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return server, f"http://127.0.0.1:{sock.getsockname()[1]}"


def wait_ready(page, before: int) -> None:
    page.wait_for_function("n => Number(document.body.dataset.rendered || 0) > n", arg=before, timeout=600000)
    for view in VIEWS:
        page.wait_for_selector(f'[data-view="{view}"][data-state="ready"]', timeout=600000)


def browser_times(base: str, repeats: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="wirecoder-bench-")
    out: dict[str, list[float]] = {"first render": [], "type filter": [], "text search": []}
    try:
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium",
                                                       args=CHROMIUM_ARGS, headless=True,
                                                       viewport={"width": 1280, "height": 900})
            for _ in range(repeats):
                page = ctx.new_page()
                t = time.perf_counter()
                page.goto(f"{base}/#/")
                wait_ready(page, 0)
                out["first render"].append(time.perf_counter() - t)
                before = int(page.evaluate("Number(document.body.dataset.rendered)"))
                t = time.perf_counter()
                page.select_option("#filters select[name=type]", "ASSAULT")
                wait_ready(page, before)
                out["type filter"].append(time.perf_counter() - t)
                before += 1
                t = time.perf_counter()
                page.fill("#filters input[name=q]", "shelled")
                page.press("#filters input[name=q]", "Enter")
                wait_ready(page, before)
                out["text search"].append(time.perf_counter() - t)
                page.close()
            ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return {k: statistics.median(v) for k, v in out.items()}


ENDPOINTS = ["/api/aggregates/types", "/api/aggregates/timeline", "/api/aggregates/actor-pairs",
             "/api/aggregates/places", "/api/search/events?limit=50", "/api/aggregates/types?type=ASSAULT",
             "/api/aggregates/timeline?actor=A07", "/api/search/events?limit=50&country=MLI&since=2024-01-01",
             "/api/aggregates/types?q=shelled"]


def api_times(base: str) -> dict[str, float]:
    times = {}
    with httpx.Client(base_url=base, timeout=600) as client:
        for path in ENDPOINTS:
            client.get(path).raise_for_status()  # warm
            runs = []
            for _ in range(3):
                t = time.perf_counter()
                client.get(path).raise_for_status()
                runs.append(time.perf_counter() - t)
            times[path] = statistics.median(runs)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, nargs="+", default=[10_000, 100_000], help="numbers of events")
    ap.add_argument("--backends", nargs="+", default=["sqlite"], choices=["sqlite", "postgresql"])
    ap.add_argument("--repeats", type=int, default=3, help="browser runs per size (median shown)")
    args = ap.parse_args()
    for backend in args.backends:
        for n in args.n:
            with temporary_database(backend) as url:
                store = Store(url)
                store.upgrade()
                t = time.perf_counter()
                generate(store, n)
                if backend == "sqlite":
                    with store.engine.begin() as conn:
                        conn.exec_driver_sql("ANALYZE")
                print(f"\n{backend}, {n:,} events (generated in {time.perf_counter() - t:.1f} s)")
                server, base = serve(create_app(store, token=""))
                try:
                    for path, s in api_times(base).items():
                        print(f"  GET {path:<60} {s * 1000:8.1f} ms")
                    for what, s in browser_times(base, args.repeats).items():
                        print(f"  browser: {what:<14} {s * 1000:8.0f} ms (median of {args.repeats})")
                finally:
                    server.should_exit = True
                    store.close()


if __name__ == "__main__":
    main()
