"""Issue 15, faults: kill -9 in the middle of `ingest`, a full disk, a read-only database.

After a kill and a rerun the database equals a clean run's (every article once, no orphan
rows, the same stories and merged events), and `wirecoder db check` finds nothing wrong.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fault_corpus import article_count, kill_after, run, summary, write_articles
from wirecoder.store.testing import BACKENDS, test_database

N = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "articles"
    write_articles(folder, N)
    return folder


@pytest.fixture(scope="module", params=BACKENDS)
def clean_run(request, corpus):
    with test_database(request.param) as url:
        out = run("ingest", str(corpus), "--db", url)
        assert out.returncode == 0, out.stderr
        yield request.param, url, summary(url)


def test_kill_9_at_several_points_then_rerun_equals_a_clean_run(clean_run, corpus):
    backend, _, expected = clean_run
    assert len(expected["articles"]) == N
    assert len(expected["stories"]) < N and expected["n_merged"] < sum(r[1] for r in expected["records"])
    with test_database(backend) as url:
        args = ["ingest", str(corpus), "--db", url]
        assert run("db", "upgrade", "--db", url).returncode == 0
        first = kill_after(url, args, stored=5)
        second = kill_after(url, args, stored=first + 20)
        assert 0 < first < second < len(expected["articles"])
        out = run(*args)
        assert out.returncode == 0, out.stderr
        assert f"{second} already stored" in out.stdout
        assert summary(url) == expected
        check = run("db", "check", "--db", url)
        assert check.returncode == 0 and "no problems found" in check.stdout, check.stderr


def test_read_only_database_gives_a_clear_error_and_is_unchanged(clean_run, tmp_path):
    backend, _, _ = clean_run
    extra = tmp_path / "more"
    write_articles(extra, 3)
    with test_database(backend) as url:
        assert run("db", "upgrade", "--db", url).returncode == 0
        before = summary(url)
        if backend == "sqlite":
            path = url.removeprefix("sqlite:///")
            ro = f"sqlite:///file:{path}?mode=ro&uri=true"
        else:
            ro = url.replace("-csearch_path", "-cdefault_transaction_read_only%3Don%20-csearch_path")
        out = run("ingest", str(extra), "--db", ro)
        assert out.returncode == 1
        assert "Traceback" not in out.stderr
        lines = out.stderr.splitlines()
        assert lines and all(line.startswith("wirecoder: error: ") for line in lines)
        assert "read-only" in lines[0] or "readonly" in lines[0], lines[0]
        assert summary(url) == before


@pytest.mark.skipif(sys.platform != "linux", reason="needs a tmpfs mount")
def test_full_disk_on_sqlite_gives_a_clear_error_and_keeps_the_database(tmp_path, corpus):
    mnt = tmp_path / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs (needs root)")
    try:
        url = f"sqlite:///{mnt / 'full.db'}"
        first = sorted(corpus.iterdir())[:3]
        out = run("ingest", *map(str, first), "--db", url)
        assert out.returncode == 0, out.stderr
        before = summary(url)
        filler = mnt / "filler"
        try:  # fill the disk to the last byte
            with open(filler, "wb", buffering=0) as fh:
                while True:
                    fh.write(b"\0" * 4096)
        except OSError:
            pass
        out = run("ingest", str(corpus), "--db", url)
        assert out.returncode == 1
        assert "Traceback" not in out.stderr
        lines = out.stderr.splitlines()
        assert lines and all(line.startswith("wirecoder: error: ") for line in lines)
        # SQLite says "database or disk is full", or "disk I/O error" when the WAL cannot grow.
        assert any(r in line for line in lines for r in ("disk is full", "disk I/O error")), lines[:3]
        filler.unlink()
        after = summary(url)
        # Whatever was committed before the disk filled is whole; nothing half-written.
        assert set(before["articles"]) <= set(after["articles"])
        check = run("db", "check", "--db", url)
        assert check.returncode == 0, check.stderr
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_db_check_says_what_is_wrong(clean_run):
    # Last in the module: it damages the clean run's database.
    backend, url, _ = clean_run
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE merged_events SET num_reports = num_reports + 1 "
                          "WHERE id = (SELECT min(id) FROM merged_events)"))
        conn.execute(text("UPDATE articles SET text = text || ' tampered' "
                          "WHERE pk = (SELECT min(pk) FROM articles)"))
        conn.execute(text("DELETE FROM signatures WHERE article_pk = (SELECT max(pk) FROM articles)"))
    engine.dispose()
    out = run("db", "check", "--db", url)
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert all(line.startswith("wirecoder: error: ") for line in lines)
    reasons = sorted(line.rsplit(": ", 1)[1] for line in lines)
    assert reasons == ["1 articles have an id that is not the SHA-256 of their text",
                       "1 articles have no MinHash signature",
                       "1 merged events have counters that disagree with their reports"]
