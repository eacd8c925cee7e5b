"""What every extractor reads: one article, its parsed Doc, and the tables
that earlier extractors filled in.

Extractors run in a fixed order (see `wirecoder.pipeline`): places and
actors first, because quotes, figures and events point at them; then
quotes, figures and events. Each reads the Context and returns typed
records; none mutates another's output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span

from wirecoder.models import Article, Evidence

if TYPE_CHECKING:  # imported for type hints only, to keep module imports acyclic
    from wirecoder.extract.actors import ActorTable
    from wirecoder.extract.places import PlaceTable


@dataclass
class Context:
    article: Article
    doc: Doc
    # The date relative expressions count from: --published, the article's
    # own `published`, HTML metadata, or a dateline. None means unknown, and
    # then relative dates stay unresolved rather than guessed.
    reference_date: Optional[date] = None
    actors: Optional["ActorTable"] = None
    places: Optional["PlaceTable"] = None
    notes: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def evidence(self, sent: Span) -> Evidence:
        """Evidence for a sentence: its text and offsets into article.text."""
        return Evidence(text=sent.text, start=sent.start_char, end=sent.end_char)

    def sentence_of(self, start: int, end: int | None = None) -> Span:
        """The sentence holding the character offset `start`."""
        span = self.doc.char_span(start, end or start + 1, alignment_mode="expand")
        if span is None:  # offset inside whitespace: take the next token
            for tok in self.doc:
                if tok.idx >= start:
                    return tok.sent
            return list(self.doc.sents)[-1]
        return span[0].sent
