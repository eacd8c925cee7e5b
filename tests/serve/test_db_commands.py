"""The database commands, run as real `wirecoder` subprocesses on SQLite and PostgreSQL.

The demo corpus (examples/) goes in through `wirecoder ingest`; what comes out
is checked through `stats`, `events`, `quotes`, `figures` and `export`.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from wirecoder.ingest import IngestError, iter_inputs, read_path
from wirecoder.store import Filters, Store
from wirecoder.store.testing import BACKENDS, test_database

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PUBLISHED = "2024-03-18"


def run(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("wirecoder")
    env = {k: v for k, v in os.environ.items() if k != "WIRECODER_DB"}
    return subprocess.run([str(exe), *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**env, "PYTHONWARNINGS": "ignore"})


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """The same commands in this process (no start-up cost), for checking output formats."""
    from wirecoder.serve.cli import main

    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(*args: str):
    out = run(*args, "--format", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def article_id(path: Path) -> str:
    (article,) = [a for a in read_path(path) if not isinstance(a, IngestError)]
    return article.id


DEMO_ARTICLES = sum(1 for p in iter_inputs([EXAMPLES]) for a in read_path(p) if not isinstance(a, IngestError))


@pytest.fixture(scope="module")
def demo():
    """The demo corpus ingested into SQLite and PostgreSQL: {backend: (url, first ingest run)}."""
    with ExitStack() as stack:
        urls = {b: stack.enter_context(test_database(b)) for b in BACKENDS}
        yield {b: (url, run("ingest", str(EXAMPLES), "--db", url, "--published", PUBLISHED))
               for b, url in urls.items()}


def test_ingest_stores_the_demo_corpus_quietly_and_sums_up(demo):
    for url, first in demo.values():
        assert first.returncode == 0, first.stderr
        assert first.stdout == f"wirecoder: {DEMO_ARTICLES} articles: {DEMO_ARTICLES} new, 0 already stored, 0 failed\n"
        assert first.stderr == ""  # no progress bar when stderr is not a terminal


def test_both_back_ends_hold_the_same_data(demo):
    (sqlite_url, _), (pg_url, _) = demo["sqlite"], demo["postgresql"]
    stats = run_json("stats", "--db", sqlite_url)
    assert stats == run_json("stats", "--db", pg_url)
    assert {"articles", "stories", "events", "merged_events", "quotes", "figures", "places"} <= set(stats)
    assert stats["articles"] == DEMO_ARTICLES and stats["stories"] == DEMO_ARTICLES - 2
    assert run_json("events", "--db", sqlite_url, "--limit", "0") == run_json("events", "--db", pg_url, "--limit", "0")


def test_a_second_ingest_stores_nothing(demo):
    url, _ = demo["postgresql"]
    before = run_json("stats", "--db", url)
    again = run("ingest", str(EXAMPLES), "--db", url, "--published", PUBLISHED)
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"wirecoder: {DEMO_ARTICLES} articles: 0 new, {DEMO_ARTICLES} already stored, 0 failed\n"
    assert run_json("stats", "--db", url) == before


def test_three_syndicated_copies_form_one_story_counted_once(demo):
    url, _ = demo["sqlite"]
    copies = sorted((EXAMPLES / "syndicated").iterdir())
    assert len(copies) == 3
    with Store(url) as store:
        stories = {store.get_article(article_id(p))["story_id"] for p in copies}
        assert len(stories) == 1
        (story,) = stories
        (listed,), _ = store.query_stories(Filters(story=story))
        assert {a["id"] for a in listed["articles"]} == {article_id(p) for p in copies}
    events = run_json("events", "--db", url, "--story", str(story), "--limit", "0")
    assert events["total"] > 0
    # An event told by the three copies and no other story: one article, three copies, three
    # sources (the wire text has no source or URL: a source of its own).
    with Store(url) as store:
        only_here = [e for e in events["items"] if store.get_event(e["id"])["stories"] == [story]]
    assert only_here and all(e["num_articles"] == 1 for e in only_here)
    assert any(e["num_copies"] == 3 and e["num_sources"] == 3 for e in only_here)


def test_two_reports_of_one_event_merge(demo):
    url, _ = demo["sqlite"]
    a, b = (article_id(EXAMPLES / f"mali-kidal-drone-strike-{site}.html") for site in ("sahel-monitor",
                                                                                       "west-africa-daily"))
    in_a = {e["id"]: e for e in run_json("events", "--db", url, "--article", a, "--limit", "0")["items"]}
    in_b = {e["id"] for e in run_json("events", "--db", url, "--article", b, "--limit", "0")["items"]}
    shared = [in_a[i] for i in in_a.keys() & in_b]
    strike = [e for e in shared if e["type"] == "ASSAULT"]
    assert strike and strike[0]["num_articles"] == 2 and strike[0]["num_sources"] == 2
    with Store(url) as store:
        reports = store.get_event(strike[0]["id"])["reports"]
    assert {r["article"]["id"] for r in reports} == {a, b}


def test_query_commands_and_their_formats(demo, capsys):
    url, _ = demo["sqlite"]

    def out(*args: str) -> str:
        code, stdout, stderr = cli(capsys, *args, "--db", url)
        assert code == 0 and stderr == ""
        return stdout

    stats = json.loads(out("stats", "--format", "json"))
    everything = json.loads(out("events", "--limit", "0", "--format", "json"))
    assert everything == run_json("events", "--db", url, "--limit", "0")  # in-process and subprocess agree
    assert everything["total"] == stats["merged_events"] == len(everything["items"])
    assaults = json.loads(out("events", "--type", "assault", "--limit", "0", "--format", "json"))
    assert 0 < assaults["total"] < everything["total"]
    assert {e["type"] for e in assaults["items"]} == {"ASSAULT"}

    rows = list(csv.DictReader(io.StringIO(out("events", "--type", "ASSAULT", "--limit", "0", "--format", "csv"))))
    assert [int(r["event_id"]) for r in rows] == [e["id"] for e in assaults["items"]]
    assert {"source_code", "source_name", "target_code", "lat", "lon", "evidence_text"} <= set(rows[0])
    lines = out("events", "--limit", "3", "--offset", "2", "--format", "jsonl").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [e["id"] for e in everything["items"][2:5]]
    table = out("events", "--limit", "5").splitlines()
    assert table[0].split()[:3] == ["ID", "DATE", "TYPE"] and table[-1] == f"(5 of {everything['total']} events)"

    assert json.loads(out("quotes", "--limit", "0", "--format", "json"))["total"] == stats["quotes"]
    killed = json.loads(out("figures", "--kind", "killed", "--limit", "0", "--format", "json"))
    assert killed["total"] > 0 and {f["kind"] for f in killed["items"]} == {"killed"}
    assert out("stats").split()[:2] == ["articles", str(DEMO_ARTICLES)]


def test_export_writes_files_for_pandas_qgis_and_arrow(demo, tmp_path, capsys):
    from wirecoder.serve.commands_db import EXPORT_FORMATS
    from wirecoder.store.export import FORMATS

    assert EXPORT_FORMATS == FORMATS
    url, _ = demo["sqlite"]
    merged = run_json("stats", "--db", url)["merged_events"]
    out = run("export", "--db", url, "--format", "parquet", "--output", str(tmp_path / "e.parquet"))
    assert out.returncode == 0 and out.stderr == f"wirecoder: exported {merged} merged events to {tmp_path / 'e.parquet'}\n"
    assert pq.read_table(tmp_path / "e.parquet").num_rows == merged
    code, geo, _ = cli(capsys, "export", "--db", url, "--format", "geojson", "--type", "ASSAULT")
    features = json.loads(geo)["features"]
    assert code == 0 and features
    assert all(f["geometry"]["type"] == "Point" and -180 <= f["geometry"]["coordinates"][0] <= 180
               for f in features)
    assert all(f["properties"]["type"] == "ASSAULT" for f in features)
    assert cli(capsys, "export", "--db", url, "--format", "csv", "-o", str(tmp_path / "e.csv"))[0] == 0
    assert (tmp_path / "e.csv").read_bytes().startswith(b"\xef\xbb\xbfevent_id,")


def test_bad_items_are_reported_and_the_others_stored(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Police Arrest Dozens at Harbour Protest\n\nPolice in the port city of Mombasa arrested "
                    "dozens of dock workers on Monday during a protest over unpaid wages, officials said.\n",
                    encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    missing = tmp_path / "missing.txt"
    url = f"sqlite:///{tmp_path / 'w.db'}"
    out = run("ingest", str(good), str(empty), str(pdf), str(missing), "--db", url)
    assert out.returncode == 1
    errors = out.stderr.splitlines()
    assert len(errors) == 3
    for path, line in zip((empty, pdf, missing), errors):
        assert line.startswith(f"wirecoder: error: {path}: ")
    assert out.stdout == "wirecoder: 4 articles: 1 new, 0 already stored, 3 failed\n"
    assert run_json("stats", "--db", url)["articles"] == 1


def test_database_errors_are_one_line(tmp_path):
    missing = tmp_path / "none.db"
    out = run("events", "--db", f"sqlite:///{missing}")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr == (f"wirecoder: error: sqlite:///{missing}: no database file {missing} "
                          "(run `wirecoder ingest` or `wirecoder db upgrade` first)\n")
    assert not missing.exists()
    down = run("stats", "--db", "postgresql+psycopg://postgres@127.0.0.1:1/none")
    assert down.returncode == 1 and len(down.stderr.splitlines()) == 1
    assert down.stderr.startswith("wirecoder: error: postgresql+psycopg://postgres@127.0.0.1:1/none: ")
    upgrade = run("db", "upgrade", "--db", f"sqlite:///{missing}")
    from wirecoder.store import migrate

    assert upgrade.returncode == 0 and upgrade.stdout.endswith(f"is at revision {migrate.head()}\n")
    assert run_json("stats", "--db", f"sqlite:///{missing}")["articles"] == 0
