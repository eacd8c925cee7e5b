"""Reading noun phrases off the dependency parse: which tokens make up a phrase, its words as
the article writes them, and small yes/no questions about one token (plural? definite? a place
by its syntax?). Nothing here knows about actors or the knowledge base."""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from wirecoder.extract.common.vocabulary import words

# What a phrase may start with that is not part of its name: "the 12 protesters", "at least eight".
_LEADING = {"det", "predet", "nummod", "quantmod", "punct"}
# Parts of speech a noun phrase holds before its head.
_NP_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "PRON", "ADV", "X"}
_LEADING_POS = {"DET", "NUM", "ADP", "ADV", "PUNCT", "SYM", "CCONJ", "PRON"}
_QUANTITY_WORDS = words("quantity_modifiers")
# Nouns whose "of" phrase is a place: "the town of Jowhar".
PLACE_NOUNS = words("place_nouns")
# Words that make a capitalised name an organisation even after "in" ("in the National Assembly").
ORG_WORDS = words("org_words")


def join_words(toks: Iterable[Token]) -> str:
    """The tokens' texts joined with their own spacing, a single space across a gap."""
    toks = list(toks)
    if not toks:
        return ""
    out = ""
    for k, t in enumerate(toks):
        out += t.text
        if k + 1 < len(toks):
            nxt = toks[k + 1]
            out += t.whitespace_ if nxt.i == t.i + 1 else " "
    return out.strip()


def is_phrase_word(t: Token) -> bool:
    """May this token sit inside a noun phrase before its head?"""
    if "\n" in t.text or "\n" in t.whitespace_:
        return False
    if t.is_punct:
        return t.text in ("-", "\u2013", ".", "&") or t.tag_ == "HYPH"
    if t.pos_ == "CCONJ":
        if t.i == 0 or t.i + 1 >= len(t.doc):
            return False
        prev, nxt = t.nbor(-1), t.nbor(1)
        # Inside a name ("Peace and Security Council"), or between coordinated modifiers
        # ("British and Irish ministers", "French and German troops").
        return (prev.pos_ == "PROPN" and nxt.pos_ == "PROPN") or (
            nxt.dep_ == "conj" and nxt.head.i == prev.i and prev.dep_ in ("amod", "compound", "nmod"))
    if t.pos_ == "ADP":
        return t.lower_ in ("of", "for")   # "Secretary of State", "Minister for Foreign Affairs"
    if t.tag_ == "VBN" and t.dep_ == "amod" and t.lower_ in words("leading_participle"):
        return True                        # "NATO-led peacekeepers"
    return t.pos_ in _NP_POS or t.tag_ == "POS"


def trim_phrase(toks) -> list[Token]:
    """A phrase without its leading determiners, quantities and pronouns
    ("the 40 strikers", "at least three nurses", "its Trade Ministry")."""
    toks = list(toks)
    while len(toks) > 1 and (toks[0].dep_ in _LEADING or toks[0].pos_ in _LEADING_POS
                             or toks[0].lower_ in _QUANTITY_WORDS):
        toks = toks[1:]
    return toks


def phrase_text(toks) -> str:
    """The article's own words for a phrase, from its first kept token to its head."""
    toks = trim_phrase(toks)
    if not toks:
        return ""
    if toks[-1].tag_ == "POS":
        return join_words(toks[:-1])
    doc = toks[0].doc
    # Token texts with their own spacing (Doc.text would rebuild the whole article).
    return "".join(t.text_with_ws for t in doc[toks[0].i: toks[-1].i + 1]).strip()


def np_head(tok: Token) -> Token:
    """The head of the noun phrase a modifier belongs to ("Russian" -> "invasion")."""
    node = tok
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        node = node.head
    return node


def left_modifiers(head: Token) -> list[Token]:
    """Tokens of the phrase left of its head: determiners, possessives, compounds, adjectives."""
    toks: list[Token] = []
    for child in head.lefts:
        if child.dep_ in ("det", "poss", "compound", "amod", "nmod", "nummod", "quantmod", "predet",
                          "case", "punct") or child.tag_ == "POS":
            if child.dep_ == "punct" and child.text != "-":
                continue
            toks.extend(t for t in child.subtree if t.i < head.i)
    toks = sorted(set(toks), key=lambda t: t.i)
    # Keep the contiguous run that ends at the head, and stop at anything a
    # noun phrase does not hold (a verb, a quotation mark, a line break): the
    # parser sometimes hangs a whole clause under a name.
    run: list[Token] = []
    expect = head.i - 1
    for t in reversed(toks):
        if t.i != expect or not is_phrase_word(t):
            break
        run.insert(0, t)
        expect -= 1
    return run


def hyphen_tail(tok: Token) -> Optional[Token]:
    """The word after a hyphen glued to tok: "general" in "secretary-general"."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-" \
            and not doc[tok.i + 1].whitespace_ and doc[tok.i + 2].head.i == tok.i and doc[tok.i + 2].is_alpha:
        return doc[tok.i + 2]
    return None


def is_agent(tok: Token) -> bool:
    """Is the phrase the doer of its clause ("drones struck", "gunships forced them to withdraw")?"""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "nsubj":
        return True
    return node.dep_ == "pobj" and node.head.dep_ == "agent"   # "struck by drones"


def is_named_place(tok: Token) -> bool:
    """Is this capitalised name a place by its syntax, whatever the tagger called it?
    "the town of Jowhar", "fled toward Kaya", "in the Amazon"."""
    ent_words = {t.lower_ for t in tok.doc[max(tok.i - 4, 0): tok.i + 1]}
    if tok.dep_ != "pobj" or ent_words & ORG_WORDS:
        return False
    prep = tok.head
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() in PLACE_NOUNS
    # Not "at": "workers at Nigelec" work for a company.
    return prep.lower_ in ("in", "near", "toward", "towards", "outside", "inside", "around", "into")


def previous_sentences(doc: Doc, sent: Span):
    """Sentences before `sent`, nearest first."""
    start = sent.start
    while start > 0:
        prev = doc[start - 1].sent
        yield prev
        start = prev.start


def entity_head(ent: Span) -> Token:
    """The head-most token of an entity: its last word, not a trailing "'s"."""
    for t in reversed(ent):
        if t.tag_ != "POS" and not t.is_punct:
            return t
    return ent[-1]


def possessor_of(tok: Token, head: Token) -> Optional[Token]:
    """The possessor token whose phrase `tok` belongs to, within the phrase headed by `head`."""
    node = tok
    while node.head.i != head.i and node.head.i != node.i:
        node = node.head
    return node if node.dep_ == "poss" and node.head.i == head.i else None


def same_token(a: Optional[Token], b: Optional[Token]) -> bool:
    """Are both tokens there and the same one?"""
    return a is not None and b is not None and a.i == b.i


def crude_singular(term: str) -> str:
    """A crude singular for comparing a lexicon term with a name's last word ("peacekeepers")."""
    return term[:-1] if term.endswith("s") and not term.endswith("ss") and len(term) > 3 else term


def flat_term(term: str) -> str:
    """Compare terms without case or hyphens: "Secretary-General" ~ "secretary general"."""
    return " ".join(term.lower().replace("-", " ").split())


def acronym(name: str) -> str:
    """The initials of a name's capitalised words: "Federal Roads Safety Agency" -> "FRSA"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())
