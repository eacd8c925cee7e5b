"""The record the pipeline assembles: events, quotes and figures refer to `actors` and `places`.

Issue 16.3: an event used to copy its actor's whole mention list, so a record
grew with (events x mentions), quadratically in the article's length.
"""
from __future__ import annotations

import json

from wirecoder.pipeline import extract_text

PARAGRAPH = ("Police in Kenya arrested twelve protesters in Nairobi on Monday, the interior ministry said. "
             "The opposition leader accused the government of silencing its critics. "
             "Kenya's president met the opposition leader in Nairobi to discuss the unrest.")


def _article(repeats: int) -> str:
    return "Protests Spread Across Nairobi\n" + "\n".join([PARAGRAPH] * repeats)


def test_record_size_grows_linearly_with_the_article(nlp):
    small, large = extract_text(_article(5)), extract_text(_article(40))
    assert len(large.events) >= 8 * len(small.events) > 0
    size = lambda ex: len(json.dumps(ex.to_json_dict()))  # noqa: E731
    # 8 times the text: 8 times the record (give or take the title and fixed fields), not 64.
    assert size(large) < 9 * size(small)


def test_records_refer_to_listed_actors_and_places_with_their_own_mentions(nlp):
    ex = extract_text(_article(6))
    assert [a.id for a in ex.actors] == list(range(len(ex.actors)))
    assert [p.id for p in ex.places] == list(range(len(ex.places)))
    refs = [(e.evidence, a, ex.actors) for e in ex.events for a in (e.source, e.target, e.claimed_by) if a]
    refs += [(e.evidence, e.location, ex.places) for e in ex.events if e.location]
    refs += [(q.evidence, q.speaker, ex.actors) for q in ex.quotes if q.speaker]
    assert any(lst is ex.places for _, _, lst in refs) and any(lst is ex.actors for _, _, lst in refs)
    trimmed = 0
    for evidence, ref, listed in refs:
        assert all(evidence.start <= s and e <= evidence.end for s, e in ref.mentions)
        if ref.id is not None:
            entry = listed[ref.id]
            assert entry.model_dump(exclude={"mentions"}) == ref.model_dump(exclude={"mentions"})
            assert set(ref.mentions) <= set(entry.mentions)
            trimmed += len(entry.mentions) > len(ref.mentions)
    assert trimmed  # actors named in every paragraph: the reference holds only its sentence's mention
