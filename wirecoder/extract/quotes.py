"""Quotes: the words in quotation marks, and reported speech, each with its speaker.

Direct quotes are found in the text by their quotation marks (typographic,
straight, guillemets, single typographic), so a quote that runs over several
sentences stays one quote. Each is attributed through the parse: the reporting
verb whose clause holds the quote ("X said "..."", "X called it "..."",
""...," X said, adding, "..."") or, failing that, the nearest reporting verb,
"according to X", or the speaker of the quote just before it (a quote that
continues in its own sentence).

Reported speech ("Kinshasa has said it never armed the militia ...") is the clause
a speech verb governs, when a named speaker says it and the clause is not
itself the quotation, and the clause an "according to X" hangs on when it has a
subject of its own that is not a named actor (a named actor's act is an event X
vouches for, see claimants.claimant).

Quotes of one or two words are scare quotes ("successfully") and left out, and
so are names and titles in quotation marks ('the book "..."', 'dubbed "..."';
more in quote_names). Speakers the layout gives (a dash label after the
quote, a line ending in a colon before it) come from quote_speakers; a
quotation split by its attribution is given as pieces or, with the setting
in quote_parts, whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.extract.common.settings import MIN_QUOTE_WORDS
from wirecoder.extract.common.vocabulary import words
from wirecoder.extract.attribution import (
    NAMING_VERBS,
    QUOTING_VERBS,
    REPORTING_ONLY,
    according_to,
    attributions,
    resolve,
    sentences,
    speaker_token,
)
from wirecoder.extract.context import Context
from wirecoder.extract.quote_names import is_address_or_markup, is_headline, is_title, misused_closer
from wirecoder.extract.quote_parts import PieceInfo, join_enabled, joined_quotations
from wirecoder.extract.quote_speakers import (
    EXTRA_QUOTING_VERBS,
    bare_attribution,
    layout_speaker,
    past_a_date,
    person_as_named,
    speaker_beside,
)
from wirecoder.models import Actor, Evidence, Quote

# Speech verbs whose clause is what the speaker says is NOT so: a denial reports
# no words of the speaker's own, so its clause is no reported quote (its
# events still carry the claimant and the negation).
NOT_ASSERTED = words("not_asserted")
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")
_PAIRS = {"\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb", "\u2018": "\u2019"}


@dataclass
class QuoteSpan:
    start: int   # first character inside the marks
    end: int     # one past the last character inside the marks
    outer_start: int
    outer_end: int


def _mixed_closer(text: str, i: int, opener: str, start: int) -> bool:
    """A closing mark of the other style, as copy pasted together writes it: '"... right,” said
    Lee' (a curly closer with no curly opener since the straight one), or '“... the FBI," Lee
    said' where the paragraph holds no curly closer before its next opening mark (so the
    straight mark is not a quote nested inside)."""
    ch = text[i]
    if opener == '"':
        return ch == "\u201d" and "\u201c" not in text[start:i]
    if opener != "\u201c" or ch != '"' or text[i - 1].isspace():
        return False
    if i + 1 < len(text) and not (text[i + 1].isspace() or text[i + 1] in ",.;:!?)"):
        return False
    end = text.find("\n", i)
    rest = text[i + 1:end if end >= 0 else len(text)]
    nxt = rest.find("\u201c")
    return "\u201d" not in (rest if nxt < 0 else rest[:nxt])


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quotation spans in `text`, outermost only. A quote left open at the end of
    a paragraph ends there (the convention for multi-paragraph quotes)."""
    spans: list[QuoteSpan] = []
    opener: str | None = None
    start = 0
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "\n":
            if opener is not None and opener != "\u2018" and i - start > 1:
                spans.append(QuoteSpan(start, i, start - 1, i))
            opener = None
            continue
        if opener is None:
            if ch in _PAIRS and ch != "\u2018":
                opener, start = ch, i + 1
            elif ch == '"' and i + 1 < n and not text[i + 1].isspace():
                opener, start = ch, i + 1
            elif ch == "\u2018" and (i == 0 or not text[i - 1].isalnum()) and i + 1 < n and text[i + 1].isalpha():
                opener, start = ch, i + 1
            continue
        closer = '"' if opener == '"' else _PAIRS[opener]
        if ch == closer or _mixed_closer(text, i, opener, start):
            if opener == "\u2018" and i + 1 < n and text[i + 1].isalpha():
                continue  # an apostrophe inside a single-quoted phrase ("Azerbaijan’s")
            spans.append(QuoteSpan(start, i, start - 1, i + 1))
            opener = None
        elif ch in _PAIRS and ch == opener and opener != "\u2018":
            if misused_closer(text, i):  # 'called it “abhorrent“ in a tweet'
                spans.append(QuoteSpan(start, i, start - 1, i + 1))
                opener = None
                continue
            # a new opening mark before the old one closed: the old quote ran on
            spans.append(QuoteSpan(start, i, start - 1, i))
            start = i + 1
    if opener is not None and opener != "\u2018" and n - start > 1:
        spans.append(QuoteSpan(start, n, start - 1, n))
    return spans


