"""The one spaCy pipeline: our rulers ahead of NER, paragraphs as sentence ends."""
from wirecoder.nlp import get_nlp, parse


def test_pipeline_is_loaded_once_with_ruler_before_ner():
    nlp = get_nlp()
    assert nlp is get_nlp()
    names = nlp.pipe_names
    assert names.index("paragraph_breaks") < names.index("parser")
    assert names.index("entity_ruler") < names.index("ner")


def test_known_places_and_bodies_are_labelled_from_our_tables():
    doc = parse(["Officials in Yerevan and Stepanakert said ECOWAS and the Kremlin had been told."])[0]
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels["Yerevan"] == "GPE" and labels["Stepanakert"] == "GPE"
    assert labels["ECOWAS"] == "ORG"
    assert "PERSON" not in labels.values()


def test_a_line_break_ends_a_sentence():
    text = 'The ministry wrote on its website.\nHundreds of people marched in Quito.\n"We are tired," one said.'
    doc = parse([text])[0]
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["The ministry wrote on its website.", "Hundreds of people marched in Quito.",
                     '"We are tired," one said.']


def test_parse_keeps_order_across_batches():
    texts = [f"Report number {i} came from Kabul." for i in range(40)]
    docs = parse(texts, batch_size=7)
    assert [d.text for d in docs] == texts
