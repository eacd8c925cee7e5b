"""The dateline: where and when a wire story was filed ("KHARTOUM, June 9 (Reuters) -").

One pattern for every reader: ingest (a dateline is no headline, and one alone on its
line belongs to the next paragraph), the story's reference date and home country
(`common.story`), and the date finder (the dateline's date dates no event). Pure `re`,
so ingest can use it without loading any model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from wirecoder.extract.common.settings import DATELINE_LAST_LINE_START, DATELINE_SCAN_CHARS

# "Sept." / "Sep" / "September"; May and March only capitalised (modal "may", verb "march").
MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
         r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE = rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAY}|{DAY}\s+{MONTH})(?:,?\s+{YEAR})?"

# The place is written in capitals ("LUSAKA", "PORT-AU-PRINCE") or, in some feeds, in
# mixed case ("Kyiv", "Goma"); then optional regions (", Zambia"), an agency in
# brackets, the filing date, and a dash or colon.
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’\- ]{1,40}?[A-Z.]|[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3}?)(?!-\w)"
    r"(?P<regions>(?:,[ \t]*(?!" + _DATE + r")[A-Z][\w'’. -]{0,40}?)*)"
    r"[ \t]*(?:\((?P<agency1>[^)]{1,40})\))?[ \t]*[,:]?[ \t]*"
    rf"(?P<date>{_DATE})?"
    r"[ \t]*(?:\((?P<agency2>[^)]{1,40})\))?[ \t]*(?P<dash>—|–|--|-|:)[ \t]*")


@dataclass(frozen=True)
class Dateline:
    place: str                      # as written: "KHARTOUM", "Kyiv"
    place_span: tuple[int, int]     # char offsets in the text searched
    date_text: str | None           # "June 9", "Sept. 1, 2024"; None when the line gives none
    date_span: tuple[int, int] | None
    agency: str | None
    end: int                        # where the story's first sentence starts


def match_dateline(line: str, pos: int = 0, whole: bool = False) -> Dateline | None:
    """The dateline opening `line` at `pos` (the whole line when `whole`), or None.

    A capitalised place needs nothing more ("GENEVA -"); a mixed-case one needs a date or
    an agency ("Goma (AFP) -"), or "Ukraine - Russia talks resume" would pass."""
    for m in (DATELINE.match(line, pos),):
        if m is None or (whole and line[m.end():].strip()):
            return None
        place = m.group("place").strip()
        upper = place.upper() == place
        if not upper and not (m.group("date") or m.group("agency1") or m.group("agency2")):
            return None
        if not upper and m.group("regions") and not m.group("date"):
            return None
        return Dateline(place=place, place_span=m.span("place"), date_text=m.group("date"),
                        date_span=m.span("date") if m.group("date") else None,
                        agency=m.group("agency1") or m.group("agency2"), end=m.end())
    return None


def find_dateline(text: str) -> Dateline | None:
    """The dateline of an article: on its first line, or after a short kicker line."""
    head = text[:DATELINE_SCAN_CHARS]
    for m in re.finditer(r"(?m)^", head):
        found = match_dateline(head, m.start())
        if found is not None:
            return found
        if m.start() > DATELINE_LAST_LINE_START:
            break
    return None
