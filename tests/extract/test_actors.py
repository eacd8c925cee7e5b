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
    text = "Ankara urged the two neighbours to return to talks. Tbilisi's blockade went on."
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Ankara"))) == ("TUR", "TUR", "GOV")
    tbilisi = table.for_token(tok(doc, "Tbilisi"))
    assert codes(tbilisi) == ("GEO", "GEO", "GOV")
    assert tbilisi.name == "Georgia"   # the state it stands for


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
    text = ("UN Secretary-General Antonio Guterres's spokeswoman, Daniela Weber, told reporters the "
            "secretary-general was deeply worried by the reports.")
    table, doc = resolve(nlp, text)
    weber = table.for_token(tok(doc, "Weber"))
    assert (weber.code, weber.country, weber.role) == ("UN", None, "spokeswoman")
    guterres = table.for_token(tok(doc, "Guterres"))
    assert (guterres.code, guterres.country, guterres.role) == ("UN", None, "Secretary-General")
    assert guterres is not weber
    assert table.for_token(tok(doc, "general")) is guterres   # "the secretary-general"


def test_eu_top_diplomat_and_ecowas_commissioner_and_the_bloc(nlp):
    text = ("The EU's top diplomat, Kaja Kallas, denounced the takeover in Guinea. "
            "Kwesi Boateng, the ECOWAS commissioner for peace and security, said the bloc would never "
            "recognise it. The bloc gave the officers ten days to hand back power.")
    table, doc = resolve(nlp, text)
    kallas = table.for_token(tok(doc, "Kallas"))
    assert (kallas.code, kallas.country, kallas.role) == ("EU", None, "top diplomat")
    boateng = table.for_token(tok(doc, "Boateng"))
    assert (boateng.code, boateng.country, boateng.role) == ("ECOWAS", None, "commissioner")
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
            "Police said villagers were trapped on rooftops. Hundreds of stranded fishermen camped by the harbour.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Police"))) == ("BGD", "BGD", "COP")
    assert codes(table.for_token(tok(doc, "villagers"))) == ("BGD", "BGD", "CVL")
    victims = table.for_token(tok(doc, "Hundreds"))     # "hundreds of X" leads to X
    assert codes(victims) == ("BGD", "BGD", "CVL") and victims.name == "stranded fishermen"


def test_supporters_of_a_junta_are_civilians_and_they_resolves(nlp):
    text = ("Several thousand junta supporters rallied in a stadium in Ouagadougou on Saturday. "
            "They chanted slogans against France.")
    table, doc = resolve(nlp, text)
    supporters = table.for_token(tok(doc, "supporters"))
    assert codes(supporters) == ("BFA", "BFA", "CVL")
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
    text = ("Monsoon storms lashed Nepal again. The National Flood Response Agency (NFRA) said "
            "at least 40 people had drowned. The NFRA said three bridges were washed away.")
    table, doc = resolve(nlp, text)
    nfra = table.for_token(tok(doc, "Agency"))
    assert codes(nfra) == ("NPL", "NPL", "GOV")
    assert table.for_token(tok(doc, "NFRA", 1)) is nfra


def test_parties_to_a_conflict_are_not_a_political_party(nlp):
    text = "Norway pressed the parties to the war to negotiate. The ruling party said it agreed."
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
            "Riot police used water cannon to scatter them.")
    table, doc = resolve(nlp, text)
    students = table.for_token(tok(doc, "students"))
    assert codes(students) == ("BGD", "BGD", "EDU")
    assert table.for_token(tok(doc, "them")) is students
    assert codes(table.for_token(tok(doc, "police"))) == ("BGD", "BGD", "COP")


def test_pronoun_in_relative_clause_is_not_the_noun_it_describes(nlp):
    text = ("Angry traders near Multan shut their stalls in protest at district officials, "
            "whom they blamed for the fuel shortage.")
    table, doc = resolve(nlp, text)
    traders = table.for_token(tok(doc, "traders"))
    assert codes(traders) == ("PAK", "PAK", "CVL")
    assert table.for_token(tok(doc, "they")) is traders
    assert table.for_token(tok(doc, "officials")).sector == "GOV"


