"""The HTTP API: a real uvicorn server on a loopback port, queried over HTTP with httpx.

The demo corpus is ingested with the CLI's own ingest command; the API must
say what the CLI says about the same database, on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from live_server import serving
from wirecoder.serve.api import create_app
from wirecoder.serve.cli import main
from wirecoder.store import Store
from wirecoder.store.testing import BACKENDS, test_database

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TOKEN = "s3cret-token"

NEW_ARTICLE = {
    "title": "Flooding Forces Thousands From Homes in Northern Ghana",
    "text": "Floodwaters from the White Volta forced about 12,000 people from their homes in northern Ghana "
            "on Tuesday, the national disaster agency said.\nThe agency said it had sent food and tents to "
            "the worst-hit districts around Tamale.",
    "url": "https://example.org/ghana-floods", "published": "2024-09-10", "source": "Test Wire",
}


def cli_json(*args: str) -> dict:
    """A CLI command's JSON output, in a real `wirecoder` subprocess."""
    exe = Path(sys.executable).with_name("wirecoder")
    out = subprocess.run([str(exe), *args, "--format", "json"], capture_output=True, text=True, timeout=300,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, nlp):
    """(base URL of a server with a token, base URL of one without, database URL)."""
    with test_database(request.param) as url:
        assert main(["ingest", str(EXAMPLES), "--db", url, "--published", "2024-03-18"]) == 0
        store = Store(url)
        with serving(create_app(store, token=TOKEN)) as base, serving(create_app(store, token="")) as closed:
            with httpx.Client(base_url=base, timeout=60) as client:
                yield client, closed, url
        store.close()


def walk(client: httpx.Client, url: str) -> list[dict]:
    """Every item of a paginated list, following `next`."""
    items = []
    while url:
        page = client.get(url).raise_for_status().json()
        assert page["total"] >= len(page["items"])
        items += page["items"]
        url = page["next"]
    return items


def test_the_api_and_the_cli_agree(api):
    client, _, db = api
    stats = client.get("/api/stats").raise_for_status().json()
    assert stats == cli_json("stats", "--db", db)
    cli_events = cli_json("events", "--db", db, "--limit", "0")
    assert walk(client, "/api/events?limit=7") == cli_events["items"]
    assaults = client.get("/api/events", params={"type": "ASSAULT", "limit": 1000}).json()
    assert assaults["total"] == sum(e["type"] == "ASSAULT" for e in cli_events["items"]) > 0
    quotes = client.get("/api/quotes", params={"limit": 1000}).json()
    assert quotes["total"] == stats["quotes"] == len(quotes["items"])


def test_lists_are_paginated(api):
    client, _, _ = api
    first = client.get("/api/events", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["total"] > 5
    assert first["next"].startswith("/api/events?") and "offset=5" in first["next"]
    second = client.get(first["next"]).json()
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])
    last = client.get("/api/events", params={"limit": 5, "offset": first["total"] - 2}).json()
    assert len(last["items"]) == 2 and last["next"] is None
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"type": "PICNIC"}).status_code == 422
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 422


