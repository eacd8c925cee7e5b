"""JSON (.json: one object or a list) and JSON Lines (.jsonl, .ndjson) records -> Articles."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from wirecoder.models import Article

from .dates import to_date
from .decode import decode_bytes
from .errors import IngestError
from .plaintext import article_from_text
from .webpage import article_from_html

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
        yield _guarded(obj, f"{path}#record {n}", published)


def read_jsonl(path: Path, published: date | None = None) -> Iterator[Article | IngestError]:
    seen = False
    for n, line in enumerate(decode_bytes(path.read_bytes()).splitlines(), 1):
        if not line.strip():
            continue
        seen = True
        item = f"{path}#line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(item, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _guarded(obj, item, published)
    if not seen:
        yield IngestError(str(path), "no records found")
