"""Merged events: reports of one event across sentences, copies and articles."""
from __future__ import annotations

from datetime import date

import pytest

from store_fixtures import (EL_FASHER, KHARTOUM, OMDURMAN, RSF, SDN_ARMY, copies, event, extraction,
                            make_article, other_outlet, place)
from wirecoder.models import Actor
from wirecoder.store.merging import agreement, compatible, haversine_km, report_of
from wirecoder.store.schema import MergedEventRow

DAY = date(2023, 6, 20)


def merged(**kw) -> MergedEventRow:
    base = dict(type="ASSAULT", negated=False, date=DAY, source_code="SDNREB", target_code=None,
                place_name="Omdurman", lat=OMDURMAN.lat, lon=OMDURMAN.lon)
    return MergedEventRow(**{**base, **kw})


def report(**kw):
    text = "Shells hit the market."
    base = dict(type="ASSAULT", source=RSF, target=None, when=DAY, location=OMDURMAN)
    args = {**base, **kw}
    return report_of(event(text, text, **args), args["when"])


def test_distance_is_great_circle_km():
    assert haversine_km(OMDURMAN.lat, OMDURMAN.lon, KHARTOUM.lat, KHARTOUM.lon) == pytest.approx(11.8, abs=0.5)
    assert haversine_km(OMDURMAN.lat, OMDURMAN.lon, EL_FASHER.lat, EL_FASHER.lon) > 700


@pytest.mark.parametrize("changes, merges", [
    ({}, True),
    ({"when": date(2023, 6, 21)}, True),                          # within a day
    ({"when": date(2023, 6, 22)}, False),                         # two days apart
    ({"type": "ACCUSE"}, False),
    ({"negated": True}, False),                                    # "denied shelling" is another claim
    ({"source": None}, True),                                      # unknown source is compatible
    ({"source": SDN_ARMY}, False),                                 # conflicting source
    ({"source": Actor(name="gunmen", code=None)}, True),           # uncoded source is compatible
    ({"target": SDN_ARMY}, True),                                  # merged target unknown
    ({"location": None}, True),
    ({"location": KHARTOUM}, True),                                # 12 km away
    ({"location": EL_FASHER}, False),                              # 800 km away
    ({"location": place("Omdurman", None, None)}, True),           # same name, no coordinates
    ({"location": place("Um Durman", None, None, aliases=("Omdurman",))}, True),  # alias
    ({"location": place("Karari", None, None)}, False),           # another name, cannot tell distance
])
def test_compatibility_rules(changes, merges):
    assert (agreement(merged(), report(**changes)) is not None) is merges
    # the links of a component: symmetric, and implied by agreement with the first report
    first = report(source=RSF, target=None, location=OMDURMAN)
    assert compatible(first, report(**changes)) is compatible(report(**changes), first)
    if merges:
        assert compatible(first, report(**changes))


def test_the_best_agreeing_merged_event_wins():
    m = merged()
    assert agreement(m, report()) > agreement(m, report(location=None))
    assert agreement(m, report()) > agreement(m, report(when=date(2023, 6, 21)))


def test_copies_count_once_and_another_outlet_counts_as_a_second_article(store):
    for ex in copies():
        store.add(ex)
    items, _ = store.query_events()
    assert len(items) == 3  # shelling, accusation, call: each once for three copies
    shelling = next(i for i in items if i["type"] == "ASSAULT")
    assert (shelling["num_articles"], shelling["num_copies"], shelling["num_reports"]) == (1, 3, 3)
    # Nile Wire (source), www.sudan-portal.example and aggregator.example (URL hosts)
    assert shelling["num_sources"] == 3

    store.add(other_outlet())
    items, total = store.query_events()
    assert total == 4  # + the army's air strikes (SDN -> SDNREB), a different event
    shelling = store.get_event(shelling["id"])
    assert (shelling["num_articles"], shelling["num_copies"], shelling["num_sources"]) == (2, 4, 4)
    assert len(shelling["reports"]) == 4 and len(shelling["stories"]) == 2
    other_id = other_outlet().article.id
    report = next(r for r in shelling["reports"] if r["article"]["id"] == other_id)
    assert report["event"]["evidence"]["text"].startswith("Witnesses blamed the Rapid Support Forces")
    strikes = [i for i in items if i["source"] and i["source"]["code"] == "SDN" and i["type"] == "ASSAULT"]
    assert len(strikes) == 1 and strikes[0]["num_articles"] == 1


