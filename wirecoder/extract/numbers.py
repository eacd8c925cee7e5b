"""Numbers in news prose: digits, number words, vague quantities and their bounds.

Two layers:
- `parse_quantity(text)` reads a quantity phrase ("at least four", "nearly
  half a million", "tens of thousands", "$160 million") into
  (min, max, approximate) by the rules of EXTRACTION.md (Figure section).
- `find_quantities(sent)` finds those phrases among a sentence's tokens and
  says which token the counted noun hangs on.

Number words are read by `number_parser` (its English vocabulary also tells
us which words are number words); only the vague plurals ("dozens",
"hundreds") and the bound modifiers ("at least", "up to") are tables here,
because no library models their meaning as bounds.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from number_parser import parse_number
from number_parser.data.en import info as _EN
from spacy.tokens import Span, Token
from wirecoder.extract.common.settings import MAX_QUANTITY, NEARLY_SHARE
from wirecoder.extract.common.vocabulary import ordered

# Words number_parser reads as (part of) a cardinal number.
NUMBER_WORDS: frozenset[str] = frozenset(
    w for key in ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "BIG_POWERS_OF_TEN") for w in _EN[key]
)
SCALES: dict[str, int] = {w: v for w, v in _EN["BIG_POWERS_OF_TEN"].items() if v <= 10**12}
# Abbreviated scales glued to digits or standing after them: "$160m", "1.8bn", "5k".
_SUFFIX_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9,
                  "tn": 10**12}

# Vague plural quantities. A plural of a unit u means "at least two u, fewer than
# ten u" (hundreds: 200..999), the reading the spec gives; "dozens" and "scores"
# stop below a hundred because "hundreds" takes over there.
VAGUE_UNITS: dict[str, int] = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100,
                               "thousands": 1000, "millions": 10**6, "billions": 10**9}
_VAGUE_CAP = {"dozens": 99, "scores": 99}
# "several hundred", "a few thousand": same bounds as the plural.
_FEW = ordered("few_words")

# Bound modifiers, longest first when matched. Each maps to how (n) becomes bounds.
AT_LEAST = ordered("at_least")
MORE_THAN = ordered("more_than")
UP_TO = ordered("up_to")
LESS_THAN = ordered("less_than")
NEARLY = ordered("nearly")
ABOUT = ordered("about")
MODIFIERS: dict[str, str] = {}
for _mode, _words in (("at_least", AT_LEAST), ("more_than", MORE_THAN), ("up_to", UP_TO),
                      ("less_than", LESS_THAN), ("nearly", NEARLY), ("about", ABOUT)):
    for _w in _words:
        MODIFIERS[_w] = _mode
_MODIFIERS_LONGEST = sorted(MODIFIERS, key=lambda w: -len(w))


CURRENCY_SYMBOLS = ("us$", "a$", "c$", "hk$", "$", "€", "£", "¥", "₹", "₦", "₽")

_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


@dataclass
class Quantity:
    """A quantity phrase found in a sentence."""

    span: Span            # the whole phrase, modifiers included ("more than 1,000")
    head: Token           # the token a counted noun attaches to ("1,000", "million", "dozens")
    min: int | None
    max: int | None
    approximate: bool
    vague: bool           # "dozens", "thousands": a crowd-size word, not a count
    money: bool           # currency symbol or MONEY entity


# ---------------------------------------------------------------- text level

def _norm(text: str) -> str:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    return " ".join(text.split())


def _number_value(words: list[str]) -> tuple[float, list[str]] | None:
    """Value of the number at the start of `words`, and the words after it; None past
    MAX_QUANTITY (400 digits would be float infinity, and no news count is that large)."""
    got = _raw_number_value(words)
    if got is None or not got[0] <= MAX_QUANTITY:
        return None
    return got


def _raw_number_value(words: list[str]) -> tuple[float, list[str]] | None:
    if not words:
        return None
    w0 = words[0]
    for sym in CURRENCY_SYMBOLS:  # "$160", "€1.8bn"
        if w0.startswith(sym) and len(w0) > len(sym):
            return _raw_number_value([w0[len(sym):], *words[1:]])
        if w0 == sym:
            return _raw_number_value(words[1:])
    m = _DIGITS.fullmatch(w0) or re.fullmatch(r"(\d+)(?:\.(\d+))?(k|m|mn|mln|bn|b|tn)", w0)
    if m:
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        rest = words[1:]
        if m.re is not _DIGITS:
            value *= _SUFFIX_SCALES[m.group(3)]
        elif rest and (rest[0] in SCALES or rest[0] in _SUFFIX_SCALES):
            value *= SCALES.get(rest[0]) or _SUFFIX_SCALES[rest[0]]
            rest = rest[1:]
        return value, rest
    # fractions of a scale: "half a million", "a quarter of a million"
    frac = {"half": 0.5, "quarter": 0.25}
    lead = words[1:] if w0 == "a" else words
    if lead and lead[0] in frac:
        tail = lead[1:]
        if tail[:1] == ["of"]:
            tail = tail[1:]
        if tail[:1] == ["a"]:
            tail = tail[1:]
        if tail and tail[0] in SCALES:
            return frac[lead[0]] * SCALES[tail[0]], tail[1:]
        return None
    # number words; "a" counts as one before a scale ("a million", "a hundred")
    taken: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        parts = w.split("-")
        if all(p in NUMBER_WORDS for p in parts):
            taken.append(w)
        elif w == "a" and not taken and i + 1 < len(words) and words[i + 1] in SCALES:
            taken.append("one")
        elif w == "and" and taken and i + 1 < len(words) and words[i + 1].split("-")[0] in NUMBER_WORDS:
            taken.append(w)
        else:
            break
        i += 1
    if not taken:
        return None
    value = parse_number(" ".join(taken))
    if value is None:
        return None
    rest = words[i:]
    if rest and rest[0] in _SUFFIX_SCALES and rest[0] not in ("b", "m"):
        value *= _SUFFIX_SCALES[rest[0]]
        rest = rest[1:]
    return float(value), rest


def _vague_value(words: list[str]) -> tuple[int, int, list[str]] | None:
    """Bounds of a vague quantity at the start of `words`: "tens of thousands"."""
    for few in _FEW:  # "several hundred" reads like "hundreds"
        fw = few.split()
        if words[: len(fw)] == fw and len(words) > len(fw) and words[len(fw)] in SCALES | {"dozen": 12}:
            unit = words[len(fw)]
            return _vague_value([unit + "s", *words[len(fw) + 1:]])
    w0 = words[0] if words else ""
    if w0 not in VAGUE_UNITS:
        return None
    unit = VAGUE_UNITS[w0]
    lo, hi = 2 * unit, _VAGUE_CAP.get(w0, 10 * unit - 1)
    rest = words[1:]
    if len(rest) >= 2 and rest[0] == "of" and rest[1] in VAGUE_UNITS and VAGUE_UNITS[rest[1]] >= 100:
        scale = VAGUE_UNITS[rest[1]]  # "tens of thousands", "hundreds of millions"
        lo, hi = lo * scale, (hi + 1) * scale - 1
        rest = rest[2:]
    return lo, hi, rest


def _dozen_value(words: list[str]) -> tuple[int, list[str]] | None:
    """'a dozen' -> 12, 'two dozen' -> 24."""
    if len(words) >= 2 and words[1] == "dozen":
        if words[0] == "a":
            return 12, words[2:]
        n = _number_value(words[:1])
        if n:
            return int(n[0] * 12), words[2:]
    return None


def parse_quantity(text: str) -> tuple[int | None, int | None, bool] | None:
    """Bounds of a quantity phrase: (min, max, approximate), or None if it is no number.

    "23" -> (23, 23, False); "at least four" -> (4, None, False); "up to 30" ->
    (None, 30, False); "more than 80" -> (81, None, False); "between 30 and 40" ->
    (30, 40, False); "nearly 30" -> (24, 30, True); "about 120,000" ->
    (120000, 120000, True); "dozens" -> (24, 99, True); "tens of thousands" ->
    (20000, 99999, True). Words after the number ("people", "more") are ignored.
    """
    words = _norm(text).replace("$ ", "$").split()
    if not words:
        return None
    # ranges: "between 30 and 40", "from 30 to 40", "30 to 40", "30-40"
    joined = " ".join(words)
    rng = re.match(r"^(?:between |from )?(.+?)\s*(?: and | to |-)\s*(.+)$", joined)
    if rng and (words[0] in ("between", "from") or _DIGITS.fullmatch(rng.group(1).lstrip("$€£"))):
        a, b = _number_value(rng.group(1).split()), _number_value(rng.group(2).split())
        if a and b and a[0] < b[0] and not a[1]:
            return int(a[0]), int(b[0]), False
    mode = "exact"
    for mod in _MODIFIERS_LONGEST:
        mw = mod.split()
        if words[: len(mw)] == mw and len(words) > len(mw):
            mode, words = MODIFIERS[mod], words[len(mw):]
            break
    vague = _vague_value(words)
    if vague:
        lo, hi, rest = vague
        approx = True
    else:
        dz = _dozen_value(words)
        if dz:
            lo = hi = dz[0]
            rest, approx = dz[1], words[0] == "a"
        else:
            val = _number_value(words)
            if val is None:
                return None
            lo = hi = int(round(val[0]))
            rest, approx = val[1], False
    if rest[:2] == ["or", "more"]:
        mode = "at_least"
    elif rest[:2] == ["or", "so"]:
        mode = "about"
    if mode == "at_least":
        return lo, None, approx
    if mode == "more_than":
        return (lo + 1 if lo == hi else lo), None, approx
    if mode == "up_to":
        return None, hi, approx
    if mode == "less_than":
        return None, (hi - 1 if lo == hi else hi), approx
    if mode == "nearly":
        return (math.floor(hi * NEARLY_SHARE) if lo == hi else lo), hi, True
    if mode == "about":
        return lo, hi, True
    return lo, hi, approx


# --------------------------------------------------------------- token level

def _is_core(tok: Token) -> bool:
    """A token that is itself (part of) a number."""
    low = tok.lower_
    if low == "tens":  # only in "tens of thousands"
        return tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "of"
    if low in VAGUE_UNITS or low == "dozen":
        return True
    if _DIGITS.fullmatch(low) or re.fullmatch(r"\d+(?:\.\d+)?(k|m|mn|bn|tn)", low):
        return True
    return all(p in NUMBER_WORDS for p in low.split("-")) and tok.pos_ in ("NUM", "NOUN", "PRON", "ADJ", "X")


def _glues(prev: Token, mid: Token, nxt: Token) -> bool:
    """`mid` joins two parts of one number: "three hundred and fifty", "twenty - three",
    "tens of thousands" (but not "four and two", "11 of 12")."""
    if mid.lower_ == "and":
        return prev.lower_ in SCALES and not nxt.text[0].isdigit()
    if mid.lower_ == "of":
        return prev.lower_ in VAGUE_UNITS and nxt.lower_ in VAGUE_UNITS
    if mid.text == "-":
        return not prev.whitespace_ and not mid.whitespace_ and not prev.text[0].isdigit()
    return False


def _grows_left(prev: Token, first: Token) -> bool:
    """`prev` belongs to the number that starts at `first`: "a million", "half a
    million", "several hundred", "a dozen" (but not "a 2,000-strong force")."""
    low, first_low = prev.lower_, first.lower_
    if first_low in SCALES or first_low == "dozen":
        return low in ("a", "half", "quarter", "several", "few")
    if first_low == "a":
        return low in ("half", "quarter")
    return False


