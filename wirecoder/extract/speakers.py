"""Every speaker and claimant is an actor of the record.

Attribution resolves a speaker through the actor table (`ctx.actors`); one the table does
not know ("the Sudan Doctors' Union", "the coastguard") still becomes an Actor, so its
claim is not taken for the article's own voice. This step, run once the extractors are
done, enters those actors into the record's `actors` list, one per speaker (same name,
code, sector, country and role), with the mentions of all its quotes and claims, and
points the quotes, figures and events at that one entry.
"""
from __future__ import annotations

from wirecoder.models import Actor, Event, Figure, Quote


def _key(actor: Actor) -> tuple:
    return actor.name.casefold(), actor.code, actor.sector, actor.country, actor.role


def register_speakers(actors: list[Actor], quotes: list[Quote], figures: list[Figure],
                      events: list[Event]) -> list[Actor]:
    """The record's actors with every quote speaker and claimant among them (in place on the
    records: each speaker field then holds the listed actor)."""
    out = list(actors)
    listed = {id(a) for a in out}
    by_key: dict[tuple, Actor] = {}
    for actor in out:
        by_key.setdefault(_key(actor), actor)

    def entry(actor: Actor) -> Actor:
        if id(actor) in listed:
            return actor
        known = by_key.get(_key(actor))
        if known is None:
            known = actor.model_copy(update={"mentions": sorted(set(actor.mentions))})
            by_key[_key(actor)] = known
            out.append(known)
            listed.add(id(known))
        elif any(m not in known.mentions for m in actor.mentions):
            known.mentions = sorted(set(known.mentions) | set(actor.mentions))
        return known

    for quote in quotes:
        if quote.speaker is not None:
            quote.speaker = entry(quote.speaker)
    for record in (*figures, *events):
        if record.claimed_by is not None:
            record.claimed_by = entry(record.claimed_by)
    return out
