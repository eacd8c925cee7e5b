"""`wirecoder ingest --scheduler`: extraction on a Dask LocalCluster of 2 worker processes,
one of them killed mid-run; PostgreSQL ends up exactly as after one process."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from dbdump import dump

from conftest import EXAMPLES
from wirecoder.serve.cli import main
from wirecoder.store import Store
from wirecoder.store.testing import test_database

distributed = pytest.importorskip("distributed")


SUBSET = ["syndicated", "continental-wire-briefs.jsonl", "mali-kidal-drone-strike-sahel-monitor.html",
          "mali-kidal-drone-strike-west-africa-daily.html", "sudan-omdurman-market-shelling.txt"]


@pytest.fixture
def inputs(tmp_path):
    """Nine of the demo articles: syndicated copies (stories), briefs, mergeable reports."""
    import shutil

    for name in SUBSET:
        src = EXAMPLES / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    return str(tmp_path)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, memory_limit="3GiB") as local:
        yield local


@pytest.mark.postgres
def test_dask_ingest_survives_a_killed_worker(cluster, inputs, monkeypatch, capsys, nlp):
    monkeypatch.setattr("wirecoder.run.chunks.CHUNK", 1)  # many small tasks: some are in flight at the kill
    with test_database("postgresql") as one, test_database("postgresql") as two:
        assert main(["ingest", inputs, "--db", one]) == 0
        expected = dump(one)
        total = expected["stats"]["articles"]

        result: dict = {}
        run = threading.Thread(target=lambda: result.setdefault(
            "rc", main(["ingest", inputs, "--db", two, "--scheduler", cluster.scheduler_address])))
        run.start()
        with distributed.Client(cluster.scheduler_address) as client:
            pids = client.run(os.getpid)  # worker address -> process id
            stored = 0
            deadline = time.monotonic() + 120
            while stored == 0 and run.is_alive() and time.monotonic() < deadline:
                time.sleep(0.2)
                with Store(two) as store:
                    stored = store.stats()["articles"] if store.revision() else 0
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)  # mid-run: the nanny restarts it, its tasks run again
        run.join(timeout=180)
        assert not run.is_alive()
        assert 0 < stored < total, "the worker must die while articles are still to come"
        assert result["rc"] == 0, capsys.readouterr().err
        assert dump(two) == expected  # nothing lost, nothing twice, same stories and merges


def test_unreachable_scheduler_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("wirecoder.run.cluster.CONNECT_TIMEOUT_S", 2)
    assert main(["ingest", str(EXAMPLES), "--db", f"sqlite:///{tmp_path / 'x.db'}",
                 "--scheduler", "tcp://127.0.0.1:9"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["wirecoder: error: tcp://127.0.0.1:9: cannot reach the Dask scheduler at "
                   "tcp://127.0.0.1:9 (no answer within 2 s)"]
    assert not (tmp_path / "x.db").exists()  # nothing written, not even an empty database
