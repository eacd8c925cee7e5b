"""WARC archives (warcio): each HTML page fetched with status 200 -> an Article.

The archive is read as a stream, one record at a time (warcio's
ArchiveIterator over the open file; a record's payload is read only when it
is an HTML page and is capped at MAX_RECORD_BYTES), so a multi-gigabyte
crawl needs no more memory than its largest page. The record's
WARC-Target-URI is the article's url; its WARC-Date is the reference date
when the page itself carries no publication date.
"""
from __future__ import annotations

import gzip
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from wirecoder.models import Article

from .dates import to_date
from .decode import decode_bytes
from .errors import IngestError
from .webpage import article_from_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# A news page is well under a megabyte of HTML; larger payloads are feeds dumps,
# binaries mislabelled as HTML, or runaway pages, and would only cost memory.
MAX_RECORD_BYTES = 8 * 1024 * 1024


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def _classify(record) -> tuple[str, str]:
    """("page", content type) for a record that holds an HTML page fetched with status 200,
    else (why it is skipped, "")."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = (record.http_headers.get_statuscode() or "").strip()
        content_type = record.http_headers.get_header("Content-Type") or ""
        if status != "200":
            return "not status 200", ""  # redirects, errors, partial content: no article
    elif record.rec_type in ("response", "resource"):
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return "", ""  # warcinfo, request, metadata: bookkeeping, not counted as skipped
    if not content_type.lower().lstrip().startswith(_HTML_TYPES):
        return "not HTML", ""
    return "page", content_type


def _payload(record) -> bytes | None:
    """The record's body, or None when it is larger than MAX_RECORD_BYTES."""
    data = record.content_stream().read(MAX_RECORD_BYTES + 1)
    return None if len(data) > MAX_RECORD_BYTES else data


class _Truncated(Exception):
    """The file ends inside a record (an interrupted download or copy)."""


def _finish(record) -> None:
    """Read the rest of the record's block, raising _Truncated when the file ends first.

    warcio stops quietly at the end of the file, so a cut-off crawl would look
    complete; the block's Content-Length says how many bytes should be left.
    """
    raw = record.raw_stream
    while raw.read(65536):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise _Truncated


def _warc_date(record) -> date | None:
    try:
        return to_date(record.rec_headers.get_header("WARC-Date") or "")
    except (ValueError, TypeError):
        return None


def _check_header(path: Path) -> str | None:
    """Why the file is not a WARC file, or None when it starts like one.

    WARC files start with a "WARC/1.x" version line (inside gzip for .warc.gz).
    warcio also accepts the old ARC format and reads almost any first line as
    an ARC header, so without this check a stray text file "parses" as an archive.
    """
    with path.open("rb") as raw:
        head = raw.read(2)
    gzipped = head == b"\x1f\x8b"
    if path.name.lower().endswith(".gz") and not gzipped:
        return "not gzip-compressed, although its name ends in .gz"
    opener = gzip.open if gzipped else open
    try:
        with opener(path, "rb") as stream:
            if stream.read(5) == b"WARC/":
                return None
    except (OSError, EOFError, zlib.error):
        pass
    return "not a readable WARC file (no WARC/1.x header)"


def _report(path: Path, pages: int, skipped: Counter[str]) -> None:
    # Skipped records are not errors (a crawl is mostly images, scripts and
    # redirects), but how many were skipped and why is worth one line.
    if skipped:
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items()))
        print(f"wirecoder: {path}: {pages} HTML pages read, records skipped: {why}", file=sys.stderr)


def _records(path: Path, stream) -> Iterator[tuple[object, str, str, bytes | None]]:
    """(record, kind, content type, page bytes) for each record, read to its end before it
    is handed out; raises _Truncated when the file ends inside one."""
    archive = ArchiveIterator(stream)
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception:  # noqa: BLE001 - warcio fails in many ways on a cut header; all mean the same
            raise _Truncated from None
        if record.rec_headers.get_header("Content-Length") is None:
            raise _Truncated  # every WARC record has one: this header was cut off before it
        kind, content_type = _classify(record)
        data = _payload(record) if kind == "page" else None
        _finish(record)  # a page cut off at the end of the file is no page
        yield record, kind, content_type, data
    # warcio also stops quietly on a record header cut in half: bytes left over mean a cut file.
    if archive.offset < path.stat().st_size:
        raise _Truncated


def read_warc(path: Path, published: date | None = None) -> Iterator[Article | IngestError]:
    """Every article in a WARC file, streamed; `published` overrides every date."""
    problem = _check_header(path)
    if problem:
        yield IngestError(str(path), problem)
        return
    pages = 0
    skipped: Counter[str] = Counter()
    n = 0
    try:
        with path.open("rb") as stream:
            for n, (record, kind, content_type, data) in enumerate(_records(path, stream), 1):
                if kind != "page":
                    if kind:
                        skipped[kind] += 1
                    continue
                if data is None:
                    skipped[f"over {MAX_RECORD_BYTES // 1024 // 1024} MiB"] += 1
                    continue
                pages += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                when = _warc_date(record)
                try:
                    article = article_from_html(decode_bytes(data, _charset(content_type)), url=uri,
                                                published=published)
                except IngestError as err:
                    yield err.relabel(f"{path}#record {n}")
                    continue
                if article.published is None:
                    article = article.model_copy(update={"published": when})
                yield article
    except (_Truncated, ArchiveLoadFailed, EOFError, zlib.error):
        # A crawl cut off mid-record (an interrupted download) or a corrupt gzip member:
        # the pages before it were read; say where it stopped, without Python's wording.
        _report(path, pages, skipped)
        yield IngestError(str(path), f"truncated or corrupt WARC file: stopped in record {n + 1}")
        return
    _report(path, pages, skipped)
    if not pages:
        yield IngestError(str(path), "no HTML response records found")
