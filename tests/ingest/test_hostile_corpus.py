"""Issue 15, bad input: `wirecoder ingest` and `extract` on a generated folder of hostile files.

Each bad item gives one line `wirecoder: error: PATH: reason` (names escaped),
the batch goes on, the exit code is 1, no traceback, memory stays bounded by
the size caps, and the good articles are stored exactly once.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from hostile_corpus import GOOD, SHELL_SQL_NAME, write_corpus
from wirecoder.ingest.errors import printable

PREFIX = "wirecoder: error: "
# Good articles in the corpus: latin1, utf16, unclosed, mixed.jsonl#line 1 and #line 3, the
# odd name. (A WARC record cut inside its page is refused, not stored half-read.)
N_GOOD = 6
MAX_RSS_MB = 1500


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("wirecoder")
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, timeout=600,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, write_corpus(folder)


def check_errors(stderr: bytes, folder: Path, expect: dict) -> None:
    text_ = stderr.decode("utf-8")
    assert "Traceback" not in text_
    bad = {name: why for name, why in expect.items() if why is not GOOD}
    seen = {}
    for line in text_.splitlines():
        assert line.startswith(PREFIX), line  # no forged or stray lines
        item, _, reason = line[len(PREFIX):].partition(": ")
        if item.startswith(str(folder) + "/"):
            item = item[len(str(folder)) + 1:]
        assert item in bad, f"unexpected error for {item}: {reason}"
        assert item not in seen, f"two lines for {item}"
        assert bad[item] in reason, (item, reason)
        assert len(reason) < 200
        seen[item] = reason
    assert set(seen) == set(bad)


def test_ingest_reports_each_bad_item_once_and_stores_the_good_once(corpus, tmp_path):
    folder, expect = corpus
    db = f"sqlite:///{tmp_path / 'hostile.db'}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = run("ingest", str(folder), "--db", db, cwd=tmp_path)
    assert out.returncode == 1
    check_errors(out.stderr, folder, expect)
    n_bad = sum(1 for why in expect.values() if why is not GOOD)
    assert out.stdout.decode().strip() == (f"wirecoder: {N_GOOD + n_bad} articles: {N_GOOD} new, "
                                           f"0 already stored, {n_bad} failed")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < MAX_RSS_MB or before / 1024 >= MAX_RSS_MB

    again = run("ingest", str(folder), "--db", db, cwd=tmp_path)
    assert f"0 new, {N_GOOD} already stored".encode() in again.stdout
    check_errors(again.stderr, folder, expect)

    engine = create_engine(db)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT origin, title FROM articles ORDER BY origin")).all()
    engine.dispose()
    origins = [o.removeprefix(str(folder) + "/") for o, _ in rows]
    assert sorted(origins) == sorted(["latin1.txt", "utf16.txt", "unclosed.html", "mixed.jsonl#line 1",
                                      "mixed.jsonl#line 3", SHELL_SQL_NAME])
    assert not (tmp_path / "pwned").exists() and not (folder / "pwned").exists()
    titles = {t for _, t in rows}
    assert {"Protest in Bogotá", "Shelling in Goma", "Wire 2"} <= titles


def test_extract_prints_the_good_records_and_one_line_per_bad_item(corpus, tmp_path):
    folder, expect = corpus
    out = run("extract", str(folder), "--format", "jsonl", cwd=tmp_path)
    assert out.returncode == 1
    check_errors(out.stderr, folder, expect)
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(records) == N_GOOD
    assert all(r["article"]["language"] == "en" for r in records)
    assert printable(SHELL_SQL_NAME).count("\n") == 0
