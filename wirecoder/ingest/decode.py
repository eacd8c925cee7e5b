"""Bytes -> normalised text.

UTF-8 is tried first because nearly all news on the web is UTF-8 and a
strict UTF-8 decode that succeeds is almost never wrong; a charset the file
declares comes next; charset-normalizer guesses the rest.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# WHATWG: browsers read these labels as windows-1252, and so do scraped pages.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Invisible characters scrapers leave behind; they break matching downstream.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ODD_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes, if any."""
    match = _DECLARED.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    encoding = encoding.lower()
    if encoding in _AS_CP1252:
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode bytes to str: BOM, then UTF-8, then the declared charset, then a guess."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding if encoding != "utf-8" else "utf-8-sig", errors="replace")
    for encoding in ("utf-8", declared, declared_charset(data)):
        text = _try(data, encoding)
        if text is not None:
            return text
    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no invisible characters, plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE).translate(_ODD_SPACES)
    return unicodedata.normalize("NFC", text)
