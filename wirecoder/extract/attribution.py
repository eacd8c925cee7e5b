"""Who says so: the speaker of a quote and the claimant of a reported clause.

News attributes almost everything: "X said (that) ...", "..., X said",
"according to X", "X claimed to have captured ...", "X told state television
that ...". This module reads those frames off spaCy's dependency parse and
resolves the speaker noun phrase to an Actor through `ctx.actors` (which
handles pronouns and short forms); a speaker the table leaves unresolved
still becomes an actor: a name it does not know, a definite description
("the group") pointing back to the body last named as a subject, or failing
that the description itself, so the claim is never taken for the article's
own voice. Quotes (Quote.speaker) and, through `claimants`, figures and events
(claimed_by) all ask it the same question, so the answer is made in one place.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.extract.common.settings import ANTECEDENT_WINDOW
from wirecoder.extract.common.syntax import is_definite, is_plural
from wirecoder.extract.common.vocabulary import words
from wirecoder.data.actors import get_actor_kb
from wirecoder.extract.context import Context
from wirecoder.models import Actor

# Verbs that report what someone says, states or asserts (lemmas). A clause they
# govern (ccomp) is reported speech of their subject.
SPEECH_VERBS = words("speech")
# Verbs that report a number or fact rather than words: they make a claimant
# (figures, events) but their clause is not quoted speech.
REPORTING_ONLY = words("reporting_only")
# Verbs whose direct object is a count a source vouches for: "the ministry
# reported 30 deaths", "officials confirmed 12 arrests".
COUNTING_VERBS = words("counting_verbs")
# "Officials put the death toll at 52": these verbs vouch for a tally they place.
_TALLY_VERBS = words("tally_verbs")
_TALLY_NOUNS = words("tally_objects")
# Verbs that carry a direct quote only when it stands in their own clause: "X
# called the raid "reckless, indefensible"", "X condemned the "barbaric
# attack on civilians"".
NAMING_VERBS = words("naming_verbs")
# Everything that can introduce a direct quote.
QUOTING_VERBS = SPEECH_VERBS | NAMING_VERBS | words("quoting_only")
# Reporting verbs whose infinitive complement is a claim: "claimed to have captured",
# "denied sending" (but not "vowed to respond", which is the speaker's own act).
CLAIM_XCOMP = words("claim_xcomp")
# Subjects that are not anyone in particular: the article's own hedge, no claimant.
ANONYMOUS = words("anonymous_sources")
# Verbs of an outlet passing on others' words ("citing the ministry", "quoting officials").
RELAY_VERBS = words("relay_verbs")
# Common nouns for a body of people that a definite description ("the group")
# uses to point back to a named organisation.
COLLECTIVE_NOUNS = words("collective_nouns")
# Sectors of the state's own bodies: "the group" never refers back to them.
STATE_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
# Relations that hand a verb its subject from the verb it hangs on:
# "..., Novak said, adding, ...", "the agency issued a warning, saying ...".
_SUBJECT_FROM_HEAD = frozenset({"advcl", "conj", "xcomp", "ccomp", "pcomp", "prep"})


@dataclass
class Attribution:
    speaker: Actor | None
    verb: Token | None          # the reporting word ("said", "according")
    content: Span | None        # the reported clause, without "that"


# ------------------------------------------------------------------ helpers

def sentences(ctx: Context) -> list[Span]:
    """The article's sentences as a list, made once per article: every speaker
    resolved by a definite description looks back over them."""
    if "sentences" not in ctx.notes:
        ctx.notes["sentences"] = list(ctx.doc.sents)
    return ctx.notes["sentences"]


def resolve(tok: Token | None, ctx: Context) -> Actor | None:
    """The actor a speaker noun phrase (headed by tok) stands for, or None."""
    if tok is None or ctx.actors is None:
        return None
    if tok.lemma_.lower() in ANONYMOUS and tok.pos_ in ("NOUN", "PROPN"):
        return None
    if ctx.story is not None and ctx.story.in_dateline(tok):
        tok = _speaker_after_dateline(tok, ctx.story.dateline.end)
        if tok is None:
            return None
    # "the spokesman, Pavel Novak, said": the named person is the speaker
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                # "the rights group Viasna": the name, known to the table or not
                return ctx.actors.for_token(child) or _named_source(child)
    actor = ctx.actors.for_token(tok)
    # a name the tagger took for a common noun ("Timmermans said", tagged NNS):
    # capitalised mid-sentence, with no determiner
    misread_name = (tok.is_title and tok.i > tok.sent.start and tok.pos_ in ("NOUN", "ADV", "ADJ")
                    and not any(c.dep_ == "det" for c in tok.children))
    if actor is None and (tok.pos_ == "PROPN" or misread_name):
        actor = _by_surname(tok, ctx)  # "Frans Timmermans ... Timmermans said"
    if actor is None and (tok.pos_ == "PROPN" or misread_name or tok.ent_type_ in ("ORG", "PERSON") or any(
            c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in tok.lefts)):
        actor = _named_source(tok)  # "the Viasna human rights centre" is named by its name
    if actor is None and tok.pos_ == "NOUN" and _is_agent_noun(tok):
        actor = _described_source(tok, ctx)
    if (actor is None and tok.pos_ == "NOUN" and is_definite(tok) and tok.dep_ == "nsubj"
            and is_reporting_verb(tok.head) and tok.lemma_.lower() not in CARRIER_NOUNS):
        # "the coastguard said", "the hospital said": a definite speaker the lexicon
        # does not know still names the source; its claim is not the article's voice
        actor = _described_source(tok, ctx)
    return actor


def _speaker_after_dateline(tok: Token, story_start: int) -> Token | None:
    """The speaker when the parse made the dateline the subject: "NIAMEY, Aug 3 - Niger's
    junta said" (the junta its apposition) or "CONAKRY, May 5 - Guinea's junta said" (a
    second subject). The place a story is filed from says nothing itself."""
    cands = [c for c in tok.children if c.dep_ == "appos"] + [
        c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
    return next((c for c in cands if c.idx >= story_start), None)


def _by_surname(tok: Token, ctx: Context) -> Actor | None:
    """The one person already named in full whose last name is `tok`."""
    if ctx.actors is None or not tok.is_title:
        return None
    hits = [a for a in ctx.actors.actors
            if a.name != tok.text and a.name.split()[-1:] == [tok.text] and len(a.name.split()) > 1]
    return hits[0] if len(hits) == 1 else None


def _is_agent_noun(tok: Token) -> bool:
    """A common noun that can name who speaks ("the group", "the ministry"), as
    opposed to what carries the words ("the statement", "the document")."""
    lemma = tok.lemma_.lower()
    kb = get_actor_kb()
    return lemma in COLLECTIVE_NOUNS or kb.noun(lemma) is not None or lemma in kb.all_org_nouns()


def _described_source(tok: Token, ctx: Context) -> Actor:
    """A speaker the actor table left unresolved, named by a common noun.

    A definite description ("The group said ...") points back to the body the
    text last made the subject of a sentence; failing that, the claim still
    names its source by the description itself, so it is not taken for the
    article's own voice."""
    if is_definite(tok):
        antecedent = _antecedent(tok, ctx)
        if antecedent is not None:
            return antecedent
    info = get_actor_kb().noun(tok.lemma_.lower())
    toks = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod", "nmod") or t.i == tok.i]
    start, end = toks[0].idx, tok.idx + len(tok.text)
    return Actor(name=tok.doc[toks[0].i: tok.i + 1].text, sector=info.sector if info else None,
                 role=info.role if info and info.person else None, mentions=[(start, end)])


