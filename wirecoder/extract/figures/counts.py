"""Is a number a head count, and of what: the counted noun ("four soldiers", "dozens of
people"), people or things, money, measures and dates that are no count at all."""
from __future__ import annotations

import re

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.numbers import Quantity

# Nouns whose value is a count of what their "of" phrase names: "the number of dead".
TALLY_NOUNS = words("tally_nouns")

# People nouns: counts of them are `other` figures when large (crowds, troops).
HUMAN_NOUNS = words("human_nouns")
CURRENCY_NOUNS = words("currency_nouns")
_CURRENCY_SIGNS = {"$": "dollars", "us$": "US dollars", "€": "euros", "£": "pounds", "¥": "yen",
                   "₹": "rupees", "₦": "naira", "₽": "roubles"}
# Nouns of measure, time and share: the number before them is no head count.
MEASURE_NOUNS = words("measure_nouns")
_SKIP_ENTS = {"DATE", "TIME", "PERCENT", "ORDINAL", "QUANTITY", "LAW", "PRODUCT", "EVENT",
              "WORK_OF_ART", "FAC", "LANGUAGE"}
# Bodies of people counted as a group: "a crowd of about 3,000", "a convoy of 40".
GROUP_NOUNS = words("group_nouns")


# ------------------------------------------------------------------ helpers

def counted_noun(q: Quantity) -> tuple[Token | None, Token]:
    """(the counted noun, the token that carries the count's syntactic role).

    "four soldiers": (soldiers, soldiers); "dozens of people": (people, dozens);
    "23 wounded": (None, 23)."""
    head = q.head
    if is_strong(q) and head.doc[head.i + 2].head.pos_ == "NOUN":
        noun = head.doc[head.i + 2].head  # "a 2,000-strong force"
        return noun, noun
    if head.dep_ in ("nummod", "compound", "quantmod", "amod") and head.head.pos_ in ("NOUN", "PROPN") \
            and head.head.i > head.i and head.head not in q.span:
        return head.head, head.head
    for tok in q.span:  # "dozens of people", "tens of thousands of people"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj not in q.span:
                    return pobj, head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in GROUP_NOUNS:
        group = head.head.head  # "a crowd of about 3,000": the crowd is what is counted
        return group, group
    return None, head


def clause_of_misread_range(tok: Token) -> Token | None:
    """ "The ministry said between 200 and 300 schools had been destroyed": the parse
    hangs the range on "said" as a prepositional phrase, leaving the clause after it
    without a subject. That clause's verb, whose subject the count is; else None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "between" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    for verb in prep.head.rights:
        if (verb.dep_ in ("ccomp", "conj") and verb.pos_ in ("VERB", "AUX") and verb.i > tok.i
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)):
            return verb
    return None


def is_human(noun: Token | None) -> bool:
    if noun is None:
        return False
    return (noun.lemma_.lower() in HUMAN_NOUNS or noun.lower_ in HUMAN_NOUNS
            or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS")))


def is_strong(q: Quantity) -> bool:
    """ "a 2,000-strong force": a head count of a unit."""
    doc, i = q.head.doc, q.head.i
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ == "strong"


def currency_of(q: Quantity, noun: Token | None) -> str | None:
    for t in q.span:
        if t.lower_ in _CURRENCY_SIGNS:
            return _CURRENCY_SIGNS[t.lower_]
    if noun is not None and noun.lemma_.lower() in CURRENCY_NOUNS:
        return noun.text
    if q.money and (noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() in ("money", "cash")):
        # the tagger's MONEY label alone does not make "4.5 million people" money
        return "money"
    return None


def tagged_date_only(q: Quantity) -> bool:
    """The tagger's DATE/TIME label covers the bare number and nothing else ("the
    toll rose to 45", "put the toll at 52" tagged DATE): no month, day or year
    word makes it a date, so the predicate decides."""
    head = q.head
    if head.ent_type_ not in ("DATE", "TIME") or re.fullmatch(r"(1[5-9]|20)\d\d", head.text):
        return False
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    # adverbs the tagger pulls into the entity ("38 overnight") make no date of it
    return ent is not None and all(t.i in range(q.span.start, q.span.end) or t.pos_ == "ADV"
                                   or t.lower_ in ("about", "some") for t in ent)


def not_a_count(q: Quantity, noun: Token | None, date_tag_ok: bool = False) -> bool:
    """Dates, years, ages, durations, shares, ordinals and numbers in names.

    `date_tag_ok`: ignore the tagger's DATE/TIME label (see `tagged_date_only`)."""
    head = q.head
    # The tagger calls some counts DATE ("Between 30 and 40 migrants"); a count
    # with a counted noun outside the entity, and no unit of time, is still a count.
    counted = noun is not None and noun.lemma_.lower() not in MEASURE_NOUNS and not noun.ent_type_
    dated = head.ent_type_ in _SKIP_ENTS or any(t.ent_type_ in ("DATE", "TIME", "PERCENT") for t in q.span)
    if dated and not (counted and head.ent_type_ in ("DATE", "TIME", "")) and not date_tag_ok:
        return True
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.text in ("%", "th", "st", "nd", "rd"):
        return True
    if nxt is not None and nxt.text == "-" and not nxt.whitespace_ and head.i + 2 < len(head.doc) \
            and head.doc[head.i + 2].lower_ != "strong":
        return True  # "45-year-old", "two-day summit", "the 27-member bloc" (not "2,000-strong")
    prev = head.doc[q.span.start - 1] if q.span.start > 0 else None
    if prev is not None and prev.text == "-" and not prev.whitespace_:
        return True  # "COVID-19", "MH-17": part of a name
    if noun is not None and noun.lemma_.lower() in MEASURE_NOUNS:
        return True
    if noun is None and nxt is not None and nxt.lemma_.lower() in MEASURE_NOUNS:
        return True
    text = q.span.text
    if re.fullmatch(r"(1[5-9]|20)\d\d", text) and not is_human(noun):
        return True  # a year
    if head.lower_ == "one" and noun is None:
        return True  # "one another"; "one of the organisers" is decided by its predicate
    if head.dep_ in ("nummod", "appos", "npadvmod") and head.head.pos_ == "PROPN" and head.head.i < head.i:
        return True  # "Article 5", "Resolution 2231"
    return False


def tally_noun_of(tok: Token) -> Token | None:
    """What a tally counts when the count is its value: "the number of schools
    closed rose to 300", "bringing the number of prisoners freed to 2,500" ->
    schools, prisoners. The "to N" phrase may hang on the participle."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        came_by, cur = cur.dep_, cur.head
        nouns = [cur]
        if cur.pos_ in ("VERB", "AUX"):
            nouns += [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        for noun in nouns:
            if noun.lemma_.lower() in TALLY_NOUNS:
                for prep in noun.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        return next((p for p in prep.children if p.dep_ == "pobj"), None)
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("acl", "advcl", "relcl") or came_by not in (
                "pobj", "prep", "acl", "advcl", "relcl"):
            return None
    return None


def is_countable(noun: Token | None) -> bool:
    """A noun whose number is a head count: people, or things counted one by one
    ("vessels", "protests", "wells"), not units of measure, time or money."""
    if noun is None:
        return False
    if noun.pos_ == "PROPN":  # "several hundred Serbs": a people counted by its plural name
        return noun.ent_type_ == "NORP" and (noun.tag_ == "NNPS" or noun.text.endswith("s"))
    if noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    if lemma in MEASURE_NOUNS or lemma in CURRENCY_NOUNS:
        return False
    return is_human(noun) or noun.tag_ == "NNS" or lemma in GROUP_NOUNS
