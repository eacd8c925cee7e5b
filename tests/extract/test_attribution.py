"""Attribution: who says so, for the clause holding a given word."""
from __future__ import annotations

import pytest

from wirecoder.extract.attribution import attributions
from wirecoder.extract.claimants import claimant
from wirecoder.models import Article
from wirecoder.pipeline import prepare_context




def word(sent, text):
    return next(t for t in sent if t.text == text)


def claim(nlp, text, trigger):
    ctx = prepare_context(Article(id="t", text=text), nlp(text))
    sent = next(ctx.doc.sents)
    return claimant(sent, ctx, word(sent, trigger))


@pytest.mark.parametrize("text, trigger, code", [
    ("Azerbaijan's Defence Ministry said its forces had seized 12 positions.", "seized", "AZE"),
    ("Its forces seized 12 positions, Azerbaijan's Defence Ministry said.", "seized", "AZE"),
    ("Ethiopia's Defence Ministry has claimed to have recaptured two towns.", "recaptured", "ETH"),
    ("Israeli troops shelled the camp, according to the Palestinian health ministry.", "shelled", "PSE"),
    ("Ukraine's military told reporters that Russian forces had shelled Kharkiv overnight.", "shelled", "UKR"),
    ("Armenia's Defence Ministry said the village was shelled and two houses were destroyed.",
     "destroyed", "ARM"),
])
def test_claimant_of_reported_clause(nlp, text, trigger, code):
    actor = claim(nlp, text, trigger)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("text, trigger", [
    ("Russian troops shelled the town on Monday.", "shelled"),             # the article's own voice
    ("Reports said Russian troops shelled the town.", "shelled"),          # anonymous reports
    ("Witnesses said Russian troops shelled the town.", "shelled"),        # unnamed witnesses
    ("Armenia's Defence Ministry said Russian troops shelled the town.", "said"),  # the speech itself
    ("Russia's army, which shelled the town, said it had withdrawn.", "shelled"),  # relative clause of the speaker
])
def test_no_claimant(nlp, text, trigger):
    assert claim(nlp, text, trigger) is None


def test_attributions_lists_verb_speaker_and_content(nlp):
    text = "Colonel Ali Hassan, a spokesman for Sudan's army, told state television that the airport had reopened."
    ctx = prepare_context(Article(id="t", text=text), nlp(text))
    sent = next(ctx.doc.sents)
    (att,) = attributions(sent, ctx)
    assert att.verb.text == "told"
    assert att.speaker is not None and "Hassan" in att.speaker.name and att.speaker.country == "SDN"
    assert att.content.text == "the airport had reopened"


def test_attributions_with_according_to_and_adding(nlp):
    text = ("The talks failed, Egypt's foreign minister said, adding that new talks would follow, "
            "according to state media.")
    ctx = prepare_context(Article(id="t", text=text), nlp(text))
    sent = next(ctx.doc.sents)
    atts = attributions(sent, ctx)
    verbs = [a.verb.text for a in atts]
    assert verbs == ["said", "adding", "according"]
    said, adding, _according = atts
    assert said.speaker is not None and said.speaker.code == "EGY"
    assert adding.speaker is not None and adding.speaker.code == "EGY"  # subject of "said"
    assert adding.content.text == "new talks would follow"


@pytest.mark.parametrize("text, trigger", [
    # a participle without a subject of its own is the speaker's own act, not hearsay
    ("Peru warned Chile on Monday, repeating its earlier threat.", "warned"),
    ("Peru condemned the raid, stressing its commitment to the treaty.", "condemned"),
    ("Peru warned that it would expel the ambassador.", "warned"),
])
def test_speech_verbs_own_clause_has_no_claimant(nlp, text, trigger):
    assert claim(nlp, text, trigger) is None


def test_reporting_verb_with_its_own_subject_still_claims_the_clause(nlp):
    actor = claim(nlp, "Five soldiers were killed in the ambush, Kenya's defence ministry said.", "killed")
    assert actor is not None and actor.code == "KEN"


