"""The phrase-matching EntityRuler finds exactly what spaCy's EntityRuler finds with the
same patterns, our own tables included."""
from __future__ import annotations

import spacy

from wirecoder.nlp import MODEL, ruler_patterns
from wirecoder.nlp.ruler import PhraseEntityRuler

TEXT = ("The United Nations and the UNITED NATIONS refugee agency said on Monday that aid had reached "
        "Goma. united nations staff left Kabul and Yerevan, and the African Union met in Addis Ababa. "
        "Police in Nairobi said protesters had blocked the road to the airport.")


def _pipelines():
    made = []
    for factory in ("entity_ruler", "wirecoder_entity_ruler"):
        nlp = spacy.load(MODEL, exclude=["ner"])
        made.append(nlp.add_pipe(factory, name="entity_ruler",
                                 config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}))
        made[-1].nlp_ = nlp
    return made


def _ents(ruler, text):
    doc = ruler.nlp_(text)
    return [(e.text, e.label_, e.start, e.end) for e in doc.ents]


def test_same_entities_as_spacys_ruler_on_our_tables():
    spacy_ruler, ours = _pipelines()
    patterns = ruler_patterns()
    spacy_ruler.add_patterns(patterns)
    ours.add_patterns(patterns)
    assert isinstance(ours, PhraseEntityRuler)
    assert len(ours.token_patterns) == 0  # every table pattern became a phrase
    expected = _ents(spacy_ruler, TEXT)
    assert ("UNITED NATIONS", "ORG", 5, 7) in expected and ("united nations", "ORG", 18, 20) in expected
    assert _ents(ours, TEXT) == expected


def test_patterns_with_operators_still_use_the_token_matcher():
    spacy_ruler, ours = _pipelines()
    patterns = [{"label": "ORG", "pattern": [{"LOWER": "red"}, {"LOWER": "cross", "OP": "?"}], "id": "RC"},
                {"label": "GPE", "pattern": [{"ORTH": "Goma"}]},
                {"label": "ORG", "pattern": "African Union"}]
    spacy_ruler.add_patterns(patterns)
    ours.add_patterns(patterns)
    assert len(ours.token_patterns) == 1
    text = "The Red Cross and the African Union sent aid to Goma; red teams followed."
    assert _ents(ours, text) == _ents(spacy_ruler, text)
    assert [e.ent_id_ for e in ours.nlp_(text).ents if e.label_ == "ORG"][:1] == ["RC"]
