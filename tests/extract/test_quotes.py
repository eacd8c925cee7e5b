"""Quotes: direct and reported speech with resolved speakers, on our own sentences."""
from __future__ import annotations

import pytest

from wirecoder.extract.quote_parts import JOIN_ENV
from wirecoder.extract.quotes import extract_quotes, find_quote_spans
from wirecoder.models import Article
from wirecoder.pipeline import prepare_context




def quotes(nlp, text):
    return extract_quotes(prepare_context(Article(id="t", text=text), nlp(text)))


def direct(qs):
    return [q for q in qs if q.direct]


def speaker_name(q):
    return q.speaker.name if q.speaker else None


def test_quote_spans_typographic_straight_and_apostrophes():
    text = 'He said \u201cwe will go\u201d and then "we will stay" in Azerbaijan\u2019s \u2018own words\u2019.'
    spans = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert spans == ["we will go", "we will stay", "own words"]


def test_quote_left_open_at_paragraph_end_closes_there():
    text = "\u201cWe will not leave. We will fight\n\u201cAnd we will win,\u201d she said."
    spans = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert spans == ["We will not leave. We will fight", "And we will win,"]


def test_speaker_after_quote_with_title_and_country(nlp):
    text = ("\u201cWe will rebuild every school that was destroyed,\u201d said Maria Lopez, "
            "Spain's education minister.")
    (q,) = quotes(nlp, text)
    assert q.direct and q.text == "We will rebuild every school that was destroyed"
    assert "Lopez" in speaker_name(q) and q.speaker.code == "ESP"
    assert q.evidence.start == 0 and q.evidence.end == len(text) and q.evidence.text == text


def test_split_quote_gives_two_quotes_by_one_speaker(nlp):
    text = ("\u201cThe talks have reached a dead end,\u201d German Chancellor Hans Weber said, "
            "adding, \u201cThey need to start again.\u201d")
    qs = direct(quotes(nlp, text))
    assert [q.text for q in qs] == ["The talks have reached a dead end", "They need to start again."]
    assert all("Weber" in speaker_name(q) and q.speaker.code == "DEU" for q in qs)


def test_with_the_join_setting_a_split_quotation_comes_whole(nlp, monkeypatch):
    monkeypatch.setenv(JOIN_ENV, "1")
    text = ("\u201cThe talks have reached a dead end,\u201d German Chancellor Hans Weber said, "
            "\u201cand they need to start again.\u201d")
    (q,) = direct(quotes(nlp, text))  # the whole quotation without its attribution
    assert q.text == "The talks have reached a dead end and they need to start again."
    assert "Weber" in speaker_name(q) and q.speaker.code == "DEU"
    assert (q.evidence.start, q.evidence.end) == (0, len(text))


def test_with_the_join_setting_an_added_statement_and_a_relative_clause_stay_apart(nlp, monkeypatch):
    monkeypatch.setenv(JOIN_ENV, "1")
    text = ("\u201cThe talks have reached a dead end,\u201d German Chancellor Hans Weber said, "
            "adding, \u201cThey need to start again.\u201d\n"
            "The union threatened \u201ca strike at every port,\u201d which "
            "\u201cwould halt all exports for a week.\u201d")
    qs = direct(quotes(nlp, text))
    assert [q.text for q in qs] == ["The talks have reached a dead end", "They need to start again.",
                                    "a strike at every port", "would halt all exports for a week."]


def test_with_the_join_setting_a_bare_attribution_sentence_joins_the_pieces(nlp, monkeypatch):
    monkeypatch.setenv(JOIN_ENV, "1")
    text = ("\u201cIs the bridge really safe for trucks?\u201d Mayor Ana Costa asked. "
            "\u201cNobody has inspected it in ten years.\u201d")
    (q,) = direct(quotes(nlp, text))
    assert q.text == "Is the bridge really safe for trucks? Nobody has inspected it in ten years."
    assert speaker_name(q) == "Ana Costa"


