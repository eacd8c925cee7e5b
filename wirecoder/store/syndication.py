"""Syndicated copies: the same wire story on many sites, grouped into one story.

Copies differ in boilerplate, headline, ad markers and trimmed or lightly
reworded paragraphs, so exact hashes do not find them. Each article gets a
MinHash of its word 3-grams; an LSH index (datasketch) finds earlier
articles that are probably similar, and the exact shingle sets of those few
candidates decide: a copy shares most of its 3-grams with the other text
(Jaccard), or most of the shorter text lies inside the longer one
(containment, for trimmed copies).

The signatures live in the `signatures` table; the in-memory index is
rebuilt from it on first use and topped up with rows added since, so it
survives restarts and other processes' ingests on any back end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from sqlalchemy import select
from sqlalchemy.orm import Session

from wirecoder.store.schema import ArticleRow, SignatureRow

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 1
HASH_SCHEME = "affine32"
# Stored with every signature; a row computed any other way is recomputed from its text.
SCHEME = f"minhash:{HASH_SCHEME}:w{SHINGLE_WORDS}:p{NUM_PERM}:s{SEED}"

# LSH only proposes candidates, so its threshold sits below the decision below
# (a copy trimmed to half its length has a Jaccard near 0.5).
LSH_THRESHOLD = 0.25
SAME_STORY_JACCARD = 0.45
SAME_STORY_CONTAINMENT = 0.7
MIN_SHINGLES = 15  # containment of a few words says nothing
COPIES_COMPARED = 3  # copies of a candidate story read at a time, see find_stories
COPIES_COMPARED_MAX = 30  # and at most

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Word 3-grams of the lower-cased text (punctuation and spacing ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def minhash(grams: set[bytes]) -> LeanMinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=HASH_SCHEME)
    m.update_batch(list(grams))
    return LeanMinHash(m)


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(data, dtype="<u4"), scheme=HASH_SCHEME)


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float

    @property
    def same_story(self) -> bool:
        return self.jaccard >= SAME_STORY_JACCARD or self.containment >= SAME_STORY_CONTAINMENT


def similarity(a: set[bytes], b: set[bytes]) -> Similarity:
    if not a or not b:
        return Similarity(0.0, 0.0)
    common = len(a & b)
    jaccard = common / len(a | b)
    small = min(len(a), len(b))
    containment = common / small if small >= MIN_SHINGLES else 0.0
    return Similarity(jaccard, containment)


class StoryIndex:
    """The LSH index over every stored article's signature."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._last_id = 0  # highest signatures.id already in the index

    def sync(self, session: Session) -> None:
        """Add the signatures stored since the last call (all of them the first time)."""
        rows = session.execute(
            select(SignatureRow.id, SignatureRow.article_pk, SignatureRow.scheme, SignatureRow.minhash)
            .where(SignatureRow.id > self._last_id).order_by(SignatureRow.id)).all()
        for sig_id, article_pk, scheme, data in rows:
            if scheme == SCHEME:
                m = from_bytes(data)
            else:  # computed by an older wirecoder: recompute, and store the new one
                text = session.get(ArticleRow, article_pk).text
                m = minhash(shingles(text))
                sig = session.get(SignatureRow, sig_id)
                sig.scheme, sig.minhash = SCHEME, to_bytes(m)
            self.insert(article_pk, m)
            self._last_id = sig_id

    def insert(self, article_pk: int, m: LeanMinHash) -> None:
        """Index one article (again is harmless: sync() meets our own rows too)."""
        if article_pk not in self._lsh:
            self._lsh.insert(article_pk, m)

    def candidates(self, m: LeanMinHash) -> list[int]:
        """Keys (articles.pk) of articles whose signature is probably similar."""
        return list(self._lsh.query(m))

    def __len__(self) -> int:
        return len(self._lsh.keys)


def find_stories(session: Session, index: StoryIndex, grams: set[bytes], m: LeanMinHash) -> list[int]:
    """The ids of every stored story the text is a copy of, oldest first; empty for a new story.

    More than one when the text bridges stories (a copy close to two reworded versions
    that are not close to each other): the caller joins them, so stories are the
    connected groups of copies whatever order the articles arrive in."""
    candidates = index.candidates(m)
    if not candidates:
        return []
    per_story: dict[int, list[int]] = {}
    for article_pk, story_id in sorted(session.execute(
            select(ArticleRow.pk, ArticleRow.story_id).where(ArticleRow.pk.in_(candidates))).all()):
        per_story.setdefault(story_id, []).append(article_pk)
    # A story with hundreds of copies would make every new copy read them all: its copies
    # are read a few at a time, oldest first, until one matches (usually the first) or
    # COPIES_COMPARED_MAX have not. Reading on past the first few keeps the answer the same
    # whatever order the copies came in (a story can hold versions the new text is not close to).
    found: set[int] = set()
    for start in range(0, COPIES_COMPARED_MAX, COPIES_COMPARED):
        batch = [pk for story_id, pks in per_story.items() if story_id not in found
                 for pk in pks[start:start + COPIES_COMPARED]]
        if not batch:
            break
        for story_id, text in session.execute(
                select(ArticleRow.story_id, ArticleRow.text).where(ArticleRow.pk.in_(batch))).all():
            if similarity(grams, shingles(text)).same_story:
                found.add(story_id)
    return sorted(found)