def test_quote_continuing_in_a_new_paragraph_keeps_its_speaker(nlp):
    text = ("\u201cThe shelters are full,\u201d said Leila Haddad, a spokeswoman for the World Food Programme.\n\n"
            "\u201cI have visited three of them. We ask all governments to send funds now.\u201d\n"
            "Japan promised $12 million on Wednesday.")
    table, doc = resolve(nlp, text)
    haddad = table.for_token(tok(doc, "Haddad"))
    assert (haddad.code, haddad.country, haddad.role) == ("UN", None, "spokeswoman")
    assert table.for_token(tok(doc, "I")) is haddad
    # A spokeswoman's "we" is the body she speaks for -- not the next sentence's subject,
    # which is no reporting clause.
    wfp = table.for_token(tok(doc, "We"))
    assert (wfp.name, wfp.code, wfp.sector) == ("World Food Programme", "UN", "IGO")


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


# -- error classes reported by the event, quote and attribution modules --------------------------
def resolve_article(nlp, text: str, title: str | None = None) -> tuple[ActorTable, object]:
    doc = nlp(text)
    ctx = Context(article=Article(id="t", text=text, title=title), doc=doc)
    return extract_actors(ctx), doc


def test_a_spokespersons_we_is_the_body_they_speak_for(nlp):
    text = ("\u201cWe urge all parties to exercise restraint,\u201d said Farah Khan, a spokeswoman for the "
            "UN refugee agency. \u201cOur forces held their positions,\u201d said Colonel Ali Traore, a "
            "spokesman for the Malian army. \u201cI saw the bodies,\u201d said Moussa Keita, a farmer.")
    table, doc = resolve(nlp, text)
    agency = table.for_token(tok(doc, "We"))
    assert (agency.name, agency.code, agency.sector) == ("UN refugee agency", "UN", "IGO")
    assert table.for_token(tok(doc, "Khan")).role == "spokeswoman"
    assert codes(table.for_token(tok(doc, "Our"))) == ("MLI", "MLI", "MIL")
    assert table.for_token(tok(doc, "Our")) is table.for_token(tok(doc, "army"))
    # "I" is always the speaker herself, and a farmer speaks for no body.
    assert table.for_token(tok(doc, "I")) is table.for_token(tok(doc, "Keita"))


def test_un_security_council_used_as_a_modifier(nlp):
    text = ("Ireland asked for a closed UN Security Council meeting on Thursday. Malta sought "
            "a special U.N. Security Council session.")
    table, doc = resolve(nlp, text)
    first = table.for_token(tok(doc, "Council", 0))
    assert (first.code, first.country, first.sector) == ("UN", None, "IGO")
    assert table.for_token(tok(doc, "Council", 1)) is first     # one organ, both spellings
    assert table.for_token(tok(doc, "UN")) is first
    assert table.for_token(tok(doc, "meeting")) is None


def test_coordinated_nationality_adjectives(nlp):
    text = ("U.S. and European leaders condemned the attack. French and German troops arrived "
            "in Mali on Monday.")
    table, doc = resolve(nlp, text)
    leaders = table.for_token(tok(doc, "leaders"))
    assert codes(leaders) == ("USA", "USA", "GOV") and leaders.name == "U.S. and European leaders"
    troops = table.for_token(tok(doc, "troops"))
    assert codes(troops) == ("FRA", "FRA", "MIL")
    assert codes(table.for_token(tok(doc, "German"))) == ("DEU", "DEU", "GOV")  # still findable


def test_the_secretary_general_alone_is_the_uns(nlp):
    text = ("\u201cThe secretary-general urges both armies to halt their advance at once,\u201d his "
            "spokesman said. Ethiopia said its operation would go on.")
    table, doc = resolve(nlp, text)
    sg = table.for_token(tok(doc, "secretary"))
    assert (sg.code, sg.country, sg.sector, sg.role) == ("UN", None, "IGO", "Secretary-General")
    assert mention_texts(text, sg)[0] == "secretary-general"


