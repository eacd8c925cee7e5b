"""Source and target of a candidate event, from the parse and from what the
sentence implies.

Active subject / passive "by" phrase / controller of an infinitive -> source;
direct object, passive subject or the lexicon row's preposition -> target.
Pronouns are read back to the actor they stand for; a place names its state
where a state is meant ("aid landed from China"). Where the sentence names no
party, some acts imply one: a freed captive's custodian, the owner of an
attacked installation, the recipient of aid or sanctions, the proposer of what
is rejected.
"""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.context import Context
from wirecoder.extract.events.actors import (
    PUBLIC_BODY_SECTORS, actor_at, country_actor, force_actor, np_actor, same_actor,
)
from wirecoder.extract.common.syntax import (
    child, children, clause_subject, clause_subject_of_noun, has_to_infinitive, is_passive,
    prep_objects,
)
from wirecoder.extract.events.args import (
    FIRST_PERSON, THIRD_PERSON, agent_of, clause_subject_of_complement, free_relative_object, in_relative_clause,
    local_subtree, object_of,
)
from wirecoder.extract.events.candidates import Candidate
from wirecoder.extract.events.date_place import event_location
from wirecoder.extract.events.lexicon import Lexicon
from wirecoder.extract.events.policy import policy
from wirecoder.models import Actor

# Clauses a target search inside the predicate's phrase does not enter.
_OWN_CLAUSES = frozenset({"relcl", "ccomp", "parataxis", "conj"})


