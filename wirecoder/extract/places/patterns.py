"""Written forms that name places outside the parser's entities: US states as AP
abbreviations ("Ky."), "X, Ky." towns, counties ("Hall County"), a lawmaker's
home town ("D-Oakland"), capitals datelines after the headline, and the
country or state a body's name opens with ("the U.S. House")."""
from __future__ import annotations

import re

from spacy.tokens import Span

from wirecoder.data.gazetteer import GazEntry, get_gazetteer, normalize_name
from wirecoder.extract.places.words import (
    DESIGNATORS,
    TITLE_LIKE_ABBREVIATIONS,
    US_STATE_ABBREVIATIONS,
    US_STATES,
)

_COUNTY_RX = re.compile(r"(?<![\w'’.\-])(?:[A-Z][\w'’.\-]+\s+){1,3}(?:County|Parish)\b")
_PARTY_TOWN_RX = re.compile(r"(?<![\w\-])(?:[DRI]|DFL)-(?P<town>[A-Z][a-z][\w'’]*(?:\s[A-Z][a-z][\w'’]*)?)"
                            r"(?=[,;).]|\s+(?:and\b|[^\w\s]))")
# Counties named in a list: "Hitchcock and Hayes counties", "the three largest
# counties - Douglas, Lancaster and Sarpy": each name is "<name> County".
_COUNTY_NAME = r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?"
_COUNTY_LIST = rf"{_COUNTY_NAME}(?:,\s+{_COUNTY_NAME})*,?\s+(?:and|or)\s+{_COUNTY_NAME}"
_COUNTY_LIST_RX = re.compile(rf"(?<![\w'’\-])(?P<list>{_COUNTY_LIST})\s+(?P<des>counties|parishes)\b|"
                             rf"\b(?P<des2>counties|parishes)\W{{1,4}}(?P<list2>{_COUNTY_LIST})")
_COUNTY_ITEM_RX = re.compile(_COUNTY_NAME)
_ABBR_RX = re.compile(r"(?<![\w.])(?P<abbr>" + "|".join(
    re.escape(a) for a in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w.])")
