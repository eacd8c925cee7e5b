"""Paths -> Articles: which reader handles which file, and walking directories."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from wirecoder.models import Article

from .decode import decode_bytes
from .errors import IngestError
from .feeds import read_feed
from .plaintext import article_from_text
from .records import read_json, read_jsonl
from .warc import read_warc
from .webpage import article_from_html

Reader = Callable[[Path, "date | None"], Iterator["Article | IngestError"]]


def _read_text(path: Path, published: date | None = None) -> Iterator[Article]:
    yield article_from_text(decode_bytes(path.read_bytes()), published=published)


def _read_html(path: Path, published: date | None = None) -> Iterator[Article]:
    yield article_from_html(path.read_bytes(), published=published)


_READERS: dict[str, Reader] = {
    ".txt": _read_text, ".text": _read_text,
    ".html": _read_html, ".htm": _read_html,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
    ".warc": read_warc, ".warc.gz": read_warc,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)


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
            found = (p for p in path.rglob("*") if p.is_file()
                     and not any(part.startswith(".") for part in p.relative_to(path).parts)
                     and suffix_of(p) in SUPPORTED_SUFFIXES)
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            raise IngestError(str(path), "no such file or directory")


def read_path(path: Path, published: date | None = None) -> Iterator[Article | IngestError]:
    """Every article in one file; bad files and records come out as IngestError, never raised.

    `published` overrides each article's own date (the CLI's --published).
    """
    path = Path(path)
    suffix = suffix_of(path)
    if not path.exists():
        yield IngestError(str(path), "no such file or directory")
        return
    if path.is_dir():
        yield IngestError(str(path), "is a directory")
        return
    if suffix not in _READERS:
        yield IngestError(str(path), f"unsupported file type {suffix or '(no suffix)'}")
        return
    try:
        for item in _READERS[suffix](path, published):
            yield item
    except IngestError as err:
        # Single-article readers raise; name the file rather than "<html>".
        yield err.relabel(str(path)) if "#" not in err.item else err
    except OSError as exc:
        yield IngestError(str(path), f"cannot read file ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - a corrupt file must not stop the batch
        yield IngestError(str(path), f"cannot read file ({type(exc).__name__}: {exc})")