def _clean(text: str) -> str:
    return text.strip().rstrip(",;:").strip()


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _inside(tok: Token, q: QuoteSpan) -> bool:
    return q.outer_start <= tok.idx < q.outer_end


def _scope(q: QuoteSpan, sents: list[Span], text: str) -> list[int]:
    """Indexes of the sentences that hold the quote and its attribution."""
    idx = [k for k, s in enumerate(sents) if s.start_char < q.outer_end and s.end_char > q.outer_start]
    if not idx:
        return []
    last = idx[-1]
    # '"..., " she said.' split after the closing mark: the attribution is the next sentence
    if last + 1 < len(sents) and sents[last].end_char <= q.outer_end + 1:
        nxt = sents[last + 1]
        between = text[q.outer_end:nxt.start_char]
        first = nxt[0]
        if "\n" not in between and (text[q.start:q.end].rstrip().endswith(",")
                                    or first.is_lower or first.pos_ in ("VERB", "AUX")):
            idx.append(last + 1)
    # 'X said: "..."' split before the opening mark
    first_k = idx[0]
    if first_k > 0 and sents[first_k].start_char >= q.outer_start - 1:
        before = text[sents[first_k - 1].start_char:q.outer_start].rstrip()
        if before.endswith(":") or before.endswith(","):
            idx.insert(0, first_k - 1)
    return idx


def _quote_roots(ctx: Context, q: QuoteSpan) -> list[Token]:
    """Tokens inside the quote whose syntactic head lies outside it."""
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if not _inside(t.head, q) or t.head.i == t.i]


def _quoting_verb(ctx: Context, q: QuoteSpan, scope: list[Span]) -> Token | None:
    """The verb that carries the quote: first the one whose clause holds it, then
    the nearest one outside the quote in the same sentence(s)."""
    text = ctx.text
    # '"We buried four." The RSF said ...': a quote closed by a full stop and
    # followed by a capital ends its sentence, even where spaCy ran on
    ended = (text[q.start:q.end].rstrip().endswith(".")
             and text[q.outer_end:q.outer_end + 2].strip()[:1].isupper())

    def ok(tok: Token) -> bool:
        return ((tok.lemma_.lower() in QUOTING_VERBS or tok.lemma_.lower() in EXTRA_QUOTING_VERBS)
                and tok.pos_ in ("VERB", "AUX")
                and not _inside(tok, q) and not (ended and tok.idx >= q.outer_end))

    for root in _quote_roots(ctx, q):
        cur, hops = root, 0
        while hops < 12:
            if ok(cur) and cur.i != root.i:
                return cur
            if cur.head.i == cur.i:
                break
            cur, hops = cur.head, hops + 1
    cands = [t for s in scope for t in s if ok(t) and t.lemma_.lower() not in NAMING_VERBS]
    if not cands:
        return None

    def dist(t: Token) -> int:
        return q.outer_start - t.idx if t.idx < q.outer_start else t.idx - q.outer_end

    return min(cands, key=dist)


def _evidence(ctx: Context, sents: list[Span], idx: list[int]) -> Evidence:
    start, end = sents[idx[0]].start_char, sents[idx[-1]].end_char
    return Evidence(text=ctx.text[start:end], start=start, end=end)


def _mentioned_outside(actor: Actor, spans: list[QuoteSpan], skip: Token) -> bool:
    """The actor has a mention outside quotation marks (other than the pronoun
    itself): a speaker is never someone named only inside the quoted words."""
    if not actor.mentions:
        return True
    for start, end in actor.mentions:
        if start <= skip.idx < end:
            continue
        if not any(q.outer_start <= start < q.outer_end for q in spans):
            return True
    return False


def _previous_speaker(ctx: Context, sents: list[Span], k: int,
                      prev: tuple[Actor | None, int, int] | None) -> tuple[bool, Actor | None]:
    """Speaker carried over to a quote in sentence k that names none: the speaker
    of a quote ending in the sentence before, or of a reporting verb there
    ("Erdogan said the operation would continue. "We will not stop.")."""
    if k == 0:
        return False, None
    atts = [a for a in attributions(sents[k - 1], ctx)
            if a.speaker is not None and a.verb is not None and a.verb.lower_ != "according"]
    said = [a.speaker for a in atts]
    # a reporting verb after the last quote is the more recent speaker: '"...,"
    # X told radio. Aid workers said ... "...," one said.'
    later = [a.speaker for a in atts if prev is not None and a.verb.idx >= prev[2]]
    if later:
        return True, later[-1]
    if prev is not None and prev[1] >= k - 1 and (prev[0] is not None or not said):
        return True, prev[0]
    if said:
        return True, said[0]
    return False, None


