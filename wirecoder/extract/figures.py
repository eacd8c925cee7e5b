"""Figures: counts of the killed, injured, missing, displaced, detained,
evacuated, captured and destroyed, and crowd sizes, money and the like.

Each quantity phrase in a sentence ("at least four", "almost a quarter of a million",
"dozens") is read by `numbers.find_quantities`; this module decides what it
counts from the parse: the counted noun ("four soldiers", "dozens of people"),
the predicate over it ("were killed", "killed four soldiers", "people
sheltering in camps", "23 wounded", "the death toll rose to 57") and, for
nested counts ("..., among them at least five women"), the count it is part
of. Coordinated counts each get their own record. A single person who died
or was killed ("a farmer had died", "killed a civilian") is a toll of one. Who
vouches for the number comes from `attribution.claimant` (which also gives
the speaker of the quotation it stands in).

Numbers that are not counts of this kind (dates, years, ages, durations,
percentages, ordinals, numbers inside names) never become figures; counts
that fit no kind become `other` only when they are a tally: money, a vague
quantity of people or things ("thousands marched", "dozens of vessels"), or
ten or more people or countable things ("28 officials", "200 protests").
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.attribution import SPEECH_VERBS
from wirecoder.extract.claimants import claimant
from wirecoder.extract.context import Context
from wirecoder.extract.numbers import Quantity, find_quantities, parse_quantity
from wirecoder.models import Figure

__all__ = ["extract_figures", "parse_quantity"]

# Predicates that make a count a casualty-style figure (lemmas).
# Transitive: the count is their object, or their subject in the passive.
TRANSITIVE_KINDS: dict[str, str] = {
    **dict.fromkeys("kill slay murder massacre execute behead".split(), "killed"),
    **dict.fromkeys("injure wound hurt maim hospitalise hospitalize".split(), "injured"),
    **dict.fromkeys("displace uproot evict".split(), "displaced"),
    **dict.fromkeys("detain arrest jail imprison abduct kidnap apprehend".split(), "detained"),
    **dict.fromkeys("evacuate rescue airlift repatriate".split(), "evacuated"),
    "shelter": "displaced",  # "camps sheltering 30,000 people"
    **dict.fromkeys("seize capture overrun occupy recapture retake".split(), "captured"),
    **dict.fromkeys("destroy demolish raze flatten torch".split(), "destroyed"),
    # "homes were burned": things burned are destroyed (people burned are left to
    # "alive"/"dead" and the like, see _verb_kind)
    "burn": "destroyed",
    # the buried are dead: "we buried 27 people"
    "bury": "killed",
    "affect": "other",
}
# Intransitive: the count is their subject ("30 people died", "thousands fled").
INTRANSITIVE_KINDS: dict[str, str] = {
    **dict.fromkeys("die perish".split(), "killed"),
    **dict.fromkeys("disappear vanish".split(), "missing"),
    **dict.fromkeys("flee shelter".split(), "displaced"),
}
# "The fighting has claimed 17 lives", "cost 30 lives", "12 lives were lost":
# lives taken are deaths (lives saved are not).
LIFE_TAKING = words("life_taking")
# Verbs that report or find people in a state their complement names: "were
# reported killed", "were found dead", "are feared missing", "are presumed dead".
STATE_VERBS = words("state_verbs")
# Verb + particle/preposition: "washed away 300 homes", "airlifted 700 people out".
PHRASAL_KINDS: dict[tuple[str, str], str] = {
    ("wash", "away"): "destroyed", ("sweep", "away"): "destroyed", ("burn", "down"): "destroyed",
    ("blow", "up"): "destroyed", ("fly", "out"): "evacuated", ("ship", "out"): "evacuated",
    ("round", "up"): "detained", ("take", "hostage"): "detained", ("take", "captive"): "detained",
    ("pull", "out"): "evacuated",
    # "homes were set ablaze / alight / on fire"
    ("set", "ablaze"): "destroyed", ("set", "alight"): "destroyed", ("set", "fire"): "destroyed",
}
# Adjectives and nouns that say it themselves ("23 wounded", "50 dead", "30 deaths").
ADJ_KINDS: dict[str, str] = {
    "dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
    "hurt": "injured", "missing": "missing", "homeless": "displaced", "displaced": "displaced",
    "detained": "detained", "arrested": "detained", "evacuated": "evacuated",
    "unaccounted": "missing",  # "30 people remain unaccounted for"
}
NOUN_KINDS: dict[str, str] = {
    "death": "killed", "fatality": "killed", "body": "killed", "corpse": "killed",
    "injury": "injured", "arrest": "detained", "refugee": "displaced", "evacuee": "evacuated",
    # held people by name; "prisoners" are left to their predicate, because
    # prisoners freed in an exchange are no longer held
    "detainee": "detained", "hostage": "detained",
}
# Verbs that make a count of people a figure only for some people: civilians
# moved or relocated are evacuated (troops moved are deployed); people held are
# detained (a party holds seats, a town holds a market).
CIVILIAN_MOVE = words("civilian_move")
HOLD = words("hold_verbs")
# Where people are kept or sheltered: "remain in custody", "are living in camps".
DETENTION_PLACES = words("custody")
SHELTER_PLACES = words("shelter_places")
# A camp of these is no refuge: "an army camp", "a prison camp".
_NOT_SHELTER = words("not_shelter")
# "treated for injuries", "admitted to hospital", "taken to hospital": injured.
_TREATED = words("treated_verbs")
_INJURY_WORDS = words("injury_words")
_NESTING = words("nesting_words")
# Nouns whose value is a count of what their "of" phrase names: "the number of dead".
TALLY_NOUNS = words("tally_nouns")
# Leaving or being driven from these is displacement.
HOME_NOUNS = words("home_nouns")
_LEAVE = words("leave_verbs")
_FORCE_OUT = words("force_out_verbs")

# People nouns: counts of them are `other` figures when large (crowds, troops).
HUMAN_NOUNS = words("human_nouns")
# People under arms: moved, they are deployed rather than evacuated.
ARMED_NOUNS = words("armed_person_nouns")
CURRENCY_NOUNS = words("currency_nouns")
_CURRENCY_SIGNS = {"$": "dollars", "us$": "US dollars", "€": "euros", "£": "pounds", "¥": "yen",
                   "₹": "rupees", "₦": "naira", "₽": "roubles"}
# Nouns of measure, time and share: the number before them is no head count.
MEASURE_NOUNS = words("measure_nouns")
_SKIP_ENTS = {"DATE", "TIME", "PERCENT", "ORDINAL", "QUANTITY", "LAW", "PRODUCT", "EVENT",
              "WORK_OF_ART", "FAC", "LANGUAGE"}
# Counts with no casualty predicate become `other` figures only from ten up
# (or as a vague quantity: "dozens of vessels", "hundreds of attackers"):
# "two ministers met", "five accords were cancelled" are individuals the story
# names, while "28 officials", "more than 200 protests", "95 prisoners" are
# tallies a reader would look up. Measures, durations and money are apart.
MIN_COUNT_OTHER = 10
# Bodies of people counted as a group: "a crowd of about 3,000", "a convoy of 40".
GROUP_NOUNS = words("group_nouns")
# The dead counted by their remains: "the bodies of 19 migrants".
REMAINS_NOUNS = words("remains_nouns")
# A single person killed is a death toll of one: "a farmer died", "a soldier was
# shot dead", "killed a civilian".
SINGLE = words("single_words")


# ------------------------------------------------------------------ helpers

def _counted_noun(q: Quantity) -> tuple[Token | None, Token]:
    """(the counted noun, the token that carries the count's syntactic role).

    "four soldiers": (soldiers, soldiers); "dozens of people": (people, dozens);
    "23 wounded": (None, 23)."""
    head = q.head
    if _strong(q) and head.doc[head.i + 2].head.pos_ == "NOUN":
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


def _is_human(noun: Token | None) -> bool:
    if noun is None:
        return False
    return (noun.lemma_.lower() in HUMAN_NOUNS or noun.lower_ in HUMAN_NOUNS
            or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS")))


def _strong(q: Quantity) -> bool:
    """ "a 2,000-strong force": a head count of a unit."""
    doc, i = q.head.doc, q.head.i
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ == "strong"


def _currency(q: Quantity, noun: Token | None) -> str | None:
    for t in q.span:
        if t.lower_ in _CURRENCY_SIGNS:
            return _CURRENCY_SIGNS[t.lower_]
    if noun is not None and noun.lemma_.lower() in CURRENCY_NOUNS:
        return noun.text
    if q.money and (noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() in ("money", "cash")):
        # the tagger's MONEY label alone does not make "4.5 million people" money
        return "money"
    return None


def _tagged_date_only(q: Quantity) -> bool:
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


def _not_a_count(q: Quantity, noun: Token | None, date_tag_ok: bool = False) -> bool:
    """Dates, years, ages, durations, shares, ordinals and numbers in names.

    `date_tag_ok`: ignore the tagger's DATE/TIME label (see `_tagged_date_only`)."""
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
    if re.fullmatch(r"(1[5-9]|20)\d\d", text) and not _is_human(noun):
        return True  # a year
    if head.lower_ == "one" and noun is None:
        return True  # "one another"; "one of the organisers" is decided by its predicate
    if head.dep_ in ("nummod", "appos", "npadvmod") and head.head.pos_ == "PROPN" and head.head.i < head.i:
        return True  # "Article 5", "Resolution 2231"
    return False


def _phrasal(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "advmod", "oprd", "dobj", "acomp", "xcomp"):
            words = [child.lower_, child.lemma_.lower()]
            if child.dep_ == "prep":  # "set on fire": the preposition's object
                words += [g.lower_ for g in child.children if g.dep_ == "pobj"]
            for word in words:
                if (verb.lemma_.lower(), word) in PHRASAL_KINDS:
                    return PHRASAL_KINDS[(verb.lemma_.lower(), word)]
    return None


def _place_kind(verb: Token) -> str | None:
    """Kind the place a predicate puts people in gives them: "remain in custody",
    "held behind bars" (detained); "arrived in displacement camps", "living in
    tents" (displaced)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "into", "to", "at", "behind", "inside"):
            continue
        for place in prep.children:
            if place.dep_ != "pobj":
                continue
            lemma = place.lemma_.lower()
            if lemma in DETENTION_PLACES:
                return "detained"
            if lemma in SHELTER_PLACES and not any(
                    m.dep_ in ("compound", "amod") and m.lemma_.lower() in _NOT_SHELTER for m in place.children):
                return "displaced"
    return None


def _verb_kind(verb: Token, role: str, human: bool, armed: bool = False) -> str | None:
    """Kind a predicate gives its object/passive subject (role 'obj') or subject ('subj').

    `human`: the count is of people (or of an unnamed something); `armed`: of
    people under arms."""
    lemma = verb.lemma_.lower()
    if lemma in STATE_VERBS:  # "nine were reported killed", "eight were found dead"
        for child in verb.children:
            if child.dep_ in ("xcomp", "oprd", "acomp", "ccomp", "advmod") and child.lower_ in ADJ_KINDS:
                return ADJ_KINDS[child.lower_]
    if role == "obj":
        kind = _phrasal(verb) or TRANSITIVE_KINDS.get(lemma)
        if kind == "destroyed" and lemma == "burn" and human:
            kind = None  # "burned three people": no tally of things destroyed
        if kind is None and human and lemma in HOLD:
            return "detained"  # "1,000 people are held on political charges"
        if kind is None and human and not armed and lemma in CIVILIAN_MOVE:
            return "evacuated"  # "150 residents were moved to a nearby town"
        if kind is None and human:
            kind = _place_kind(verb)  # "were taken into custody", "were moved to camps"
            if kind == "displaced" and armed:
                kind = None
        if kind is None and lemma == "leave":  # "left 12 people dead"
            for child in verb.children:
                if child.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and child.lower_ in ADJ_KINDS:
                    return ADJ_KINDS[child.lower_]
        if kind is None and lemma in _TREATED:  # "treated for injuries", "taken to hospital"
            for child in verb.children:
                if child.dep_ == "prep" and any(g.lemma_.lower() in _INJURY_WORDS for g in child.children):
                    return "injured"
        if kind is None:  # "forced 5,000 people to flee"
            for child in verb.children:
                if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in INTRANSITIVE_KINDS:
                    return INTRANSITIVE_KINDS[child.lemma_.lower()]
        if kind is None and lemma in _FORCE_OUT and any(
                c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("from", "out") and any(
                    g.lemma_.lower() in HOME_NOUNS for g in c.subtree) for c in verb.children):
            return "displaced"  # "driven from their homes", "forced out of their villages"
        if kind == "captured" and human:
            return "detained"  # people seized are detained; posts and towns are captured
        return kind
    # subject of an intransitive or a copula: "30 died", "12 are missing", "forced to flee"
    if lemma in LIFE_TAKING and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children):
        return "killed"  # "five people lost their lives"
    if lemma in _LEAVE and any(c.dep_ == "dobj" and c.lemma_.lower() in HOME_NOUNS for c in verb.children):
        return "displaced"  # "thousands have left their homes / the country"
    kind = INTRANSITIVE_KINDS.get(lemma)
    if kind:
        return kind
    place = _place_kind(verb) if human else None
    if place == "detained" or place == "displaced" and not armed:
        return place  # "thousands remain in captivity", "12,000 arrived in camps"
    if verb.lower_ in ADJ_KINDS and any(c.dep_ == "aux" and c.lemma_ in ("be", "remain") for c in verb.children):
        return ADJ_KINDS[verb.lower_]  # "are missing" parsed as a verb
    for child in verb.children:
        if child.dep_ in ("acomp", "attr", "oprd") and child.lower_ in ADJ_KINDS:
            return ADJ_KINDS[child.lower_]
        if child.dep_ == "xcomp" and child.lemma_.lower() in INTRANSITIVE_KINDS:
            return INTRANSITIVE_KINDS[child.lemma_.lower()]
    return None


def _tally_kind(noun: Token) -> str | None:
    """Kind of a tally noun: "death toll", "toll" -> killed; "number of (the) injured" -> injured."""
    if noun.lemma_.lower() == "toll":
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
        return "injured" if mods & {"injury", "casualty"} and "death" not in mods else "killed"
    if noun.lemma_.lower() in TALLY_NOUNS:
        for c in noun.children:  # "the number of people detained", participle hung on "number"
            if c.dep_ in ("acl", "amod") and c.tag_ == "VBN" and c.lower_ in ADJ_KINDS:
                return ADJ_KINDS[c.lower_]
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    low = pobj.lower_
                    if low in ADJ_KINDS:
                        return ADJ_KINDS[low]
                    if pobj.lemma_.lower() in NOUN_KINDS:
                        return NOUN_KINDS[pobj.lemma_.lower()]
                    for c in pobj.children:  # "number of people killed"
                        if c.dep_ in ("acl", "amod") and c.lower_ in ADJ_KINDS:
                            return ADJ_KINDS[c.lower_]
    return None


def _toll(tok: Token) -> str | None:
    """The count is a tally: "the death toll rose to 57", "a toll of 57", "the
    number of dead rose to 45"."""
    cur = tok
    for _ in range(4):
        kind = _tally_kind(cur)
        if kind:
            return kind
        if cur.pos_ in ("VERB", "AUX"):
            for c in cur.children:
                if c.dep_ in ("nsubj", "dobj", "nsubjpass"):
                    kind = _tally_kind(c)
                    if kind:
                        return kind
            return None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _own_kind(tok: Token) -> str | None:
    """Kind stated on the counted token itself: "people killed", "scores more hurt"."""
    for child in tok.children:
        low, lemma = child.lower_, child.lemma_.lower()
        if child.dep_ in ("acl", "amod") and (low in ADJ_KINDS or lemma in TRANSITIVE_KINDS):
            if low in ADJ_KINDS:
                return ADJ_KINDS[low]
            if child.tag_ == "VBN":
                return TRANSITIVE_KINDS[lemma]
        if child.dep_ == "acl" and child.tag_ == "VBN" and lemma in HOLD and _is_human(tok):
            return "detained"  # "1,400 people held by both sides"
        if child.dep_ in ("acl", "relcl") and lemma in INTRANSITIVE_KINDS:
            return INTRANSITIVE_KINDS[lemma]  # "people sheltering in camps", "people who fled"
        if child.dep_ == "relcl" and lemma in TRANSITIVE_KINDS and any(
                c.dep_ == "nsubjpass" for c in child.children):
            return TRANSITIVE_KINDS[lemma]  # "people who were killed"
    return None


def _kind(q: Quantity, noun: Token | None, role_tok: Token, depth: int = 0) -> str | None:
    human = _is_human(noun) or noun is None
    armed = noun is not None and (noun.lemma_.lower() in ARMED_NOUNS or noun.lower_ in ARMED_NOUNS)
    if noun is not None and noun.lemma_.lower() in NOUN_KINDS:
        return NOUN_KINDS[noun.lemma_.lower()]
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in REMAINS_NOUNS:
        return "killed"  # "the bodies of 19 migrants were recovered"
    if noun is not None and noun.lemma_.lower() == "life" and noun.head.lemma_.lower() in LIFE_TAKING \
            and noun.dep_ in ("dobj", "nsubjpass"):
        return "killed"  # "claimed 17 lives", "12 lives were lost"
    if noun is not None and noun.lower_ in ADJ_KINDS and noun.i > 0 and noun.doc[noun.i - 1].lower_ == "the":
        return ADJ_KINDS[noun.lower_]  # "11 of the dead", "among the wounded"
    tok = role_tok
    for _ in range(6):  # climb coordinations: "three police officers and five civilians"
        kind = _own_kind(tok)
        if kind:
            return kind
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            tok = tok.head
            continue
        break
    dep, head = tok.dep_, tok.head
    if dep in ("dobj", "obj", "dative") and head.pos_ in ("VERB", "AUX"):
        kind = _verb_kind(head, "obj", human, armed)
        if kind:
            return kind
    if dep == "nsubjpass" and head.pos_ in ("VERB", "AUX"):
        # "homes were damaged or destroyed": a coordinated participle shares the subject
        for verb in (head, *(c for c in head.children if c.dep_ == "conj" and c.tag_ == "VBN"
                              and not any(g.dep_.startswith("nsubj") for g in c.children))):
            kind = _verb_kind(verb, "obj", human, armed)
            if kind:
                return kind
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX"):
        kind = _verb_kind(head, "subj", human, armed)
        if kind:
            return kind
        # "three miners were killed and 14 hurt": a reduced passive
        if head.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in head.children):
            kind = _verb_kind(head, "obj", human, armed)
            if kind:
                return kind
    if head.pos_ in ("VERB", "AUX") and dep in ("attr", "nsubj", "dobj"):
        for c in head.children:
            # "Among the dead were seven children"
            if c.dep_ == "prep" and c.lower_ == "among":
                dead = next((g for g in c.children if g.dep_ == "pobj"), None)
                if dead is not None and dead.lower_ in ADJ_KINDS:
                    return ADJ_KINDS[dead.lower_]
            # "The dead included four police officers"
            if dep == "dobj" and c.dep_ == "nsubj" and head.lemma_.lower() in _NESTING and c.lower_ in ADJ_KINDS:
                return ADJ_KINDS[c.lower_]
    if dep == "pobj" and (head.lower_ in _NESTING or head.lemma_.lower() in _NESTING) and depth < 3:
        return _nested_kind(head.head, depth)  # "..., among them at least five women"
    if dep == "appos" and head.pos_ in ("NOUN", "PROPN", "NUM") and depth < 3:
        return _nested_kind(head, depth)
    kind = _toll(tok)
    if kind:
        return kind
    if noun is not None and noun.i != tok.i:
        # "tens of thousands of displaced people": the predicate said nothing, the noun does
        for mod in noun.children:
            if mod.dep_ == "amod" and mod.lower_ in ADJ_KINDS:
                return ADJ_KINDS[mod.lower_]
    # a participle right after the number: "23 wounded", "50 dead" misparsed
    j = q.span.end
    doc = q.head.doc
    while j < len(doc) and doc[j].lower_ in ("more", "others", "other", "people", "persons"):
        j += 1
    if j < len(doc) and doc[j].lower_ in ADJ_KINDS and doc[j].pos_ in ("ADJ", "VERB"):
        return ADJ_KINDS[doc[j].lower_]
    return None