def test_presidential_guard_junta_and_their_members(nlp):
    text = ("Members of the presidential guard detained President Ali Mahamane in Niamey on "
            "Wednesday. The junta said it had suspended the constitution.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "guard"))) == ("NER", "NER", "MIL")
    assert codes(table.for_token(tok(doc, "Members"))) == ("NER", "NER", "MIL")
    junta = table.for_token(tok(doc, "junta"))
    assert codes(junta) == ("NER", "NER", "MIL")
    assert table.for_token(tok(doc, "it")) is junta


def test_a_relayed_statement_continues_with_its_source_not_the_agency(nlp):
    text = ("Russian forces shelled the town overnight, TASS reported, citing the Defence Ministry. "
            "It added that 30 Ukrainian soldiers had been killed. According to Interfax, the Kremlin "
            "said talks would resume. It added that no date had been set.")
    table, doc = resolve(nlp, text)
    ministry = table.for_token(tok(doc, "Ministry"))
    assert codes(ministry) == ("RUS", "RUS", "MIL")
    assert table.for_token(tok(doc, "It", 0)) is ministry
    assert table.for_token(tok(doc, "It", 1)) is table.for_token(tok(doc, "Kremlin"))
    assert table.for_token(tok(doc, "TASS")).sector == "MED"


def test_pronoun_after_a_bloc_acting_on_a_state(nlp):
    text = ("ECOWAS gave Niger's junta a week to free the president, and said it would not rule "
            "out force. It also imposed sanctions on Niamey.")
    table, doc = resolve(nlp, text)
    bloc = table.for_token(tok(doc, "ECOWAS"))
    assert bloc.code == "ECOWAS"
    assert table.for_token(tok(doc, "it")) is bloc
    assert table.for_token(tok(doc, "It")) is bloc


def test_states_inside_an_organisation_name_is_no_country(nlp):
    text = ("The Economic Community of West African States said the sanctions would remain. "
            "Its member states agreed.")
    table, doc = resolve(nlp, text)
    bloc = table.for_token(tok(doc, "States"))
    assert (bloc.code, bloc.country) == ("ECOWAS", None)
    assert all(a.code != "USA" for a in table.actors)


def test_an_organ_without_owner_is_the_storys_not_a_neighbours(nlp):
    text = ("Belarus closed two border crossings on Monday. Minsk said the move was temporary. "
            "The Interior Ministry in Vilnius said Lithuania would protest.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Ministry"))) == ("LTU", "LTU", "GOV")   # its own phrase says
    text = ("Belarus closed two border crossings on Monday. Minsk said the move was temporary. "
            "The Interior Ministry said 12 people who had crossed from Lithuania were detained.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Ministry"))) == ("BLR", "BLR", "GOV")


def test_regional_jihadist_group_is_coded_where_it_fights(nlp):
    text = ("Gunmen killed 12 villagers in northern Burkina Faso on Sunday, the army said. JNIM "
            "claimed responsibility for the attack. The group said its fighters had seized "
            "weapons. Burkina Faso's junta vowed to hunt down the militants.")
    table, doc = resolve(nlp, text)
    jnim = table.for_token(tok(doc, "JNIM"))
    assert codes(jnim) == ("BFA", "BFA", "REB")          # not Mali, where the group was founded
    assert table.for_token(tok(doc, "group")) is jnim
    assert table.for_token(tok(doc, "its")) is jnim
    assert codes(table.for_token(tok(doc, "fighters"))) == ("BFA", "BFA", "REB")
    assert codes(table.for_token(tok(doc, "Gunmen"))) == ("BFA", "BFA", "REB")
    assert table.for_token(tok(doc, "militants")) is jnim