def test_claim_inside_a_quote_that_runs_over_sentences_is_the_speakers(nlp):
    text = ("Amina Bello, Nigeria's defence minister, spoke on Monday. \u201cThe rebels shelled the "
            "hospital twice. We held the line,\u201d she said.")
    ctx = prepare_context(Article(id="t", text=text), nlp(text))
    sent = next(s for s in ctx.doc.sents if "shelled" in s.text)
    assert "said" not in sent.text  # the claim stands in a sentence of its own
    actor = claimant(sent, ctx, word(sent, "shelled"))
    assert actor is not None and "Bello" in actor.name and actor.country == "NGA"


def test_the_group_resolves_to_the_group_named_as_subject_before(nlp):
    text = ("The Liberation Front for Kivu took responsibility for the ambush. "
            "The group said its fighters had killed 17 soldiers.")
    ctx = prepare_context(Article(id="t", text=text), nlp(text))
    sent = list(ctx.doc.sents)[1]
    actor = claimant(sent, ctx, word(sent, "killed"))
    assert actor is not None and actor.name == "Liberation Front for Kivu"


def test_the_group_never_points_back_to_a_government(nlp):
    # the only body before it is a government: "the group" keeps its own description
    text = "Kenya's government said on Monday that talks had failed. The group said the accusation was false."
    ctx = prepare_context(Article(id="t", text=text), nlp(text))
    sent = list(ctx.doc.sents)[1]
    actor = claimant(sent, ctx, word(sent, "false"))
    assert actor is not None and actor.name == "group" and actor.code is None
    assert actor.mentions == [(text.index("group"), text.index("group") + len("group"))]


@pytest.mark.parametrize("text, trigger, name", [
    # a carrier noun's source: "a tally by X", "a statement from X", "X's report"
    ("According to a tally by Reuters, the militia seized 14 villages.", "seized", "Reuters"),
    ("According to a statement from the Kenya Roads Authority, floods destroyed 300 homes.", "destroyed",
     "Kenya Roads Authority"),
    # "said in a statement that ..." parsed as the statement's own clause
    ("The coast guard said in a statement that 40 migrants were rescued.", "rescued", "coast guard"),
])
def test_claimant_behind_statements_and_tallies(nlp, text, trigger, name):
    actor = claim(nlp, text, trigger)
    assert actor is not None and name.lower() in actor.name.lower()


def test_the_group_refers_to_the_group_named_before_not_the_last_body(nlp):
    text = ("The Kivu Security Tracker group said 11 civilians were killed. The UN said aid was "
            "suspended. Over 60 homes were torched, the group said.")
    ctx = prepare_context(Article(id="t", text=text), nlp(text))
    sent = list(ctx.doc.sents)[-1]
    actor = claimant(sent, ctx, word(sent, "torched"))
    assert actor is not None and "Kivu Security Tracker" in actor.name


def test_speaker_of_one_paragraph_never_claims_the_next(nlp):
    # spaCy may run "... wrote on X.\nHundreds ..." into one sentence
    text = ('"We never target markets," militia adviser Omar Idris wrote on X.\n'
            "More than 30 people were arrested by police in the capital.")
    ctx = prepare_context(Article(id="t", text=text), nlp(text))
    arrested = next(t for t in ctx.doc if t.text == "arrested")
    assert claimant(arrested.sent, ctx, arrested) is None


def test_a_dateline_parsed_as_the_subject_is_no_speaker(extract):
    # the parse hangs the speaker on the dateline as its apposition
    got = extract("CONAKRY, May 5 — Guinea's ruling junta said on Monday it was suspending two newspapers.")
    assert [(q.speaker.name, q.speaker.code) for q in got.quotes] == [("junta", "GIN")]
    assert all(a.name != "CONAKRY" for a in got.actors)
    got = extract("BAMAKO, Feb 2 — Mali's military government said on Friday it was expelling the French envoy.")
    assert [q.speaker.code for q in got.quotes] == ["MLI"]
