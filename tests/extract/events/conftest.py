"""What the event tests share: one article's events, dated so relative dates resolve."""
from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def events_of(extract):
    def run(text: str):
        return extract(text, date(2025, 3, 4)).events
    return run
