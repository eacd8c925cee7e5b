"""Is it text, and is it English? Checks every reader applies before building an Article.

Binary data decodes to *some* string in a single-byte charset, and a
database may or may not accept it (PostgreSQL refuses NUL, SQLite stores
anything), so the check is ours: the same answer on every back end.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# File signatures of formats that are often mislabelled (an image saved as .html).
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"),
          (b"\x1f\x8b", "gzip-compressed data"), (b"\x7fELF", "a program (ELF)"),
          (b"RIFF", "a RIFF media file"), (b"\x00\x00\x01\x00", "an icon"))
# Text may carry a few stray control characters (a form feed, a vertical tab
# from a word processor); binary data decoded as text is full of them.
_MAX_CONTROL_SHARE = 0.01
_MIN_CONTROL_COUNT = 5
_ALLOWED_CONTROLS = set("\t\n\r\f\v")

# Language identification: short texts are too little evidence, so they count as
# English; a longer text is skipped only when the model is sure it is not English.
_MIN_CHARS_FOR_LANGUAGE = 200
_SAMPLE_CHARS = 5_000
_MIN_CONFIDENCE = 0.95


def binary_kind(data: bytes) -> str | None:
    """What a file is when its first bytes are a known binary signature."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def not_text_reason(text: str) -> str | None:
    """Why `text` is not text (NUL characters, many control characters), or None."""
    if "\x00" in text:
        return "binary data, not text (it contains NUL bytes)"
    controls = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if controls >= _MIN_CONTROL_COUNT and controls > _MAX_CONTROL_SHARE * len(text):
        return f"binary data, not text ({controls} control characters)"
    replaced = text.count("\ufffd")
    if replaced >= _MIN_CONTROL_COUNT and replaced > _MAX_CONTROL_SHARE * len(text):
        return f"not text in any known encoding ({replaced} undecodable bytes)"
    return None


@lru_cache(maxsize=1)
def _identifier():
    # py3langid's model is bundled in the wheel (nothing downloaded); loading takes ~2 s.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the language `text` is written in, when sure and not English; else None."""
    if len(text) < _MIN_CHARS_FOR_LANGUAGE:
        return None
    lang, confidence = _identifier().classify(text[:_SAMPLE_CHARS])
    if lang == "en" or confidence < _MIN_CONFIDENCE:
        return None
    return lang


def language_name(code: str) -> str:
    import pycountry

    found = pycountry.languages.get(alpha_2=code)
    return found.name if found is not None else code
