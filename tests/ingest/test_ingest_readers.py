"""read_path / iter_inputs over every format, with per-item errors instead of exceptions."""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecoder.ingest import SUPPORTED_SUFFIXES, IngestError, iter_inputs, read_path
from wirecoder.models import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)])


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == {".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson",
                                  ".xml", ".rss", ".atom", ".warc", ".warc.gz"}


def test_cp1252_text_file_is_decoded(tmp_path):
    text = ("Protesters March in S\u00e3o Paulo Over Bus Fares\n"
            "Thousands marched through S\u00e3o Paulo on Thursday \u2014 the third protest this week \u2014 "
            "and police said 18 people were detained. \u201cWe can\u2019t pay more,\u201d one student said. "
            "Caf\u00e9 owners closed early, and the mayor\u2019s office said fares would rise by \u20ac0.20.\n")
    path = tmp_path / "fares.txt"
    path.write_bytes(text.encode("cp1252"))
    [art], errors = _split(read_path(path))
    assert not errors
    assert art.title == "Protesters March in S\u00e3o Paulo Over Bus Fares"
    assert "\u201cWe can\u2019t pay more,\u201d" in art.text and "Caf\u00e9 owners" in art.text


def test_latin1_text_file_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Police in Bogot\u00e1 detained 14 people after clashes near the Plaza de Bol\u00edvar, "
                     "the city\u00b4s security secretary said on Sunday.\n".encode("latin-1"))
    [art], _ = _split(read_path(path))
    assert "Bogot\u00e1" in art.text and "Bol\u00edvar" in art.text


def test_jsonl_bad_line_names_the_line_and_others_go_on(tmp_path):
    good = {"title": "Ceasefire Holds in Border Region", "url": "https://w.example/1",
            "published": "2024-01-09T08:00:00+05:00", "source": "Wire Daily",
            "text": "A ceasefire held for a third day on Tuesday, officials said.\nMarkets reopened."}
    lines = [json.dumps(good), "{not json", "", json.dumps({"title": "No body"}),
             json.dumps({**good, "published": "someday"}), json.dumps({**good, "url": "https://w.example/2"})]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    articles, errors = _split(read_path(path))
    assert [a.url for a in articles] == ["https://w.example/1", "https://w.example/2"]
    assert articles[0].published == date(2024, 1, 9)
    assert articles[0].title == "Ceasefire Holds in Border Region"
    assert articles[0].source == "Wire Daily"
    assert articles[0].text == "A ceasefire held for a third day on Tuesday, officials said.\nMarkets reopened."
    assert [e.item for e in errors] == [f"{path}#line 2", f"{path}#line 4", f"{path}#line 5"]
    assert str(errors[0]).startswith("invalid JSON")
    assert str(errors[1]) == "no text or html field"
    assert "bad published date" in str(errors[2])
    assert all("\n" not in str(e) for e in errors)


def test_json_list_and_published_override(tmp_path):
    records = [{"title": "Talks Open in Doha", "text": "Delegations met in Doha on Monday, Qatar said."},
               {"title": "Aid Reaches Port", "html": "<p>Ships carrying wheat docked in Aden on Sunday, "
                                                     "the UN said.</p>", "published": "2023-03-01"},
               ["not", "an", "object"]]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    articles, errors = _split(read_path(path, published=date(2023, 3, 5)))
    assert [a.title for a in articles] == ["Talks Open in Doha", "Aid Reaches Port"]
    assert [a.published for a in articles] == [date(2023, 3, 5)] * 2
    assert articles[1].text == "Ships carrying wheat docked in Aden on Sunday, the UN said."
    assert [e.item for e in errors] == [f"{path}#record 3"]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Frontier Wire</title><link>https://fw.example/</link>