_STATE_NAME_RX = re.compile(r",\s*(?P<abbr>" + "|".join(sorted(US_STATES, key=len, reverse=True)) + r")\b")
# a word of a town's name: "St." and "Ft." may end in a full stop, "Charges." may not
_TOWN_WORD = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][\w'’\-]*)"
_TOWN_BEFORE_STATE_RX = re.compile(
    rf"(?<![\w'’.\-])(?P<town>{_TOWN_WORD}(?:\s+(?:{_TOWN_WORD}|de|du|la|of)){{0,3}}),\s*$")
# A dateline after the headline, in capitals: "Headline. ROSWELL - A man ..."
_CAPS_DATELINE_RX = re.compile(
    r"(?:^|[.!?][\"”’']?\s+)(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})"
    # the dash as written, also as a mis-decoded byte (\x97, \x96), a colon
    # ("BEIRUT: ..."), or nothing but two spaces ("NEWARK  A man ...")
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?(?:\s+(?:-{1,3}|—|–|\x97|\x96)\s|:\s|\s{2,}(?=[A-Z]))")


def _state_leading(ent: Span) -> Span | None:
    """The country or US state a body's name opens with ("U.S." of "the U.S.
    House", "Georgia" of "the Georgia Department of Labor"), or None."""
    toks = [t for t in ent if t.lower_ != "the"]
    gaz = get_gazetteer()
    for n in (3, 2, 1):
        if len(toks) <= n or not all(t.text[:1].isupper() for t in toks[:n]):
            continue
        lead = ent.doc[toks[0].i:toks[n - 1].i + 1]
        if lead.text in US_STATES or any(e.feature == "country" and _named_as(e, normalize_name(lead.text))
                                          for e in gaz.lookup(lead.text)):
            return lead
    return None


def _states_inside(ent: Span) -> list[Span]:
    """US states and countries named anywhere inside a body's name ("Pennsylvania"
    of "the Hospital of the University of Pennsylvania"): runs of capitalised
    words, longest first, that are exactly a US state's or a country's name."""
    gaz = get_gazetteer()
    out: list[Span] = []
    i, doc = ent.start, ent.doc
    while i < ent.end:
        for n in (3, 2, 1):
            sub = doc[i:i + n]
            if i + n > ent.end or not all(t.text[:1].isupper() for t in sub):
                continue
            if sub.text in US_STATES or any(e.feature == "country" and _named_as(e, normalize_name(sub.text))
                                            for e in gaz.lookup(sub.text)):
                out.append(sub)
                i += n
                break
        else:
            i += 1
    return out


def _town_leading(ent: Span) -> Span | None:
    """A town a body's name opens with ("Gainesville" of "Gainesville Public
    Utilities"): a GeoNames city of that very name; the resolver takes it
    only as a town of the article's own countries (a cued mention)."""
    toks = [t for t in ent if t.lower_ != "the"]
    gaz = get_gazetteer()
    whole = ent.doc[toks[0].i:ent.end].text if toks else ""
    if any(_named_as(e, normalize_name(whole)) for e in gaz.lookup(whole)):
        return None  # "Ridge Farm" is a town itself, not a "Ridge" body
    for n in (2, 1):
        if len(toks) <= n or not all(t.text[:1].isupper() and t.is_alpha for t in toks[:n]):
            continue
        lead = ent.doc[toks[0].i:toks[n - 1].i + 1]
        if any(e.feature == "city" and _named_as(e, normalize_name(lead.text)) for e in gaz.lookup(lead.text)):
            return lead
    return None


def _us_state_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, state name) of US states in the forms "X, Ky." and "X, Ohio",
    and AP abbreviations where no name follows ("moved to Fla. in May", "(D-Ill.)");
    "Miss. Smith" and "Ind. Rep." are not states."""
    out = []
    for m in _ABBR_RX.finditer(text):
        before = text[max(0, m.start() - 2):m.start()]
        after = text[m.end():m.end() + 2].lstrip()
        # before a capital only where it cannot be a title: "Mass. Concert Promoter",
        # "the S.C. Bar", but not "Del. Ann Roe" (a delegate)
        if before.endswith((", ", ",", "-", "(")) or not after[:1].isupper() or \
                m.group("abbr").lower() not in TITLE_LIKE_ABBREVIATIONS:
            out.append((m.start(), m.end(), US_STATE_ABBREVIATIONS[m.group("abbr")]))
    for m in _STATE_NAME_RX.finditer(text):
        out.append((m.start("abbr"), m.end("abbr"), m.group("abbr")))
    return sorted(out)


def _county_list_items(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "<name> County") of each name in a list of counties."""
    out = []
    for m in _COUNTY_LIST_RX.finditer(text):
        group = "list" if m.group("list") else "list2"
        head = "Parish" if (m.group("des") or m.group("des2")) == "parishes" else "County"
        for item in _COUNTY_ITEM_RX.finditer(m.group(group)):
            if item.group(0) not in ("And", "Or"):
                out.append((m.start(group) + item.start(), m.start(group) + item.end(), f"{item.group(0)} {head}"))
    return out


def _caps_dateline(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """(place, "", place span) of a capitals dateline in the first 400 characters,
    after the headline ("... . ROSWELL - "), or None."""
    m = _CAPS_DATELINE_RX.search(text[:400])
    if m is None or len(m.group("place")) < 3:
        return None
    return m.group("place"), "", m.span("place")


def _named_as(e: GazEntry, key: str) -> bool:
    """Is `key` a name the entry is shown under (its name or a listed alias,
    also without a leading "al"/"el" or with "and" dropped), rather than only
    one of its GeoNames alternate names?"""
    for n in (e.name, *e.aliases):
        k = normalize_name(n)
        if key in (k, k.replace(" and ", " ")) or (k.startswith(("al ", "el ")) and key == k[3:]):
            return True
    return False


def _bare(name: str) -> str:
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in DESIGNATORS else name
