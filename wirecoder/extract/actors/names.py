"""Actors named by a name rather than a common noun.

Names the knowledge base knows (states, short forms, capitals used as metonyms, organisations
and their organs) get their codes. Armed groups are coded by the state where the story puts
them, among the states the KB says they fight in (JNIM in a Burkina Faso story is BFA). Ethnic
groups are not states: "ethnic Armenians in Azerbaijan" is coded by the country the text places
them in (AZE), and null when it names none. An organisation the KB does not know is taken for a
local one of the story's country unless its name says otherwise.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from wirecoder.extract.common.vocabulary import words
from wirecoder.data.actors import KBEntry
from wirecoder.extract.common.story import LOCATIVE_PREPS, gazetteer_country
from wirecoder.extract.common.settings import DESCRIPTION_WINDOW
from wirecoder.extract.actors.phrases import NON_LOCAL_MODIFIERS
from wirecoder.extract.actors.contract import Part
from wirecoder.extract.actors.records import ARMED_NOUNS, LOCAL_SECTORS, Affiliation, DraftActor
from wirecoder.extract.common.syntax import is_plural
from wirecoder.extract.actors.syntax import acronym, is_named_place, join_words, phrase_text

# Words in an unknown organisation's name that say it is not a local body.
INTERNATIONAL_WORDS = words("international_words")


class NamedActors(Part):
    """Actors named by a name: what the KB lists (states, capitals as metonyms, demonyms,
    organisations, organs, armed groups, ethnic groups) and organisations it does not.
    Part of the actor resolver (see resolver.py). Public: `known`, `armed`, `nationals`,
    `unknown_org`, `plausible_org`, `proper_phrase`, `name_tail_end`, `bare_modifier`,
    `coordinated_owners`.
    """

    def known(self, tok: Token, entry: KBEntry, span_toks, words, aff: Affiliation,
               n_entry: int = 0) -> Optional[DraftActor]:
        """An actor the KB names: a state (also by capital or demonym), organisation or organ."""
        if entry.kind in ("state", "capital", "demonym"):
            if entry.kind == "demonym":
                return self.nationals(tok, entry.code, span_toks, words)
            matched_toks = words[len(words) - n_entry:] if n_entry else [tok]
            matched = join_words(matched_toks)
            state = self.reg.state(entry.code, matched if entry.kind == "state" else None)
            if entry.kind == "capital" and entry.code and self.kb.is_org_code(entry.code):
                org_entry = self.kb.lookup(entry.code)
                state = self.reg.org(org_entry or entry, None)
            elif entry.kind == "capital" and entry.sector and entry.sector != "GOV":
                state = self.reg.organ(entry.name, entry.code, entry.country, entry.sector, entry.name)
            # The mention is the name itself, not adjectives around it ("neighbouring Armenia").
            return self.reg.mention(state, tok, matched_toks)
        if entry.kind == "org":
            first = words[len(words) - n_entry] if n_entry and n_entry <= len(words) else tok
            owner = first.i > 0 and self.resolver.affiliations.word_country(self.doc[first.i - 1])
            if entry.sector == "NGO" and not entry.country and owner and aff.explicit and aff.code == owner:
                # A national society or chapter named with its state ("the Kenya Red Cross",
                # "the Kenyan Red Cross") is that state's NGO, not the international body.
                name = phrase_text([t for t in span_toks if t.i >= first.i - 1])
                actor = self.reg.organ(name, owner, owner, entry.sector, name)
                return self.reg.mention(actor, tok, span_toks)
            if entry.country:   # a national news agency or body listed with its state
                actor = self.reg.organ(entry.name, entry.code, entry.country, entry.sector, phrase_text(span_toks))
            else:
                actor = self.reg.org(entry, None)
            return self.reg.mention(actor, tok, span_toks)
        if entry.kind == "organ":
            if entry.code:
                code = entry.code
                if aff.explicit and aff.code and self.kb.is_org_code(aff.code) and aff.code != code:
                    code = aff.code   # "the African Union's Peace and Security Council" is the AU's
                actor = self.reg.organ(entry.name, code, entry.country, entry.sector, phrase_text(span_toks))
                return self.reg.mention(actor, tok, span_toks)
            # A state organ: whose? Explicit modifier, else the same organ named
            # before ("the Defense Ministry" again), else the context country.
            country = aff.country if aff.explicit else None
            code = aff.code if aff.explicit else None
            if code is None:
                prev = self.resolver.coref.latest(lambda a: a.kind == "organ" and entry.name.lower() in a.terms, tok,
                                    DESCRIPTION_WINDOW)
                if prev is not None and not aff.explicit:
                    return self.reg.mention(prev, tok, span_toks)
                country = code = self.countries.context_country(tok, sentence=False)
            actor = self.reg.organ(entry.name, code, country, entry.sector, phrase_text(span_toks))
            return self.reg.mention(actor, tok, span_toks)
        if entry.kind == "armed":
            return self.reg.mention(self.armed(entry, tok), tok, span_toks)
        if entry.kind == "ethnic":
            return self._ethnic(tok, entry.name, span_toks, words)
        return None

    def armed(self, entry: KBEntry, tok: Token) -> DraftActor:
        """An armed non-state group: one actor per group, coded by where it fights (see armed_groups.tsv)."""
        key = ("armed", entry.name)
        actor = self.reg.by_key.get(key)
        if actor is None:
            actor = self.reg.new(key, "org", entry.name)
            actor.armed, actor.sector, actor.name_rank = True, entry.sector, 2
            actor.terms.update(ARMED_NOUNS)
            actor.code = actor.country = self._armed_country(entry, tok)
        if is_plural(tok):   # "the Houthis ... they"
            actor.plural = True
        return actor

    def _armed_country(self, entry: KBEntry, tok: Token) -> Optional[str]:
        """The state where the story puts an armed group, among those the KB says it fights in."""
        if entry.code is None:
            # A transnational group belongs to no state; only a place named with it says where.
            return self.countries.np_place_country(tok) or self.countries.sentence_place_country(tok)
        scope = [entry.code] + self.kb.armed_scope(entry.name)
        if len(scope) > 1:
            where = self.countries.context_country(tok)
            if where in scope:
                return where
        return entry.code

    def nationals(self, tok: Token, code: str, span_toks, words) -> DraftActor:
        """Nationals named by a demonym ("Armenians"); "ethnic Armenians" are an ethnic group."""
        if any(w.lower_ == "ethnic" for w in words) or self._located_abroad(tok, code) \
                or self._home_state(tok, code) is not None:
            return self._ethnic(tok, phrase_text(span_toks), span_toks, words)
        if is_plural(tok) or tok.lower_ != tok.lemma_.lower() and tok.text.endswith("s"):
            # "Armenians protested": nationals of the state, not its government.
            key = ("group", code, "CVL", "nationals")
            actor = self.reg.by_key.get(key) or self.reg.new(key, "group", phrase_text(span_toks))
            actor.code = actor.country = code
            actor.sector, actor.plural = "CVL", True
            actor.terms.add(tok.lower_)
            return self.reg.mention(actor, tok, span_toks)
        # "the French said": the nation speaking through its government.
        actor = self.reg.state(code, None)
        return self.reg.mention(actor, tok, span_toks)

    def _located_abroad(self, tok: Token, code: str) -> bool:
        """ "Armenians in Azerbaijan": nationals the phrase places in another state."""
        country = self.countries.np_place_country(tok)
        return country is not None and country != code

    def _home_state(self, tok: Token, code: str | None = None) -> str | None:
        """The state a nationality word before a people names as theirs, when it is another
        state than the people's own: "Bosnian Serbs" (BIH), "Iraqi Kurds" (IRQ)."""
        for m in tok.children:
            if m.dep_ in ("amod", "compound") and m.i < tok.i:
                other = self.kb.demonym(m.text)
                if other is not None and other != code:
                    return other
        return None

    def _ethnic(self, tok: Token, name: str, span_toks, words) -> DraftActor:
        """An ethnic group: coded by the country the text places it in, else by the state a
        nationality word before it names ("Iraqi Kurds"), else none."""
        country = self.countries.np_place_country(tok) or self._home_state(tok)
        key = ("ethnic", name.lower().replace("ethnic ", ""), country)
        actor = self.reg.by_key.get(key) or self.reg.new(key, "ethnic", name)
        actor.code = actor.country = country
        actor.sector = "CVL"
        actor.plural = True
        actor.offer_name(phrase_text(span_toks), 1)
        return self.reg.mention(actor, tok, span_toks)

    def unknown_org(self, tok: Token, ent: Span, aff: Affiliation) -> Optional[DraftActor]:
        """An organisation the KB does not know, named by the words of `ent`; an acronym or an
        apposition of a body named before is that body."""
        if ent[-1].i == tok.i and len(ent) > 1:
            ent = self.doc[ent.start: self.name_tail_end(tok)]   # the tagger cut "... Commission" off "on Human Rights"
        name = ent.text
        name = re.sub(r"^(?:the|The)\s+", "", name)
        # An acronym of an organisation named just before: "Federal Roads Safety Agency (FRSA)".
        if tok.dep_ == "appos" and tok.head.i in self.reg.tok_actor:
            actor = self.reg.tok_actor[tok.head.i]
            if actor.kind == "group" and not actor.plural:
                actor.offer_name(name, 5)   # "the rights group Viasna": the name, not the descriptor
                actor.terms.add(name)
            return self.reg.mention(actor, tok, list(ent))
        for a in reversed(self.reg.actors):
            if a.kind in ("org", "organ", "group") and (acronym(a.name) == name or name in a.terms):
                a.terms.add(name)
                return self.reg.mention(a, tok, list(ent))
        # The body's kind from its head word: "... Party" PTY, "... Police" COP; the head of
        # "Confederation of Indigenous Nationalities of Ecuador" is the word before "of".
        words = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
        of = next((k for k, t in enumerate(words) if t.lower_ == "of" and k > 0), len(words))
        last = words[of - 1] if words else ent[-1]
        info = self.kb.noun(last.lemma_) or self.kb.noun(last.text)
        if info is None:
            # "the rights group Nadezhda": the descriptor before the name says what kind of body it is.
            d = next((t for t in tok.lefts if t.dep_ == "compound" and t.i == ent.start - 1 and t.pos_ == "NOUN"), None)
            if d is not None:
                desc = [t for t in d.lefts if t.dep_ in ("compound", "amod")] + [d]
                for k in range(len(desc)):
                    info = self.kb.noun(join_words(desc[k:]).lower())
                    if info is not None:
                        break
            if info is not None and not info.body:
                info = None
        sector = info.sector if info is not None else None
        code = country = None
        guessed = False
        named = next((c for c in (self.resolver.affiliations.word_country(t) for t in words) if c), None)
        if aff.explicit:
            code, country = aff.code, aff.country
        elif named:
            code = country = named      # "Ecuadorian Episcopal Conference", "... of Ecuador"
        elif sector in LOCAL_SECTORS or sector is None and not any(
                t.lower_ in NON_LOCAL_MODIFIERS | INTERNATIONAL_WORDS for t in words):
            # A body the KB does not know is most often a local one: unions, parties, companies,
            # movements of the country the story is about. International ones are in the KB or
            # say so in their name ("International ...", "World ...").
            code = country = self.countries.context_country(tok, sentence=False)
            guessed = True
        actor = self.reg.by_key.get(("org", name.lower())) or self.reg.new(("org", name.lower()), "org", name)
        actor.code, actor.country, actor.sector = code, country, sector
        actor.guessed = guessed
        actor.terms.add(name)
        if info is not None:
            actor.terms.add(info.term)
        # "the state oil company, Sonangol": an apposition names the same body.
        if tok.dep_ == "appos":
            head_actor = self.resolver.analyse(tok.head)
            if head_actor is not None and head_actor.kind == "group":
                head_actor.offer_name(name, 5)
                head_actor.terms.add(name)
                return self.reg.mention(head_actor, tok, list(ent))
        return self.reg.mention(actor, tok, list(ent))

    def plausible_org(self, ent: Span) -> bool:
        """The tagger calls some capitalised sentence openers ORG ("Fear is spreading"): a one-word
        name at the start of a sentence counts only if the article also writes it so elsewhere."""
        places = self.ctx.places
        if places is not None and places.at_char(ent.start_char, ent.end_char) is not None:
            return False   # the place table resolved it: "Residents of El Fasher"
        if ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE_PREPS and gazetteer_country(ent.text):
            return False
        if is_named_place(ent.root) and not ent.text.isupper():
            return False   # "the town of Wajid", "in the Amazon": a place, whatever the tagger says
        if len(ent) > 1 or ent.text.isupper() or ent.start != ent.sent.start:
            return True
        return any(t.text == ent.text and t.i != t.sent.start for t in self.doc)

    def proper_phrase(self, tok: Token) -> Optional[Span]:
        """The run of capitalised words ending at tok ("Ecuadorian Episcopal Conference"), if it
        has at least two words."""
        start = tok.i
        while start > tok.sent.start:
            prev = self.doc[start - 1]
            if prev.tag_ == "POS" and start - 2 >= 0 and self.doc[start - 2].is_title:
                start -= 1      # "Workers' Front"
                continue
            if not (prev.is_title and prev.pos_ in ("PROPN", "ADJ", "NOUN")):
                break
            start -= 1
        end = self.name_tail_end(tok)
        return self.doc[start: end] if end - start >= 2 else None

    def name_tail_end(self, tok: Token) -> int:
        """Where a body's name headed by `tok` ends: past an "of/on/for" complement written in
        capitals ("National Commission on Human Rights", "Union of Journalists of Kenya")."""
        doc, end = self.doc, tok.i + 1
        while end + 1 < len(doc) and doc[end].lower_ in ("of", "on", "for") and doc[end].head.i == end - 1 \
                or end + 2 < len(doc) and doc[end].lower_ in ("of", "on", "for") and doc[end + 1].lower_ == "the":
            k = end + 1 + (doc[end + 1].lower_ == "the")
            run = k
            while run < len(doc) and doc[run].is_title and doc[run].pos_ in ("PROPN", "NOUN", "ADJ") \
                    and doc[run].sent == tok.sent and doc[run].ent_type_ not in ("DATE", "TIME"):
                run += 1
            if run == k:
                break
            end = run
        return end

    def bare_modifier(self, tok: Token) -> Optional[DraftActor]:
        """A state, demonym or organisation modifying a non-actor noun ("the Russian invasion", "UN appeal")."""
        if tok.dep_ == "compound" and tok.head.dep_ == "compound":
            return None   # inside a longer name; judged as part of it
        code = self.kb.demonym(tok.text)
        entry, span = (self._modifier_name(tok) if tok.pos_ == "PROPN" else (None, [tok]))
        if entry is None and not (code and tok.ent_type_ == "NORP"):
            return None
        if entry is not None and entry.kind == "armed":
            return self.known(tok, entry, span, span, Affiliation())
        if entry is not None and entry.kind in ("state", "capital", "org", "organ") and entry.code:
            return self.known(tok, entry, span, span, Affiliation(), n_entry=len(span))
        if code:
            state = self.reg.state(code, None)
            return self.reg.mention(state, tok, [tok])
        return None

    def _modifier_name(self, tok: Token) -> tuple[Optional[KBEntry], list[Token]]:
        """The longest KB name ending at a modifier word, with its words: "UN Human Rights Council"
        in "a special UN Human Rights Council session"."""
        run = [tok]
        k = tok.i - 1
        while k >= 0 and self.doc[k].pos_ == "PROPN" and self.doc[k].dep_ in ("compound", "nmod", "amod") \
                and k < self.doc[k].head.i <= tok.i:
            run.insert(0, self.doc[k])
            k -= 1
        for n in range(len(run), 0, -1):
            entry = self.kb.lookup(join_words(run[len(run) - n:]))
            if entry is not None:
                return entry, run[len(run) - n:]
        return None, [tok]

    def coordinated_owners(self, words: list[Token], actor: DraftActor) -> None:
        """ "French and German troops": the phrase is coded by its first owner; the second
        ("German") is its own mention of that state, so that an event can still find it."""
        for w in words:
            if w.dep_ != "conj" or w.head.i not in {x.i for x in words}:
                continue
            code = self.kb.demonym(w.text) if w.pos_ in ("ADJ", "PROPN") else None
            entry = self.kb.lookup(w.text) if code is None and w.pos_ == "PROPN" else None
            code = code or (entry.code if entry is not None and entry.kind in ("state", "capital") else None)
            if code and code != actor.code:
                state = self.reg.state(code, None)
                state.add_mention(w.idx, w.idx + len(w))
                self.reg.note(w, state)
