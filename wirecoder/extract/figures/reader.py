"""Figures of one sentence and of an article: each quantity read, its kind decided, one
record per count (see the package docstring)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from wirecoder.extract.common.settings import MIN_COUNT_OTHER
from wirecoder.extract.attribution import SPEECH_VERBS
from wirecoder.extract.claimants import claimant
from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.context import Context
from wirecoder.extract.numbers import Quantity, find_quantities
from wirecoder.models import Figure
from wirecoder.extract.figures.counts import (
    clause_of_misread_range,
    counted_noun,
    currency_of,
    is_countable,
    is_human,
    is_strong,
    not_a_count,
    tagged_date_only,
    tally_noun_of,
)
from wirecoder.extract.figures.kinds import ADJ_KINDS, INTRANSITIVE_KINDS, TRANSITIVE_KINDS, figure_kind

# A single person killed is a death toll of one: "a farmer died", "a soldier was
# shot dead", "killed a civilian".
SINGLE = words("single_words")


def _subject_text(noun: Token | None, q: Quantity) -> str | None:
    if noun is None:
        return None
    toks = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and t not in q.span
            and t.i > q.span.end - 1 and not t.like_num and t.lower_ != "strong"]
    start = toks[0].i if toks else noun.i
    return noun.doc[start: noun.i + 1].text


def _implied_subject(q: Quantity) -> str | None:
    """ "three miners were killed and 14 hurt": the 14 are miners too."""
    head = q.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "conj":
        first = head.head.head
        lemma = first.lemma_.lower()
        if lemma not in SPEECH_VERBS and lemma not in INTRANSITIVE_KINDS and not (
                lemma in TRANSITIVE_KINDS and any(c.dep_ == "nsubjpass" for c in first.children)):
            return None  # "The blast left 45 dead and 120 injured": the blast is no casualty
        if lemma in SPEECH_VERBS:
            # "The army said 14 soldiers were killed and 30 wounded", the second
            # count hung on "said": the first casualty predicate before it holds the subject
            first = next((t for t in reversed(list(first.doc[first.i + 1: head.i]))
                          if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in TRANSITIVE_KINDS), None)
            if first is None:
                return None
        subj = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "NUM":  # "one of its soldiers was killed and two wounded"
            prep = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if subj is not None and subj.pos_ == "NOUN":
            return subj.text
    return None


def _single_deaths(sent: Span, ctx: Context, counted: set[int]) -> list[tuple[Token, Token]]:
    """(person noun, predicate) for each single person the sentence says died or
    was killed: "a farmer had died", "a soldier was shot dead", "killed a civilian"."""
    out = []
    for noun in sent:
        if noun.i in counted or noun.tag_ != "NN" or not is_human(noun):
            continue
        if not any(c.dep_ in ("det", "nummod") and c.lower_ in SINGLE for c in noun.children):
            continue
        verb, dep = noun.head, noun.dep_
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
            continue
        lemma = verb.lemma_.lower()
        dead = any(c.dep_ in ("oprd", "acomp", "xcomp", "advmod") and c.lower_ == "dead" for c in verb.children)
        if dep == "nsubj" and (INTRANSITIVE_KINDS.get(lemma) == "killed" or dead) \
                or dep in ("nsubjpass", "dobj") and (TRANSITIVE_KINDS.get(lemma) == "killed" or dead):
            out.append((noun, verb))
    return out


# --------------------------------------------------------------- public API

def figures_in(sent: Span, ctx: Context) -> list[Figure]:
    """The figures one sentence states."""
    figures: list[Figure] = []
    counted: set[int] = set()
    for q in find_quantities(sent):
        noun, role_tok = counted_noun(q)
        doubtful = False
        if not_a_count(q, noun):
            if not (tagged_date_only(q) and not not_a_count(q, noun, date_tag_ok=True)):
                continue
            doubtful = True  # a bare number tagged DATE: a count only if a casualty predicate says so
        currency = currency_of(q, noun)
        kind = None if currency else figure_kind(q, noun, role_tok)
        if doubtful and kind in (None, "other"):
            continue
        if noun is None and kind is None and not currency:
            noun = tally_noun_of(q.head)  # "the number of prisoners freed rose to 2,500"
        if q.head.lower_ == "one" and kind in (None, "other"):
            continue  # "one of the organisers": a person the story names, not a tally
        if kind is None:
            if currency:
                kind = "other"
            elif q.vague and (noun is None or is_countable(noun)):
                kind = "other"  # "thousands marched", "dozens of vessels", "hundreds of attackers"
            elif (is_countable(noun) or is_strong(q)) and max(q.min or 0, q.max or 0) >= MIN_COUNT_OTHER:
                kind = "other"  # "about 2,300 troops", "more than 200 protests", "a 2,000-strong force"
            else:
                continue
        if noun is not None:
            counted.add(noun.i)
        subject = currency if currency else (_subject_text(noun, q) or _implied_subject(q))
        if subject is None and not currency:  # "the number of people detained rose to 1,400"
            tallied = tally_noun_of(q.head)
            if tallied is not None and tallied.pos_ == "NOUN" and tallied.lower_ not in ADJ_KINDS:
                subject = tallied.text
        # the clause a misread range belongs to carries its claim ("X said between ...")
        trigger = (clause_of_misread_range(noun) if noun is not None else None) or q.head
        figures.append(Figure(kind=kind, min=q.min, max=q.max, approximate=q.approximate,
                              subject=subject, claimed_by=claimant(sent, ctx, trigger),
                              evidence=ctx.evidence(sent)))
    for noun, verb in _single_deaths(sent, ctx, counted):
        compounds = [t for t in noun.lefts if t.dep_ == "compound" and t.right_edge.i < noun.i]
        subject = noun.doc[compounds[0].i: noun.i + 1].text if compounds else noun.text  # "village chief"
        figures.append(Figure(kind="killed", min=1, max=1, approximate=False, subject=subject,
                              claimed_by=claimant(sent, ctx, verb), evidence=ctx.evidence(sent)))
    return figures


def extract_figures(ctx: Context) -> list[Figure]:
    """Every figure in the article, in text order."""
    out: list[Figure] = []
    for sent in ctx.doc.sents:
        out.extend(figures_in(sent, ctx))
    return out
