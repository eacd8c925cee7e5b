"""People in an article: names, their titles and whom they work for.

A person introduced with a title keeps country, sector and role when later named by surname or
pronoun. A titled official with no state in their introduction (title, apposition, "who has
ruled Belarus") takes the dateline's country, else the story's country when the story is
clearly about one, else none: a wrong state is worse than none. Mayors and governors are of the
place the story is in.
"""
from __future__ import annotations

import re
from typing import Iterable, NamedTuple, Optional

from spacy.tokens import Token

from wirecoder.extract.common.vocabulary import ordered, words
from wirecoder.extract.actors.affiliation import merge_affiliations, owner_affiliation
from wirecoder.extract.actors.phrases import role_text
from wirecoder.extract.actors.contract import Part
from wirecoder.extract.actors.records import LOCAL_SECTORS, OFFICIAL_SECTORS, Affiliation, DraftActor
from wirecoder.extract.common.syntax import prep_phrases
from wirecoder.extract.actors.syntax import (
    entity_head, flat_term, is_named_place, join_words, left_modifiers, possessor_of,
)

# Honorifics, and the gender they say (None: says none).
HONORIFICS = {**dict.fromkeys(ordered("honorifics_m"), "m"), **dict.fromkeys(ordered("honorifics_f"), "f"),
              **dict.fromkeys(ordered("honorifics"))}
# Lower-case particles inside a person's name ("Caroline van der Plas", "Mohammed bin Salman"):
# the tagger often ends the name before them, keeping only the last word.
NAME_PARTICLES = words("name_particles")
# Given names that say a gender ("Hillary Clinton ... she"); a title or pronoun says it first.
GIVEN_NAMES = {**dict.fromkeys(ordered("given_names_m"), "m"), **dict.fromkeys(ordered("given_names_f"), "f")}


class TitleReading(NamedTuple):
    """What a person's title says about them ("former Nigerian Foreign Minister", "a spokesman for
    the junta"): whose they are, their role and sector, a gender the title implies, a state the
    title itself names ("Secretary of State" USA), and whether it is a local office (mayor)."""
    affiliation: Affiliation
    role: Optional[str]
    sector: Optional[str]
    gender: Optional[str]
    country: Optional[str]
    local: bool


