"""Size caps on input: what bounds the memory and time one bad input can take.

Every cap has a documented default (README, "Limits") and an environment
variable that overrides it. They are read on each call, so a test or a
long-running server can change them without a restart.

- WIRECODER_MAX_ARTICLE_CHARS (default 100,000): characters of article text.
  About 15,000 words, far longer than any news article; extraction time grows
  with length (about half a second per 1,000 characters on one core), so this
  is also the time bound per article.
- WIRECODER_MAX_PAGE_MB (default 10): one text or HTML document (a file, a
  JSON Lines line, a JSON file). Pages carry scripts and markup, so this is
  far above the article cap.
- WIRECODER_MAX_FILE_MB (default 200): a file that is read whole to find
  its records (an RSS/Atom feed). JSON Lines and WARC files are read record
  by record and have no whole-file cap.
- WIRECODER_MAX_HTML_DEPTH (default 1,000): elements nested in one another.
  Deeper pages are refused: the HTML parsers stop reading at some depth and
  the readers walk the tree recursively.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import IngestError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_article_chars: int = 100_000
    max_page_bytes: int = 10 * MB
    max_file_bytes: int = 200 * MB
    max_html_depth: int = 1_000


_ENV = {
    "max_article_chars": ("WIRECODER_MAX_ARTICLE_CHARS", 1),
    "max_page_bytes": ("WIRECODER_MAX_PAGE_MB", MB),
    "max_file_bytes": ("WIRECODER_MAX_FILE_MB", MB),
    "max_html_depth": ("WIRECODER_MAX_HTML_DEPTH", 1),
}


def env_name(field: str) -> str:
    return _ENV[field][0]


def limits() -> Limits:
    """The caps in force: the defaults, overridden by the environment variables above.

    Raises IngestError naming the variable when one is not a positive number.
    """
    values = {}
    for field, (name, unit) in _ENV.items():
        raw = os.environ.get(name)
        if raw is None or not raw.strip():
            continue
        try:
            number = float(raw)
        except ValueError:
            number = 0
        if number <= 0:
            raise IngestError(name, f"{name} must be a positive number, not {raw!r}")
        values[field] = int(number * unit)
    return Limits(**values)


def size_text(n_bytes: int) -> str:
    """A byte count for messages: "52.4 MB", "812 KB"."""
    return f"{n_bytes / MB:.1f} MB" if n_bytes >= MB else f"{max(1, round(n_bytes / 1024))} KB"
