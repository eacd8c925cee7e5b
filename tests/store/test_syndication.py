"""Syndicated copies of one wire story become one story; the LSH state lives in the database."""
from __future__ import annotations

from sqlalchemy import select, update

from store_fixtures import AGGREGATOR, OTHER_OUTLET, PORTAL, WIRE, clear, copies, other_outlet
from wirecoder.store import Store
from wirecoder.store.schema import SignatureRow
from wirecoder.store.syndication import SCHEME, shingles, similarity


def story_of(store: Store, ex) -> int:
    return store.get_article(ex.article.id)["story_id"]


def test_copies_are_similar_and_independent_reports_are_not():
    for copy in (PORTAL, AGGREGATOR):
        assert similarity(shingles(WIRE), shingles(copy)).same_story
    trimmed = similarity(shingles(WIRE), shingles(WIRE.split("\n", 3)[-1]))  # only the second half
    assert trimmed.jaccard < 0.6 and trimmed.containment == 1.0 and trimmed.same_story
    other = similarity(shingles(WIRE), shingles(OTHER_OUTLET))
    assert other.jaccard < 0.1 and not other.same_story
    # A few shared words say nothing: short texts are not judged by containment.
    assert not similarity(shingles("Fighting resumed on Tuesday."), shingles(WIRE)).same_story


def test_three_copies_form_one_story_and_another_outlet_its_own(store):
    for ex in copies():
        assert store.add(ex) == "new"
    store.add(other_outlet())
    ids = {story_of(store, ex) for ex in copies()}
    assert len(ids) == 1
    assert story_of(store, other_outlet()) not in ids
    stats = store.stats()
    assert (stats["articles"], stats["stories"]) == (4, 2)
    items, total = store.query_stories()
    assert total == 2
    story = next(s for s in items if s["id"] in ids)
    assert story["num_copies"] == 3
    assert [a["id"] for a in story["articles"]] == [ex.article.id for ex in copies()]


def test_the_index_is_rebuilt_from_the_database_after_a_restart(store):
    wire, portal, aggregator = copies()
    store.add(wire)
    store.close()
    restarted = Store(store.url)  # a new process: empty in-memory index
    restarted.add(portal)
    # A process that opened the database earlier picks up what others stored since.
    store.add(aggregator)
    assert story_of(store, wire) == story_of(store, portal) == story_of(store, aggregator)
    restarted.close()


def test_signatures_from_another_scheme_are_recomputed(store):
    wire, portal, _ = copies()
    store.add(wire)
    with store.engine.begin() as conn:
        conn.execute(update(SignatureRow).values(scheme="minhash:old", minhash=b"\x00" * 16))
    fresh = Store(store.url)
    fresh.add(portal)
    assert story_of(fresh, portal) == story_of(fresh, wire)
    with store.engine.connect() as conn:
        assert set(conn.scalars(select(SignatureRow.scheme))) == {SCHEME}
    fresh.close()


# Five paragraphs of one running story; each version carries three in a row, so the first
# and second versions share two paragraphs, the second and third two, the first and third one.
PARAGRAPHS = [
    "Flood water rose through the lower town overnight and the river broke its banks near the old mill.",
    "Rescue crews in small boats carried families from rooftops while the rain kept falling until dawn.",
    "The regional governor said the army would send trucks with drinking water and tents by Thursday.",
    "Farmers upstream reported that whole fields of maize had been washed away along with their cattle.",
    "Schools across the province will stay closed for the rest of the week, the education office said.",
]
VERSIONS = ["\n\n".join(PARAGRAPHS[i:i + 3]) for i in range(3)]


def test_a_copy_that_bridges_two_stories_joins_them_whatever_the_order(db_url):
    from itertools import permutations

    from store_fixtures import extraction, make_article
    first, middle, last = (shingles(v) for v in VERSIONS)
    assert similarity(first, middle).same_story and similarity(middle, last).same_story
    assert not similarity(first, last).same_story
    exs = [extraction(make_article(v, source=f"outlet {i}")) for i, v in enumerate(VERSIONS)]
    for order in permutations(exs):
        with Store(db_url) as store:
            store.upgrade()
            clear(store)
            for ex in order:
                store.add(ex)
            assert len({story_of(store, ex) for ex in exs}) == 1, [e.article.source for e in order]
            assert store.stats()["stories"] == 1
