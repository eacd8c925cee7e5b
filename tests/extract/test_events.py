"""PLOVER event coding: the lexicon, single constructions, and whole test articles.

The articles in tests/extract/articles/ were written for these tests; expected.json
says what a careful coder takes from each (type, actors, claimant, negation, date).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from wirecoder.extract.context import Context
from wirecoder.extract.event_lexicon import LexiconError, get_lexicon, parse_lexicon
from wirecoder.models import EVENT_TYPES, Article

ARTICLES = Path(__file__).parent / "articles"
EXPECTED = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))


def code_events(text: str, published: date):
    from wirecoder.extract.actors import extract_actors
    from wirecoder.extract.events import extract_events
    from wirecoder.extract.places import extract_places
    from wirecoder.nlp import parse

    doc = parse([text])[0]
    ctx = Context(article=Article(id="x", text=text, published=published), doc=doc, reference_date=published)
    ctx.places = extract_places(ctx)
    ctx.actors = extract_actors(ctx)
    return extract_events(ctx)


def code_of(actor):
    return None if actor is None else (actor.code or actor.country)


def one(events, etype):
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger) for e in events]
    return found[0]


# ------------------------------------------------------------------ the lexicon

def test_lexicon_covers_every_plover_type():
    lex = get_lexicon()
    assert {e.type for e in lex.entries} == set(EVENT_TYPES)
    assert len(lex.entries) > 300
    # every row names a CAMEO root of two digits
    assert all(len(e.cameo) == 2 and e.cameo.isdigit() for e in lex.entries)


def test_lexicon_rows_read_as_written():
    lex = get_lexicon()
    call_on = next(e for e in lex.lookup("V", "call") if e.particle == "on")
    assert (call_on.type, call_on.cameo, call_on.targets) == ("REQUEST", "02", ("pp",))
    air = next(e for e in lex.lookup("N", "strike") if e.modifiers == ("air",))
    assert (air.type, air.mode) == ("ASSAULT", "heavy-weapons")
    seize = [e.type for e in lex.lookup("V", "seize")]
    assert seize[0] == "COERCE" and seize[-1] == "ASSAULT"  # a person is arrested, posts are taken


@pytest.mark.parametrize("row, message", [
    ("attack\tV\tASSAULT\t-\t19\tobj", "expected 7 columns"),
    ("attack\tV\tFIGHT\t-\t19\tobj\t-", "not a PLOVER type"),
    ("attack\tV\tASSAULT\t-\t19\tobj\tsoon=1", "unknown condition"),
    ("attack\tV\tASSAULT\t-\t19\tsomewhere\t-", "unknown target"),
    ("attack\tV\tASSAULT\t-\t19\tobj\tobj=@nosuchclass", "unknown word class"),
])
def test_malformed_lexicon_rows_name_the_problem(row, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon("# header\n" + row + "\n")


# ------------------------------------------------------------------ constructions

def test_passive_with_agent_gives_source_and_target():
    ev = one(code_events("Turkey was attacked by Syrian troops near the border on Monday.",
                         date(2024, 3, 13)), "ASSAULT")
    assert (code_of(ev.source), code_of(ev.target)) == ("SYR", "TUR")
    assert ev.date == date(2024, 3, 11) and ev.date_precision == "day"
    assert ev.cameo == "19" and ev.trigger == "attacked"


def test_call_on_x_to_is_one_request_without_the_requested_act():
    events = code_events("Moscow called on Azerbaijan to stop its military operations.", date(2024, 1, 5))
    assert [e.type for e in events] == ["REQUEST"]
    assert (code_of(events[0].source), code_of(events[0].target)) == ("RUS", "AZE")


def test_reported_attack_is_claimed_by_the_speaker():
    ev = one(code_events("Kenyan officials said Somali militants attacked a police post in Mandera.",
                         date(2024, 1, 5)), "ASSAULT")
    assert code_of(ev.claimed_by) == "KEN"
    assert ev.claimed_by.sector == "GOV"
    assert ev.negated is False


def test_denial_negates_the_embedded_event_and_adds_no_reject():
    events = code_events("The Ukrainian army denied that its troops had shelled the village.", date(2024, 1, 5))
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].negated is True and code_of(events[0].source) == "UKR"
    assert events[0].mode == "heavy-weapons"


def test_hypothetical_and_generic_mentions_are_not_events():
    text = ("Analysts said the rebels could attack the capital within weeks. "
            "Any military intervention would be a disaster, the newspaper wrote.")
    assert code_events(text, date(2024, 1, 5)) == []


def test_coordinated_sources_give_one_record_with_the_first_actor():
    events = code_events("France, Germany and Italy condemned the coup in Niger.", date(2024, 1, 5))
    assert [(e.type, code_of(e.source), code_of(e.target)) for e in events] == [("ACCUSE", "FRA", None)]


def test_one_sentence_two_different_events():
    text = "The United States imposed sanctions on Iran on Tuesday and warned that it would use force."
    events = code_events(text, date(2024, 2, 2))
    assert sorted(e.type for e in events) == ["SANCTION", "THREATEN"]
    sanction = one(events, "SANCTION")
    assert (code_of(sanction.source), code_of(sanction.target)) == ("USA", "IRN")
    assert sanction.date == date(2024, 1, 30)


def test_same_type_predicates_of_one_sentence_are_one_event():
    text = "Rebels seized two villages and destroyed a bridge near Goma on Friday."
    events = code_events(text, date(2024, 2, 5))
    assert [e.type for e in events] == ["ASSAULT"]


def test_reported_violation_is_an_accusation_by_the_speaker():
    text = "Armenia's foreign ministry said Azerbaijan violated the ceasefire overnight."
    ev = one(code_events(text, date(2024, 1, 5)), "ACCUSE")
    assert (code_of(ev.source), code_of(ev.target)) == ("ARM", "AZE")


def test_nominal_event_owned_by_an_actor_and_occurrence_nouns():
    text = ("Georgia's offensive continued for a third day. "
            "The shelling started shortly after midnight.")
    events = code_events(text, date(2024, 1, 5))
    assert [e.type for e in events] == ["ASSAULT", "ASSAULT"]
    assert code_of(events[0].source) == "GEO" and events[1].source is None


def test_deadline_with_a_to_infinitive_is_a_demand():
    text = "The African Union gave the junta two weeks to restore civilian rule."
    ev = one(code_events(text, date(2024, 1, 5)), "REQUEST")
    assert code_of(ev.source) == "AU" and ev.cameo == "10"


def test_protest_type_and_site_and_demand_absorbed():
    text = "Crowds gathered outside the Russian embassy in Tbilisi, calling for the ambassador to leave."
    events = code_events(text, date(2024, 1, 5))
    assert [e.type for e in events] == ["PROTEST"]
    assert events[0].source.sector == "CVL" and code_of(events[0].target) == "RUS"


def test_agentless_passive_reported_by_police_takes_police_as_source():
    text = "At least 12 protesters were detained in Karachi, police said."
    ev = one(code_events(text, date(2024, 1, 5)), "COERCE")
    assert ev.source is not None and ev.source.sector == "COP" and code_of(ev.source) == "PAK"
    assert ev.mode == "arrest" and ev.target.sector == "CVL"


def test_date_is_inherited_within_a_paragraph_not_across():
    text = ("On Sunday, thousands of supporters marched through Bamako. Police fired tear gas at them.\n"
            "The government rejected the protesters' demands.")
    events = code_events(text, date(2024, 3, 6))
    by_type = {e.type: e for e in events}
    assert by_type["PROTEST"].date == date(2024, 3, 3)
    assert by_type["COERCE"].date == date(2024, 3, 3)
    assert by_type["REJECT"].date is None


def test_evidence_offsets_point_into_the_text():
    text = "Quiet returned to the city.\nIsrael struck targets in Gaza on Monday, the army said."
    ev = one(code_events(text, date(2024, 5, 8)), "ASSAULT")
    assert text[ev.evidence.start:ev.evidence.end].strip() == ev.evidence.text.strip()
    assert ev.evidence.text.startswith("Israel struck")


# ------------------------------------------------------------------ whole articles

def _fits(exp: dict, ev) -> bool:
    return ev.type == exp["type"] and exp["fragment"].lower() in ev.evidence.text.lower()


def _check(exp: dict, ev) -> list[str]:
    """Field mismatches between an expected event and the coded one."""
    bad = []
    for key in ("source", "target"):
        want = exp.get(key, "*")
        got = code_of(getattr(ev, key))
        if want != "*" and got != want:
            bad.append(f"{key} {got} != {want}")
    if "claimed_by" in exp and code_of(ev.claimed_by) != exp["claimed_by"]:
        bad.append(f"claimed_by {code_of(ev.claimed_by)} != {exp['claimed_by']}")
    if "negated" in exp and ev.negated != exp["negated"]:
        bad.append(f"negated {ev.negated}")
    if "date" in exp and str(ev.date) != exp["date"]:
        bad.append(f"date {ev.date} != {exp['date']}")
    return bad


def score_article(name: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """(missing expectations, wrong fields, (expected type, coded type) pairs for confusion)."""
    spec = EXPECTED[name]
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    events = code_events(text, date.fromisoformat(spec["published"]))
    missing, wrong, pairs, used = [], [], [], set()
    for exp in spec["events"]:
        match = next((i for i, ev in enumerate(events) if i not in used and _fits(exp, ev)), None)
        if match is None:
            # confusion: what was coded from that sentence instead, if anything
            other = next((ev.type for i, ev in enumerate(events)
                          if i not in used and exp["fragment"].lower() in ev.evidence.text.lower()), None)
            if not exp.get("optional"):
                missing.append(f"{exp['type']}: {exp['fragment']}")
                pairs.append((exp["type"], other or "-"))
            continue
        used.add(match)
        pairs.append((exp["type"], exp["type"]))
        wrong += [f"{exp['type']} '{exp['fragment']}': {b}" for b in _check(exp, events[match])]
    for i, ev in enumerate(events):
        if i not in used:
            missing.append(f"unexpected {ev.type} [{ev.trigger}] {ev.evidence.text[:60]}")
            pairs.append(("-", ev.type))
    return missing, wrong, pairs


@pytest.mark.parametrize("name", sorted(k for k in EXPECTED if not k.startswith("_")))
def test_article_events(name):
    missing, wrong, _ = score_article(name)
    assert missing == [] and wrong == []
