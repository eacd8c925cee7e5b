"""Parser slips repaired after parsing (wirecoder.nlp.repairs). Sentences written for these tests."""
from __future__ import annotations


def _tok(doc, text):
    return next(t for t in doc if t.text == text)


def test_perfect_participle_read_as_adjective_is_the_clause_verb(nlp):
    doc = nlp("The militia denied that its gunmen had targeted civilians.")
    verb = _tok(doc, "targeted")
    assert verb.pos_ == "VERB" and verb.head.text == "denied"
    assert _tok(doc, "civilians").head == verb and _tok(doc, "civilians").dep_ == "dobj"
    assert _tok(doc, "gunmen").head == verb and _tok(doc, "had").head == verb


def test_a_real_adjective_after_a_noun_is_left_alone(nlp):
    doc = nlp("The army had armoured vehicles on the bridge.")
    assert _tok(doc, "vehicles").head.text == "had"


def test_denied_attack_after_the_repair_is_a_negated_assault(extract):
    events = extract("The militia denied that its gunmen had targeted civilians.").events
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].negated
