"""The coder's working record of one event, before it becomes an `Event`.

Mutable, because the later passes over a sentence (threats shared along a
coordination, duplicates dropped, same-type records merged) rewrite its fields;
`to_event` turns it into the typed `models.Event` once, at the end.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from spacy.tokens import Token

from wirecoder.models import Actor, Event, Evidence, Place


@dataclass(eq=False)   # records are compared by identity ("o is not rec"), never by value
class WorkingEvent:
    type: str                          # PLOVER type
    mode: str | None                   # PLOVER mode
    cameo: str                         # CAMEO root (or code)
    source: Actor | None
    target: Actor | None
    trigger_tok: Token                 # the event word
    kind: str                          # candidate kind: verb | noun | phrase | modal
    negated: bool = False
    claimed_by: Actor | None = None
    licensor: Token | None = None      # the verb licensing a nominal event word
    contexts: list[str] = field(default_factory=list)   # "future" / "hypothetical"
    denial: Token | None = None        # the verb of denial governing the word, if any
    decider: Token | None = None       # the verb of decision governing the word, if any
    announced: bool = False            # a speaker tells of its own side's future act

    def to_event(self, *, date: Date | None, date_precision: str | None, location: Place | None,
                 evidence: Evidence) -> Event:
        """The finished record, with what the coder works out for the whole sentence."""
        return Event(
            type=self.type, mode=self.mode, contexts=self.contexts, source=self.source,
            target=self.target, date=date, date_precision=date_precision, location=location,
            negated=self.negated, claimed_by=self.claimed_by, evidence=evidence,
            trigger=self.trigger_tok.text, cameo=self.cameo,
        )
