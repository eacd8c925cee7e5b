"""Article in, Extraction out: the stages in the order their data flows.

    ingest (Article) -> nlp (Doc) -> places -> actors -> quotes, figures, events

Places come before actors because generic actors ("crowds", "police") take
their country from the place the sentence names; quotes, figures and
events all point at actors and places. spaCy parsing is batched over many
articles; extraction then runs per article.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Generic, Optional, TypeVar

from spacy.tokens import Doc

from wirecoder.extract.actors import extract_actors
from wirecoder.extract.common.story import Story
from wirecoder.extract.context import Context
from wirecoder.extract.events import extract_events
from wirecoder.extract.figures import extract_figures
from wirecoder.extract.places import extract_places
from wirecoder.extract.quotes import extract_quotes
from wirecoder.extract.speakers import register_speakers
from wirecoder.ingest import IngestError, article_from_text, read_path
from wirecoder.models import Actor, Article, Event, Evidence, Extraction, Figure, Place, Quote
from wirecoder.nlp import parse

R = TypeVar("R", Event, Quote, Figure)
T = TypeVar("T", Actor, Place)


def prepare_context(article: Article, doc: Doc, published: date | None = None) -> Context:
    """A parsed article with its places and actors resolved: what quotes,
    figures and events read."""
    story = Story(article, doc, published=published)
    ctx = Context(article=article, doc=doc, story=story)
    ctx.places = extract_places(ctx)
    ctx.actors = extract_actors(ctx)
    return ctx


def extract_context(ctx: Context) -> Extraction:
    """Run the record extractors over a prepared context."""
    story = ctx.story
    article = ctx.article.model_copy(update={"reference_date": story.reference_date,
                                             "reference_source": story.reference_source})
    quotes, figures, events = extract_quotes(ctx), extract_figures(ctx), extract_events(ctx)
    actors = References(register_speakers(ctx.actors.actors, quotes, figures, events))
    places = References(ctx.places.places)
    return Extraction(
        article=article,
        actors=actors.listed,
        places=places.listed,
        quotes=[actors.on(q, "speaker") for q in quotes],
        figures=[actors.on(f, "claimed_by") for f in figures],
        events=[places.on(actors.on(e, "source", "target", "claimed_by"), "location") for e in events],
    )


class References(Generic[T]):
    """Actors (or places) of events, quotes and figures as references into the record's list.

    An actor carries every mention in the article; copying that list into each
    of its events made a record grow with (events x mentions), quadratically in
    the article's length. A reference keeps the entry's fields, its `id` (index
    in the list) and only the mentions inside the record's evidence sentence.
    """

    def __init__(self, items: list[T]):
        self.listed: list[T] = [item.model_copy(update={"id": i}) for i, item in enumerate(items)]
        self._index = {id(item): i for i, item in enumerate(items)}
        self._by_value: dict[str, int] = {}
        for i, item in enumerate(items):
            self._by_value.setdefault(item.model_dump_json(), i)

    def ref(self, item: Optional[T], evidence: Evidence) -> Optional[T]:
        if item is None:
            return None
        index = self._index.get(id(item))
        if index is None:
            index = self._by_value.get(item.model_dump_json())
        inside = [m for m in item.mentions if evidence.start <= m[0] and m[1] <= evidence.end]
        return item.model_copy(update={"id": index, "mentions": inside})

    def on(self, record: R, *fields: str) -> R:
        return record.model_copy(update={f: self.ref(getattr(record, f), record.evidence) for f in fields})


def extract_articles(articles: Iterable[Article], published: date | None = None,
                     batch_size: int = 16) -> Iterator[Extraction]:
    """Extract many articles, parsing them in batches of `batch_size`.

    `published` overrides each article's own date (the CLI's --published).
    """
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _extract_batch(batch, published)
            batch = []
    if batch:
        yield from _extract_batch(batch, published)


def _extract_batch(batch: list[Article], published: date | None) -> Iterator[Extraction]:
    docs = parse([a.text for a in batch], batch_size=len(batch))
    for article, doc in zip(batch, docs):
        if published is not None:
            article = article.model_copy(update={"published": published})
        yield extract_context(prepare_context(article, doc, published))


def extract_text(text: str, *, title: str | None = None, published: date | None = None,
                 url: str | None = None, source: str | None = None) -> Extraction:
    """Extract one article given as plain text (first line is the title when it looks like one)."""
    article = article_from_text(text, title=title, url=url, source=source, published=published)
    return next(extract_articles([article], published))


def extract_file(path: str | Path, published: date | None = None) -> Extraction:
    """Extract the first (usually only) article of a file; raises IngestError on bad input."""
    path = Path(path)
    for item in read_path(path, published=published):
        if isinstance(item, IngestError):
            raise item
        return next(extract_articles([item], published))
    raise IngestError(str(path), "no article found")
