"""Every tunable number of the extractors (outside places.py, whose ranking weights sit
with the gazetteer scoring they tune), named once, with why it is what it is. Change one
here and the eval sets say what it did. Hop limits of parse-tree walks ("climb at most
six heads") stay where they are: they bound a loop, they tune nothing."""
from __future__ import annotations

# --- story -----------------------------------------------------------------
# A titled official with no state named takes the article's main country only when the
# story is mostly (more than this share of its state mentions) about that country.
DOMINANT_SHARE = 0.5
# A dateline stands in the first characters of the text, on the first line or after a
# short kicker line that starts no later than this.
DATELINE_SCAN_CHARS = 200
DATELINE_LAST_LINE_START = 120

# --- actors and coreference ------------------------------------------------
# How far back (sentences) a pronoun looks for what it stands for ...
PRONOUN_WINDOW = 3
# ... and a definite description ("the ministry"), which may point further back.
DESCRIPTION_WINDOW = 12
# How many sentences back a speaker "the group" looks for the body it stands for.
ANTECEDENT_WINDOW = 3
# A sentence after a quote is its bare reporting clause ("... end of quote." X said later)
# only when it is this short (tokens): "Canada promised $12 million" is news of its own.
REPORTING_CLAUSE_MAX_TOKENS = 8

# --- quotes ----------------------------------------------------------------
# Quoted phrases shorter than this (words) are scare quotes, not quotations.
MIN_QUOTE_WORDS = 3
# The most characters a speaker label line after a quote may run ("-- Karen Lee, a
# teacher from Ohio"): longer lines are prose, not a label.
MAX_LABEL_CHARS = 80
# The most tokens before the verb of a bare attribution sentence ("Senator Ann Lee of Ohio
# said as she left.") that spaCy split off after a quote ending in a full stop.
MAX_BARE_TOKENS = 10
# Where the parse gives a quote's reporting verb no subject outside the quote ('"...,"
# Ramos, 58, told AFP' parsed as a conjunct of the quoted verb), the speaker is the name
# that starts within this many words of the closing mark, before the verb.
MAX_BESIDE_WORDS = 4

# --- figures and numbers ---------------------------------------------------
# Counts with no casualty predicate become `other` figures only from ten up (or as a vague
# quantity: "dozens of vessels"): "two ministers met" names individuals, "28 officials",
# "more than 200 protests" are tallies a reader would look up.
MIN_COUNT_OTHER = 10
# "nearly 30": somewhat below and up to 30. We take up to a fifth below (24..30), wide
# enough for how reporters round, narrow enough to stay informative.
NEARLY_SHARE = 0.8
# The largest quantity read as a count (a quadrillion): past it a phrase is a serial number,
# a digit string from a broken page or a float overflow, not something news counts.
MAX_QUANTITY = 10**15