def test_speaker_before_colon_and_pronoun_in_next_sentence(nlp):
    text = ("Kenyan President William Ruto addressed parliament on Tuesday. He said: "
            "\u201cThere will be no retreat from our reforms.\u201d "
            "\u201cWe owe it to our children,\u201d he added.")
    qs = direct(quotes(nlp, text))
    assert [q.text for q in qs] == ["There will be no retreat from our reforms.", "We owe it to our children"]
    assert all("Ruto" in speaker_name(q) and q.speaker.code == "KEN" for q in qs)


def test_she_said_resolves_to_the_named_minister(nlp):
    text = ("Dutch Foreign Minister Anna de Vries condemned the raid. "
            "\u201cThis attack cannot go unanswered,\u201d she said.")
    (q,) = direct(quotes(nlp, text))
    assert "Vries" in speaker_name(q) and q.speaker.code == "NLD"


def test_according_to_the_state_department(nlp):
    text = ("Blinken \u201cstressed the need for an immediate ceasefire and humanitarian access,\u201d "
            "according to the State Department.")
    (q,) = direct(quotes(nlp, text))
    assert q.speaker is not None and q.speaker.code == "USA"
    assert "State Department" in q.speaker.name


def test_relayed_statement_keeps_the_original_speaker(nlp):
    text = ("\u201cWe ask both governments to pull their forces back from the river,\u201d the Chinese "
            "Foreign Ministry said in a written statement, according to Xinhua.")
    (q,) = direct(quotes(nlp, text))
    assert q.speaker is not None and q.speaker.code == "CHN"
    assert "Xinhua" not in q.speaker.name and "Ministry" in q.speaker.name


def test_called_phrase_of_three_words_is_a_quote_by_the_subject(nlp):
    text = ("French Foreign Minister Claire Martin called the raid \u201ccruel, reckless and "
            "illegal.\u201d")
    (q,) = direct(quotes(nlp, text))
    assert q.text == "cruel, reckless and illegal."
    assert "Martin" in speaker_name(q) and q.speaker.code == "FRA"


def test_scare_quotes_of_one_or_two_words_are_not_quotes(nlp):
    text = ("Sudan's army described the strikes as \u201cprecise\u201d and "
            "\u201cfully proportionate\u201d.")
    assert direct(quotes(nlp, text)) == []


def test_quote_running_on_into_its_own_sentence_keeps_the_speaker(nlp):
    text = ("\u201cOur region will never accept rule by the gun,\u201d said Amina Bello, Nigeria's foreign "
            "minister. \u201cForce has not been ruled out.\u201d")
    qs = direct(quotes(nlp, text))
    assert [q.text for q in qs] == ["Our region will never accept rule by the gun", "Force has not been ruled out."]
    assert all("Bello" in speaker_name(q) for q in qs)


def test_multi_sentence_quote_is_one_quote_with_both_sentences_as_evidence(nlp):
    text = ("Ghana's army chief spoke on Monday. \u201cWe are ready. We have always been ready,\u201d "
            "General Kofi Mensah said.")
    (q,) = direct(quotes(nlp, text))
    assert q.text == "We are ready. We have always been ready"
    assert "Mensah" in speaker_name(q)
    assert q.evidence.text.startswith("\u201cWe are ready.") and q.evidence.text.endswith("said.")
    assert text[q.evidence.start:q.evidence.end] == q.evidence.text


def test_reported_speech_is_an_indirect_quote(nlp):
    text = "Yerevan has said it does not have troops in the region."
    (q,) = quotes(nlp, text)
    assert not q.direct and q.text == "it does not have troops in the region"
    assert q.speaker is not None and q.speaker.code == "ARM"


def test_claimed_that_and_told_that(nlp):
    text = ("Student organisers claimed that guards had kicked two of their members in the street. "
            "Colonel Moussa Traore, a spokesman for Mali's army, told state television that "
            "three bridges had been repaired.")
    qs = quotes(nlp, text)
    assert [(q.direct, q.text) for q in qs] == [
        (False, "guards had kicked two of their members in the street"),
        (False, "three bridges had been repaired"),
    ]
    assert "organisers" in speaker_name(qs[0]).lower()
    assert "Traore" in speaker_name(qs[1]) and qs[1].speaker.country == "MLI"


