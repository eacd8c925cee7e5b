"""Coreference inside one article: which earlier actor a pronoun ("she", "it", "they"), a
first person in a quotation ("we urge ...," said a UN spokesperson) or a definite description
("the ministry", "the group") stands for.

Deliberately simple and article-scoped (no model weights): recency and agreement, preferring the
subject of the reporting clause ("X said it would ..."). A news agency that only relays a
statement is no antecedent ("..., TASS reported. It added").
"""
from __future__ import annotations

import re
from functools import cached_property
from itertools import islice
from typing import Callable, Optional

from spacy.tokens import Span, Token

from wirecoder.extract.common.settings import DESCRIPTION_WINDOW, PRONOUN_WINDOW, REPORTING_CLAUSE_MAX_TOKENS
from wirecoder.extract.common.vocabulary import ordered, words
from wirecoder.extract.actors.contract import Part
from wirecoder.extract.actors.records import ARMED_NOUNS, DraftActor
from wirecoder.extract.common.syntax import is_plural
from wirecoder.extract.actors.syntax import crude_singular, flat_term, previous_sentences

# Verbs of a reporting clause: "he said", "the ministry warned".
SPEECH_VERBS = words("reporting") | words("speech_acts")
# Pronouns by what they may stand for; he/she with the gender they require.
PERSON_PRONOUNS = {**dict.fromkeys(ordered("he_pronouns"), "m"), **dict.fromkeys(ordered("she_pronouns"), "f")}
IT_PRONOUNS = words("it_pronouns")
THEY_PRONOUNS = words("they_pronouns")
FIRST_PERSON = words("first_person")
FIRST_PLURAL = words("first_plural")
# A quotation in curly or straight double quotes.
_QUOTE_RE = re.compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"\n]*\"")
# Titles of people who speak for a body: their "we" is the body ("we urge", said a UN spokesperson).
VOICE_ROLES = words("voice_roles")
# Verbs of a news outlet passing on what others said ("TASS reported", "citing the ministry").
RELAY_VERBS = words("relay_verbs")
# Words after which "it" is a dummy subject ("it is unclear whether", "it was reported that").
_EXTRAPOSING = words("extraposing")


