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
from typing import Optional

from spacy.tokens import Doc, Span

from wirecoder.extract.common.lookups import ActorLookup, PlaceLookup
from wirecoder.extract.common.story import Story
from wirecoder.models import Article, Evidence


@dataclass
class Context:
    article: Article
    doc: Doc
    # The date relative expressions count from: --published, the article's
    # own `published`, HTML metadata, or a dateline. None means unknown, and
    # then relative dates stay unresolved rather than guessed. Given here, it
    # overrides the article's own (as --published does); it always equals
    # story.reference_date, which also says where it came from.
    reference_date: Optional[date] = None
    actors: Optional[ActorLookup] = None
    places: Optional[PlaceLookup] = None
    # Story-level facts (dateline, reference date, countries), built once.
    story: Optional[Story] = None
    notes: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.story is None:
            self.story = Story(self.article, self.doc, published=self.reference_date)
        self.reference_date = self.story.reference_date
        self.story.places, self.story.actors = self.places, self.actors

    def __setattr__(self, name: str, value) -> None:
        # the story counts countries over the tables: it sees them as soon as they are set
        super().__setattr__(name, value)
        if name in ("places", "actors") and getattr(self, "story", None) is not None:
            setattr(self.story, name, value)

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
