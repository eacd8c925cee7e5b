"""When: the article's reference date, and the date each sentence states.

Parsing a written date ("Sept. 19", "19 September 2023") is dateutil's job;
what is ours is the anchoring: which day "on Saturday", "a day earlier" or
"September 19" means, given the publication date and the tense.

Rules (see also tests/extract/test_time.py):
- reference date: --published > article.published (ingest reads HTML
  metadata into it) > a dateline in the first 200 characters ("KHARTOUM,
  June 9 —"). A dateline without a year takes the latest year the text
  writes out in full ("in 2023", "May 4, 2023"); with none the reference
  date is unknown (None), and relative dates then stay unresolved: today's
  clock says nothing about when an undated story was written.
- the dateline's own date is the reference date, never a date a sentence
  states: the first sentence's event is dated by its own words or not at all.
- a weekday is the last such day on or before the reference date, or the
  first one after it when the sentence speaks of the future ("will meet on
  Sunday", "the ultimatum runs out on Sunday", "talks set for Monday"). A
  weekday right after a simple-past verb dates that verb ("said on Thursday
  it would close ..."), and the past progressive is past ("were meeting on
  Friday").
- a month and day without a year is the nearest such date not after the
  reference date (a day's slack for time zones), or not before it in the
  future tense.
- "a day earlier", "two days later", "the next day" count from `anchor`,
  the date the previous context speaks of (else the reference date).
- "last week" / "this week" -> the Monday of that week, precision "week";
  "last month" -> the 1st, "month"; "in 2020" -> 1 January, "year".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser
from spacy.tokens import Doc, Span, Token

from wirecoder.extract.common.dateline import DAY, MONTH, WEEKDAY, YEAR, Dateline, find_dateline
from wirecoder.extract.common.vocabulary import ordered, words

MONTHS = ordered("months")
WEEKDAYS = ordered("weekdays")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "several": None, "few": None, "couple": 2}

# "Sept." / "Sep" / "September"; May and March only capitalised (modal "may", verb "march").
_MON, _DAY, _YEAR, _WD = MONTH, DAY, YEAR, WEEKDAY
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|couple of|\d+)"

# Order matters: longer, more specific forms first; matches never overlap.
_PATTERNS: list[tuple[str, re.Pattern]] = [(kind, re.compile(rx)) for kind, rx in [
    ("mdy", rf"\b(?P<mon>{_MON})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?\b(?!\s*%)"),
    ("dmy", rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?\b"),
    ("relative", rf"(?i)\b(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+"
                 r"(?P<dir>earlier|later|before|after|ago|previously|afterwards|on)\b"),
    ("relative", r"(?i)\b(?:the\s+)?(?P<word>day before|previous day|day after|next day|following day|"
                 r"same day|following week|previous week|next morning|following morning)\b"),
    ("deictic", r"(?i)\b(?P<word>yesterday|today|tomorrow|tonight|overnight|last night|"
                r"this (?:morning|afternoon|evening)|earlier today|later today)\b"),
    ("period", r"(?i)\b(?P<which>last|this|next|past|earlier this|later this|coming)\s+"
               r"(?P<unit>week|weekend|month|year)\b"),
    ("weekday", rf"\b(?:(?P<which>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?(?P<wd>{_WD})\b"),
    ("monthyear", rf"\b(?P<qual>(?:early|mid|late|end of|beginning of|start of)[- ]?)?(?P<mon>{_MON})"
                  rf"(?:,?\s+(?P<year>{_YEAR}))?\b"),
    ("year", rf"\b(?P<year>{_YEAR})\b(?![-/]\d)(?!\s*(?:%|per|people|troops|km|kilomet))"),
]]

# Words before a date expression that make it frame the event rather than
# date it ("since 2020", "until Friday"): used only when nothing better exists.
_FRAMING = re.compile(r"(?i)\b(?:since|until|till|through|from|before|after|by)\s*$")
# Words that put the verb governing a date into the future.
_FUTURE_WORDS = words("future_words")
# Reporting verbs: "said that aid would arrive" looks forward; "says" is no schedule.
_SPEECH = words("speech")
_SPEECH_ACTS = words("speech_acts")


@dataclass(frozen=True)
class DateExpr:
    """One date expression found in a sentence, resolved or not."""
    start: int  # char offsets into the doc text
    end: int
    text: str
    kind: str
    framing: bool  # "since 2020", "until Friday"
    groups: dict


# --------------------------------------------------------------------------
# reference date and datelines

def dateline(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """(place, date text, place char span) of a dated dateline opening the text, or None
    (the pattern itself lives in common.dateline, shared with ingest)."""
    found = find_dateline(text)
    if found is None or found.date_text is None:
        return None
    return found.place, found.date_text, found.place_span


def dateline_date_span(text: str) -> tuple[int, int] | None:
    """Char span of the date in a dateline opening the text ("June 9" in
    "KHARTOUM, June 9 —"), or None. That date is when the story was filed:
    the reference date, never the date of the event the sentence reports."""
    found = find_dateline(text)
    return found.date_span if found is not None else None


def _doc_dateline(doc: Doc) -> tuple[int, int] | None:
    # computed once per Doc: every sentence of the article asks
    key = "wirecoder.dateline_date_span"
    if key not in doc.user_data:
        doc.user_data[key] = dateline_date_span(doc.text)
    return doc.user_data[key]


def _latest_year(text: str) -> int | None:
    years = [int(y) for y in re.findall(rf"\b({_YEAR})\b", text)]
    return max(years) if years else None


def dateline_reference_date(text: str, line: Dateline | None) -> date | None:
    """The filing date a dateline gives ("KHARTOUM, June 9 -"), with the year it writes or,
    failing that, the latest year the text names; None when it gives no date or no year.
    (`common.story` decides between this and the published date.)"""
    if line is None or line.date_text is None:
        return None
    year_m = re.search(rf"\b({_YEAR})\b", line.date_text)
    year = int(year_m.group(1)) if year_m else _latest_year(text)
    if year is None:
        return None
    return _parse_month_day(line.date_text, year)


def _parse_month_day(text: str, year: int) -> date | None:
    try:
        return dateutil_parser.parse(text.replace("Sept.", "Sep."), default=datetime(year, 1, 1),
                                     fuzzy=True).date()
    except (ValueError, OverflowError):
        return None


# --------------------------------------------------------------------------
# finding date expressions

def find_dates(sent: Span) -> list[DateExpr]:
    """Every date expression in the sentence, in text order, none overlapping."""
    text, base = sent.text, sent.start_char
    taken: list[tuple[int, int]] = []
    line = _doc_dateline(sent.doc)
    if line is not None and line[0] < sent.end_char and sent.start_char < line[1]:
        taken.append((line[0] - base, line[1] - base))  # the dateline's date dates no event
    found: list[DateExpr] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = {k: v for k, v in m.groupdict().items() if v}
            if kind == "monthyear" and not _month_word_ok(text, m):
                continue
            if kind == "year" and not _year_ok(text, m):
                continue
            taken.append((s, e))
            framing = bool(_FRAMING.search(text[:s]))
            found.append(DateExpr(base + s, base + e, m.group(0), kind, framing, g))
    return sorted(found, key=lambda d: d.start)


def _month_word_ok(text: str, m: re.Match) -> bool:
    """A bare month name is a date only where it reads as one ("in May", "May 2022")."""
    if m.group("year") or m.group("qual"):
        return True
    before = text[: m.start()].rstrip().lower()
    if m.group("mon") in ("May", "March") or m.group("mon").endswith("."):
        return bool(re.search(r"\b(?:in|since|until|by|of|last|next|this|early|late|mid|during|"
                              r"from|through|end of|beginning of)$", before))
    return True


def _year_ok(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 12): m.start()].lower()
    # "$2023", "No. 2023", "2023-24 budget" are not years of events
    return not re.search(r"[$£€#]\s*$|no\.\s*$|\d[,.]$", before)


# --------------------------------------------------------------------------
# resolving one expression

def _weekday_index(name: str) -> int:
    return WEEKDAYS.index(name.lower())


# Words between a verb and the date it governs: "said late on Thursday".
_DATE_LEAD = words("date_lead")


def _after_past_verb(span: Span) -> bool:
    """Does the date follow a verb in the simple past ("said on Thursday it
    would close ...", "announced Thursday")? Then it dates that verb, even
    when the parser hangs it on the clause after it (a missing "that" makes
    the model attach "on Thursday" to "was revoking")."""
    i = span.start - 1
    while i >= span.sent.start and span.doc[i].lower_ in _DATE_LEAD:
        i -= 1
    if i < span.sent.start:
        return False
    tok = span.doc[i]
    return tok.tag_ == "VBD" and tok.pos_ == "VERB"


def _is_future(sent: Span, expr: DateExpr) -> bool:
    """Does the sentence speak of the time of `expr` as still to come?"""
    doc = sent.doc
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    if _after_past_verb(span):
        return False
    # Walk up from the date to the verb that governs it.
    tok: Token = span.root
    seen = 0
    while tok.head is not tok and tok.pos_ not in ("VERB", "AUX") and seen < 6:
        if tok.lower_ in ("deadline", "meeting", "summit", "talks", "vote", "election") and \
                any(c.lower_ in ("for", "set") for c in tok.children):
            return True
        tok = tok.head
        seen += 1
    # "a hearing for October 14": "for" + date names a schedule
    if span.root.head.lower_ == "for" and span.root.dep_ == "pobj":
        return True
    verb = tok
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "mark", "neg")}
    words |= {verb.lower_}
    if verb.head is not verb and verb.dep_ == "xcomp":  # "expected to meet", "plans to visit"
        words |= {verb.head.lower_, verb.head.lemma_}
        words |= {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
    if words & {"will", "shall", "'ll", "wo"}:
        return True
    if words & {"would", "could", "might"}:
        # "said on Tuesday that aid would arrive on Friday": future seen from the past
        return "would" in words and verb.dep_ == "ccomp" and \
            verb.head.lemma_ in _SPEECH
    if verb.tag_ in ("VBD", "VBN"):
        # "were set to meet", "was scheduled for Sunday" still look forward
        return bool(words & {"scheduled", "due", "set", "expected", "planned"})
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children):
        return False  # past progressive: "troops were pulling back on Friday"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        # "the ultimatum runs out on Sunday", "talks open on Monday", "are meeting on Friday";
        # but "says", "is" + past participle passive are not schedules
        if verb.lemma_ in _SPEECH or verb.lemma_ in _SPEECH_ACTS:
            return False
        return not any(c.dep_ == "auxpass" for c in verb.children)
    if verb.tag_ == "VB":
        return bool(words & _FUTURE_WORDS)
    return False


def _month_day(expr: DateExpr, ref: date | None, future: bool) -> date | None:
    mon = _month_number(expr.groups["mon"])
    day = int(re.match(r"\d+", expr.groups["day"]).group(0))
    if expr.groups.get("year"):
        return _safe_date(int(expr.groups["year"]), mon, day)
    if ref is None:
        return None
    options = [d for d in (_safe_date(ref.year + k, mon, day) for k in (-1, 0, 1)) if d]
    if future:
        ok = [d for d in options if d >= ref - timedelta(days=1)]
    else:
        ok = [d for d in options if d <= ref + timedelta(days=1)]
    pool = ok or options
    return min(pool, key=lambda d: abs((d - ref).days)) if pool else None


def _month_number(mon: str) -> int:
    key = mon.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def resolve_expr(expr: DateExpr, sent: Span, ref: date | None,
                 anchor: date | None = None) -> tuple[date, str] | None:
    """The date and precision one expression states, or None if it cannot be placed."""
    g, kind = expr.groups, expr.kind
    if kind in ("mdy", "dmy"):
        d = _month_day(expr, ref, _is_future(sent, expr) if not g.get("year") else False)
        return (d, "day") if d else None
    if kind == "year":
        return date(int(g["year"]), 1, 1), "year"
    if kind == "monthyear":
        mon = _month_number(g["mon"])
        if g.get("year"):
            return date(int(g["year"]), mon, 1), "month"
        if ref is None:
            return None
        future = _is_future(sent, expr)
        year = ref.year
        if not future and mon > ref.month:
            year -= 1
        elif future and mon < ref.month:
            year += 1
        return date(year, mon, 1), "month"
    if kind == "relative":
        base = anchor or ref
        if base is None:
            return None
        if "word" in g:
            w = g["word"].lower()
            step = {"day before": -1, "previous day": -1, "day after": 1, "next day": 1,
                    "following day": 1, "same day": 0, "next morning": 1, "following morning": 1,
                    "following week": 7, "previous week": -7}[w]
            return base + timedelta(days=step), "week" if "week" in w else "day"
        n = _NUMBER_WORDS.get(g["n"].lower().replace("couple of", "couple"), None) \
            if not g["n"].isdigit() else int(g["n"])
        if n is None:
            return None
        unit = g["unit"].lower()
        direction = g["dir"].lower()
        sign = -1 if direction in ("earlier", "before", "ago", "previously") else 1
        if direction == "ago":  # "three days ago" counts from publication, not the anchor
            base = ref
            if base is None:
                return None
        if unit == "day":
            return base + timedelta(days=sign * n), "day"
        if unit == "week":
            return base + timedelta(days=sign * 7 * n), "week"
        if unit == "month":
            return _add_months(base, sign * n), "month"
        return date(base.year + sign * n, 1, 1), "year"
    if ref is None:
        return None
    if kind == "deictic":
        w = g["word"].lower()
        step = {"yesterday": -1, "tomorrow": 1, "last night": -1, "overnight": 0}.get(w, 0)
        return ref + timedelta(days=step), "day"
    if kind == "period":
        which, unit = g["which"].lower(), g["unit"].lower()
        step = -1 if which in ("last", "past") else 1 if which in ("next", "coming") else 0
        if unit in ("week", "weekend"):
            monday = _monday(ref) + timedelta(days=7 * step)
            if unit == "weekend":
                return monday + timedelta(days=5), "day"
            return monday, "week"
        if unit == "month":
            return _add_months(ref, step), "month"
        return date(ref.year + step, 1, 1), "year"
    if kind == "weekday":
        wd = _weekday_index(g["wd"])
        which = (g.get("which") or "").lower()
        future = which in ("next", "coming") or (which != "last" and _is_future(sent, expr))
        if future:
            delta = (wd - ref.weekday()) % 7 or 7
            return ref + timedelta(days=delta), "day"
        delta = (ref.weekday() - wd) % 7
        if which == "last" and delta == 0:
            delta = 7
        return ref - timedelta(days=delta), "day"
    return None


# --------------------------------------------------------------------------
# the date of a sentence / of an event

def _token_distance(sent: Span, expr: DateExpr, trigger: Token) -> int:
    span = sent.doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return 10_000
    # syntactically attached to the trigger ("attacked ... on Saturday") beats nearness
    tok, hops = span.root, 0
    while tok.head is not tok and hops < 4:
        tok = tok.head
        hops += 1
        if tok == trigger:
            return -100 + hops
        if tok.pos_ in ("VERB", "AUX") and tok != trigger:
            break
    return min(abs(t.i - trigger.i) for t in span)


_SPECIFICITY = {"mdy": 0, "dmy": 0, "weekday": 1, "deictic": 1, "relative": 2, "period": 3,
                "monthyear": 3, "year": 4}


def resolve_date(sent: Span, ref: date | None, anchor: date | None = None,
                 trigger: Token | None = None) -> tuple[date, str] | None:
    """The date and precision ('day', 'week', 'month', 'year') the sentence gives
    for the event near `trigger` (else the sentence's first date), or None.

    `anchor` is the date the previous context speaks of, for "a day earlier".
    """
    exprs = find_dates(sent)
    if not exprs:
        return None
    # framing expressions ("since 2020") date the event only when nothing else does
    main = [e for e in exprs if not e.framing] or exprs
    if trigger is not None:
        main.sort(key=lambda e: _token_distance(sent, e, trigger))
    else:
        # without a trigger, the most explicit date speaks for the sentence:
        # in "one day after the aid arrived, X launched the offensive on
        # September 19", "one day after" dates another event
        main.sort(key=lambda e: _SPECIFICITY.get(e.kind, 9))
    for expr in main:
        got = resolve_expr(expr, sent, ref, anchor)
        if got is not None:
            return got
    return None


def sentence_dates(doc: Doc, ref: date | None, inherit: bool = False) -> list[tuple[date, str] | None]:
    """One entry per sentence: the date it states, counting "a day earlier"
    from the last date an earlier sentence stated.

    With `inherit`, a sentence that states no date takes the date of the
    sentence before it when both stand in one paragraph (no line break
    between them): narration goes on at the same time ("On Sunday, crowds
    marched. Some attacked the embassy.").
    """
    out: list[tuple[date, str] | None] = []
    anchor: date | None = None
    prev = None
    text = doc.text  # Doc.text rebuilds the article from its tokens: once, not per sentence
    for sent in doc.sents:
        got = resolve_date(sent, ref, anchor)
        if got is None and inherit and out and out[-1] is not None and prev is not None \
                and "\n" not in text[prev.start_char + len(prev.text.rstrip()):sent.start_char]:
            got = out[-1]
        out.append(got)
        if got is not None and got[1] == "day":
            anchor = got[0]
        prev = sent
    return out