def _names_speaker(sents: list[Span], k: int, outer_end: int, speaker: Actor | None) -> bool:
    """Sentence k follows the quote ending at outer_end right away and names its speaker
    (the attribution spaCy split off: '"...?" Obama asked Republican leaders.')."""
    if speaker is None or k >= len(sents) or sents[k].start_char - outer_end > 2:
        return False
    sent = sents[k]
    return any(sent.start_char <= start < sent.end_char for start, _end in speaker.mentions)


def _direct_quotes(ctx: Context, sents: list[Span]) -> tuple[list[Quote], list[QuoteSpan]]:
    quotes: list[Quote] = []
    kept: list[QuoteSpan] = []
    all_spans = find_quote_spans(ctx.text)
    # (speaker, sentence index, end offset) of the last quote
    prev: tuple[Actor | None, int, int] | None = None
    pieces: list[PieceInfo] = ctx.notes.setdefault("quotes.pieces", [])
    for q in all_spans:
        body = _clean(ctx.text[q.start:q.end])
        if _n_words(body) < MIN_QUOTE_WORDS or _is_a_name(ctx.text, q):
            continue
        idx = _scope(q, sents, ctx.text)
        if not idx:
            continue
        scope = [sents[k] for k in idx]
        speaker: Actor | None = None
        found = False
        verb = _quoting_verb(ctx, q, scope)
        if verb is not None:
            spk_tok = past_a_date(speaker_token(verb), verb)
            if spk_tok is None or any(_inside(spk_tok, s) for s in all_spans):
                # a misparse left the verb no subject outside the quotes: the name beside it
                spk_tok = speaker_beside(verb, q.outer_end) or spk_tok
            speaker = person_as_named(spk_tok, resolve(spk_tok, ctx))
            found = spk_tok is not None
            if spk_tok is not None and spk_tok.pos_ == "PRON" and (
                    speaker is None or not _mentioned_outside(speaker, all_spans, spk_tok)):
                # the resolver did not know the pronoun, or found its antecedent
                # inside the quotation: take the speaker the text just named
                carried, who = _previous_speaker(ctx, sents, idx[0], prev)
                speaker = who if carried else None
        if not found:
            for s in scope:
                for _acc, pobj in according_to(s):
                    speaker, found = resolve(pobj, ctx), True
                    break
                if found:
                    break
        carried = not found
        if not found:
            found, speaker = _previous_speaker(ctx, sents, idx[0], prev)
        by_layout = layout_speaker(ctx, q.outer_start, q.outer_end, sents,
                                   has_own=not carried and speaker is not None)
        if by_layout is not None:  # a label or an introducing line names the speaker
            speaker, carried = by_layout, False
        # '"...?" Lee continued. "..."': the attribution split off as a sentence of its own
        bare = bare_attribution(q.outer_end, sents)
        verb_at = verb.idx if verb is not None else None
        if verb_at is None and bare is not None:
            verb_at = sents[bare].root.idx
        pieces.append(PieceInfo(q.start, q.end, q.outer_start, q.outer_end, verb_at, carried,
                                verb is not None and verb.tag_ == "VBG"))
        quotes.append(Quote(text=body, speaker=speaker, direct=True,
                            evidence=_evidence(ctx, sents, idx)))
        kept.append(q)
        # the next quote follows the attribution: '"...?" Lee asked the panel. "..."'
        last = idx[-1] if bare is None else max(idx[-1], bare)
        if _names_speaker(sents, last + 1, q.outer_end, speaker):
            last += 1
        prev = (speaker, last, q.outer_end)
    return quotes, kept


_NAMING = re.compile(r"(?:so-called|so called|known as|dubbed|titled|entitled|named|nicknamed|"
                     r"codenamed|code-named|hashtag)\s*$", re.I)
# Nouns that stand before the title of a work or the name of a plan or
# operation: 'the book "A Farmer's Country"', 'Operation "Northern Shield"'.
_WORK_NOUN = re.compile(r"\b(?:book|novel|memoir|film|movie|documentary|song|album|play|poem|series|"
                        r"show|programme|program|podcast|column|essay|article|op-ed|report|paper|"
                        r"exhibition|campaign|operation|plan|initiative|slogan|banner|motto|commentary|editorial|headline|"
                        r"brand|magazine|newspaper|app)\s*$", re.I)
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'\u2019-]*|of|the|a|an|and|in|on|for|to|at|by|with|from")


