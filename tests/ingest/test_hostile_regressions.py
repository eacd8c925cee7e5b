"""Regression tests for issue 16 items 1, 5, 6, 7, 8, 9: hostile input, one clear line each."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wirecoder.ingest import IngestError, iter_inputs, read_path
from wirecoder.ingest.errors import origin_text, printable
from wirecoder.ingest.readers import read_named
from wirecoder.store.testing import BACKENDS, test_database

SENTENCE = "Police in Nairobi arrested 12 protesters on Monday, officials said.\n"
GOOD = "Protest in Nairobi\n" + SENTENCE + "The army shelled the town of Goma for two hours, a witness said.\n"


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("wirecoder")
    return subprocess.run([str(exe), *args], capture_output=True, timeout=300,
                          env={**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})})


def error_lines(stderr: bytes) -> list[str]:
    return [line for line in stderr.decode("utf-8", "replace").splitlines() if line]


def stored_origins(url: str) -> list[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        origins = sorted(r[0] for r in conn.execute(text("SELECT origin FROM articles")))
    engine.dispose()
    return origins


def items(path: Path) -> list:
    return list(read_path(path))


# --- 16.1: an article over 1,000,000 characters -----------------------------------------

def test_huge_article_is_refused_in_one_line_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD)
    (tmp_path / "huge.txt").write_text("Huge story\n" + SENTENCE * 16_000)  # 1.1M characters
    out = run("extract", str(tmp_path), "--format", "jsonl")
    lines = error_lines(out.stderr)
    assert out.returncode == 1
    assert lines == [f"wirecoder: error: {tmp_path / 'huge.txt'}: article is 1,088,010 characters, "
                     "over the limit of 100,000 (set WIRECODER_MAX_ARTICLE_CHARS to change it)"]
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["article"]["title"] for r in records] == ["Protest in Nairobi"]


def test_the_article_cap_is_set_by_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text("Long story\n" + SENTENCE * 40)
    assert not isinstance(items(path)[0], IngestError)
    monkeypatch.setenv("WIRECODER_MAX_ARTICLE_CHARS", "1000")
    (err,) = items(path)
    assert isinstance(err, IngestError) and "over the limit of 1,000" in err.reason
    monkeypatch.setenv("WIRECODER_MAX_ARTICLE_CHARS", "lots")
    (err,) = items(path)
    assert err.reason == "WIRECODER_MAX_ARTICLE_CHARS must be a positive number, not 'lots'"


def test_texts_longer_than_spacy_accepts_are_parsed_in_pieces_with_right_offsets():
    from wirecoder.nlp import parse, pieces

    text = ("Police in Nairobi arrested 12 protesters.\n" * 30 + "Troops shelled Goma " * 40 + "\n") * 3
    assert "".join(pieces(text, 500)) == text
    assert all(len(p) <= 500 for p in pieces(text, 500))
    import wirecoder.nlp as nlp_module

    whole, = parse([text])
    old = nlp_module.PIECE_CHARS
    nlp_module.PIECE_CHARS = 500
    try:
        cut, = parse([text])
    finally:
        nlp_module.PIECE_CHARS = old
    assert cut.text == text
    assert [(e.start_char, e.end_char, e.text) for e in cut.ents if e.text == "Nairobi"] == \
        [(e.start_char, e.end_char, e.text) for e in whole.ents if e.text == "Nairobi"]
    assert all(text[s.start_char:s.end_char] == s.text for s in cut.sents)


# --- 16.5: binary data is not text, on every database -----------------------------------

def test_random_bytes_named_txt_are_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 8 + os.urandom(2000))
    (err,) = items(path)
    assert isinstance(err, IngestError)
    assert err.reason == "binary data, not text (it contains NUL bytes)"


def test_control_characters_without_nul_are_refused(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_text("Protest story\n" + "Police \x01\x02\x03 arrested \x04\x05\x06 people \x07\x08. " * 20)
    (err,) = items(path)
    assert isinstance(err, IngestError) and err.reason.startswith("binary data, not text (")


def test_a_nul_inside_a_json_record_is_refused_by_name(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"text": "Police arrested twelve\u0000 protesters on Monday."}) + "\n"
                    + json.dumps({"text": SENTENCE}) + "\n")
    named = list(read_named(path))
    assert isinstance(named[0].item, IngestError) and named[0].name == f"{path}#line 1"
    assert "NUL" in named[0].item.reason
    assert not isinstance(named[1].item, IngestError)


@pytest.mark.parametrize("backend", BACKENDS)
def test_binary_is_rejected_the_same_way_on_every_database(tmp_path, backend):
    (tmp_path / "noise.txt").write_bytes(b"\x00\x01garbage\xff\xfe" * 500)
    with test_database(backend) as url:
        out = run("ingest", str(tmp_path), "--db", url)
        assert out.returncode == 1
        assert error_lines(out.stderr)[0] == \
            f"wirecoder: error: {tmp_path / 'noise.txt'}: binary data, not text (it contains NUL bytes)"
        assert b"0 new" in out.stdout


def test_an_image_named_html_is_named_as_an_image(tmp_path):
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(500))
    (err,) = items(path)
    assert err.reason == "a PNG image, not text"


# --- 16.6: file names that are not UTF-8, newlines in names ------------------------------

def test_printable_escapes_newlines_and_undecodable_bytes():
    assert printable("a\nwirecoder: error: b") == "a\\nwirecoder: error: b"
    assert printable(os.fsdecode(b"bad\xffname.txt")) == "bad\\xffname.txt"
    assert printable("Zürich – 5.txt") == "Zürich – 5.txt"


def test_origins_with_undecodable_bytes_are_stored_losslessly():
    from urllib.parse import unquote_to_bytes

    name = os.fsdecode(b"/data/bad\xffname.txt")
    stored = origin_text(name)
    stored.encode("utf-8")  # storable in any UTF-8 database
    assert unquote_to_bytes(stored.removeprefix("file://")) == b"/data/bad\xffname.txt"
    assert origin_text("/data/Zürich.txt") == "/data/Zürich.txt"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
@pytest.mark.parametrize("backend", BACKENDS)
def test_odd_file_names_ingest_and_cannot_forge_error_lines(tmp_path, backend):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/bad\xffname.txt", "wb") as fh:
        fh.write(GOOD.encode())
    forged = tmp_path / "x\nwirecoder: error: forged.txt: fake.txt"
    forged.write_bytes(b"\x00binary")
    with test_database(backend) as url:
        out = run("ingest", str(tmp_path), "--db", url)
        lines = error_lines(out.stderr)
        assert len(lines) == 1, lines
        assert lines[0] == (f"wirecoder: error: {tmp_path}/x\\nwirecoder: error: forged.txt: fake.txt: "
                            "binary data, not text (it contains NUL bytes)")
        assert b"1 new" in out.stdout
        origins = stored_origins(url)
    from urllib.parse import unquote_to_bytes

    assert len(origins) == 1 and unquote_to_bytes(origins[0].removeprefix("file://")) == \
        folder + b"/bad\xffname.txt"


# --- 16.7: internal exceptions never reach messages ---------------------------------------

def test_truncated_warc_says_what_is_wrong_in_words(tmp_path):
    path = tmp_path / "cut.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\n"
                     b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Police")
    (err,) = items(path)
    assert err.reason == "truncated or corrupt WARC file: stopped in record 1"
    assert "Error" not in err.reason and "NoneType" not in err.reason


def test_warc_gz_that_is_not_gzip(tmp_path):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(b"this is plain text, not an archive at all\n" * 10)
    (err,) = items(path)
    assert isinstance(err, IngestError)
    assert err.reason == "not gzip-compressed, although its name ends in .gz"


def test_every_reason_is_short_and_one_line(tmp_path):
    big = tmp_path / "big.json"
    big.write_text("[" + json.dumps({"text": SENTENCE * 400}) + ", 5, {\"text\": 7}]")
    reasons = [i.reason for i in items(big) if isinstance(i, IngestError)]
    assert reasons == ["expected a JSON object, got int", "field 'text' must be a string, not int"]
    assert all(len(r) < 200 and "\n" not in r for r in reasons)


# --- 16.8: deeply nested HTML ----------------------------------------------------------------

def _nested(depth: int) -> str:
    body = ("<p>Police in Nairobi arrested 12 protesters on Monday, officials said after the march.</p>"
            "<p>The army shelled the town of Goma for two hours, a witness told reporters.</p>")
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


def test_html_nested_300_deep_is_read(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(_nested(300))
    (article,) = items(path)
    assert not isinstance(article, IngestError), article
    assert article.text.startswith("Police in Nairobi arrested 12 protesters")


def test_html_nested_100000_deep_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "abyss.html"
    path.write_text(_nested(100_000))
    (err,) = items(path)
    assert err.reason == ("HTML is nested 100,002 elements deep, over the limit of 1,000 "
                          "(set WIRECODER_MAX_HTML_DEPTH to change it)")


# --- 16.9: folders without supported files; JSON Lines line numbers -----------------------

def test_a_folder_without_supported_files_says_so(tmp_path):
    (tmp_path / "notes.md").write_text("nothing to read")
    out = run("extract", str(tmp_path))
    assert out.returncode == 1
    assert error_lines(out.stderr) == [
        f"wirecoder: error: {tmp_path}: no supported files in this folder (supported: .atom, .htm, "
        ".html, .json, .jsonl, .ndjson, .rss, .text, .txt, .warc, .warc.gz, .xml)"]
    with pytest.raises(IngestError):
        list(iter_inputs([tmp_path]))


@pytest.mark.parametrize("backend", BACKENDS[:1])
def test_jsonl_origins_are_line_numbers_like_errors(tmp_path, backend):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"text": f"Police in town {n} arrested {n + 2} protesters on Monday, officials said."})
             for n in range(3)]
    path.write_text(lines[0] + "\n\n{not json\n" + lines[1] + "\n\n" + lines[2] + "\n")
    named = list(read_named(path))
    assert [n.name.rsplit("#", 1)[1] for n in named] == ["line 1", "line 3", "line 4", "line 6"]
    with test_database(backend) as url:
        out = run("ingest", str(path), "--db", url)
        assert error_lines(out.stderr) == [f"wirecoder: error: {path}#line 3: invalid JSON: Expecting "
                                           "property name enclosed in double quotes at column 2"]
        origins = stored_origins(url)
    assert origins == [f"{path}#line 1", f"{path}#line 4", f"{path}#line 6"]
