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
from wirecoder.extract.places.table import PlaceTable, extract_places

__all__ = ["PlaceTable", "extract_places"]
