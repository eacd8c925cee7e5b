"""Acts judged by naming them ("called the closures an attack on democracy"), denials
of violence, conditional threats in quotes, orders to leave, lifted blockades, hacking,
and texts that demand on their authors' behalf. Sentences written for these tests."""
from __future__ import annotations


from event_checks import code


def test_calling_a_move_an_attack_accuses_who_made_the_move(events_of):
    events = events_of("Hungarian police closed three opposition offices on Monday, "
                       "a move that the party called an attack on democracy.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert len(accuse) == 1 and code(accuse[0].target) == "HUN"


def test_calling_an_expulsion_a_serious_blow_accuses_the_expelling_state(events_of):
    events = events_of("Chad expelled two aid workers, a move the United Nations called a serious blow to its relief work.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert len(accuse) == 1 and code(accuse[0].source) == "UN" and code(accuse[0].target) == "TCD"


def test_calling_off_an_attack_is_no_accusation(events_of):
    assert not [e for e in events_of("The minister called off the attack after the talks.") if e.type == "ACCUSE"]


def test_denying_that_fighters_had_targeted_civilians_is_a_negated_assault(events_of):
    events = events_of("The rebel militia denied that its fighters had targeted civilians.")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert len(assault) == 1 and assault[0].negated


def test_condemning_an_assault_on_a_place_of_no_known_state_accuses_the_attackers(events_of):
    events = events_of("Militia fighters stormed a displacement camp in the north on Sunday, killing dozens. "
                       "Britain condemned the assault on Tawarok.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert len(accuse) == 1 and accuse[0].target is not None and accuse[0].target.sector == "REB"


def test_beating_an_employee_is_an_assault(events_of):
    assert [e for e in events_of("Officers had beaten an employee at the office, the union said.")
            if e.type == "ASSAULT"]


def test_conditional_response_in_quotes_is_a_threat(events_of):
    events = events_of('"If the assembly passes this motion, Belarus will respond firmly," the envoy said.')
    assert [e for e in events if e.type == "THREATEN" and code(e.source) == "BLR"]


def test_striking_back_announced_in_quotes_is_a_threat(events_of):
    events = events_of('"We will strike back at anyone who crosses the border," the Malian army said.')
    assert [e for e in events if e.type == "THREATEN"]


def test_a_resolution_that_demands_speaks_for_who_drafted_it(events_of):
    events = events_of("Norway and Denmark have drafted a resolution that demands Russia release the sailors.")
    request = [e for e in events if e.type == "REQUEST"]
    assert len(request) == 1 and code(request[0].source) == "NOR" and code(request[0].target) == "RUS"


def test_ordering_an_ambassador_to_leave_is_an_expulsion(events_of):
    events = events_of("Bolivia ordered the Peruvian ambassador to leave the country within 72 hours.")
    sanction = [e for e in events if e.type == "SANCTION"]
    assert len(sanction) == 1 and code(sanction[0].source) == "BOL" and code(sanction[0].target) == "PER"


def test_ordering_residents_to_leave_is_coercion_but_ordering_own_troops_to_halt_is_not(events_of):
    assert [e for e in events_of("Rebel commanders ordered residents to leave the camp within 48 hours.")
            if e.type == "COERCE"]
    assert not events_of("The government ordered its troops to halt the offensive.")


def test_lifting_a_blockade_is_a_military_retreat_but_lifting_sanctions_a_concession(events_of):
    assert [e for e in events_of("The Turkish army lifted on Friday a week-old blockade on Kurdish villages.")
            if e.type == "RETREAT"]
    assert [e for e in events_of("Ukraine lifted sanctions on Belarusian fertiliser.") if e.type == "CONCEDE"]


def test_hacking_into_networks_is_coercion_and_hacking_to_death_an_assault(events_of):
    assert [e for e in events_of("Chinese hackers hacked into the networks of Taiwan's defence ministry.")
            if e.type == "COERCE"]
    assert [e for e in events_of("Police hacked a man to death with machetes, witnesses said.")
            if e.type == "ASSAULT"]


def test_refusing_to_respond_to_a_demand_is_a_rejection(events_of):
    events = events_of("Nepal has refused to respond to a demand from India to reopen the border post.")
    assert [e for e in events if e.type == "REJECT" and code(e.source) == "NPL"]
