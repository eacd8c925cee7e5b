"""Reference dates and the anchoring of relative and partial dates."""
from __future__ import annotations

from datetime import date

import pytest

from wirecoder.extract.common.story import reference
from wirecoder.extract.time import dateline, resolve_date, sentence_dates
from wirecoder.models import Article


def reference_date(article, published=None):
    return reference(article, published)[0]


@pytest.fixture(scope="module")
def when(nlp):
    """when(sentence, ref, anchor=None, trigger=None) -> (date, precision) | None"""
    def run(text: str, ref: date | None, anchor: date | None = None, trigger: str | None = None):
        sent = next(nlp(text).sents)
        tok = next(t for t in sent if t.text == trigger) if trigger else None
        return resolve_date(sent, ref, anchor, tok)
    return run


WED = date(2023, 9, 20)  # a Wednesday


# --- reference date --------------------------------------------------------

def test_reference_date_order():
    art = Article(id="a", text="KHARTOUM, June 9, 2023 — Shelling resumed.", published=date(2023, 6, 10))
    assert reference_date(art, date(2023, 6, 11)) == date(2023, 6, 11)
    assert reference_date(art) == date(2023, 6, 10)
    assert reference_date(art.model_copy(update={"published": None})) == date(2023, 6, 9)
    # and where each came from
    assert reference(art, date(2023, 6, 11))[1] == "published"
    assert reference(art)[1] == "published"
    assert reference(art.model_copy(update={"published": None}))[1] == "dateline"
    assert reference(Article(id="a", text="Shelling resumed on Tuesday."))[1] == "unknown"


def test_dateline_without_year_takes_the_texts_latest_year():
    art = Article(id="a", text="NIAMEY, Aug. 3 (Reuters) — The junta, which seized power on "
                               "July 26, 2023, closed the airspace.")
    assert reference_date(art) == date(2023, 8, 3)


def test_no_year_anywhere_leaves_the_date_unknown():
    assert reference_date(Article(id="a", text="KHARTOUM, June 9 — Shelling resumed.")) is None
    assert reference_date(Article(id="a", text="Shelling resumed on Tuesday.")) is None


@pytest.mark.parametrize("text,place,when_", [
    ("KHARTOUM, June 9 — Fighting", "KHARTOUM", "June 9"),
    ("NIAMEY, Niger, Aug. 3 (Reuters) - The", "NIAMEY", "Aug. 3"),
    ("LONDON, 9 June (AFP) – Ministers", "LONDON", "9 June"),
    ("PORT-AU-PRINCE, Haiti, March 2 — Gangs", "PORT-AU-PRINCE", "March 2"),
])
def test_dateline_forms(text, place, when_):
    got = dateline(text)
    assert got is not None and got[0] == place and got[1] == when_


def test_no_dateline_in_plain_text():
    assert dateline("The UN said on Monday that aid would arrive.") is None


def test_dateline_only_article_resolves_relative_dates(nlp):
    text = ("KHARTOUM, June 9 — Fighting spread to the capital's south, residents said. "
            "The army said yesterday that it had retaken the bridge it lost in April 2023.")
    art = Article(id="a", text=text)
    ref = reference_date(art)
    assert ref == date(2023, 6, 9)
    dates = sentence_dates(nlp(text), ref)
    assert dates[1] == (date(2023, 6, 8), "day")


# --- weekdays and tense ----------------------------------------------------

def test_weekday_in_the_past(when):
    assert when("Rebels attacked the town on Saturday.", WED) == (date(2023, 9, 16), "day")
    assert when("Rebels attacked the town on Wednesday.", WED) == (date(2023, 9, 20), "day")
    assert when("Rebels attacked the town last Wednesday.", WED) == (date(2023, 9, 13), "day")


@pytest.mark.parametrize("text", ["The two leaders will meet on Sunday.",
                                  "The ultimatum runs out on Sunday.",
                                  "Talks are scheduled for Sunday."])
def test_weekday_in_the_future(when, text):
    assert when(text, WED) == (date(2023, 9, 24), "day")


def test_trigger_picks_its_own_date(when):
    text = "The UN said on Tuesday that aid would arrive on Friday."
    assert when(text, WED, trigger="said") == (date(2023, 9, 19), "day")
    assert when(text, WED, trigger="arrive") == (date(2023, 9, 22), "day")


# --- month boundary, year boundary -----------------------------------------

def test_across_a_month_boundary(when):
    ref = date(2023, 10, 2)  # Monday
    assert when("Gunmen stormed the village on Saturday.", ref) == (date(2023, 9, 30), "day")
    assert when("Officials said yesterday that 12 died.", date(2023, 10, 1)) == (date(2023, 9, 30), "day")
    assert when("Prices rose last month.", ref) == (date(2023, 9, 1), "month")


