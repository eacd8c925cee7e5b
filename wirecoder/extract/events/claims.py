"""On whose word an event is reported (`claimed_by`), including quote sentences
that name no speaker because the sentence before them did."""
from __future__ import annotations

from spacy.tokens import Span, Token

from wirecoder.extract.attribution import attributions
from wirecoder.extract.claimants import claimant
from wirecoder.extract.context import Context
from wirecoder.models import Actor

_OPEN_QUOTES = ("\u201c", '"', "\u2018", "\u00ab")


def opens_with_quote(sent: Span) -> bool:
    return sent.text.lstrip().startswith(_OPEN_QUOTES)


def claimant_of(ctx: Context, sent: Span, tok: Token, carried: Actor | None = None) -> Actor | None:
    """On whose word the clause of tok is reported; a sentence that is a quote of its
    own, right after a quoted speaker ("...," said X. "The ultimatum runs out ..."),
    is that speaker's (`carried`)."""
    found = claimant(sent, ctx, tok)
    if found is None and carried is not None and opens_with_quote(sent):
        return carried
    return found


def quote_speaker(ctx: Context, sent: Span) -> Actor | None:
    """The speaker a sentence holding a quote names, for the quote sentences after it."""
    if not any(q in sent.text for q in _OPEN_QUOTES + ("\u201d",)):
        return None
    for att in attributions(sent, ctx):
        if att.speaker is not None:
            return att.speaker
    return None
