"""Property-based tests (hypothesis): no input crashes the cleaners, the number parser, the
date resolver or the whole pipeline, and every offset points into the text it came from.

Example counts are bounded so the file runs in well under a minute on one core.
"""
from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wirecoder.extract.numbers import parse_quantity
from wirecoder.extract.time import resolve_date, sentence_dates
from wirecoder.ingest import IngestError
from wirecoder.ingest.clean import clean_lines, clean_text, is_artefact, parse_byline, parse_credit_line
from wirecoder.ingest.decode import decode_bytes, normalize_text

FAST = settings(max_examples=300, deadline=None)
PARSED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WHOLE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news prose: numbers, dates, names, quotes, furniture; mixed with noise below.
WORDS = ["police", "arrested", "killed", "at least", "more than", "nearly", "dozens", "hundreds of",
         "12", "1,200", "3.5 million", "half a million", "twenty-one", "protesters", "soldiers",
         "on Monday", "last week", "on June 9", "in 2023", "a day earlier", "next month",
         "two years ago", "Nairobi", "Goma", "Kyiv", "the army", "Jane Doe", "said", "told reporters",
         "\"We will not stop,\"", "\u201cNever again,\u201d", "By", "Reuters", "Advertisement",
         "Share this article", "(Reporting by Jane Doe; Editing by John Roe)", "-", ",", ".", "\n",
         "\n\n", "—", "(", ")", "'", "%", "$", "#", "<b>", "&amp;"]
prose = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map(" ".join)
quantities = st.lists(st.sampled_from(WORDS[:12] + ["of", "thousands", "a", "few", "some", "tens",
                                                    "up to", "fewer than", "million", "k", "bn"]),
                      min_size=1, max_size=6).map(" ".join)
SENTENCE = re.compile(r"[^\n]+")


# --- cleaners ---------------------------------------------------------------------------

@FAST
@given(st.text())
def test_line_tests_never_crash(line):
    assert isinstance(is_artefact(line or "x"), bool)
    assert parse_byline(line) is None or all(isinstance(n, str) for n in parse_byline(line))
    found = parse_credit_line(line)
    assert found is None or all(isinstance(n, str) for n in found)


@FAST
@given(st.one_of(prose, st.text()))
def test_cleaned_lines_come_from_the_input(text):
    lines, credits = clean_lines(text)
    flat = [" ".join(raw.split()) for raw in text.split("\n")]
    # Each kept line is an input line (spaces collapsed), or its start when a credit was cut off.
    assert all(line and any(f.startswith(line) for f in flat) for line in lines)
    cleaned = clean_text(text)
    assert set(cleaned.text.split("\n")) <= set(lines) | {""}
    assert all(isinstance(c, str) and c for c in cleaned.credits)


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_text(data):
    assert isinstance(decode_bytes(data), str)


@FAST
@given(st.text())
def test_utf8_round_trips_and_normalising_is_stable(text):
    assert decode_bytes(text.encode("utf-8")) == text or text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once


# --- the number parser ------------------------------------------------------------------

@FAST
@given(st.one_of(quantities, st.text(max_size=40)))
@example("at least 12")
@example("tens of thousands")
def test_quantities_have_ordered_non_negative_bounds(phrase):
    got = parse_quantity(phrase)
    if got is not None:
        lo, hi, approximate = got
        assert isinstance(approximate, bool)
        assert lo is None or lo >= 0
        assert lo is None or hi is None or lo <= hi


@FAST
@given(st.integers(min_value=0, max_value=10**12))
def test_digits_read_exactly(n):
    assert parse_quantity(str(n)) == (n, n, False)
    assert parse_quantity(f"{n:,}") == (n, n, False)
    assert parse_quantity(f"at least {n}")[:2] == (n, None)


def test_a_number_too_big_for_a_float_is_not_a_crash():
    # 400 digits would be float infinity: past MAX_QUANTITY a phrase is no count at all.
    from wirecoder.extract.common.settings import MAX_QUANTITY
    assert parse_quantity("9" * 400) is None
    assert parse_quantity(f"{MAX_QUANTITY * 10:,} people") is None
    assert parse_quantity(f"{MAX_QUANTITY:,}") == (MAX_QUANTITY, MAX_QUANTITY, False)
    assert parse_quantity("3 billion") == (3 * 10**9, 3 * 10**9, False)  # past 32 bits: stored as BIGINT


# --- the date resolver ------------------------------------------------------------------

@PARSED
@given(prose, st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_dates_resolve_to_a_date_and_a_precision(nlp, text, ref):
    doc = nlp(text)
    for sent in doc.sents:
        got = resolve_date(sent, ref)
        assert got is None or (isinstance(got[0], date) and got[1] in {"day", "week", "month", "year"})
    assert len(sentence_dates(doc, ref, inherit=True)) == len(list(doc.sents))


# --- the whole pipeline -----------------------------------------------------------------

def _spans(ex):
    for rec in (*ex.events, *ex.quotes, *ex.figures):
        yield rec.evidence
    for holder in (*ex.actors, *ex.places, *(a for e in ex.events for a in (e.source, e.target) if a)):
        for start, end in holder.mentions:
            yield start, end


@WHOLE
@given(prose, st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))))
@example("Police in Nairobi arrested at least 12 protesters on Monday, officials said.\n"
         "\"We will not stop,\" said Jane Doe, a spokeswoman.", date(2024, 3, 4))
def test_extract_text_offsets_point_into_the_text(nlp, text, published):
    from wirecoder.pipeline import extract_text

    try:
        ex = extract_text(text, published=published)
    except IngestError:
        return  # unusable input is refused in words, which is not a crash
    body = ex.article.text
    for span in _spans(ex):
        if isinstance(span, tuple):
            start, end = span
            assert 0 <= start <= end <= len(body)
        else:
            assert 0 <= span.start <= span.end <= len(body)
            assert body[span.start:span.end] == span.text
