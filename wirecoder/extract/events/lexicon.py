"""The predicate lexicon: words that state events, read from wirecoder/data/predicates.tsv.

The table is data (one row per sense: pattern, part of speech, PLOVER type and
mode, CAMEO root, where the target comes from, conditions); this module only
parses it and indexes it for the coder in `coder.py`. Rows for one lemma are
kept in file order, because the coder takes the first row whose conditions hold
("seize" a person -> COERCE arrest; "seize" posts -> ASSAULT).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from wirecoder.extract.common.vocabulary import VocabularyError, parse_class_row, resolve_classes, vocabulary
from wirecoder.extract.events.policy import policy
from wirecoder.models import EVENT_TYPES

POS_KINDS = ("V", "N", "P", "M")
# Condition keys the coder understands (see the header of predicates.tsv).
CONDITION_KEYS = frozenset({"obj", "noobj", "has", "pp", "xcomp", "src", "srcactor", "mod",
                            "dur", "reported", "quoted", "nopassive", "tgtactor", "nopp", "future", "np"})
TARGET_KEYS = ("obj", "pp", "xsubj", "against", "at", "comp", "none")



# Shared classes (vocabulary.tsv) whose words are verbs: they join the verbs the
# lexicon corrects lemmas for, as they did when predicates.tsv listed them itself.
SHARED_VERB_CLASSES = ("speech", "cognition", "custody")


class LexiconError(ValueError):
    """A malformed row in predicates.tsv (names the line)."""


@dataclass(frozen=True)
class Entry:
    pattern: tuple[str, ...]        # lemmas as written in the row
    pos: str                         # V, N, P or M
    type: str
    mode: str | None
    cameo: str
    targets: tuple[str, ...]
    conditions: dict = field(default_factory=dict, hash=False, compare=False)
    line: int = 0

    @property
    def head(self) -> str:
        """The lemma the row is indexed by: the verb (V), the noun (N), the first word (P)."""
        if self.pos == "N":
            return self.pattern[-1]
        return self.pattern[0]

    @property
    def particle(self) -> str | None:
        """The second word of a two-word verb pattern ("on" in "call on")."""
        return self.pattern[1] if self.pos == "V" and len(self.pattern) > 1 else None

    @property
    def modifiers(self) -> tuple[str, ...]:
        """Words that must stand right before the noun ("air" in "air strike")."""
        return self.pattern[:-1] if self.pos == "N" else ()


@dataclass
class Lexicon:
    entries: list[Entry]
    classes: dict[str, frozenset[str]]
    shared: frozenset[str] = frozenset()  # names of the classes that come from vocabulary.tsv
    by_head: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    verb_words: frozenset[str] = field(default=frozenset(), init=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self.by_head.setdefault((entry.pos, entry.head), []).append(entry)
        # every verb the table or its word classes name, for correcting lemmas
        own = [words for name, words in self.classes.items() if name not in self.shared]
        self.verb_words = frozenset(e.head for e in self.entries if e.pos == "V").union(
            *own, *(self.classes[name] for name in SHARED_VERB_CLASSES if name in self.classes))

    def lookup(self, pos: str, lemma: str) -> list[Entry]:
        return self.by_head.get((pos, lemma.lower()), [])

    def cls(self, name: str) -> frozenset[str]:
        """A word class (@name in the table); unknown names are an error, not an empty set."""
        try:
            return self.classes[name]
        except KeyError:
            raise LexiconError(f"predicates.tsv: unknown word class @{name}") from None

    def in_class(self, name: str, lemma: str) -> bool:
        return lemma.lower() in self.cls(name)

    def phrases(self) -> list[Entry]:
        return [e for e in self.entries if e.pos == "P"]


def _parse_conditions(text: str, lineno: int) -> dict:
    conds: dict = {}
    if text.strip() in ("", "-"):
        return conds
    for part in text.split(";"):
        key, _, value = part.strip().partition("=")
        if key not in CONDITION_KEYS:
            raise LexiconError(f"predicates.tsv line {lineno}: unknown condition {key!r}")
        conds[key] = tuple(v for v in value.split("|") if v) if value else True
    return conds


def parse_lexicon(text: str) -> Lexicon:
    entries: list[Entry] = []
    raw_classes: dict[str, tuple[str, ...]] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0].startswith("@"):
            try:
                name, items = parse_class_row(cols, lineno, "predicates.tsv")
            except VocabularyError as err:
                raise LexiconError(str(err)) from None
            raw_classes[name] = items
            continue
        if len(cols) != 7:
            raise LexiconError(f"predicates.tsv line {lineno}: expected 7 columns, got {len(cols)}")
        pattern, pos, etype, mode, cameo, targets, conds = cols
        if pos not in POS_KINDS:
            raise LexiconError(f"predicates.tsv line {lineno}: pos {pos!r} not one of {POS_KINDS}")
        if etype not in EVENT_TYPES:
            raise LexiconError(f"predicates.tsv line {lineno}: {etype!r} is not a PLOVER type")
        tlist = tuple(t for t in targets.split(",") if t)
        for t in tlist:
            if t not in TARGET_KEYS and not t.startswith("prep:"):
                raise LexiconError(f"predicates.tsv line {lineno}: unknown target {t!r}")
        entries.append(Entry(
            pattern=tuple(pattern.lower().split()), pos=pos, type=etype,
            mode=None if mode == "-" else mode, cameo=cameo if cameo != "-" else policy(etype).cameo,
            targets=tlist or ("none",), conditions=_parse_conditions(conds, lineno), line=lineno,
        ))
    # Event-specific classes live here; shared ones (speech verbs, custody ...) come from
    # the vocabulary, and a name in both is an error rather than a silent override.
    shared_classes = vocabulary()
    clash = sorted(set(raw_classes) & set(shared_classes))
    if clash:
        raise LexiconError(f"predicates.tsv: class @{clash[0]} is also in vocabulary.tsv")
    try:
        own = resolve_classes(raw_classes, "predicates.tsv", outside=shared_classes)
    except VocabularyError as err:
        raise LexiconError(str(err)) from None
    classes = {name: frozenset(items) for name, items in {**shared_classes, **own}.items()}
    lex = Lexicon(entries=entries, classes=classes, shared=frozenset(shared_classes))
    # Fail at load time on a class name a row uses but the table never defines.
    for entry in entries:
        for key in ("obj", "has", "xcomp", "mod", "np"):
            for item in entry.conditions.get(key, ()) if isinstance(entry.conditions.get(key), tuple) else ():
                if item.startswith("@"):
                    lex.cls(item[1:])
    return lex


def _inflection_bases(word: str) -> list[str]:
    """Base forms an inflected verb may come from: staged stage, rammed ram, carried carry,
    pushes push, making make."""
    out = []
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: len(word) - len(suffix)]
            out.append(stem + repl)
            if not repl and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])                      # rammed, shelling -> shell stays first
    return out


def verb_lemma(tok) -> str:
    """The token's lemma, corrected where the lemmatizer misses a verb the lexicon knows
    ("staged" lemmatized as "stag"): an inflected form whose base the table uses wins."""
    lemma = tok.lemma_.lower()
    lex = get_lexicon()
    if lemma in lex.verb_words:
        return lemma
    for base in _inflection_bases(tok.lower_):
        if base in lex.verb_words:
            return base
    return lemma


@cache
def get_lexicon() -> Lexicon:
    """The bundled lexicon, parsed once per process."""
    text = resources.files("wirecoder.data").joinpath("predicates.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)
