"""The coder's working record of one event, before it becomes an `Event`.

A plain dict, because the later passes over a sentence (threats shared along a
coordination, duplicates dropped, same-type records merged) rewrite its keys:
  type, mode, cameo            PLOVER type and mode, CAMEO root
  source, target, claimed_by   actors (or None)
  negated, contexts            polarity; "future" / "hypothetical"
  trigger_tok, licensor, kind  the event word, the verb licensing a nominal one,
                               and the candidate kind (verb | noun | phrase | modal)
  denial, decider              the verb of denial / decision governing the word, if any
  announced                    (when set) a speaker tells of its own side's future act
"""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.models import Actor


def coded_record(*, type: str, mode: str | None, cameo: str, source: Actor | None, target: Actor | None,
                 trigger_tok: Token, kind: str, negated: bool = False, claimed_by: Actor | None = None,
                 licensor: Token | None = None, contexts: list[str] | None = None,
                 denial: Token | None = None, decider: Token | None = None) -> dict:
    return dict(type=type, mode=mode, cameo=cameo, source=source, target=target, negated=negated,
                claimed_by=claimed_by, trigger_tok=trigger_tok, licensor=licensor,
                contexts=contexts if contexts is not None else [], kind=kind, denial=denial, decider=decider)