class Coreference(Part):
    """Pronouns, "we" in quotations and definite descriptions -> the actor named before.
    Part of the actor resolver (see resolver.py). Public: `pronoun`, `antecedent_for_description`,
    `latest`, `is_body`. Reads the registry (`history`, `tok_actor`) and calls `analyse` to judge
    a subject it has not reached yet.
    """

    def pronoun(self, tok: Token) -> Optional[DraftActor]:
        """The actor a personal pronoun stands for, if one fits (see the module docstring)."""
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[low]
            actor = self._person_antecedent(tok, gender)
            if actor is not None:
                actor.gender = actor.gender or gender
                return self.reg.mention(actor, tok, [tok])
            return None
        if low in IT_PRONOUNS:
            if low == "it" and (tok.dep_ not in ("nsubj", "nsubjpass") or _pleonastic(tok)):
                return None
            actor = self._speaker_antecedent(tok, lambda a: a.kind in ("state", "org", "organ") or a.armed
                                             or (a.kind == "group" and not a.plural and a.terms
                                                 and self.is_body(a)))
            if actor is None:
                actor = self._recent(lambda a: a.kind in ("state", "org", "organ") or a.armed
                                     or (a.kind == "group" and not a.plural and self.is_body(a)), tok,
                                     skip_relays=True)
            return self.reg.mention(actor, tok, [tok]) if actor is not None else None
        if low in FIRST_PERSON:
            # "We urge all sides ...," the ministry said: the speaker of the quote.
            actor = self._quote_speaker(tok)
            return self.reg.mention(actor, tok, [tok]) if actor is not None else None
        if low in THEY_PRONOUNS:
            actor = self._speaker_antecedent(tok, lambda a: a.plural)
            if actor is None:
                actor = self._recent(lambda a: a.plural, tok)
            return self.reg.mention(actor, tok, [tok]) if actor is not None else None
        return None

    def _person_antecedent(self, tok: Token, gender: Optional[str]) -> Optional[DraftActor]:
        """he/she: a person (or one unnamed person: "a doctor") of compatible gender."""
        ok = lambda a: a.kind == "person" or (a.kind == "group" and not a.plural and a.key[0] == "group1")
        fits = lambda a: ok(a) and (a.gender is None or gender is None or a.gender == gender)
        actor = self._speaker_antecedent(tok, fits)
        if actor is not None:
            return actor
        actor = self._recent(fits, tok)
        if gender and actor is not None and actor.gender is None and not any(
                x is actor and tok.sent.start <= i < tok.i for i, x, _ in self.reg.history):
            # "Ms Otieno said ... Peter Mwangi said ... She said": a pronoun of the gender the
            # article gave one person (title, earlier pronoun) is theirs, not that of a person of
            # unknown gender named after them in an earlier sentence.
            known = self._recent(lambda a: ok(a) and a.gender == gender, tok)
            if known is not None:
                return known
        return actor

    def _speaker_antecedent(self, tok: Token, fits) -> Optional[DraftActor]:
        """In "X said (that) he/it ...", the pronoun is X."""
        node = tok.head
        while node.dep_ not in ("ROOT",) and node.dep_ not in ("ccomp", "xcomp", "advcl", "conj"):
            node = node.head
        if node.dep_ in ("ccomp", "xcomp", "conj") and node.head.lemma_.lower() in SPEECH_VERBS | {"be"}:
            verb = node.head
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != tok.i:
                    a = self.resolver.analyse(child) if child.i < tok.i else self.reg.tok_actor.get(child.i)
                    if a is not None and fits(a):
                        return a
        return None

    def _recent(self, fits, tok: Token, skip_relays: bool = False) -> Optional[DraftActor]:
        """Antecedent by recency: the latest fitting actor earlier in this sentence, else the
        subject of the latest earlier sentence that has a fitting actor, else its last one.
        With skip_relays, a news agency that only relays a statement ("TASS reported, citing
        the ministry") is no antecedent: "It added ..." continues the ministry's statement."""
        sent = tok.sent
        banned = self._not_antecedents(tok)
        if skip_relays:
            plain = fits
            fits = lambda a: plain(a) and not self._relays(a)
        same = [(i, a, h) for i, a, h in self.reg.history
                if sent.start <= i < tok.i and fits(a) and all(a is not b for b in banned)]
        if same:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                # A subject pronoun continues the subject before it ("Fishermen occupied
                # a port to protest against inspectors, whom they blamed ...").
                subj = [c for c in same if c[2].dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    return subj[-1][1]
            return same[-1][1]
        for n, prev in enumerate(previous_sentences(self.doc, sent)):
            if n >= PRONOUN_WINDOW:
                break
            cands = [(i, a, h) for i, a, h in self.reg.history if prev.start <= i < prev.end and fits(a)]
            if not cands:
                continue
            subj = [c for c in cands if c[2].dep_ in ("nsubj", "nsubjpass") and c[2].head.dep_ == "ROOT"]
            subj = subj or [c for c in cands if c[2].dep_ in ("nsubj", "nsubjpass")]
            return (subj[0] if subj else cands[-1])[1]
        return None

    def _not_antecedents(self, tok: Token) -> list[DraftActor]:
        """Actors a pronoun cannot stand for. An object pronoun is not the subject of its own
        clause ("Riot officers used water cannon to push them back"); a pronoun inside a relative clause
        is not the noun the clause describes ("inspectors, whom they blamed")."""
        banned: list[DraftActor] = []
        if tok.dep_ in ("dobj", "pobj", "dative", "iobj") and not tok.lower_.endswith(("self", "selves")):
            node = tok.head
            while True:
                for c in node.children:
                    if c.dep_ in ("nsubj", "nsubjpass", "agent") and c.i in self.reg.tok_actor:
                        banned.append(self.reg.tok_actor[c.i])
                if node.dep_ in ("ccomp", "ROOT") or node.head.i == node.i:
                    break
                node = node.head
        node = tok
        while node.head.i != node.i:
            if node.dep_ == "relcl":
                if node.head.i in self.reg.tok_actor:
                    banned.append(self.reg.tok_actor[node.head.i])
                break
            node = node.head
        return banned

    def _relays(self, a: DraftActor) -> bool:
        """Is this a news outlet only ever mentioned as passing on others' words ("according to
        TASS", "Interfax reported", "TASS quoted the minister as saying")?"""
        if a.sector != "MED" or a.kind not in ("org", "organ", "group"):
            return False
        heads = [h for _, x, h in self.reg.history if x is a]
        return bool(heads) and all(_relay_position(h) for h in heads)

    def antecedent_for_description(self, tok: Token, term: str) -> Optional[DraftActor]:
        """The actor a definite description ("the ministry", "the bloc") was named with before."""
        lemma = tok.lemma_.lower()
        plural = is_plural(tok)
        wanted = {flat_term(term), flat_term(lemma)}

        wanted |= {crude_singular(w) for w in wanted}

        def named_with(a: DraftActor) -> bool:
            if plural and a.kind == "person":
                return False
            if a.kind == "org" and a.code and wanted & {flat_term(n) for n in self.kb.org_nouns(a.code)}:
                return True
            terms = {flat_term(t) for t in a.terms}
            terms |= {crude_singular(t) for t in terms}   # "UN peacekeepers" ... "the peacekeepers"
            return bool(wanted & terms) or (a.kind in ("organ", "org") and any(
                flat_term(lemma) in t.split() for t in terms))
        if lemma in ARMED_NOUNS or lemma in self.kb.all_org_nouns():
            # "the group", "the militia": a body named by its name beats an unnamed one
            # mentioned since ("... the Rapid Support Forces, killing dozens of fighters. The group").
            named = self.latest(lambda a: named_with(a) and a.kind in ("org", "organ"), tok, DESCRIPTION_WINDOW)
            if named is not None:
                return named
        return self.latest(named_with, tok, DESCRIPTION_WINDOW)

    def latest(self, pred: Callable[[DraftActor], bool], tok: Token, window: int) -> Optional[DraftActor]:
        """The latest actor mentioned before `tok`, within `window` sentences, satisfying pred."""
        sents = [tok.sent, *islice(previous_sentences(self.doc, tok.sent), window)]
        lo = sents[-1].start
        for i, a, _ in reversed(self.reg.history):
            if i >= tok.i or i < lo:
                continue
            if a is self.reg.tok_actor.get(tok.i):
                continue
            if pred(a):
                return a
        return None

    def is_body(self, a: DraftActor) -> bool:
        """Was this group named with a noun for an institution ("the junta", "the ministry")?"""
        return any((self.kb.noun(t) is not None and self.kb.noun(t).body) for t in a.terms)

    @cached_property
    def _doc_text(self) -> str:
        # Doc.text rebuilds the article from its tokens: build it once per article.
        return self.doc.text

    @cached_property
    def _quote_spans(self) -> list[tuple[int, int]]:
        """Character spans of the article's quotations."""
        return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(self._doc_text)]

    def _quote_speaker(self, tok: Token) -> Optional[DraftActor]:
        """The actor who says the quotation `tok` stands in, from the reporting clause next to it."""
        found = self._quote_speaker_token(tok)
        if found is None:
            return None
        actor, subj = found
        if tok.lower_ in FIRST_PLURAL and actor.kind == "person" and actor.terms & VOICE_ROLES:
            # "we urge ...," said a UN spokesperson: a spokesperson's "we" is the body they speak for.
            body = actor.affiliate or (self._voice_body(actor, subj) if actor.code else None)
            if body is not None:
                return body
        return actor

    def _quote_speaker_token(self, tok: Token) -> Optional[tuple[DraftActor, Token]]:
        span = next(((s, e) for s, e in self._quote_spans if s < tok.idx < e), None)
        if span is None:
            return None
        qs, qe = span
        first = self.doc.char_span(qs, qs + 1, alignment_mode="expand")
        last = self.doc.char_span(qe - 1, qe, alignment_mode="expand")
        if first is None or last is None:
            return None
        sents = [first[0].sent]
        if last[0].sent.start != sents[0].start:
            sents.append(last[0].sent)
        prev = list(islice(previous_sentences(self.doc, sents[0]), 1))
        if prev and prev[0].text.rstrip().endswith(":"):
            sents.insert(0, prev[0])                    # X said: "..."
        for sent in sents:
            found = self._speech_subject(sent, qs, qe)
            if found is not None:
                return found
        # No reporting clause beside it: a quotation that continues the one before
        # (a new paragraph or sentence of the same speaker's words).
        earlier = [(s, e) for s, e in self._quote_spans if s < prev[0].end_char and e > prev[0].start_char] \
            if prev else []
        if earlier:
            found = self._speech_subject(prev[0], *earlier[-1])
            if found is not None:
                return found
        # "... end of quote." X said later. Only a short sentence that is a bare reporting
        # clause: the next news sentence ("Canada promised $12 million") is not one.
        after = last[0].sent.end
        if after < len(self.doc):
            nxt = self.doc[after].sent
            if len(nxt) <= REPORTING_CLAUSE_MAX_TOKENS:
                return self._speech_subject(nxt, qs, qe)
        return None

    def _speech_subject(self, sent: Span, qs: int, qe: int) -> Optional[tuple[DraftActor, Token]]:
        """The speaker of a reporting clause in `sent` outside the quotation [qs, qe)."""
        text = self._doc_text
        for verb in sent:
            if verb.lemma_.lower() not in SPEECH_VERBS or qs <= verb.idx < qe:
                continue
            between = text[qe:verb.idx] if verb.idx >= qe else text[verb.idx:qs]
            if "\n" in between:
                continue   # a new paragraph's reporting clause is not this quotation's
            for subj in verb.children:
                if subj.dep_ in ("nsubj", "nsubjpass") and not (qs <= subj.idx < qe):
                    actor = self.resolver.analyse(subj)
                    if actor is not None:
                        return actor, subj
        return None

    def _voice_body(self, person: DraftActor, near: Token) -> Optional[DraftActor]:
        """The organisation or state a spokesperson speaks for: the non-person actor of their code
        mentioned nearest to where they are introduced (or named as the speaker)."""
        best, best_d = None, None
        sents = {near.sent.start} | {s.start for s in islice(previous_sentences(self.doc, near.sent),
                                                            PRONOUN_WINDOW)}
        for i, a, h in self.reg.history:
            if a.kind == "person" or a.code != person.code or h.sent.start not in sents:
                continue
            if a.kind == "group" and not self.is_body(a):
                continue
            # An army spokesman speaks for the army, not for the rebels of the same country.
            d = (a.sector != person.sector, abs(i - near.i))
            if best_d is None or d < best_d:
                best, best_d = a, d
        return best



def _relay_position(h: Token) -> bool:
    """ "TASS reported", "according to TASS", "Interfax, citing ...", "a report by AFP" """
    if h.dep_ in ("nsubj", "nsubjpass") and h.head.lemma_.lower() in RELAY_VERBS:
        return True
    if h.dep_ == "pobj" and h.head.lower_ == "to" and h.head.head.lower_ == "according":
        return True
    if h.dep_ == "pobj" and h.head.lower_ == "by" and h.head.head.lemma_.lower() in ("report", "quote"):
        return True
    return False


def _pleonastic(tok: Token) -> bool:
    """ "it is unclear whether ...", "it was reported that ...", "it seems that ..." -- not
    "it was disappointed" or "it is ready to help", where "it" is an actor."""
    verb = tok.head
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") and c.i > tok.i for c in verb.children)
    if verb.lemma_ in ("seem", "appear", "happen") and clause:
        return True
    if verb.tag_ == "VBN" and verb.lower_ in _EXTRAPOSING:
        return True
    if verb.lemma_ in ("be", "remain", "become"):
        for c in verb.children:
            if c.dep_ in ("acomp", "attr") and c.lower_ in _EXTRAPOSING:
                return True
    return False