def _antecedent(tok: Token, ctx: Context, depth: int = 0) -> Actor | None:
    """The body a definite description refers back to: the latest subject in this
    or the previous ANTECEDENT_WINDOW sentences that names a body (a proper name,
    "Al-Shabaab fighters", or a body noun such as "ministry"). A collective noun
    ("the group") refers to a body outside the state; a lexicon noun ("the
    agency") to one of its sector."""
    kb = get_actor_kb()
    info = kb.noun(tok.lemma_.lower())
    want_sector = info.sector if info is not None and not info.weak else None
    collective = tok.lemma_.lower() in COLLECTIVE_NOUNS
    sents = sentences(ctx)
    k = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    window = sents[max(0, k - ANTECEDENT_WINDOW): k + 1]
    if collective:
        # "the Emergency Lawyers group said ... the group said": the body last
        # named with the same head noun, before any other body in between
        for s in reversed(window):
            for cand in reversed([t for t in s if t.i < tok.i and t.lemma_.lower() == tok.lemma_.lower()
                                  and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)]):
                return ctx.actors.for_token(cand) or _named_source(cand)
    for s in reversed(window):
        subjects = [t for t in s if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass")]
        for cand in reversed(subjects):
            if cand.ent_type_ in ("PERSON", "NORP") or cand.pos_ == "PRON":
                continue  # a person, or a people ("Serbs gathered ... the division said"), is no body
            if cand.lemma_.lower() == tok.lemma_.lower() and is_definite(cand):
                if depth < 2:  # "The group said ... The group denied ...": the same body
                    actor = ctx.actors.for_token(cand) or _antecedent(cand, ctx, depth + 1)
                    if actor is not None:
                        return actor
                continue
            cand_info = kb.noun(cand.lemma_.lower())
            # the members of a named body stand for it: "Al-Shabaab fighters" -> the group
            by_name = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in cand.children)
            if cand_info is not None and cand_info.person and not by_name:
                continue  # one person ("a military official") is no body
            if not (cand.pos_ == "PROPN" or by_name or cand_info is not None and cand_info.body):
                continue
            if is_plural(cand) != is_plural(tok) and not by_name and not cand.pos_ == "PROPN":
                continue
            actor = ctx.actors.for_token(cand)
            if actor is None:
                continue
            if want_sector and actor.sector != want_sector:
                continue
            if collective and actor.sector in STATE_BODY_SECTORS:
                continue
            return actor
    return None