def test_quote_inside_reported_clause_is_not_repeated_as_reported_speech(nlp):
    text = ("Mozambique's navy said \u201cseveral coastal villages are cut off except by air\u201d "
            "after the cyclone.")
    qs = quotes(nlp, text)
    assert [(q.direct, q.text) for q in qs] == [(True, "several coastal villages are cut off except by air")]
    assert qs[0].speaker is not None and qs[0].speaker.code == "MOZ"


def test_straight_quotes_and_unattributed_article_text(nlp):
    text = 'The mayor of Lyon said "the water will be back on by Friday." Crews worked overnight.'
    (q,) = quotes(nlp, text)
    assert q.direct and q.text == "the water will be back on by Friday."
    assert q.speaker is not None and "mayor" in (q.speaker.role or q.speaker.name).lower()


def test_pronoun_whose_antecedent_is_only_inside_the_quote_takes_the_named_speaker(nlp):
    text = ("Turkish President Mehmet Arslan said the operation would continue. "
            "\u201cWe will not stop until every terrorist is neutralised,\u201d he said.")
    (q,) = direct(quotes(nlp, text))
    assert "Arslan" in speaker_name(q) and q.speaker.code == "TUR"


def test_quote_without_a_verb_after_a_reporting_sentence(nlp):
    text = ("Ghana's President Kwame Boateng said the army had regained control. "
            "\u201cOur soldiers have done a remarkable job under difficult conditions.\u201d")
    (q,) = direct(quotes(nlp, text))
    assert "Boateng" in speaker_name(q) and q.speaker.code == "GHA"


def test_names_in_quotation_marks_are_not_quotes(nlp):
    text = ("The group calls itself the so-called \u201cIslamic State in West Africa\u201d and ran "
            "an operation dubbed \u201cOperation Desert Lion Roar.\u201d")
    assert direct(quotes(nlp, text)) == []


def test_quoted_as_saying(nlp):
    text = ("Russian President Pavel Sokolov was quoted as saying by state media: "
            "\u201cThe West is playing a dangerous game.\u201d")
    (q,) = direct(quotes(nlp, text))
    assert "Sokolov" in speaker_name(q) and q.speaker.code == "RUS"


def test_quote_that_ends_its_sentence_is_not_given_the_next_sentences_speaker(nlp):
    text = ("\u201cThe shells fell while the children were playing,\u201d said Hamid Idris, a "
            "shopkeeper. \u201cWe buried four neighbours this morning.\u201d The RSF said in a "
            "statement that it had repelled an attack.")
    qs = direct(quotes(nlp, text))
    assert [speaker_name(q) for q in qs] == ["Hamid Idris", "Hamid Idris"]


def test_speech_verb_inside_a_quote_makes_no_reported_quote(nlp):
    text = ("Dutch Foreign Minister Anna de Vries spoke in The Hague. \u201cI would like to stress "
            "that we hold the government responsible for the attack,\u201d she said.")
    qs = quotes(nlp, text)
    assert [(q.direct, q.text) for q in qs] == [
        (True, "I would like to stress that we hold the government responsible for the attack")]


def test_a_denial_is_not_a_quote_of_what_is_denied(nlp):
    text = ("The army denied that the airport had been shelled and said all flights were "
            "running normally.")
    qs = quotes(nlp, text)
    assert [(q.direct, q.text) for q in qs] == [(False, "all flights were running normally")]
    assert qs[0].speaker is not None and "army" in qs[0].speaker.name


@pytest.mark.parametrize("text, said", [
    ("Kenya says the border runs along the river, a view Somalia rejects.", "the border runs along the river"),
    ("Peru says the mine is safe, a claim residents dispute.", "the mine is safe"),
])
def test_the_writers_comment_on_a_reported_clause_is_not_quoted(nlp, text, said):
    (q,) = quotes(nlp, text)
    assert (q.direct, q.text) == (False, said)


def test_the_group_said_takes_the_group_named_before_as_speaker(nlp):
    text = ("Al-Kataib fighters attacked a police post outside Garissa on Monday, a regional "
            "official said. The group said it had seized two vehicles and would strike again.")
    qs = quotes(nlp, text)
    reported = [q for q in qs if q.text.startswith("it had seized")]
    assert len(reported) == 1
    assert reported[0].speaker is not None and "Al-Kataib" in reported[0].speaker.name


