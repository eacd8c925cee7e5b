"""The in-article actor resolver, on short news-style sentences written for these tests."""
from __future__ import annotations

import pytest

from wirecoder.extract.actors import ActorTable, extract_actors
from wirecoder.extract.context import Context
from wirecoder.models import Actor, Article


def resolve(nlp, text: str) -> tuple[ActorTable, object]:
    doc = nlp(text)
    ctx = Context(article=Article(id="t", text=text), doc=doc)
    return extract_actors(ctx), doc


def tok(doc, word: str, nth: int = 0):
    """The nth token whose text is `word`."""
    hits = [t for t in doc if t.text == word]
    assert len(hits) > nth, f"{word!r} not in {doc.text!r}"
    return hits[nth]


def codes(actor: Actor | None):
    return None if actor is None else (actor.code, actor.country, actor.sector)


def mention_texts(text: str, actor: Actor) -> list[str]:
    return [text[s:e] for s, e in actor.mentions]


# -- metonyms, states, short forms ---------------------------------------------------------
def test_capital_as_actor_is_the_state_government(nlp):
    text = "Moscow called on both sides to stop the fighting. Baku's offensive continued."
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Moscow"))) == ("RUS", "RUS", "GOV")
    baku = table.for_token(tok(doc, "Baku"))
    assert codes(baku) == ("AZE", "AZE", "GOV")
    assert baku.name == "Azerbaijan"   # the state it stands for


def test_seats_of_government_and_brussels(nlp):
    text = ("The Kremlin rejected the plan. Downing Street said it was disappointed. "
            "Brussels said it would send monitors.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Kremlin"))) == ("RUS", "RUS", "GOV")
    assert codes(table.for_token(tok(doc, "Street"))) == ("GBR", "GBR", "GOV")
    brussels = table.for_token(tok(doc, "Brussels"))
    assert (brussels.code, brussels.country) == ("EU", None)
    # "it" after Downing Street and after Brussels: the seat just named.
    assert table.for_token(tok(doc, "it", 0)).code == "GBR"
    assert table.for_token(tok(doc, "it", 1)).code == "EU"


def test_we_inside_a_quote_is_its_speaker(nlp):
    text = ("\u201cWe call on the parties to stop the bloodshed,\u201d the Russian Foreign Ministry said. "
            "Farmers in Sindh said: \u201cNobody has brought us food.\u201d")
    table, doc = resolve(nlp, text)
    ministry = table.for_token(tok(doc, "Ministry"))
    assert codes(ministry) == ("RUS", "RUS", "GOV")
    assert table.for_token(tok(doc, "We")) is ministry
    assert codes(table.for_token(tok(doc, "us"))) == ("PAK", "PAK", "CVL")


def test_pleonastic_it_is_no_actor(nlp):
    text = "Russia said on Friday that it was unclear whether the talks would resume."
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "it")) is None


def test_us_with_periods_and_one_actor_for_all_its_names(nlp):
    text = ("The U.S. imposed new sanctions on Caracas on Monday. Washington said the United States "
            "would not recognise the vote. They told us nothing.")
    table, doc = resolve(nlp, text)
    us = table.for_token(tok(doc, "U.S."))
    assert codes(us) == ("USA", "USA", "GOV")
    assert table.for_token(tok(doc, "Washington")) is us
    assert table.for_token(tok(doc, "States")) is us
    assert us.name == "United States"
    assert table.for_token(tok(doc, "us")) is None          # the pronoun, not the country
    assert codes(table.for_token(tok(doc, "Caracas"))) == ("VEN", "VEN", "GOV")  # "sanctions on Caracas"


def test_capital_after_locative_preposition_is_a_place_not_an_actor(nlp):
    text = "Protesters gathered in Yerevan on Tuesday. The minister flew to Paris for talks."
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "Yerevan")) is None
    assert table.for_token(tok(doc, "Paris")) is None
    protesters = table.for_token(tok(doc, "Protesters"))
    assert codes(protesters) == ("ARM", "ARM", "CVL")   # country from the place in the sentence


# -- demonyms and organs -------------------------------------------------------------------
def test_demonym_modifiers_give_the_country(nlp):
    text = "Russian peacekeepers escorted the convoy while Nigerian troops guarded the border."
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "peacekeepers"))) == ("RUS", "RUS", "MIL")
    assert codes(table.for_token(tok(doc, "troops"))) == ("NGA", "NGA", "MIL")
    assert table.for_token(tok(doc, "peacekeepers")).name == "Russian peacekeepers"