def _named_source(tok: Token) -> Actor:
    """A named speaker the actor table does not know ("the Sudan Doctors' Union"):
    an actor with its name only, so the claim still names its source."""
    toks = [tok]
    for child in sorted(tok.lefts, key=lambda t: -t.i):
        # modifiers that run on up to the name: "the Viasna human rights centre"
        if child.dep_ in ("compound", "poss", "amod", "case", "nmod") and child.right_edge.i == toks[0].i - 1:
            toks[0:0] = list(child.subtree)
    while len(toks) > 1 and toks[0].dep_ == "det":
        toks = toks[1:]
    start, end = toks[0].idx, tok.idx + len(tok.text)
    return Actor(name=tok.doc[toks[0].i: tok.i + 1].text, mentions=[(start, end)])


def own_subject(verb: Token) -> tuple[bool, Token | None]:
    """(whether the verb's clause settles its subject, that subject)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return True, child
        if child.dep_ == "agent":  # "it was announced by the ministry"
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return True, pobj
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        if verb.lemma_.lower() in ("quote", "cite"):
            return True, passive  # "Putin was quoted as saying ..."
        return True, None  # "it was said that ...": no speaker in this clause
    return False, None


def speaker_token(verb: Token) -> Token | None:
    """The noun phrase head that says what `verb` reports.

    A participle without its own subject ("..., adding, ...", "saying ...")
    takes the subject of the reporting verb above it, else of the verb it hangs
    on: in '"...," Scholz said, adding, "..."' the parse may hang "adding" on
    the quoted verb, whose subject is not the speaker."""
    settled, subj = own_subject(verb)
    if settled:
        return subj
    chain: list[Token] = []
    cur = verb
    while cur.dep_ in _SUBJECT_FROM_HEAD and cur.head.i != cur.i and len(chain) < 8:
        cur = cur.head
        chain.append(cur)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a statement saying ..."
    for anc in chain:  # a reporting verb above settles it
        if anc.lemma_.lower() in SPEECH_VERBS | {"quote", "cite"} and anc.pos_ in ("VERB", "AUX"):
            settled, subj = own_subject(anc)
            if settled:
                return subj
    for anc in chain:
        settled, subj = own_subject(anc)
        if settled:
            return subj
        if anc.dep_ == "acl" and anc.head.pos_ in ("NOUN", "PROPN"):
            return anc.head
    return None


def content_of(verb: Token) -> Span | None:
    """The clause a reporting verb governs, without the complementiser 'that'."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            toks = [t for t in child.subtree]
            # "said, citing officials, that ...": the participle is the attribution's, not the clause's
            for part in child.lefts:
                if part.tag_ == "VBG" and part.lemma_.lower() in RELAY_VERBS:
                    toks = [t for t in toks if not part.left_edge.i <= t.i <= part.right_edge.i]
            while toks and (toks[0].dep_ == "mark" or toks[0].is_punct
                            or toks[0].lower_ == "that" and toks[0].pos_ == "SCONJ"):
                toks = toks[1:]
            while toks and toks[-1].is_punct and toks[-1].text not in ("\u201d", '"'):
                toks = toks[:-1]
            # a dateline the parse pulled into the clause: "GAZA, Oct 10 (AP) - ..."
            dashes = [k for k, t in enumerate(toks[:12]) if t.text in ("-", "\u2014", "\u2013", "--")]
            if dashes and toks[0].is_upper and len(toks[0].text) > 2:
                toks = toks[dashes[0] + 1:]
            # the writer's comment on the whole clause: "Kenya says the border runs along
            # the river, a view Somalia rejects" -- Kenya did not say the last part
            for comment in child.rights:
                if (comment.dep_ in ("appos", "npadvmod", "attr") and comment.pos_ == "NOUN"
                        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in comment.children)
                        and comment.left_edge.i > 0 and comment.doc[comment.left_edge.i - 1].text == ","
                        and toks and comment.right_edge.i >= toks[-1].i):
                    toks = [t for t in toks if t.i < comment.left_edge.i - 1]
                    break
            if toks:
                return verb.doc[toks[0].i: toks[-1].i + 1]
    return None


