"""Adding extractions: exact round trip, idempotence, all-or-nothing."""
from __future__ import annotations

from datetime import date

import pytest

from store_fixtures import (KHARTOUM, OMDURMAN, RSF, SDN_ARMY, actor, copies, event, evidence, extraction,
                            make_article, place)
from wirecoder.models import Figure, Quote
from wirecoder.store import Store, merging

TEXT = """Government troops detained 31 protesters in Nyala on Friday, police said.
"We only asked for bread," said Amal Yūsuf, whose brother was among those held.
The army denied firing on the crowd. Roughly 2,000 people had marched to the governor's office.
The African Union called for the release of the detainees."""


def rich_extraction():
    art = make_article(TEXT, title="Troops detain 31 in Nyala", url="https://news.example/nyala",
                       source="Darfur Daily", published=date(2023, 7, 14))
    art = art.model_copy(update={"credits": ["Nile Wire", "Ahmed Musa"], "reference_date": date(2023, 7, 14),
                                 "reference_source": "published"})
    troops = actor("Government troops", "SDN", "MIL", text=TEXT)
    police = actor("police", "SDN", "COP", text=TEXT)
    amal = actor("Amal Yūsuf", "SDN", "CVL", text=TEXT)
    au = actor("The African Union", "AU", "IGO", country=None, text=TEXT)
    nyala = place("Nyala", 12.0489, 24.8807, aliases=("Niyālā", "Nyala town"), geonameid=368277)
    nyala = nyala.model_copy(update={"mentions": [(TEXT.index("Nyala"), TEXT.index("Nyala") + 5)]})
    crowd = actor("crowd", None, "CVL", country=None)  # only referenced, never listed
    detain = event(TEXT, "Government troops detained 31 protesters in Nyala on Friday, police said.",
                   "COERCE", troops, crowd, date(2023, 7, 14), nyala, mode="arrest", claimed_by=police,
                   contexts=["political"], trigger="detained", cameo="17")
    denial = event(TEXT, "The army denied firing on the crowd.", "ASSAULT",
                   actor("The army", "SDN", "MIL"), crowd, None, place("Darfur", None, None),
                   negated=True, mode="firearms")
    call = event(TEXT, "The African Union called for the release of the detainees.", "REQUEST", au, troops,
                 date(2023, 7, 14), None)
    quote = Quote(text="We only asked for bread", speaker=amal,
                  evidence=evidence(TEXT, '"We only asked for bread," said Amal Yūsuf, whose brother was among '
                                          'those held.'))
    indirect = Quote(text="the detainees should be released", speaker=None, direct=False,
                     evidence=evidence(TEXT, "The African Union called for the release of the detainees."))
    # An extractor may hand over evidence that is not text[start:end] (here: spaces squeezed);
    # the store keeps it as given.
    march = evidence(TEXT, "Roughly 2,000 people had marched to the governor's office.")
    figures = [Figure(kind="detained", min=31, max=31, subject="protesters", claimed_by=police,
                      evidence=detain.evidence),
               Figure(kind="other", min=2000, max=2000, approximate=True, subject="marchers",
                      evidence=march.model_copy(update={"text": march.text.replace(" ", "")})),
               Figure(kind="other", min=None, max=2000, approximate=True, subject="people",
                      evidence=evidence(TEXT, "Roughly 2,000 people had marched to the governor's office."))]
    # The same actor listed twice (two mentions lists) must come back twice.
    return extraction(art, events=[detain, denial, call], quotes=[quote, indirect], figures=figures,
                      actors=[troops, police, amal, au, troops.model_copy(update={"mentions": []})],
                      places=[nyala])


def test_an_extraction_comes_back_exactly_as_it_went_in(store):
    ex = rich_extraction()
    assert store.add(ex, origin="nyala.txt") == "new"
    back = store.get_extraction(ex.article.id)
    assert back == ex
    assert back.to_json_dict() == ex.to_json_dict()
    assert store.get_extraction("0" * 64) is None


