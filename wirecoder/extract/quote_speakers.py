"""Speakers given by layout rather than by a reporting verb's clause.

Real news names many speakers outside the parse of the quoted sentence:

- a label after the quote: '"..." - Maria Lopez', the layout of readers'
  comments, tweets and pull quotes;
- a sentence or a label that ends in a colon and introduces the quote:
  'The senator continued:' / 'Pollster Ann Lee: "..."' / 'The mayor
  released the following statement:' followed by the quotation, or a
  clause that leads into it with a comma ('Lee shot back, "..."');
- a bare attribution that spaCy split off as its own sentence after a
  quote that ends in a full stop: '"... missing." Trump said.';
- the name that stands between the closing mark and the reporting verb
  where the parse gave the verb no subject of its own, or one inside the
  quoted words ('"...," Ramos, 58, told AFP', parsed as a conjunct of the
  quoted verb; '"...," Trump barked', Trump a compound of the verb).

quotes._direct_quotes asks `layout_speaker` after its own verb-based search;
a label after the quote always wins, the other two only where the quote
had no speaker of its own.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from wirecoder.extract.common.settings import MAX_BARE_TOKENS, MAX_BESIDE_WORDS, MAX_LABEL_CHARS
from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.attribution import QUOTING_VERBS, resolve, speaker_token
from wirecoder.extract.context import Context
from wirecoder.models import Actor

# Verbs that introduce a quote in real news besides the reporting verbs of
# attribution.QUOTING_VERBS ('"...," beamed a delegate', '"...," he continued').
# Kept here, marked, until the shared vocabulary takes them in.
EXTRA_QUOTING_VERBS: frozenset[str] = words("quoting_manner")
# People nouns: the object of a bare attribution that is its addressee ('asked party leaders').
HUMAN_NOUNS = words("human_nouns")
# A label after the closing mark: a dash, then a name, then the end of the line.
_DASH_LABEL = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*(?=[A-Z@])")
# Named things that end a line before a quote without saying it.
_NOT_SPEAKERS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})


def _name_head(doc, start: int, end: int) -> Token | None:
    """The head of the first name between character offsets start and end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    names = [t for t in span if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]
    if not names:
        return None
    first = names[0]
    run = [first]
    for t in span[first.i - span.start + 1:]:
        if t.pos_ == "PROPN" or (t.ent_type_ and t.ent_iob_ == "I"):
            run.append(t)
        else:
            break
    return run[-1]


def _label_after(ctx: Context, outer_end: int) -> Actor | None:
    """'"..." - Maria Lopez': a dash label that ends the line after the quote."""
    text = ctx.text
    m = _DASH_LABEL.match(text, outer_end)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if line_end - m.end() > MAX_LABEL_CHARS:
        return None
    head = _name_head(ctx.doc, m.end(), line_end)
    return resolve(head, ctx) if head is not None else None


def _colon_intro(ctx: Context, outer_start: int, sents: list[Span]) -> Actor | None:
    """'The senator continued:' / 'Pollster Ann Lee: "..."' right before the quote, or a
    clause that leads into it with a comma ('Lee shot back, "..."'): its subject speaks."""
    text = ctx.text
    before = text[:outer_start].rstrip()
    comma = before.endswith(",")
    if not (before.endswith(":") or comma):
        return None
    colon = len(before) - 1
    sent = next((s for s in sents if s.start_char <= colon < s.end_char), None)
    if sent is None:
        return None
    toks = [t for t in sent if t.idx < colon]
    if not toks:
        return None
    last = toks[-1]
    if last.pos_ == "PROPN" and not comma:  # a label: 'Pollster Ann Lee:' (not 'the teams bound for Paris:')
        return resolve(last, ctx) if last.ent_type_ not in _NOT_SPEAKERS else None
    root = sent.root if sent.root.idx < colon else None
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    subj = speaker_token(root)
    return resolve(subj, ctx) if subj is not None else None


def _addressee(tok: Token) -> bool:
    """A verb's object that is whom it is said to ('asked party leaders', 'told Lee')."""
    return (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP")
            or tok.lemma_.lower() in HUMAN_NOUNS)