def test_the_group_and_it_after_named_and_unnamed_militants(nlp):
    text = ("Al-Shabaab fighters attacked an army checkpoint outside the town of Jowhar on Friday. "
            "The group said it had seized a truck. Somalia's government accused the militants of "
            "blocking aid.")
    table, doc = resolve(nlp, text)
    shabaab = table.for_token(tok(doc, "group"))
    assert (shabaab.name, shabaab.code, shabaab.sector) == ("al-Shabaab", "SOM", "REB")
    assert table.for_token(tok(doc, "it")) is shabaab
    assert table.for_token(tok(doc, "militants")) is shabaab
    assert codes(table.for_token(tok(doc, "checkpoint"))) == ("SOM", "SOM", "MIL")
    assert table.for_token(tok(doc, "Jowhar")) is None    # a town the tagger took for a name


def test_the_group_prefers_a_named_group_over_its_unnamed_fighters(nlp):
    text = ("Sudan's army said it had repelled an attack by the Rapid Support Forces, killing dozens "
            "of fighters. The paramilitary group said it had captured two officers. \u201cWe will not "
            "stop until the militia is defeated,\u201d said army spokesman Nabil Adam.")
    table, doc = resolve(nlp, text)
    rsf = table.for_token(tok(doc, "Forces"))
    assert codes(rsf) == ("SDN", "SDN", "REB")
    assert table.for_token(tok(doc, "group")) is rsf
    assert table.for_token(tok(doc, "militia")) is rsf
    army = table.for_token(tok(doc, "army"))
    assert codes(army) == ("SDN", "SDN", "MIL")
    assert codes(table.for_token(tok(doc, "Adam"))) == ("SDN", "SDN", "MIL")  # that army's spokesman
    assert table.for_token(tok(doc, "We")) is army


def test_titled_official_without_a_country(nlp):
    # A dateline's country: wire copy leaves its own officials unqualified.
    text = ("WASHINGTON (Reuters) - President Tom Hale said on Tuesday more air defences would go to "
            "Ukraine after Russian missiles struck Kyiv. Mayor Ivan Koval said two people were killed "
            "in Kyiv. Ukraine's air force said it had shot down 30 drones.")
    table, doc = resolve_article(nlp, text, title="More Air Defences for Ukraine After Strikes on Kyiv")
    hale = table.for_token(tok(doc, "Hale"))
    assert codes(hale) == ("USA", "USA", "GOV") and mention_texts(text, hale)[0] == "President Tom Hale"
    assert codes(table.for_token(tok(doc, "Koval"))) == ("UKR", "UKR", "GOV")   # a mayor is local
    assert table.for_token(tok(doc, "drones")).code is None   # shot down: the other side's


def test_titled_official_from_his_introduction_or_none(nlp):
    text = ("Kenya and Ethiopia signed a border deal in Nairobi on Monday. Kenyan and Ethiopian officials said "
            "it would ease trade. President Daniel Mwangi said talks would continue. President "
            "Abebe Tadesse, who has ruled Ethiopia since 2018, welcomed the deal.")
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "Mwangi")).code is None   # either state: no guess
    assert codes(table.for_token(tok(doc, "Tadesse"))) == ("ETH", "ETH", "GOV")


def test_story_country_for_an_unqualified_president_when_the_story_is_about_one_state(nlp):
    text = ("Police fired tear gas at protesters in Quito on Tuesday. President Daniel Ortiz declared "
            "a state of emergency, and Ecuador's army was deployed.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Ortiz"))) == ("ECU", "ECU", "GOV")


