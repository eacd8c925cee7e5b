"""PLOVER events: one record per sentence per event the sentence states.

How a sentence becomes events
1. Candidates. Every word the predicate lexicon (wirecoder/data/predicates.tsv,
   read by `events.lexicon`) knows: verbs ("shelled", "called on"), event nouns
   ("sanctions", "talks"), fixed phrases ("under bombardment") and deontic
   modals in someone's words ("Japan must act now" -> REQUEST).
2. Is it an event the text asserts? A verb must be a clause of its own (not an
   adjective, not a reduced relative "people killed"), realis (not a bare
   infinitive of intent, not "could"/"if"), and not the content of another act
   ("asked X to cease air strikes": one REQUEST, no ASSAULT; "an end to
   the shelling"). A noun counts only where news uses it to report an event:
   object of a light verb ("imposed sanctions", "raids begun last
   week"), subject of a verb of occurring ("the bombing began", "the
   vote would take place"), a speech-act noun with its complement
   ("requests for a pause"), "for talks" after a verb of travel, or a noun owned
   by an actor in a core argument ("Kigali's incursion breached ...").
3. Arguments from the parse: active subject / passive "by" phrase / controller
   of an infinitive -> source; direct object, passive subject or the row's
   preposition -> target; actors from `ctx.actors`. Agentless passives take the
   claimant as source only when the claimant is a state body reporting its own
   act ("police said 9 rioters were arrested"); first-person speakers and
   phrases with no subject ("all options are on the table") take the
   speaker. Coordinated actors give one record, with the first as the actor.
4. Type by argument where the row says so: "blocked a motorway" is PROTEST for
   crowds and COERCE for states; "X said Y violated the truce" is X ACCUSE Y.
5. claimed_by from `attribution.claimant`, negation and modality from
   `negation`, date from `time.resolve_date` (anchored on the last day the text
   spoke of; a sentence that names no date inherits the previous sentence's date
   within the same paragraph), location from the places in the predicate's clause.
6. One record per event: candidates of one type in one sentence whose actors do
   not conflict are one event ("captured 15 villages and burned 40 trucks"), and so
   is a participle that adds to an act (", killing six soldiers").
7. What speech does to an act: a decision is the act decided ("agreed to freeze the
   assets" is the SANCTION, not an AGREE); harm a speaker announces as its own side's
   future or conditional act is a THREATEN ("said it would ban imports"); yielding it
   says it will not do is a REJECT ("we will not lift the roadblocks"). A speaker also
   accuses without a verb of accusing, by calling an act wrong ("this was a reckless
   act"), saying an actor commits wrongs ("has turned repression into policy") or did
   something unlawfully ("had illegally entered").
8. Known tagger slips are read as the verbs they are: a gerund glued to its object
   ("denied mistreating prisoners"), a participle tagged as a noun after "been", a main
   verb hung off a long subject as a participle, a lemma the lemmatizer got wrong.

Where each step lives: 1 and 8 `events.candidates` (rows from `events.lexicon`,
tagger slips in `events.args`); 2 `events.assertion`, polarity and modality in
`negation`; 3 `events.roles` over the parse helpers of `events.args` and the actor
look-ups of `events.actors`; 4 and the other row conditions `events.conditions`;
5 `events.claims`, `events.date_place`; 6 `events.merge`; 7 `events.assertion`
(decisions), `events.announcements`, `events.accusations`. The coder's working
record is `events.record.WorkingEvent`. This module runs the steps over the
article, carrying what one sentence leaves to the next (date anchor, last
sources, quote speaker).

CAMEO roots: each lexicon row gives one (see policy.TypePolicy.cameo for the
type defaults): AGREE 03 (signed agreements 05), CONSULT 04, SUPPORT 05, COOPERATE 06, AID 07,
CONCEDE/RETREAT 08, REQUEST 02 (appeal) or 10 (demand), ACCUSE 11, REJECT 12,
THREATEN 13, PROTEST 14, MOBILIZE 15, SANCTION 16, COERCE 17, ASSAULT 18
(assault on persons), 19 (fighting) or 20 (mass violence).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from spacy.tokens import Span, Token

from wirecoder.extract.context import Context
from wirecoder.extract.events.accusations import stated_accusations
from wirecoder.extract.events.actors import (
    PUBLIC_BODY_SECTORS, country_actor, is_state, place_state, placed, same_actor,
)
from wirecoder.extract.events.announcements import recode_announced, share_threats, speaker_announces
from wirecoder.extract.common.syntax import child, clause_subject, copular_participle, gerund_compound, is_passive, stranded_main_verb
from wirecoder.extract.events.args import FIRST_PERSON, agent_of
from wirecoder.extract.events.assertion import (
    ByToken, absorbed_by_protest, decider, elaborates_other_act, governing_act, hypothetical_noun,
    is_infinitive_of_intent, noun_licence,
)
from wirecoder.extract.events.candidates import Candidate, find_candidates
from wirecoder.extract.events.claims import claimant_of, opens_with_quote, quote_speaker
from wirecoder.extract.events.conditions import Matcher, argument_conditions_hold, clause_conditions_hold
from wirecoder.extract.events.date_place import date_precision, date_word, event_location
from wirecoder.extract.events.intentions import recode_intentions, stated_intentions
from wirecoder.extract.events.lexicon import get_lexicon
from wirecoder.extract.events.merge import drop_speech_duplicates, merge_same_type
from wirecoder.extract.events.policy import policy
from wirecoder.extract.events.record import WorkingEvent
from wirecoder.extract.events.roles import Roles
from wirecoder.extract.events.targets import fallback_target, protest_target
from wirecoder.extract.negation import governing_denial, is_negated, modality
from wirecoder.extract.time import resolve_date
from wirecoder.models import Actor, Event

# Sources whose "attack" is not what a later "the operation" refers back to.
_UNARMED = frozenset({"CVL", "OPP", "PTY", "MED", "NGO", "EDU", "REL", "BUS", "HLH"})


@dataclass
class _State:
    """What the coder carries from sentence to sentence."""
    anchor: date | None = None              # the last day the text spoke of
    last_date: tuple[date, str] | None = None
    last_end: int = 0                       # char offset where the previous sentence ended
    last_source: Actor | None = None        # for "Scores split off and stormed ..."
    last_violence_source: Actor | None = None  # for "condemned the raid"
    last_hostile_source: Actor | None = None   # for "this was a reckless act," the minister said
    # the last source of each word of violence ("strike" -> who struck), for "condemned the strikes"
    violence_by_word: dict[str, Actor] = field(default_factory=dict)
    quote_speaker: Actor | None = None      # speaker of the last quote, for the quote sentences after it


class _Coder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.lex = get_lexicon()
        self.m = Matcher(self.lex, ctx)
        self.roles = Roles(ctx, self.lex, ctx.story.focus_country())
        self.state = _State()
        self._actorless: set[int] = set()   # words whose holding reading named no actor

    # ---- the article

    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.ctx.doc.sents:
            new_paragraph = "\n" in self.ctx.text[self.state.last_end: sent.start_char] or not events
            sent_events: list[Event] = []
            sent_dated: tuple[date, str] | None = None
            for rec in self.code_sentence(sent):
                when = self._date_for(sent, date_word(rec.trigger_tok, rec.licensor, rec.kind),
                                      new_paragraph)
                if when is not None and when[1] == "day":
                    sent_dated = sent_dated or when
                ev = rec.to_event(
                    date=when[0] if when else None, date_precision=date_precision(when[1]) if when else None,
                    location=event_location(self.ctx, rec.trigger_tok, rec.licensor), evidence=self.ctx.evidence(sent))
                sent_events.append(ev)
                self._remember_source(ev, rec.trigger_tok)
            self._move_date_anchor(sent, sent_dated, new_paragraph)
            self.state.last_end = sent.start_char + len(sent.text.rstrip())
            speaker = quote_speaker(self.ctx, sent)
            if speaker is not None:
                self.state.quote_speaker = speaker
            elif not opens_with_quote(sent):
                self.state.quote_speaker = None
            events.extend(sent_events)
        return events

    def _date_for(self, sent: Span, tok: Token, new_paragraph: bool) -> tuple[date, str] | None:
        got = resolve_date(sent, self.ctx.reference_date, self.state.anchor, tok)
        if got is None and not new_paragraph and self.state.last_date is not None:
            got = self.state.last_date  # the narrative goes on in the same paragraph
        return got

    def _move_date_anchor(self, sent: Span, sent_dated: tuple[date, str] | None, new_paragraph: bool) -> None:
        """The sentence's own date moves the anchor even when it states no event; else
        the first day-precise date of its events does; a new paragraph with no date
        of its own ends the inherited one."""
        stated = resolve_date(sent, self.ctx.reference_date, self.state.anchor)
        if stated is not None and stated[1] == "day":
            self.state.anchor = stated[0]
            self.state.last_date = stated
        elif sent_dated is not None:
            self.state.anchor = sent_dated[0]
            self.state.last_date = sent_dated
        elif new_paragraph and stated is None:
            self.state.last_date = None

    def _remember_source(self, ev: Event, trigger: Token) -> None:
        """Who acted, for later sentences that refer back ("Dozens ...", "the operation")."""
        if ev.source is None:
            return
        self.state.last_source = ev.source
        if policy(ev.type).violence and not ev.negated and ev.source.sector not in _UNARMED:
            self.state.last_violence_source = ev.source
        if policy(ev.type).force and not ev.negated and ev.source.sector not in _UNARMED:
            # "... have arrested 1,200 people" ... "condemned the arrests"
            self.state.violence_by_word[trigger.lemma_.lower()] = ev.source
        if policy(ev.type).harm and not ev.negated:
            self.state.last_hostile_source = ev.source

    # ---- one sentence

    def code_sentence(self, sent: Span) -> list[WorkingEvent]:
        cands = find_candidates(sent, self.lex)
        # Pass 1: which reading of each word holds, ignoring what governs it. Only
        # those readings can make their complement content ("denied that ..." is no
        # REJECT unless a claim is its object, so it does not swallow the clause).
        holding: ByToken = {}
        self._actorless = set()
        for cand in cands:
            if cand.trigger.i not in holding and cand.trigger.i not in self._actorless \
                    and self.code(cand, sent, {}) is not None:
                holding[cand.trigger.i] = [cand]
        coded: list[WorkingEvent] = []
        for (cand,) in holding.values():
            rec = self.code(cand, sent, holding)
            if rec is not None:
                coded.append(rec)
        coded += stated_accusations(sent, self.ctx, self.lex, self.state.quote_speaker,
                                    self.state.last_hostile_source)
        coded = recode_intentions(coded, stated_intentions(sent, self.ctx, self.lex, self.roles,
                                                           self.state.quote_speaker, self.state.last_source),
                                  self.lex)
        share_threats(coded)
        return merge_same_type(drop_speech_duplicates(coded))

    # ---- one candidate

    def code(self, cand: Candidate, sent: Span, by_token: ByToken) -> Optional[WorkingEvent]:
        """The record of one candidate, or None when it states no event; `by_token`
        holds the sentence's other readings that hold (empty in the first pass)."""
        entry, tok = cand.entry, cand.trigger
        claimant = claimant_of(self.ctx, sent, tok, self.state.quote_speaker)
        asserted = self._asserted(cand, by_token, claimant)
        if asserted is None:
            return None
        licensor, decided_by, mod = asserted
        conditional_harm = self._conditional_harm(cand, mod, claimant)
        if not clause_conditions_hold(cand, self.m, claimant is not None, claimant):
            return None

        src_tok, source, target, target_np = self._parties(cand, licensor, claimant)
        if not argument_conditions_hold(entry.conditions, self.lex, src_tok, source, target):
            return None
        source, target = self._implied_parties(cand, licensor, claimant, src_tok, source, target, target_np)
        etype = entry.type
        if source is None and target is None and policy(etype).needs_actor and not (
                src_tok is not None and self.lex.in_class("reciprocal", src_tok.lemma_.lower())):
            # the word's reading held but names no one: no later row reads it otherwise
            # ("critics launched an attack on the plan" is no ASSAULT for lack of actors)
            self._actorless.add(tok.i)
            return None                           # ... but "the parties agreed to" stands
        if source is None and target is None and policy(etype).needs_actor_or_place and cand.how == "occur" \
                and claimant is not None and event_location(self.ctx, tok, licensor) is None:
            return None
        if same_actor(source, target):
            target = None

        if claimant is not None and same_actor(claimant, source) and cand.kind == "verb" \
                and policy(etype).speech_act and tok.dep_ in ("ROOT", "conj"):
            claimant = None  # "Peru warned that ...": the warning is its own act, not hearsay
        negated = is_negated(tok, licensor)
        anchor_tok = licensor if licensor is not None else tok
        rec = WorkingEvent(type=etype, mode=entry.mode, cameo=entry.cameo, source=source, target=target,
                           negated=negated, claimed_by=claimant, trigger_tok=tok, licensor=licensor,
                           contexts=[mod] if mod in ("future", "hypothetical") else [], kind=cand.kind,
                           denial=governing_denial(anchor_tok), decider=decided_by)
        announced = mod in ("future", "hypothetical") and speaker_announces(claimant, source, src_tok)
        # a conditional harm stands only as a speaker's threat ("would strike if ...")
        if conditional_harm and (not announced or negated):
            return None
        recode_announced(rec, announced, mod, claimant)
        return rec

    @staticmethod
    def _conditional_harm(cand: Candidate, mod: str | None, claimant: Actor | None) -> bool:
        """Harm in a conditional clause of someone's words ("would strike if ..."): it
        stands only as that speaker's threat, decided once the source is known."""
        return mod == "hypothetical" and policy(cand.entry.type).harm and claimant is not None

    def _asserted(self, cand: Candidate, by_token: ByToken,
                  claimant: Actor | None) -> tuple[Token | None, Token | None, str | None] | None:
        """Whether the text asserts the candidate: (its licensing verb, the verb of the
        decision it is, its modality), or None when it is no asserted event."""
        entry, tok, lex = cand.entry, cand.trigger, self.lex
        licensor: Token | None = None
        decided_by = decider(tok, lex) if policy(entry.type).decided and cand.kind == "verb" else None
        if cand.kind == "verb":
            if (tok.dep_ in ("amod", "compound") and not gerund_compound(tok)) or (
                    tok.dep_ == "acl" and tok.tag_ == "VBN" and not stranded_main_verb(tok)):
                return None
            if gerund_compound(tok):
                licensor = tok.head  # polarity and denial reach the gerund through its object
            # a decision is the act ("agreed to freeze the assets"); other infinitives are intents
            if decided_by is None and is_infinitive_of_intent(tok, lex) and not (
                    policy(entry.type).said_infinitive and tok.head.lemma_.lower() in ("say", "add")):
                return None
        elif cand.kind == "noun":
            lic = noun_licence(cand, lex, self.ctx)
            if lic is None or hypothetical_noun(tok):
                return None
            licensor, cand.how = lic
            if licensor is not None and licensor.dep_ == "amod":
                return None
            if licensor is not None and policy(entry.type).decided and cand.how == "light":
                decided_by = decider(licensor, lex)      # "voted to impose sanctions"
            if licensor is not None and decided_by is None and is_infinitive_of_intent(licensor, lex) \
                    and not lex.in_class("presuppose", licensor.lemma_.lower()):
                return None  # "plans to launch an offensive"; but "intends to continue" one
        elif cand.kind == "modal":
            subj = child(tok, "nsubj", "nsubjpass")
            if claimant is None or subj is None or subj.lower_ in FIRST_PERSON or subj.lower_ == "you":
                return None
        why = None if decided_by is not None else governing_act(tok, by_token, lex)
        if why is not None and not (cand.kind == "phrase" and policy(entry.type).threat):
            return None
        if policy(entry.type).request and absorbed_by_protest(tok, by_token):
            return None

        anchor_tok = licensor if licensor is not None else tok
        mod_tok = anchor_tok.head if copular_participle(anchor_tok) else anchor_tok
        mod = modality(mod_tok, quoted=claimant is not None) if mod_tok.pos_ in ("VERB", "AUX") else None
        if mod == "hypothetical" and not policy(entry.type).threat and cand.kind != "modal" \
                and not self._conditional_harm(cand, mod, claimant):
            return None
        if "future" in entry.conditions and mod not in ("future", "hypothetical"):
            return None
        if cand.kind == "verb" and elaborates_other_act(tok, by_token, lex):
            return None
        return licensor, decided_by, mod

    def _parties(self, cand: Candidate, licensor: Token | None, claimant: Actor | None
                 ) -> tuple[Token | None, Actor | None, Actor | None, Token | None]:
        """(source phrase, source, target, target phrase) as the sentence states them."""
        tok = cand.trigger
        src_tok = self.roles.source_token(cand, licensor) if cand.kind != "modal" else None
        source = self.roles.resolve_source(src_tok, claimant, self.state.last_source)
        if "reported" in cand.entry.conditions:
            # "X said Y violated the truce": X accuses Y
            return src_tok, claimant, self.roles.actor(src_tok), src_tok
        if cand.kind == "modal":
            subj = child(tok, "nsubj", "nsubjpass")
            return src_tok, claimant, self.roles.actor(subj, avoid=claimant), subj
        target, target_np = self.roles.target(cand, source, licensor)
        if target is None:                      # "threatened to shell Iraqi towns", "asylum to rebels"
            target, fallback_np = fallback_target(self.roles, cand.entry, tok, licensor, source)
            target_np = target_np or fallback_np
        if cand.how == "harm" and licensor is not None:
            # "two soldiers were killed in a drone attack": the victims were attacked
            victims = child(licensor, "nsubjpass", "nsubj")
            hit = self.roles.actor(victims, avoid=source) if victims is not None else None
            if hit is not None:
                target, target_np = hit, victims
        if policy(cand.entry.type).force and target_np is not None and (
                target is None or (target.code is None and target.country is None)):
            # "stormed a military base": the base's owner is the target
            target = self.roles.installation_owner(target_np, tok, licensor, source) or target
        return src_tok, source, target, target_np

    def _implied_parties(self, cand: Candidate, licensor: Token | None, claimant: Actor | None,
                         src_tok: Token | None, source: Actor | None, target: Actor | None,
                         target_np: Token | None) -> tuple[Actor | None, Actor | None]:
        """Source and target where the sentence does not name them but implies them."""
        tok, etype = cand.trigger, cand.entry.type
        agentless = cand.kind == "verb" and is_passive(tok) and agent_of(tok) is None
        if source is None and agentless:
            source = self.roles.custodian(tok)   # "had been returned from Ukrainian captivity"
        if source is None and claimant is not None:
            if policy(etype).speech_act and (src_tok is None or cand.kind == "phrase"):
                source = claimant                 # "all options are on the table," he said
            elif (agentless or (cand.kind == "noun" and src_tok is None)) and policy(etype).self_reported \
                    and claimant.sector in PUBLIC_BODY_SECTORS:
                source = claimant                 # "9 rioters were arrested," police said
        if source is None and policy(etype).held_by_people and src_tok is not None and src_tok.pos_ == "NOUN" \
                and src_tok.lower_ not in FIRST_PERSON:
            # "prisoners rioted": people the tables do not know, placed below
            source = Actor(name=" ".join(t.text for t in src_tok.subtree if t.i <= src_tok.i), sector="CVL")
        if (target is None or target.code is None and target.country is None) and policy(etype).answers_violence \
                and target_np is not None and self.roles.is_violence_noun(target_np):
            # "condemned the strikes": who last struck, else who last used force; a place of
            # no known state the act hit ("the assault on Zamzam") is no one to accuse
            target = self.state.violence_by_word.get(target_np.lemma_.lower()) or self.state.last_violence_source \
                or target
        if target is None and policy(etype).answers_violence and cand.kind == "verb":
            # "closed the offices, a move (that) Belgrade called an attack": whoever made the move
            target = self._author_of_summarised_act(tok, source)
        if target is None and policy(etype).answers_proposal and target_np is not None:
            target = self.roles.proposer(target_np, source)  # "an exchange, which Russia rejected"
        if target is None and policy(etype).has_recipient:
            target = self.roles.recipient(tok, licensor, source)
        if target is None and policy(etype).targets_host_state:
            target = protest_target(self.roles, tok, licensor, source)   # the state protested to
        # parties of no known state are of the place the clause names ("ethnic Albanians
        # demonstrated in Serbia"); protesters, else of the state they protest to
        where = place_state(event_location(self.ctx, tok, licensor))
        if target is None and where is not None and (policy(etype).placed_target or cand.how == "purpose" and not (
                source is not None and where in (source.code, source.country))):
            # "eased emergency measures in Montenegro"; "arrived in Amman on a visit" is
            # a visit to Jordan (a trip at home visits no one)
            target = country_actor(self.ctx, where)
        host = target.code if policy(etype).targets_host_state and is_state(target) else None
        return placed(source, where or host), placed(target, where)


    def _author_of_summarised_act(self, verb: Token, source: Actor | None) -> Actor | None:
        """The doer of the act a relative clause's noun sums up: in "Chad expelled two
        aid workers, a move the UN called a blow", the noun "move" hangs on "expelled"
        (appositive, adverbial or "in a move"), whose subject made the move."""
        noun = verb.head
        if verb.dep_ != "relcl" or not self.lex.in_class("actnoun", noun.lemma_.lower()):
            return None
        gov = noun.head
        if noun.dep_ == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        elif noun.dep_ == "appos" and gov.dep_ in ("dobj", "pobj"):
            gov = gov.head if gov.dep_ == "dobj" else gov.head.head
        if gov.pos_ not in ("VERB", "AUX") or gov == verb:
            return None
        doer = clause_subject(gov)
        return self.roles.actor(doer, avoid=source) if doer is not None else None


def extract_events(ctx: Context) -> list[Event]:
    """PLOVER events of the article, one per sentence per event (see module docstring)."""
    return _Coder(ctx).run()
