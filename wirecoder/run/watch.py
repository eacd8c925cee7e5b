"""Watching feeds: poll RSS/Atom feeds, fetch the new article pages, extract, store.

    watcher = Watcher(["https://news.example/rss"], store, fetcher)
    report = watcher.poll()          # one pass over every feed
    watcher.run(every=900)           # poll until watcher.stop is set

What was already dealt with lives in the database (wirecoder.store.feedstate),
so a restarted watcher sends conditional GETs for its feeds and skips every
page it stored or gave up on before. An article is stored (one transaction)
before its page is marked as done: a crash in between means the page is
fetched again and the store answers "exists", never a second copy.
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from wirecoder.ingest.errors import IngestError
from wirecoder.ingest.feeds import entry_date, parse_feed
from wirecoder.ingest.fetch import Fetcher, FetchError, Response
from wirecoder.ingest.webpage import article_from_html
from wirecoder.models import Article
from wirecoder.store.feedstate import FetchState

EXTRACT_BATCH = 16  # new articles of one feed parsed together by spaCy
_HTML_TYPES = ("text/html", "application/xhtml+xml")

Log = Callable[[str], None]


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


@dataclass
class PollReport:
    """What one poll did; `line()` is the log line."""

    number: int
    started: datetime
    feeds: int = 0
    unchanged: int = 0  # feeds that answered 304 Not Modified
    entries: int = 0
    new: int = 0
    exists: int = 0  # fetched, but the same text was already stored
    seen: int = 0  # pages dealt with in an earlier poll or run
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        when = self.started.strftime("%Y-%m-%dT%H:%M:%SZ")
        return (f"wirecoder: watch: poll {self.number} at {when}: {self.feeds} feeds "
                f"({self.unchanged} unchanged), {self.entries} entries: {self.new} new, "
                f"{self.exists} already stored, {self.seen} seen before, {self.failed} failed "
                f"({self.seconds:.1f} s)")


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class Watcher:
    def __init__(self, sources: list[str], store, fetcher: Fetcher, *, published: date | None = None,
                 log: Log = _stderr, error: Log | None = None, progress: bool = False):
        self.sources = sources
        self.store = store
        self.state = FetchState(store)
        self.fetcher = fetcher
        self.stop = fetcher.stop  # one event stops waits, retries and polls alike
        self.published = published
        self.log = log
        self.error = error or log
        self.progress = progress
        self.polls = 0

    # --- one poll ---------------------------------------------------------------------

    def poll(self) -> PollReport:
        self.polls += 1
        report = PollReport(self.polls, datetime.now(timezone.utc))
        t0 = time.monotonic()
        for source in self.sources:
            if self.stop.is_set():
                break
            self._poll_feed(source, report)
        report.seconds = time.monotonic() - t0
        return report

    def _fail(self, report: PollReport, item: str, reason: str) -> None:
        report.failed += 1
        self.error(f"wirecoder: error: {item}: {reason}")

    def _read_feed(self, source: str, report: PollReport) -> tuple[str | None, list, Response | None] | None:
        """(feed title, entries, HTTP response) or None (unchanged or failed)."""
        try:
            if not is_url(source):
                return (*parse_feed(Path(source).read_bytes(), source), None)
            known = self.state.validators(source)
            response = self.fetcher.get(source, etag=known.etag, last_modified=known.last_modified)
            if response.not_modified:
                report.unchanged += 1
                return None
            return (*parse_feed(response.body, source, url=response.url), response)
        except FetchError as exc:
            self._fail(report, source, exc.reason)
        except IngestError as exc:
            self._fail(report, exc.item, exc.reason)
        except OSError as exc:
            self._fail(report, source, exc.strerror or str(exc))
        return None

    def _poll_feed(self, source: str, report: PollReport) -> None:
        report.feeds += 1
        feed = self._read_feed(source, report)
        if feed is None:
            return
        title, entries, response = feed
        report.entries += len(entries)
        pending: list[tuple[str, Article]] = []
        for entry in self._progress(entries, source):
            if self.stop.is_set():
                return  # the feed's validators are not saved: its entries come again next time
            link = entry.get("link")
            if not link:
                self._fail(report, f"{source}#entry", "entry has no link")
                continue
            if self.state.seen(link):
                report.seen += 1
                continue
            article = self._fetch_article(link, title, entry, report)
            if article is None:
                continue
            if self.store.has_article(article.id):  # a syndicated copy under another link
                self.state.record(link, "page", "exists", status=200, article_id=article.id)
                report.exists += 1
                continue
            pending.append((link, article))
            if len(pending) >= EXTRACT_BATCH:
                self._store(pending, report)
                pending = []
        self._store(pending, report)
        if response is not None and not self.stop.is_set():
            self.state.record(source, "feed", "read", status=response.status, etag=response.etag,
                              last_modified=response.last_modified)

    def _progress(self, entries: list, source: str):
        if not self.progress:
            return entries
        from tqdm import tqdm

        return tqdm(entries, desc=source[-40:], unit=" entries", leave=False, file=sys.stderr)

    def _fetch_article(self, link: str, source: str | None, entry, report: PollReport) -> Article | None:
        try:
            response = self.fetcher.get(link)
        except FetchError as exc:
            if exc.permanent:  # a passing failure gets no row: the next poll tries again
                self.state.record(link, "page", exc.reason)
            self._fail(report, link, exc.reason)
            return None
        kind = response.content_type.split(";")[0].strip().lower()
        if kind and kind not in _HTML_TYPES:
            self.state.record(link, "page", f"not HTML ({kind})", status=response.status)
            self._fail(report, link, f"not an HTML page ({kind})")
            return None
        try:
            return article_from_html(response.body, url=link, source=source,
                                     published=self.published or entry_date(entry))
        except IngestError as exc:
            self.state.record(link, "page", exc.reason, status=response.status)
            self._fail(report, link, exc.reason)
            return None

    def _store(self, pending: list[tuple[str, Article]], report: PollReport) -> None:
        if not pending:
            return
        from wirecoder.pipeline import extract_articles  # spaCy loads with the first new article
        from wirecoder.store import StoreError

        try:
            results: list = list(extract_articles([a for _, a in pending], self.published))
        except Exception:  # noqa: BLE001 - redo one by one below to find the article
            results = []
            for _, article in pending:
                try:
                    results.append(next(extract_articles([article], self.published)))
                except Exception as exc:  # noqa: BLE001 - reported per article, the poll goes on
                    results.append(exc)
        for (link, article), result in zip(pending, results):
            if isinstance(result, BaseException):
                self.state.record(link, "page", "extraction failed", status=200)
                self._fail(report, link, f"extraction failed ({type(result).__name__})")
                continue
            try:
                outcome = self.store.add(result, origin=link)
            except StoreError as exc:
                self._fail(report, link, f"not stored ({exc.reason})")
                continue
            self.state.record(link, "page", outcome, status=200, article_id=article.id)
            if outcome == "new":
                report.new += 1
            else:
                report.exists += 1

    # --- polling ----------------------------------------------------------------------

    def run(self, every: float, once: bool = False) -> int:
        """Poll now and then every `every` seconds until stopped; the number of polls."""
        while not self.stop.is_set():
            report = self.poll()
            self.log(report.line())
            if once:
                break
            self.stop.wait(max(0.0, every - report.seconds))
        return self.polls


def stop_on_signals(stop: threading.Event) -> Callable[[], None]:
    """SIGINT and SIGTERM set `stop` (the article being stored is finished, nothing is cut);
    returns the function that puts the previous handlers back."""
    import signal

    def handler(signum, _frame):
        stop.set()

    before = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for sig, previous in before.items():
            signal.signal(sig, previous)

    return restore
