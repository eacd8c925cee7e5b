"""When and where an event happened: the word whose date it takes and the place
named in its predicate's clause."""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.context import Context
from wirecoder.extract.events.args import local_subtree
from wirecoder.models import Place

_LOCATIVE_PREPS = words("event_place_preps")
# Clauses that make claims of their own: a place named in them is not where the event was.
_OTHER_CLAUSES = frozenset({"relcl", "ccomp", "parataxis", "advcl"})


def event_location(ctx: Context, tok: Token, licensor: Token | None) -> Place | None:
    """The first place after a locative preposition in the clause of the event's
    predicate (the licensing verb of a nominal trigger)."""
    if ctx.places is None:
        return None
    for t in local_subtree(licensor if licensor is not None else tok, _OTHER_CLAUSES):
        if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE_PREPS:
            place = ctx.places.at_char(t.idx, t.idx + len(t.text))
            if place is not None:
                return place
    return None


def date_word(trigger: Token, licensor: Token | None, kind: str) -> Token:
    """The word whose date the event takes: a nominal event's own date phrase ("a hearing
    for October 14"), else the verb that reports it ("carried out strikes a day later")."""
    if kind != "noun" or licensor is None:
        return trigger
    if any(t.ent_type_ == "DATE" for t in local_subtree(trigger)):
        return trigger
    return licensor


def date_precision(p: str) -> str:
    """The record's precision for a resolved date's unit; finer units count as a day."""
    return p if p in ("day", "week", "month", "year") else "day"