def test_organ_with_possessive_state_and_the_ministry_later(nlp):
    text = ("Azerbaijan's Defense Ministry said its forces had seized 40 posts. "
            "The ministry later said it had stopped the operation.")
    table, doc = resolve(nlp, text)
    ministry = table.for_token(tok(doc, "Ministry"))
    assert codes(ministry) == ("AZE", "AZE", "MIL")
    assert ministry.name == "Azerbaijan's Defense Ministry"
    assert table.for_token(tok(doc, "ministry")) is ministry
    assert table.for_token(tok(doc, "it")) is ministry
    assert mention_texts(text, ministry) == ["Azerbaijan's Defense Ministry", "its", "ministry", "it"]
    # The possessor is its own phrase: the state.
    assert codes(table.for_token(tok(doc, "Azerbaijan"))) == ("AZE", "AZE", "GOV")


def test_organ_with_demonym_and_state_organ_names(nlp):
    text = ("The Russian Foreign Ministry urged restraint. The State Department and the Pentagon "
            "declined to comment.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Ministry"))) == ("RUS", "RUS", "GOV")
    assert table.for_token(tok(doc, "Ministry")).name == "Russian Foreign Ministry"
    assert codes(table.for_token(tok(doc, "Department"))) == ("USA", "USA", "GOV")
    assert codes(table.for_token(tok(doc, "Pentagon"))) == ("USA", "USA", "MIL")


# -- people ----------------------------------------------------------------------------------
def test_person_with_title_then_surname_and_pronoun(nlp):
    text = ("Armenian Prime Minister Nikol Pashinian said on Monday that talks had failed. "
            "Pashinian told lawmakers he would not resign.")
    table, doc = resolve(nlp, text)
    p = table.for_token(tok(doc, "Pashinian", 0))
    assert (p.name, p.code, p.country, p.sector, p.role) == ("Nikol Pashinian", "ARM", "ARM", "GOV", "Prime Minister")
    assert table.for_token(tok(doc, "Pashinian", 1)) is p
    assert table.for_token(tok(doc, "he")) is p
    assert mention_texts(text, p) == ["Armenian Prime Minister Nikol Pashinian", "Pashinian", "he"]


def test_she_resolves_to_the_woman_not_the_man_named_last(nlp):
    text = ("French Foreign Minister Catherine Colonna met Spanish Foreign Minister Jose Albares in Madrid. "
            "Later, a spokeswoman, Anne Roux, said she expected an agreement.")
    table, doc = resolve(nlp, text)
    colonna = table.for_token(tok(doc, "Colonna"))
    assert codes(colonna) == ("FRA", "FRA", "GOV") and colonna.role == "Foreign Minister"
    albares = table.for_token(tok(doc, "Albares"))
    assert codes(albares) == ("ESP", "ESP", "GOV")
    # "she" in "X said she ..." is the speaker.
    roux = table.for_token(tok(doc, "Roux"))
    assert table.for_token(tok(doc, "she")) is roux
    assert roux.role == "spokeswoman"


def test_spokesman_for_the_junta_takes_the_junta_country(nlp):
    text = ("Soldiers seized power in Niger last week. Colonel Amadou Diallo, a spokesman for the junta, "
            "said on state television that the borders would reopen.")
    table, doc = resolve(nlp, text)
    diallo = table.for_token(tok(doc, "Diallo"))
    assert (diallo.code, diallo.country, diallo.sector) == ("NER", "NER", "MIL")
    assert diallo.role == "Colonel"
    assert codes(table.for_token(tok(doc, "junta"))) == ("NER", "NER", "MIL")
    # "said on state television" -- state television is a Nigerien media actor.
    assert codes(table.for_token(tok(doc, "television"))) == ("NER", "NER", "MED")


def test_un_official_is_coded_un_without_country(nlp):
    text = ("UN Secretary-General Antonio Guterres's spokesperson, Stephane Dujarric, said the "
            "secretary-general was alarmed.")
    table, doc = resolve(nlp, text)
    dujarric = table.for_token(tok(doc, "Dujarric"))
    assert (dujarric.code, dujarric.country, dujarric.role) == ("UN", None, "spokesperson")
    guterres = table.for_token(tok(doc, "Guterres"))
    assert (guterres.code, guterres.country, guterres.role) == ("UN", None, "Secretary-General")
    assert guterres is not dujarric
    assert table.for_token(tok(doc, "general")) is guterres   # "the secretary-general"


def test_eu_top_diplomat_and_ecowas_commissioner_and_the_bloc(nlp):
    text = ("The European Union's top diplomat, Josep Borrell, condemned the coup. "
            "Kwame Mensah, the ECOWAS commissioner for political affairs, said the bloc would not "
            "accept it. The bloc gave the soldiers a week to step down.")
    table, doc = resolve(nlp, text)
    borrell = table.for_token(tok(doc, "Borrell"))
    assert (borrell.code, borrell.country, borrell.role) == ("EU", None, "top diplomat")
    mensah = table.for_token(tok(doc, "Mensah"))
    assert (mensah.code, mensah.country, mensah.role) == ("ECOWAS", None, "commissioner")
    bloc1, bloc2 = table.for_token(tok(doc, "bloc", 0)), table.for_token(tok(doc, "bloc", 1))
    assert bloc1 is bloc2 and bloc1.code == "ECOWAS" and bloc1.sector == "IGO"


