"""WARC archives read as streams: target URI and WARC-Date, skipped records counted,
cut-off and mislabelled files reported in one line, memory independent of file size."""
from __future__ import annotations

import io
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecoder.ingest import IngestError, read_path
from wirecoder.models import Article


def _page(headline: str, body: str, published: str | None = None) -> bytes:
    meta = f"<meta property='article:published_time' content='{published}'>" if published else ""
    return (f"<html><head><title>{headline}</title>{meta}</head><body><article><h1>{headline}</h1>"
            f"<p>{body}</p><p>Officials said more details would follow later in the week.</p>"
            "</article></body></html>").encode()


def _response(writer, uri, body: bytes, *, content_type="text/html; charset=utf-8", status="200 OK",
              warc_date="2024-03-05T10:00:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": warc_date})


def _write(path: Path, records: list[tuple], gzip: bool) -> Path:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "wirecoder tests"}))
        for args, kwargs in records:
            writer.write_record(_response(writer, *args, **kwargs))
    return path


DAM = _page("Dam Bursts After Heavy Rain", "A dam burst in the north of the province on Sunday after "
            "three days of heavy rain, flooding two villages, the regional governor said.")
BRIDGE = _page("Bridge Reopens", "The main bridge into the capital reopened on Friday after a month of "
               "repairs, the transport ministry said.", published="2024-02-27T08:00:00Z")
CROP = [
    (("https://wire.example/dam", DAM), {"warc_date": "2024-03-04T22:15:00Z"}),
    (("https://wire.example/logo.png", b"\x89PNG\r\n"), {"content_type": "image/png"}),
    (("https://wire.example/style.css", b"body{}"), {"content_type": "text/css"}),
    (("https://wire.example/moved", b""), {"status": "301 Moved Permanently"}),
    (("https://wire.example/gone", _page("Not Found", "This page does not exist any more.")),
     {"status": "404 Not Found"}),
    (("https://wire.example/part", DAM[:200]), {"status": "206 Partial Content"}),
    (("https://wire.example/bridge", BRIDGE), {}),
]


def _split(items):
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    return articles, errors


@pytest.mark.parametrize("name, gzip", [("crop.warc.gz", True), ("crop.warc", False)])
def test_target_uri_and_warc_date(tmp_path, capsys, name, gzip):
    path = _write(tmp_path / name, CROP, gzip)
    articles, errors = _split(list(read_path(path)))
    assert errors == []
    assert [a.url for a in articles] == ["https://wire.example/dam", "https://wire.example/bridge"]
    dam, bridge = articles
    assert dam.title == "Dam Bursts After Heavy Rain"
    assert dam.published == date(2024, 3, 4)  # the page has no date: the crawl's WARC-Date
    assert bridge.published == date(2024, 2, 27)  # the page's own date wins over the crawl's
    # the skipped records are counted, by reason, in one line naming the file
    assert capsys.readouterr().err.splitlines() == [
        f"wirecoder: {path}: 2 HTML pages read, records skipped: 2 not HTML, 3 not status 200"]


def test_published_overrides_warc_date(tmp_path):
    path = _write(tmp_path / "crop.warc.gz", CROP, True)
    articles, _ = _split(list(read_path(path, published=date(2024, 1, 1))))
    assert [a.published for a in articles] == [date(2024, 1, 1), date(2024, 1, 1)]


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("cut_back", [40, 400])
def test_truncated_archive_keeps_earlier_pages_and_says_so(tmp_path, capsys, gzip, cut_back):
    whole = _write(tmp_path / ("whole.warc" + (".gz" if gzip else "")), CROP, gzip).read_bytes()
    cut = tmp_path / ("cut.warc" + (".gz" if gzip else ""))
    cut.write_bytes(whole[:-cut_back])  # the bridge page, the last record, loses its end
    articles, errors = _split(list(read_path(cut)))
    assert [a.url for a in articles] == ["https://wire.example/dam"]
    assert [(e.item, str(e)) for e in errors] == [
        (str(cut), "truncated or corrupt WARC file: stopped in record 8")]


def test_cut_inside_a_record_header(tmp_path):
    whole = _write(tmp_path / "whole.warc", CROP[:2], False).read_bytes()
    second = whole.index(b"WARC/1", 10)
    second = whole.index(b"WARC/1", second + 10)  # the PNG record's header
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:second + 60])
    articles, errors = _split(list(read_path(cut)))
    assert [a.url for a in articles] == ["https://wire.example/dam"]
    assert [str(e) for e in errors] == ["truncated or corrupt WARC file: stopped in record 3"]


def test_warc_gz_that_is_not_gzip(tmp_path):
    plain = _write(tmp_path / "plain.warc", CROP, False)
    named = tmp_path / "crawl.warc.gz"
    named.write_bytes(plain.read_bytes())
    items = list(read_path(named))
    assert [(e.item, str(e)) for e in items] == [(str(named), "not gzip-compressed, although its name ends in .gz")]


@pytest.mark.parametrize("gzip", [True, False])
def test_memory_does_not_grow_with_the_archive(tmp_path, gzip):
    # 40 MiB of images between two pages: none of it may be held in memory.
    blob = bytes(range(256)) * 4096  # 1 MiB, compresses poorly enough to stay big in .gz too
    records = [(("https://wire.example/dam", DAM), {})]
    records += [((f"https://wire.example/photo{i}.jpg", blob), {"content_type": "image/jpeg"})
                for i in range(40)]
    records += [(("https://wire.example/bridge", BRIDGE), {})]
    path = _write(tmp_path / ("big.warc" + (".gz" if gzip else "")), records, gzip)
    tracemalloc.start()
    try:
        items = read_path(path)
        first = next(items)
        assert isinstance(first, Article) and first.url == "https://wire.example/dam"
        rest = list(items)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.url for a in rest if isinstance(a, Article)] == ["https://wire.example/bridge"]
    assert peak < 8 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB while streaming a 40 MiB archive"