# What carries a source's words or numbers rather than the source itself:
# "according to a statement from the ministry", "a tally by AFP", "figures
# released by the health ministry" -- the source is whoever the carrier is from.
CARRIER_NOUNS = words("carrier_nouns")


def _source_of_carrier(tok: Token) -> Token:
    """The source behind a carrier noun ("a tally by AFP" -> AFP), else `tok`."""
    if tok.lemma_.lower() not in CARRIER_NOUNS or tok.pos_ != "NOUN":
        return tok
    frontier = [tok]
    for _ in range(2):  # "figures released by X": the carrier, then its participle
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and pobj.lemma_.lower() not in CARRIER_NOUNS:
                        return pobj
                if child.dep_ == "acl":
                    nxt.append(child)
            if any(c.dep_ == "poss" for c in node.children):  # "the ministry's statement"
                return next(c for c in node.children if c.dep_ == "poss")
        frontier = nxt
    return tok


def cited_source(verb: Token) -> Token | None:
    """The source a reporting verb passes on: "Reuters reported, citing the health
    ministry, that ..." -> ministry. Where a newspaper or agency quotes a body, the
    number or claim is that body's."""
    for child in verb.children:
        if child.tag_ == "VBG" and child.lemma_.lower() in RELAY_VERBS and child.dep_ in ("advcl", "xcomp", "conj"):
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() not in ANONYMOUS:
                return _source_of_carrier(obj)
    return None


def statement_verb(noun: Token) -> Token | None:
    """The reporting verb of "said in a statement", "wrote in a post" when `noun`
    is the carrier ("statement"), else None."""
    if noun.lemma_.lower() not in CARRIER_NOUNS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "via", "through"):
        return None
    verb = prep.head
    return verb if is_reporting_verb(verb) else None


def according_to(sent: Span) -> list[tuple[Token, Token]]:
    """(the word 'according', the head of X) for each "according to X" in the sentence."""
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            to = tok.nbor(1)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in to.subtree if c.pos_ in ("NOUN", "PROPN")), None)
            if pobj is not None:
                out.append((tok, _source_of_carrier(pobj)))
    return out


def reports_clause(verb: Token, dep: str) -> bool:
    """`verb` puts what hangs on it by `dep` on its subject's word."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if dep in ("ccomp", "parataxis"):
        return lemma in SPEECH_VERBS or lemma in COUNTING_VERBS
    if dep == "xcomp":
        return lemma in CLAIM_XCOMP  # "claimed to have captured"
    if dep == "nsubjpass" and lemma in COUNTING_VERBS:  # "a toll of 17 was confirmed by the army"
        return any(c.dep_ == "agent" for c in verb.children)
    if dep in ("dobj", "prep"):
        if lemma in COUNTING_VERBS:  # "the ministry reported 30 deaths"
            return True
        return lemma in _TALLY_VERBS and any(  # "officials put the death toll at 52"
            c.dep_ == "dobj" and c.lemma_.lower() in _TALLY_NOUNS for c in verb.children)
    return False


def is_reporting_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")


# --------------------------------------------------------------- public API

def attributions(sent: Span, ctx: Context) -> list[Attribution]:
    """Every attribution frame in the sentence: reporting verbs and "according to X"."""
    out: list[Attribution] = []
    for tok in sent:
        if is_reporting_verb(tok):
            out.append(Attribution(speaker=resolve(speaker_token(tok), ctx), verb=tok,
                                   content=content_of(tok)))
    for acc, pobj in according_to(sent):
        head = acc.head
        content = None
        if head.i != acc.i:
            toks = [t for t in head.subtree if not (acc.left_edge.i <= t.i <= acc.right_edge.i)]
            toks = [t for t in toks if t.i < acc.i] or toks
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
            if toks:
                content = sent.doc[toks[0].i: toks[-1].i + 1]
        out.append(Attribution(speaker=resolve(pobj, ctx), verb=acc, content=content))
    return out


def same_paragraph(a: Token, b: Token) -> bool:
    """No line break between the two words: a parse that ran one paragraph into
    the next (a sentence split missed) must not lend one paragraph's speaker to
    the other's numbers."""
    lo, hi = sorted((a.i, b.i))
    # the words' own span, not doc.text: that rebuilds the whole article's text per call
    return "\n" not in a.doc[lo:hi].text_with_ws
