"""The public entry: `extract_places` and the `PlaceTable` it returns."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from wirecoder.data.actors import get_actor_kb
from wirecoder.data.gazetteer import GazEntry, get_gazetteer, normalize_name
from wirecoder.extract.common.vocabulary import ordered
from wirecoder.extract.context import Context
from wirecoder.extract.places.mentions import (
    _candidates,
    _Mention,
    _not_a_place,
    _person_names,
    _strip,
)
from wirecoder.extract.places.patterns import _named_as
from wirecoder.extract.places.resolve import _resolve
from wirecoder.extract.places.words import _ALIAS_RX, _PAREN_RX, PLACE_LABELS
from wirecoder.models import Place


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
                if not _not_a_place(ctx, m.start, min(m.end, m.start + len(m.surface)), m.surface, person_keys,
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
    _add_demonyms(ctx, table)
    _add_resident_names(ctx, table)
    _add_headline_places(ctx, table)
    table._spans.sort()
    return table


def _add_demonyms(ctx: Context, table: PlaceTable) -> None:
    """Each demonym the article writes ("Russian", "Palestinians") becomes an
    alias of its country's place; the country joins the places (with no
    mentions) if the article names it only so. A demonym is never a place
    mention: "Russian troops" says who, not where, and the actor and event
    stages count nationality words on their own."""
    kb, gaz = get_actor_kb(), get_gazetteer()
    found: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for ent in ctx.doc.ents:
        if ent.label_ != "NORP":
            continue
        surface, start = _strip(ent.text, ent.start_char)
        entry = kb.lookup(surface)
        if entry is not None and entry.kind == "demonym" and entry.country:
            found[entry.country].append((surface, start, start + len(surface)))
    for iso3, hits in found.items():
        place = next((p for p, e in zip(table.places, table.entries)
                      if e.feature == "country" and e.country == iso3), None)
        if place is None:
            e = gaz.country(iso3)
            if e is None:
                continue
            place = Place(name=e.name, aliases=list(e.aliases), country=e.country, lat=round(e.lat, 5),
                          lon=round(e.lon, 5), feature=e.feature, geonameid=e.geonameid, mentions=[])
            table.places.append(place)
            table.entries.append(e)
        seen = {normalize_name(a) for a in [place.name, *place.aliases]}
        for surface, _, _ in hits:
            if normalize_name(surface) not in seen:
                seen.add(normalize_name(surface))
                place.aliases.append(surface)



# "Ohioans", "New Londoners", "South Ossetian": a capitalised name ending like a
# people's name; see @demonym_endings.
_RESIDENT_RX = re.compile(r"(?<![\w\-'’])(?:[A-Z][\w'’]*\s)?[A-Z][\w'’]*(?:n|ns|r|rs|e|es)\b")


def _add_resident_names(ctx: Context, table: PlaceTable) -> None:
    """The name of the people of a place the article names ("Ohioans" of Ohio,
    "New Londoners" of New London) becomes an alias of that place: it says who,
    like a demonym, and points at the place all the same."""
    endings = [tuple(e.split(":", 1)) for e in ordered("demonym_endings")]
    by_name: dict[str, Place] = {}
    for p in table.places:
        if p.mentions:
            for n in (p.name, *p.aliases):
                by_name.setdefault(normalize_name(n), p)
    for m in _RESIDENT_RX.finditer(ctx.text):
        word = m.group(0)
        key = normalize_name(word)
        if key in by_name:
            continue  # a place's own name ("Lebanon")
        for end, instead in endings:
            if key.endswith(end) and len(key) > len(end) + 2:
                place = by_name.get(key[:-len(end)] + instead)
                if place is not None:
                    if all(normalize_name(a) != key for a in place.aliases):
                        place.aliases.append(word)
                    break


# "Shelling of a Camp in Darfur Kills Dozens": a name after a locative preposition in a
# headline, longest known run of its capitalised words first.
_HEADLINE_PLACE_RX = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|[Oo]utside|[Aa]cross)\s+"
                                r"(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})")


def _add_headline_places(ctx: Context, table: PlaceTable) -> None:
    """Places a headline kept apart from the text names ("... in Darfur"): taken
    only as a place of a country the text's own places lie in, and listed without
    mentions (the spans are offsets into the text). A headline the text repeats
    was read with it."""
    title = (ctx.article.title or "").strip()
    if not title or ctx.text.lstrip().startswith(title[:40]):
        return
    gaz = get_gazetteer()
    countries = {e.country for e in table.entries if e.country}
    for m in _HEADLINE_PLACE_RX.finditer(title):
        words = m.group("name").split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            key = normalize_name(name)
            entry = next((e for e in gaz.lookup(name) if e.country in countries and _named_as(e, key)), None)
            if entry is None:
                continue
            place = next((p for p, e in zip(table.places, table.entries) if e.id == entry.id), None)
            if place is None:
                table.places.append(Place(name=entry.name, aliases=[a for a in (name, *entry.aliases)
                                                                    if normalize_name(a) != normalize_name(entry.name)],
                                          country=entry.country, lat=round(entry.lat, 5), lon=round(entry.lon, 5),
                                          feature=entry.feature, geonameid=entry.geonameid, mentions=[]))
                table.entries.append(entry)
            elif all(normalize_name(a) != key for a in (place.name, *place.aliases)):
                place.aliases.append(name)
            break