class People(Part):
    """People by name: telling a name from a title, reading the titles and appositions around it
    ("Peruvian Interior Minister Rosa Quispe", "X, a spokeswoman for the rebels"), and finding the
    same person again by surname. Part of the actor resolver (see resolver.py). Public:
    `is_person_name`, `adjacent_name`, `person`.
    """

    def is_person_name(self, tok: Token) -> bool:
        """Does this proper noun name a person (not a state, body, place or title)?"""
        if tok.pos_ != "PROPN":
            return False
        ent = self.ent_of.get(tok.i)
        if self._surname_like_place(tok):
            return True
        if ent is not None and self.kb.lookup(ent.text) is not None:
            return False
        if self.kb.lookup(tok.text) is not None or self.kb.demonym(tok.text):
            return False
        if ent is not None and ent.label_ == "PERSON" and is_named_place(tok) and (
                len(ent) == 1 or tok.head.lower_ == "of"):
            return False   # "near the town of Jowhar": a place the tagger took for a name
        if ent is not None and ent.label_ == "PERSON":
            return True
        if ent is not None and ent.label_ not in ("ORG", "GPE", "NORP", "PERSON") and ent.label_:
            return False
        # A surname we already know, whatever the tagger made of it.
        if self._known_person(tok.text) is not None:
            return True
        if self.kb.noun(tok.lemma_) is not None or self.kb.noun(tok.text) is not None:
            return False
        # A proper name right after a personal title or honorific ("Governor Maria Ortiz",
        # "Mr Tinubu"), even when the tagger called it an organisation.
        pre = left_modifiers(tok)
        for t in reversed(pre):
            if t.lower_ in HONORIFICS:
                return True
            info = self.kb.noun(t.lemma_) or self.kb.noun(t.text)
            if info is not None and info.person and t.i < tok.i and (ent is None or t.i < ent.start):
                return True
        return False

    def _surname_like_place(self, tok: Token) -> bool:
        """'Mark Cuban', 'Chuck Jordan': a surname that is also a demonym or a state's name, read
        as one when a given name stands right before it in the same name (a capitalised proper
        noun that is no state, demonym, title or honorific) and the pair is no KB name of its own
        ('Costa Rican', 'New Jersey'). A state's name needs more: the tagger's PERSON over both
        words, or a given name the vocabulary knows."""
        if tok.i == 0 or not tok.is_title or tok.text.endswith("s"):
            return False
        demonym = self.kb.demonym(tok.text) is not None
        entry = self.kb.lookup(tok.text)
        if not demonym and (entry is None or entry.kind != "state"):
            return False
        given = self.doc[tok.i - 1]
        if not (given.pos_ == "PROPN" and given.is_title and given.dep_ == "compound" and given.head.i == tok.i):
            return False
        if given.i > 0 and self.doc[given.i - 1].pos_ == "PROPN" and not self.doc[given.i - 1].is_sent_start \
                and self.doc[given.i - 1].lower_ not in HONORIFICS and self.kb.noun(self.doc[given.i - 1].text) is None:
            return False  # a longer run of names ('the New York Cuban Society') is no person's name
        given_ent = self.ent_of.get(given.i)
        if given_ent is not None and given_ent.label_ not in ("PERSON", "NORP"):
            return False
        if given.lower_ in HONORIFICS or self.kb.noun(given.text) is not None \
                or self.kb.lookup(given.text) is not None or self.kb.demonym(given.text):
            return False
        if self.kb.lookup(f"{given.text} {tok.text}") is not None:
            return False
        if demonym:
            return True
        ent = self.ent_of.get(tok.i)
        both_person = ent is not None and ent.label_ == "PERSON" and ent.start <= given.i
        return both_person or given.lower_ in GIVEN_NAMES

    def adjacent_name(self, title: Token) -> Optional[Token]:
        """ "<title phrase>, <Name>": the name right after a title and a comma, whatever the parse."""
        doc = self.doc
        nxt = title.i + 1
        if nxt + 1 >= len(doc) or doc[nxt].text != "," or self.kb.noun(title.lemma_) is None:
            return None
        ent = self.ent_of.get(nxt + 1)
        if ent is None or ent.label_ != "PERSON" or ent.start != nxt + 1:
            return None
        last = entity_head(ent)
        after = last.i + 1
        if after < len(doc) and doc[after].pos_ in ("NOUN", "PROPN") and doc[after].dep_ != "appos":
            return None
        return last

    def _known_person(self, surname: str) -> Optional[DraftActor]:
        """The person already named with this surname (or first-written family name), if any."""
        key = re.sub(r"['\u2019]s?$", "", surname.lower())
        for a in reversed(self.reg.actors):
            if a.kind == "person" and (key in a.surnames or a.name.lower() == key):
                return a
        # Names written family name first ("Xi Jinping" ... "Xi said").
        for a in reversed(self.reg.actors):
            if a.kind == "person" and key in a.name_parts:
                return a
        return None

    def _name_tokens(self, head: Token) -> list[Token]:
        """The tokens of the person's name: the PERSON entity ending at head, titles stripped."""
        ent = self.ent_of.get(head.i)
        if ent is not None and ent.label_ == "PERSON":
            toks = [t for t in ent if not (t.is_punct and t.text != "-") and t.tag_ != "POS"]
        else:
            toks = [head]
            left = head.i - 1
            while left >= 0 and self.doc[left].dep_ == "compound" and self.doc[left].head == head \
                    and self.doc[left].pos_ == "PROPN" and self.doc[left].is_title:
                toks.insert(0, self.doc[left])
                left -= 1
        toks = self._with_particles(toks)
        # Titles the tagger swallowed into the name ("President Mbeki").
        while len(toks) > 1 and (self.kb.noun(toks[0].text) is not None or toks[0].lower_ in HONORIFICS
                                 or self.kb.demonym(toks[0].text)):
            toks = toks[1:]
        return toks

    def _with_particles(self, toks: list[Token]) -> list[Token]:
        """The name with the particles before its last word and the given names before them:
        "Plas" in "Caroline van der Plas" is the whole name, "Van der Plas" its surname form."""
        doc = self.doc
        k = toks[0].i - 1
        particles = []
        while k >= 0 and doc[k].lower_ in NAME_PARTICLES and (doc[k].is_lower or k == doc[k].sent.start
                                                             or not particles and doc[k].is_title):
            particles.insert(0, doc[k])
            k -= 1
        if not particles:
            return toks
        given = []
        while k >= 0 and doc[k].is_title and doc[k].pos_ == "PROPN" and not doc[k].is_sent_start \
                and self.kb.noun(doc[k].text) is None and doc[k].lower_ not in HONORIFICS \
                and self.kb.lookup(doc[k].text) is None and not self.kb.demonym(doc[k].text):
            given.insert(0, doc[k])
            k -= 1
        if not given and not particles[0].is_title:
            return toks   # "a man de Souza": no capitalised start, not a name particle run
        return given + particles + toks

    def person(self, head: Token, extra_titles: Iterable[Token] = ()) -> DraftActor:
        """The person a name headed by `head` denotes, with country, sector and role from their
        titles, appositions and relative clause; an earlier mention of them is reused."""
        names = self._name_tokens(head)
        name = join_words(names)
        gender = None
        # Titles: everything left of the name inside the phrase (`pre`), and title nouns
        # around it (`title_heads`).
        title_heads = self._title_heads(head, extra_titles)
        pre = [t for t in left_modifiers(head) if t.i < names[0].i]
        for t in pre:
            if t.lower_ in HONORIFICS:
                gender = HONORIFICS[t.lower_] or gender
        aff, role, sector, info_gender, title_country, local = self._title(pre, head)
        # "Mr. Smith of the IMF", "Jane Doe from the World Food Programme"
        for _, pobj in prep_phrases(head, ("of", "from", "at")):
            owner = self.resolver.analyse(pobj)
            if owner is not None and owner.kind in ("org", "organ", "state") and owner.code:
                aff = merge_affiliations(aff, owner_affiliation(owner))
        all_roles = [role] if role else []
        for th in title_heads:
            th_aff, th_role, th_sector, th_gender, th_country, th_local = self._title_np(th)
            local = local or (th_local and not role)
            aff = merge_affiliations(aff, th_aff)
            all_roles += [th_role] if th_role else []
            role = role or th_role
            sector = sector or th_sector
            info_gender = info_gender or th_gender
            title_country = title_country or th_country
        gender = gender or info_gender
        if gender is None and len(names) > 1:
            gender = GIVEN_NAMES.get(names[0].lower_)

        actor = self._person_actor(names)
        actor.offer_name(name, 3 + len(names))
        actor.gender = actor.gender or gender
        if role and not actor.role:
            actor.role = role
        for r in all_roles:   # so that "the minister", "the spokeswoman" can point back to this person
            actor.terms.update({r.lower(), r.lower().split()[-1]})
        if sector and not actor.sector:
            actor.sector = sector
        if not (aff.code or aff.country) and actor.code is None:
            # "President X, who has ruled Belarus since 1994", "Y, who coordinates the WFP operation"
            aff = merge_affiliations(aff, self.resolver.affiliations.clause_affiliation(head))
        led = None if aff.explicit or actor.code else self._leader_country(names)
        if led is not None:
            # "President Bush", "ousted president Aristide": a leader the tables know is of
            # the state they led, not of a state named near them
            aff = Affiliation(led, led, aff.sector or "GOV", True)
        if aff.code or aff.country:
            if not actor.code or aff.explicit:
                actor.code, actor.country = aff.code, aff.country
                if aff.sector and not actor.sector:
                    actor.sector = aff.sector
            if self.kb.is_org_code(aff.code) and aff.sector in ("IGO", "NGO") and actor.sector == "GOV":
                actor.sector = aff.sector   # a UN envoy, an ECOWAS commissioner: the body's sector
        elif actor.code is None and (role or sector):
            found = self._ownerless_country(head, role, sector, title_country, local)
            if found is not None:
                actor.code, actor.country = found
        if actor.sector is None and aff.sector:
            actor.sector = aff.sector
        # The mention: the whole phrase, titles included (not a dash before it: "(Reuters) - President X").
        while pre and (pre[0].is_punct or pre[0].dep_ == "det"):
            pre = pre[1:]
        start = min([t.idx for t in pre] + [names[0].idx])
        end = head.idx + len(head)
        actor.add_mention(start, end)
        self.reg.note(head, actor)
        for t in pre + names:
            self.reg.tok_actor.setdefault(t.i, actor)
            self.reg.done.add(t.i)
        for th in title_heads:
            self.reg.map_np(th, actor)
        if actor.affiliate is None:
            actor.affiliate = self._affiliate(actor, pre, title_heads)
        return actor

    def _leader_country(self, names: list[Token]) -> str | None:
        """The state a head of state or government the tables list led: by the full name,
        or by a surname written alone ("President Bush", "Putin said")."""
        return (self.kb.leader(join_words(names))
                or (self.kb.leader(names[-1].text, surname_only=True) if len(names) == 1 else None))

    def _title_heads(self, head: Token, extra_titles: Iterable[Token]) -> list[Token]:
        """Title nouns around a name: appositions ("X, a spokeswoman for the rebels"), the group in
        "X, one of the organisers", and a title the name is in apposition to."""
        title_heads = list(extra_titles)
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and not self.is_person_name(child):
                info = self.resolver.phrases.noun_info(child)[0]
                if info is not None:
                    title_heads.append(child)
            elif child.dep_ == "appos" and (child.lower_ in ("one", "member", "head") or child.pos_ == "NUM"):
                # "Tomas Varga, one of the strike's leaders"
                for _, pobj in prep_phrases(child, ("of",)):
                    if self.resolver.phrases.noun_info(pobj)[0] is not None:
                        title_heads.append(pobj)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head not in title_heads:
            info = self.resolver.phrases.noun_info(head.head)[0]
            if info is not None and info.person:
                title_heads.append(head.head)
        return title_heads

    def _person_actor(self, names: list[Token]) -> DraftActor:
        """The person these name tokens denote: one named before by the same name or surname
        (not one with the same surname and another first name), else a new one."""
        name = join_words(names)
        surname = names[-1].text
        # A surname with particles ("van der Plas") is the surname, not a first name plus one.
        lead = next((k for k, t in enumerate(names) if t.lower_ in NAME_PARTICLES), None)
        full_surname = join_words(names[lead:]) if lead is not None else surname
        existing = self.reg.by_key.get(("person", name.lower())) or self._known_person(surname)
        if existing is not None and len(names) > 1 and len(existing.name.split()) > 1 \
                and flat_term(existing.name) != flat_term(name) \
                and not (lead is not None and full_surname.lower() in existing.surnames):
            existing = None   # same surname, another first name: another person (Ilham / Heydar Aliyev)
        if existing is not None:
            return existing
        actor = self.reg.new(("person", name.lower()), "person", name)
        actor.surnames.add(surname.lower())
        actor.surnames.add(full_surname.lower())
        actor.name_parts.update(t.lower_ for t in names[:-1] if len(t.text) > 1)
        return actor

    def _ownerless_country(self, head: Token, role: Optional[str], sector: Optional[str],
                           title_country: Optional[str], local: bool) -> Optional[tuple[Optional[str], Optional[str]]]:
        """(code, country) of a titled person whose introduction names no state or body, or
        None to leave them uncoded."""
        if title_country:   # "Secretary of State" (USA), "the secretary-general" (UN)
            return title_country, (None if self.kb.is_org_code(title_country) else title_country)
        if local:
            # A mayor or governor is of the place where the story happens.
            country = self.countries.context_country(head)
            return country, country
        if sector in OFFICIAL_SECTORS or sector == "MIL" and role:
            # A titled official with no state named in the introduction ("President X"):
            # wire copy leaves the officials of its dateline's country unqualified
            # ("WASHINGTON - President Joe Biden"); else the story's country when the
            # story is clearly about one; else unknown -- a wrong state is worse than none.
            country = (self.countries.np_place_country(head) or self.countries.dateline_country()
                       or self.countries.home_country())
            return country, country
        if sector in LOCAL_SECTORS or sector is None:
            country = self.countries.context_country(head)
            return country, country
        return None

    def _affiliate(self, person: DraftActor, pre: list[Token], title_heads: list[Token]) -> Optional[DraftActor]:
        """The body named in a person's title ("a spokesman for the army", "UN spokesperson"):
        a body before a state ("Russian Foreign Ministry spokeswoman" speaks for the ministry)."""
        toks = list(pre) + [t for th in title_heads for t in th.subtree]
        found = [self.reg.tok_actor[t.i] for t in toks if t.i in self.reg.tok_actor]
        found = [a for a in found if a is not person and a.kind != "person"
                 and (a.kind != "group" or self.resolver.coref.is_body(a))]
        bodies = [a for a in found if a.kind != "state"]
        return (bodies or found or [None])[0]

    def _title(self, pre: list[Token], head: Token) -> TitleReading:
        """What the tokens left of a name (or of a title noun) say about the person."""
        aff = Affiliation()
        role = sector = gender = title_country = None
        local = False
        if not pre:
            return TitleReading(aff, role, sector, gender, title_country, False)
        words = [t for t in pre if t.lower_ not in HONORIFICS and t.dep_ not in ("det", "punct", "case")
                 and t.tag_ != "POS" and not (t.is_punct and t.text != "-")]
        # Country, organisation and owner modifiers.
        title_words: list[Token] = []
        org_owner: Optional[DraftActor] = None
        # "his Saudi counterpart" belongs to the other side: "his" says nothing about whose.
        counterpart = any(w.lemma_.lower() == "counterpart" for w in words)
        i = 0
        while i < len(words):
            t = words[i]
            owner = possessor_of(t, head)
            if owner is not None and counterpart and owner.pos_ == "PRON":
                i += 1
                continue
            if owner is not None:
                aff, i = self.resolver.affiliations.through_possessor(words, i, head, owner, aff)
                continue
            found = self.resolver.affiliations.affiliation_of(words, i)
            if found is not None:
                a, n = found
                aff = merge_affiliations(aff, a)
                if not (a.code or a.country):
                    # An organ without its state ("army", "Foreign Ministry") is part of
                    # the title: "army spokesman", "Foreign Ministry spokeswoman".
                    title_words.extend(words[i:i + n])
                i += n
                continue
            org = self._ent_org(t) if t.dep_ in ("compound", "nmod", "amod", "poss") else None
            if org is not None:
                # A body the KB does not know, named before the title: "a CONAIE leader". Its
                # country counts only when its name says it ("House Speaker" says no state).
                if not org.guessed:
                    aff = merge_affiliations(aff, Affiliation(org.code, org.country, org.sector, True))
                org_owner = org
                i += 1
                continue
            title_words.append(t)
            i += 1
        if title_words:
            info = None
            for k in range(len(title_words)):
                cand = self.kb.noun(join_words(title_words[k:]))
                if cand is not None and cand.person:
                    info = cand
                    break
            if info is None:
                info = self.kb.noun(title_words[-1].lemma_) or self.kb.noun(title_words[-1].text)
            if info is not None:
                role = role_text(join_words(self.resolver.phrases.role_words(title_words)), info)
                sector = info.sector
                gender = info.gender
                title_country = info.country
                local = info.local
                n_term = len(info.term.replace("-", " - ").split())
                for t in title_words[: max(len(title_words) - n_term, 0)]:
                    m = self.resolver.affiliations.modifier_noun_aff(t)
                    if m is None:
                        continue
                    if m.code or m.country:
                        aff = merge_affiliations(aff, m)
                    if m.sector and (info.weak or sector is None):
                        sector = m.sector
                if not (aff.code or aff.country):
                    # "army chief X", "army spokesman Y" after "Sudan's army" was named: that army.
                    for t in title_words[max(len(title_words) - n_term, 0):-1]:
                        m = self.resolver.affiliations.modifier_noun_aff(t)
                        if m is not None and (m.code or m.country):
                            aff = merge_affiliations(aff, m)
                            break
                if org_owner is not None and info.weak:
                    sector = org_owner.sector   # a leader of a union is no government official
        return TitleReading(aff, role, sector, gender, title_country, local)

    def _ent_org(self, t: Token) -> Optional[DraftActor]:
        """The organisation an ORG entity ending at `t` names, when the KB does not know it."""
        ent = self.ent_of.get(t.i)
        if ent is None or ent.label_ != "ORG" or entity_head(ent).i != t.i or self.kb.lookup(ent.text) is not None:
            return None
        if t.i in self.reg.tok_actor:
            a = self.reg.tok_actor[t.i]
            return a if a.kind == "org" else None
        named = self.resolver.named
        return named.unknown_org(t, ent, Affiliation()) if named.plausible_org(ent) else None

    def _title_np(self, noun: Token) -> TitleReading:
        """What a title noun phrase says about the person it describes ("a spokeswoman for the rebels")."""
        aff, role, sector, gender, country, local = self._title(left_modifiers(noun) + [noun], noun)
        org_owner = None
        # Owner in a prepositional phrase or possessive: "spokeswoman for the rebels",
        # "envoy of the African Union", "the governor's aide".
        for _, pobj in prep_phrases(noun, ("for", "of", "at", "to", "with", "from")):
            owner = self.resolver.analyse(pobj)
            if owner is not None and (owner.kind != "person" or owner.code):
                aff = merge_affiliations(aff, owner_affiliation(owner))
                if owner.kind == "org" and not owner.armed and owner.sector is None:
                    org_owner = owner
            elif owner is None:
                a = self.resolver.affiliations.place_affiliation(pobj)
                if a is not None:
                    aff = merge_affiliations(aff, a)
        head_info = self.kb.noun(noun.lemma_)
        weak_head = head_info is not None and head_info.weak
        if sector is None and aff.sector:
            sector = aff.sector
        elif sector is not None and aff.sector and weak_head:
            sector = aff.sector
        elif org_owner is not None and weak_head:
            sector = None   # "a leader of CONAIE": a body of unknown kind, but no government
        self.reg.done.add(noun.i)
        return TitleReading(aff, role, sector, gender, country, local)
