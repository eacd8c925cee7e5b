"""Cleaning: scraper artefacts out, credit lines into credits, prose untouched."""
from __future__ import annotations

import pytest

from wirecoder.ingest.clean import clean_text, is_artefact, parse_byline, parse_credit_line


@pytest.mark.parametrize("line", [
    "Advertisement",
    "ADVERTISEMENT",
    "Advertisement - Scroll to continue",
    "Story continues below advertisement",
    "Sponsored content",
    "Home > World > Europe",
    "Home / News / Asia",
    "World » Africa » Sahel",
    "Terms of use | Privacy | Send us a news tip",
    "Share via WhatsApp Tweet this Copy link",
    "Share this article",
    "Facebook Twitter Email Print",
    "READ MORE: Army shells market in border town",
    "Related: Talks collapse in Doha",
    "Sign up for our weekly Sahel newsletter",
    "We use cookies to personalise content and ads and to analyse our traffic.",
    "Cookie settings",
    "© 2024 Daily Wire Ltd. All rights reserved.",
    "Updated: June 9, 2023 10:21 GMT",
    "Published 3 hours ago",
    "June 9, 2023",
    "5 min read",
    "Skip to main content",
    "Residents wade through floodwater. Photo: Staff photographer",
    "The post Army shells market appeared first on Daily Wire.",
    "Want more stories like this? Our Africa newsletter brings you the best of our coverage.",
    "Support independent journalism in the Sahel. Become a member today.",
    "Home",
])
def test_artefact_lines_are_recognised(line):
    assert is_artefact(line)


@pytest.mark.parametrize("line", [
    "Published figures showed at least 12 people were killed.",
    "I agree with the minister's decision, she said.",
    "Privacy advocates condemned the new surveillance law.",
    "Video footage showed soldiers firing on the crowd.",
    "Related talks will resume in Geneva next week.",
    "Prices rose 5% / year, the central bank said.",
    "By Tuesday evening, 40 people had been detained.",
    "Reporting by the state broadcaster suggested at least 30 had died.",
    "KHARTOUM, June 9 — Sudan's army said on Friday it had retaken the bridge.",
    "Neighbouring countries contributed troops to the mission.",
    "Share prices in Lagos fell 3% on Monday.",
    "The ministry said in its weekly newsletter that 12 people were killed.",
    "Support for the rebels has grown in the north, residents said.",
])
def test_prose_is_not_an_artefact_or_credit(line):
    assert not is_artefact(line)
    assert parse_credit_line(line) is None


@pytest.mark.parametrize("line, names", [
    ("With reporting by Reuters, AFP, and DPA", ["Reuters", "AFP", "DPA"]),
    ("With reporting by Reuters and AP", ["Reuters", "AP"]),
    ("Reporting by Jane Doe in Paris; Editing by John Roe", ["Jane Doe", "John Roe"]),
    ("(Reporting by Jane Doe and Tom Hale in Kyiv; Additional reporting by Ali Reza; "
     "Writing by Mark Lee; Editing by Ann Fox)", ["Jane Doe", "Tom Hale", "Ali Reza", "Mark Lee", "Ann Fox"]),
    ("Additional reporting by Sam Okafor", ["Sam Okafor"]),
    ("Reporting by John A. Smith. Editing by Ann Fox", ["John A. Smith", "Ann Fox"]),
    ("Associated Press writers Jane Doe in Kyiv and John Roe in London contributed to this report.",
     ["Associated Press", "Jane Doe", "John Roe"]),
    ("Reuters contributed to this report.", ["Reuters"]),
    ("Contributing: Ana Silva", ["Ana Silva"]),
])
def test_credit_lines_give_exact_names(line, names):
    assert parse_credit_line(line) == names


@pytest.mark.parametrize("line, names", [
    ("By Ruth Okello in Kampala", ["Ruth Okello"]),
    ("By Ruth Okello, Nairobi", ["Ruth Okello"]),
    ("By Ruth Okello and Omar Farouk, Reuters", ["Ruth Okello", "Omar Farouk", "Reuters"]),
    ("By Ruth Okello | Xinhua", ["Ruth Okello", "Xinhua"]),
    ("By Tuesday evening the road was open", None),
])
def test_bylines(line, names):
    assert parse_byline(line) == names


def test_clean_text_removes_markers_credits_and_blank_lines():
    raw = ("Rebels shelled the town [ad_1] on Monday, the army said.\n\n\n[ad_2]\n"
           "Advertisement\n"
           "Officials said at least 9 people died. (Reporting by Lina Haddad; Editing by Ann Fox)\n"
           "\n[ads]\nWith reporting by AFP\n")
    cleaned = clean_text(raw)
    assert cleaned.text == ("Rebels shelled the town on Monday, the army said.\n"
                            "Officials said at least 9 people died.")
    assert cleaned.credits == ["Lina Haddad", "Ann Fox", "AFP"]


def test_meta_row_with_byline_gives_the_writer():
    cleaned = clean_text("By Jane Doe | June 9, 2023 | 4 min read\n"
                         "The army said on Sunday it had struck a rebel convoy near Gao.")
    assert cleaned.text == "The army said on Sunday it had struck a rebel convoy near Gao."
    assert cleaned.credits == ["Jane Doe"]
