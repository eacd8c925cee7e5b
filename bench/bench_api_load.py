"""Loopback load test of the HTTP API: N concurrent clients for T seconds, list and detail endpoints.

    .venv/bin/python bench/bench_api_load.py                       # 50 clients, 30 s, demo corpus on SQLite
    .venv/bin/python bench/bench_api_load.py --backend postgresql --clients 20 --seconds 10
    .venv/bin/python bench/bench_api_load.py --db sqlite:///wirecoder.db   # an existing database

The server is the real `wirecoder serve` in its own process on a free
loopback port, over a throw-away database holding the demo corpus (ingested
first) unless --db is given. Each client loops over the list endpoints (events
with and without filters, quotes, figures, places, stories, stats) and the
detail endpoints (an event, an article), picking ids that exist. Prints
requests/s, latency percentiles per endpoint and overall, and every error
(any status other than 200, or a failed connection): there should be none.
Numbers are printed, never asserted.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from contextlib import ExitStack
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirecoder.store.testing import temporary_database  # noqa: E402

WIRECODER = Path(sys.executable).with_name("wirecoder")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "WIRECODER_TOKEN"}
    proc = subprocess.Popen([str(WIRECODER), "serve", "--db", db, "--port", str(port), "--log-level", "warning"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).raise_for_status()
            return proc
        except httpx.HTTPError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)


def targets(base: str) -> list[tuple[str, str]]:
    """(endpoint name, path) pairs to draw from, detail ids taken from the data."""
    with httpx.Client(base_url=base, timeout=30) as c:
        events = c.get("/api/events", params={"limit": 1000}).json()["items"]
        stories = c.get("/api/stories", params={"limit": 1000}).json()["items"]
    event_ids = [e["id"] for e in events]
    article_ids = [a["id"] for s in stories for a in s["articles"]]
    if not event_ids or not article_ids:
        raise SystemExit("the database holds no events: ingest something first")
    paths = [("events", "/api/events?limit=50"), ("events?type", "/api/events?type=ASSAULT&limit=20"),
             ("events?country", "/api/events?country=SDN&limit=20"), ("quotes", "/api/quotes?limit=50"),
             ("figures", "/api/figures?limit=50"), ("places", "/api/places?limit=50"),
             ("stories", "/api/stories?limit=50"), ("stats", "/api/stats")]
    paths += [("event/{id}", f"/api/events/{i}") for i in event_ids]
    paths += [("article/{id}", f"/api/articles/{i}") for i in article_ids]
    return paths


async def client(base: str, paths: list[tuple[str, str]], until: float, seed: int,
                 latencies: dict[str, list[float]], errors: Counter) -> None:
    rng = random.Random(seed)
    lists = [p for p in paths if "{id}" not in p[0]]
    details = [p for p in paths if "{id}" in p[0]]
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while time.monotonic() < until:
            name, path = rng.choice(lists) if rng.random() < 0.5 else rng.choice(details)
            t0 = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors[f"{name}: HTTP {response.status_code}"] += 1
                    continue
                await response.aread()
            except httpx.HTTPError as exc:
                errors[f"{name}: {type(exc).__name__}"] += 1
                continue
            latencies[name].append(time.perf_counter() - t0)


def percentiles(values: list[float]) -> str:
    if not values:
        return "-"
    q = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else values * 99
    ms = lambda v: f"{v * 1000:7.1f}"  # noqa: E731
    return f"{ms(q[49])} {ms(q[89])} {ms(q[98])} {ms(max(values))}"


async def run(base: str, clients: int, seconds: float) -> None:
    paths = targets(base)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: Counter = Counter()
    start = time.monotonic()
    await asyncio.gather(*(client(base, paths, start + seconds, i, latencies, errors) for i in range(clients)))
    took = time.monotonic() - start
    done = sum(map(len, latencies.values()))
    print(f"{clients} clients, {took:.1f} s: {done} requests, {done / took:.1f} requests/s, "
          f"{sum(errors.values())} errors")
    print(f"{'endpoint':<16}{'n':>7}   p50 ms  p90 ms  p99 ms  max ms")
    for name in sorted(latencies):
        print(f"{name:<16}{len(latencies[name]):>7} {percentiles(latencies[name])}")
    print(f"{'all':<16}{done:>7} {percentiles([v for vs in latencies.values() for v in vs])}")
    for what, n in errors.most_common():
        print(f"error: {what} x{n}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--db", help="an existing database to serve (default: a temporary one with the demo corpus)")
    args = parser.parse_args()
    with ExitStack() as stack:
        db = args.db
        if db is None:
            db = stack.enter_context(temporary_database(args.backend))
            subprocess.run([str(WIRECODER), "ingest", str(ROOT / "examples"), "--db", db,
                            "--published", "2024-03-18"], check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        server = start_server(db, port)
        try:
            asyncio.run(run(f"http://127.0.0.1:{port}", args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