def test_unresolved_description_still_names_its_speaker(nlp):
    text = "The committee said the vote would be held again in March."
    (q,) = quotes(nlp, text)
    assert q.text == "the vote would be held again in March"
    assert q.speaker is not None and "committee" in q.speaker.name.lower()


def test_surname_tagged_as_a_common_noun_is_the_named_person(nlp):
    text = ("Opposition leader Maria Lindqvist rejected the budget. \"I told them, 'you cannot "
            "cut schools and call it reform,' and they laughed,\" Lindqvist said.")
    (q,) = direct(quotes(nlp, text))
    assert q.text.startswith("I told them, 'you cannot cut schools")
    assert q.speaker is not None and q.speaker.name == "Maria Lindqvist"


@pytest.mark.parametrize("text", [
    'She said the book "The Long Road Home" had changed her mind.',
    'The army launched Operation "Northern Shield" at dawn.',
    'Supporters waved banners reading "Justice For Amara Now" outside the court.',
])
def test_titles_of_works_and_operations_are_not_quotes(nlp, text):
    assert direct(quotes(nlp, text)) == []


def test_a_lowercase_phrase_after_a_work_noun_is_still_speech(nlp):
    text = 'The minister called the plan "reckless, cruel and doomed to fail".'
    (q,) = direct(quotes(nlp, text))
    assert q.text == "reckless, cruel and doomed to fail"


def test_according_to_a_statement_from_gives_the_speaker(nlp):
    text = ('According to a statement from the port authority, "all berths will reopen once '
            'the wreck is cleared."')
    (q,) = direct(quotes(nlp, text))
    assert q.speaker is not None and q.speaker.name.lower().endswith("port authority")


def test_clause_according_to_a_source_is_its_reported_speech(nlp):
    text = ("More than 6,000 people have crossed into Chad since May, according to the "
            "International Organization for Migration.")
    (q,) = quotes(nlp, text)
    assert (q.direct, q.text) == (False, "More than 6,000 people have crossed into Chad since May")
    assert q.speaker is not None and q.speaker.code in ("IOM", "UN")


def test_according_to_on_a_noun_phrase_is_no_reported_speech(nlp):
    assert quotes(nlp, "The toll, according to the Red Crescent, was 30.") == [] or all(
        q.text != "The toll" for q in quotes(nlp, "The toll, according to the Red Crescent, was 30."))


def test_according_to_on_a_named_actors_act_is_a_claim_not_speech(nlp):
    text = "Germany flew 400 people out of Juba on Sunday, according to the foreign office."
    assert [q for q in quotes(nlp, text) if not q.direct] == []


def test_according_to_after_an_attributed_quote_adds_no_second_quote(nlp):
    text = ('"We urge both sides to return to talks without delay," the Chinese foreign ministry '
            'said in a statement, according to Xinhua.')
    qs = quotes(nlp, text)
    assert [q.direct for q in qs] == [True]


def test_one_said_takes_the_speakers_named_after_the_last_quote(nlp):
    text = ('"We will rebuild every school," the governor told state radio.\n'
            'Teachers, who asked not to be named, said classes had stopped. '
            '"We have had no salary since March," one said.')
    qs = direct(quotes(nlp, text))
    assert [q.text for q in qs][-1] == "We have had no salary since March"
    assert qs[-1].speaker is not None and "eacher" in qs[-1].speaker.name


def test_the_join_setting_keeps_another_speakers_quotation_apart(nlp, monkeypatch):
    monkeypatch.setenv(JOIN_ENV, "1")
    text = ("\u201cWe will not reopen the port,\u201d said Omar Diallo, the harbour master. "
            "\u201cThe storm has not passed.\u201d\n"
            "\u201cThe fishermen are angry,\u201d said Awa Ndiaye, who leads their union.")
    qs = direct(quotes(nlp, text))
    assert [q.text for q in qs] == ["We will not reopen the port The storm has not passed.",
                                    "The fishermen are angry"]
    assert [speaker_name(q) for q in qs] == ["Omar Diallo", "Awa Ndiaye"]


