"""The conditions column of the predicate lexicon, checked on one candidate.

A row holds only where its conditions do ("seize" with a person as object is
COERCE arrest, with posts ASSAULT). Condition keys are documented in the header
of wirecoder/data/predicates.tsv; items are words or @classes of the table,
plus the built-in classes @actor, @person and @money.
"""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.context import Context
from wirecoder.extract.events.actors import actor_at
from wirecoder.extract.common.syntax import child, has_to_infinitive, is_passive
from wirecoder.extract.events.args import descendants_within, hyphen_word, local_subtree, object_of
from wirecoder.extract.events.candidates import Candidate
from wirecoder.extract.events.lexicon import Lexicon
from wirecoder.models import Actor

_PERSON_PRONOUNS = words("person_objects")


class Matcher:
    """Condition items ("@person", "@money", a word) evaluated on tokens."""

    def __init__(self, lex: Lexicon, ctx: Context):
        self.lex, self.ctx = lex, ctx

    def word_in(self, items: tuple[str, ...], tok: Token | None) -> bool:
        if tok is None:
            return False
        lemma, lower = tok.lemma_.lower(), tok.lower_
        for item in items:
            name = item.lstrip("@")
            if name == "actor":
                if actor_at(self.ctx, tok) is not None:
                    return True
            elif name == "person":
                if tok.ent_type_ == "PERSON" or lower in _PERSON_PRONOUNS or \
                        self.lex.in_class("persons", lemma):
                    return True
            elif name == "money":
                if tok.ent_type_ == "MONEY" or any(t.ent_type_ == "MONEY" for t in tok.subtree) \
                        or self.lex.in_class("money", lemma):
                    return True
            elif name in self.lex.classes:
                if self.lex.in_class(name, lemma) or self.lex.in_class(name, lower):
                    return True
            elif lemma == name or lower == name:
                return True
        return False

    def np_has(self, items: tuple[str, ...], tok: Token | None) -> bool:
        """The phrase's head, or a noun inside it ("$8 million in emergency relief"),
        is one of the items."""
        if tok is None:
            return False
        if self.word_in(items, tok):
            return True
        for t in local_subtree(tok):
            if t != tok and t.pos_ in ("NOUN", "PROPN", "NUM", "SYM") and self.word_in(items, t):
                return True
        return False

    def class_words(self, items: tuple[str, ...]) -> set[str]:
        """Every word the items name, classes expanded (for hyphenated forms)."""
        words: set[str] = set()
        for item in items:
            name = item.lstrip("@")
            words |= set(self.lex.classes.get(name, {name}))
        return words


def clause_conditions_hold(cand: Candidate, m: Matcher, quoted: bool, claimant: Actor | None) -> bool:
    """The conditions on the trigger's own clause: voice, object, nearby words,
    complements, modifiers, and whether the clause is someone's words."""
    tok, conds = cand.trigger, cand.entry.conditions
    obj_tok = object_of(tok) if cand.kind == "verb" else None
    if "nopassive" in conds and cand.kind == "verb" and is_passive(tok):
        return False
    if "noobj" in conds and child(tok, "dobj") is not None:
        return False
    if "obj" in conds:
        target_np = obj_tok
        if cand.kind == "verb" and target_np is None and tok.dep_ == "conj":
            target_np = object_of(tok.head) if tok.head.pos_ == "VERB" else None
        if not m.np_has(conds["obj"], target_np):
            return False
    if "has" in conds:
        near = descendants_within(tok, 2)
        if cand.kind == "noun":
            near += [w for c in tok.children if c.dep_ in ("acl", "relcl") for w in c.children]
        if not any(m.word_in(conds["has"], t) for t in near):
            return False
    if "xcomp" in conds:
        xs = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl") and has_to_infinitive(c)]
        if not xs or (conds["xcomp"] != ("any",) and not any(m.word_in(conds["xcomp"], x) for x in xs)):
            return False
    if "mod" in conds:
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
        mods += [t for t in tok.doc[max(tok.i - 3, 0): tok.i]]
        if not any(m.word_in(conds["mod"], w) or hyphen_word(w) in m.class_words(conds["mod"])
                   for w in mods) and child(tok, "poss") is None:
            return False
    if "dur" in conds:
        dur = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod") and m.word_in(("duration",), c)]
        clause = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "relcl", "acl") and has_to_infinitive(c)]
        clause += [c for d in dur for c in d.children if c.dep_ in ("acl", "relcl") and has_to_infinitive(c)]
        if not dur or not clause:
            return False
    if "np" in conds:
        # a noun's own phrase; for a verb, its object's ("20 million euros in humanitarian aid")
        phrase = local_subtree(tok) if cand.kind != "verb" else (local_subtree(obj_tok) if obj_tok is not None else [])
        if not any(m.word_in(conds["np"], t) for t in phrase):
            return False
    if "nopp" in conds and any(c.dep_ in ("prep", "prt") and c.lower_ in conds["nopp"] for c in tok.children):
        return False
    if "quoted" in conds and not quoted:
        return False
    if "reported" in conds and claimant is None:
        return False
    return True


def accidental_cause(lex: Lexicon, tok: Token | None) -> bool:
    """A cause no one wields: "a fire destroyed the market", "a gas explosion killed
    four", "floods destroyed homes". A weapon word beside it ("artillery fire") or an
    actor owning it makes it an attack again."""
    if tok is None:
        return False
    lemma = tok.lemma_.lower()
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    if any(lex.in_class("weapon", m.lemma_.lower()) or m.ent_type_ in ("NORP", "GPE", "ORG") for m in mods):
        return False
    if lex.in_class("accident", lemma) or lex.in_class("accident", tok.lower_):
        return True
    return lemma in ("explosion", "blast", "fire") and any(lex.in_class("accidentmod", m.lemma_.lower()) for m in mods)


def argument_conditions_hold(conds: dict, lex: Lexicon, src_tok: Token | None, source: Actor | None,
                             target: Actor | None) -> bool:
    """The conditions on the arguments found: a known target or source, the source's sector."""
    if "tgtactor" in conds and target is None:
        return False
    if "srcactor" in conds and source is None:
        if not (src_tok is not None and lex.in_class("weapon", src_tok.lemma_.lower())) \
                or accidental_cause(lex, src_tok):
            return False
    if "src" in conds:
        ok_sectors = set(conds["src"])
        crowd = "crowd" in ok_sectors and src_tok is not None and (
            lex.in_class("crowd", src_tok.lemma_.lower())
            or any(lex.in_class("crowd", t.lemma_.lower()) for t in src_tok.subtree))
        if not crowd and (source is None or source.sector not in ok_sectors):
            return False
    return True