def test_apposition_without_a_title_gives_sector_and_country(nlp):
    text = ("Belarus jailed 20 activists on Monday. Minsk said they had plotted unrest. Ivan Petrov, "
            "an opposition politician living in exile in Vilnius, urged the EU to act.")
    table, doc = resolve(nlp, text)
    petrov = table.for_token(tok(doc, "Petrov"))
    assert codes(petrov) == ("BLR", "BLR", "OPP")   # Vilnius is where he lives, not whose he is
    text = ("Ecuador raised fuel prices on Monday. Maria Lopez, a leader of CONAIE, said the strike "
            "would go on. Rosa Quispe, a CONAIE leader, agreed.")
    table, doc = resolve(nlp, text)
    lopez = table.for_token(tok(doc, "Lopez"))
    conaie = table.for_token(tok(doc, "CONAIE"))
    assert (conaie.code, conaie.sector) == ("ECU", None)
    assert (lopez.code, lopez.sector, lopez.role) == ("ECU", None, "leader")   # no government official
    assert table.for_token(tok(doc, "Quispe")).sector is None


def test_owners_sector_beats_a_government_head_noun(nlp):
    text = ("Anna Berg, the UN deputy special envoy for Yemen, met the Houthi delegation and "
            "UN mediators in Muscat. Delegations from Yemen's government attended.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Berg"))) == ("UN", None, "IGO")
    assert codes(table.for_token(tok(doc, "delegation"))) == ("YEM", "YEM", "REB")
    assert codes(table.for_token(tok(doc, "mediators"))) == ("UN", None, "IGO")
    # Officials and delegations do not belong to the city they meet in.
    assert codes(table.for_token(tok(doc, "Delegations"))) == ("YEM", "YEM", "GOV")


def test_relative_clause_says_whom_a_person_works_for(nlp):
    text = ("Halima Abdi, who coordinates the WFP operation in Baidoa, said the needs were growing. "
            "The agency said it had delivered food to 60,000 people.")
    table, doc = resolve(nlp, text)
    assert (table.for_token(tok(doc, "Abdi")).code, table.for_token(tok(doc, "Abdi")).sector) == ("UN", "IGO")
    wfp = table.for_token(tok(doc, "WFP"))
    assert table.for_token(tok(doc, "agency")) is wfp
    assert table.for_token(tok(doc, "it")) is wfp


def test_vessels_bases_and_platforms(nlp):
    text = ("Two Chinese coast guard ships blocked the Philippine vessel on Wednesday as it escorted "
            "fishing boats. Militants stormed a military base near Djibo in Burkina Faso, and army "
            "drones struck their columns.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "ships"))) == ("CHN", "CHN", "MIL")
    assert table.for_token(tok(doc, "vessel")).code == "PHL"
    assert table.for_token(tok(doc, "boats")) is None      # nobody's named
    assert codes(table.for_token(tok(doc, "base"))) == ("BFA", "BFA", "MIL")
    assert codes(table.for_token(tok(doc, "drones"))) == ("BFA", "BFA", "MIL")


def test_words_that_are_actors_only_with_an_owner(nlp):
    text = ("A protester died after being struck in the head by a tear gas canister in Quito. "
            "Diego Mora, the head of the union, said police had fired at close range. A regional "
            "military official said six soldiers were wounded.")
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "head", 0)) is None
    mora = table.for_token(tok(doc, "Mora"))
    assert mora.role == "head"
    official = table.for_token(tok(doc, "official"))
    assert codes(official) == ("ECU", "ECU", "MIL")   # "regional" official: of a province, not abroad


def test_unknown_organisations_are_local_unless_their_name_says_otherwise(nlp):
    text = ("Police fired tear gas at strikers in Quito on Monday. The Ecuadorian Episcopal Conference "
            "offered to mediate. The National Transport Union said its members would keep the roads "
            "blocked. The Global Fuel Alliance said prices would rise.")
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "Conference")).code == "ECU"
    assert table.for_token(tok(doc, "Union")).code == "ECU"
    assert table.for_token(tok(doc, "Alliance")).code is None


def test_a_reporting_clause_in_the_next_paragraph_is_not_the_quotes(nlp):
    text = ("\u201cThe government is using the police as a private army,\u201d said Karim Uddin, a senior "
            "opposition leader. \u201cWe will not be silenced.\u201d\nHome Minister Anwar Hossain said "
            "officers had acted with restraint.")
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "We")) is table.for_token(tok(doc, "Uddin"))


