"""Paths -> Articles: which reader handles which file, and walking directories."""
from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple

from wirecoder.models import Article

from .decode import decode_bytes
from .errors import IngestError
from .feeds import read_feed
from .limits import env_name, limits, size_text
from .plaintext import article_from_text
from .records import Named, read_json, read_jsonl
from .textcheck import binary_kind
from .warc import read_warc
from .webpage import article_from_html

Reader = Callable[[Path, "date | None"], Iterator["Article | IngestError | Named"]]


def _document_bytes(path: Path) -> bytes:
    """The bytes of a one-article file, refusing images and other binary files by their signature."""
    data = path.read_bytes()
    kind = binary_kind(data)
    if kind:
        raise IngestError(str(path), f"{kind}, not text")
    return data


def _read_text(path: Path, published: date | None = None) -> Iterator[Article]:
    yield article_from_text(decode_bytes(_document_bytes(path)), published=published)


def _read_html(path: Path, published: date | None = None) -> Iterator[Article]:
    yield article_from_html(_document_bytes(path), published=published)


_READERS: dict[str, Reader] = {
    ".txt": _read_text, ".text": _read_text,
    ".html": _read_html, ".htm": _read_html,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
    ".warc": read_warc, ".warc.gz": read_warc,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)
# What each reader expects, for messages about files it could not read.
_KINDS = {".txt": "text file", ".text": "text file", ".html": "HTML page", ".htm": "HTML page",
          ".json": "JSON file", ".jsonl": "JSON Lines file", ".ndjson": "JSON Lines file",
          ".xml": "RSS/Atom feed", ".rss": "RSS/Atom feed", ".atom": "RSS/Atom feed",
          ".warc": "WARC archive", ".warc.gz": "gzipped WARC archive"}
# Files read whole by one reader; others are read a record at a time (JSON Lines, WARC).
_ONE_DOCUMENT = {".txt", ".text", ".html", ".htm"}
_WHOLE_FILE = {".json", ".xml", ".rss", ".atom"}


def suffix_of(path: Path) -> str:
    """The file type suffix, lower-case; ".warc.gz" counts as one."""
    name = path.name.lower()
    for double in (s for s in SUPPORTED_SUFFIXES if s.count(".") > 1):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read: a file as given, a directory as every supported file in it.

    Directories are walked recursively in sorted order, skipping hidden files
    and folders. Raises IngestError for a path that does not exist.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(_walk(path))
            if not found:
                raise IngestError(str(path), "no supported files in this folder (supported: "
                                             f"{', '.join(sorted(SUPPORTED_SUFFIXES))})")
            yield from found
        elif path.exists() or path.is_symlink():
            yield path  # a broken link is reported by read_path
        else:
            raise IngestError(str(path), "no such file or directory")


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under `folder`, and links among them that lead nowhere (to report them).

    Linked folders are not followed: a link loop cannot make the walk endless.
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(root, name)
            if not name.startswith(".") and suffix_of(path) in SUPPORTED_SUFFIXES:
                yield path


def _link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be read (it leads nowhere, or round in a loop), or None."""
    if not path.is_symlink():
        return None
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"
    except (RuntimeError, OSError):
        return "symbolic link loop"
    return None


def _gzip_problem(path: Path) -> str | None:
    """Why a .gz file is not gzip at all, or None: its first two bytes, nothing more.

    A cut or damaged stream is found by the reader as it streams (warc.py reports the
    record it stopped in and keeps the pages before it); reading the whole file here
    first would read a multi-GB archive twice.
    """
    with path.open("rb") as raw:
        if raw.read(2) != b"\x1f\x8b":
            return "not gzip-compressed, although its name ends in .gz"
    return None


def _size_problem(path: Path, suffix: str) -> str | None:
    """Why a file is too big to read (see limits.py), or None."""
    caps = limits()
    if suffix in _ONE_DOCUMENT:
        cap, field, what = caps.max_page_bytes, "max_page_bytes", "one document"
    elif suffix in _WHOLE_FILE:
        cap, field, what = caps.max_file_bytes, "max_file_bytes", "a file read whole"
    else:
        return None
    size = path.stat().st_size
    if size <= cap:
        return None
    return (f"file is {size_text(size)}, over the limit of {size_text(cap)} for {what} "
            f"(set {env_name(field)} to change it)")


def read_path(path: Path, published: date | None = None) -> Iterator[Article | IngestError]:
    """Every article in one file; bad files and records come out as IngestError, never raised.

    `published` overrides each article's own date (the CLI's --published).
    """
    for _, item in read_named(path, published):
        yield item


class NamedItem(NamedTuple):
    name: str  # the file, or the file and record: "feed.xml#entry 3", "a.jsonl#line 12"
    item: Article | IngestError


def read_named(path: Path, published: date | None = None) -> Iterator[NamedItem]:
    """read_path with each article's name: errors and articles number records the same way."""
    path = Path(path)
    n = 0
    for item in _read_checked(path, published):
        n += 1
        if isinstance(item, Named):
            yield NamedItem(item.name, item.article)
        elif isinstance(item, IngestError):
            yield NamedItem(item.item, item)
        else:  # readers of one article per file, feeds and JSON lists (one item per entry)
            yield NamedItem(str(path) if n == 1 else f"{path}#{n}", item)


def _read_checked(path: Path, published: date | None) -> Iterator[Article | IngestError | Named]:
    suffix = suffix_of(path)
    problem = _link_problem(path)
    if problem:
        yield IngestError(str(path), problem)
        return
    if not path.exists():
        yield IngestError(str(path), "no such file or directory")
        return
    if path.is_dir():
        yield IngestError(str(path), "is a directory")
        return
    if suffix not in _READERS:
        yield IngestError(str(path), f"unsupported file type {suffix or '(no suffix)'}")
        return
    kind = _KINDS[suffix]
    try:
        problem = _size_problem(path, suffix)
        if problem:
            yield IngestError(str(path), problem)
            return
        if suffix.endswith(".gz"):
            problem = _gzip_problem(path)
            if problem:
                yield IngestError(str(path), problem)
                return
        for item in _READERS[suffix](path, published):
            yield item
    except IngestError as err:
        # Single-article readers raise; name the file rather than "<html>".
        yield err.relabel(str(path)) if "#" not in err.item else err
    except gzip.BadGzipFile:
        yield IngestError(str(path), "not gzip-compressed, although its name ends in .gz")
    except EOFError:
        yield IngestError(str(path), f"{kind} ends in the middle of a record (truncated)")
    except MemoryError:
        yield IngestError(str(path), f"{kind} too large to read in the memory available")
    except OSError as exc:
        yield IngestError(str(path), f"cannot read file ({exc.strerror or 'input/output error'})")
    except RecursionError:
        yield IngestError(str(path), f"cannot read this {kind}: it is nested too deeply")
    except Exception:  # noqa: BLE001 - a corrupt file must not stop the batch
        # The library's own exception says nothing to a user ("'NoneType' object has no
        # attribute ..."), and may embed the whole input: say what is wrong in words.
        yield IngestError(str(path), f"cannot read this {kind}: the file is damaged or truncated, "
                                     "or is not what its name says")
