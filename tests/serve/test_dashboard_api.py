"""The dashboard's endpoints over HTTP (a real server on a loopback port), SQLite and PostgreSQL.

Hand-built extractions with sentences of our own: the aggregate endpoints must
agree with /api/events for the same filters, reject bad parameters, and the
downloads must hold exactly the selection. The static dashboard is served at
`/` and refers to nothing outside the server.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from datetime import date

import httpx
import pytest

from live_server import serving
from wirecoder.models import Actor, Article, Event, Evidence, Extraction, Place
from wirecoder.serve.api import create_app
from wirecoder.serve.web import STATIC
from wirecoder.store import Store
from wirecoder.store.testing import BACKENDS, test_database

TEXT = ("Troops of the Northland army shelled the border town of Redford on Monday. "
        "Southland accused the Northland army of targeting a clinic. "
        "Envoys of both countries met in Lakeside for talks on Tuesday.")
REDFORD = Place(name="Redford", country="SDN", lat=12.5, lon=30.25, feature="city")
LAKESIDE = Place(name="Lakeside", country="COD", lat=-1.5, lon=29.0, feature="city")
NORTH = Actor(name="Northland army", code="SDN", country="SDN", sector="MIL")
SOUTH = Actor(name="Southland", code="SSD", country="SSD", sector="GOV")


def _event(sentence: str, type_: str, source, target, when, where=None) -> Event:
    start = TEXT.index(sentence)
    return Event(type=type_, source=source, target=target, date=when, date_precision="day", location=where,
                 evidence=Evidence(text=sentence, start=start, end=start + len(sentence)))


def extraction() -> Extraction:
    s1, s2, s3 = ("Troops of the Northland army shelled the border town of Redford on Monday.",
                  "Southland accused the Northland army of targeting a clinic.",
                  "Envoys of both countries met in Lakeside for talks on Tuesday.")
    article = Article(id=hashlib.sha256(TEXT.encode()).hexdigest(), title="Shelling in Redford",
                      source="Test Desk", published=date(2024, 6, 4), text=TEXT)
    return Extraction(article=article, actors=[NORTH, SOUTH], places=[REDFORD, LAKESIDE], events=[
        _event(s1, "ASSAULT", NORTH, None, date(2024, 6, 3), REDFORD),
        _event(s2, "ACCUSE", SOUTH, NORTH, date(2024, 6, 3)),
        _event(s3, "CONSULT", NORTH, SOUTH, date(2024, 6, 4), LAKESIDE),
    ], quotes=[], figures=[])


@pytest.fixture(scope="module", params=BACKENDS)
def client(request):
    with test_database(request.param) as url:
        store = Store(url)
        store.upgrade()
        assert store.add(extraction()) == "new"
        with serving(create_app(store, token="")) as base, httpx.Client(base_url=base, timeout=30) as c:
            yield c
        store.close()


SELECTIONS = [{}, {"type": "ASSAULT"}, {"actor": "SSD"}, {"since": "2024-06-04"}, {"place": "Redford"},
              {"country": "COD"}]


@pytest.mark.parametrize("params", SELECTIONS, ids=str)
def test_aggregates_agree_with_the_event_list(client, params):
    listed = client.get("/api/events", params={**params, "limit": 1000}).raise_for_status().json()["items"]
    types = client.get("/api/aggregates/types", params=params).raise_for_status().json()
    assert types["total"] == len(listed)
    assert {t["type"]: t["count"] for t in types["types"] if t["count"]} == Counter(e["type"] for e in listed)
    days = client.get("/api/aggregates/timeline", params=params).raise_for_status().json()
    assert Counter({(d["date"], d["type"]): d["count"] for d in days}) == Counter((e["date"], e["type"]) for e in listed)
    pairs = client.get("/api/aggregates/actor-pairs", params=params).raise_for_status().json()
    assert sum(p["count"] for p in pairs) == sum(1 for e in listed if e["source"] and e["target"])
    places = client.get("/api/aggregates/places", params=params).raise_for_status().json()
    assert {p["name"]: p["events"] for p in places} == Counter(e["place"]["name"] for e in listed if e["place"])
    found = client.get("/api/search/events", params=params).raise_for_status().json()
    assert [e["id"] for e in found["items"]] == [e["id"] for e in listed]


def test_pairs_carry_their_class_and_search_reads_sentences(client):
    pairs = {(p["source"], p["target"]): p for p in client.get("/api/aggregates/actor-pairs").json()}
    assert pairs[("SSD", "SDN")]["class"] == "conflictual" and pairs[("SDN", "SSD")]["class"] == "cooperative"
    found = client.get("/api/search/events", params={"q": "CLINIC"}).json()
    assert found["total"] == 1 and found["items"][0]["type"] == "ACCUSE"
    assert client.get("/api/aggregates/types", params={"q": "lakeside"}).json()["total"] == 1


def test_bad_parameters_are_refused(client):
    assert client.get("/api/aggregates/types", params={"type": "PICNIC"}).status_code == 422
    assert client.get("/api/aggregates/timeline", params={"since": "last week"}).status_code == 422
    assert client.get("/api/aggregates/actor-pairs", params={"limit": 0}).status_code == 422
    assert client.get("/api/search/events", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/search/events/download", params={"format": "xlsx"}).status_code == 422


def test_downloads_hold_exactly_the_selection(client):
    got = client.get("/api/search/events/download", params={"format": "csv", "actor": "SSD"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert 'filename="wirecoder-events.csv"' in got.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(got.text.lstrip("\ufeff"))))
    assert sorted(r["type"] for r in rows) == ["ACCUSE", "CONSULT"]
    geo = client.get("/api/search/events/download", params={"format": "geojson", "actor": "SSD"}).json()
    assert [f["properties"]["place_name"] for f in geo["features"]] == ["Lakeside"]
    assert geo["features"][0]["geometry"]["coordinates"] == [29.0, -1.5]


def test_the_dashboard_is_served_at_the_root_and_needs_nothing_from_outside(client):
    page = client.get("/")
    assert page.status_code == 200 and '<script type="module" src="js/main.js">' in page.text
    world = client.get("/world.json").json()
    assert len(world["countries"]) > 150 and any(c["name"] == "Sudan" for c in world["countries"])
    assert client.get("/docs").status_code == 200  # the API's own pages still win over the mount
    # No asset names a host: every URL in the page's files is relative or the server's own.
    for path in STATIC.rglob("*"):
        if path.suffix in (".html", ".js", ".css"):
            text = path.read_text().replace('"http://www.w3.org/2000/svg"', "")  # a namespace, never fetched
            assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text), path
