"""Short generated articles, and a summary of a database to compare runs by (fault and
concurrency tests)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

TOWNS = ["Goma", "Bunia", "Kisumu", "Mombasa", "Gulu", "Juba", "Malakal", "Wau", "Bor", "Kassala",
         "Nyala", "Kadugli", "Dori", "Gao", "Mopti", "Kidal"]
GROUPS = ["police", "soldiers", "rebels", "militia fighters", "protesters"]


def write_articles(folder: Path, n: int) -> list[Path]:
    """`n` short articles; every fifth is a syndicated copy of the one before, and some
    report the same event, so stories and merged events both have groups."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        base = i - 1 if i % 5 == 4 else i
        town, group = TOWNS[base % len(TOWNS)], GROUPS[base % len(GROUPS)]
        body = (f"Unrest in {town} day {base}\n\n"
                f"{group.capitalize()} attacked a market in {town} on Monday, killing {base % 9 + 2} "
                f"people, officials said.\n\nResidents of {town} fled to nearby villages, "
                f"witnesses told reporters on case {base}.\n")
        if base != i:
            body += f"\nThis report was first published by Wire Daily, item {i}.\n"
        path = folder / f"a{i:04d}.txt"
        path.write_text(body)
        paths.append(path)
    return paths


def wirecoder(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("wirecoder")), *args]


def env() -> dict:
    return {**os.environ, "PYTHONWARNINGS": "ignore"}


def run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(wirecoder(*args), capture_output=True, text=True, timeout=timeout, env=env())


def article_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0
    except Exception:  # noqa: BLE001 - the tables may not exist yet
        return 0
    finally:
        engine.dispose()


def kill_after(url: str, args: list[str], stored: int, limit: float = 120) -> int:
    """Start `wirecoder ingest`, SIGKILL it once `stored` articles are in; the count then."""
    proc = subprocess.Popen(wirecoder(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env())
    deadline = time.monotonic() + limit
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if article_count(url) >= stored:
                break
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    return article_count(url)


def summary(url: str) -> dict:
    """What a run leaves, independent of row ids: articles, their records, stories as sets of
    article ids, merged events with their counters and the articles they join."""
    engine = create_engine(url)
    with engine.connect() as conn:
        q = lambda sql: conn.execute(text(sql)).all()  # noqa: E731
        articles = sorted(r[0] for r in q("SELECT id FROM articles"))
        records = sorted(tuple(r) for r in q(
            "SELECT a.id, (SELECT count(*) FROM events e WHERE e.article_pk = a.pk), "
            "(SELECT count(*) FROM quotes x WHERE x.article_pk = a.pk), "
            "(SELECT count(*) FROM figures f WHERE f.article_pk = a.pk), "
            "(SELECT count(*) FROM actors c WHERE c.article_pk = a.pk), "
            "(SELECT count(*) FROM places p WHERE p.article_pk = a.pk) FROM articles a"))
        stories: dict[int, set] = {}
        for story, aid in q("SELECT story_id, id FROM articles"):
            stories.setdefault(story, set()).add(aid)
        merged: dict[int, list] = {}
        for mid, aid, pos in q("SELECT e.merged_id, a.id, e.position FROM events e "
                               "JOIN articles a ON a.pk = e.article_pk"):
            merged.setdefault(mid, []).append((aid, pos))
        counters = {r[0]: tuple(r[1:]) for r in q(
            "SELECT id, type, num_reports, num_articles, num_copies, num_sources FROM merged_events")}
    engine.dispose()
    return {"articles": articles, "records": records,
            "stories": sorted(sorted(s) for s in stories.values()),
            "merged": sorted((counters[mid], sorted(reports)) for mid, reports in merged.items()),
            "n_merged": len(counters)}
