"""The shared vocabulary (wirecoder/data/vocabulary.tsv): it parses, every class has words,
no word is written twice in one class, every class is read by the code, and the event
lexicon shares the format without redefining a shared class."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import wirecoder
from wirecoder.extract.common.vocabulary import (
    VocabularyError,
    in_class,
    ordered,
    parse_classes,
    vocabulary,
    vocabulary_text,
    words,
)
from wirecoder.extract.events.lexicon import LexiconError, get_lexicon, parse_lexicon

PACKAGE = Path(wirecoder.__file__).parent


def _rows() -> list[tuple[int, str, list[str]]]:
    rows = []
    for lineno, line in enumerate(vocabulary_text().splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, items = line.partition("\t")
            rows.append((lineno, name[1:], items.split()))
    return rows


def test_every_class_has_words_and_no_word_twice():
    rows = _rows()
    assert len(rows) >= 40
    for lineno, name, items in rows:
        assert items, f"line {lineno}: @{name} is empty"
        dupes = sorted({w for w in items if items.count(w) > 1})
        assert not dupes, f"line {lineno}: @{name} repeats {dupes}"
        assert words(name), name


def test_every_class_is_read_by_the_code():
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    source += "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.glob("data/*.tsv")
                        if p.name != "vocabulary.tsv")
    used = set(re.findall(r"""(?:words|ordered|in_class)\(\s*["']([a-z_]+)["']""", source))
    used |= set(re.findall(r"@([a-z_]+)", source))
    used |= set(re.findall(r"@([a-z_]+)", vocabulary_text().split("\n", 1)[1]))  # included classes
    unused = sorted(set(vocabulary()) - used)
    assert not unused, f"classes no code reads: {unused}"


def test_included_classes_are_expanded_in_order():
    reporting = ordered("reporting")
    assert set(words("speech")) | set(words("cognition")) == set(reporting)
    assert reporting.index("say") < reporting.index("believe")  # @speech comes first
    assert words("static_preps") <= words("locative_preps")
    assert "press secretary" in words("voice_roles")  # "_" joins a multi-word term


def test_speech_verbs_are_one_class_for_every_reader():
    # "warned" makes a claimant and also reported speech for negation and event roles
    assert in_class("speech", "warn") and in_class("reporting", "warn")
    assert get_lexicon().in_class("reporting", "warn")
    assert not in_class("speech", "believe") and in_class("reporting", "believe")


def test_unknown_class_and_bad_rows_are_errors():
    with pytest.raises(VocabularyError, match="unknown word class"):
        words("no_such_class")
    with pytest.raises(VocabularyError, match="line 2"):
        parse_classes("@a\tx y\n@b\n", "test.tsv")
    with pytest.raises(VocabularyError, match="includes itself"):
        parse_classes("@a\tx @b\n@b\t@a\n", "test.tsv")
    with pytest.raises(VocabularyError, match="defined twice"):
        parse_classes("@a\tx\n@a\ty\n", "test.tsv")


def test_the_lexicon_reads_shared_classes_but_may_not_redefine_them():
    lex = get_lexicon()
    assert lex.cls("custody") == words("custody")
    assert "say" in lex.verb_words  # shared verb classes still correct lemmas
    with pytest.raises(LexiconError, match="also in vocabulary.tsv"):
        parse_lexicon("@speech\tsay tell\n")
    with pytest.raises(LexiconError, match="unknown word class"):
        parse_lexicon("@mine\t@not_a_class\n")
