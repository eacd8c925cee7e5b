"""Resolution: each distinct name of an article to one gazetteer entry,
ranked by a prior and by the article's own geography."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from wirecoder.data.gazetteer import GazEntry, get_gazetteer, normalize_name
from wirecoder.extract.places.mentions import _Mention
from wirecoder.extract.places.patterns import _bare, _named_as
from wirecoder.extract.places.words import (
    ADMIN1_IN_ARTICLE,
    ADMIN1_NAMED,
    ADMIN1_POSSIBLE,
    ALT_NAME_PENALTY,
    CITY_NAMESAKE,
    CITY_WEIGHT,
    COUNTRY_IN_ARTICLE,
    COUNTRY_IN_SENTENCE,
    CUE_MIN_POP_ABROAD,
    CUE_MIN_POP_LOCAL,
    CUE_MIN_POP_NAMED,
    CUE_MIN_POP_OF,
    CUE_MIN_POP_PREP,
    CUE_NOUN,
    CUE_NOUN_BONUS,
    CUE_OF,
    CUE_PREP,
    CURATED_BONUS,
    DESIGNATOR_MATCH,
    FEATURE_PRIOR,
    HINT_FEATURES,
    MIN_CITY_SCORE,
    PAIR_MATCH,
    REGION_DISCOUNT,
    RESOLVE_PASSES,
    SPANS_STATES,
    VARIANT_PENALTY,
    VOTE_MARGIN,
)


def _cue_allows(e: GazEntry, strength: int, label_other: bool, in_article_country: bool,
                local: bool = False, in_article_region: bool = False) -> bool:
    """May a cued proper noun (no place entity) be this gazetteer entry?
    `label_other`: the model read the name as a person or organisation;
    `local`: a local head follows it ("Chicopee residents"), which names a
    town as surely as "the town of" but says nothing of its country."""
    if e.feature == "country" or e.curated:
        return True
    if in_article_region and e.feature in ("city", "region"):
        return True  # "Pack 162 of Plainview" in a story on Nebraska towns
    if strength < CUE_OF:
        return False
    if strength >= CUE_NOUN:
        return in_article_country or e.population >= (CUE_MIN_POP_LOCAL if local else CUE_MIN_POP_ABROAD)
    if strength >= CUE_PREP:
        floor = CUE_MIN_POP_NAMED if label_other else CUE_MIN_POP_PREP
        return in_article_country and (e.feature == "region" or e.population >= floor)
    return in_article_country and (e.feature == "region" or e.population >= CUE_MIN_POP_OF)


def _prior(e: GazEntry) -> float:
    if e.feature == "city":
        base = CITY_WEIGHT * math.log10(e.population + 10)
    else:
        base = FEATURE_PRIOR.get(e.feature, 4.0)
        if e.feature == "region" and e.population:
            base = max(base, CITY_WEIGHT * math.log10(e.population + 10) - REGION_DISCOUNT)
    return base + (CURATED_BONUS if e.curated else 0.0)


def _in_region(e: GazEntry, region_key: str) -> bool:
    """Does entry `e` lie in the region/country written `region_key`?"""
    if e.admin1 and region_key in (normalize_name(e.admin1), normalize_name(_bare(e.admin1))):
        return True
    for r in get_gazetteer().lookup(region_key):
        if r.feature == "country" and r.country == e.country and e.feature != "country":
            return True
    return False


def _holds_namesake(region: GazEntry, cities: list[GazEntry]) -> bool:
    """Does one of these cities lie in `region` (or, for a second-level
    division, in the same first-level region)? Where the admin1 of a city is
    unknown, a city of the same state counts."""
    own = {normalize_name(region.name), normalize_name(_bare(region.name))}
    for c in cities:
        if c.country != region.country:
            continue
        if not c.admin1 or (region.admin1 and region.admin1 == c.admin1) or \
                {normalize_name(c.admin1), normalize_name(_bare(c.admin1))} & own:
            return True
    return False


def _admin1_key(e: GazEntry) -> str | None:
    """The first-level region an entry lies in or is (normalised name)."""
    if e.feature == "country":
        return None
    if e.admin1:
        return normalize_name(e.admin1)
    return normalize_name(e.name) if e.feature == "region" and e.country else None


def _resolve(mentions: list[_Mention], text: str) -> dict[int, GazEntry]:
    """Resolve each distinct name (normalised) to one gazetteer entry; return
    the entry of each mention (by `id`)."""
    gaz = get_gazetteer()
    key_of = _sense_keys(mentions)
    by_key: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_key[key_of[id(m)]].append(m)
    # exact namesakes, then spelling variants ("Wajid" for GeoNames' "Waajid")
    # (looked up as written, so that "Pétion-Ville" also finds "Pétionville")
    written = {k: next((m.surface for m in ms if "-" in m.surface), _base(k)) for k, ms in by_key.items()}
    cands = {k: [*exact, *variants] for k in by_key for exact, variants in [gaz.lookup_split(written[k])]}
    cands = {k: v for k, v in cands.items() if v}
    variant_ids = {k: {e.id for e in gaz.lookup_split(written[k])[1]} for k in cands}

    # "X, Y" pairs: X's mention followed by ", " and Y's mention
    pairs: dict[str, set[str]] = defaultdict(set)  # X key -> Y keys
    starts = {m.start: m for m in mentions}
    for m in mentions:
        nxt = re.match(r",\s*", text[m.end:m.end + 3])
        if nxt and (m.end + nxt.end()) in starts:
            pairs[key_of[id(m)]].add(normalize_name(starts[m.end + nxt.end()].surface))

    resolved: dict[str, GazEntry] = {}
    # every name the article writes: a cued town of a region it names ("Macon"
    # in a story naming "Georgia") is in the article's geography whatever
    # sense that name takes
    named_keys = {_base(k) for k in by_key}
    # the first-level regions each name could lie in (by a name the place is shown
    # under): how many of the article's names could be in one region votes for it
    # (only namesakes that rank near the name's likeliest place vote: "Vienna" is
    # no vote for Virginia, "Washington" none for Illinois)
    best_prior = {k: max(_prior(e) for e in v) for k, v in cands.items()}
    possible = {k: {a for e in v if e.feature in ("city", "region") and e.country
                    and _prior(e) >= best_prior[k] - VOTE_MARGIN
                    for a in [_admin1_key(e)] if a and _named_as(e, _base(k))} for k, v in cands.items()}
    votes = Counter(a for regions in possible.values() for a in regions)
    voters = sum(1 for regions in possible.values() if regions)
    def context(resolved: dict[str, GazEntry]):
        """What the article's resolved names say: mentions per (name, country) and
        per (name, first-level region), countries per sentence, regions named."""
        mentions_of = Counter()  # country -> mentions of places in it, per name
        for k, e in resolved.items():
            if e.country:
                mentions_of[(k, e.country)] += len(by_key[k])
        in_admin1 = Counter()  # (name, first-level region key) -> mentions of places in it
        for k, e in resolved.items():
            a1 = _admin1_key(e)
            if a1:
                in_admin1[(k, a1)] += len(by_key[k])
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
        return mentions_of, in_admin1, sent_countries, admin1_of

    # Pass 1 ranks by the prior alone; later passes rank again with the article's
    # context (its countries, regions) as the pass before read it.
    for pass_no in range(RESOLVE_PASSES):
        last = pass_no == RESOLVE_PASSES - 1
        mentions_of, in_admin1, sent_countries, admin1_of = context(resolved)
        new: dict[str, GazEntry] = {}
        res = resolved
        done: set[str] = set()
        for k, options in cands.items():
            if last and done:
                # the last pass reads each name's context as this pass has already
                # resolved it, so that two names that agree with each other ("Athens",
                # "Henderson County") cannot keep swapping states between passes
                res = {**{x: e for x, e in resolved.items() if x not in done}, **new}
                mentions_of, in_admin1, sent_countries, admin1_of = context(res)
            # context from every other name of the article, never from this one
            weight = Counter()
            for (x, c), n in mentions_of.items():
                if x != k:
                    weight[c] += n
            top = max(weight.values(), default=0)
            weight1 = Counter()
            for (x, a), n in in_admin1.items():
                if x != k:
                    weight1[a] += n
            top1 = max(weight1.values(), default=0)
            here = {c for m in by_key[k] for x, c in sent_countries[m.sent_start] if x != k}
            admin1_named = set().union(*(v for x, v in admin1_of.items() if x != k))
            regions_named = {normalize_name(_bare(e.name)) for x, e in res.items()
                             if x != k and e.feature == "region"} | \
                            {normalize_name(e.name) for x, e in res.items()
                             if x != k and e.feature == "region"}
            hints = set().union(*(HINT_FEATURES.get(m.feature_hint, {m.feature_hint})
                                  for m in by_key[k] if m.feature_hint))
            # a name only cued proper nouns stand for must be a place in one of
            # the article's countries, or a big one (see _cue_allows)
            cued = [m for m in by_key[k] if m.cue is not None]
            if len(cued) == len(by_key[k]):
                strength = max(m.cue for m in cued)
                label_other = all(m.label_other for m in cued)
                local = all(m.feature_hint == "local" for m in cued)
                bare = all(m.bare for m in cued)
                options = [e for e in options
                           if _cue_allows(e, strength, label_other,
                                       (weight[e.country] > 0 if e.country else False) or
                                       (e.admin1 is not None and normalize_name(e.admin1) in named_keys),
                                       local,
                                       bare and e.admin1 is not None and weight1[normalize_name(e.admin1)] > 0)]
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
            # (A city of that name elsewhere says nothing: Indiana, Pennsylvania is no
            # reason to doubt the state of Indiana.)
            namesake_cities = [e for e in options if e.feature == "city" and e.population >= 10_000]
            best, best_score = None, -1e9
            for e in options:
                score = _prior(e) + noun_bonus
                if e.id in variant_ids[k]:
                    score -= VARIANT_PENALTY  # "Jenne" is Djenné only if nothing is spelled "Jenne"
                if e.country and top:
                    # in proportion to how much of the article is about that state:
                    # one "U.S." in a story on Pakistan does not move "Geneva" to Illinois
                    score += COUNTRY_IN_ARTICLE * weight[e.country] / top
                if top1 and e.admin1 and e.feature != "country":
                    score += ADMIN1_IN_ARTICLE * weight1[normalize_name(e.admin1)] / top1
                a1 = _admin1_key(e)
                others = voters - (1 if possible[k] else 0)
                if a1 and others:
                    # as much as the article is about that state: in a story on Iran,
                    # "Washington" and "Geneva" sharing Illinois says nothing
                    about = weight[e.country] / top if top else 1.0
                    score += ADMIN1_POSSIBLE * about * (votes[a1] - (a1 in possible[k])) / others
                if not _named_as(e, _base(k)) and e.id not in variant_ids[k]:
                    score -= ALT_NAME_PENALTY
                if e.country in here:
                    score += COUNTRY_IN_SENTENCE
                if e.curated and e.country is None and e.feature != "country":
                    score += SPANS_STATES
                if e.feature == "region" and {normalize_name(e.name), normalize_name(_bare(e.name))} & admin1_named:
                    score += ADMIN1_NAMED  # "Atlanta" named: "Georgia" is the US state
                if e.feature in ("city", "region") and e.admin1 and \
                        {normalize_name(e.admin1), normalize_name(_bare(e.admin1))} & regions_named:
                    score += ADMIN1_NAMED / 2  # "Texas" named: "Paris" may be the Texan one
                if any(_in_region(e, y) for y in pairs.get(k, ())):
                    score += PAIR_MATCH  # "Paris, Texas"
                for x, ys in pairs.items():  # "Atlanta, Georgia": Georgia holds Atlanta
                    if _base(k) in ys and x in res and res[x].admin1 and \
                            normalize_name(res[x].admin1) in (normalize_name(e.name),
                                                                   normalize_name(_bare(e.name))):
                        score += PAIR_MATCH
                kind_said = hints and e.feature in hints
                if kind_said:
                    score += DESIGNATOR_MATCH
                elif e.feature == "region" and not e.curated and _holds_namesake(e, namesake_cities):
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
            done.add(k)
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
