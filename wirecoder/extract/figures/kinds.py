"""What a count counts: the kind of figure (killed, injured, displaced, detained, ...) the
predicate over the counted noun states ("were killed", "killed four soldiers", "people
sheltering in camps", "23 wounded", "the death toll rose to 57"), nested counts included."""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.numbers import Quantity
from wirecoder.extract.figures.counts import TALLY_NOUNS, clause_of_misread_range, is_human

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
# Leaving or being driven from these is displacement.
HOME_NOUNS = words("home_nouns")
_LEAVE = words("leave_verbs")
_FORCE_OUT = words("force_out_verbs")
# People under arms: moved, they are deployed rather than evacuated.
ARMED_NOUNS = words("armed_person_nouns")
# The dead counted by their remains: "the bodies of 19 migrants".
REMAINS_NOUNS = words("remains_nouns")


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
        if kind == "captured" and human and not armed:
            # people seized are detained; soldiers taken in battle, posts and towns are captured
            return "detained"
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
        if child.dep_ == "acl" and child.tag_ == "VBN" and lemma in HOLD and is_human(tok):
            return "detained"  # "1,400 people held by both sides"
        if child.dep_ in ("acl", "relcl") and lemma in INTRANSITIVE_KINDS:
            return INTRANSITIVE_KINDS[lemma]  # "people sheltering in camps", "people who fled"
        if child.dep_ == "relcl" and lemma in TRANSITIVE_KINDS and any(
                c.dep_ == "nsubjpass" for c in child.children):
            return TRANSITIVE_KINDS[lemma]  # "people who were killed"
    return None


def figure_kind(q: Quantity, noun: Token | None, role_tok: Token, depth: int = 0) -> str | None:
    human = is_human(noun) or noun is None
    armed = noun is not None and (noun.lemma_.lower() in ARMED_NOUNS or noun.lower_ in ARMED_NOUNS)
    if noun is not None and noun.lemma_.lower() in NOUN_KINDS:
        return NOUN_KINDS[noun.lemma_.lower()]
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in REMAINS_NOUNS:
        return "killed"  # "the bodies of 19 migrants were recovered"
    if noun is not None and noun.lemma_.lower() == "life" and noun.head.lemma_.lower() in LIFE_TAKING \
            and noun.dep_ in ("dobj", "nsubjpass"):
        return "killed"  # "claimed 17 lives", "12 lives were lost"
    if noun is not None and noun.lower_ in ADJ_KINDS and noun.i > 0 and noun.doc[noun.i - 1].lower_ in ("the", "of"):
        return ADJ_KINDS[noun.lower_]  # "11 of the dead", "among the wounded", "dozens of wounded"
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
    clause = clause_of_misread_range(tok)
    if clause is not None:  # "said between 200 and 300 schools had been destroyed"
        passive = any(c.dep_ == "auxpass" for c in clause.children)
        kind = _verb_kind(clause, "obj" if passive else "subj", human, armed)
        if kind:
            return kind
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
    return figure_kind(fake, parent if parent.pos_ != "NUM" else None, parent, depth + 1)


class _QuantityLike:
    """Enough of a Quantity for `figure_kind` to inspect a parent count's token."""

    def __init__(self, tok: Token):
        self.head = tok
        self.span = tok.doc[tok.i: tok.i + 1]
