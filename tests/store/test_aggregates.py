"""Dashboard aggregates (wirecoder.store.aggregates) on SQLite and PostgreSQL.

Each aggregate must agree with what the store's own event listing says
about the same selection: counted in SQL, checked here in Python.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from store_fixtures import actor, event, extraction, make_article, place
from wirecoder.models import EVENT_TYPES
from wirecoder.store import Filters
from wirecoder.store import aggregates

MINSK = place("Minsk", 53.9, 27.57, country="BLR", geonameid=625144)
GOMA = place("Goma", -1.68, 29.23, country="COD", geonameid=216281)
BLR = actor("Belarusian police", "BLR", "COP")
OPP = actor("Opposition activists", "BLROPP", "OPP", country="BLR")
UN = actor("United Nations envoy", "UN", "IGO", country=None)
M23 = actor("M23 rebels", "CODREB", "REB", country="COD")
COD = actor("Congolese army", "COD", "MIL")

TEXTS = [
    ("Police in Minsk detained twelve opposition activists on Monday. The activists accused the police of beating them. "
     "A United Nations envoy urged the police to free the activists.", date(2024, 5, 6)),
    ("Rebels shelled army positions outside Goma on Tuesday. The army shelled rebel trenches in reply. "
     "The envoy met rebel leaders for talks in Goma.", date(2024, 5, 7)),
]


@pytest.fixture
def filled(store):
    (t1, d1), (t2, d2) = TEXTS
    a1 = make_article(t1, title="Minsk arrests", source="Desk One", published=d1)
    a2 = make_article(t2, title="Goma shelling", source="Desk Two", published=d2)
    store.add(extraction(a1, events=[
        event(t1, "Police in Minsk detained twelve opposition activists on Monday.", "COERCE", BLR, OPP, d1, MINSK),
        event(t1, "The activists accused the police of beating them.", "ACCUSE", OPP, BLR, d1),
        event(t1, "A United Nations envoy urged the police to free the activists.", "REQUEST", UN, BLR, d1),
    ], actors=[BLR, OPP, UN], places=[MINSK]))
    store.add(extraction(a2, events=[
        event(t2, "Rebels shelled army positions outside Goma on Tuesday.", "ASSAULT", M23, COD, d2, GOMA),
        event(t2, "The army shelled rebel trenches in reply.", "ASSAULT", COD, M23, d2, GOMA),
        event(t2, "The envoy met rebel leaders for talks in Goma.", "CONSULT", UN, M23, d2, GOMA),
    ], actors=[M23, COD, UN], places=[GOMA]))
    return store


def listed(store, f: Filters) -> list[dict]:
    return store.query_events(f, limit=None)[0]


SELECTIONS = [Filters(), Filters(type="ASSAULT"), Filters(actor="UN"), Filters(country="COD"),
              Filters(since=date(2024, 5, 7)), Filters(place="Goma")]


@pytest.mark.parametrize("f", SELECTIONS, ids=lambda f: repr({k: v for k, v in vars(f).items() if v}))
def test_counts_per_type_and_day_agree_with_the_event_list(filled, f):
    items = listed(filled, f)
    with filled._read() as s:
        counts = aggregates.type_counts(s, f)
        days = aggregates.timeline(s, f)
    assert counts["total"] == len(items)
    assert [t["type"] for t in counts["types"]] == list(EVENT_TYPES)
    assert {t["type"]: t["count"] for t in counts["types"] if t["count"]} == Counter(e["type"] for e in items)
    assert {(d["date"], d["type"]): d["count"] for d in days} == Counter((e["date"], e["type"]) for e in items)


def test_classes_split_cooperation_from_conflict(filled):
    with filled._read() as s:
        types = {t["type"]: t["class"] for t in aggregates.type_counts(s, Filters())["types"]}
    assert types["CONSULT"] == types["REQUEST"] == types["AID"] == "cooperative"
    assert types["ASSAULT"] == types["ACCUSE"] == types["COERCE"] == "conflictual"


def test_actor_pairs_are_directed_counted_and_classed(filled):
    with filled._read() as s:
        pairs = {(p["source"], p["target"]): p for p in aggregates.actor_pairs(s, Filters())}
    assert set(pairs) == {("BLR", "BLROPP"), ("BLROPP", "BLR"), ("UN", "BLR"), ("CODREB", "COD"),
                          ("COD", "CODREB"), ("UN", "CODREB")}
    assert pairs[("UN", "CODREB")]["class"] == "cooperative" and pairs[("UN", "CODREB")]["cooperative"] == 1
    assert pairs[("BLR", "BLROPP")]["class"] == "conflictual" and pairs[("BLR", "BLROPP")]["source_name"] == \
        "Belarusian police"
    with filled._read() as s:
        only_un = aggregates.actor_pairs(s, Filters(actor="UN"))
    assert {(p["source"], p["target"]) for p in only_un} == {("UN", "BLR"), ("UN", "CODREB")}


def test_places_sum_the_events_and_reports_there(filled):
    with filled._read() as s:
        where = {p["name"]: p for p in aggregates.places(s, Filters())}
    assert set(where) == {"Minsk", "Goma"}
    assert where["Goma"]["events"] == 3 and where["Goma"]["country"] == "COD"
    assert where["Minsk"]["events"] == 1 and (where["Minsk"]["lat"], where["Minsk"]["lon"]) == (53.9, 27.57)
    with filled._read() as s:
        assaults = aggregates.places(s, Filters(type="ASSAULT"))
    assert [(p["name"], p["events"]) for p in assaults] == [("Goma", 2)]


def test_text_search_reads_evidence_and_names_in_any_case(filled):
    with filled._read() as s:
        trenches, n = aggregates.query_events(s, Filters(), "REBEL TRENCHES", limit=10)
        assert n == 1 and trenches[0]["evidence"]["text"] == "The army shelled rebel trenches in reply."
        by_name, n = aggregates.query_events(s, Filters(), "belarusian", limit=10)
        assert n == 3 and all("BLR" in (e["source"]["code"], e["target"]["code"]) for e in by_name)
        combined = aggregates.type_counts(s, Filters(type="ASSAULT"), "trenches")
        assert combined["total"] == 1
        # LIKE wildcards in the query are literal characters.
        assert aggregates.query_events(s, Filters(), "%", limit=10)[1] == 0


def test_search_lists_events_as_the_event_list_does(filled):
    with filled._read() as s:
        found, total = aggregates.query_events(s, Filters(type="ASSAULT"), None, limit=1, offset=1)
        every = list(aggregates.iter_events(s, Filters(), None, page=2))
    plain = listed(filled, Filters(type="ASSAULT"))
    assert total == len(plain) == 2
    assert {k: v for k, v in found[0].items() if k != "class"} == plain[1]
    assert [e["id"] for e in every] == [e["id"] for e in listed(filled, Filters())]