<item><title>Border Guards Detain 40 Migrants</title><link>https://fw.example/1</link>
<pubDate>Mon, 04 Mar 2024 23:30:00 -0500</pubDate>
<description><![CDATA[<p>Border guards detained 40 migrants near Ciudad Juarez on Monday, officials said.</p>
<p>Three were taken to hospital.</p>]]></description></item>
<item><title>Empty Item</title><link>https://fw.example/2</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lake Desk</title><id>urn:x</id><updated>2024-02-01T00:00:00Z</updated>
<entry><title>Ferry Capsizes on Lake Kivu</title><link href="https://lake.example/ferry"/><id>urn:1</id>
<published>2024-02-01T10:00:00+02:00</published><updated>2024-02-01T10:00:00+02:00</updated>
<content type="html">&lt;p&gt;At least 9 people drowned when a ferry capsized on Lake Kivu on Thursday, local officials said.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_feed(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, errors = _split(read_path(path))
    [art] = articles
    assert art.title == "Border Guards Detain 40 Migrants"
    assert art.url == "https://fw.example/1"
    assert art.source == "Frontier Wire"
    assert art.published == date(2024, 3, 4)  # the publisher's local day, not UTC
    assert art.text == ("Border guards detained 40 migrants near Ciudad Juarez on Monday, officials said.\n"
                        "Three were taken to hospital.")
    assert [e.item for e in errors] == [f"{path}#entry 2"]


def test_atom_feed(tmp_path):
    path = tmp_path / "lake.atom"
    path.write_text(ATOM, encoding="utf-8")
    [art] = list(read_path(path))
    assert isinstance(art, Article)
    assert (art.title, art.url, art.source, art.published) == (
        "Ferry Capsizes on Lake Kivu", "https://lake.example/ferry", "Lake Desk", date(2024, 2, 1))
    assert art.text.startswith("At least 9 people drowned when a ferry capsized on Lake Kivu")


def _warc_record(writer, uri, body: bytes, content_type="text/html; charset=utf-8", status="200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)


@pytest.mark.parametrize("name, gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses(tmp_path, name, gzip):
    page = ("<html><head><title>Miners Freed</title>"
            "<meta property='article:published_time' content='2023-11-20T09:00:00Z'></head><body>"
            "<article><h1>Rescuers Free 41 Trapped Miners in Uttarakhand</h1>"
            "<p>Rescuers freed 41 workers trapped in a collapsed road tunnel in Uttarakhand on Tuesday, "
            "officials said, ending a 17-day ordeal.</p><p>All of the men were taken to hospital for "
            "checks, a state health official said.</p></article></body></html>").encode("utf-8")
    path = tmp_path / name
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(name, {"software": "test"}))
        writer.write_record(_warc_record(writer, "https://news.example/miners", page))
        writer.write_record(_warc_record(writer, "https://news.example/logo.png", b"\x89PNG",
                                         content_type="image/png"))
        writer.write_record(_warc_record(writer, "https://news.example/old", b"", status="301 Moved"))
        writer.write_record(_warc_record(writer, "https://news.example/empty",
                                         b"<html><body><nav>Home</nav></body></html>"))
    articles, errors = _split(read_path(path))
    [art] = articles
    assert art.url == "https://news.example/miners"
    assert art.title == "Rescuers Free 41 Trapped Miners in Uttarakhand"
    assert art.published == date(2023, 11, 20)
    assert art.text.split("\n")[-1] == "All of the men were taken to hospital for checks, a state health official said."
    assert [e.item for e in errors] == [f"{path}#record 5"]


def test_bad_files_give_one_line_errors(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "empty.txt").write_text("\n\n  \n", encoding="utf-8")
    (tmp_path / "junk.txt").write_text("Advertisement\nShare this article\n[ad_1]\n", encoding="utf-8")
    (tmp_path / "broken.warc").write_bytes(b"this is not a warc file")
    (tmp_path / "page.xml").write_text("<note><to>nobody</to></note>", encoding="utf-8")
    got = {p.name: list(read_path(p)) for p in sorted(tmp_path.iterdir())}
    for name, items in got.items():
        assert len(items) == 1 and isinstance(items[0], IngestError), name
        assert items[0].item == str(tmp_path / name)
    assert str(got["notes.docx"][0]) == "unsupported file type .docx"
    assert str(got["empty.txt"][0]) == "no article text found"
    assert str(got["junk.txt"][0]) == "no article text found"
    assert str(got["broken.warc"][0]).startswith("not a readable WARC file")
    assert str(got["page.xml"][0]) == "no feed entries found"
    missing = list(read_path(tmp_path / "gone.txt"))
    assert len(missing) == 1 and str(missing[0]) == "no such file or directory"


def test_iter_inputs(tmp_path):
    (tmp_path / "b").mkdir()
    for rel in ["b/two.html", "a.txt", "b/three.warc.gz", "skip.docx", ".hidden.txt", "README.md"]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])] == [
        "a.txt", "b/three.warc.gz", "b/two.html"]
    # a file named explicitly is passed on, so read_path can say why it is refused
    assert list(iter_inputs([tmp_path / "skip.docx"])) == [tmp_path / "skip.docx"]
    with pytest.raises(IngestError) as err:
        list(iter_inputs([tmp_path / "nope"]))
    assert err.value.item == str(tmp_path / "nope")


def test_every_example_reads_cleanly():
    files = list(iter_inputs([EXAMPLES]))
    assert len(files) >= 10
    count = 0
    for path in files:
        for item in read_path(path):
            assert isinstance(item, Article), f"{getattr(item, 'item', path)}: {item}"
            assert item.text.strip() and item.title, path
            assert 100 <= len(item.text.split()) <= 320, path
            for junk in ("[ad_", "Advertisement", "cookies", "All rights reserved", "Share"):
                assert junk not in item.text, (path, junk)
            count += 1
    assert count >= 10


def test_example_credits_and_dates():
    wire = next(read_path(EXAMPLES / "georgia-tbilisi-protest-arrests.txt"))
    assert wire.credits == ["Reuters", "AP"]
    assert "With reporting" not in wire.text
    html = next(read_path(EXAMPLES / "ethiopia-tigray-aid-convoy.html"))
    assert html.published == date(2022, 11, 17)