@pytest.mark.parametrize("text", [
    "Asked about his viewing habits, the senator named \u201cHouse of Cards,\u201d \u201cThe Wire\u201d and "
    "\u201cBreaking Bad\u201d as his favourites.",
    "The mayor repeated his promise on \u201cFace the Nation.\u201d",
    "The campaign posted a clip (\u201cpic.twitter.com/abc123\u201d) within minutes.",
    '<post author="@cityhall" date="May 2, 2016">Roads reopen at noon.</post>',
])
def test_titles_addresses_and_markup_in_marks_are_not_quotes(nlp, text):
    assert direct(quotes(nlp, text)) == []


def test_an_opening_mark_used_as_closer_ends_the_quote():
    text = ("The governor called the ruling \u201ca serious mistake for us\u201c in a statement on Friday. "
            "Her deputy said nothing.")
    spans = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert spans == ["a serious mistake for us"]


def test_a_dash_label_after_the_quote_names_the_speaker(nlp):
    text = ("Readers told us what they think of the new bridge.\n"
            "\u201cIt has cut my drive to work in half.\u201d \u2015 Tomas Berg\n"
            "\u201cThe tolls are far too high for families.\u201d \u2015 Lina Okafor")
    qs = direct(quotes(nlp, text))
    assert [speaker_name(q) for q in qs] == ["Tomas Berg", "Lina Okafor"]


def test_a_line_ending_in_a_colon_introduces_the_speaker(nlp):
    text = ("Governor Rita Alvarez spoke after the vote. The governor continued:\n\n"
            "\u201cThis budget keeps every rural clinic open for another year.\u201d\n\n"
            "Pollster Dan Ocampo: \u201cVoters in the north will decide this race.\u201d")
    qs = direct(quotes(nlp, text))
    assert "Alvarez" in speaker_name(qs[0])
    assert "Ocampo" in speaker_name(qs[1])


def test_a_bare_attribution_after_a_full_stop_gives_the_speaker(nlp):
    text = ("Mayor Ruth Kamau spoke first. Then the opposition leader took the floor.\n"
            "\u201cWe will find the missing funds before the winter.\u201d Samuel Otieno said.")
    (q,) = direct(quotes(nlp, text))
    assert "Otieno" in speaker_name(q)


def test_extra_verbs_introduce_quotes(nlp):
    text = "\u201cThis is the best night of my life,\u201d beamed Carla Mendes, a delegate from Lisbon."
    (q,) = direct(quotes(nlp, text))
    assert "Mendes" in speaker_name(q)


def test_a_date_parsed_as_subject_is_not_the_speaker(nlp):
    text = ("Monday at Riverside College in Dover, DE, after winning Delaware in the primary, "
            "Sen. Paul Harlan (D-DE), said, \u201cWe are going to take this fight all the way to the convention.\u201d")
    (q,) = direct(quotes(nlp, text))
    assert speaker_name(q) == "Paul Harlan"


def test_a_person_named_as_speaker_keeps_the_name_over_an_unrelated_actor(nlp):
    from wirecoder.extract.quote_speakers import person_as_named
    from wirecoder.models import Actor
    doc = nlp("\u201cThe dam will hold for now,\u201d said James Olsen, a physicist at the institute.")
    olsen = next(t for t in doc if t.text == "Olsen")
    country = Actor(name="Norway", code="NOR")
    assert person_as_named(olsen, country).name == "James Olsen"
    same = Actor(name="James Olsen")
    assert person_as_named(olsen, same) is same


def test_a_place_ending_the_line_before_a_quote_is_not_its_speaker(nlp):
    text = ("The mayor flew home on Friday. The next stop on the tour is Paris:\n\n"
            "\u201cWe will welcome the fans with open arms and full hotels.\u201d")
    (q,) = direct(quotes(nlp, text))
    assert q.speaker is None


def test_speaker_between_the_quote_and_a_verb_the_parse_left_without_subject(nlp):
    text = ("\u201cWe were wrong to wait so long before we acted,\u201d Lucia Ferrer, 58, told "
            "reporters in Madrid on Monday.\n"
            "\u201cThe convention was better organised than the last one,\u201d farm delegate "
            "Tom Reyes, wearing a straw hat, said quietly as the hall emptied.")
    qs = direct(quotes(nlp, text))
    assert [speaker_name(q) for q in qs] == ["Lucia Ferrer", "Tom Reyes"]


