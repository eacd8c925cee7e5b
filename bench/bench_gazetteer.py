"""Gazetteer load time, lookup and place-resolution throughput (run by hand).

    .venv/bin/python bench/bench_gazetteer.py
"""
from __future__ import annotations

import resource
import time
from datetime import date

NAMES = ["Paris", "Georgia", "Kyiv", "Kiev", "Stepanakert", "Xankandi", "Nagorno-Karabakh", "Sindh",
         "Dadu", "Niamey", "Abuja", "Geneva", "Gaza Strip", "Donbas", "Khartoum", "El Fasher",
         "Springfield", "San Jose", "Hyderabad", "Punjab", "Tripoli", "Qwxzville", "Mekelle", "Goma"]

# spellings found only through a variant key (gazetteer.loose_key)
VARIANTS = ["Duentza", "Tripolli", "Zinjibaar", "Njamena"]

TEXT = ("Shelling hit Stepanakert, known as Xankandi in Azerbaijani, on Tuesday, officials in Yerevan said. "
        "Floods swamped villages in Sindh province and Dadu district of Pakistan. "
        "Police in Atlanta, Georgia, arrested protesters, while Georgia's government in Tbilisi "
        "protested to Moscow. Firefighters fought a blaze in Paris, Texas. "
        # proper nouns the model misses, taken on a place cue (places._cue)
        "Drones struck the village of Adamivka in the Odesa region, and families fled toward "
        "Avdiivka and Marinka, Ukraine's army said. Floods hit the provinces of Manabi and "
        "Esmeraldas in Ecuador. ")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from wirecoder.data.gazetteer import DB_PATH, Gazetteer

    rss0 = rss_mb()
    t = time.perf_counter()
    gaz = Gazetteer()
    t_open = time.perf_counter() - t
    t = time.perf_counter()
    gaz.lookup("Paris")
    t_first = time.perf_counter() - t
    print(f"file: {DB_PATH.stat().st_size / 1e6:.1f} MB; open {t_open * 1e3:.2f} ms; "
          f"first lookup {t_first * 1e3:.2f} ms")

    n = 0
    t = time.perf_counter()
    for _ in range(20):
        for name in NAMES:
            gaz._lookup_key.cache_clear()
            gaz.lookup(name)
            n += 1
    dt = time.perf_counter() - t
    print(f"lookup, uncached: {n / dt:,.0f} names/s ({dt / n * 1e6:.0f} us each)")
    t = time.perf_counter()
    for _ in range(20):
        for name in VARIANTS:
            gaz._lookup_key.cache_clear()
            assert gaz.lookup_split(name)[1]
    dt = time.perf_counter() - t
    print(f"lookup of spelling variants, uncached: {dt / (20 * len(VARIANTS)) * 1e6:.0f} us each")
    t = time.perf_counter()
    for _ in range(200):
        for name in NAMES:
            gaz.lookup(name)
    dt = time.perf_counter() - t
    print(f"lookup, cached:   {200 * len(NAMES) / dt:,.0f} names/s")

    t = time.perf_counter()
    pats = gaz.ruler_patterns()
    print(f"ruler_patterns: {len(pats)} patterns in {(time.perf_counter() - t) * 1e3:.0f} ms")
    print(f"max RSS after gazetteer work: {rss_mb():.0f} MB (+{rss_mb() - rss0:.0f} MB)")

    from wirecoder.extract.context import Context
    from wirecoder.extract.places import extract_places
    from wirecoder.models import Article
    from wirecoder.nlp import get_nlp

    nlp = get_nlp()
    docs = [nlp(TEXT * k) for k in (1, 4)]
    for doc in docs:
        art = Article(id="b", text=doc.text, published=date(2024, 1, 2))
        ctx = Context(article=art, doc=doc, reference_date=date(2024, 1, 2))
        extract_places(ctx)  # warm the lookup cache as a long run would
        reps = 20
        t = time.perf_counter()
        for _ in range(reps):
            table = extract_places(ctx)
        dt = (time.perf_counter() - t) / reps
        print(f"extract_places on {len(doc.text):,} chars ({len(list(doc.sents))} sentences, "
              f"{len(table.places)} places): {dt * 1e3:.1f} ms/article (after parsing)")
    get_gazetteer_cold = Gazetteer()
    ctx = Context(article=Article(id="c", text=docs[0].text), doc=docs[0])
    import wirecoder.extract.places.mentions
    import wirecoder.extract.places.patterns
    import wirecoder.extract.places.resolve
    import wirecoder.extract.places.table
    mods = [wirecoder.extract.places.mentions, wirecoder.extract.places.patterns,
            wirecoder.extract.places.resolve, wirecoder.extract.places.table]  # the modules that look names up
    real = [m.get_gazetteer for m in mods]
    for m in mods:
        m.get_gazetteer = lambda: get_gazetteer_cold  # a cold cache: first article of a run
    try:
        t = time.perf_counter()
        extract_places(ctx)
        print(f"extract_places, cold lookup cache: {(time.perf_counter() - t) * 1e3:.1f} ms/article")
    finally:
        for m, r in zip(mods, real):
            m.get_gazetteer = r

if __name__ == "__main__":
    main()