def test_a_dateline_reference_date_is_stored_and_dates_the_undated_reports(store):
    """An article with no publication date counted its relative dates from the dateline: the
    store keeps that date and where it came from, and merges the undated event on it."""
    text = "JUBA, March 3 -- Soldiers clashed with rebels near the border, officials said."
    art = make_article(text).model_copy(update={"reference_date": date(2024, 3, 3),
                                                "reference_source": "dateline"})
    clash = event(text, text, "ASSAULT", actor("Soldiers", "SSD", "MIL"), actor("rebels", "SSD", "REB"), None, None)
    ex = extraction(art, events=[clash])
    assert store.add(ex) == "new"
    back = store.get_extraction(art.id).article
    assert (back.published, back.reference_date, back.reference_source) == (None, date(2024, 3, 3), "dateline")
    (merged,), _ = store.query_events()
    assert merged["date"] == "2024-03-03"


def test_adding_the_same_article_again_stores_nothing(store):
    first, second = copies()[:2]
    assert store.add(first) == "new"
    assert store.add(second) == "new"
    before = store.stats()
    assert store.add(first) == "exists"
    assert store.add(first.model_copy()) == "exists"
    assert store.stats() == before
    # Another process (another Store) sees the same article as stored too.
    other = Store(store.url)
    assert other.has_article(first.article.id) and other.add(second) == "exists"
    other.close()
    assert store.stats() == before


def test_a_failing_article_leaves_nothing_behind(store, monkeypatch):
    ex = rich_extraction()
    calls = []
    real_assign = merging._Grouping.assign

    def failing(self, *args):
        calls.append(1)
        if len(calls) == 2:  # halfway through the article's events, after its other rows
            raise RuntimeError("disk on fire")
        return real_assign(self, *args)

    monkeypatch.setattr(merging._Grouping, "assign", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add(ex)
    assert set(store.stats().values()) == {0}
    assert not store.has_article(ex.article.id)
    monkeypatch.setattr(merging._Grouping, "assign", real_assign)
    assert store.add(ex) == "new"
    assert store.get_extraction(ex.article.id) == ex
    assert store.stats()["stories"] == 1


def test_the_article_view_has_text_records_story_and_merged_ids(store):
    wire, portal, _ = copies()
    store.add(wire, origin="wire.txt")
    store.add(portal, origin="portal.html")
    view = store.get_article(portal.article.id)
    assert view["extraction"] == portal.to_json_dict()
    text = view["extraction"]["article"]["text"]
    for ev in view["extraction"]["events"]:
        assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert view["copies"] == [wire.article.id]
    assert view["origin"] == "portal.html"
    wire_ids = store.get_article(wire.article.id)["merged_event_ids"]
    assert view["merged_event_ids"] == wire_ids and len(set(wire_ids)) == 3
    assert view["story_id"] == store.get_article(wire.article.id)["story_id"]


def test_actors_places_and_events_are_rows_of_their_own(store):
    from sqlalchemy import func, select

    from wirecoder.store.schema import ActorRow, PlaceRow

    ex = extraction(make_article("The army shelled Omdurman and Khartoum.", published=date(2023, 6, 1)),
                    events=[event("The army shelled Omdurman and Khartoum.",
                                  "The army shelled Omdurman and Khartoum.", "ASSAULT", SDN_ARMY, RSF,
                                  None, OMDURMAN)],
                    actors=[SDN_ARMY], places=[OMDURMAN, KHARTOUM])
    store.add(ex)
    with store.engine.connect() as conn:
        # The event's source is the listed army row; RSF (not listed) gets one row of its own.
        assert conn.scalar(select(func.count()).select_from(ActorRow)) == 2
        assert conn.scalar(select(func.count()).select_from(PlaceRow)) == 2
    assert store.get_extraction(ex.article.id) == ex


def test_a_count_past_32_bits_is_stored_and_read_back(store):
    # "3 billion" overflowed PostgreSQL's INTEGER and failed the whole article (revision 0006).
    text = "The ministry said 3 billion doses had been shipped since March."
    big = Figure(kind="other", min=3 * 10**9, max=3 * 10**9, subject="doses", evidence=evidence(text, text))
    ex = extraction(make_article(text), figures=[big])
    assert store.add(ex) == "new"
    assert store.get_extraction(ex.article.id).figures[0].min == 3 * 10**9
