"""The polite fetcher against a real HTTP server on a loopback port."""
from __future__ import annotations

import pytest
from newsserver import NewsSite, Page, article_page, rss, serve

from wirecoder.ingest.fetch import Fetcher, FetchError


@pytest.fixture
def site():
    news = NewsSite(pages={
        "/robots.txt": Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/feed.xml": rss("Harbour Desk", [("Port strike ends", "/news/strike", "Mon, 04 Mar 2024 09:00:00 GMT")]),
        "/news/strike": article_page("Port Strike Ends", "Dock workers ended a three-day strike on Monday."),
        "/private/memo": article_page("Memo", "This page is not for robots."),
        "/busy": Page(b"<html><body><p>Ready now.</p></body></html>", fail_first=2),
        "/down": Page(b"", fail_first=99),
        "/huge": Page(b"<html>" + b"x" * 5000 + b"</html>"),
        "/missing-page-is-404": Page(b"gone", status=404),
    })
    with serve(news) as served:
        yield served


def test_conditional_get_gets_304_with_the_etag(site):
    with Fetcher(host_delay=0) as fetcher:
        first = fetcher.get(site.base + "/feed.xml")
        assert first.status == 200 and b"Port strike ends" in first.body
        assert first.etag and first.last_modified
        again = fetcher.get(site.base + "/feed.xml", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    sent = site.hits_for("/feed.xml")[-1].headers
    assert sent["if-none-match"] == first.etag and sent["if-modified-since"] == first.last_modified
    assert sent["user-agent"].startswith("wirecoder/")


def test_robots_txt_disallow_is_never_requested(site):
    with Fetcher(host_delay=0) as fetcher:
        with pytest.raises(FetchError, match="disallowed by robots.txt") as err:
            fetcher.get(site.base + "/private/memo")
        assert err.value.permanent
        assert fetcher.get(site.base + "/news/strike").status == 200
    assert site.hits_for("/private/memo") == []
    assert len(site.hits_for("/robots.txt")) == 1  # read once per host


def test_retries_with_backoff_then_gives_up(site):
    with Fetcher(host_delay=0, backoff=0.01, retries=3) as fetcher:
        assert fetcher.get(site.base + "/busy").body == b"<html><body><p>Ready now.</p></body></html>"
        with pytest.raises(FetchError) as err:
            fetcher.get(site.base + "/down")
    assert [h.status for h in site.hits_for("/busy")] == [503, 503, 200]
    assert len(site.hits_for("/down")) == 4
    assert str(err.value) == "HTTP 503 (after 4 attempts)" and not err.value.permanent


def test_size_cap_and_client_errors_are_permanent(site):
    with Fetcher(host_delay=0, max_bytes=1000) as fetcher:
        with pytest.raises(FetchError, match="larger than 1000 bytes") as big:
            fetcher.get(site.base + "/huge")
        with pytest.raises(FetchError, match="HTTP 404") as gone:
            fetcher.get(site.base + "/missing-page-is-404")
    assert big.value.permanent and gone.value.permanent


def test_unreachable_host_is_a_transient_failure():
    with Fetcher(host_delay=0, backoff=0.01, retries=1, timeout=2) as fetcher:
        with pytest.raises(FetchError) as err:
            fetcher.get("http://127.0.0.1:9/nothing")  # discard port: connection refused
    assert not err.value.permanent


def test_polite_delay_between_requests_to_one_host(site):
    import time

    with Fetcher(host_delay=0.3) as fetcher:
        t0 = time.monotonic()
        for _ in range(3):
            fetcher.get(site.base + "/news/strike")
        elapsed = time.monotonic() - t0
    # robots.txt + 3 pages = 4 requests, 3 gaps of 0.3 s
    assert elapsed >= 0.85
