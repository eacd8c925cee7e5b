"""Shared fixtures: spaCy loads once per test session."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from wirecoder.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def extract():
    """extract(text, published=None) -> Extraction, through the real pipeline (no title detection)."""
    from wirecoder.ingest import article_from_text
    from wirecoder.pipeline import extract_articles

    def run(text: str, published: date | None = None):
        article = article_from_text(text, published=published, detect_title=False)
        return next(extract_articles([article], published))

    return run



@pytest.fixture(scope="module")
def events_of(extract):
    """events_of(text) -> the events of one article dated 2025-03-04 (the event tests' date)."""
    def run(text: str):
        return extract(text, date(2025, 3, 4)).events
    return run
