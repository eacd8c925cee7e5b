"""Where: toponyms in the article, resolved against the bundled gazetteer.

Candidates are the parser's GPE/LOC/FAC entities, "X province/district/..."
phrases, a dateline's place, and other entities whose text is a country or
a curated place (the model sometimes calls "Nagorno-Karabakh" an ORG).
The small model misses or mislabels most small towns ("near the village of
Sotk" -> nothing, "toward Kaya" -> PERSON), so proper nouns the gazetteer
knows are candidates too, but only where the text cues a place (see
`_cue`) and only as places the article's countries hold, or big ones.
Each distinct name is resolved once per article ("one sense per
discourse"), ranking the gazetteer's candidates by:
  - a prior: countries > curated places > regions ~ cities by population;
  - the article's countries: states named in it and the states of places
    resolved without doubt (a "Paris" in a story about Texas is in Texas);
  - "X, Y" pairs ("Paris, Texas", "Hyderabad, Sindh"): X lies in Y;
  - a city named in the article lying in a region of that name ("Atlanta" makes
    "Georgia" the US state).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from wirecoder.data.actors import get_actor_kb
from wirecoder.data.gazetteer import GazEntry, get_gazetteer, normalize_name
from wirecoder.extract.context import Context
from wirecoder.extract.time import dateline
from wirecoder.models import Place

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entities of these labels are places only when the gazetteer knows them as a
# country, a curated place, or a big city/region (the small model mislabels
# "Guinea-Bissau" ORG and "Bamako" PERSON).
OTHER_LABELS = ("ORG", "PERSON", "NORP")
OTHER_MIN_POP = 500_000
# Entity texts that are directions or blocs, not places ("the West", "the South").
NOT_PLACES = frozenset({"west", "east", "north", "south", "western", "eastern", "northern",
                        "southern", "central", "midwest", "north east", "south west", "global south",
                        "global north", "earth", "world", "the west"})

# Designators after a name: "Punjab province", "Gulu district", "Donetsk region".
DESIGNATORS = {"province": "region", "provinces": "region", "region": "region", "state": "region",
               "governorate": "region", "oblast": "region", "prefecture": "region",
               "county": "region", "department": "region", "territory": "region",
               "district": None, "municipality": None, "city": "city", "town": "city",
               "village": "city"}
_DESIGNATOR_RX = re.compile(
    r"\b(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})\s+(?P<des>"
    + "|".join(sorted(DESIGNATORS, key=len, reverse=True)) + r")\b")
# "Mumbai, known as Bombay in colonial records", "Kyiv (also spelled Kiev)"
_DESIGNATOR_AFTER_RX = re.compile(r"\s+(" + "|".join(DESIGNATORS) + r")\b(?P<of>\s+of\b)?")
_ALIAS_RX = re.compile(
    r"^\s*(?:,|\(|—|–|-)\s*(?:which\s+is\s+|also\s+|now\s+|formerly\s+|officially\s+|locally\s+)*"
    r"(?:known|called|referred\s+to|spelled|spelt|named)\s+(?:as\s+)?(?:the\s+)?"
    r"(?P<alias>[A-Z][\w'’\-]+(?:[\s\-][A-Z][\w'’\-]+){0,3})")
_PAREN_RX = re.compile(r"^\s*\((?P<alias>[A-Z][\w'’\-]+(?:[\s\-][A-Z][\w'’\-]+){0,3})\)")

# Nouns naming a kind of place, before "of": "the village of X", "the eastern
# province of X", "the main island of X". Value: the feature hint they give.
PLACE_NOUNS = {"village": "city", "villages": "city", "town": "city", "towns": "city",
               "city": "city", "cities": "city", "port": "city", "capital": "city",
               "hamlet": "city", "settlement": "city", "camp": "city", "suburb": "city",
               "neighbourhood": "city", "neighborhood": "city", "municipality": None,
               "district": None, "districts": None, "area": None, "enclave": None,
               "province": "region", "provinces": "region", "region": "region",
               "regions": "region", "state": "region", "governorate": "region",
               "oblast": "region", "county": "region", "department": "region",
               "prefecture": "region", "territory": "region", "island": "island",
               "islands": "island", "archipelago": "island"}
# Feature hints -> the features they fit. "Off X" is said of coasts and islands.
HINT_FEATURES = {"city": {"city"}, "region": {"region"}, "island": {"region", "site"},
                 "coast": {"region", "site", "country"}}
_NAME = r"[A-Z][\w'’\-]*"
_LIST = rf"(?:(?:{_NAME}\s+){{0,3}}{_NAME}\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))*"
# How strongly the words before a proper noun say it is a place.
CUE_NOUN, CUE_PREP, CUE_OF = 3, 2, 1
_CUES = [
    (CUE_NOUN, re.compile(rf"\b(?P<noun>{'|'.join(PLACE_NOUNS)})\s+of\s+{_LIST}$")),
    # "west of X", "the outskirts of X", "30 km north of X"
    (CUE_PREP, re.compile(r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west|(?:north|south|east|west)ern|"
                          rf"outskirts|suburbs|edge|centre|center|heart|outside)\s+of\s+{_LIST}$")),
    (CUE_PREP, re.compile(r"(?<!according )(?<!\bdue )\b(?P<prep>[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|[Tt]o|[Tt]owards?|"
                          r"[Ii]nto|[Oo]utside|[Ii]nside|[Aa]round|[Aa]cross|[Tt]hrough|[Vv]ia|[Oo]ff|"
                          rf"[Bb]eyond|[Tt]hroughout|[Ww]ithin|[Bb]etween)\s+{_LIST}$")),
    (CUE_OF, re.compile(rf"\bof\s+{_LIST}$")),
]
# A name the model calls a PERSON is a place only with a place noun or a
# locative preposition before it, never in "spoke to X", "said X".
PERSON_PREPS = {"in", "at", "near", "toward", "towards", "into", "outside", "inside", "around",
                "across", "through", "via", "off", "beyond", "throughout", "within", "from"}
# Entity labels whose words are never towns: "on Friday", "the Geneva Conventions".
NOT_PLACE_LABELS = ("DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT",
                    "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE")
# Lower-case words inside place names: "Norte de Santander", "Ciudad del Este".
NAME_PARTICLES = ("de", "del", "da", "do", "dos", "das", "di", "la", "las", "los", "le", "les", "y", "al", "el")
# Verbs of motion whose "to"/"from" points at a place ("fled to X"), unlike
# "spoke to X" or "a letter from X".
MOTION_VERBS = {"flee", "travel", "move", "return", "head", "go", "come", "send", "deploy", "march",
                "retreat", "evacuate", "relocate", "fly", "drive", "deliver", "transfer", "withdraw",
                "advance", "walk", "escape", "ship", "airlift", "bus", "push", "extend", "spread",
                "expand", "migrate", "cross", "divert", "redeploy", "transport", "take", "bring"}
# Words before a name that make it a person's: "Mr Talas", "President Rahmon".
PERSON_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "president", "minister",
                 "congressman", "congresswoman", "lawmaker", "mp", "commissioner", "secretary",
                 "premier", "chancellor", "governor", "mayor", "gen", "col", "colonel", "lt", "maj",
                 "capt", "captain", "sgt", "judge", "sheikh", "imam", "pope", "king", "queen",
                 "prince", "princess", "ambassador", "spokesman", "spokeswoman", "spokesperson"}
# Capitalised heads that make "<place> <head>" the name of a body: "the Sinaloa
# Cartel", "the Kyiv Independent". Not "Airport", "Stadium": those are places.
_ORG_HEAD_RX = re.compile(r"\s+(?:Cartel|Front|Movement|Party|Brigades?|Times|Post|Herald|Tribune|"
                          r"Independent|Gazette|University|Polytechnic|Club|Bank|Company|Corporation|"
                          r"Airlines|Airways|Group)\b")
# Actor kinds (wirecoder.data.actors) whose names are not places.
GROUP_KINDS = ("demonym", "ethnic", "armed", "org")
SPEECH_VERBS = {"say", "tell", "add", "state", "claim", "announce", "report", "write", "deny",
                "confirm", "warn", "insist", "note", "explain", "recall"}
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
             "friday", "saturday", "sunday"}
# What a cued proper noun needs from the gazetteer entry: a place in a
# country the article names (else a namesake abroad is a worse guess than
# nothing), or a big one. Villages pass only after a place noun.
CUE_MIN_POP_ABROAD = 100_000  # "the town of X" with X in no country of the article
CUE_MIN_POP_PREP = 5_000  # "toward X"
CUE_MIN_POP_NAMED = 20_000  # "toward X" when the model read X as a person or organisation
CUE_MIN_POP_OF = 100_000  # "the defence of X"
CUE_NOUN_BONUS = 1.5  # "the village of X" says it is a settlement: a hamlet may pass MIN_CITY_SCORE

# Prior: a city scores CITY_WEIGHT * log10(population), so 1,000 -> 4.5,
# 100,000 -> 7.5, 10 million -> 10.5; a country outranks any namesake city
# ("Djibouti", "Kuwait"); a region ranks with a town of about 2,000 people.
FEATURE_PRIOR = {"country": 11.0, "region": 5.0, "site": 5.0}
CITY_WEIGHT = 1.5
CURATED_BONUS = 1.0
COUNTRY_IN_ARTICLE = 2.5  # x share of the article's place mentions in the candidate's state
COUNTRY_IN_SENTENCE = 1.0  # ... in the same sentence
# A curated place spanning states ("the Sahel", "the Horn of Africa") stands
# for each of them: it gets what a namesake region of one of those states
# ("Sahel Region" of Burkina Faso) gets from the article naming that state.
SPANS_STATES = COUNTRY_IN_ARTICLE + COUNTRY_IN_SENTENCE
ADMIN1_NAMED = 4.0  # a place in the article lies in this region
PAIR_MATCH = 5.0  # "X, Y": X lies in Y
DESIGNATOR_MATCH = 2.0  # "Sindh province" is a region, "Dadu city" a city
MIN_CITY_SCORE = 5.5  # about a town of 5,000 with no support from the article
CITY_NAMESAKE = 1.5  # a region named like a city of its state yields to the city
VARIANT_PENALTY = 1.0  # a place whose name is only a spelling variant of the text's


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


@dataclass
class PlaceTable:
    places: list[Place] = field(default_factory=list)
    entries: list[GazEntry] = field(default_factory=list)  # the gazetteer entry of each place
    _spans: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, place index)

    def at_char(self, start: int, end: int) -> Place | None:
        """The place mentioned within [start, end) (largest overlap), or None."""
        best, best_overlap = None, 0
        for s, e, i in self._spans:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = self.places[i], overlap
        return best

    def in_span(self, start: int, end: int) -> list[Place]:
        """Distinct places mentioned in [start, end), in order of first mention there."""
        out: list[Place] = []
        seen: set[int] = set()
        for s, e, i in self._spans:
            if s >= start and e <= end and i not in seen:
                seen.add(i)
                out.append(self.places[i])
        return out

    def location_for(self, sent: Span, trigger: Token | None = None) -> Place | None:
        """The place an event in `sent` happened at: a place attached to the
        trigger by a locative preposition ("shelled in Stepanakert"), else the
        most specific place of the sentence that is not the subject or a
        possessor (those are actors: "Moscow said", "Baku's offensive")."""
        cands: list[tuple[float, Place]] = []
        doc = sent.doc
        for s, e, i in self._spans:
            if not (s >= sent.start_char and e <= sent.end_char):
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ in ("nsubj", "nsubjpass", "poss") or (root.dep_ == "compound" and
                                                               root.head.dep_ in ("nsubj", "nsubjpass")):
                continue
            score = {"city": 3, "site": 3, "region": 2, "country": 1}.get(self.entries[i].feature, 0)
            if root.head.lower_ in ("in", "at", "near", "outside", "inside", "across", "around",
                                    "into", "on", "from", "throughout", "towards", "toward"):
                score += 2
                if trigger is not None and (root.head.head == trigger or root.head.head.head == trigger):
                    score += 5
            cands.append((score - 0.01 * (s - sent.start_char) / max(1, len(sent.text)), self.places[i]))
        return max(cands, key=lambda c: c[0])[1] if cands else None


def _strip(text: str, start: int) -> tuple[str, int]:
    """Drop a leading "the" and a trailing possessive from an entity text."""
    m = re.match(r"(?i)the\s+", text)
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

    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS + OTHER_LABELS:
            continue
        surface, start = _strip(ent.text, ent.start_char)
        if not surface or normalize_name(surface) in NOT_PLACES:
            continue
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
        if ent.label_ in OTHER_LABELS and not _known_place(surface):
            continue  # left to the proper-noun pass below, which asks for a cue
        if hint is None:
            hint = _cue(text, start, ctx.sentence_of(start).start_char)[1]
        added = add(start, start + len(surface), surface, phrase_end, hint, ent.label_)
        if added is not None:
            added.designated = designated

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

    line = dateline(text)
    if line:
        place, _, (s, e) = line
        m = add(s, e, place, e, "city", "GPE")
        if m is not None:
            m.dateline = True

    for m in _proper_noun_mentions(ctx, covered):
        added = add(m.start, m.end, m.surface, m.end, m.feature_hint, m.label)
        if added is not None:
            added.cue, added.label_other = m.cue, m.label_other
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
                and doc[i - 1].lower_.rstrip(".") not in PERSON_TITLES and doc[i - 1].ent_type_ != "PERSON":
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
    if any(start < e and s < end for s, e in person_spans):
        return True  # a word of a person's full name
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
    doc, text = ctx.doc, ctx.text
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
                m = _cued_mention(ctx, doc[k:end], gaz, ent_of, person_words, covered)
                if m is not None:
                    out.append(m)
                    k = end
                    break
            else:
                k += 1
        i = j
    return out


def _cued_mention(ctx: Context, span: Span, gaz, ent_of: dict, person_words: set[str],
                  covered: list[tuple[int, int]]) -> _Mention | None:
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
        if ent.label_ in NOT_PLACE_LABELS:
            return None
        surface, s0 = _strip(ent.text, ent.start_char)
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
    if strength is None:
        return None
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
                    cue=strength, label_other=label in OTHER_LABELS)


def _known_place(name: str) -> bool:
    for e in get_gazetteer().lookup(name):
        if e.feature == "country" or e.curated or e.population >= OTHER_MIN_POP:
            return True
    return False


def _cue_allows(e: GazEntry, strength: int, label_other: bool, in_article_country: bool) -> bool:
    """May a cued proper noun (no place entity) be this gazetteer entry?
    `label_other`: the model read the name as a person or organisation."""
    if e.feature == "country" or e.curated:
        return True
    if strength >= CUE_NOUN:
        return in_article_country or e.population >= CUE_MIN_POP_ABROAD
    if strength >= CUE_PREP:
        floor = CUE_MIN_POP_NAMED if label_other else CUE_MIN_POP_PREP
        return in_article_country and (e.feature == "region" or e.population >= floor)
    return in_article_country and (e.feature == "region" or e.population >= CUE_MIN_POP_OF)


def _prior(e: GazEntry) -> float:
    if e.feature == "city":
        base = CITY_WEIGHT * math.log10(e.population + 10)
    else:
        base = FEATURE_PRIOR.get(e.feature, 4.0)
        if e.feature == "region" and e.population:  # continents
            base = max(base, CITY_WEIGHT * math.log10(e.population + 10))
    return base + (CURATED_BONUS if e.curated else 0.0)


def _in_region(e: GazEntry, region_key: str) -> bool:
    """Does entry `e` lie in the region/country written `region_key`?"""
    if e.admin1 and region_key in (normalize_name(e.admin1), normalize_name(_bare(e.admin1))):
        return True
    for r in get_gazetteer().lookup(region_key):
        if r.feature == "country" and r.country == e.country and e.feature != "country":
            return True
    return False


def _bare(name: str) -> str:
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in DESIGNATORS else name


def _resolve(mentions: list[_Mention], text: str) -> dict[int, GazEntry]:
    """Resolve each distinct name (normalised) to one gazetteer entry; return
    the entry of each mention (by `id`)."""
    gaz = get_gazetteer()
    key_of = _sense_keys(mentions)
    by_key: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_key[key_of[id(m)]].append(m)
    # exact namesakes, then spelling variants ("Wajid" for GeoNames' "Waajid")
    cands = {k: [*exact, *variants] for k in by_key for exact, variants in [gaz.lookup_split(_base(k))]}
    cands = {k: v for k, v in cands.items() if v}
    variant_ids = {k: {e.id for e in gaz.lookup_split(_base(k))[1]} for k in cands}

    # "X, Y" pairs: X's mention followed by ", " and Y's mention
    pairs: dict[str, set[str]] = defaultdict(set)  # X key -> Y keys
    starts = {m.start: m for m in mentions}
    for m in mentions:
        nxt = re.match(r",\s*", text[m.end:m.end + 3])
        if nxt and (m.end + nxt.end()) in starts:
            pairs[key_of[id(m)]].add(normalize_name(starts[m.end + nxt.end()].surface))

    resolved: dict[str, GazEntry] = {}
    # Pass 1 ranks by the prior alone; pass 2 ranks again with the article's
    # context (its countries, regions) as pass 1 read it.
    for _ in range(2):
        mentions_of = Counter()  # country -> mentions of places in it, per name
        for k, e in resolved.items():
            if e.country:
                mentions_of[(k, e.country)] += len(by_key[k])
        sent_countries: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for k, e in resolved.items():
            for m in by_key[k]:
                if e.country:
                    sent_countries[m.sent_start].add((k, e.country))
        # the regions the article's places lie in; a city that gives its name to
        # its region ("Kyiv" in "Kyiv City") says nothing about that region
        admin1_of = {k: {normalize_name(e.admin1), normalize_name(_bare(e.admin1))}
                     for k, e in resolved.items()
                     if e.admin1 and normalize_name(_bare(e.admin1)) != normalize_name(e.name)}
        new: dict[str, GazEntry] = {}
        for k, options in cands.items():
            # context from every other name of the article, never from this one
            weight = Counter()
            for (x, c), n in mentions_of.items():
                if x != k:
                    weight[c] += n
            top = max(weight.values(), default=0)
            here = {c for m in by_key[k] for x, c in sent_countries[m.sent_start] if x != k}
            admin1_named = set().union(*(v for x, v in admin1_of.items() if x != k))
            regions_named = {normalize_name(_bare(e.name)) for x, e in resolved.items()
                             if x != k and e.feature == "region"} | \
                            {normalize_name(e.name) for x, e in resolved.items()
                             if x != k and e.feature == "region"}
            hints = set().union(*(HINT_FEATURES.get(m.feature_hint, {m.feature_hint})
                                  for m in by_key[k] if m.feature_hint))
            # a name only cued proper nouns stand for must be a place in one of
            # the article's countries, or a big one (see _cue_allows)
            cued = [m for m in by_key[k] if m.cue is not None]
            if len(cued) == len(by_key[k]):
                strength = max(m.cue for m in cued)
                label_other = all(m.label_other for m in cued)
                options = [e for e in options
                           if _cue_allows(e, strength, label_other, weight[e.country] > 0 if e.country else False)]
                noun_bonus = CUE_NOUN_BONUS if strength >= CUE_NOUN else 0.0
            else:
                noun_bonus = 0.0
            # Where every mention says what kind of place it is ("Odesa region",
            # "the provinces of X and Y"), a namesake of another kind is out.
            said = {m.feature_hint for m in by_key[k]}
            if len(said) == 1 and None not in said:
                fit = [e for e in options if e.feature in HINT_FEATURES.get(next(iter(said)), ())]
                options = fit or options
            # A region sharing its name with a sizeable city of the same state
            # ("Geneva", "Khartoum", "Baku") is the city unless the text says region.
            city_states = {e.country for e in options if e.feature == "city" and e.population >= 10_000}
            best, best_score = None, -1e9
            for e in options:
                score = _prior(e) + noun_bonus
                if e.id in variant_ids[k]:
                    score -= VARIANT_PENALTY  # "Jenne" is Djenné only if nothing is spelled "Jenne"
                if e.country and top:
                    # in proportion to how much of the article is about that state:
                    # one "U.S." in a story on Pakistan does not move "Geneva" to Illinois
                    score += COUNTRY_IN_ARTICLE * weight[e.country] / top
                if e.country in here:
                    score += COUNTRY_IN_SENTENCE
                if e.curated and e.country is None and e.feature != "country":
                    score += SPANS_STATES
                if e.feature == "region" and {normalize_name(e.name), normalize_name(_bare(e.name))} & admin1_named:
                    score += ADMIN1_NAMED  # "Atlanta" named: "Georgia" is the US state
                if e.feature == "city" and e.admin1 and \
                        {normalize_name(e.admin1), normalize_name(_bare(e.admin1))} & regions_named:
                    score += ADMIN1_NAMED / 2  # "Texas" named: "Paris" may be the Texan one
                if any(_in_region(e, y) for y in pairs.get(k, ())):
                    score += PAIR_MATCH  # "Paris, Texas"
                for x, ys in pairs.items():  # "Atlanta, Georgia": Georgia holds Atlanta
                    if _base(k) in ys and x in resolved and resolved[x].admin1 and \
                            normalize_name(resolved[x].admin1) in (normalize_name(e.name),
                                                                   normalize_name(_bare(e.name))):
                        score += PAIR_MATCH
                kind_said = hints and e.feature in hints
                if kind_said:
                    score += DESIGNATOR_MATCH
                elif e.feature == "region" and e.country in city_states and not e.curated:
                    score -= CITY_NAMESAKE
                if score > best_score:
                    best, best_score = e, score
                    best_support = score - (DESIGNATOR_MATCH if kind_said else 0.0)
            # A hamlet nobody else in the article points to is more likely a
            # word the parser took for a place than that hamlet; "the village
            # of X" says X is a village, not which one (so the kind the text
            # names does not count here).
            if best is not None and not (best.feature == "city" and best_support < MIN_CITY_SCORE):
                new[k] = best
        resolved = new
    return {key: resolved[k] for m in mentions for key, k in [(id(m), key_of[id(m)])] if k in resolved}


REGION_SENSE = "\x00region"  # key suffix of "Kidal region" when "Kidal" alone is also written


def _base(key: str) -> str:
    return key.removesuffix(REGION_SENSE)


def _sense_keys(mentions: list[_Mention]) -> dict[int, str]:
    """The key each mention is resolved under: its normalised name, one sense
    per article, except that a name written both with a region designator
    and without one ("the Kidal region", "near Kidal") is two places, the
    region and (if the gazetteer has one) the town."""
    keys = {id(m): normalize_name(m.surface) for m in mentions}
    region = {keys[id(m)] for m in mentions if m.designated and m.feature_hint == "region"}
    bare = {keys[id(m)] for m in mentions if not m.designated}
    for m in mentions:
        k = keys[id(m)]
        if k in region and k in bare and m.designated and m.feature_hint == "region":
            keys[id(m)] = k + REGION_SENSE
    return keys


def _alias_given(text: str, m: _Mention, entry: GazEntry) -> tuple[str, int, int] | None:
    """Another name the article gives right after a mention: "X, known as Y",
    "X (also spelled Y)"; a bare "X (Y)" only when the gazetteer agrees that Y
    is the same place (else it is often a country or an explanation)."""
    tail = text[m.end:m.end + 80]
    hit = _ALIAS_RX.match(tail)
    if hit is None:
        hit = _PAREN_RX.match(tail)
        if hit is None or not any(x.id == entry.id for x in get_gazetteer().lookup(hit.group("alias"))):
            return None
    return hit.group("alias"), m.end + hit.start("alias"), m.end + hit.end("alias")


def extract_places(ctx: Context) -> PlaceTable:
    text = ctx.text
    person_keys = _person_names(ctx)
    mentions = [m for m in _candidates(ctx)
                if not _not_a_place(ctx, m.start, m.start + len(m.surface), m.surface, person_keys,
                                    m.dateline)]
    resolved = _resolve(mentions, text)

    groups: dict[int, list[_Mention]] = defaultdict(list)
    entry_by_id: dict[int, GazEntry] = {}
    given_aliases: dict[int, list[str]] = defaultdict(list)
    extra_spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        e = resolved.get(id(m))
        if e is None:
            continue
        groups[e.id].append(m)
        entry_by_id[e.id] = e
        given = _alias_given(text, m, e)
        if given:
            given_aliases[e.id].append(given[0])
            extra_spans[e.id].append(given[1:])

    # Other occurrences of the same names the parser did not mark (not inside
    # another entity: "New York" in "New York Times").
    blocked = [(ent.start_char, ent.end_char) for ent in ctx.doc.ents
               if ent.label_ not in PLACE_LABELS]
    taken = {(m.start, m.end) for ms in groups.values() for m in ms}
    for pid, ms in groups.items():
        forms = {m.surface for m in ms} | set(given_aliases[pid])
        for form in forms:
            for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                s, t = hit.span()
                if any(s < e and b < t for b, e in blocked) or \
                        any(s < e and b < t for b, e in taken) or \
                        _not_a_place(ctx, s, t, form, person_keys):
                    continue
                extra_spans[pid].append((s, t))
                taken.add((s, t))

    table = PlaceTable()
    order = sorted(groups, key=lambda pid: min(m.start for m in groups[pid]))
    for i, pid in enumerate(order):
        e, ms = entry_by_id[pid], groups[pid]
        surfaces = Counter(m.surface for m in ms)
        norm_name = normalize_name(e.name)
        if e.feature == "country" or any(normalize_name(s) == norm_name for s in surfaces):
            name = e.name
        else:
            name = max(surfaces, key=lambda s: (surfaces[s], -min(m.start for m in ms if m.surface == s)))
        if any(normalize_name(p.name) == normalize_name(name) for p in table.places):
            name = e.name  # "Kidal" the town and "Kidal Region"
        aliases: list[str] = []
        seen = {normalize_name(name)}
        for a in [*surfaces, *(m.phrase for m in ms), *given_aliases[pid], e.name, *e.aliases]:
            k = normalize_name(a)
            if k and k not in seen:
                seen.add(k)
                aliases.append(a)
        spans = sorted({(m.start, m.end) for m in ms} | set(extra_spans[pid]))
        table.places.append(Place(name=name, aliases=aliases, country=e.country, lat=round(e.lat, 5),
                                  lon=round(e.lon, 5), feature=e.feature, geonameid=e.geonameid,
                                  mentions=spans))
        table.entries.append(e)
        table._spans.extend((s, t, i) for s, t in spans)
    table._spans.sort()
    return table