class Roles:
    """Finds the parties of candidates in one article; `focus` is the country the story is about."""

    def __init__(self, ctx: Context, lex: Lexicon, focus: str | None):
        self.ctx, self.lex, self.focus = ctx, lex, focus

    def actor(self, tok: Token | None, avoid: Actor | None = None) -> Actor | None:
        return np_actor(self.ctx, tok, avoid)

    # ---- source

    def source_token(self, cand: Candidate, licensor: Token | None) -> Token | None:
        """The noun phrase that names who acts, by the kind of candidate."""
        tok = cand.trigger
        if cand.kind == "verb":
            if is_passive(tok):
                return agent_of(tok)
            return clause_subject(tok)
        if cand.kind == "phrase":
            if tok.pos_ != "VERB":
                return None
            if is_passive(tok) and agent_of(tok) is None:
                # a fixed phrase parsed as a passive: "Israel is opposed to" is Israel's stance
                return child(tok, "nsubjpass") or clause_subject(tok)
            return clause_subject(tok)
        if cand.kind == "noun":
            for mod in children(tok, "poss", "amod", "compound"):
                if mod.lower_ not in cand.entry.modifiers and actor_at(self.ctx, mod) is not None:
                    return mod
                # "a Rapid Support Forces drone attack": the owner hangs on the weapon word
                for owner in children(mod, "poss", "amod", "compound"):
                    if mod.lower_ in cand.entry.modifiers and actor_at(self.ctx, owner) is not None:
                        return owner
            for pobj in prep_objects(tok, ("by", "from")):
                return pobj
            # "requests for a pause in the strikes ... from the Red Cross": the "from" phrase
            # may hang further down the noun's phrase
            if policy(cand.entry.type).request:
                for t in tok.subtree:
                    if t.dep_ == "prep" and t.lower_ == "from":
                        pobj = child(t, "pobj")
                        if pobj is not None and actor_at(self.ctx, pobj) is not None:
                            return pobj
            if licensor is not None:
                if cand.how in ("light", "purpose", "backdrop"):
                    return agent_of(licensor) if is_passive(licensor) else clause_subject(licensor)
                if cand.how == "occur":                 # "aid from China arrived"
                    for pobj in prep_objects(licensor, ("from", "by")):
                        if actor_at(self.ctx, pobj) is not None or self.ctx.story.place_country(pobj, states_only=True):
                            return pobj
                if cand.how == "light-participle":
                    ag = agent_of(licensor)
                    if ag is not None:
                        return ag
                    return clause_subject_of_noun(tok)
        return None

    def resolve_source(self, src_tok: Token | None, claimant: Actor | None,
                       last_source: Actor | None) -> Actor | None:
        """The actor the source phrase stands for: itself, the state of a place it
        comes from, the antecedent of a pronoun, the speaker of "we", or for a bare
        quantity ("Scores split off and stormed ...") the previous event's source."""
        if src_tok is None:
            return None
        low = src_tok.lower_
        a = self.actor(src_tok)
        if a is None and src_tok.dep_ == "pobj" and src_tok.head.lower_ == "from":
            code = self.ctx.story.place_country(src_tok, states_only=True)   # "planes ... arrived from Japan": the sender
            if code is not None:
                return country_actor(self.ctx, code)
        if low in ("it", "they", "he", "she"):
            bound = self._speech_subject(src_tok)
            if bound is not None:
                return bound                             # "the group said it had seized ..."
        if a is None and self.lex.in_class("document", src_tok.lemma_.lower()):
            # "drafted a resolution that demands ...": the text speaks for who drafted it
            author = clause_subject_of_noun(src_tok)
            a = self.actor(author) if author is not None else None
        if a is not None and low in THIRD_PERSON and in_relative_clause(src_tok):
            # "inspectors whom they blamed": they are not the officials; the subject of
            # the clause the relative clause hangs in is the better guess
            return self._subject_above(src_tok) or a
        if a is not None:
            return a
        if low in FIRST_PERSON:
            return claimant                              # "we urge ...," the ministry said
        if low in THIRD_PERSON:
            return self._subject_above(src_tok)
        if (self.lex.in_class("quantity", src_tok.lemma_.lower()) or src_tok.pos_ == "NUM") \
                and not prep_objects(src_tok, ("of",)):
            return last_source
        return None

    def _speech_subject(self, pron: Token) -> Actor | None:
        """The subject of the reporting verb whose complement a subject pronoun opens
        agrees with it in number and stands for it: "The navy said it had ...",
        "The rebels said they had ...". None when that subject is no actor."""
        verb = pron.head
        if pron.dep_ not in ("nsubj", "nsubjpass"):
            return None
        while verb.dep_ == "conj" and verb.head != verb:
            verb = verb.head
        if verb.dep_ != "ccomp" or not self.lex.in_class("reporting", verb.head.lemma_.lower()):
            return None
        subj = child(verb.head, "nsubj")
        if subj is None or subj.pos_ == "PRON":
            return None
        low = pron.lower_
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        if low == "it" and (plural or subj.ent_type_ == "PERSON"):
            return None
        if low == "they" and not plural:
            return None
        if low in ("he", "she") and subj.ent_type_ != "PERSON" and not self.lex.in_class("persons", subj.lemma_.lower()):
            return None
        return self.actor(subj)

    def _subject_above(self, tok: Token) -> Actor | None:
        """The actor subject of a clause above tok's own."""
        cur = tok.head
        for _ in range(6):
            if cur.head == cur:
                break
            cur = cur.head
            subj = child(cur, "nsubj")
            if subj is not None and subj.i != tok.i:
                a = self.actor(subj)
                if a is not None:
                    return a
        return None

    # ---- target

    def target(self, cand: Candidate, source: Actor | None,
               licensor: Token | None) -> tuple[Actor | None, Token | None]:
        """The target actor and the noun phrase it came from (which may name no actor),
        trying the row's target places in order."""
        tok = cand.trigger
        first_np: Token | None = None
        for how in cand.entry.targets:
            for np in self._target_phrases(cand, how, licensor):
                if first_np is None:
                    first_np = np
                a = self.actor(np, avoid=source)
                if a is None and (how == "comp" or how.startswith("prep:") and policy(cand.entry.type).has_recipient):
                    # "commitments extend to the Philippines", "sent arms to Pakistan": a state
                    # named as where it goes receives it
                    code = self.ctx.story.place_country(np, states_only=True)
                    a = country_actor(self.ctx, code) if code is not None else None
                if a is not None:
                    return a, np
        # "moved to attack X": the object of a purpose clause of the same type
        for purpose in children(tok, "advcl", "xcomp"):
            if has_to_infinitive(purpose) and any(
                    e.type == cand.entry.type for e in self.lex.lookup("V", purpose.lemma_.lower())):
                o = object_of(purpose)
                a = self.actor(o, avoid=source) if o is not None else None
                if a is not None:
                    return a, o
        return None, first_np

    @staticmethod
    def _target_phrases(cand: Candidate, how: str, licensor: Token | None) -> list[Token]:
        """The noun phrases one target place of the row (see TARGET_KEYS) points at."""
        tok = cand.trigger
        toks: list[Token] = []
        if how == "obj":
            if cand.kind in ("verb", "phrase"):
                o = object_of(tok)
                if o is None:
                    o = free_relative_object(tok)   # "blamed what it called X"
                if o is not None:
                    toks.append(o)
        elif how == "pp" and cand.entry.particle:
            toks += prep_objects(tok, (cand.entry.particle,))
            for p in children(tok, "prep"):                       # "look to(ward) X"
                toks += prep_objects(p, (cand.entry.particle,))
            for c in tok.children:                                # "called for Serbia to open"
                if c.dep_ in ("advcl", "ccomp", "xcomp") and any(
                        m.dep_ == "mark" and m.lower_ == cand.entry.particle for m in c.children):
                    s = child(c, "nsubj")
                    if s is not None:
                        toks.append(s)
            if cand.entry.particle in ("on", "upon", "to") and not toks:
                toks += children(tok, "dobj")
        elif how.startswith("prep:"):
            word = how[5:]
            toks += prep_objects(tok, (word,))
            obj = child(tok, "dobj")
            if obj is not None:
                toks += prep_objects(obj, (word,))
            if licensor is not None and cand.how == "light":
                toks += prep_objects(licensor, (word,))
        elif how == "xsubj":
            s = clause_subject_of_complement(tok)
            if s is not None:
                toks.append(s)
            toks += prep_objects(tok, ("for",))
        elif how == "against":
            for t in local_subtree(tok, _OWN_CLAUSES):
                if t.dep_ == "prep" and t.lower_ == "against":
                    toks += children(t, "pobj")
        elif how == "comp":
            for c in children(tok, "ccomp"):
                for t in local_subtree(c, frozenset({"relcl", "parataxis"})):
                    if t.dep_ == "prep" and t.lower_ in ("to", "for", "with"):
                        toks += children(t, "pobj")
        elif how == "at":
            for t in local_subtree(tok, _OWN_CLAUSES):
                if t.dep_ == "prep" and t.lower_ in ("outside", "at", "near", "before") and t.head.i == tok.i:
                    toks += children(t, "pobj")
                elif t.dep_ == "prep" and t.lower_ == "in" and t.head.i == tok.i:
                    # "in front of the embassy" is a protest site like "outside" it
                    for front in children(t, "pobj"):
                        if front.lower_ == "front":
                            for of in children(front, "prep"):
                                if of.lower_ == "of":
                                    toks += children(of, "pobj")
        return toks

    # ---- parties the sentence implies

    def is_violence_noun(self, tok: Token) -> bool:
        """A definite mention of an armed act ("the operation", "this offensive")."""
        if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                   for c in tok.children):
            return False
        forms = {tok.lemma_.lower(), tok.lower_}
        return any(policy(e.type).force for f in forms for e in self.lex.lookup("N", f))

    def proposer(self, np: Token, source: Actor | None) -> Actor | None:
        """Who put forward what is rejected or accepted: the subject of the verb of
        proposing whose object the phrase is ("Kyiv has proposed an exchange, which ...")."""
        if np.dep_ != "dobj" or not self.lex.in_class("propose", np.head.lemma_.lower()):
            return None
        subj = clause_subject(np.head)
        a = self.actor(subj) if subj is not None else None
        return None if same_actor(a, source) else a

    def custodian(self, tok: Token) -> Actor | None:
        """Who held those a passive verb frees: "returned from Russian captivity"."""
        for pobj in prep_objects(tok, ("from", "in", "out")):
            if self.lex.in_class("custody", pobj.lemma_.lower()):
                a = self.actor(pobj)
                if a is not None:
                    return a
        return None

    def _place_country(self, tok: Token, licensor: Token | None) -> str | None:
        """The country of the place the clause names, else the country the story is about."""
        place = event_location(self.ctx, tok, licensor)
        return place.country if place is not None and place.country else self.focus

    def installation_owner(self, np: Token, tok: Token, licensor: Token | None,
                           source: Actor | None) -> Actor | None:
        """A military or police installation without a named owner ("a military base",
        "an army checkpoint") belongs to the state it stands in: the country of the place
        the clause names, else the country the story is about."""
        if not self.lex.in_class("installation", np.lemma_.lower()):
            return None
        mods = [c for c in np.children if c.dep_ in ("amod", "compound")]
        force = next((m for m in mods if self.lex.in_class("forcemod", m.lemma_.lower())), None)
        if force is None:
            return None
        country = self._place_country(tok, licensor)
        if country is None or (source is not None and source.code == country and source.sector in PUBLIC_BODY_SECTORS):
            return None
        # "government positions" in a war are its troops'
        sector = "COP" if force.lemma_.lower() in ("police", "gendarmerie") else "MIL"
        return force_actor(self.ctx, country, sector)

    def recipient(self, tok: Token, licensor: Token | None, source: Actor | None) -> Actor | None:
        """Aid lands somewhere and sanctions hit someone: the country of the place the
        sentence names, else the country the story is about."""
        country = self._place_country(tok, licensor)
        if country is None or (source is not None and source.code == country):
            return None
        return country_actor(self.ctx, country)
