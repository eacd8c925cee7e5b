"""The unit of work that worker processes and Dask tasks run: a chunk of articles in,
their extractions out (one model load per process, on its first chunk)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

from wirecoder.models import Article, Extraction

CHUNK = 16  # articles per task: one spaCy batch


@dataclass(frozen=True)
class Failed:
    """An article whose extraction raised: picklable, unlike many exceptions."""

    reason: str


Result = Extraction | Failed
Item = tuple[str, Article]  # (origin, article)


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def extract_chunk(articles: list[Article], published: date | None = None) -> list[Result]:
    """Extractions of the articles, in order; a chunk that fails is redone one article at a
    time so that one bad article fails alone."""
    from wirecoder.pipeline import extract_articles

    try:
        return list(extract_articles(articles, published, batch_size=max(1, len(articles))))
    except Exception:  # noqa: BLE001 - find which article it was below
        pass
    results: list[Result] = []
    for article in articles:
        try:
            results.append(next(extract_articles([article], published)))
        except Exception as exc:  # noqa: BLE001 - reported per article, the rest goes on
            results.append(Failed(_reason(exc)))
    return results


def warm_up() -> None:
    """Load the model (a worker's initializer: the first chunk then starts at full speed)."""
    from wirecoder.nlp import get_nlp

    get_nlp()
