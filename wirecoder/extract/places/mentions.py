"""Candidate toponyms of an article: entities, designator phrases, the dateline,
and proper nouns the gazetteer knows where the text cues a place; guards
against person and group senses."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.data.actors import get_actor_kb
from wirecoder.data.gazetteer import get_gazetteer, normalize_name
from wirecoder.extract.context import Context
from wirecoder.extract.places.patterns import (
    _COUNTY_RX,
    _PARTY_TOWN_RX,
    _TOWN_BEFORE_STATE_RX,
    _caps_dateline,
    _county_list_items,
    _named_as,
    _state_leading,
    _states_inside,
    _town_leading,
    _us_state_mentions,
)
from wirecoder.extract.places.words import (
    _CALENDAR,
    _CUES,
    _DESIGNATOR_AFTER_RX,
    _DESIGNATOR_RX,
    _LOCAL_HEAD_RX,
    _ORG_HEAD_RX,
    CUE_NONE,
    CUE_NOUN,
    CUE_PREP,
    DESIGNATORS,
    GROUP_KINDS,
    MOTION_VERBS,
    NAME_PARTICLES,
    NOT_PLACE_LABELS,
    NOT_PLACES,
    OTHER_LABELS,
    OTHER_MIN_POP,
    PERSON_PREPS,
    PERSON_TITLES,
    PLACE_LABELS,
    PLACE_NOUNS,
    SPEECH_VERBS,
    US_STATES,
)
from wirecoder.extract.time import dateline


@dataclass
class _Mention:
    start: int
    end: int
    surface: str  # text as written, without "the" and the designator
    phrase: str  # text as written, with the designator ("Sindh province")
    feature_hint: str | None = None  # from a designator or place noun (a HINT_FEATURES key)
    label: str = "GPE"
    sent_start: int = 0
    cue: int | None = None  # None: an entity or designator phrase; else a CUE_* strength
    label_other: bool = False  # the model read it as a PERSON, ORG or NORP
    dateline: bool = False
    designated: bool = False  # a designator follows the name ("Kidal region")
    bare: bool = False  # a cued proper noun standing alone, no word of a longer name



def _strip(text: str, start: int) -> tuple[str, int]:
    """Drop a leading "the" and a trailing possessive from an entity text."""
    m = re.match(r"(?i)the\s+|(?:[DRI]|DFL)-(?=[A-Z][a-z])", text)  # "the", a party ("D-Iowa City")
    if m:
        text, start = text[m.end():], start + m.end()
    text = re.sub(r"(?:'s|’s|')$", "", text)
    return text.strip(" ,;:"), start


def _candidates(ctx: Context) -> list[_Mention]:
    doc, text = ctx.doc, ctx.text
    gaz = get_gazetteer()
    out: list[_Mention] = []
    covered: list[tuple[int, int]] = []

    def add(start: int, end: int, surface: str, phrase_end: int, hint: str | None, label: str) -> _Mention:
        for m in out:
            if m.start == start and m.end == phrase_end:
                return m
        if any(start < e and s < phrase_end for s, e in covered):
            return None
        covered.append((start, phrase_end))
        sent = ctx.sentence_of(start)
        out.append(_Mention(start, phrase_end, surface, text[start:phrase_end], hint, label,
                            sent.start_char))
        return out[-1]

    # US states written the AP way ("Ky.") and "X, Ky." / "X, Ohio": X is a
    # town of that state. First, so that "Lexington, Ky." as one entity
    # yields its town only.
    states = _us_state_mentions(text)
    for s, e, name in states:
        add(s, e, name, e, "region", "GPE")

    # a dateline names a place: no cue needed. Before the parser's entities,
    # which split "ST. PAUL --" into a GPE "ST" and an ORG "PAUL".
    for line in (dateline(text), _caps_dateline(text)):
        if line:
            place, _, (s, e) = line
            m = add(s, e, place, e, "city", "GPE")
            if m is not None:
                m.dateline, m.cue = True, None

    # "Hall County", "Orleans Parish" anywhere, also inside a body's name
    # ("the Hall County School Board"): the county is named all the same
    for m in _COUNTY_RX.finditer(text):
        if gaz.lookup(m.group(0)):
            add(m.start(), m.end(), m.group(0), m.end(), "region", "GPE")

    for s, e, county in _county_list_items(text):  # "Hitchcock and Hayes counties"
        name = text[s:e]
        if not gaz.lookup(county) and " " in name:  # "Small Hitchcock and Hayes": "Hitchcock"
            first = name.split(" ", 1)[0]
            s, county = s + len(first) + 1, county[len(first) + 1:]
        if gaz.lookup(county):
            add(s, e, county, e, "region", "GPE")

    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS + OTHER_LABELS:
            continue
        surface, start = _strip(ent.text, ent.start_char)
        head = surface.split(",")[0]
        if head != surface and any(s >= start + len(head) and s < start + len(surface) for s, _, _ in states):
            surface = head.strip()  # "Lexington, Ky." -> "Lexington"
        if not surface or normalize_name(surface) in NOT_PLACES:
            continue
        longer = re.match(r"\s(?P<w>[A-Z][\w'’\-]+)", text[start + len(surface):start + len(surface) + 30])
        if longer and ent.label_ in PLACE_LABELS:  # the parser's "Iowa" of "Iowa City"
            name = surface + " " + longer.group("w")
            if any(_named_as(e, normalize_name(name)) for e in gaz.lookup(name)):
                surface = name
        earlier = re.search(r"(?<![\w'’\-])(?P<w>[A-Z][\w'’\-]+)\s$", text[max(0, start - 30):start])
        if earlier and ent.label_ in PLACE_LABELS:  # the parser's "Darfur" of "South Darfur"
            name = earlier.group("w") + " " + surface
            if any(_named_as(e, normalize_name(name)) for e in gaz.lookup(name)):
                surface, start = name, start - len(earlier.group(0))
        end = start + len(surface)
        hint = None
        designated = False
        words = surface.split()
        if len(words) > 1 and words[-1].lower() in DESIGNATORS:  # "Sindh Province" as one entity
            hint = DESIGNATORS[words[-1].lower()]
            if not gaz.lookup(surface):
                surface = " ".join(words[:-1])
                designated = True
        phrase_end = end
        after = _designator_after(text, end)
        if after:  # "Sindh" + " province"
            hint = DESIGNATORS[after.group(1)]
            phrase_end = end + len(after.group(0)) - len(after.group("of") or "")
            designated = True
        unknown_fac = ent.label_ == "FAC" and not gaz.lookup(surface)  # "Long Beach Airport"
        if (ent.label_ in OTHER_LABELS and not _known_place(surface)) or unknown_fac:
            if ent.label_ in ("ORG", "FAC"):  # "the U.S. House", "the Georgia Department of Labor"
                lead = _state_leading(ent)
                inside = _states_inside(ent) if lead is None else []
                if lead is not None:
                    add(lead.start_char, lead.end_char, lead.text, lead.end_char, None, "GPE")
                elif inside:  # "the University of Pennsylvania", "Northeast Georgia Medical Center"
                    for sub in inside:
                        add(sub.start_char, sub.end_char, sub.text, sub.end_char, None, "GPE")
                elif (lead := _town_leading(ent)) is not None:
                    n = len(out)
                    local = _LOCAL_HEAD_RX.match(text, lead.end_char) is not None  # "Athens Police Department"
                    town = add(lead.start_char, lead.end_char, lead.text, lead.end_char,
                               "local" if local else None, "GPE")
                    if town is not None and len(out) > n:
                        town.cue = CUE_NOUN if local else CUE_PREP
            continue  # left to the proper-noun pass below, which asks for a cue
        if hint is None:
            hint = _cue(text, start, ctx.sentence_of(start).start_char)[1]
        added = add(start, start + len(surface), surface, phrase_end, hint, ent.label_)
        if added is not None:
            added.designated = designated

    for ent in doc.ents:  # "the Virginia Freedom of Information Act"
        if ent.label_ in ("LAW", "EVENT"):
            for sub in _states_inside(ent):
                add(sub.start_char, sub.end_char, sub.text, sub.end_char, None, "GPE")

    # "X province/district" the parser did not mark as an entity
    for m in _DESIGNATOR_RX.finditer(text):
        name, start = m.group("name"), m.start("name")
        owner = list(re.finditer(r"['’]s\s+", name))  # "Ethiopia's Somali region": the region is "Somali"
        if owner:
            name, start = name[owner[-1].end():], start + owner[-1].end()
        if re.match(r"(?i)the\b", name) or _designator_after(text, m.end("name")) is None:
            continue
        added = add(start, m.end("name"), name, m.end(), DESIGNATORS[m.group("des")], "GPE")
        if added is not None:
            added.designated = True

    # a lawmaker's party and home town: "Rep. Ann Lee, D-Oakland,"
    for m in _PARTY_TOWN_RX.finditer(text):
        n = len(out)
        hit = add(m.start("town"), m.end("town"), m.group("town"), m.end("town"), "city", "GPE")
        if hit is not None and len(out) > n:  # new: not an entity the parser marked
            hit.cue = CUE_NOUN

    for s, _, _ in states:  # "X, Ky.": a town of that state the parser did not mark
        town = _TOWN_BEFORE_STATE_RX.search(text, max(0, s - 60), s)
        # ("near the Indiana, Ill., border" pairs two states)
        if town and not re.match(r"(?i)the\b", town.group("town")) and town.group("town") not in US_STATES:
            n = len(out)
            m = add(town.start("town"), town.end("town"), town.group("town"), town.end("town"), "city", "GPE")
            if m is not None and len(out) > n:
                m.cue = CUE_NOUN


    for m in _proper_noun_mentions(ctx, covered):
        added = add(m.start, m.end, m.surface, m.end, m.feature_hint, m.label)
        if added is not None:
            added.cue, added.label_other, added.bare = m.cue, m.label_other, m.bare
    return sorted(out, key=lambda m: m.start)


def _designator_after(text: str, end: int) -> re.Match | None:
    """The designator right after a name ("Sindh province"), but not a place
    noun that the name only modifies: in "the Somali city of Baidoa" or "the
    West Bank town of Jenin" the city is Baidoa, and "Somali" names no city."""
    hit = _DESIGNATOR_AFTER_RX.match(text[end:end + 24])
    if hit is None or (hit.group("of") and DESIGNATORS[hit.group(1)] == "city"):
        return None
    return hit