def _nested_kind(parent: Token, depth: int) -> str | None:
    """Kind of the count a nested count belongs to ("..., including eight children")."""
    if parent.pos_ in ("VERB", "AUX"):
        return (_phrasal(parent) or TRANSITIVE_KINDS.get(parent.lemma_.lower())
                or INTRANSITIVE_KINDS.get(parent.lemma_.lower()))
    if parent.lower_ in ADJ_KINDS:
        return ADJ_KINDS[parent.lower_]
    fake = _QuantityLike(parent)
    return _kind(fake, parent if parent.pos_ != "NUM" else None, parent, depth + 1)


class _QuantityLike:
    """Enough of a Quantity for `_kind` to inspect a parent count's token."""

    def __init__(self, tok: Token):
        self.head = tok
        self.span = tok.doc[tok.i: tok.i + 1]


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


def _tally_noun(tok: Token) -> Token | None:
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


def _countable(noun: Token | None) -> bool:
    """A noun whose number is a head count: people, or things counted one by one
    ("vessels", "protests", "wells"), not units of measure, time or money."""
    if noun is None or noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    if lemma in MEASURE_NOUNS or lemma in CURRENCY_NOUNS:
        return False
    return _is_human(noun) or noun.tag_ == "NNS" or lemma in GROUP_NOUNS


