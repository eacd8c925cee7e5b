"""Whose is a phrase? The clues its modifiers give ("Pakistani police", "Niger's army", "a
spokeswoman for the rebels", "who has ruled Belarus") about the state or body an actor belongs
to, and how two such clues combine."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.common.story import is_locative
from wirecoder.extract.actors.contract import Part
from wirecoder.extract.actors.records import Affiliation, DraftActor
from wirecoder.extract.common.settings import DESCRIPTION_WINDOW
from wirecoder.extract.common.syntax import prep_phrases
from wirecoder.extract.actors.syntax import entity_head, flat_term, join_words, possessor_of, same_token

# Verbs of a relative clause that say whom a person works for ("who heads the junta").
LEAD_VERBS = words("lead_verbs")


def merge_affiliations(a: Affiliation, b: Affiliation) -> Affiliation:
    """Combine two affiliation clues; an organisation code beats a state (a UN official in Geneva)."""
    if not (b.code or b.country or b.sector):
        return a
    if not (a.code or a.country or a.sector):
        return b
    out = Affiliation(a.code, a.country, a.sector or b.sector, a.explicit or b.explicit, a.place)
    if b.code and (not a.code or (b.country is None and a.country is not None and b.explicit)):
        out.code, out.country, out.place = b.code, b.country, b.place
    return out


def owner_affiliation(owner: DraftActor, explicit: bool = True) -> Affiliation:
    """What belonging to `owner` says: its code and country, and its sector unless it is a
    state -- a state says whose, not which branch ("envoy of Qatar" keeps its own sector)."""
    return Affiliation(owner.code, owner.country, None if owner.kind == "state" else owner.sector, explicit)


class Affiliations(Part):
    """Reading whose a phrase is from its modifiers, possessors, "of"/"from" phrases and
    relative clauses. Part of the actor resolver (see resolver.py). Public: `affiliation_of`,
    `through_possessor`, `modifier_affiliation`, `modifier_noun_aff`, `prep_affiliation`,
    `clause_affiliation`, `place_affiliation`, `word_country`. Uses the registry's builders,
    `named.armed` and `coref.latest`.
    """

    def affiliation_of(self, words: list[Token], i: int) -> Optional[tuple[Affiliation, int]]:
        """If words[i:] starts with a country/organisation/owner, its affiliation and length."""
        t = words[i]
        if t.dep_ == "poss":
            a = self._owner_affiliation(t)
            if a is not None:
                return a, 1
        code = self.kb.demonym(t.text)
        if code and (t.pos_ in ("ADJ", "PROPN") or t.ent_type_ == "NORP"):
            return Affiliation(code, code, None, True), 1
        led = self.kb.leader(t.text, surname_only=True) if t.pos_ == "PROPN" else None
        if led is not None:          # "the Bush administration", "the Kohl government"
            return Affiliation(led, led, "GOV", True), 1
        # The longest KB name starting here ("European Union", "U.S.").
        for n in range(min(6, len(words) - i), 0, -1):
            span = words[i:i + n]
            if any(s.i - span[0].i != k for k, s in enumerate(span)):
                continue
            entry = self.kb.lookup(join_words(span))
            if entry is None or entry.kind in ("ethnic",):
                continue
            if entry.kind == "organ" and not entry.code:
                # "Foreign Ministry spokesman": the organ gives the sector only.
                return Affiliation(None, None, entry.sector, False), n
            if entry.kind == "armed":
                group = self.resolver.named.armed(entry, span[-1])
                self.reg.mention(group, span[-1], span)
                return Affiliation(group.code, group.country, group.sector, True), n
            if entry.kind in ("state", "capital", "demonym", "org", "organ"):
                # A state says whose, not which branch; a seat or body also says which
                # ("Kremlin spokesman" GOV, "Pentagon official" MIL).
                sector = entry.sector if entry.kind in ("org", "organ", "capital") else None
                if entry.kind == "org" and not entry.country:
                    # "the AU commissioner": the organisation is mentioned too, and
                    # "the bloc" later may point back to it.
                    org = self.reg.org(entry, None)
                    self.reg.mention(org, span[-1], span)
                return Affiliation(entry.code, entry.country, sector, True), n
        return None

    def _owner_affiliation(self, poss: Token) -> Optional[Affiliation]:
        """Affiliation given by a possessor: "Chile's", "Merkel's", "the ministry's"."""
        owner = self.resolver.analyse(poss)
        if owner is None:
            return self.place_affiliation(poss)
        if not (owner.code or owner.country):
            return Affiliation(None, None, owner.sector if owner.kind != "person" else None, False)
        # A state's organ has its own sector; a person's aide works in the person's.
        return owner_affiliation(owner)

    def through_possessor(self, words: list[Token], i: int, head: Token, owner: Token,
                           aff: Affiliation) -> tuple[Affiliation, int]:
        """A possessor phrase is one unit ("WHO Director-General Margaret Chan's"): add what
        its owner says to `aff`, and skip its words; returns the new affiliation and index."""
        a = self._owner_affiliation(owner)
        if a is not None:
            aff = merge_affiliations(aff, a)
        while i < len(words) and same_token(possessor_of(words[i], head), owner):
            i += 1
        return aff, i

    def modifier_affiliation(self, words: list[Token], head: Token) -> Affiliation:
        """Whose a phrase is by the modifiers before its core ("Pakistani police", "Niger's army",
        "army spokesman"): possessors, states, organisations and lexicon nouns, merged."""
        aff = Affiliation()
        i = 0
        while i < len(words):
            owner = possessor_of(words[i], head)
            if owner is not None:
                aff, i = self.through_possessor(words, i, head, owner, aff)
                continue
            found = self.affiliation_of(words, i)
            if found is not None:
                aff = merge_affiliations(aff, found[0])
                i += found[1]
                continue
            m = self.modifier_noun_aff(words[i])
            if m is not None:
                if m.code or m.country:
                    aff = merge_affiliations(aff, m)
                elif m.sector and not aff.sector:
                    aff.sector = m.sector
            i += 1
        return aff

    def modifier_noun_aff(self, t: Token) -> Optional[Affiliation]:
        """What a lexicon noun used as a modifier says: its sector ("army spokesman" -> MIL), and,
        for a body named before ("the army", "the ministry"), whose body it is."""
        m = self.kb.noun(t.lemma_) or self.kb.noun(t.text)
        if m is None or not (t.pos_ in ("NOUN", "PROPN") or m.modifier_only):
            return None   # "local officials": an adjective is no sector clue
        if m.body and not m.weak or m.term in ("ministry",):
            prev = self.resolver.coref.latest(lambda a: a.kind in ("organ", "group", "org") and (
                m.term in {flat_term(x) for x in a.terms} or any(m.term in flat_term(x).split() for x in a.terms)),
                t, DESCRIPTION_WINDOW)
            if prev is not None and (prev.code or prev.country):
                return Affiliation(prev.code, prev.country, prev.sector or m.sector, True)
        return Affiliation(None, None, m.sector, False)

    def prep_affiliation(self, tok: Token) -> Affiliation:
        """ "the army of Niger", "troops from Russia", "officers of the republican guard",
        "delegations from Yemen's government" """
        info = self.kb.noun(tok.lemma_)
        for prep, pobj in prep_phrases(tok, ("of", "from")):
            e = self.kb.lookup(self.ent_of[pobj.i].text if pobj.i in self.ent_of else pobj.text)
            if e is not None and e.kind in ("state", "org", "capital") and e.code:
                return Affiliation(e.code, e.country, e.sector if e.kind == "org" else None, True)
            if e is not None and e.kind in ("state", "capital"):
                continue
            if info is not None and (info.weak or prep.lower_ == "from"):
                # "officers of the republican guard", "leaders of the opposition"
                owner = self.resolver.analyse(pobj)
                if owner is not None and owner.kind != "person" and (owner.code or owner.sector):
                    return owner_affiliation(owner, explicit=bool(owner.code or owner.country))
        return Affiliation()

    def clause_affiliation(self, head: Token) -> Affiliation:
        """Whom a person works for, from a relative clause: "who has ruled Belarus since 1994",
        "who coordinates the WFP operation" (not "who visited Moscow", not "who lives in Kyiv")."""
        for rel in head.children:
            if rel.dep_ != "relcl" or rel.lemma_.lower() not in LEAD_VERBS:
                continue
            for t in rel.subtree:
                if t.i == head.i or t.i < rel.i and t.dep_ in ("nsubj", "nsubjpass"):
                    continue
                ent = self.ent_of.get(t.i)
                if ent is not None and t.i != entity_head(ent).i:
                    continue
                e = self.kb.lookup(ent.text if ent is not None else t.text)
                if e is None or e.kind not in ("state", "capital", "org", "organ", "armed"):
                    continue
                if e.kind in ("state", "capital") and is_locative(t):
                    continue
                owner = self.resolver.analyse(t)
                if owner is not None and owner.code:
                    return owner_affiliation(owner)
        return Affiliation()

    def place_affiliation(self, tok: Token) -> Optional[Affiliation]:
        """A place as a clue of whose something is ("Baidoa's camps", "the mayor of Kharkiv")."""
        country = self.countries.place_country(tok)
        return Affiliation(country, country, None, True, place=True) if country else None

    def word_country(self, t: Token) -> Optional[str]:
        """The state one word of a name stands for ("Ecuadorian", "Ecuador"), if any."""
        code = self.kb.demonym(t.text) if t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper() else None
        if code:
            return code
        e = self.kb.lookup(t.text) if t.pos_ == "PROPN" else None
        return e.country if e is not None and e.kind == "state" else None
