"""Plain text -> Article: headline detection, reflow of hard-wrapped text, cleaning."""
from __future__ import annotations

import re
from datetime import date

from wirecoder.extract.common.dateline import match_dateline
from wirecoder.models import Article

from .article import build_article, check_length, check_text
from .clean import clean_lines, is_artefact, remove_markers, stamp_date, take_bylines
from .decode import normalize_text

# A headline ends without a full stop; it may end with ?, !, a quote or a bracket.
_SENTENCE_END = (".", ",", ";", ":", "—", "–", "-")
_CLOSED_SENTENCE = re.compile(r"[.!?][\"'”’)]+$")
_INNER_SENTENCE = re.compile(r"(\w+)[.!?][\"'”’]?\s+[A-Z\"“‘]")
# Abbreviations a headline may contain without a sentence ending there.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt",
                  "st", "no", "vs", "jr", "sr", "inc", "co", "corp", "ltd", "mt", "ft", "prof", "pres",
                  "adm", "cmdr", "brig", "rev", "u.s", "u.n", "u.k", "e.u"}
_PARAGRAPH_END = (".", "!", "?", ":", "\"", "”", "’", ")")
_MAX_TITLE_CHARS = 250
_MAX_TITLE_WORDS = 30


def looks_like_title(line: str) -> bool:
    """Whether the first line of a plain-text article is its headline."""
    line = line.strip()
    words = line.split()
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or len(line) > _MAX_TITLE_CHARS:
        return False
    if line.endswith(_SENTENCE_END) or _CLOSED_SENTENCE.search(line):
        return False
    dateline = match_dateline(line)
    # A dateline alone, or one opening a paragraph; "UKRAINE - RUSSIA TALKS RESUME" is a headline.
    if dateline and len(line[dateline.end:].split()) not in range(1, 8):
        return False
    if any(
            m.group(1)[-1:].islower() or m.group(1)[-1:].isdigit()
            for m in _INNER_SENTENCE.finditer(line) if m.group(1).lower() not in _ABBREVIATIONS):
        return False
    if line[0].islower() or line.lower().startswith("by "):
        return False
    return True


def _reflow(text: str) -> str:
    """Join hard-wrapped lines back into paragraphs.

    Only for narrow text (every line <= 100 chars) that uses blank lines between
    paragraphs: a line is joined to the next when it was filled close to the wrap
    width, does not end a sentence and the next line is not blank. A headline
    on the first line stays apart when the next line starts a new sentence.
    One-paragraph-per-line text is left as it is.
    """
    lines = [line.strip() for line in text.strip().split("\n")]
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 3 or max(lengths) > 100 or "" not in lines:
        return text
    width = max(lengths)
    out: list[str] = []
    join_next = False
    first = True
    for i, line in enumerate(lines):
        if not line:
            out.append("")
            join_next = False
            continue
        if join_next:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        join_next = len(line) >= 0.6 * width and not line.endswith(_PARAGRAPH_END)
        if first:
            first = False
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if looks_like_title(line) and not following[:1].islower():
                join_next = False
    return "\n".join(out)


def _drop_artefact_lines(text: str) -> str:
    """Text without ad markers and furniture lines; blank lines (paragraph breaks) stay."""
    return "\n".join(line for line in remove_markers(text).split("\n")
                     if not line.strip() or not is_artefact(" ".join(line.split())))


def merge_dateline(lines: list[str]) -> list[str]:
    """A dateline standing on its own line belongs to the paragraph after it."""
    out: list[str] = []
    for line in lines:
        if out and match_dateline(out[-1], whole=True):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _stamped(text: str, lookahead: int = 6) -> date | None:
    """The date of a "Published: ..." stamp among the first lines of scraped text."""
    head = [line for line in text.split("\n", 40)[:40] if line.strip()][:lookahead]
    return next((d for d in map(stamp_date, head) if d is not None), None)


def split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """(headline, body lines) when the first line reads as a headline."""
    if len(lines) >= 2 and looks_like_title(lines[0]):
        return lines[0], lines[1:]
    return None, lines


def article_from_text(text: str, *, title: str | None = None, url: str | None = None,
                      source: str | None = None, published: date | None = None,
                      detect_title: bool = True) -> Article:
    """An Article from plain text; the first line is taken as the headline when it reads as one.

    Without `published`, a "Published/Updated: <date>" stamp near the top gives the date.

    Raises IngestError when no body text is left after cleaning.
    """
    text = normalize_text(text)
    # Before any cleaning: binary data and huge texts are refused without being read through.
    check_text(text, url or "<text>")
    check_length(text.strip(), url or "<text>")
    if published is None:
        published = _stamped(text)
    # Page furniture goes before reflow so that an "Advertisement" line is never
    # glued into the paragraph around it.
    text = _reflow(_drop_artefact_lines(text))
    lines, credits = clean_lines(text)
    if title is None and detect_title:
        title, lines = split_title(lines)
    lines = merge_dateline(take_bylines(lines, credits))
    return build_article(lines, title=title and normalize_text(title), url=url, source=source,
                         published=published, credits=credits)
