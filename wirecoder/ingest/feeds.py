"""RSS and Atom feeds (feedparser): each entry -> an Article."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import feedparser

from wirecoder.models import Article

from .dates import to_date
from .errors import IngestError
from .plaintext import article_from_text
from .webpage import article_from_html


def entry_date(entry) -> date | None:
    # The date string as the feed wrote it keeps the publisher's local day;
    # feedparser's *_parsed values are converted to UTC.
    for key in ("published", "updated", "created"):
        if entry.get(key):
            try:
                return to_date(entry[key])
            except ValueError:
                pass
        if entry.get(f"{key}_parsed"):
            return to_date(entry[f"{key}_parsed"])
    return None


def _entry_body(entry) -> tuple[str, bool]:
    """(content, is_html): the fullest content the entry carries."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content", [])]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type") or "text/html"))
    if not candidates:
        return "", False
    value, kind = max(candidates, key=lambda c: len(c[0]))
    return value, "html" in kind or "<" in value


def article_from_entry(entry, source: str | None, published: date | None = None) -> Article:
    body, is_html = _entry_body(entry)
    if not body.strip():
        raise IngestError("<entry>", "entry has no content or summary")
    title = entry.get("title") or None
    url = entry.get("link") or None
    when = published or entry_date(entry)
    if is_html:
        return article_from_html(body, url=url, source=source, published=when, title=title)
    return article_from_text(body, title=title, url=url, source=source, published=when,
                             detect_title=title is None)


def parse_feed(data: bytes, item: str, url: str | None = None) -> tuple[str | None, list]:
    """(feed title, entries) of an RSS/Atom document; raises IngestError naming `item`.

    `url` is where the feed came from, so that relative entry links resolve against it.
    """
    headers = {"content-location": url} if url else None
    feed = feedparser.parse(data, response_headers=headers)
    if not feed.entries:
        reason = "no feed entries found"
        if feed.bozo:
            reason = f"not a readable RSS/Atom feed ({feed.bozo_exception})"
        raise IngestError(item, reason)
    return feed.feed.get("title") or None, list(feed.entries)


def read_feed(path: Path, published: date | None = None) -> Iterator[Article | IngestError]:
    try:
        source, entries = parse_feed(path.read_bytes(), str(path))
    except IngestError as err:
        yield err
        return
    for n, entry in enumerate(entries, 1):
        try:
            yield article_from_entry(entry, source, published)
        except IngestError as err:
            yield err.relabel(f"{path}#entry {n}")
