"""Word classes and ranking weights of the place extractor.

The words themselves live in wirecoder/data/vocabulary.tsv (the @place_* classes and
shared ones such as @motion_verbs, @speech, @months); this module builds the tables and
patterns the extractor matches with from them. US state abbreviations stay here: a
case-sensitive mapping of written forms to states, not a class of words."""
from __future__ import annotations

import re

from wirecoder.extract.common.vocabulary import ordered, words

# ======== WORD CLASSES (words from vocabulary.tsv) ========

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entities of these labels are places only when the gazetteer knows them as a
# country, a curated place, or a big city/region (the small model mislabels
# "Guinea-Bissau" ORG and "Bamako" PERSON).
OTHER_LABELS = ("ORG", "PERSON", "NORP")
OTHER_MIN_POP = 500_000
# Entity texts that are directions or blocs, not places ("the West", "the South").
NOT_PLACES = words("place_not_places")

# Designators after a name: "Punjab province", "Gulu district", "Donetsk region".
DESIGNATORS = {**{w: "region" for w in ordered("place_designators_region")},
               **{w: "city" for w in ordered("place_designators_city")},
               **{w: None for w in ordered("place_designators_any")}}
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
PLACE_NOUNS = {**{w: "city" for w in ordered("place_of_nouns_city")},
               **{w: "region" for w in ordered("place_of_nouns_region")},
               **{w: "island" for w in ordered("place_of_nouns_island")},
               **{w: None for w in ordered("place_of_nouns_any")}}
# Feature hints -> the features they fit. "Off X" is said of coasts and islands.
HINT_FEATURES = {"city": {"city"}, "region": {"region"}, "island": {"region", "site"},
                 "coast": {"region", "site", "country"}, "local": {"city", "region"}}
# "Gainesville man", "Norfolk High School": a head word of @place_local_heads right
# after a name says the name is a town or county (never a country: "Jordan elementary").
_LOCAL_HEAD_RX = re.compile(r"(?i)\s+(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ordered("place_local_heads"), key=len, reverse=True))
    + r")\b(?!['’\-])")
_NAME = r"[A-Z][\w'’\-]*"
_LIST = rf"(?:(?:{_NAME}\s+){{0,3}}{_NAME}\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))*"
# How strongly the words before a proper noun say it is a place.
CUE_NOUN, CUE_PREP, CUE_OF = 3, 2, 1
# No cue at all: a proper noun the gazetteer knows as a town of a first-level region
# the article's other places lie in ("Winfield" in a story about Iowa towns).
CUE_NONE = 0
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
PERSON_PREPS = words("place_person_preps")
# Entity labels whose words are never towns: "on Friday", "the Geneva Conventions".
NOT_PLACE_LABELS = ("DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT",
                    "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE")
# Lower-case words inside place names: "Norte de Santander", "Ciudad del Este".
NAME_PARTICLES = ordered("place_name_particles")
# Verbs of motion whose "to"/"from" points at a place ("fled to X"), unlike
# "spoke to X" or "a letter from X".
MOTION_VERBS = words("motion_verbs")
# Words before a name that make it a person's: "Mr Talas", "President Rahmon".
PERSON_TITLES = words("person_titles")
# Capitalised heads that make "<place> <head>" the name of a body: "the Sinaloa
# Cartel", "the Kyiv Independent". Not "Airport", "Stadium": those are places.
_ORG_HEAD_RX = re.compile(r"\s+(?:Cartel|Front|Movement|Party|Brigades?|Times|Post|Herald|Tribune|"
                          r"Independent|Gazette|University|Polytechnic|Club|Bank|Company|Corporation|"
                          r"Airlines|Airways|Group)\b")
# Actor kinds (wirecoder.data.actors) whose names are not places.
GROUP_KINDS = ("demonym", "ethnic", "armed", "org")
SPEECH_VERBS = words("speech")
_CALENDAR = words("months") | words("weekdays")
# US states as AP style and news abbreviate them ("Lexington, Ky.",
# "(D-Ill.)"); postal codes ("KY") are left out: "IN", "OR", "ME" are words.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Cal.": "California", "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware",
    "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Mex.": "New Mexico",
    "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Oreg.": "Oregon", "Pa.": "Pennsylvania", "Penn.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin",
    "Wyo.": "Wyoming",
}
# Abbreviations that are also titles or words before a name ("Miss. Roe" is rare,
# "Del. Ann Roe" a delegate, "Ind. Sen." an independent): states only after a comma.
TITLE_LIKE_ABBREVIATIONS = words("place_title_like_abbreviations")  # compared lower-cased
US_STATES = frozenset(US_STATE_ABBREVIATIONS.values()) | {"Alaska", "Hawaii", "Idaho", "Iowa", "Maine",
                                                          "Ohio", "Utah"}

# ======== END OF WORD CLASSES; WEIGHTS AND THRESHOLDS (to settings) ========

# What a cued proper noun needs from the gazetteer entry: a place in a
# country the article names (else a namesake abroad is a worse guess than
# nothing), or a big one. Villages pass only after a place noun.
CUE_MIN_POP_ABROAD = 100_000  # "the town of X" with X in no country of the article
CUE_MIN_POP_PREP = 5_000  # "toward X"
CUE_MIN_POP_NAMED = 20_000  # "toward X" when the model read X as a person or organisation
CUE_MIN_POP_OF = 100_000  # "the defence of X"
CUE_MIN_POP_LOCAL = 20_000  # "Chicopee residents" with Chicopee in no country of the article
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
# A place found only by one of its GeoNames alternate names, not by a name it
# is shown under: "Illinois" is an old name of a Missouri hamlet, not its name.
ALT_NAME_PENALTY = 2.0
# A region's prior from its population (the people of its GeoNames cities),
# less this: a region of 10 million ranks with a city of about 220,000.
REGION_DISCOUNT = 2.5
# x share of the article's place mentions lying in the candidate's first-level
# region: a story about Ohio puts "Lima" and "Springfield" in Ohio.
ADMIN1_IN_ARTICLE = 2.5
# x share of the article's other names that have a namesake (by a shown name) in the
# candidate's first-level region, whichever sense they take: "Athens" and "Henderson
# County" in one story are both in Texas (or both in Tennessee), not in Greece and
# North Carolina; local news names a state's towns without naming the state.
ADMIN1_POSSIBLE = 2.5
# ... counting only namesakes whose prior is within this of the name's likeliest
# place: about a hundredfold in population.
VOTE_MARGIN = 3.0
# Pass 1 ranks by the prior alone, each later pass with the article's places
# as the pass before read them; the third lets a state the second pass moved
# ("Georgia" from the country to the US state) pull its counties along.
RESOLVE_PASSES = 3
