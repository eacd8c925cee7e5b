"""The bundled actor knowledge base: look-ups, demonyms, the noun lexicon, ruler patterns."""
from __future__ import annotations

import json

import pytest

from wirecoder.data import actors as kbmod
from wirecoder.data.actors import get_actor_kb, normalise


@pytest.fixture(scope="module")
def kb():
    return get_actor_kb()


@pytest.mark.parametrize("phrase, code", [
    ("the United States", "USA"), ("United States", "USA"), ("U.S.", "USA"), ("US", "USA"),
    ("America", "USA"), ("Britain", "GBR"), ("UK", "GBR"), ("U.K.", "GBR"), ("Russia", "RUS"),
    ("Iran", "IRN"), ("South Korea", "KOR"), ("Ivory Coast", "CIV"), ("Côte d\u2019Ivoire", "CIV"),
    ("Turkey", "TUR"), ("Kosovo", "XKX"), ("Niger", "NER"), ("Nigeria", "NGA"),
])
def test_state_names_and_short_forms(kb, phrase, code):
    entry = kb.lookup(phrase)
    assert entry is not None and entry.kind == "state"
    assert (entry.code, entry.country, entry.sector) == (code, code, "GOV")


def test_acronyms_match_only_in_capitals(kb):
    # "us" and "who" are English words; only the capitalised acronyms are actors.
    assert kb.lookup("us") is None
    assert kb.lookup("who") is None
    assert kb.lookup("WHO").code == "WHO"
    assert kb.lookup("AU").code == "AU"
    assert normalise("U.S.") == normalise("US") == "=US"


@pytest.mark.parametrize("phrase, code, country, sector, kind", [
    ("Moscow", "RUS", "RUS", "GOV", "capital"),
    ("Baku", "AZE", "AZE", "GOV", "capital"),
    ("Kremlin", "RUS", "RUS", "GOV", "capital"),
    ("the White House", "USA", "USA", "GOV", "capital"),
    ("Downing Street", "GBR", "GBR", "GOV", "capital"),
    ("Brussels", "EU", None, "IGO", "capital"),
    ("State Department", "USA", "USA", "GOV", "organ"),
    ("Pentagon", "USA", "USA", "MIL", "organ"),
    ("Defense Ministry", None, None, "MIL", "organ"),
    ("Ministry of Foreign Affairs", None, None, "GOV", "organ"),
    ("UN Security Council", "UN", None, "IGO", "organ"),
    ("General Assembly", "UN", None, "IGO", "organ"),
    ("UNHCR", "UN", None, "IGO", "organ"),
    ("World Food Programme", "UN", None, "IGO", "organ"),
    ("European Commission", "EU", None, "IGO", "organ"),
    ("Economic Community of West African States", "ECOWAS", None, "IGO", "org"),
    ("ECOWAS", "ECOWAS", None, "IGO", "org"),
    ("Arab League", "ARAB_LEAGUE", None, "IGO", "org"),
    ("International Committee of the Red Cross", "ICRC", None, "NGO", "org"),
    ("Doctors Without Borders", "MSF", None, "NGO", "org"),
    ("Human Rights Watch", "HRW", None, "NGO", "org"),
    ("World Bank", "WB", None, "IGO", "org"),
])
def test_metonyms_organisations_and_organs(kb, phrase, code, country, sector, kind):
    e = kb.lookup(phrase)
    assert e is not None, phrase
    assert (e.code, e.country, e.sector, e.kind) == (code, country, sector, kind)


def test_every_spec_organisation_code_is_in_the_kb(kb):
    codes = {e.code for e in kb.entries() if e.kind == "org"}
    spec = {"UN", "EU", "NATO", "OSCE", "AU", "ASEAN", "CSTO", "CIS", "OAS", "ARAB_LEAGUE", "GCC", "OIC",
            "ICRC", "IAEA", "WHO", "WB", "IMF", "ICC", "ICJ", "ECOWAS", "IGAD", "SADC", "MSF", "HRW", "AMNESTY"}
    assert spec <= codes


@pytest.mark.parametrize("word, code", [
    ("Azerbaijani", "AZE"), ("Azeri", "AZE"), ("Armenians", "ARM"), ("French", "FRA"),
    ("Nigerian", "NGA"), ("Nigerien", "NER"), ("Britons", "GBR"), ("Filipinos", "PHL"),
    ("Pakistani", "PAK"), ("Emirati", "ARE"),
])
def test_demonyms(kb, word, code):
    assert kb.demonym(word) == code


def test_ethnic_groups_are_not_states(kb):
    kurds = kb.lookup("Kurds")
    assert kurds.kind == "ethnic" and kurds.code is None and kurds.country is None
    assert kb.demonym("Kurds") is None


@pytest.mark.parametrize("lemma, expected", [
    ("police", ("COP", None)), ("riot police", ("COP", None)), ("spokesman", (None, "spokesman")),
    ("president", ("GOV", "President")), ("prime minister", ("GOV", "Prime Minister")),
    ("peacekeeper", ("MIL", None)), ("junta", ("MIL", None)), ("rebel", ("REB", None)),
    ("saboteur", ("REB", None)), ("protester", ("CVL", None)), ("judge", ("JUD", "judge")),
    ("lawmaker", ("LEG", "lawmaker")), ("party", ("PTY", None)), ("opposition", ("OPP", None)),
    ("journalist", ("MED", "journalist")), ("aid agency", ("NGO", None)), ("company", ("BUS", None)),
    ("cleric", ("REL", "cleric")), ("doctor", ("HLH", "doctor")), ("ombudsman", (None, "ombudsman")),
])
def test_noun_lexicon(kb, lemma, expected):
    assert kb.noun_sector(lemma) == expected