def test_peacekeepers_their_mission_and_a_village_name(nlp):
    text = ("UN peacekeepers in southern Lebanon urged restraint after strikes near the village of "
            "Kfar Tala. A spokesperson for the mission, Andrea Conti, said the peacekeepers were safe.")
    table, doc = resolve(nlp, text)
    unifil = table.for_token(tok(doc, "peacekeepers", 0))
    assert (unifil.code, unifil.sector) == ("UN", "IGO")
    assert table.for_token(tok(doc, "mission")) is unifil
    assert table.for_token(tok(doc, "peacekeepers", 1)) is unifil
    assert codes(table.for_token(tok(doc, "Conti"))) == ("UN", None, "IGO")
    assert table.for_token(tok(doc, "Tala")) is None


def test_a_body_part_is_never_a_title_pointing_back(nlp):
    text = ("Diego Mora, the head of the transport union, said the strike would go on. A protester "
            "was struck in the head by a tear gas canister in Quito.")
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "head", 0)) is table.for_token(tok(doc, "Mora"))
    assert table.for_token(tok(doc, "head", 1)) is None


# -- names that run past the tagger's entity ------------------------------------------------------

def test_person_name_with_lowercase_particles_is_whole_and_found_again(nlp):
    text = ("ROTTERDAM - Opposition leader Pieter van den Berg said on Monday the budget was unfair. "
            "Van den Berg accused the cabinet of ignoring farmers.")
    table, doc = resolve(nlp, text)
    first = table.for_token(tok(doc, "Berg", 0))
    assert first.name == "Pieter van den Berg"
    assert table.for_token(tok(doc, "Berg", 1)) is first


def test_body_name_goes_on_past_on_and_of(nlp):
    text = "The Uganda National Commission on Land Rights said on Tuesday that 300 families were evicted."
    table, doc = resolve(nlp, text)
    body = table.for_token(tok(doc, "Commission"))
    assert body.name == "Uganda National Commission on Land Rights"
    assert body.code == "UGA"


def test_national_red_cross_society_is_that_states_ngo(nlp):
    text = ("The Nigerian Red Cross said it evacuated 50 families from Makurdi. "
            "Separately, the Red Cross in Geneva appealed for funds.")
    table, doc = resolve(nlp, text)
    assert codes(table.for_token(tok(doc, "Cross", 0))) == ("NGA", "NGA", "NGO")
    assert table.for_token(tok(doc, "Cross", 1)).code == "ICRC"


def test_appositive_name_after_a_descriptor_names_the_body(nlp):
    text = "Police detained 14 journalists on Friday, the rights group Nadezhda said."
    table, doc = resolve(nlp, text)
    group = table.for_token(tok(doc, "Nadezhda"))
    assert group.name == "Nadezhda"
    assert group.sector == "NGO"


def test_a_labour_union_is_a_civilian_body_of_the_story_country(nlp):
    text = ("ACCRA - Nurses in Ghana walked out on Monday. The nurses' union said the health ministry "
            "had broken its promises, and the union vowed to continue the strike.")
    table, doc = resolve(nlp, text)
    union = table.for_token(tok(doc, "union", 0))
    assert codes(union) == ("GHA", "GHA", "CVL")
    assert table.for_token(tok(doc, "union", 1)) is union


def test_gendered_pronoun_skips_a_later_person_of_unknown_gender(nlp):
    text = ("Ms Wanjiru Kamau, a teacher, said the school had closed. Otieno Ouma, a driver, said the roads "
            "were blocked. She said pupils had nowhere to go.")
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "She")) is table.for_token(tok(doc, "Kamau"))


def test_he_after_he_was_used_for_one_man_stays_with_him(nlp):
    text = ("Joseph Banda said he was stuck at the border. Chisomo Phiri said the clinic was shut. "
            "He said the lorries had waited for days.")
    table, doc = resolve(nlp, text)
    assert table.for_token(tok(doc, "He")) is table.for_token(tok(doc, "Banda"))



