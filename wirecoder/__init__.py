"""wirecoder: English news in, source-attributed event data out.

The Python API is the same door the CLI uses:

    >>> import wirecoder
    >>> record = wirecoder.extract_text("...", published=date(2023, 9, 20))
    >>> record.events[0].type
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract_text", "extract_file", "extract_articles"]


def __getattr__(name: str):
    # Imported lazily so that `wirecoder --version` and `import wirecoder.models`
    # do not pay for loading spaCy.
    if name in ("extract_text", "extract_file", "extract_articles"):
        from wirecoder import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
