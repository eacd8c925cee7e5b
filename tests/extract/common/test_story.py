"""The story built once per article: dateline, reference date and its source, countries."""
from __future__ import annotations

from datetime import date

from wirecoder.extract.common.dateline import find_dateline, match_dateline
from wirecoder.extract.common.story import Story
from wirecoder.ingest.plaintext import looks_like_title, merge_dateline
from wirecoder.models import Article
from wirecoder.pipeline import prepare_context


def test_one_dateline_pattern_for_ingest_and_the_story():
    line = find_dateline("MAPUTO, Oct. 4 (Reuters) - Flooding cut the main road north.")
    assert (line.place, line.date_text, line.agency) == ("MAPUTO", "Oct. 4", "Reuters")
    assert find_dateline("Kyiv, June 9 (AFP) - Drones struck a depot.").date_text == "June 9"
    assert find_dateline("GENEVA - Talks resumed.").date_text is None
    # mixed case needs a date or an agency: a headline with a dash is no dateline
    assert match_dateline("Ukraine - Russia talks resume") is None
    assert find_dateline("PORT-AU-PRINCE, Haiti (AP) - Gangs blocked roads.").place == "PORT-AU-PRINCE"
    # ingest reads the same pattern: a dateline alone joins the next paragraph, is no headline
    assert merge_dateline(["HARARE, May 2 -", "Teachers went on strike."]) == [
        "HARARE, May 2 - Teachers went on strike."]
    assert not looks_like_title("HARARE, May 2 (Reuters) -")


def test_reference_date_and_its_source(nlp):
    text = "BAMAKO, Feb. 12, 2024 - Soldiers patrolled the market on Saturday."
    doc = nlp(text)
    story = Story(Article(id="a", text=text), doc)
    assert (story.reference_date, story.reference_source) == (date(2024, 2, 12), "dateline")
    story = Story(Article(id="a", text=text, published=date(2024, 2, 13)), doc)
    assert (story.reference_date, story.reference_source) == (date(2024, 2, 13), "published")
    story = Story(Article(id="a", text="Soldiers patrolled the market."), nlp("Soldiers patrolled the market."))
    assert (story.reference_date, story.reference_source) == (None, "unknown")


def test_story_countries_from_the_tables(nlp):
    text = ("LUSAKA, March 3 (Reuters) - Police in Zambia arrested 12 traders on Monday. "
            "Zambia's government said the traders had crossed from Malawi. "
            "Officials in Lusaka said more arrests would follow.")
    ctx = prepare_context(Article(id="z", text=text), nlp(text))
    story = ctx.story
    assert story is not None and story.places is ctx.places and story.actors is ctx.actors
    assert story.dateline_country() == "ZMB"
    assert story.dominant_country() == "ZMB"
    assert story.home_country() == "ZMB"
    assert story.focus_country() == "ZMB"
    lusaka = next(t for t in ctx.doc if t.text == "LUSAKA")
    assert story.in_dateline(lusaka)
    malawi = next(t for t in ctx.doc if t.text == "Malawi")
    assert story.place_country(malawi) == "MWI"
    assert story.place_country(malawi, states_only=True) == "MWI"
    # the dateline's place is no actor of the story
    assert not any(a.mentions and a.mentions[0][0] == 0 for a in ctx.actors.actors)
    # a dateline with no year in the whole text leaves the date unknown rather than guessed
    assert (ctx.reference_date, story.reference_source) == (None, "unknown")


def test_the_record_carries_the_reference_date_and_its_source(extract):
    got = extract("NIAMEY, Aug. 3, 2023 (Reuters) - Soldiers closed the border on Monday.")
    assert (got.article.reference_date, got.article.reference_source) == (date(2023, 8, 3), "dateline")
    got = extract("Soldiers closed the border on Monday.", published=date(2023, 8, 3))
    assert (got.article.reference_date, got.article.reference_source) == (date(2023, 8, 3), "published")
    assert got.events and got.events[0].date == date(2023, 7, 31)  # counted from that date
    got = extract("Soldiers closed the border on Monday.")
    assert (got.article.reference_date, got.article.reference_source) == (None, "unknown")
