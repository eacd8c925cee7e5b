"""The `wirecoder` command line, run as a real subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "wirecoder" / "data" / "extraction.schema.json").read_text())

ARTICLE = """Rebels Shell Border Town as Talks Stall

Rebel fighters shelled the Sudanese town of El Fasher on Monday, killing at least 12 civilians, the governor said.
"We will not abandon our people," Governor Amina Idris told reporters.
"""


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("wirecoder")
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


@pytest.fixture(scope="module")
def article_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "shelling.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_version_and_help():
    assert run("--version").stdout.strip().startswith("wirecoder ")
    for command in ("extract", "schema"):
        out = run(command, "--help")
        assert out.returncode == 0 and "usage: wirecoder " + command in out.stdout


def test_extract_json_is_one_valid_record(article_file):
    out = run("extract", str(article_file), "--format", "json", "--published", "2024-05-14")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    jsonschema.validate(record, SCHEMA)
    assert record["article"]["title"] == "Rebels Shell Border Town as Talks Stall"
    assert record["article"]["published"] == "2024-05-14"
    assert record["article"]["text"].startswith("Rebel fighters shelled")
    figure = next(f for f in record["figures"] if f["kind"] == "killed")
    assert (figure["min"], figure["max"]) == (12, None)
    ev = record["events"][0]
    start, end = ev["evidence"]["start"], ev["evidence"]["end"]
    assert record["article"]["text"][start:end] == ev["evidence"]["text"]


def test_schema_command_prints_the_committed_schema():
    out = run("schema")
    assert json.loads(out.stdout) == SCHEMA


def test_bad_items_are_reported_and_the_batch_goes_on(article_file, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    out = run("extract", str(empty), str(article_file), str(missing), "--format", "jsonl")
    assert out.returncode == 1
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["article"]["title"] for r in lines] == ["Rebels Shell Border Town as Talks Stall"]
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 2, out.stderr
    assert all(line.startswith("wirecoder: error: ") for line in errors)
    assert any(str(empty) in line for line in errors) and any(str(missing) in line for line in errors)
    assert "Traceback" not in out.stderr


def test_usage_error_exits_2(article_file):
    out = run("extract", str(article_file), "--published", "20th May")
    assert out.returncode == 2
    assert "not a date" in out.stderr


def test_table_format_summarises_for_people(article_file):
    out = run("extract", str(article_file), "--format", "table", "--published", "2024-05-14")
    assert out.returncode == 0, out.stderr
    assert "== Rebels Shell Border Town as Talks Stall" in out.stdout
    assert "ASSAULT" in out.stdout and "killed" in out.stdout


def test_extract_a_directory_prints_every_example():
    out = run("extract", "examples", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) >= 10
    for record in records:
        jsonschema.validate(record, SCHEMA)
        assert record["article"]["text"]
