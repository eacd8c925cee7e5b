"""Targets found beyond the row's own places, and expressed intentions (events.targets,
events.intentions). Sentences written for these tests."""
from __future__ import annotations


from event_checks import code, only


# ------------------------------------------------------------------ targets

def test_target_is_the_demonym_on_the_object_of_a_threatened_act(events_of):
    ev = only(events_of("Ecuador threatened on Monday to bomb Peruvian villages along the river."), "THREATEN")
    assert code(ev.source) == "ECU" and code(ev.target) == "PER"


def test_target_is_the_object_of_to_after_a_grant(events_of):
    ev = only(events_of("Chile has granted political asylum to nine Bolivian students, officials said."), "AID")
    assert code(ev.source) == "CHL" and code(ev.target) == "BOL"


def test_target_of_aid_is_the_for_phrase_of_the_aid_noun(events_of):
    ev = only(events_of("Norway sent $20 million in emergency aid for Malawi on Friday."), "AID")
    assert code(ev.source) == "NOR" and code(ev.target) == "MWI"


def test_a_clause_under_with_gives_no_target(events_of):
    events = events_of("The clashes began at dawn, with Kenyan troops firing mortars at several positions.")
    assert all(code(e.target) != "KEN" or code(e.source) != "KEN" for e in events)


def test_protest_in_defiance_of_a_foreign_state_is_aimed_at_it(events_of):
    ev = only(events_of("Tens of thousands of people marched in Hong Kong in defiance of the Chinese authorities."),
              "PROTEST")
    assert code(ev.target) == "CHN"


def test_rally_in_protest_against_a_state_is_aimed_at_it(events_of):
    ev = only(events_of("Thousands of Kurds rallied in Berlin in protest against Turkey."), "PROTEST")
    assert code(ev.target) == "TUR"


# ------------------------------------------------------------------ intentions

def test_promise_to_continue_aid_is_an_agreement(events_of):
    events = events_of("Canada has promised to continue military aid to Latvia.")
    ev = only(events, "AGREE")
    assert code(ev.source) == "CAN" and code(ev.target) == "LVA"
    assert not [e for e in events if e.type == "AID"]      # the aid is only promised


def test_ready_to_contribute_troops_is_an_agreement(events_of):
    ev = only(events_of("Ghana is ready to contribute 500 troops to a peace force in Mali, its defence minister said."),
              "AGREE")
    assert code(ev.source) == "GHA" and code(ev.target) == "MLI"


def test_willing_to_withdraw_is_an_agreement(events_of):
    ev = only(events_of("Morocco says it is willing to withdraw its forces from the disputed zone."), "AGREE")
    assert code(ev.source) == "MAR"


def test_not_willing_states_no_agreement(events_of):
    assert not [e for e in events_of("Morocco says it is not willing to withdraw its forces.") if e.type == "AGREE"]


def test_pledge_to_crush_is_a_threat(events_of):
    events = events_of("Sudan pledged to crush the rebels in Darfur.")
    assert only(events, "THREATEN").source.code == "SDN"
    assert not [e for e in events if e.type == "AGREE"]


def test_announced_support_is_an_agreement(events_of):
    ev = only(events_of("Spain will support Morocco's bid to host the summit, the Spanish foreign minister said."),
              "AGREE")
    assert code(ev.source) == "ESP" and code(ev.target) == "MAR"


def test_announced_aid_stays_aid(events_of):
    events = events_of("The World Food Programme said it would resume humanitarian aid to Haiti next week.")
    assert [e.type for e in events if e.type in ("AID", "AGREE")] == ["AID"]


def test_boycott_unless_is_a_threat(events_of):
    ev = only(events_of("The opposition party said it will boycott the election unless the president resigns."),
              "THREATEN")
    assert ev.source is not None


def test_pledge_to_expel_is_a_threat(events_of):
    events = events_of("Sudan pledged to expel the Chadian diplomats.")
    ev = only(events, "THREATEN")
    assert code(ev.source) == "SDN"
    assert not [e for e in events if e.type in ("AGREE", "COERCE", "SANCTION")]


def test_a_domestic_protest_is_aimed_at_the_state_it_is_held_in(events_of):
    ev = only(events_of("Thousands of students demonstrated in Lima on Tuesday to demand lower fees."), "PROTEST")
    assert code(ev.target) == "PER"
