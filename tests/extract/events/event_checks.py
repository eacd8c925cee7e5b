"""Small readers of extracted events for the assertions of the event tests."""
from __future__ import annotations


def code(actor):
    """The actor's code, else its country (a sector-only actor still has a state)."""
    return None if actor is None else (actor.code or actor.country)


def only(events, etype):
    """The one event of `etype`; fails naming every event found otherwise."""
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger, code(e.source), code(e.target)) for e in events]
    return found[0]


def types(events):
    return sorted(e.type for e in events)
