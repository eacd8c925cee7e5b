"""Quotation marks that hold no one's words: titles, addresses, markup.

quotes._is_a_name already knows names introduced as such ('dubbed "..."',
'the book "..."') and short title-case phrases. Real news adds three more
kinds this module tells apart from speech:

- titles in a list or after a preposition, where the closing punctuation
  belongs to the sentence: 'named "Criminal Minds," "Veep" and ...', 'he
  said on "Meet the Press."';
- web addresses and handles in marks ("pic.twitter.com/...");
- attribute values of markup left in the text ('<tweet date="March 1">');
- headlines given with their byline or outlet, as in reading lists and
  letters: '"Star refuses the role," by the Post's Amy Lee', '("Senator
  quits race," USAToday.com, Thursday)'.
"""
from __future__ import annotations

import re

# Words a title keeps in lower case; a phrase of capitalised words and these is a title.
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'\u2019&:-]*|of|the|a|an|and|in|on|for|to|at|by|with|from|or|vs\.?")
# Pronouns that make a capitalised phrase a sentence someone says ("We Will Win").
_SPEECH_PRONOUNS = frozenset({"I", "We", "You", "I'm", "I\u2019m", "We're", "We\u2019re"})
_ADDRESS = re.compile(r"^(?:https?://|www\.|pic\.twitter\.com|@\w+$|#\w+$)|\.(?:com|org|net|gov)(?:/|$)", re.I)
MAX_TITLE_WORDS = 8
# After a headline: its byline ('," by the Post's Amy Lee') or, in parentheses, its outlet
# ('," USAToday.com, Thursday)').
_BYLINE = re.compile(r"\s*,?\s*by\s+(?:the\s+)?[A-Z]|\s*,\s*[\w.]+\.(?:com|org|net)\b")


def is_title(body: str) -> bool:
    """A short phrase in title case ('Game of Thrones,', 'Meet the Press.'),
    its closing comma or full stop being the sentence's, not the title's."""
    words = body.strip().rstrip(",.").split()
    if not words or len(words) > MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    if re.search(r"[,;!?]|\.\s", " ".join(words)) or any(w in _SPEECH_PRONOUNS for w in words):
        return False
    return all(_TITLE_WORD.fullmatch(w) for w in words) and sum(w[:1].isupper() for w in words) >= 2


def is_address_or_markup(text: str, start: int, end: int, outer_start: int) -> bool:
    """A web address or handle in marks, or a markup attribute value (attr="...")."""
    body = text[start:end].strip()
    if _ADDRESS.search(body) and " " not in body:
        return True
    return outer_start > 0 and text[outer_start - 1] == "="


def misused_closer(text: str, i: int) -> bool:
    """An opening mark at `i` that closes the quote open before it: it follows
    a word and stands before a space, punctuation or the end ('\u201cabhorrent\u201c in')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)")


def is_headline(text: str, outer_start: int, outer_end: int) -> bool:
    """A headline cited with its byline or outlet (see _BYLINE), not speech."""
    after = text[outer_end:outer_end + 60]
    if text[max(0, outer_end - 2):outer_end].startswith(","):
        after = "," + after  # the comma stood inside the closing mark: '," by ...'
    return _BYLINE.match(after) is not None