def test_across_a_year_boundary(when):
    ref = date(2024, 1, 2)  # Tuesday
    assert when("The strike hit the port late on December 31.", ref) == (date(2023, 12, 31), "day")
    assert when("Troops withdrew on Friday.", ref) == (date(2023, 12, 29), "day")
    assert when("Talks stalled last week.", ref) == (date(2023, 12, 25), "week")
    assert when("Aid deliveries halved last month.", ref) == (date(2023, 12, 1), "month")
    assert when("The envoys will meet on January 5.", ref) == (date(2024, 1, 5), "day")
    # scheduled before the turn of the year, for a date after it
    assert when("The ministers called a meeting for January 3.", date(2023, 12, 29)) == \
        (date(2024, 1, 3), "day")


def test_month_day_takes_the_nearest_year_not_after_publication(when):
    assert when("Azerbaijan launched the offensive late on September 19.", WED) == (date(2023, 9, 19), "day")
    assert when("The town fell on October 3.", WED) == (date(2022, 10, 3), "day")


def test_explicit_dates_and_years(when):
    assert when("The junta seized power on July 26, 2023.", WED) == (date(2023, 7, 26), "day")
    assert when("The group was founded in 2020.", WED) == (date(2020, 1, 1), "year")
    assert when("Parliament was dissolved in March 2021.", WED) == (date(2021, 3, 1), "month")
    assert when("Troops were sent to the border this week.", WED) == (date(2023, 9, 18), "week")


def test_framing_dates_yield_to_the_event_date(when):
    assert when("Since 2020, the army has shelled the town almost daily, and it struck again on Monday.",
                WED, trigger="struck") == (date(2023, 9, 18), "day")


# --- anchors ---------------------------------------------------------------

def test_relative_to_anchor(when):
    anchor = date(2023, 9, 19)
    assert when("A day earlier, shelling hit the bridge.", WED, anchor) == (date(2023, 9, 18), "day")
    assert when("Two days later, the ceasefire collapsed.", WED, anchor) == (date(2023, 9, 21), "day")
    assert when("Three days ago the convoy left.", WED, anchor) == (date(2023, 9, 17), "day")


def test_sentence_dates_carry_the_anchor(nlp):
    doc = nlp("Troops entered the town on Tuesday. A day earlier, drones hit the bridge. "
              "Residents fled.")
    assert sentence_dates(doc, WED) == [(date(2023, 9, 19), "day"), (date(2023, 9, 18), "day"), None]


def test_unknown_reference_leaves_relative_dates_unresolved(when):
    assert when("Rebels attacked the town on Saturday.", None) is None
    assert when("Officials said yesterday that 12 died.", None) is None
    assert when("The strike hit the port late on December 31.", None) is None
    assert when("The junta seized power on July 26, 2023.", None) == (date(2023, 7, 26), "day")


def test_modal_may_is_not_a_month(when):
    assert when("She may attend the summit.", WED) is None
    assert when("The parliament met in May.", WED) == (date(2023, 5, 1), "month")


def test_explicit_date_beats_a_relative_clause(when):
    text = "One day after the talks collapsed, the army launched an offensive on March 4."
    assert when(text, date(2024, 3, 5)) == (date(2024, 3, 4), "day")


def test_inherit_within_a_paragraph_only(nlp):
    doc = nlp("On Sunday, crowds marched through the capital. Some attacked the embassy.\n"
              "Markets reopened.")
    assert sentence_dates(doc, WED) == [(date(2023, 9, 17), "day"), None, None]
    assert sentence_dates(doc, WED, inherit=True) == [(date(2023, 9, 17), "day"),
                                                      (date(2023, 9, 17), "day"), None]


# --- a weekday after a past speech verb; the progressive ---------------------

FRI = date(2024, 3, 8)  # a Friday


@pytest.mark.parametrize("text", [
    "The ministry said on Friday it was suspending flights to the capital.",
    "Officials said Friday they were weighing new curbs on exports.",
    "The company announced on Friday it is closing two plants.",
])
def test_weekday_after_a_past_speech_verb_is_that_day(when, text):
    # the parser hangs "on Friday" on the progressive verb after a missing "that"
    assert when(text, FRI) == (FRI, "day")


def test_past_progressive_is_past_present_progressive_is_future(when):
    assert when("Troops were pulling back on Monday, witnesses said.", WED) == (date(2023, 9, 18), "day")
    assert when("The ministers are meeting on Friday.", WED) == (date(2023, 9, 22), "day")


# --- a dateline is the reference date, not an event date ---------------------

def test_dateline_date_is_no_sentence_date(nlp):
    text = ("BAMAKO, Feb. 12 — The junta said on Tuesday it had expelled the French ambassador.\n"
            "Soldiers patrolled the capital.")
    mon = date(2024, 2, 12)
    assert sentence_dates(nlp(text), mon) == [(date(2024, 2, 6), "day"), None]
    assert sentence_dates(nlp("BAMAKO, Feb. 12 — Soldiers patrolled the capital."), mon) == [None]
    # it still dates the article when nothing else does
    assert reference_date(Article(id="a", text="BAMAKO, Feb. 12, 2024 — Soldiers patrolled.")) == mon
