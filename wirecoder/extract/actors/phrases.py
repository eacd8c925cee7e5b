"""Noun phrases that are not a person's name: which actor "Pakistani police", "the ministry",
"UN officials", "the country" or "Armenians" denotes.

Common nouns of the title/noun lexicon get a sector, with the country taken from an explicit
modifier ("Pakistani police", "Niger's army", "French and German troops" -> the first), else
from a place where the sentence happens ("clashes in Quito", not "pushed into Poland"), else
from the article's dominant country. Ministries, officials and delegations skip the sentence's
place: they meet abroad.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import ordered, words
from wirecoder.data.actors import NounInfo
from wirecoder.extract.actors.affiliation import merge_affiliations
from wirecoder.extract.common.story import is_locative
from wirecoder.extract.common.settings import DESCRIPTION_WINDOW
from wirecoder.extract.actors.contract import Part
from wirecoder.extract.actors.records import ARMED_NOUNS, LOCAL_SECTORS, OFFICIAL_SECTORS, Affiliation, DraftActor
from wirecoder.extract.common.syntax import is_definite, is_plural
from wirecoder.extract.actors.syntax import (
    ORG_WORDS, entity_head, flat_term, hyphen_tail, is_agent, join_words,
    left_modifiers, phrase_text, possessor_of,
)

# Nouns that stand for a state named before: "the country", "the kingdom".
COUNTRY_NOUNS = words("country_nouns")
# Modifiers that say a group is not of one country: "world leaders", "foreign diplomats".
NON_LOCAL_MODIFIERS = words("non_local_modifiers")
# Owners whose sector beats a government-like head noun: a rebel group's delegation is REB.
OWNER_SECTORS = {"REB", "OPP", "PTY", "IGO", "NGO"}
# Entity labels a KB name may carry (the tagger's label is often wrong among these).
_NAME_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC")
# Head nouns that name a group, plural even in the singular form ("the police were").
_GROUP_TERMS = ordered("group_terms")


class NounPhrases(Part):
    """Noun phrases -> actors: the driver `nominal` and the lexicon (title/noun) builder
    `_generic`. Part of the actor resolver (see resolver.py). Public: `nominal`, `noun_info`,
    `role_words`.
    """

    def nominal(self, tok: Token) -> Optional[DraftActor]:
        """The actor of a noun phrase that is no person's name: a KB name, a lexicon noun, a
        demonym, an organisation the KB does not know, or a description pointing back."""
        mods = left_modifiers(tok)
        span_toks = mods + [tok]
        words = [t for t in span_toks if t.dep_ not in ("det", "predet", "case", "punct", "nummod", "quantmod")
                 and t.tag_ != "POS" and not (t.is_punct and t.text != "-") and t.lower_ not in ("'s",)]
        # A name the KB knows: the tagged entity ending at the head, else the longest
        # run of words ending at the head, else a tagged entity that runs past the head.
        entry, n_entry = None, 0
        ent = self.ent_of.get(tok.i)
        ent_entry = self.kb.lookup(ent.text) if ent is not None and ent.label_ in _NAME_LABELS else None
        whole_entity = ent_entry is not None and entity_head(ent).i == tok.i
        if not whole_entity:
            for k in range(len(words)):
                e = self.kb.lookup(join_words(words[k:]))
                if e is not None:
                    entry, n_entry = e, len(words) - k
                    break
            whole_entity = entry is None and ent_entry is not None
        if whole_entity:
            # The whole entity is the name, also the words after its head
            # ("Economic Community of West African States"): none of them is
            # an actor of its own ("States").
            ent_toks = [t for t in ent if t.tag_ != "POS"]
            span_toks = [t for t in span_toks if t.i < ent.start] + ent_toks
            words = [t for t in words if t.i < ent.start] + ent_toks
            entry, n_entry = ent_entry, len(ent_toks)
        if entry is not None and entry.kind in ("state", "capital") and (is_locative(tok)
                                                                      or self.ctx.story.in_dateline(tok)):
            return None   # a place here, not a participant
        if entry is not None and entry.kind == "demonym" and tok.pos_ == "ADJ":
            return None   # an adjective heads no phrase of its own; handled via its head
        info, n_info = (None, 0) if entry is not None else self.noun_info(tok)
        # Modifiers outside the name or the lexicon term say whose it is ("Pakistani police").
        n_core = n_entry if entry is not None else max(n_info, 1)
        aff = self.resolver.affiliations.modifier_affiliation(words[: max(len(words) - n_core, 0)], tok)
        aff = merge_affiliations(aff, self.resolver.affiliations.prep_affiliation(tok))
        if entry is not None:
            return self.resolver.named.known(tok, entry, span_toks, words, aff, n_entry=n_entry)
        if info is not None and info.body and info.sector == "CVL" and tok.pos_ == "PROPN" and tok.is_title:
            # A union or federation with a proper name ("the Kivu Nurses' Union") is a body of its
            # own, not "the union" of the lexicon: each named one is a separate actor.
            name = ent if ent is not None and ent.label_ == "ORG" and entity_head(ent).i == tok.i \
                else (self.resolver.named.proper_phrase(tok) if ent is None else None)
            if name is not None:
                return self.resolver.named.unknown_org(tok, name, aff)
        if info is not None and not info.modifier_only:
            actor = self._generic(tok, info, n_info, span_toks, words, aff)
            if actor is not None:
                self.resolver.named.coordinated_owners(words, actor)
            return actor
        # A demonym used as a noun: "Armenians", "the French".
        code = self.kb.demonym(tok.text)
        if code and tok.pos_ in ("PROPN", "NOUN") or (code and tok.ent_type_ == "NORP" and tok.dep_ != "amod"):
            return self.resolver.named.nationals(tok, code, span_toks, words)
        # An organisation the KB does not know ("Nigelec", "the National Electoral Body").
        if ent is not None and ent.label_ == "ORG" and tok.i == entity_head(ent).i \
                and self.resolver.named.plausible_org(ent):
            return self.resolver.named.unknown_org(tok, ent, aff)
        # A capitalised name the tagger did not mark, headed by an organisation word or led by
        # a nationality: "the Workers' Front", "the Ecuadorian Episcopal Conference".
        if ent is None and tok.pos_ == "PROPN" and tok.is_title:
            name = self.resolver.named.proper_phrase(tok)
            if name is not None and (tok.lower_ in ORG_WORDS or self.kb.demonym(name[0].text)):
                return self.resolver.named.unknown_org(tok, name, aff)
        # "the bloc", "the alliance", "the world body": an organisation named before.
        org_nouns = self.kb.all_org_nouns() | ARMED_NOUNS
        if is_definite(tok) and not any(w.pos_ == "PROPN" for w in words[:-1]) and (
                tok.lemma_.lower() in org_nouns or join_words(words[-2:]).lower() in org_nouns):
            prev = self.resolver.coref.antecedent_for_description(tok, join_words(words[-2:]).lower())
            if prev is not None and (prev.kind in ("org", "organ") or prev.armed):
                return self.reg.mention(prev, tok, span_toks)
        # "the country" / "its country": the latest state named.
        noun = tok.lemma_.lower()
        if noun in COUNTRY_NOUNS and is_definite(tok) and not is_plural(tok):
            # "the kingdom" is the latest state whose own name says kingdom; failing a
            # state named as such, the country of the latest actor that fits
            # ("his Saudi counterpart ... the kingdom's foreign ministry").
            fits = lambda code: bool(code) and (noun in ("country", "nation") or noun in self.kb.state_words(code))
            state = self.resolver.coref.latest(lambda a: a.kind == "state" and fits(a.code), tok, DESCRIPTION_WINDOW)
            if state is None and noun not in ("country", "nation"):
                other = self.resolver.coref.latest(lambda a: fits(a.country), tok, DESCRIPTION_WINDOW)
                state = self.reg.state(other.country, None) if other is not None else None
            if state is not None:
                return self.reg.mention(state, tok, span_toks)
        return None

    def _generic(self, tok: Token, info: NounInfo, n_info: int, span_toks, words,
                 aff: Affiliation) -> Optional[DraftActor]:
        """The actor of a lexicon noun ("police", "a spokesman", "the junta"): sector from the
        lexicon and modifiers, country from `aff` or the context; a definite description
        points back to an actor named with the same noun."""
        term = info.term
        tail = hyphen_tail(tok)
        if tail is not None and "-" in term:   # "the secretary-general": the phrase ends after the hyphen
            span_toks = list(span_toks) + [tok.doc[tok.i + 1], tail]
        elif tok.pos_ == "PROPN" and tok.is_title:
            # A capitalised body's name goes on past "on/of/for": "National Commission on Human Rights".
            end = self.resolver.named.name_tail_end(tok)
            span_toks = list(span_toks) + list(tok.doc[tok.i + 1: end])
        if info.explicit_only and (not aff.explicit or aff.place):
            # "both sides", "shot in the head", "Baidoa's displacement camps": no one, unless
            # the same word named an actor just before ("the Armenian side ... the side").
            prev = self.resolver.coref.antecedent_for_description(tok, term) \
                if is_definite(tok) and not info.person else None   # not "the head" again
            return self.reg.mention(prev, tok, span_toks) if prev is not None else None
        if info.role and is_plural(tok) and not aff.explicit and any(
                c.lower_ in ("two", "both", "three", "four") for c in tok.lefts):
            return None   # "the two ministers": several actors named before, not one group
        if info.person and tok.dep_ in ("attr", "oprd", "acomp") and not is_plural(tok):
            return None   # a predicate ("she is a doctor", "declared himself president") names no one new
        if term in ("party",) and is_plural(tok) and not words[:-1]:
            return None   # "the parties to the dispute" are not political parties
        # A weak head ("leader", "spokesman", "group") takes its modifiers' sector:
        # "opposition leader" OPP, "army spokesman" MIL, "Security Council chairman" IGO.
        sector = info.sector
        if (info.weak or sector is None) and aff.sector:
            sector = aff.sector
        elif sector == "GOV" and aff.explicit and aff.sector in OWNER_SECTORS:
            sector = aff.sector   # "the Houthi delegation" REB, "UN officials" IGO
        # A person described only by a title or trade ("a spokesman", "the doctor").
        plural = is_plural(tok) or term in _GROUP_TERMS
        # A definite description points back: "the ministry", "the bloc", "the junta".
        if is_definite(tok) and not aff.explicit:
            prev = self.resolver.coref.antecedent_for_description(tok, term)
            if prev is not None:
                return self.reg.mention(prev, tok, span_toks)
        code, country = aff.code, aff.country
        if not aff.explicit:
            code = country = None
            # "regional leaders" are of several states; "a regional governor" is of a province.
            non_local = any(w.lower_ in NON_LOCAL_MODIFIERS and (w.lower_ != "regional" or is_plural(tok))
                            for w in words[:-1])
            if info.country:   # "Secretary of State" (USA), "the secretary-general" (UN)
                code = info.country
                country = None if self.kb.is_org_code(code) else code
            elif non_local:
                pass
            elif info.asset and not is_agent(tok):
                pass   # "shot down 30 drones": the other side's, which the text does not name
            elif sector in LOCAL_SECTORS or sector is None and info.person:
                code = country = self.countries.context_country(tok, sentence=sector not in OFFICIAL_SECTORS)
        elif self.kb.is_org_code(code):
            country = None
        role = None
        if info.role and info.person and not plural:
            role_words = words[len(words) - n_info:] if not info.weak else words
            role = role_text(join_words(self.role_words(role_words)), info)
            if tail is not None and "-" in term:
                role = info.role
        if info.person and not plural:
            key = ("group1", code, sector, term, tok.i)   # one unnamed person per mention
        else:
            key = ("group", code, sector, term)
        actor = self.reg.by_key.get(key)
        if actor is None:
            actor = self.reg.new(key, "group", phrase_text(span_toks))
            actor.code, actor.country, actor.sector, actor.role = code, country, sector, role
            actor.plural = plural
            actor.gender = info.gender
            if sector == "REB" and not (info.person and not plural):
                # "militants", "gunmen": later "the group" and "it" may stand for them.
                actor.armed = True
                actor.terms.update(ARMED_NOUNS)
        actor.terms.add(term)
        actor.terms.add(tok.lemma_.lower())
        actor.offer_name(phrase_text(span_toks), 1)
        return self.reg.mention(actor, tok, span_toks)

    def noun_info(self, tok: Token) -> tuple[Optional[NounInfo], int]:
        """The lexicon row for the head noun with as many preceding modifiers as match ("riot police")."""
        mods = [t for t in left_modifiers(tok) if t.dep_ in ("compound", "amod", "nmod")]
        heads = [tok.lemma_.lower(), tok.lower_]
        hyphenated = hyphen_tail(tok)
        if hyphenated is not None:   # "secretary-general", split by the tokenizer into three
            heads = [f"{tok.lower_}-{hyphenated.lower_}"] + heads
        # Titles with an "of" complement: "head of state", "chief of staff".
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == tok.i + 1:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.i == prep.i + 1:
                        heads = [f"{h} of {pobj.lower_}" for h in heads] + heads
        for k in range(len(mods), -1, -1):
            prefix = mods[len(mods) - k:] if k else []
            if prefix and any(p.i - prefix[0].i != n for n, p in enumerate(prefix)):
                continue
            for h in heads:
                term = (join_words(prefix) + " " + h).strip() if prefix else h
                info = self.kb.noun(term)
                if info is not None:
                    return info, k + 1
        return None, 0

    def role_words(self, words: list[Token]) -> list[Token]:
        """A title without the words that say whose it is or how old they are:
        "former Ghanaian minister" -> "former minister", "45-year-old fisherman" -> "fisherman"."""
        out = []
        for t in words:
            if t.like_num or t.lower_ in ("year", "old", "aged", "-") or t.dep_ == "poss" or t.tag_ == "POS":
                continue
            if self.kb.demonym(t.text) or (t.pos_ == "PROPN" and self.kb.lookup(t.text) is not None):
                continue
            if possessor_of(t, words[-1]) is not None:
                continue
            out.append(t)
        return out or words[-1:]



def role_text(text: str, info: NounInfo) -> str:
    """The title as the article writes it, capitalised like the lexicon's for bare titles;
    an "of" complement the phrase's words lack is added back ("former head" -> "former head of state")."""
    if flat_term(text) == flat_term(info.term) and info.role:
        return info.role
    if " of " in info.term and " of " not in text:
        return text + info.term[info.term.index(" of "):]
    return text
