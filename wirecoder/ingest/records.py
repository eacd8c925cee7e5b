"""JSON (.json: one object or a list) and JSON Lines (.jsonl, .ndjson) records -> Articles."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple

from wirecoder.models import Article

from .dates import to_date
from .decode import decode_bytes
from .errors import IngestError
from .limits import env_name, limits, size_text
from .plaintext import article_from_text
from .webpage import article_from_html

class Named(NamedTuple):
    """An article with the name of the record it came from ("a.jsonl#line 12")."""
    name: str
    article: Article


# Field names seen in news exports, first one wins.
_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published", "date", "published_at", "pubdate", "datePublished")
_URL_FIELDS = ("url", "link")
_LIST_KEYS = ("articles", "items", "records", "data")


def _first(obj: dict, names: tuple[str, ...]):
    for name in names:
        if obj.get(name) not in (None, ""):
            return obj[name]
    return None


def _string(obj: dict, names: tuple[str, ...], item: str, named: bool = False) -> str | None:
    value = _first(obj, names)
    if value is None:
        return None
    if named and isinstance(value, dict):  # "source": {"name": "Wire Daily", ...}
        value = value.get("name") or value.get("title")
    if not isinstance(value, str):
        raise IngestError(item, f"field {names[0]!r} must be a string, not {type(value).__name__}")
    return value


def article_from_record(obj: object, item: str, published: date | None = None) -> Article:
    """An Article from one JSON object with title, text or html, url, published, source."""
    if not isinstance(obj, dict):
        raise IngestError(item, f"expected a JSON object, got {type(obj).__name__}")
    title = _string(obj, ("title", "headline"), item)
    text = _string(obj, _TEXT_FIELDS, item)
    html = _string(obj, ("html",), item)
    url = _string(obj, _URL_FIELDS, item)
    source = _string(obj, ("source", "site", "publisher"), item, named=True)
    try:
        own_date = to_date(_first(obj, _DATE_FIELDS))
    except ValueError as exc:
        raise IngestError(item, f"bad published date: {exc}") from None
    when = published or own_date
    try:
        if text and text.strip():
            # A record says which field is the headline: never guess one from the body.
            article = article_from_text(text, title=title, url=url, source=source, published=when,
                                        detect_title=False)
        elif html and html.strip():
            article = article_from_html(html, url=url, source=source, published=when, title=title)
        else:
            raise IngestError(item, "no text or html field")
    except IngestError as err:
        raise err.relabel(item) from None
    extra = obj.get("credits") or []
    if isinstance(extra, list) and all(isinstance(c, str) for c in extra) and extra:
        seen = {c.lower() for c in article.credits}
        article = article.model_copy(
            update={"credits": article.credits + [c for c in extra if c.lower() not in seen]})
    return article


def _guarded(obj: object, item: str, published: date | None) -> Article | IngestError:
    try:
        return article_from_record(obj, item, published)
    except IngestError as err:
        return err


def read_json(path: Path, published: date | None = None) -> Iterator[Article | IngestError]:
    try:
        data = json.loads(decode_bytes(path.read_bytes()))
    except json.JSONDecodeError as exc:
        yield IngestError(str(path), f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if isinstance(data, dict):
        listed = next((data[k] for k in _LIST_KEYS if isinstance(data.get(k), list)), None)
        if listed is None:
            yield _guarded(data, str(path), published)
            return
        data = listed
    if not isinstance(data, list):
        yield IngestError(str(path), "expected a JSON object or a list of objects")
        return
    if not data:
        yield IngestError(str(path), "no records found")
    for n, obj in enumerate(data, 1):
        result = _guarded(obj, f"{path}#record {n}", published)
        yield result if isinstance(result, IngestError) else Named(f"{path}#record {n}", result)


def _lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each line, read a line at a time; None for a line over the cap.

    Lines are split on b"\\n" only, as JSON Lines defines them: a stray "\\r" or
    U+2028 inside a record must not shift the line numbers errors point at.
    """
    cap = limits().max_page_bytes
    with path.open("rb") as stream:
        n = 0
        while True:
            line = stream.readline(cap + 1)
            if not line:
                return
            n += 1
            if len(line) > cap and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the long line
                    line = stream.readline(cap + 1)
                yield n, None
                continue
            yield n, line


def read_jsonl(path: Path, published: date | None = None) -> Iterator[Article | IngestError | Named]:
    seen = False
    cap = limits().max_page_bytes
    for n, raw in _lines(path):
        item = f"{path}#line {n}"
        if raw is None:
            seen = True
            yield IngestError(item, f"line is over the limit of {size_text(cap)} "
                                    f"(set {env_name('max_page_bytes')} to change it)")
            continue
        line = decode_bytes(raw).lstrip("\ufeff")
        if not line.strip():
            continue
        seen = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(item, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        result = _guarded(obj, item, published)
        yield result if isinstance(result, IngestError) else Named(item, result)
    if not seen:
        yield IngestError(str(path), "no records found")
