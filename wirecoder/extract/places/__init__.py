"""Where: toponyms in the article, resolved against the bundled gazetteer.

Candidates are the parser's GPE/LOC/FAC entities, "X province/district/..."
phrases, a dateline's place, and other entities whose text is a country or
a curated place (the model sometimes calls "Nagorno-Karabakh" an ORG).
The small model misses or mislabels most small towns ("near the village of
Sotk" -> nothing, "toward Kaya" -> PERSON), so proper nouns the gazetteer
knows are candidates too, but only where the text cues a place (see
`_cue`) and only as places the article's countries hold, or big ones.
US local news writes places in forms of its own (patterns.py): AP state
abbreviations ("Ky."), "X, Ky." and "X, Ohio" towns, counties ("Hall County",
also inside a body's name), a lawmaker's home town ("D-Oakland"), a
capitals dateline after the headline, the country, state or town a body's
name opens with ("the U.S. House"). Demonyms ("Russian") become aliases of
their country's place, not place spans for events.
Each distinct name is resolved once per article ("one sense per
discourse"), ranking the gazetteer's candidates by:
  - a prior: countries > curated places > regions ~ cities by population
    (a region's population is that of its cities); a name that is only one
    of a place's GeoNames alternate names counts less;
  - the article's first-level regions: a story about Ohio puts "Lima" and
    its counties in Ohio;
  - the article's countries: states named in it and the states of places
    resolved without doubt (a "Paris" in a story about Texas is in Texas);
  - "X, Y" pairs ("Paris, Texas", "Hyderabad, Sindh"): X lies in Y;
  - a city named in the article lying in a region of that name ("Atlanta" makes
    "Georgia" the US state).

Modules: words (word classes, then weights), mentions (candidates and the
person/group guards), patterns (the written forms above), resolve (ranking),
table (`extract_places`, `PlaceTable`, demonyms).
"""
from wirecoder.extract.places.table import PlaceTable, extract_places

__all__ = ["PlaceTable", "extract_places"]