def test_unknowns_are_filled_from_later_reports(store):
    text_a = "Gunmen attacked a village near El Fasher on Monday, killing six."
    text_b = "The Rapid Support Forces attacked the village of Tawila near Al-Fashir on Monday."
    a = extraction(make_article(text_a, source="A", published=date(2023, 7, 4)),
                   events=[event(text_a, text_a, "ASSAULT", Actor(name="Gunmen", code=None), None,
                                 date(2023, 7, 3), None)])
    b = extraction(make_article(text_b, source="B", published=date(2023, 7, 4)),
                   events=[event(text_b, text_b, "ASSAULT", RSF, None, date(2023, 7, 3), EL_FASHER)])
    store.add(a)
    store.add(b)
    (item,), total = store.query_events()
    assert item["source"]["code"] == "SDNREB" and item["source"]["name"] == "Rapid Support Forces"
    assert item["place"]["name"] == "El Fasher" and item["num_articles"] == 2
    assert item["evidence"]["text"] == text_a  # the first report stays the headline evidence


def test_undated_events_take_the_publication_date(store):
    text = "Protesters rallied outside the parliament."
    for day, source, rest in ((date(2023, 5, 2), "A", "Police watched from side streets."),
                              (date(2023, 5, 3), "B", "Organisers said more marches would follow."),
                              (date(2023, 5, 9), "C", "Shops in the centre stayed shut.")):
        body = f"{text} {rest}"  # three different articles, not copies of one
        store.add(extraction(make_article(body, source=source, published=day),
                             events=[event(body, text, "PROTEST", Actor(name="Protesters", code="SDN"),
                                           None, None, None)]))
    items, total = store.query_events()
    assert total == 2
    assert [(i["date"], i["num_articles"]) for i in items] == [("2023-05-02", 2), ("2023-05-09", 1)]


def test_undated_events_take_the_reference_date_when_nothing_was_published(store):
    # Two outlets file the same rally under datelines of one day, a third a week later; none
    # gives a publication date: merging uses the date the extraction counted from.
    text = "Protesters rallied outside the parliament."
    for day, source, rest in ((date(2023, 5, 2), "A", "Police watched from side streets."),
                              (date(2023, 5, 2), "B", "Organisers said more marches would follow."),
                              (date(2023, 5, 9), "C", "Shops in the centre stayed shut.")):
        body = f"{text} {rest}"
        article = make_article(body, source=source).model_copy(
            update={"reference_date": day, "reference_source": "dateline"})
        store.add(extraction(article, events=[event(body, text, "PROTEST", Actor(name="Protesters", code="SDN"),
                                                    None, None, None)]))
    items, total = store.query_events()
    assert total == 2
    assert [(i["date"], i["num_articles"]) for i in items] == [("2023-05-02", 2), ("2023-05-09", 1)]


def test_merged_events_do_not_depend_on_the_order_articles_arrive_in(db_url):
    # A names the RSF, C the army, B neither: B could join either, and once it has joined
    # one the other conflicts. Whatever the arrival order, the same reports end together.
    from itertools import permutations

    from wirecoder.store import Store
    from store_fixtures import clear
    day = date(2023, 7, 3)
    texts = {"A": (RSF, "The Rapid Support Forces shelled Omdurman on Monday."),
             "B": (None, "Shells fell on Omdurman on Monday, residents said."),
             "C": (SDN_ARMY, "The army shelled Omdurman on Monday, a witness said.")}
    exs = [extraction(make_article(text, source=name, published=day),
                      events=[event(text, text, "ASSAULT", source, None, day, OMDURMAN)])
           for name, (source, text) in texts.items()]
    groupings = set()
    for order in permutations(exs):
        with Store(db_url) as store:
            store.upgrade()
            clear(store)
            for ex in order:
                store.add(ex)
            items, _ = store.query_events(limit=None)
            groups = frozenset(frozenset(r["article"]["source"] for r in store.get_event(i["id"])["reports"])
                               for i in items)
            assert sum(i["num_reports"] for i in items) == 3
        groupings.add(groups)
    assert len(groupings) == 1
    (groups,) = groupings
    assert len(groups) == 2  # B with one of them, the other alone