def _single_deaths(sent: Span, ctx: Context, counted: set[int]) -> list[tuple[Token, Token]]:
    """(person noun, predicate) for each single person the sentence says died or
    was killed: "a farmer had died", "a soldier was shot dead", "killed a civilian"."""
    out = []
    for noun in sent:
        if noun.i in counted or noun.tag_ != "NN" or not _is_human(noun):
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
        noun, role_tok = _counted_noun(q)
        doubtful = False
        if _not_a_count(q, noun):
            if not (_tagged_date_only(q) and not _not_a_count(q, noun, date_tag_ok=True)):
                continue
            doubtful = True  # a bare number tagged DATE: a count only if a casualty predicate says so
        currency = _currency(q, noun)
        kind = None if currency else _kind(q, noun, role_tok)
        if doubtful and kind in (None, "other"):
            continue
        if noun is None and kind is None and not currency:
            noun = _tally_noun(q.head)  # "the number of prisoners freed rose to 2,500"
        if q.head.lower_ == "one" and kind in (None, "other"):
            continue  # "one of the organisers": a person the story names, not a tally
        if kind is None:
            if currency:
                kind = "other"
            elif q.vague and (noun is None or _countable(noun)):
                kind = "other"  # "thousands marched", "dozens of vessels", "hundreds of attackers"
            elif (_countable(noun) or _strong(q)) and max(q.min or 0, q.max or 0) >= MIN_COUNT_OTHER:
                kind = "other"  # "about 2,300 troops", "more than 200 protests", "a 2,000-strong force"
            else:
                continue
        if noun is not None:
            counted.add(noun.i)
        subject = currency if currency else (_subject_text(noun, q) or _implied_subject(q))
        if subject is None and not currency:  # "the number of people detained rose to 1,400"
            tallied = _tally_noun(q.head)
            if tallied is not None and tallied.pos_ == "NOUN" and tallied.lower_ not in ADJ_KINDS:
                subject = tallied.text
        figures.append(Figure(kind=kind, min=q.min, max=q.max, approximate=q.approximate,
                              subject=subject, claimed_by=claimant(sent, ctx, q.head),
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