def test_an_event_has_all_its_evidence_pointing_into_article_text(api):
    client, _, _ = api
    merged = [e for e in walk(client, "/api/events?limit=1000") if e["num_articles"] == 2]
    assert merged
    event = client.get(f"/api/events/{merged[0]['id']}").raise_for_status().json()
    assert len({r["article"]["id"] for r in event["reports"]}) >= 2
    for report in event["reports"]:
        article = client.get(f"/api/articles/{report['article']['id']}").raise_for_status().json()
        text = article["extraction"]["article"]["text"]
        ev = report["event"]["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert merged[0]["id"] in article["merged_event_ids"]
    assert client.get("/api/events/999999").status_code == 404
    assert client.get(f"/api/articles/{'0' * 64}").status_code == 404
    assert client.get("/api/articles/nope").status_code == 422  # not a sha256 id at all


def test_records_places_and_stories(api):
    client, _, db = api
    figures = client.get("/api/figures", params={"kind": "killed"}).json()
    assert figures["total"] > 0 and {f["kind"] for f in figures["items"]} == {"killed"}
    places = walk(client, "/api/places?limit=1000")
    with Store(db) as store:  # the Python API says the same
        assert places == store.query_places(limit=None)[0]
        assert len(places) == store.stats()["places"]
    assert all(p["num_articles"] <= p["num_copies"] for p in places)
    mali = client.get("/api/places", params={"place": "mali"}).json()["items"]
    assert mali[0]["country"] == "MLI" and mali[0]["num_articles"] >= 2  # both Kidal reports name it
    stories = walk(client, "/api/stories?limit=1000")
    assert sorted(s["num_copies"] for s in stories)[-1] == 3


def test_submitting_needs_the_token(api):
    client, closed, _ = api
    assert httpx.post(f"{closed}/api/articles", json=NEW_ARTICLE,
                      headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 403
    missing = client.post("/api/articles", json=NEW_ARTICLE)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/articles", json=NEW_ARTICLE,
                       headers={"Authorization": "Bearer wrong"}).status_code == 401
    before = client.get("/api/stats").json()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    added = client.post("/api/articles", json=NEW_ARTICLE, headers=auth)
    assert added.status_code == 201, added.text
    body = added.json()
    assert body["status"] == "new" and body["href"] == f"/api/articles/{body['id']}"
    stored = client.get(body["href"]).json()
    assert stored["extraction"]["article"]["title"] == NEW_ARTICLE["title"]
    assert stored["extraction"]["article"]["text"].startswith("Floodwaters from the White Volta")
    assert stored["origin"] == "api"
    again = client.post("/api/articles", json=NEW_ARTICLE, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "exists"
    assert client.get("/api/stats").json()["articles"] == before["articles"] + 1
    both = client.post("/api/articles", json={**NEW_ARTICLE, "html": "<p>x</p>"}, headers=auth)
    assert both.status_code == 422


def test_openapi_documents_the_endpoints(api):
    client, _, _ = api
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/articles",
                 "/api/quotes", "/api/figures", "/api/places", "/api/stories", "/api/stats"):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_wirecoder_serve_runs_on_loopback(tmp_path):
    db = f"sqlite:///{tmp_path / 'served.db'}"
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    exe = Path(sys.executable).with_name("wirecoder")
    env = {k: v for k, v in os.environ.items() if k != "WIRECODER_TOKEN"}
    proc = subprocess.Popen([str(exe), "serve", "--db", db, "--port", str(port)], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats").json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert stats["articles"] == 0
        assert httpx.post(f"http://127.0.0.1:{port}/api/articles", json=NEW_ARTICLE).status_code == 403
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert err.startswith(f"wirecoder: serving {db} on http://127.0.0.1:{port}")


# --- issue 16 items 2, 4, 10 and the HTTP API of issue 15 --------------------------------

AUTH = {"Authorization": f"Bearer {TOKEN}"}
DATABASE_WORDS = ("sqlite", "psycopg", "overflow", "postgres", "sql", "traceback", "pattern too complex",
                  "relation", "no such table")


def _no_database_text(body: str) -> None:
    assert not any(word in body.lower() for word in DATABASE_WORDS), body


@pytest.mark.parametrize("url", [
    "/api/events?offset=9223372036854775808", "/api/events?story=9223372036854775808",
    "/api/events/99999999999999999999", "/api/events/2147483648", "/api/events/0",
    "/api/events?place=" + "x" * 60_000, "/api/places?place=" + "Nyala" * 100,
    "/api/quotes?actor=UN%00", "/api/figures?country=%00", "/api/events?article=ab%00cd",
    "/api/events?limit=1001", "/api/stories?since=2024-13-01", "/api/figures?kind=eaten",
    "/api/articles/" + "a" * 65, "/api/articles/..%2E%2E",
])
def test_bad_query_and_path_values_are_422_json_on_both_back_ends(api, url):
    client, _, _ = api
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/json"
    problems = response.json()["detail"]
    assert problems and all(p["loc"][0] in ("query", "path") and p["msg"] for p in problems)
    _no_database_text(response.text)
    assert len(response.content) < 2000  # the refused value is not echoed back


def test_filters_normalise_case_and_largest_ids_are_fine(api):
    client, _, _ = api
    upper = client.get("/api/events", params={"type": "ASSAULT", "limit": 1000}).json()
    assert client.get("/api/events", params={"type": "assault", "limit": 1000}).json() == upper
    assert client.get("/api/events/2147483647").status_code == 404
    assert client.get("/api/events", params={"offset": 2**31 - 1}).json()["items"] == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_database_failures_are_503_json_without_the_database_message(backend):
    with test_database(backend) as url:  # no tables: every query fails in the database
        store = Store(url)
        with serving(create_app(store, token=TOKEN)) as base:
            for path in ("/api/events", "/api/stats", "/api/events/1", f"/api/articles/{'a' * 64}"):
                response = httpx.get(base + path)
                assert response.status_code == 503, (path, response.text)
                assert response.json() == {"detail": "the database cannot answer now; try again later"}
                _no_database_text(response.text)
        store.close()


def test_unexpected_errors_are_500_json_without_a_traceback(api, monkeypatch):
    _, _, db = api
    store = Store(db)
    app = create_app(store, token=TOKEN)
    monkeypatch.setattr(store, "stats", lambda: {}["missing key"])  # a bug in the server's code
    with serving(app) as base:
        response = httpx.get(base + "/api/stats")
    assert response.status_code == 500 and response.json() == {"detail": "internal error"}
    assert "KeyError" not in response.text and "Traceback" not in response.text
    store.close()


def test_post_bodies_and_texts_over_the_limits_are_refused(api):
    from wirecoder.serve.limits import MAX_BODY_BYTES, MAX_TEXT_CHARS

    client, _, _ = api
    before = client.get("/api/stats").json()["articles"]
    huge = json.dumps({"text": "The minister spoke. " * (20 * 2**20 // 20)})  # 20 MB
    response = client.post("/api/articles", content=huge, headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 413 and "request body over" in response.json()["detail"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(MAX_BODY_BYTES // 2**16 + 2):
            yield b" " * 2**16

    chunked = client.post("/api/articles", content=chunks(), headers={**AUTH, "content-type": "application/json"})
    assert chunked.status_code == 413
    long_text = {"text": "Rain fell on the capital. " * (MAX_TEXT_CHARS // 26 + 1)}
    response = client.post("/api/articles", json=long_text, headers=AUTH)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "text"]
    assert "at most 1000000 characters" in response.json()["detail"][0]["msg"]
    assert len(response.content) < 2000
    long_html = {"html": "<p>" + "Rain fell on the capital. " * (MAX_TEXT_CHARS // 26 + 1) + "</p>"}
    response = client.post("/api/articles", json=long_html, headers=AUTH)
    assert response.status_code == 422
    # the page's text meets the article cap of ingest (one cap for every way in: wirecoder.ingest.limits)
    from wirecoder.ingest.limits import limits
    assert f"over the limit of {limits().max_article_chars:,}" in response.json()["detail"][0]["msg"]
    assert client.post("/api/articles", json={"text": "A\x00B said."}, headers=AUTH).status_code in (201, 422)
    assert client.get("/api/stats").json()["articles"] <= before + 1


def test_concurrent_posts_of_one_article_store_it_once(api):
    client, _, _ = api
    article = {"title": "Port Workers Strike in Mombasa",
               "text": "Dock workers in Mombasa walked off the job on Thursday, their union said.\n"
                       "The union accused the port authority of withholding wages.",
               "published": "2024-05-02"}
    before = client.get("/api/stats").json()["articles"]
    results: list[httpx.Response] = []
    base = str(client.base_url)

    def post() -> None:
        results.append(httpx.post(base + "/api/articles", json=article, headers=AUTH, timeout=120))

    threads = [threading.Thread(target=post) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in results) == [200, 200, 200, 201]
    assert len({r.json()["id"] for r in results}) == 1
    assert client.get("/api/stats").json()["articles"] == before + 1


def test_docs_work_offline_and_openapi_declares_errors(api):
    import re

    client, _, _ = api
    for page in ("/docs", "/redoc"):
        html = client.get(page).raise_for_status().text
        assets = re.findall(r'(?:src|href)=["\']([^"\']+)["\']', html)
        assert assets and not re.search(r"https?://", " ".join(assets)), assets
        for asset in assets:
            got = client.get(asset)
            assert got.status_code == 200 and len(got.content) > 100, asset
        assert "cdn." not in html
    assert client.get("/static-offline-docs/../../../../etc/passwd").status_code == 404
    assert client.get("/static-offline-docs/%2e%2e/%2e%2e/%2e%2e/etc/passwd").status_code == 404
    assert client.get("/api/articles/..%2F..%2F..%2Fetc%2Fpasswd").json() == {"detail": "Not Found"}
    spec = client.get("/openapi.json").json()
    for path in ("/api/events/{event_id}", "/api/articles/{article_id}"):
        responses = spec["paths"][path]["get"]["responses"]
        assert {"200", "404", "422", "503"} <= set(responses), responses
    for path in ("/api/events", "/api/quotes", "/api/figures", "/api/places", "/api/stories"):
        assert {"200", "422", "503"} <= set(spec["paths"][path]["get"]["responses"])
    assert {"201", "401", "403", "413", "422"} <= set(spec["paths"]["/api/articles"]["post"]["responses"])


def test_next_links_are_relative_whatever_the_host_header(api):
    client, _, _ = api
    page = client.get("/api/events", params={"limit": 2, "type": "ASSAULT"},
                      headers={"Host": "evil.example:666"}).json()
    assert page["next"].startswith("/api/events?") and "evil" not in page["next"]
    assert "type=ASSAULT" in page["next"] and "offset=2" in page["next"]


def test_no_cors_headers_and_loopback_by_default(api):
    from wirecoder.serve.cli import build_parser

    client, _, _ = api
    response = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/articles", headers={"Origin": "https://elsewhere.example",
                                                         "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