def test_person_without_any_title_has_no_code(nlp):
    text = "Maria Lopez said the water had risen overnight."
    table, doc = resolve(nlp, text)
    lopez = table.for_token(tok(doc, "Lopez"))
    assert lopez.name == "Maria Lopez" and lopez.code is None and lopez.role is None


# -- generic nouns and context country -----------------------------------------------------
def test_generic_nouns_take_the_explicit_adjective_first(nlp):
    text = ("Pakistani police detained 12 protesters in Karachi on Tuesday, while Afghan refugees "
            "waited at the border.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "police"))) == ("PAK", "PAK", "COP")
    assert codes(table.for_token(tok(doc, "protesters"))) == ("PAK", "PAK", "CVL")
    assert codes(table.for_token(tok(doc, "refugees"))) == ("AFG", "AFG", "CVL")


def test_generic_nouns_fall_back_to_the_dominant_country(nlp):
    text = ("Floods have swept across Bangladesh, and Bangladesh has asked for help. "
            "Police said villagers were trapped on rooftops. Hundreds of flood victims blocked a road.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Police"))) == ("BGD", "BGD", "COP")
    assert codes(table.for_token(tok(doc, "villagers"))) == ("BGD", "BGD", "CVL")
    victims = table.for_token(tok(doc, "Hundreds"))     # "hundreds of X" leads to X
    assert codes(victims) == ("BGD", "BGD", "CVL") and victims.name == "flood victims"


def test_supporters_of_a_junta_are_civilians_and_they_resolves(nlp):
    text = ("Thousands of junta supporters marched through Niamey on Sunday. "
            "They waved Russian flags.")
    table, doc = resolve(nlp, text)
    supporters = table.for_token(tok(doc, "supporters"))
    assert codes(supporters) == ("NER", "NER", "CVL")
    assert table.for_token(tok(doc, "They")) is supporters


def test_weak_heads_take_the_modifier_sector(nlp):
    text = ("Opposition leaders in Kenya rejected the result. An army spokesman in Nairobi denied "
            "the claim, and rebel commanders vowed to fight on.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "leaders"))) == ("KEN", "KEN", "OPP")
    spokesman = table.for_token(tok(doc, "spokesman"))
    assert codes(spokesman) == ("KEN", "KEN", "MIL") and spokesman.role == "army spokesman"
    assert table.for_token(tok(doc, "commanders")).sector == "REB"


def test_ethnic_group_is_coded_by_where_the_text_places_it(nlp):
    text = ("Ethnic Armenians in Azerbaijan fled their homes. Kurds protested the decision. "
            "Armenians abroad sent money.")
    table, doc = resolve(nlp, text)
    ethnic = table.for_token(tok(doc, "Armenians", 0))
    assert codes(ethnic) == ("AZE", "AZE", "CVL")
    kurds = table.for_token(tok(doc, "Kurds"))
    assert codes(kurds) == (None, None, "CVL")
    assert table.for_token(tok(doc, "Armenians", 1)).code == "ARM"


def test_unknown_national_body_gets_context_country_and_its_acronym(nlp):
    text = ("Heavy rain hit Pakistan again. The National Disaster Management Authority (NDMA) said "
            "more than 100 people had died. The NDMA said roads were closed.")
    table, doc = resolve(nlp, text)
    ndma = table.for_token(tok(doc, "Authority"))
    assert codes(ndma) == ("PAK", "PAK", "GOV")
    assert table.for_token(tok(doc, "NDMA", 1)) is ndma


def test_parties_to_a_conflict_are_not_a_political_party(nlp):
    text = "Germany urged the parties to the conflict to talk. The ruling party said it agreed."
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "parties")) is None
    assert table.for_token(tok(doc, "party")).sector == "PTY"


# -- the table's span queries ------------------------------------------------------------------
def test_at_char_and_in_span(nlp):
    text = "Azerbaijan's Defense Ministry said Armenian troops had left. France welcomed the move."
    table, doc = resolve(nlp, text)
    ministry_start = text.index("Defense")
    ministry = table.at_char(ministry_start, ministry_start + len("Defense Ministry"))
    assert ministry.name == "Azerbaijan's Defense Ministry"
    # The longest mention covering the span wins over the nested "Azerbaijan".
    assert table.at_char(0, 3) is ministry
    assert table.for_token(tok(doc, "Azerbaijan")).name == "Azerbaijan"
    first_sentence = [a.name for a in table.in_span(0, text.index("France"))]
    assert first_sentence == ["Azerbaijan's Defense Ministry", "Azerbaijan", "Armenian troops"]
    assert [a.code for a in table.in_span(text.index("France"), len(text))] == ["FRA"]
    assert table.at_char(text.index("welcomed"), text.index("welcomed") + 8) is None


