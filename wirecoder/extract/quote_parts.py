"""One quotation interrupted by its attribution is one quote.

News splits a speaker's words around the attribution: '"We will not
leave," she said, "until the decree is withdrawn."', or '"We will not
leave," she said. "The decree must go."'. Annotated corpora of real news
(PolNeAR, PARC) record such a quotation once, as the speaker's words with
the attribution left out; others (the project's own gold) record each
piece. The unit is a setting (JOIN_ENV): by default each piece is a Quote;
with it on, the pieces of one quotation are given as one Quote instead
(texts joined by a space, evidence from the first piece's sentence to the
last one's). Figures and claimants read the pieces either way.

Pieces join when they stand in one paragraph, only a short attribution
stands between them, and the later piece has no speaker of its own: it was
carried over from the piece before, or it hangs on the same reporting verb
or on one that stands between the pieces ('"...," she said, "..."'). The
attribution must stand between them: '"all measures," which "may include
..."' is one speaker's two phrases, not one quotation cut by "she said".
A piece a participle introduces ('"...," he said, adding, "..."') is a
new statement: the corpora that join quotations keep it apart.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from wirecoder.models import Evidence, Quote

# Setting: "1" gives each split quotation whole (PolNeAR's and PARC's unit);
# unset, its pieces (the unit of the project's own gold, ../shared/eval/dev).
JOIN_ENV = "WIRECODER_JOIN_QUOTES"
# The most characters of attribution between two pieces of one quotation
# ('," said Alicia Bannon, senior counsel at the Brennan Center. "'): more is
# a sentence of the writer's own, and the next quotation is a new one.
MAX_GAP_CHARS = 160


def join_enabled() -> bool:
    """Whether split quotations are given whole instead of as pieces (see JOIN_ENV)."""
    return os.environ.get(JOIN_ENV, "") == "1"


@dataclass
class PieceInfo:
    """How a direct-quote piece got its speaker (recorded by quotes._direct_quotes)."""
    start: int            # first character inside the marks
    end: int              # one past the last character inside the marks
    outer_start: int
    outer_end: int
    verb_at: int | None   # character offset of the reporting verb that carries it
    carried: bool         # speaker taken over from the quote or sentence before
    by_participle: bool = False  # its verb is a participle ('adding, "..."')


def _joins(text: str, a: PieceInfo, b: PieceInfo, qa: Quote, qb: Quote) -> bool:
    gap = text[a.outer_end:b.outer_start]
    if "\n" in gap or len(gap) > MAX_GAP_CHARS:
        return False
    a_between = a.verb_at is not None and a.outer_end <= a.verb_at < b.outer_start
    # '"...," X said, "..."': one verb, standing between the two pieces
    same_verb = a_between and a.verb_at == b.verb_at
    # '"...," X said. "...," she went on': the later piece's own verb stands between the two
    verb_between = (b.verb_at is not None and a.outer_end <= b.verb_at < b.outer_start
                    and not b.by_participle)
    # '"...," X said. "..."': carried over the earlier piece's attribution
    carried_over = b.carried and a_between
    if not (same_verb or verb_between or carried_over):
        return False
    return _same_speaker(qa, qb)


def _same_speaker(qa: Quote, qb: Quote) -> bool:
    if qa.speaker is None or qb.speaker is None:
        return qa.speaker is None and qb.speaker is None
    return qa.speaker.name == qb.speaker.name


def joined_quotations(text: str, quotes: list[Quote], info: list[PieceInfo]) -> list[Quote]:
    """The direct quotes with each run of pieces of one quotation replaced by the whole."""
    runs: list[list[Quote]] = []
    last: PieceInfo | None = None
    for q, piece in zip(quotes, info, strict=True):
        if runs and last is not None and _joins(text, last, piece, runs[-1][-1], q):
            runs[-1].append(q)
        else:
            runs.append([q])
        last = piece
    out: list[Quote] = []
    for run in runs:
        if len(run) == 1:
            out.append(run[0])
            continue
        start, end = run[0].evidence.start, max(q.evidence.end for q in run)
        out.append(run[0].model_copy(update={
            "text": " ".join(q.text.rstrip(",;:") for q in run),
            "evidence": Evidence(text=text[start:end], start=start, end=end)}))
    return out
