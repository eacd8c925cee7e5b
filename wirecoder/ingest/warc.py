"""WARC archives (warcio): each HTML response record -> an Article."""
from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from wirecoder.models import Article

from .decode import decode_bytes
from .errors import IngestError
from .webpage import article_from_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def _html_payload(record) -> tuple[bytes, str] | None:
    """(body bytes, content type) of a record that holds a successfully fetched HTML page."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
        if not status.startswith("2"):
            return None  # redirects and error pages are not articles
    elif record.rec_type in ("response", "resource"):
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    return record.content_stream().read(), content_type


def _starts_like_warc(path: Path) -> bool:
    """WARC files start with a "WARC/1.x" version line (inside gzip for .warc.gz).

    warcio also accepts the old ARC format and reads almost any first line as an
    ARC header, so without this check a stray text file "parses" as an archive.
    """
    with path.open("rb") as raw:
        head = raw.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as stream:
            return stream.read(5) == b"WARC/"
    except (OSError, EOFError):
        return False


def read_warc(path: Path, published: date | None = None) -> Iterator[Article | IngestError]:
    pages = 0
    if not _starts_like_warc(path):
        yield IngestError(str(path), "not a readable WARC file (no WARC/1.x header)")
        return
    try:
        with path.open("rb") as stream:
            for n, record in enumerate(ArchiveIterator(stream), 1):
                payload = _html_payload(record)
                if payload is None:
                    continue
                pages += 1
                data, content_type = payload
                uri = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    yield article_from_html(decode_bytes(data, _charset(content_type)), url=uri,
                                            published=published)
                except IngestError as err:
                    yield err.relabel(f"{path}#record {n}")
    except ArchiveLoadFailed as exc:
        yield IngestError(str(path), f"not a readable WARC file ({str(exc).strip()})")
        return
    if not pages:
        yield IngestError(str(path), "no HTML response records found")