def test_bare_attribution_sentence_that_runs_on_and_the_piece_after_it(nlp):
    text = ("\u201cThe river has never been this high!\u201d Governor Ruth Okafor said as she "
            "toured the levee. \u201cWe will need every pump in the state.\u201d")
    qs = direct(quotes(nlp, text))
    assert [speaker_name(q) for q in qs] == ["Ruth Okafor", "Ruth Okafor"]


def test_a_clause_leading_into_the_quote_with_a_comma_names_its_speaker(nlp):
    text = ("\u201cThe school will stay closed until the roof is fixed,\u201d said Ana Ruiz, the principal.\n"
            "After the councillor questioned her record, Marta Gil shot back, "
            "\u201cI have repaired more schools than anyone on this council.\u201d")
    qs = direct(quotes(nlp, text))
    assert [speaker_name(q) for q in qs] == ["Ana Ruiz", "Marta Gil"]


@pytest.mark.parametrize("text", [
    '\u2014"The mayor refused to ride the new tram line," by the Daily Ledger\'s Amy Stone.',
    'I agree with the senator ("Senator calls the tax plan a fraud on workers," Ledger.com, Monday).',
    'Her editorial "Tell us why the bridge is still closed," ran on Sunday.',
])
def test_headlines_with_their_byline_or_outlet_are_no_quotes(nlp, text):
    assert direct(quotes(nlp, text)) == []


def test_attribution_split_off_after_a_question_carries_to_the_next_piece(nlp):
    text = ("\u201cWhy are you still backing the governor?\u201d Senator Ada Kerr asked party leaders. "
            "\u201cWhat does this say about your party?\u201d")
    qs = direct(quotes(nlp, text))
    assert [speaker_name(q) for q in qs] == ["Ada Kerr", "Ada Kerr"]


def test_a_new_paragraph_is_no_bare_attribution_of_the_quote_before(nlp):
    text = ("\u201cThey can close our offices, but they cannot close the count,\u201d said Rita Olmo, "
            "the campaign manager. \u201cWe have every tally sheet.\u201d\n\n"
            "The embassy condemned the arrests on Tuesday.")
    qs = direct(quotes(nlp, text))
    assert [speaker_name(q) for q in qs] == ["Rita Olmo", "Rita Olmo"]


def test_mixed_quote_marks_close_the_quote():
    # copy pasted together: a straight opening mark closed by a curly one, and the reverse
    text = ('"We will build the bridge,\u201d said Ann Lee.\n\n'
            '\u201cThe vote was fair," Tom Reed said, calling the result "a clear mandate."\n\n'
            '\u201cHe called it "bad" and left,\u201d Lee said.')
    spans = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert spans[:2] == ["We will build the bridge,", "The vote was fair,"]
    assert "He called it \"bad\" and left," in spans


def test_surname_that_is_a_demonym_or_a_state_is_a_person(nlp):
    text = ("\u201cThe market will recover,\u201d Mark Cuban said on Tuesday. "
            "\u201cI would buy now,\u201d he added.")
    got = quotes(nlp, text)
    assert [speaker_name(q) for q in got] == ["Mark Cuban", "Mark Cuban"]
    assert all(q.speaker.code != "CUB" for q in got)


def test_given_name_gives_the_pronoun_its_gender(nlp):
    text = ("Hillary Clinton spoke first at the rally in Ohio. Later Donald Trump arrived with his aides. "
            "\u201cI love this state,\u201d she said.")
    (q,) = quotes(nlp, text)
    assert speaker_name(q) == "Hillary Clinton"


def test_surname_tagged_as_an_adverb_after_said(nlp):
    text = ("Bill Skelly, a longtime data operative, vouched for the team.\n\n"
            "\u201cHaving access to the file is valuable,\u201d said Skelly, explaining he knew them well.")
    (q,) = quotes(nlp, text)
    assert speaker_name(q) == "Bill Skelly"
