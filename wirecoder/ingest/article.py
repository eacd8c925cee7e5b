"""The last step every reader shares: cleaned text -> Article."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from wirecoder.models import Article

from .clean import dedupe_credits
from .errors import IngestError
from .limits import env_name, limits
from .textcheck import language_name, language_of, not_text_reason


_MIN_WORDS = 4


def text_id(text: str) -> str:
    """Article id: SHA-256 of the cleaned text (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def comparable(line: str) -> str:
    """A line reduced to lower-case words, to spot a title repeated in the body."""
    line = unicodedata.normalize("NFKC", line).lower()
    return " ".join(re.findall(r"\w+", line))


def drop_title_repeats(lines: list[str], title: str | None) -> list[str]:
    """Body lines without any line that only repeats the headline."""
    if not title:
        return lines
    key = comparable(title)
    return [line for line in lines if comparable(line) != key] if key else lines


def check_length(text: str, item: str) -> None:
    """Refuse text over the article cap (bounds memory and time per article)."""
    cap = limits().max_article_chars
    if len(text) > cap:
        raise IngestError(item, f"article is {len(text):,} characters, over the limit of {cap:,} "
                                f"(set {env_name('max_article_chars')} to change it)")


def check_text(text: str, item: str) -> None:
    """Refuse input that is not text, the same way on every database."""
    reason = not_text_reason(text)
    if reason:
        raise IngestError(item, reason)


def build_article(lines: list[str], *, title: str | None, url: str | None, source: str | None,
                  published: date | None, credits: list[str]) -> Article:
    title = " ".join(title.split()) if title else None
    text = "\n".join(drop_title_repeats(lines, title)).strip()
    item = url or title or "<article>"
    for value in (text, title, url, source, *credits):
        if value:
            check_text(value, item)
    check_length(text, item)
    # Usable text states something: at least one line of a few words, not a stray label.
    if not any(len(line.split()) >= _MIN_WORDS for line in text.split("\n")):
        raise IngestError(item, "no article text found")
    language = language_of(text)
    if language is not None:
        raise IngestError(item, f"skipped: the text is in {language_name(language)}, not English")
    return Article(id=text_id(text), title=title or None, url=url or None, source=source or None,
                   language="en", published=published, credits=dedupe_credits(credits), text=text)
