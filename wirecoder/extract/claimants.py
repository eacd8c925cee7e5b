"""On whose word a clause is reported: the claimant of events and figures.

Built on both frames readers: `attribution` (reporting verbs, "according to") and
`quotes` (a clause inside a direct quotation is the quote's speaker's). Kept apart from
both so their imports run one way: attribution <- quotes <- claimants.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from wirecoder.extract.attribution import (
    according_to,
    cited_source,
    content_of,
    is_reporting_verb,
    own_subject,
    reports_clause,
    resolve,
    same_paragraph,
    speaker_token,
    statement_verb,
)
from wirecoder.extract.context import Context
from wirecoder.extract.quotes import direct_quotes
from wirecoder.models import Actor


def claimant(sent: Span, ctx: Context, trigger: Token | None = None) -> Actor | None:
    """On whose word the clause holding `trigger` (default: the sentence) is reported.

    None for the article's own voice and for anonymous sources ("reports said",
    "witnesses said"). A reporting verb's own clause has no claimant other than
    an "according to X" around it or a reporting verb above it: in "Peru warned
    that ..." the warning is Peru's own act, not something Peru is quoted as
    saying. Words inside a direct quotation are the speaker's claim, also where
    the quotation runs on over several sentences."""
    tok = trigger if trigger is not None else sent.root
    cur = tok
    # spaCy hands out a new Token object on every access: compare positions, never identity
    while cur.head.i != cur.i:
        head = cur.head
        if reports_clause(head, cur.dep_):
            # "X reported, citing Y, that ...": the claim is Y's (the parse may hang
            # "citing" on the reported clause itself)
            cited = cited_source(head) or (cited_source(cur) if cur.dep_ == "ccomp" else None)
            source = resolve(cited, ctx) if cited is not None and same_paragraph(cited, tok) else None
            if source is not None:
                return source
            spk = speaker_token(head)
            if spk is not None and same_paragraph(spk, tok):
                return resolve(spk, ctx)
        verb = statement_verb(head) if cur.dep_ == "acl" else None
        if verb is not None:  # "said in a statement that ..." parsed as the statement's clause
            spk = speaker_token(verb)
            if spk is not None and same_paragraph(spk, tok):
                return resolve(spk, ctx)
        if head.dep_ == "ROOT" and cur.dep_ == "conj" and is_reporting_verb(head) and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NUM" for c in cur.children):
            # "The army said 14 were killed and 30 wounded": the second count
            # hung on "said" is still what the army said
            spk = speaker_token(head)
            if spk is not None and same_paragraph(spk, tok):
                return resolve(spk, ctx)
        cur = head
    root = cur
    own_speech = tok.i == root.i and is_reporting_verb(root)
    if not own_speech:
        # "Five soldiers were killed, the ministry said" parsed with "said" under the root.
        # The reporting verb needs a subject of its own: in "Peru condemned the raid,
        # repeating its threat" the participle is Peru's, and Peru's act no hearsay.
        for child in root.children:
            # an inserted "X said," (parataxis) vouches for the whole sentence, also
            # for a clause that follows it ("left 30 dead, the group said, and wounded 40")
            if (child.i != tok.i and is_reporting_verb(child) and child.dep_ in ("parataxis", "ccomp", "advcl")
                    and (child.i > tok.i or child.dep_ == "parataxis")
                    and content_of(child) is None and own_subject(child)[0]
                    and not child.left_edge.i <= tok.i <= child.right_edge.i):
                spk = speaker_token(child)
                if spk is not None and same_paragraph(spk, tok):
                    return resolve(spk, ctx)
        # "The toll rose to 45, officials told Reuters, after 20 more bodies were found":
        # the clause after an inverted reporting verb is on the same word
        if (not own_speech and reports_clause(root, "ccomp") and any(
                c.dep_ == "ccomp" and c.i < root.i for c in root.children)):
            for child in root.children:
                if child.dep_ in ("advcl", "conj") and child.i > root.i and \
                        child.left_edge.i <= tok.i <= child.right_edge.i:
                    spk = speaker_token(root)
                    if spk is not None and same_paragraph(spk, tok):
                        return resolve(spk, ctx)
    sources = according_to(sent)
    if sources:
        return resolve(sources[0][1], ctx)
    if own_speech:
        return None
    return quoted_speaker(ctx, tok)


def quoted_speaker(ctx: Context, tok: Token) -> Actor | None:
    """Speaker of the direct quotation `tok` stands in, if any."""
    quotes, spans = direct_quotes(ctx)
    for quote, span in zip(quotes, spans, strict=True):
        if span.start <= tok.idx < span.end:
            return quote.speaker
    return None
