"""The actors an event record names: the article's own actors looked up by token,
states named by a country, and the stand-ins the coder fills in when a sentence
implies a party it does not name ("a military base" -> that state's forces).
"""
from __future__ import annotations


import pycountry
from spacy.tokens import Token

from wirecoder.data.actors import get_actor_kb
from wirecoder.extract.context import Context
from wirecoder.extract.events.args import actor_in_np
from wirecoder.models import Actor, Place

# Sectors of public bodies (the state's, and intergovernmental ones): whose own acts they report in the passive,
# and whose "installations" a source of the same state cannot attack.
PUBLIC_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "IGO"})


def actor_at(ctx: Context, tok: Token) -> Actor | None:
    """The actor the article's actor table resolved at this exact token."""
    return ctx.actors.for_token(tok) if ctx.actors is not None else None


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and (a is b or (a.name == b.name and a.code == b.code))


def np_actor(ctx: Context, tok: Token | None, avoid: Actor | None = None) -> Actor | None:
    """The actor the noun phrase headed by tok names, other than `avoid`."""
    if tok is None:
        return None
    return actor_in_np(tok, lambda t: actor_at(ctx, t), avoid=lambda a: same_actor(a, avoid))


def _country_name(country, code: str) -> str:
    return (getattr(country, "common_name", None) or country.name) if country is not None else code


def force_actor(ctx: Context, code: str, sector: str) -> Actor:
    """The article's own actor for a state's forces of one sector ("Somalia's army"), else
    an unmentioned one named after the state ("Somalia armed forces")."""
    if ctx.actors is not None:
        for a in ctx.actors.actors:
            if a.code == code and a.sector == sector:
                return a
    name = _country_name(pycountry.countries.get(alpha_3=code), code)
    what = {"MIL": "armed forces", "COP": "police", "GOV": "government"}.get(sector, "forces")
    return Actor(name=f"{name} {what}", code=code, country=code, sector=sector)


def country_actor(ctx: Context, code: str) -> Actor:
    """The article's own actor for a state (the plain country mention), else a bare one."""
    names = {code.lower()}
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        names |= {n.lower() for n in (getattr(country, "name", None), getattr(country, "common_name", None),
                                      getattr(country, "official_name", None)) if n}
    if ctx.actors is not None:
        for a in ctx.actors.actors:
            if a.code == code and a.role is None and (a.name.lower() in names or any(
                    ctx.text[s:e].lower() in names for s, e in a.mentions)):
                return a
    return Actor(name=_country_name(country, code), code=code, country=code)


# Sectors that say nothing of a state: people, groups and movements the text may place.
_STATELESS_SECTORS = frozenset({None, "CVL", "OPP", "PTY", "REB", "REL", "EDU", "BUS", "HLH"})


def is_state(actor: Actor | None) -> bool:
    """A state (or its government) as a party: an ISO code that is also the country."""
    return actor is not None and actor.code is not None and actor.code == actor.country and len(actor.code) == 3


def placed(actor: Actor | None, country: str | None) -> Actor | None:
    """A party of no known state, taken as of `country`: "ethnic Albanians demonstrated in
    Serbia" are Serbia's, as the actor tables code an ethnic group by where the text places
    it. States, public and international bodies, the media and NGOs keep what they have."""
    if actor is None or country is None or actor.code or actor.country or actor.sector not in _STATELESS_SECTORS:
        return actor
    return actor.model_copy(update={"code": country, "country": country})


def place_state(place: Place | None) -> str | None:
    """The state a place is in; a place named as a state is that state, whatever town of
    the same name the gazetteer found ("in Montenegro province" is not in Brazil)."""
    if place is None:
        return None
    entry = get_actor_kb().lookup(place.name)
    if entry is not None and entry.kind == "state" and entry.code:
        return entry.code
    return place.country or None
