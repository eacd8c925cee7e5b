"""`wirecoder watch` against a news site served on a loopback port: new pages are fetched
once, stored once, across polls and restarts; robots.txt and 304s are respected; SIGTERM
stops a running watch cleanly."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from newsserver import NewsSite, Page, article_page, rss, serve

from wirecoder.ingest.fetch import Fetcher
from wirecoder.run.watch import Watcher
from wirecoder.serve.commands_watch import parse_interval
from wirecoder.store import Store
from wirecoder.store.feedstate import FetchState

ROOT = Path(__file__).resolve().parents[2]

QUARRY = article_page(
    "Quarry Collapse Kills Four Workers",
    "Four workers were killed when a quarry wall collapsed near Tamale on Tuesday, police said.",
    "Rescuers pulled two injured men from the rubble and took them to hospital.")
FERRY = article_page(
    "Ferry Service Suspended After Storm",
    "The port authority suspended all ferry services on Wednesday after a storm damaged two piers.",
    "Officials said the service would resume once engineers had inspected the piers.")
VOTE = article_page(
    "Parliament Approves Budget",
    "Lawmakers approved the national budget on Thursday after a week of debate, the speaker said.",
    "The opposition voted against it, saying it cut spending on rural clinics.")
DAY = "Tue, 05 Mar 2024 08:00:00 GMT"


def _site() -> NewsSite:
    return NewsSite(pages={
        "/robots.txt": Page(b"User-agent: *\nDisallow: /members/\n", content_type="text/plain"),
        "/world/quarry": QUARRY,
        "/world/ferry": FERRY,
        "/members/vote": VOTE,
        "/politics/vote": VOTE,
    })


def _feed(site: NewsSite, links: list[str]) -> None:
    site.pages["/rss.xml"] = rss("Coast Wire", [(link.rsplit("/", 1)[-1], site.base + link, DAY)
                                                for link in links])


def _watch(store: Store, site: NewsSite, lines: list[str]) -> Watcher:
    return Watcher([site.base + "/rss.xml"], store, Fetcher(host_delay=0, backoff=0.01), log=lines.append)


@pytest.fixture
def site():
    with serve(_site()) as served:
        yield served


def test_polls_store_new_pages_once_and_respect_304_and_robots(site, tmp_path):
    _feed(site, ["/world/quarry", "/world/ferry", "/members/vote"])
    lines: list[str] = []
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        store.upgrade()
        watcher = _watch(store, site, lines)
        first = watcher.poll()
        assert (first.entries, first.new, first.failed, first.unchanged) == (3, 2, 1, 0)
        assert site.hits_for("/members/vote") == []  # robots.txt said no
        ids = {e.article.url: e.article for e in map(store.get_extraction, _article_ids(store))}
        assert set(ids) == {site.base + "/world/quarry", site.base + "/world/ferry"}
        quarry = ids[site.base + "/world/quarry"]
        assert quarry.title == "Quarry Collapse Kills Four Workers"
        assert quarry.source == "Coast Wire" and str(quarry.published) == "2024-03-05"
        assert quarry.text.startswith("Four workers were killed when a quarry wall collapsed")
        assert "Contact us" not in quarry.text
        outcomes = FetchState(store).outcomes()
        assert outcomes[site.base + "/members/vote"] == "disallowed by robots.txt"

        second = watcher.poll()  # the feed has not changed: one conditional GET answered 304
        assert (second.unchanged, second.entries, second.new) == (1, 0, 0)
        assert [h.status for h in site.hits_for("/rss.xml")] == [200, 304]
        assert site.hits_for("/rss.xml")[1].headers["if-none-match"]
        assert len(site.hits_for("/world/quarry")) == 1
        assert "1 unchanged" in second.line() and second.line().startswith("wirecoder: watch: poll 2 at ")
        assert store.stats()["articles"] == 2


def test_restart_fetches_only_what_is_new(site, tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    _feed(site, ["/world/quarry"])
    with Store(url) as store:
        store.upgrade()
        assert _watch(store, site, []).poll().new == 1
    # a new process: the feed gained two entries, one a copy of an article under another link
    _feed(site, ["/world/ferry", "/world/quarry"])
    site.pages["/world/quarry-copy"] = QUARRY
    _feed(site, ["/world/ferry", "/world/quarry", "/world/quarry-copy"])
    with Store(url) as store:
        report = _watch(store, site, []).poll()
        assert (report.entries, report.seen, report.new, report.exists) == (3, 1, 1, 1)
        assert store.stats()["articles"] == 2
        again = _watch(store, site, []).poll()  # and a third process: nothing at all
        assert (again.unchanged, again.new) == (1, 0)
    assert len(site.hits_for("/world/quarry")) == 1
    assert len(site.hits_for("/world/ferry")) == 1


def test_a_page_that_fails_for_now_is_tried_again(site, tmp_path):
    site.pages["/world/ferry"] = Page(FERRY.body, fail_first=2)
    _feed(site, ["/world/ferry"])
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        store.upgrade()
        watcher = Watcher([site.base + "/rss.xml"], store, Fetcher(host_delay=0, backoff=0.01, retries=1),
                          log=lambda _: None, error=lambda _: None)
        assert (watcher.poll().failed, store.stats()["articles"]) == (1, 0)
        site.pages["/rss.xml"].body += b" "  # the feed changes (new ETag), the page is still pending
        assert watcher.poll().new == 1


def test_interval_parsing():
    assert [parse_interval(v) for v in ("90", "30s", "15m", "2h", "1d")] == [90, 30, 900, 7200, 86400]
    with pytest.raises(ValueError):
        parse_interval("soon")


def _article_ids(store: Store) -> list[str]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from wirecoder.store.schema import ArticleRow

    with Session(store.engine) as s:
        return list(s.scalars(select(ArticleRow.id)))


def _wirecoder(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "wirecoder.serve.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_cli_once_from_a_feed_file_then_sigterm_stops_a_running_watch(site, tmp_path, capsys):
    from wirecoder.serve.cli import main

    db = f"sqlite:///{tmp_path / 'w.db'}"
    _feed(site, ["/world/quarry", "/world/ferry", "/members/vote"])
    feed_file = tmp_path / "coast.rss"
    feed_file.write_bytes(site.pages["/rss.xml"].body)
    before = signal.getsignal(signal.SIGINT)
    # in this process, so the model is loaded once for the whole test session
    assert main(["watch", str(feed_file), "--once", "--delay", "0", "--db", db]) == 1  # robots.txt: an error
    assert signal.getsignal(signal.SIGINT) is before  # the watch's handlers are gone again
    lines = capsys.readouterr().err.splitlines()
    assert f"wirecoder: error: {site.base}/members/vote: disallowed by robots.txt" in lines
    [poll] = [line for line in lines if line.startswith("wirecoder: watch: poll 1 ")]
    assert "3 entries: 2 new, 0 already stored, 0 seen before, 1 failed" in poll

    # a watch process that keeps polling the feed (nothing new in it) until SIGTERM
    _feed(site, ["/world/quarry", "/world/ferry"])
    running = _wirecoder("watch", site.base + "/rss.xml", "--every", "1s", "--delay", "0", "--db", db)
    deadline = time.monotonic() + 90
    while len(site.hits_for("/rss.xml")) < 2 and time.monotonic() < deadline:  # polled twice
        time.sleep(0.2)
    running.send_signal(signal.SIGTERM)
    out, err = running.communicate(timeout=30)
    assert running.returncode == 0, err
    assert err.splitlines()[-1].startswith("wirecoder: watch: stopped after ")
    assert "wirecoder: watch: poll 1 " in err and "Traceback" not in err
    assert len(site.hits_for("/world/quarry")) == 1  # stored by the --once run: not fetched again
    assert len(site.hits_for("/world/ferry")) == 1
    with Store(db) as store:
        assert store.stats()["articles"] == 2