def _modifier_before(sent: Span, start: int) -> int:
    """Index where a bound modifier ending right before token `start` begins (or `start`)."""
    doc = sent.doc
    for mod in _MODIFIERS_LONGEST:
        mw = mod.split()
        i = start - len(mw)
        if i < sent.start:
            continue
        if [t.lower_ for t in doc[i:start]] == mw:
            return i
    return start


def find_quantities(sent: Span) -> list[Quantity]:
    """Every quantity phrase in the sentence, left to right (no filtering for dates etc.)."""
    doc = sent.doc
    out: list[Quantity] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if not _is_core(tok):
            i += 1
            continue
        start, end = i, i + 1
        # grow right over number tokens and the glue between them
        while end < sent.end:
            nxt = doc[end]
            if _is_core(nxt) and nxt.lower_ not in ("one",):
                end += 1
            elif end + 1 < sent.end and _is_core(doc[end + 1]) and _glues(doc[end - 1], nxt, doc[end + 1]):
                end += 2
            else:
                break
        # grow left: "a million", "half a million", "several hundred", "$"
        while start > sent.start and _grows_left(doc[start - 1], doc[start]):
            start -= 1
        while start > sent.start and (doc[start - 1].text.lower() in CURRENCY_SYMBOLS
                                       or doc[start - 1].text in ("US", "A", "C", "HK")
                                       and doc[start].text == "$"):
            start -= 1
        money = any(t.text.lower() in CURRENCY_SYMBOLS for t in doc[start:end]) or \
            any(t.ent_type_ == "MONEY" for t in doc[start:end])
        mod_start = _modifier_before(sent, start)
        # ranges: "between 30 and 40", "30 to 40"
        if end + 1 < sent.end and doc[end].lower_ in ("and", "to", "-") and _is_core(doc[end + 1]) and (
                (mod_start == start and start > sent.start and doc[start - 1].lower_ in ("between", "from"))
                or (doc[end].lower_ != "and" and doc[start].text[0].isdigit() and doc[end + 1].text[0].isdigit())):
            if doc[start - 1].lower_ in ("between", "from"):
                mod_start = start - 1
            end += 2
            while end < sent.end and _is_core(doc[end]):
                end += 1
        span = doc[mod_start:end]
        # a trailing abbreviation scale "m"/"bn" tokenised apart from the digits
        text = span.text
        if end < sent.end and doc[end].lower_ in ("m", "bn", "mn") and not doc[end - 1].whitespace_:
            text += doc[end].lower_
            span = doc[mod_start:end + 1]
            end += 1
        if end + 1 < sent.end and doc[end].lower_ == "or" and doc[end + 1].lower_ in ("more", "so"):
            text += f" or {doc[end + 1].lower_}"
        bounds = parse_quantity(text)
        if bounds is not None:
            # the phrase's syntactic head: the number token whose head lies outside
            # it ("30" in "between 30 and 40 migrants", "million" in "33 million")
            inner = [t for t in doc[start:end] if _is_core(t)] or [doc[end - 1]]
            roots = [t for t in inner if not (mod_start <= t.head.i < end) or t.head.i == t.i]
            head = roots[-1] if roots else inner[-1]
            out.append(Quantity(span=span, head=head, min=bounds[0], max=bounds[1],
                                approximate=bounds[2],
                                vague=any(t.lower_ in VAGUE_UNITS for t in doc[start:end]),
                                money=money))
        i = end
    return out
