"""Where: toponyms in the article, resolved against the bundled gazetteer.

Candidates are the parser's GPE/LOC/FAC entities, "X province/district/..."
phrases, a dateline's place, and other entities whose text is a country or
a curated place (the model sometimes calls "Nagorno-Karabakh" an ORG).
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

from wirecoder.data.gazetteer import GazEntry, get_gazetteer, normalize_name
from wirecoder.extract.context import Context
from wirecoder.extract.time import dateline
from wirecoder.models import Place

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entities of these labels are places only when the gazetteer knows them as a
# country, a curated place, or a big city/region (the small model mislabels
# "Nagorno-Karabakh" ORG and "Stepanakert" PERSON).
OTHER_LABELS = ("ORG", "PERSON", "NORP")
OTHER_MIN_POP = 500_000
# Entity texts that are directions or blocs, not places ("the West", "the South").
NOT_PLACES = frozenset({"west", "east", "north", "south", "western", "eastern", "northern",
                        "southern", "central", "midwest", "north east", "south west", "global south",
                        "global north", "earth", "world", "the west"})

# Designators after a name: "Sindh province", "Dadu district", "Donetsk region".
DESIGNATORS = {"province": "region", "provinces": "region", "region": "region", "state": "region",
               "governorate": "region", "oblast": "region", "prefecture": "region",
               "county": "region", "department": "region", "territory": "region",
               "district": None, "municipality": None, "city": "city", "town": "city",
               "village": "city"}
_DESIGNATOR_RX = re.compile(
    r"\b(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})\s+(?P<des>"
    + "|".join(sorted(DESIGNATORS, key=len, reverse=True)) + r")\b")
# "Stepanakert, known as Xankandi in Azeri", "Kyiv (also spelled Kiev)"
_ALIAS_RX = re.compile(
    r"^\s*(?:,|\(|—|–|-)\s*(?:which\s+is\s+|also\s+|now\s+|formerly\s+|officially\s+|locally\s+)*"
    r"(?:known|called|referred\s+to|spelled|spelt|named)\s+(?:as\s+)?(?:the\s+)?"
    r"(?P<alias>[A-Z][\w'’\-]+(?:[\s\-][A-Z][\w'’\-]+){0,3})")
_PAREN_RX = re.compile(r"^\s*\((?P<alias>[A-Z][\w'’\-]+(?:[\s\-][A-Z][\w'’\-]+){0,3})\)")

# Prior: a city scores CITY_WEIGHT * log10(population), so 1,000 -> 4.5,
# 100,000 -> 7.5, 10 million -> 10.5; a country outranks any namesake city
# ("Djibouti", "Kuwait"); a region ranks with a town of about 2,000 people.
FEATURE_PRIOR = {"country": 11.0, "region": 5.0, "site": 5.0}
CITY_WEIGHT = 1.5
CURATED_BONUS = 1.0
COUNTRY_IN_ARTICLE = 2.5  # x share of the article's place mentions in the candidate's state
COUNTRY_IN_SENTENCE = 1.0  # ... in the same sentence
ADMIN1_NAMED = 4.0  # a place in the article lies in this region
PAIR_MATCH = 5.0  # "X, Y": X lies in Y
DESIGNATOR_MATCH = 2.0  # "Sindh province" is a region, "Dadu city" a city
MIN_CITY_SCORE = 5.5  # about a town of 5,000 with no support from the article
CITY_NAMESAKE = 1.5  # a region named like a city of its state yields to the city


@dataclass
class _Mention:
    start: int
    end: int
    surface: str  # text as written, without "the" and the designator
    phrase: str  # text as written, with the designator ("Sindh province")
    feature_hint: str | None = None  # from a designator
    label: str = "GPE"
    sent_start: int = 0


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

    def entry_of(self, place: Place) -> GazEntry | None:
        for p, e in zip(self.places, self.entries):
            if p is place:
                return e
        return None

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

    def add(start: int, end: int, surface: str, phrase_end: int, hint: str | None, label: str):
        if any(start < e and s < phrase_end for s, e in covered):
            return
        covered.append((start, phrase_end))
        sent = ctx.sentence_of(start)
        out.append(_Mention(start, phrase_end, surface, text[start:phrase_end], hint, label,
                            sent.start_char))

    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS + OTHER_LABELS:
            continue
        surface, start = _strip(ent.text, ent.start_char)
        if not surface or normalize_name(surface) in NOT_PLACES:
            continue
        end = start + len(surface)
        hint = None
        words = surface.split()
        if len(words) > 1 and words[-1].lower() in DESIGNATORS:  # "Sindh Province" as one entity
            hint = DESIGNATORS[words[-1].lower()]
            if not gaz.lookup(surface):
                surface = " ".join(words[:-1])
        phrase_end = end
        after = re.match(r"\s+(" + "|".join(DESIGNATORS) + r")\b", text[end:end + 20])
        if after:  # "Sindh" + " province"
            hint = DESIGNATORS[after.group(1)]
            phrase_end = end + after.end()
        if ent.label_ in OTHER_LABELS and not _known_place(surface):
            continue
        add(start, start + len(surface), surface, phrase_end, hint, ent.label_)

    # "X province/district" the parser did not mark as an entity
    for m in _DESIGNATOR_RX.finditer(text):
        name = m.group("name")
        if re.match(r"(?i)the\b", name):
            continue
        add(m.start("name"), m.end("name"), name, m.end(), DESIGNATORS[m.group("des")], "GPE")

    line = dateline(text)
    if line:
        place, _, (s, e) = line
        add(s, e, place, e, "city", "GPE")
    return sorted(out, key=lambda m: m.start)


def _known_place(name: str) -> bool:
    for e in get_gazetteer().lookup(name):
        if e.feature == "country" or e.curated or e.population >= OTHER_MIN_POP:
            return True
    return False


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


def _resolve(mentions: list[_Mention], text: str) -> dict[str, GazEntry]:
    """Resolve each distinct name (normalised) to one gazetteer entry."""
    gaz = get_gazetteer()
    by_key: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_key[normalize_name(m.surface)].append(m)
    cands = {k: gaz.lookup(k) for k in by_key}
    cands = {k: v for k, v in cands.items() if v}

    # "X, Y" pairs: X's mention followed by ", " and Y's mention
    pairs: dict[str, set[str]] = defaultdict(set)  # X key -> Y keys
    starts = {m.start: m for m in mentions}
    for m in mentions:
        nxt = re.match(r",\s*", text[m.end:m.end + 3])
        if nxt and (m.end + nxt.end()) in starts:
            pairs[normalize_name(m.surface)].add(normalize_name(starts[m.end + nxt.end()].surface))

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
            hints = {m.feature_hint for m in by_key[k] if m.feature_hint}
            # A region sharing its name with a sizeable city of the same state
            # ("Geneva", "Khartoum", "Baku") is the city unless the text says region.
            city_states = {e.country for e in options if e.feature == "city" and e.population >= 10_000}
            best, best_score = None, -1e9
            for e in options:
                score = _prior(e)
                if e.country and top:
                    # in proportion to how much of the article is about that state:
                    # one "U.S." in a story on Pakistan does not move "Geneva" to Illinois
                    score += COUNTRY_IN_ARTICLE * weight[e.country] / top
                if e.country in here:
                    score += COUNTRY_IN_SENTENCE
                if e.feature == "region" and {normalize_name(e.name), normalize_name(_bare(e.name))} & admin1_named:
                    score += ADMIN1_NAMED  # "Atlanta" named: "Georgia" is the US state
                if e.feature == "city" and e.admin1 and \
                        {normalize_name(e.admin1), normalize_name(_bare(e.admin1))} & regions_named:
                    score += ADMIN1_NAMED / 2  # "Texas" named: "Paris" may be the Texan one
                if any(_in_region(e, y) for y in pairs.get(k, ())):
                    score += PAIR_MATCH  # "Paris, Texas"
                for x, ys in pairs.items():  # "Atlanta, Georgia": Georgia holds Atlanta
                    if k in ys and x in resolved and resolved[x].admin1 and \
                            normalize_name(resolved[x].admin1) in (normalize_name(e.name),
                                                                   normalize_name(_bare(e.name))):
                        score += PAIR_MATCH
                if hints and e.feature in hints:
                    score += DESIGNATOR_MATCH
                elif e.feature == "region" and e.country in city_states and not e.curated:
                    score -= CITY_NAMESAKE
                if score > best_score:
                    best, best_score = e, score
            # a hamlet nobody else in the article points to is more likely a
            # word the parser took for a place than that hamlet
            if best is not None and not (best.feature == "city" and best_score < MIN_CITY_SCORE):
                new[k] = best
        resolved = new
    return resolved


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
    mentions = _candidates(ctx)
    resolved = _resolve(mentions, text)

    groups: dict[int, list[_Mention]] = defaultdict(list)
    entry_by_id: dict[int, GazEntry] = {}
    given_aliases: dict[int, list[str]] = defaultdict(list)
    extra_spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        e = resolved.get(normalize_name(m.surface))
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
                        any(s < e and b < t for b, e in taken):
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