def _is_a_name(text: str, q: QuoteSpan) -> bool:
    """ 'the so-called "Islamic State"', 'an operation dubbed "Iron Swords"', 'the
    book "A Farmer's Country"': a name, not speech. Also a short quoted phrase in
    title case with no sentence punctuation ('"Iron Dome for America"')."""
    before = text[max(0, q.outer_start - 20):q.outer_start]
    if (_NAMING.search(before) or is_address_or_markup(text, q.start, q.end, q.outer_start)
            or is_headline(text, q.outer_start, q.outer_end)):
        return True
    body = text[q.start:q.end].strip()
    words = body.split()
    if _WORK_NOUN.search(before) and body[:1].isupper() and not re.search(r"[.!?,;]$", body.rstrip(",")):
        # a title starts with a capital; 'called the operation "illegal, ..."' is speech
        return True
    if is_title(body):
        return True
    return (len(words) <= 6 and words[0][:1].isupper() and not re.search(r"[.,;:!?]", body)
            and all(_TITLE_WORD.fullmatch(w) for w in words) and sum(w[:1].isupper() for w in words) >= 2
            and not any(w in ("I", "We", "You") for w in words))


def _reported_quotes(ctx: Context, sents: list[Span], direct: list[QuoteSpan],
                     taken: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    seen = {_clean(q.text).lower() for q in taken}
    for sent in sents:
        for att in attributions(sent, ctx):
            verb, content = att.verb, att.content
            if att.speaker is None or verb is None or content is None:
                continue
            if verb.lemma_.lower() in REPORTING_ONLY:
                continue
            if verb.lower_ == "according" and (not _according_clause(verb, content) or any(
                    q.outer_start < content.end_char and content.start_char < q.outer_end for q in direct)):
                continue
            if any(_inside(verb, q) for q in direct):
                continue  # "Let me stress that ..." is part of a direct quote
            if any(_inside(content.root, q) for q in direct):
                continue  # the clause is the quotation itself
            if verb.lemma_.lower() in NOT_ASSERTED:
                continue  # "the army denied that the base had been overrun" says the opposite
            if content.root.pos_ not in ("VERB", "AUX") and verb.lower_ != "according":
                # "proclaimed himself interim leader": a small clause, not speech; "Beijing
                # claims the sea, ..., a ruling China rejects": a noun phrase misparsed
                # as the verb's clause
                continue
            free = [t for t in content if t.is_alpha and not any(_inside(t, q) for q in direct)]
            holds_quote = len(free) < sum(t.is_alpha for t in content)
            # a clause that is mostly the quotation ("said it would use "..."") repeats it
            if len(free) < MIN_QUOTE_WORDS or (holds_quote and len(free) <= MIN_QUOTE_WORDS):
                continue
            if "\n" in ctx.text[min(content.start_char, verb.idx):max(content.end_char, verb.idx)]:
                continue  # a parse run across paragraphs (a missed sentence split) is no one clause
            text = _clean(content.text)
            if text.lower() in seen:
                continue
            seen.add(text.lower())
            out.append(Quote(text=text, speaker=att.speaker, direct=False, evidence=ctx.evidence(sent)))
    return out


def _according_clause(acc: Token, content: Span) -> bool:
    """ "Nearly 12,000 people have arrived in the camps, according to the IOM": a
    whole clause with its own subject that the "according to" phrase hangs on is
    the source's reported statement (a noun phrase or a bare modifier is not)."""
    root = acc.head
    if root.pos_ not in ("VERB", "AUX") or not (content.start <= root.i < content.end):
        return False
    if any(t.lemma_.lower() in QUOTING_VERBS and t.pos_ in ("VERB", "AUX") for t in content):
        return False  # '"...," the ministry said, according to TASS': the quote is the ministry's
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return False
    # "Italy airlifted 700 people out, according to the ministry": a named actor's act
    # is an event the source vouches for (its claimant), not the source's statement
    return not (subj.pos_ == "PROPN" or subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"))


def direct_quotes(ctx: Context) -> tuple[list[Quote], list[QuoteSpan]]:
    """The direct quotes and their mark spans, computed once per article
    (figures ask too: a number inside a quote is the speaker's claim)."""
    key = "quotes.direct"
    if key not in ctx.notes:
        ctx.notes[key] = _direct_quotes(ctx, sentences(ctx))
    return ctx.notes[key]


def extract_quotes(ctx: Context) -> list[Quote]:
    """Direct quotes (in text order) followed by reported speech."""
    direct, spans = direct_quotes(ctx)
    reported = _reported_quotes(ctx, sentences(ctx), spans, direct)
    if join_enabled():  # a quotation split by its attribution as one quote (see quote_parts)
        direct = joined_quotations(ctx.text, direct, ctx.notes["quotes.pieces"])
    return list(direct) + reported
