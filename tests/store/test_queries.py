"""Queries: filters, paging, grouping per story, stats."""
from __future__ import annotations

from datetime import date

import pytest

from store_fixtures import NYALA, clear, copies, event, extraction, make_article, other_outlet
from wirecoder.models import Actor, Figure
from wirecoder.store import Filters, Store

PROTEST = """Hundreds of students marched through Nyala on Saturday to demand the reopening of the university.
Police used water cannon to break up the march, injuring at least nine students, a medic said."""


@pytest.fixture(scope="module")
def filled(db_url):
    """One database for the whole module: these tests only read."""
    store = Store(db_url)
    store.upgrade()
    clear(store)
    for ex in copies():
        store.add(ex)
    store.add(other_outlet())
    students = Actor(name="students", code="SDN", country="SDN", sector="EDU")
    police = Actor(name="Police", code="SDN", country="SDN", sector="COP")
    art = make_article(PROTEST, source="Darfur Daily", published=date(2023, 8, 13))
    store.add(extraction(art, events=[
        event(PROTEST, PROTEST.split("\n")[0], "PROTEST", students, None, date(2023, 8, 12), NYALA),
        event(PROTEST, "Police used water cannon to break up the march", "COERCE", police, students,
              date(2023, 8, 12), NYALA)],
        figures=[Figure(kind="injured", min=9, subject="students",
                        evidence=event(PROTEST, PROTEST.split("\n")[1], "COERCE").evidence)],
        actors=[students, police], places=[NYALA]))
    yield store
    store.close()


def ids(result):
    return [i["id"] for i in result[0]]


def test_events_are_listed_in_date_order_with_their_evidence(filled):
    items, total = filled.query_events()
    assert total == 6
    assert [i["date"] for i in items] == ["2023-06-20"] * 4 + ["2023-08-12"] * 2
    for item in items:
        ev = item["evidence"]
        text = filled.get_extraction(ev["article"]["id"]).article.text
        assert text[ev["start"]:ev["end"]] == ev["text"]


@pytest.mark.parametrize("filters, expected", [
    (Filters(type="assault"), 2),
    (Filters(type="PROTEST"), 1),
    (Filters(actor="SDNREB"), 3),          # the shelling (source), the accusation and the strikes (target)
    (Filters(actor="UN"), 1),
    (Filters(country="SDN"), 5),           # not the UN call: no place, no Sudanese actor
    (Filters(country="UKR"), 0),
    (Filters(since=date(2023, 7, 1)), 2),
    (Filters(until=date(2023, 6, 20)), 4),
    (Filters(since=date(2023, 6, 21), until=date(2023, 8, 1)), 0),
    (Filters(place="nyala"), 2),
    (Filters(place="Um Durman"), 1),        # an alias of Omdurman
    (Filters(place="Khartoum"), 1),
    (Filters(type="ASSAULT", place="Khartoum", actor="SDN"), 1),
])
def test_event_filters(filled, filters, expected):
    assert filled.query_events(filters)[1] == expected


def test_story_and_article_filters_find_merged_events_through_their_reports(filled):
    wire = copies()[0]
    story = filled.get_article(wire.article.id)["story_id"]
    in_story = filled.query_events(Filters(story=story))
    assert in_story[1] == 3
    other = other_outlet().article.id
    by_article = filled.query_events(Filters(article=other))
    assert by_article[1] == 2
    assert set(ids(in_story)) & set(ids(by_article)) == {filled.query_events(Filters(place="Um Durman"))[0][0]["id"]}


def test_paging_covers_every_item_once(filled):
    pages = [filled.query_events(limit=4, offset=o) for o in (0, 4, 8)]
    assert [len(p[0]) for p in pages] == [4, 2, 0]
    assert all(p[1] == 6 for p in pages)
    assert sorted(sum((ids(p) for p in pages), [])) == sorted(ids(filled.query_events(limit=None)))


def test_quotes_and_figures_count_once_per_story(filled):
    quotes, total = filled.query_quotes()
    assert total == 1 and quotes[0]["num_copies"] == 3
    assert quotes[0]["speaker"]["name"] == "Hassan Adam"
    assert quotes[0]["evidence"]["article"]["id"] == copies()[0].article.id
    assert filled.query_quotes(Filters(actor="SDN"))[1] == 1
    assert filled.query_quotes(Filters(actor="UN"))[1] == 0
    figures, total = filled.query_figures()
    assert total == 2
    assert [(f["kind"], f["min"], f["num_copies"]) for f in figures] == [("killed", 14, 3), ("injured", 9, 1)]
    assert filled.query_figures(Filters(kind="injured"))[0][0]["subject"] == "students"
    assert filled.query_figures(Filters(since=date(2023, 8, 1)))[1] == 1


def test_places_count_stories_and_copies(filled):
    places, total = filled.query_places()
    by_name = {p["name"]: p for p in places}
    # "Um Durman" has no gazetteer id: it stays a place of its own name
    assert total == 4 and set(by_name) == {"Omdurman", "Khartoum", "Nyala", "Um Durman"}
    assert (by_name["Omdurman"]["num_articles"], by_name["Omdurman"]["num_copies"]) == (2, 4)
    assert by_name["Nyala"]["lat"] == pytest.approx(12.0489)
    assert [p["name"] for p in filled.query_places(Filters(place="um durman"))[0]] == ["Omdurman", "Um Durman"]


def test_stats(filled):
    assert filled.stats() == {
        "articles": 5, "stories": 3,
        # (merged event, story) pairs: the shelling in two stories, five other events in one each
        "events": 7, "merged_events": 6, "quotes": 1, "figures": 2, "places": 4, "sources": 5,
        # rows: events 3 + 3 + 2 (trimmed copy) + 2 + 2; places 2 per copy, 3 (+ "Um Durman"), 1;
        # actors 4 per full copy (2 listed, UN, the quote's speaker), 3 in the trimmed one, 2, 2
        "event_records": 12, "quote_records": 3, "figure_records": 4, "place_records": 10,
        "actor_records": 15,
    }
