"""Coverage of the PLOVER lexicon (wirecoder/data/predicates.tsv) on ordinary news phrasing.

Each sentence was written for this file: one or two common ways wire copy states an
event of each PLOVER type, then the senses of the same words that state no event
("strike a deal", "fired its chief executive"), then three short probe articles in
tests/extract/articles/coverage/ coded by hand before the coder was run on them.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

PUBLISHED = date(2026, 3, 10)
COVERAGE = Path(__file__).parent / "articles" / "coverage"


def events_of(extract, text: str):
    return extract(text, PUBLISHED).events


def code_of(actor):
    return None if actor is None else (actor.code or actor.country)


# sentence, PLOVER type, mode (None: the row gives none)
POSITIVE = [
    # ASSAULT
    ("Israeli jets pounded targets in southern Lebanon overnight.", "ASSAULT", "heavy-weapons"),
    ("Suspected jihadists torched dozens of homes in a village in Burkina Faso.", "ASSAULT", "destroy"),
    ("Islamic State militants beheaded a local chief in Mozambique.", "ASSAULT", "execute"),
    ("Russia launched a barrage of missiles at Kyiv overnight.", "ASSAULT", "heavy-weapons"),
    ("Fighters strafed a convoy on the highway to Aleppo.", "ASSAULT", "heavy-weapons"),
    ("Pakistani troops exchanged fire with Afghan forces at the border.", "ASSAULT", "firearms"),
    ("A car bomb exploded outside a police station in Mogadishu.", "ASSAULT", "explosives"),
    ("Rebels seized control of the town of Goma.", "ASSAULT", None),
    ("The army besieged the rebel-held city.", "ASSAULT", None),
    ("Troops raided a rebel camp in the hills.", "ASSAULT", None),
    ("Police charged protesters with batons in Dhaka.", "ASSAULT", "beat"),
    ("Armed men stormed a hotel in Mogadishu.", "ASSAULT", None),
    ("The army said it had neutralised 12 terrorists in the north.", "ASSAULT", None),
    ("A barrage of rockets hit the city overnight.", "ASSAULT", None),
    ("Pirates took the crew hostage.", "ASSAULT", "abduct"),
    # COERCE
    ("Authorities placed the opposition leader under house arrest.", "COERCE", "arrest"),
    ("The regime jammed foreign broadcasts.", "COERCE", "censor"),
    ("Police raided the homes of opposition leaders.", "COERCE", None),
    ("Authorities took the journalist into custody.", "COERCE", "arrest"),
    ("The government imposed an internet shutdown in the region.", "COERCE", "censor"),
    # CONSULT
    ("The Indian prime minister paid a state visit to France.", "CONSULT", "visit"),
    ("Norway brokered talks between the government and the rebels.", "CONSULT", "third-party"),
    ("Iran and Saudi Arabia held a round of negotiations in Baghdad.", "CONSULT", None),
    ("The Pope welcomed the Argentine president to the Vatican.", "CONSULT", "visit"),
    ("Biden held a video call with Xi on Tuesday.", "CONSULT", "phone"),
    # AID
    ("The European Union approved a 5 billion euro loan for Egypt.", "AID", "economic"),
    ("The Red Cross distributed food to flood victims in Pakistan.", "AID", "humanitarian"),
    ("China shipped vaccines to Peru.", "AID", "humanitarian"),
    ("Aid trucks entered Gaza through the Rafah crossing.", "AID", "humanitarian"),
    # REQUEST
    ("The Philippines petitioned the tribunal to rule on the dispute.", "REQUEST", None),
    ("Washington pressured Kyiv to hold elections.", "REQUEST", None),
    # REJECT
    ("The rebels refused to lay down their arms.", "REJECT", "yield"),
    ("Niger declined an invitation to the summit.", "REJECT", None),
    # THREATEN
    ("Moscow vowed revenge for the attack.", "THREATEN", "violence"),
    # PROTEST
    ("Dock workers walked off the job in Antwerp.", "PROTEST", "strike-lim"),
    ("Nurses launched a strike over unpaid wages.", "PROTEST", "strike-gen"),
    ("Workers downed tools at the port.", "PROTEST", "strike-gen"),
    # SANCTION
    ("The African Union suspended Gabon from the bloc.", "SANCTION", None),
    ("Japan imposed export controls on chips to China.", "SANCTION", None),
    ("Estonia declared two Russian diplomats persona non grata.", "SANCTION", "expel"),
    # MOBILIZE
    ("Armenia put its army on high alert.", "MOBILIZE", "troops"),
    ("India moved additional troops to the border with China.", "MOBILIZE", "troops"),
    ("North Korea conducted a missile test on Sunday.", "MOBILIZE", "weapons"),
    ("Iran test-fired a ballistic missile on Tuesday.", "MOBILIZE", "weapons"),
    ("The government dispatched riot police to the city.", "MOBILIZE", "police"),
    # AGREE
    ("India and Britain concluded a free trade agreement.", "AGREE", None),
    ("Israel and Lebanon initialled a maritime border deal.", "AGREE", None),
    # COOPERATE
    ("Colombian and Venezuelan forces conducted joint patrols along the border.", "COOPERATE", None),
    ("Saudi Arabia restored diplomatic relations with Iran.", "COOPERATE", None),
    # SUPPORT
    ("The African Union hailed the peaceful transfer of power.", "SUPPORT", None),
    ("The EU lauded Montenegro's reform efforts.", "SUPPORT", None),
    ("Western allies rallied behind Kyiv.", "SUPPORT", None),
    # CONCEDE
    ("The president conceded defeat in the election.", "CONCEDE", None),
    ("The junta eased restrictions on the media.", "CONCEDE", None),
    # RETREAT
    ("The militia handed over its weapons to the UN.", "RETREAT", "disarm"),
    ("Iran released the detained French tourists.", "RETREAT", "release"),
    ("The government pardoned 500 prisoners.", "RETREAT", "release"),
    # ACCUSE
    ("Israel lashed out at the ICC prosecutor.", "ACCUSE", None),
    ("The UN faulted Myanmar's military for the atrocities.", "ACCUSE", None),
    ("South Africa filed a genocide case against Israel at the ICJ.", "ACCUSE", None),
    ("The opposition alleged fraud in the election.", "ACCUSE", None),
    ("The attack drew condemnation from the United Nations.", "ACCUSE", None),
]


@pytest.mark.parametrize("sentence, etype, mode", POSITIVE, ids=[f"{t}:{s[:40]}" for s, t, _ in POSITIVE])
def test_common_phrasing_is_coded(extract, sentence, etype, mode):
    events = events_of(extract, sentence)
    assert [e.type for e in events] == [etype], [(e.type, e.trigger) for e in events]
    assert events[0].mode == mode


def test_exchange_of_fire_names_both_sides(extract):
    ev, = events_of(extract, "Pakistani troops exchanged fire with Afghan forces at the border.")
    assert (code_of(ev.source), code_of(ev.target)) == ("PAK", "AFG")


def test_recalled_ambassador_targets_the_host_state(extract):
    ev, = events_of(extract, "Niger recalled its ambassador from France.")
    assert (ev.type, ev.mode, code_of(ev.source), code_of(ev.target)) == ("SANCTION", "withdraw", "NER", "FRA")


# The same words in senses that report no event, or another event.
NEGATIVE = [
    ("The company fired its chief executive on Monday.", set()),
    ("The batteries were charged overnight.", set()),
    ("The two firms struck a deal worth 2 billion dollars.", {"AGREE"}),
    ("Heavy rain pounded the capital on Sunday.", set()),
    ("The minister pounded the table in anger.", set()),
    ("He took control of the company in 2019.", set()),
    ("The economy exploded after the reforms.", set()),
    ("The minister received a letter from the president.", set()),
    ("The ministry shared information about the outbreak.", set()),
    ("The spokesman declined to comment.", set()),
    ("The team defied expectations in the final.", set()),
    ("The crowd burned flags outside the embassy.", set()),
    ("The council moved to a new building.", set()),
    ("The army returned fire.", set()),
    ("The striker won a penalty in the second half.", set()),
    ("The president positioned himself as a reformer.", set()),
    ("Officials held a drill for earthquake response.", set()),
    ("The actor admitted that he was nervous.", set()),
    ("The storm blasted the coast.", set()),
    ("The trucks entered the city at dawn.", set()),
    ("The match drew a crowd of 40,000.", set()),
    ("The striker fired a shot at goal in the final minute.", set()),
    ("Fans poured into the streets to celebrate the title.", set()),
]


@pytest.mark.parametrize("sentence, types", NEGATIVE, ids=[s[:40] for s, _ in NEGATIVE])
def test_non_event_senses_are_not_coded(extract, sentence, types):
    events = events_of(extract, sentence)
    assert {e.type for e in events} == types, [(e.type, e.trigger) for e in events]


# ------------------------------------------------------------------ probe articles
# What an analyst codes, one tuple per event record: (type, mode, source code, target code).
ARTICLES = {
    "cabo-delgado-raid.txt": [
        ("ASSAULT", "destroy", "MOZ", "MOZ"),      # torched homes, beheaded villagers
        ("ASSAULT", "firearms", "MOZ", "MOZ"),     # overran a police post, ambushed a patrol
        ("ASSAULT", "firearms", "RWA", "MOZ"),     # exchanged fire with the insurgents
        ("AID", "humanitarian", "UN", "MOZ"),      # airlifted tents
    ],
    "baltic-expulsions.txt": [
        ("SANCTION", "expel", "EST", "RUS"),       # persona non grata + recalled ambassador
        ("MOBILIZE", "troops", "NATO", None),      # rushed fighter jets
        ("MOBILIZE", "troops", "FIN", None),       # navy on high alert
        ("THREATEN", "violence", "RUS", None),     # vowed retaliation
    ],
    "haiti-gangs.txt": [
        ("ASSAULT", "destroy", "HTI", "HTI"),      # set fire to a police station, took hostages
        ("MOBILIZE", "police", "KEN", None),       # deployed police officers
        ("ASSAULT", "firearms", "HTI", "HTI"),     # traded fire (the officers resolve to Haiti today)
        ("COERCE", "restrict", "DOM", "HTI"),      # closed the border, deported migrants
        ("AID", "economic", "CAN", "HTI"),         # pledged humanitarian assistance
    ],
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_probe_articles(extract, name):
    text = (COVERAGE / name).read_text(encoding="utf-8")
    got = [(e.type, e.mode, code_of(e.source), code_of(e.target)) for e in extract(text, PUBLISHED).events]
    for want in ARTICLES[name]:
        assert want in got, (want, got)


def test_probe_article_strike_and_crackdown(extract):
    text = (COVERAGE / "bolivia-miners.txt").read_text(encoding="utf-8")
    events = extract(text, PUBLISHED).events
    by_type = {e.type: e for e in events}
    assert by_type["PROTEST"].mode in ("strike-gen", "obstruct")
    coerce = by_type["COERCE"]
    assert (coerce.mode, code_of(coerce.source), code_of(coerce.claimed_by)) == ("arrest", "BOL", "BOL")
    assert by_type["RETREAT"].mode == "release"