def test_every_actor_is_a_valid_record_with_sorted_mentions(nlp):
    text = ("Armenian Prime Minister Nikol Pashinian said he expected Moscow to act. "
            "Russian peacekeepers said they were ready.")
    table, _ = resolve(nlp, text)
    for a in table.actors:
        Actor.model_validate(a.model_dump())
        assert a.mentions == sorted(a.mentions)
        for s, e in a.mentions:
            assert 0 <= s < e <= len(text)


# -- pronoun constraints -----------------------------------------------------------------------
def test_object_pronoun_is_not_the_subject_of_its_clause(nlp):
    text = ("Hundreds of students marched on the parliament in Dhaka. "
            "Riot police fired tear gas to disperse them.")
    table, doc = resolve(nlp, text)
    students = table.for_token(tok(doc, "students"))
    assert codes(students) == ("BGD", "BGD", "EDU")
    assert table.for_token(tok(doc, "them")) is students
    assert codes(table.for_token(tok(doc, "police"))) == ("BGD", "BGD", "COP")


def test_pronoun_in_relative_clause_is_not_the_noun_it_describes(nlp):
    text = ("Angry farmers near Lahore blocked a highway to protest against local officials, "
            "whom they accused of hoarding seed.")
    table, doc = resolve(nlp, text)
    farmers = table.for_token(tok(doc, "farmers"))
    assert codes(farmers) == ("PAK", "PAK", "CVL")
    assert table.for_token(tok(doc, "they")) is farmers
    assert table.for_token(tok(doc, "officials")).sector == "GOV"


def test_quote_continuing_in_a_new_paragraph_keeps_its_speaker(nlp):
    text = ("\u201cThe need is enormous,\u201d said Leila Haddad, a spokeswoman for the World Food Programme.\n\n"
            "\u201cWe urge every donor to give quickly.\u201d")
    table, doc = resolve(nlp, text)
    haddad = table.for_token(tok(doc, "Haddad"))
    assert (haddad.code, haddad.country, haddad.role) == ("UN", None, "spokeswoman")
    assert table.for_token(tok(doc, "We")) is haddad


def test_armed_groups_and_people_of_an_organisation(nlp):
    text = ("Hezbollah fired rockets overnight. Mr. Carlos Ruiz of the IMF said the fund would "
            "send a team. Chinese President Xi Jinping spoke by phone. Xi said he wanted calm.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Hezbollah"))) == ("LBN", "LBN", "REB")
    ruiz = table.for_token(tok(doc, "Ruiz"))
    assert (ruiz.code, ruiz.country) == ("IMF", None)
    assert table.for_token(tok(doc, "fund")).code == "IMF"
    xi = table.for_token(tok(doc, "Jinping"))
    assert codes(xi) == ("CHN", "CHN", "GOV")
    assert table.for_token(tok(doc, "Xi", 1)) is xi     # family name first
    assert table.for_token(tok(doc, "he")) is xi


def test_two_people_with_one_surname_stay_apart(nlp):
    text = ("Azerbaijani President Ilham Aliyev praised the army. His late father, Heydar Aliyev, "
            "ruled until 2003. Aliyev said the operation was over.")
    table, doc = resolve(nlp, text)
    ilham = table.for_token(tok(doc, "Aliyev", 0))
    heydar = table.for_token(tok(doc, "Aliyev", 1))
    assert ilham is not heydar and ilham.name == "Ilham Aliyev" and heydar.name == "Heydar Aliyev"


def test_counterpart_kingdom_and_an_organ_owned_by_another_body(nlp):
    text = ("KHARTOUM (Reuters) - Egyptian Foreign Minister Ahmed Salem spoke with his Saudi "
            "counterpart, Prince Khalid bin Saad. The two ministers agreed to meet again, the kingdom's "
            "foreign ministry said. The African Union's Peace and Security Council condemned the "
            "violence, and the council urged talks.")
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "KHARTOUM")) is None          # a dateline, not an actor
    assert codes(table.for_token(tok(doc, "Salem"))) == ("EGY", "EGY", "GOV")
    khalid = table.for_token(tok(doc, "Saad"))
    assert codes(khalid) == ("SAU", "SAU", "GOV")                 # not "his" (Egypt's)
    assert table.for_token(tok(doc, "ministers")) is None         # two actors, not one group
    assert codes(table.for_token(tok(doc, "ministry"))) == ("SAU", "SAU", "GOV")
    council = table.for_token(tok(doc, "Council"))
    assert (council.code, council.name) == ("AU", "African Union's Peace and Security Council")
    assert table.for_token(tok(doc, "council")) is council
