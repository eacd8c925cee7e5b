"""Plain text -> Article: headline, dateline, markers, credits, paragraphs, id."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest

from wirecoder.ingest import article_from_text
from wirecoder.ingest.plaintext import looks_like_title

WIRE = """Troops Push Into Rebel-Held Valley as Aid Groups Warn of Hunger
[ad_1]
Government troops pushed into the Korengal valley on Tuesday, the defence ministry said, a day after rebels rejected an offer of talks.
The ministry said at least 14 rebels were killed and six soldiers wounded in the fighting.
[ad_2]
"We will not stop until the valley is secure," army spokesman Colonel Idris Nabi told reporters.
Aid groups said hundreds of families had fled towards the provincial capital.
With reporting by Reuters and AFP
[ad_3]"""


def test_wire_story_title_markers_and_credits():
    art = article_from_text(WIRE)
    assert art.title == "Troops Push Into Rebel-Held Valley as Aid Groups Warn of Hunger"
    assert art.credits == ["Reuters", "AFP"]
    assert "[ad_" not in art.text and "With reporting" not in art.text
    assert "Troops Push Into" not in art.text
    lines = art.text.split("\n")
    assert lines[0].startswith("Government troops pushed into the Korengal valley on Tuesday")
    assert lines[-1] == "Aid groups said hundreds of families had fled towards the provincial capital."
    assert len(lines) == 4
    assert art.language == "en"


def test_id_is_sha256_of_cleaned_text():
    art = article_from_text(WIRE)
    assert art.id == hashlib.sha256(art.text.encode("utf-8")).hexdigest()
    # same text with other junk around it -> same id (syndicated copies dedup on it)
    assert article_from_text("Advertisement\n" + WIRE + "\nShare this article").id == art.id


def test_dateline_line_is_not_a_title():
    text = ("TRIPOLI, March 3 — Libya's coast guard said on Sunday it had intercepted a boat carrying "
            "120 migrants off Zuwara.\nThe boat was towed back to port, officials said.")
    art = article_from_text(text)
    assert art.title is None
    assert art.text.startswith("TRIPOLI, March 3 — Libya's coast guard said on Sunday")


def test_title_then_dateline_paragraph():
    text = ("Libyan Coast Guard Intercepts Migrant Boat Off Zuwara\n\n"
            "TRIPOLI, March 3 —\nLibya's coast guard said on Sunday it had intercepted a boat.\n\n"
            "The boat was towed back to port, officials said.")
    art = article_from_text(text)
    assert art.title == "Libyan Coast Guard Intercepts Migrant Boat Off Zuwara"
    assert art.text.split("\n")[0] == (
        "TRIPOLI, March 3 — Libya's coast guard said on Sunday it had intercepted a boat.")


def test_sentence_first_line_is_not_a_title():
    text = ("Police arrested 30 protesters in Dakar on Friday, a police spokesman said.\n"
            "The protesters had blocked a main road.")
    assert article_from_text(text).title is None
    quoted = ('"We will not leave," said a protester in Dakar.\nPolice fired tear gas.')
    assert article_from_text(quoted).title is None


def test_detect_title_off_and_explicit_title():
    text = "Army Retakes Bridge\nThe army retook the bridge on Monday."
    assert article_from_text(text, detect_title=False).text == text
    art = article_from_text(text, title="Army Retakes Bridge", url="https://x.example/a",
                            source="X Daily", published=date(2024, 5, 6))
    assert art.text == "The army retook the bridge on Monday."  # repeated headline dropped
    assert (art.title, art.url, art.source, art.published) == (
        "Army Retakes Bridge", "https://x.example/a", "X Daily", date(2024, 5, 6))


def test_hard_wrapped_paragraphs_are_rejoined():
    text = ("Storm Cuts Power to Coastal Towns\n\n"
            "A storm cut power to thousands of homes along the coast on Monday, and\n"
            "officials said repairs could take a week.\n\n"
            "Schools in three districts were closed, the regional governor said in a\n"
            "statement on Monday evening.\n")
    art = article_from_text(text)
    assert art.title == "Storm Cuts Power to Coastal Towns"
    assert art.text.split("\n") == [
        "A storm cut power to thousands of homes along the coast on Monday, and officials said "
        "repairs could take a week.",
        "Schools in three districts were closed, the regional governor said in a statement on "
        "Monday evening.",
    ]


def test_breadcrumb_and_stamp_before_title():
    text = ("Home > World > Africa\nUpdated: May 2, 2024 08:15\n"
            "Flooding Displaces Thousands in Northern Kenya\n"
            "Floods displaced at least 4,000 people in Marsabit county, the Red Cross said.\n"
            "Share this article")
    art = article_from_text(text)
    assert art.title == "Flooding Displaces Thousands in Northern Kenya"
    assert art.text == "Floods displaced at least 4,000 people in Marsabit county, the Red Cross said."
    assert art.published == date(2024, 5, 2)
    assert article_from_text(text, published=date(2024, 5, 3)).published == date(2024, 5, 3)


def test_text_is_nfc_normalised():
    decomposed = "Cafe\u0301 owners in Bogota\u0301 protested, police said.\nThey dispersed."
    art = article_from_text(decomposed)
    assert "Café owners in Bogotá" in art.text


@pytest.mark.parametrize("line, is_title", [
    ("Gen. Okoro Visits Troops in Maiduguri", True),
    ("U.S. Sanctions Iranian Drone Makers", True),
    ("Why Did the Talks in Doha Fail?", True),
    ("Sudan: Army Shells Market in Omdurman", True),
    ("UKRAINE - RUSSIA TALKS RESUME", True),
    ("Army Retakes Town. Rebels Flee North", False),
    ("KHARTOUM, June 9 —", False),
    ("Kyiv, June 9 (Reuters) -", False),
    ("Goma (AFP) —", False),
    ("By Ruth Okello in Kampala", False),
    ("the army said on Monday", False),
])
def test_headline_shapes(line, is_title):
    assert looks_like_title(line) is is_title
