"""What each PLOVER event type does in the coder: the one table of per-type policy.

Every rule of the coder that depends on an event's type reads it here, by the
rule's name (`policy(etype).harm`), never by testing type names. To change how
a type behaves, change its row; to add a rule, add a field and set it per row.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypePolicy:
    """How one PLOVER type is coded. Flags are False unless the row sets them."""
    type: str
    # CAMEO root for lexicon rows that give none. REQUEST spans CAMEO 02 (appeal) and 10
    # (demand); ASSAULT spans 18 (assault), 19 (fight) and 20 (mass violence); RETREAT and
    # CONCEDE both descend from 08 (yield).
    cameo: str
    # Performed by speaking: with no subject in the sentence, the speaker is the source
    # ("all options are on the table," he said), and a speaker's own verb is no hearsay.
    speech_act: bool = False
    # A state body may report it of itself in the agentless passive ("9 rioters were
    # arrested, police said": the claimant is the agent). Violence is never assumed so.
    self_reported: bool = False
    # Worth a record only with a known actor ("was praised as a milestone" is no SUPPORT).
    needs_actor: bool = False
    # Said in someone's words only to have begun or gone on ("'the shooting started at
    # first light,' a vendor said"), it is worth a record only with a known actor or a
    # place: else it is the colour of a witness's account, of no one and nowhere. (Told
    # by the text itself, "the bombardment began before dawn" stands.)
    needs_actor_or_place: bool = False
    # Always has a recipient; with none named it is the country the story is about.
    has_recipient: bool = False
    # Its complement is its content, not an event of its own ("asked X to cease air
    # strikes": one REQUEST, no ASSAULT).
    takes_content: bool = False
    # A decision to do it is the act ("agreed to freeze the assets" is the SANCTION).
    decided: bool = False
    # Harm: announced by the speaker as its own side's act it is a threat (see
    # `announced_as`); its source is who a later "this was a reckless act" blames.
    harm: bool = False
    # Harm that needs no named target to be threatened ("said it would strike").
    threat_without_target: bool = False
    # What this harm becomes when a speaker announces it as its own side's act.
    announced_as: str | None = None
    # Yielding: what the speaker says it will not do is a refusal (see `refused_as`).
    refused_as: str | None = None
    # The PLOVER mode of that refusal ("will not negotiate" refuses to meet).
    refusal_mode: str = "yield"
    # Armed violence: its source is who "condemned the raid" blames, its THREATEN mode is
    # "violence", and harm in it ("killed in a drone attack") reports it.
    violence: bool = False
    # Force used on people or places: a target's installation ("stormed a military base")
    # gives the target; a definite mention of it ("the operation") is an act of violence.
    force: bool = False
    # A threat: it speaks of a possible act, so it stands in hypothetical mood, a threat
    # phrase stands even under another act, and threats share one coordination.
    threat: bool = False
    # Stated in an infinitive after "said"/"added" ("said to demand ..."): still the act.
    said_infinitive: bool = False
    # "condemned the strikes": with no target named, who last struck is the target.
    answers_violence: bool = False
    # "an exchange, which Russia rejected": the proposer of the object is the target.
    answers_proposal: bool = False
    # A request: part of a protest it is said in ("crowds gathered, calling for ..."), a
    # noun of it with a complement is a speech act ("requests for a pause"), its source
    # may be a "from" phrase deep in the noun's phrase, and a verb of it governing
    # "invited X to resume talks" makes the talks its content.
    request: bool = False
    # Absorbs the requests said in it ("crowds gathered, calling for ...").
    absorbs_requests: bool = False
    # "travelled to Khartoum for talks", "arrived on a visit", "converged for a rally": the
    # noun after a verb of travel is an event.
    purpose_of_travel: bool = False
    # Named as the backdrop of another act it happened: "threw stones during
    # demonstrations", "clashes amid protests" (a noun licensed by "during"/"amid").
    backdrop: bool = False
    # A verb of it that only restates another record's denial ("denied that guards had
    # mistreated detainees") or decision ("agreed to freeze the assets") gives way to it.
    restates_denial: bool = False
    restates_decision: bool = False
    # Announced as the speaker's own future act it is a commitment, PLOVER AGREE ("will
    # support the bid"). Announced aid stays AID ("would deliver missiles"), as our gold reads it.
    committed_when_announced: bool = False
    # Intended or threatened ("is ready to strike", "will boycott ... unless"), it is a threat.
    intended_as_threat: bool = False
    # With no target named, a protest is aimed at the state it is held in (events/targets.py).
    # With no target named, an act done in a place is aimed at that place's state ("eased
    # emergency measures in Montenegro", "strengthened its forces in Lebanon").
    placed_target: bool = False
    # Whoever holds it is a party even where the actor tables know no such group
    # ("prisoners rioted", "fundamentalists began a hunger strike"): people, of the place.
    held_by_people: bool = False
    targets_host_state: bool = False
    # Prepositions that name whom the act is for or against when the lexicon row's own
    # target places find no one (events/targets.py): help "to/for/with", harm "against/on/at".
    target_preps: tuple[str, ...] = ()


# Prepositions that introduce the party an act is done for or with ("asylum to rebels",
# "shared evidence with the U.S."), and those that introduce whom an act is aimed at
# ("sanctions on Iran", "fired at positions", "war with Iraq", "resume attacks in
# Israel"); "to" after harm is mostly a destination ("restrict the transit of goods to
# Russia"), so each kind of act has its own; troops deployed "to Haiti" are sent there,
# not against it (MOBILIZE has none).
HELP_PREPS = ("to", "for", "with", "toward", "towards")
HARM_PREPS = ("against", "on", "upon", "at", "into", "with", "in")
REQUEST_PREPS = ("to", "on", "upon", "from")


_TABLE = (
    TypePolicy("AGREE", "03", target_preps=HELP_PREPS,  self_reported=True, needs_actor=True, takes_content=True, refused_as="REJECT",
               answers_proposal=True, restates_decision=True),
    TypePolicy("CONSULT", "04", target_preps=HELP_PREPS,  self_reported=True, purpose_of_travel=True,
               refused_as="REJECT", refusal_mode="meet"),
    TypePolicy("SUPPORT", "05", committed_when_announced=True, target_preps=HELP_PREPS,  speech_act=True, self_reported=True, needs_actor=True, takes_content=True,
               answers_proposal=True),
    TypePolicy("COOPERATE", "06", committed_when_announced=True, target_preps=HELP_PREPS,  self_reported=True, needs_actor=True, refused_as="REJECT"),
    TypePolicy("AID", "07", target_preps=HELP_PREPS,  self_reported=True, has_recipient=True, decided=True),
    TypePolicy("CONCEDE", "08", placed_target=True, committed_when_announced=True, target_preps=HELP_PREPS,  self_reported=True, needs_actor=True, takes_content=True, refused_as="REJECT"),
    TypePolicy("RETREAT", "08", committed_when_announced=True, target_preps=HELP_PREPS,  self_reported=True, refused_as="REJECT"),
    TypePolicy("REQUEST", "02", target_preps=REQUEST_PREPS,  speech_act=True, self_reported=True, takes_content=True, said_infinitive=True,
               answers_violence=True, request=True),
    TypePolicy("ACCUSE", "11", target_preps=HARM_PREPS,  speech_act=True, needs_actor=True, takes_content=True, answers_violence=True),
    TypePolicy("REJECT", "12", target_preps=HARM_PREPS,  speech_act=True, self_reported=True, needs_actor=True, takes_content=True,
               answers_violence=True, answers_proposal=True, restates_denial=True),
    TypePolicy("THREATEN", "13", intended_as_threat=True, target_preps=HARM_PREPS,  speech_act=True, self_reported=True, takes_content=True, threat=True,
               said_infinitive=True),
    TypePolicy("PROTEST", "14", intended_as_threat=True, targets_host_state=True,  absorbs_requests=True,
               purpose_of_travel=True, backdrop=True, held_by_people=True),
    TypePolicy("MOBILIZE", "15", placed_target=True, self_reported=True, decided=True),
    TypePolicy("SANCTION", "16", intended_as_threat=True, target_preps=HARM_PREPS,  self_reported=True, has_recipient=True, decided=True, harm=True,
               announced_as="THREATEN"),
    TypePolicy("COERCE", "17", placed_target=True, intended_as_threat=True, target_preps=HARM_PREPS,  self_reported=True, decided=True, harm=True, announced_as="THREATEN", force=True),
    TypePolicy("ASSAULT", "19", placed_target=True, needs_actor_or_place=True, intended_as_threat=True, target_preps=HARM_PREPS,  harm=True, threat_without_target=True, announced_as="THREATEN", violence=True,
               force=True),
)

POLICY: dict[str, TypePolicy] = {p.type: p for p in _TABLE}
# The type of the records the coder makes of a judgement in someone's words ("this was a
# reckless act"), with no lexicon row behind them.
ACCUSATION = POLICY["ACCUSE"]
# What a stated intention is (events/intentions.py): a commitment, or a threat.
COMMITMENT = POLICY["AGREE"]
THREAT = POLICY["THREATEN"]


def policy(etype: str) -> TypePolicy:
    """The policy row of a PLOVER type (KeyError for a type the table does not know)."""
    return POLICY[etype]