def _person_names(ctx: Context) -> tuple[set[str], list[tuple[int, int]]]:
    """(normalised surnames of the people the article names, char spans of
    their full names). A person is a multi-word PERSON entity ("Alena
    Sarokina"), the capitalised run after a title ("Mr Talas", "Defence
    Minister Israel Katz"), or a PERSON entity with the proper noun the
    model split off before it ("Israel" + "Katz"). The model often reads
    the bare surname later in the story as a place ("Sarokina had been
    arrested"), and a first name as a country ("Israel")."""
    doc = ctx.doc
    keys: set[str] = set()
    spans: list[tuple[int, int]] = []

    def name_word(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.text[:1].isupper()

    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        i = ent.start
        while i > 0 and name_word(doc[i - 1]) and doc[i - 1].whitespace_ and not _title_case(doc[i - 1].sent) \
                and doc[i - 1].lower_.rstrip(".") not in PERSON_TITLES and doc[i - 1].ent_type_ != "PERSON" \
                and not (doc[i - 1].text.endswith(".") and len(doc[i - 1]) > 2):  # "Lumpkin, Ga." + "Roe"
            i -= 1  # "Israel" + PERSON "Katz"
        words = [t for t in doc[i:ent.end] if t.text[:1].isupper()]
        # a place the model read as a person ("Addis Ababa", "crossed at Mae Sot") names nobody
        if len(words) > 1 and not _known_place(doc[i:ent.end].text) and \
                not (get_gazetteer().lookup(ent.text) and _locative_at(ctx, ent.start_char, ent.end_char)):
            keys.add(normalize_name(words[-1].text))
            spans.append((doc[i].idx, ent.end_char))
    for t in doc[:-1]:
        if t.lower_.rstrip(".") in PERSON_TITLES and t.text[:1].isupper() and name_word(doc[t.i + 1]) \
                and not _title_case(t.sent):  # "President Warns Kyiv" is a headline
            j = t.i + 1
            while j + 1 < len(doc) and name_word(doc[j + 1]):
                j += 1
            keys.add(normalize_name(doc[j].text))
            spans.append((doc[t.i + 1].idx, doc[j].idx + len(doc[j])))
    keys.discard("")
    return keys, spans


def _title_case(sent: Span) -> bool:
    """A headline written in title case, where capitals say nothing of names."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.7 * len(words)


def _locative_at(ctx: Context, start: int, end: int) -> bool:
    """Does this occurrence itself say a place is meant? "the village of X",
    "X province", a locative preposition right before it ("in X", "near X"),
    or "to"/"from" after a verb of motion ("fled to X")."""
    text = ctx.text
    sent = ctx.sentence_of(start)
    if _cue(text, start, sent.start_char)[0] == CUE_NOUN or _designator_after(text, end):
        return True
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = ctx.doc[span.start - 1]
    if prev.lower_ in PERSON_PREPS - {"from"}:
        return True
    return prev.lower_ in ("to", "from") and prev.head.lemma_ in MOTION_VERBS


def _group_word(surface: str) -> str | None:
    """The kind of actor a name is, when it is a people or a body and not a
    place: "Somali", "Kurdish" (demonym, ethnic), "Hamas", "Reuters" (armed,
    org). The gazetteer has namesakes of many ("Somali Region", "Hamm")."""
    entry = get_actor_kb().lookup(surface)
    if entry is None or entry.kind not in GROUP_KINDS:
        return None
    if any(e.feature == "country" for e in get_gazetteer().lookup(surface)):
        return None  # "Myanmar" is also listed as an adjective
    return entry.kind


def _not_a_place(ctx: Context, start: int, end: int, surface: str,
                 people: tuple[set[str], list[tuple[int, int]]], dateline: bool = False) -> bool:
    """Is this occurrence of a name a person or a group rather than a place?
    A surname of someone in the article is a place only where the words
    around it say so ("fled to Hama" after "Mohammad Hama said"); a demonym
    or an organisation only with a designator ("the Somali region")."""
    if dateline:
        return False
    person_keys, person_spans = people
    # a word of a person's full name; but a county opening it names the county
    # the parser ran into the name ("Hall County Sheriff Ann Roe")
    if any(start < e and s < end for s, e in person_spans) and not _COUNTY_RX.fullmatch(surface):
        return True
    key = normalize_name(surface)
    if key in person_keys and not _locative_at(ctx, start, end):
        return True
    if _ORG_HEAD_RX.match(ctx.text, end):
        return True  # "the Sinaloa Cartel", "the Tehran Times" name a body, not the place
    kind = _group_word(surface)
    if kind is None:
        return False
    if _designator_after(ctx.text, end):
        return False
    # an ethnic name that is also a region's: "fighting in Amhara"
    return not (kind == "ethnic" and _locative_at(ctx, start, end))


def _cue(text: str, start: int, sent_start: int) -> tuple[int | None, str | None]:
    """(strength, feature hint) of the words before a name at `start`: "the
    village of X" (CUE_NOUN), "near X", "west of X" (CUE_PREP), "the defence
    of X" (CUE_OF), or (None, None). A list carries the cue: "the provinces
    of X and Y". "Off X" hints a coast or island."""
    before = text[max(sent_start, start - 80):start]
    for strength, rx in _CUES:
        m = rx.search(before)
        if m is None:
            continue
        groups = m.groupdict()
        if groups.get("noun"):
            return strength, PLACE_NOUNS[groups["noun"]]
        if (groups.get("prep") or "").lower() == "off":
            return strength, "coast"
        return strength, None
    return None, None


def _proper_noun_mentions(ctx: Context, covered: list[tuple[int, int]]) -> list[_Mention]:
    """Proper nouns the gazetteer knows and the text cues as places, that no
    place entity covers: runs of capitalised PROPN tokens, longest known
    sub-run first ("Nerkin Hand", else "Hand")."""
    doc = ctx.doc
    gaz = get_gazetteer()
    # Words the article writes in lower case somewhere are common words
    # ("Base" in a headline); words of multi-word person names are people.
    lower_words = {t.text for t in doc if t.is_lower}
    person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    ent_of = {}
    for e in doc.ents:
        for t in e:
            ent_of[t.i] = e

    def usable(t: Token) -> bool:
        return (t.pos_ == "PROPN" or t.tag_ in ("NNP", "NNPS")) and t.text[:1].isupper() \
            and t.text.lower() not in lower_words and t.lower_ not in _CALENDAR \
            and not (t.is_upper and len(t) <= 4)

    out: list[_Mention] = []
    i, n = 0, len(doc)
    while i < n:
        if not usable(doc[i]):
            i += 1
            continue
        j = i + 1  # a run: "Nerkin Hand", "Port-au-Prince" (hyphens without spaces)
        # and lower-case particles inside a name: "Norte de Santander", "Ciudad del Este"
        while j < n and (usable(doc[j]) or (doc[j].text == "-" and not doc[j - 1].whitespace_
                                              and j + 1 < n and usable(doc[j + 1])) or
                         (doc[j].text in NAME_PARTICLES and j + 1 < n and usable(doc[j + 1]))):
            j += 1
        k = i
        while k < j:  # longest known sub-run starting at k, else move on
            for end in range(min(j, k + 4), k, -1):
                m = _cued_mention(ctx, doc[k:end], gaz, ent_of, person_words, covered, whole=(k == i and end == j))
                if m is not None:
                    out.append(m)
                    k = end
                    break
            else:
                k += 1
        i = j
    return out


def _cued_mention(ctx: Context, span: Span, gaz, ent_of: dict, person_words: set[str],
                  covered: list[tuple[int, int]], whole: bool = True) -> _Mention | None:
    """`whole`: the span is the whole capitalised run (not "Commerce" of "Chamber
    of Commerce" nor "Lake" of "Lake Tahoe Resort")."""
    if span[-1].text in ("-", *NAME_PARTICLES) or span[0].text in ("-", *NAME_PARTICLES):
        return None
    start, end = span.start_char, span.end_char
    if any(start < e and s < end for s, e in covered):
        return None
    if not any(gaz.lookup_split(span.text)):
        return None
    # Inside an entity: only one that is exactly this name ("Sotk" of the ORG
    # "Sotk's"), or one item of a list the model ran together ("Manabi and
    # Esmeraldas" as one ORG); never a part of a person's name.
    ents = {ent_of[t.i] for t in span if t.i in ent_of}
    label = "GPE"
    for ent in ents:
        surface, s0 = _strip(ent.text, ent.start_char)
        if ent.label_ in NOT_PLACE_LABELS:
            return None
        if (s0, s0 + len(surface)) != (start, end) and \
                (ent.label_ == "PERSON" or not any(t.lower_ in ("and", "or", ",") for t in ent)):
            return None
        label = ent.label_
    if len(span) == 1 and span[0].lower_ in person_words:
        return None  # the surname of someone the article names
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS:
        return None  # a speaker: "..., Kaya said"
    sent = span.sent
    strength, hint = _cue(ctx.text, start, sent.start_char)
    if strength is None and _LOCAL_HEAD_RX.match(ctx.text, end):
        strength, hint = CUE_NOUN, "local"  # "Gainesville man charged"
    prev = ctx.doc[span.start - 1] if span.start else None
    nxt = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    # a word of a longer name: "Chamber of Commerce" (after "X of"), "Central Command",
    # "Union Carbide" (the tagger split the run), "the Church of ...", "Hope's Wings"
    in_name = not whole or (prev is not None and (
        (not prev.is_sent_start and prev.text[:1].isupper()) or
        (prev.lower_ == "of" and span.start > 1 and ctx.doc[span.start - 2].text[:1].isupper()))) or \
        (nxt is not None and (nxt.text[:1].isupper() or nxt.lower_ in ("of", "'s", "’s")))
    if strength is None:
        if ents or in_name or root.dep_ == "poss":
            return None
        strength = CUE_NONE  # taken only as a town of the article's own regions
    if label == "PERSON" and strength < CUE_NOUN:
        # "toward X", "in X", but not "spoke to X", "X's plan"
        prep = re.search(r"(\w+)\s+(?:\w+\s+(?:and|or)\s+|\w+,\s+)*$",
                         ctx.text[max(sent.start_char, start - 60):start])
        before = ctx.doc[span.start - 1] if span.start else None
        moved = before is not None and before.lower_ in ("to", "from") and \
            before.head.lemma_ in MOTION_VERBS  # "fled to X", not "spoke to X"
        if strength < CUE_PREP or prep is None or \
                (prep.group(1).lower() not in PERSON_PREPS and not moved) or \
                root.dep_ == "poss" or ctx.text[end:end + 2] in ("'s", "’s"):
            return None
    return _Mention(start, end, span.text, span.text, hint, label, sent.start_char,
                    cue=strength, label_other=label in OTHER_LABELS, bare=not in_name)


def _known_place(name: str) -> bool:
    key = normalize_name(name)
    for e in get_gazetteer().lookup(name):
        if (e.feature == "country" or e.curated or e.population >= OTHER_MIN_POP) and _named_as(e, key):
            return True
    return False