def test_unknown_noun_is_none(kb):
    assert kb.noun_sector("banana") is None
    assert kb.lookup("Atlantis") is None


def test_ruler_patterns_load_into_spacy_and_tag_names(kb):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    patterns = kb.ruler_patterns()
    assert all(p["label"] in ("GPE", "NORP", "ORG") for p in patterns)
    ruler.add_patterns(patterns)
    doc = nlp("The U.S. and the UN Security Council urged Azerbaijani forces and ECOWAS to help us.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("U.S.", "GPE", "USA") in ents
    assert ("UN Security Council", "ORG", "UN") in ents
    assert ("Azerbaijani", "NORP", "AZE") in ents
    assert ("ECOWAS", "ORG", "ECOWAS") in ents
    assert not any(e.text == "us" for e in doc.ents)


def test_committed_kb_is_exactly_what_the_build_script_makes():
    """actors.json is generated, never hand-patched: rebuilding gives the same data."""
    from wirecoder.data.build_actors import Builder

    built = json.loads(json.dumps(Builder().build(), ensure_ascii=False))
    committed = json.loads(kbmod.KB_PATH.read_text(encoding="utf-8"))
    assert built == committed


def test_build_rejects_a_name_with_two_meanings(tmp_path, monkeypatch):
    from wirecoder.data import build_actors

    for f in build_actors.CURATED.glob("*.tsv"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    with open(tmp_path / "capitals.tsv", "a", encoding="utf-8") as fh:
        fh.write("Paris\tDEU\n")
    monkeypatch.setattr(build_actors, "CURATED", tmp_path)
    with pytest.raises(build_actors.BuildError, match="Paris"):
        build_actors.Builder().build()


def test_states_alone_is_no_name_of_the_united_states(kb):
    # "West African States", "member states", "Gulf States" must not become the USA.
    assert kb.lookup("States") is None and kb.lookup("the States") is None and kb.lookup("states") is None
    assert kb.lookup("the United States").code == "USA"


def test_one_organ_many_names_and_the_nouns_that_point_back(kb):
    names = {kb.lookup(n).name for n in ("WFP", "World Food Programme", "UN food agency", "World Food Program")}
    assert names == {"World Food Programme"}
    assert "agency" in kb.organ_nouns("World Food Programme")
    assert kb.lookup("Ministry of Defence").name == kb.lookup("Defense Ministry").name == "Defense Ministry"
    assert kb.lookup("presidential guard").sector == "MIL"
    assert kb.lookup("European Union Mission").code == "EU"


def test_armed_groups_are_their_own_kind_with_where_they_fight(kb):
    jnim = kb.lookup("JNIM")
    assert (jnim.kind, jnim.code, jnim.sector) == ("armed", "MLI", "REB")
    assert kb.lookup("Jama\u2019at Nusrat al-Islam wal-Muslimin").name == "JNIM"
    assert {"BFA", "NER"} <= set(kb.armed_scope("JNIM"))
    assert kb.armed_scope("Houthis") == []
    assert kb.lookup("Houthi movement").name == "Houthis"
    isis = kb.lookup("Islamic State")
    assert (isis.kind, isis.code) == ("armed", None)


def test_curly_apostrophe_names_are_tagged_too(kb):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(kb.ruler_patterns())
    doc = nlp("Fighters of Jama\u2019at Nusrat al-Islam wal-Muslimin attacked the base.")
    assert any(e.ent_id_ == "MLI" and e.label_ == "ORG" for e in doc.ents)


def test_noun_flags_for_titles_offices_and_platforms(kb):
    sg = kb.noun("secretary-general")
    assert (sg.sector, sg.country) == ("IGO", "UN")       # the UN's unless another body is named
    assert kb.noun("mayor").local and not kb.noun("president").local
    assert kb.noun("drone").asset and kb.noun("drone").sector == "MIL"
    assert kb.noun("head").explicit_only                  # "the head of X", not "shot in the head"
    assert kb.noun("vessel").explicit_only and kb.noun("vessel").sector is None
    assert kb.noun_sector("military base") == ("MIL", None)
    assert kb.noun("politician").weak                     # "opposition politician" is OPP


def test_build_rejects_other_states_of_a_group_without_its_own(tmp_path, monkeypatch):
    from wirecoder.data import build_actors

    for f in build_actors.CURATED.glob("*.tsv"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    with open(tmp_path / "armed_groups.tsv", "a", encoding="utf-8") as fh:
        fh.write("\tMLI|NER\tREB\tSahel Brigade\n")
    monkeypatch.setattr(build_actors, "CURATED", tmp_path)
    with pytest.raises(build_actors.BuildError, match="needs a home code"):
        build_actors.Builder().build()


@pytest.mark.parametrize("term", ["union", "trade union", "labour union", "federation"])
def test_labour_bodies_are_civilian_organisations(kb, term):
    info = kb.noun(term)
    assert info is not None and info.sector == "CVL" and info.body


def test_seat_of_government_that_is_not_the_capital(kb):
    entry = kb.lookup("The Hague")
    assert entry is not None and (entry.kind, entry.code) == ("capital", "NLD")
