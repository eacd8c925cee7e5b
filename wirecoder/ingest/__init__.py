"""Ingest: news sources (text, HTML, JSON/JSON Lines, RSS/Atom, WARC) -> cleaned Articles.

    for path in iter_inputs(["examples/"]):
        for item in read_path(path):
            if isinstance(item, IngestError):
                print(f"{item.item}: {item}")
            else:
                handle(item)          # a wirecoder.models.Article
"""
from .errors import IngestError
from .plaintext import article_from_text
from .readers import SUPPORTED_SUFFIXES, iter_inputs, read_path
from .webpage import article_from_html

__all__ = ["IngestError", "SUPPORTED_SUFFIXES", "iter_inputs", "read_path", "article_from_text",
           "article_from_html"]
