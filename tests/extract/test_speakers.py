"""Every quote speaker and every claimant is also one of the record's actors."""
from __future__ import annotations

from datetime import date

from wirecoder.models import Actor, Event, Evidence, Figure, Quote
from wirecoder.extract.speakers import register_speakers

TEXT = ("The Lakeshore Boatmen's Association said 12 fishing boats were seized on Monday. "
        "\"We will not give up the lake,\" the association said. "
        "The harbour master said police had detained 30 fishermen.")


def _listed(actor, actors):
    """A record's actor is a reference (wirecoder.pipeline.References): its id names its entry."""
    return actor.id is not None and actors[actor.id].name == actor.name


def test_speakers_and_claimants_are_actors(extract):
    got = extract(TEXT, published=date(2024, 4, 8))
    speakers = [q.speaker for q in got.quotes if q.speaker is not None]
    claimants = [r.claimed_by for r in (*got.figures, *got.events) if r.claimed_by is not None]
    assert speakers and claimants
    for actor in speakers + claimants:
        assert _listed(actor, got.actors), actor.name
    names = {a.name for a in got.actors}
    assert "Lakeshore Boatmen's Association" in names or "The Lakeshore Boatmen's Association" in names
    assert any("harbour master" in a.name for a in got.actors)
    # one entry per speaker, however often it speaks
    keys = [(a.name.casefold(), a.code, a.sector, a.country, a.role) for a in got.actors]
    assert len(keys) == len(set(keys))


def test_register_speakers_merges_one_speaker_and_keeps_table_actors():
    ev = Evidence(text="x", start=0, end=1)
    table = Actor(name="Kenya", code="KEN", mentions=[(0, 5)])
    coast1 = Actor(name="the coastguard", sector="MIL", mentions=[(10, 24)])
    coast2 = Actor(name="the coastguard", sector="MIL", mentions=[(40, 54)])
    quotes = [Quote(text="We saw them", speaker=coast1, direct=True, evidence=ev),
              Quote(text="Kenya will act", speaker=table, direct=True, evidence=ev)]
    figures = [Figure(kind="killed", min=3, max=3, claimed_by=coast2, evidence=ev)]
    events = [Event(type="ASSAULT", claimed_by=table, evidence=ev)]
    actors = register_speakers([table], quotes, figures, events)
    assert [a.name for a in actors] == ["Kenya", "the coastguard"]
    assert actors[1].mentions == [(10, 24), (40, 54)]
    assert quotes[0].speaker is actors[1] and figures[0].claimed_by is actors[1]
    assert quotes[1].speaker is table and events[0].claimed_by is table