def bare_attribution(outer_end: int, sents: list[Span]) -> int | None:
    """Index of the sentence right after a quote that is its bare attribution
    ('"... missing." Trump said.'): a speaker and a verb that quotes nothing of its own."""
    k = next((k for k, s in enumerate(sents) if s.start_char >= outer_end), None)
    if k is None or sents[k].start_char - outer_end > 2:
        return None
    nxt = sents[k]
    if nxt.start > 0 and "\n" in nxt.doc[nxt.start - 1].text_with_ws:
        return None  # a new paragraph is no attribution of the quote before it
    root = nxt.root
    # the attribution is short up to its verb; what follows may run on ('Sen. Ann Lee
    # said as she opened the session.'), so long as it quotes nothing of its own
    if root.i - nxt.start > MAX_BARE_TOKENS:
        return None
    lemma = root.lemma_.lower()
    if root.pos_ not in ("VERB", "AUX") or not (lemma in QUOTING_VERBS or lemma in EXTRA_QUOTING_VERBS):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and not _addressee(c) for c in root.children):
        return None  # 'Trump said more.' says something of its own ('Lee asked reporters.' does not)
    return k


def _bare_attribution(ctx: Context, outer_end: int, sents: list[Span]) -> Actor | None:
    """The speaker of the quote's bare attribution sentence, if it has one."""
    k = bare_attribution(outer_end, sents)
    if k is None:
        return None
    subj = speaker_token(sents[k].root)
    return resolve(subj, ctx) if subj is not None else None


def layout_speaker(ctx: Context, outer_start: int, outer_end: int, sents: list[Span],
                   has_own: bool) -> Actor | None:
    """A speaker the layout gives the quote spanning outer_start..outer_end, or None.
    `has_own`: the verb search found a speaker of the quote's own (only a
    dash label overrides it)."""
    label = _label_after(ctx, outer_end)
    if label is not None or has_own:
        return label
    return _colon_intro(ctx, outer_start, sents) or _bare_attribution(ctx, outer_end, sents)


def speaker_beside(verb: Token, outer_end: int) -> Token | None:
    """The head of the noun phrase that opens the attribution after a quote
    ('"...," Texas delegate Bill Eastland, wearing a hat, said' -> Eastland; '"...,"
    said Ann Lee' -> Lee), for a verb the parse left without a subject outside
    the quote. None when the verb is not after the quote or no such phrase
    starts within MAX_BESIDE_WORDS words of the closing mark."""
    if verb.idx < outer_end:
        return None
    doc = verb.doc
    after = [t for t in doc[verb.sent.start:verb.sent.end] if t.idx >= outer_end]
    words_seen = 0
    for k, tok in enumerate(after):
        if tok.is_punct:
            continue
        if tok.i == verb.i:
            continue  # '"...," said Ann Lee': the phrase follows the verb
        # a surname the tagger took for an adverb or adjective ('said Skelly', '-ly'): capitalised
        # mid-sentence right where the name stands
        misread = tok.is_title and tok.pos_ in ("ADV", "ADJ") and tok.i > tok.sent.start and not tok.ent_type_
        if tok.pos_ in ("PROPN", "NOUN") or tok.ent_type_ in ("PERSON", "ORG") or misread:
            run = tok
            for nxt in after[k + 1:]:
                if nxt.i == verb.i or not (nxt.pos_ in ("PROPN", "NOUN") or nxt.ent_iob_ == "I"
                                          or nxt.tag_ == "POS"):
                    break
                run = nxt
            return run if run.ent_type_ not in _NOT_SPEAKERS else None
        words_seen += 1
        if words_seen >= MAX_BESIDE_WORDS or tok.pos_ in ("VERB", "AUX", "SCONJ", "ADP"):
            return None
    return None


def past_a_date(spk: Token | None, verb: Token) -> Token | None:
    """'Tuesday at the rally, Gov. Ann Lee said, "..."': a parse that makes the
    date the subject; the speaker is the last person named before the verb."""
    if spk is None or spk.ent_type_ not in ("DATE", "TIME"):
        return spk
    people = [t for t in verb.doc[spk.i + 1:verb.i] if t.ent_type_ == "PERSON"
              and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")]
    return people[-1] if people else spk


def person_as_named(spk: Token | None, actor: Actor | None) -> Actor | None:
    """A speaker named as a person keeps that name: where the actor table hands
    a person's name ('said James Lee, a physicist at ...') an actor that does
    not carry the name (a country, a channel named later in the sentence), the
    speaker is the person as named."""
    if spk is None or actor is None or spk.ent_type_ != "PERSON" or spk.pos_ != "PROPN":
        return actor
    if spk.text in actor.name.split():
        return actor
    ent = next((e for e in spk.doc.ents if e.start <= spk.i < e.end), None)
    if ent is None:
        return actor
    return Actor(name=ent.text, mentions=[(ent.start_char, ent.end_char)])