# -- the resolver's contract ---------------------------------------------------------------
def test_resolver_parts_reach_each_other_only_through_public_methods():
    """Each part of the resolver uses its own private helpers only: the others are reached
    through `self.resolver.<part>.<public method>` and shared state through `self.reg`."""
    import ast
    from pathlib import Path

    import wirecoder.extract.actors as pkg
    from wirecoder.extract.actors.contract import Part, ResolverParts
    from wirecoder.extract.actors.records import ActorRegistry
    parts = ResolverParts.__annotations__
    assert set(parts) == {"reg", "people", "phrases", "named", "affiliations", "coref"}
    problems = []
    for path in Path(pkg.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            own = {m.name for m in cls.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))}
            for node in ast.walk(cls):
                if not isinstance(node, ast.Attribute) or not node.attr.startswith("_") or node.attr.startswith("__"):
                    continue
                base = node.value
                if isinstance(base, ast.Name) and base.id == "self":
                    if any(b.id == "Part" for b in cls.bases if isinstance(b, ast.Name)) and node.attr not in own:
                        problems.append(f"{path.name}:{node.lineno} self.{node.attr}")
                elif isinstance(base, ast.Attribute) and base.attr in set(parts) | {"resolver"}:
                    problems.append(f"{path.name}:{node.lineno} ...{base.attr}.{node.attr}")
    assert problems == []
    # the parts are the resolver's classes, the registry's builders are public
    assert {c.__name__ for c in Part.__subclasses__()} == {"People", "NounPhrases", "NamedActors",
                                                           "Affiliations", "Coreference"}
    assert all(callable(getattr(ActorRegistry, m)) for m in ("state", "org", "organ", "new", "mention", "note",
                                                             "map_np"))


def test_each_part_offers_what_its_protocol_promises():
    """The Protocols in contract.py are what the parts call of each other: every public method
    of a part is in its Protocol with the same parameters, and nothing else is."""
    import inspect
    import typing

    from wirecoder.extract.actors import contract
    from wirecoder.extract.actors.affiliation import Affiliations
    from wirecoder.extract.actors.coref import Coreference
    from wirecoder.extract.actors.names import NamedActors
    from wirecoder.extract.actors.people import People
    from wirecoder.extract.actors.phrases import NounPhrases
    classes = {"people": People, "phrases": NounPhrases, "named": NamedActors,
               "affiliations": Affiliations, "coref": Coreference}
    hints = typing.get_type_hints(contract.ResolverParts)

    def public(cls) -> dict[str, list[tuple]]:
        return {name: [(p.name, p.kind, p.default) for p in inspect.signature(f).parameters.values()]
                for name, f in vars(cls).items() if inspect.isfunction(f) and not name.startswith("_")}

    for attr, cls in classes.items():
        protocol = hints[attr]
        assert protocol.__module__ == contract.__name__
        assert public(cls) == public(protocol), cls.__name__
    assert "analyse" in public(contract.ResolverParts)


def test_parts_share_one_registry(nlp):
    """Actors one part makes are the ones every other part finds: one registry per article."""
    from wirecoder.extract.actors.resolver import _Resolver
    text = "Kenyan police arrested a protester in Nairobi. The police said he had thrown stones."
    doc = nlp(text)
    resolver = _Resolver(Context(article=Article(id="t", text=text), doc=doc))
    table = resolver.run()
    parts = [resolver.people, resolver.phrases, resolver.named, resolver.affiliations, resolver.coref]
    assert all(p.reg is resolver.reg for p in parts)
    police = table.for_token(tok(doc, "police"))
    assert table.for_token(tok(doc, "police", 1)) is police   # the description found the same actor
    assert codes(police)[:2] == ("KEN", "KEN")
    assert sum(1 for a in resolver.reg.actors if a.model is police) == 1
