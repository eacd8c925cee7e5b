"""Issue 15, concurrency: two and four `wirecoder ingest` processes at once on one database,
with overlapping inputs, end with the database one process leaves: no error, no duplicate
article, no event merged twice, the same articles, records, stories and merged events: grouping
does not depend on the order the writers happen to store articles in.

The schema is created first (`db upgrade`): serialising concurrent first-time migrations
is covered by the migration tests.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from fault_corpus import env, run, summary, wirecoder, write_articles  # noqa: E402
from wirecoder.store.testing import BACKENDS, test_database  # noqa: E402

N = 16


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[Path]:
    return write_articles(tmp_path_factory.mktemp("concurrent") / "articles", N)


@pytest.fixture(scope="module", params=BACKENDS)
def one_process(request, files):
    with test_database(request.param) as url:
        out = run("ingest", *map(str, files), "--db", url)
        assert out.returncode == 0, out.stderr
        yield request.param, summary(url)


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_with_overlapping_inputs_equal_one_process(one_process, files, writers):
    backend, expected = one_process
    # Each writer takes every file from its own starting point onwards: all files are
    # covered, most by several writers at once.
    shares = [files[(i * N) // (2 * writers):] for i in range(writers)]
    with test_database(backend) as url:
        assert run("db", "upgrade", "--db", url).returncode == 0
        procs = [subprocess.Popen(wirecoder("ingest", *map(str, share), "--db", url), env=env(),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for share in shares]
        results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
        for code, out, err in results:
            assert code == 0 and err == "", err
        got = summary(url)
        new = sum(int(re.search(r"(\d+) new", out).group(1)) for _, out, _ in results)
        assert new == N  # each article stored by exactly one writer
        check = run("db", "check", "--db", url)
        assert check.returncode == 0, check.stderr
    assert got["articles"] == expected["articles"]
    assert got["records"] == expected["records"]
    assert got["stories"] == expected["stories"]
    assert got["merged"] == expected["merged"]  # merging is order-independent (store/merging.py)
