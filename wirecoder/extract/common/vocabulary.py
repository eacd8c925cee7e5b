"""The shared vocabulary: every word class more than one extractor knows, read once from
wirecoder/data/vocabulary.tsv.

The file and the event lexicon (predicates.tsv) share one row format for classes,
"@name<TAB>words", parsed here by `parse_class_row`; a row may take in another class
("@reporting<TAB>@speech @cognition") and a multi-word term joins its words with "_".
Code asks for a class by name: `words("speech")` (a frozenset, for membership) or
`ordered("at_least")` (a tuple in file order, for classes tried in turn). An unknown
name is an error, never an empty set.
"""
from __future__ import annotations

from functools import cache
from importlib import resources


class VocabularyError(ValueError):
    """A malformed class row or an unknown class name (names the file and line)."""


def parse_class_row(cols: list[str], lineno: int, source: str) -> tuple[str, tuple[str, ...]]:
    """One "@name<TAB>words" row -> (name, words in order); "_" joins a multi-word term."""
    if len(cols) != 2 or not cols[0].startswith("@") or len(cols[0]) < 2:
        raise VocabularyError(f"{source} line {lineno}: a class row is '@name<TAB>words'")
    items = tuple(w if w.startswith("@") else w.replace("_", " ") for w in cols[1].lower().split())
    if not items:
        raise VocabularyError(f"{source} line {lineno}: class {cols[0]} has no words")
    return cols[0][1:], items


def resolve_classes(raw: dict[str, tuple[str, ...]], source: str,
                    outside: dict[str, tuple[str, ...]] | None = None) -> dict[str, tuple[str, ...]]:
    """Expand "@other" items (from this file or `outside`), keeping order, dropping repeats."""
    done: dict[str, tuple[str, ...]] = {}

    def expand(name: str, trail: tuple[str, ...]) -> tuple[str, ...]:
        if name in done:
            return done[name]
        if name in trail:
            raise VocabularyError(f"{source}: class @{name} includes itself")
        if name not in raw:
            if outside is not None and name in outside:
                return outside[name]
            raise VocabularyError(f"{source}: unknown word class @{name}")
        out: list[str] = []
        for item in raw[name]:
            for word in expand(item[1:], trail + (name,)) if item.startswith("@") else (item,):
                if word not in out:
                    out.append(word)
        done[name] = tuple(out)
        return done[name]

    for name in raw:
        expand(name, ())
    return done


def parse_classes(text: str, source: str) -> dict[str, tuple[str, ...]]:
    """A whole file of class rows and comments -> {name: words in order}."""
    raw: dict[str, tuple[str, ...]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, items = parse_class_row(line.split("\t"), lineno, source)
        if name in raw:
            raise VocabularyError(f"{source} line {lineno}: class @{name} defined twice")
        raw[name] = items
    return resolve_classes(raw, source)


def vocabulary_text() -> str:
    return resources.files("wirecoder.data").joinpath("vocabulary.tsv").read_text(encoding="utf-8")


@cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    """Every shared class, parsed once per process."""
    return parse_classes(vocabulary_text(), "vocabulary.tsv")


def ordered(name: str) -> tuple[str, ...]:
    """Class `name` in file order."""
    try:
        return vocabulary()[name]
    except KeyError:
        raise VocabularyError(f"vocabulary.tsv: unknown word class @{name}") from None


@cache
def words(name: str) -> frozenset[str]:
    """Class `name` as a set, for membership tests."""
    return frozenset(ordered(name))


def in_class(name: str, word: str) -> bool:
    return word.lower() in words(name)
