"""Extraction records as text for people (the CLI's `--format table`)."""
from __future__ import annotations

import textwrap

from wirecoder.models import Actor, Extraction, Figure


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    tags = "/".join(t for t in (actor.code, actor.sector) if t)
    return f"{actor.name} [{tags}]" if tags else actor.name


def figure_bounds(fig: Figure) -> str:
    if fig.min is not None and fig.min == fig.max:
        text = f"{fig.min:,}"
    elif fig.max is None:
        text = f"≥{fig.min:,}"
    elif fig.min is None:
        text = f"≤{fig.max:,}"
    else:
        text = f"{fig.min:,}–{fig.max:,}"
    return ("~" + text) if fig.approximate else text


def render_table(rec: Extraction, width: int = 100) -> str:
    """A readable summary of one article's events, quotes and figures."""
    art = rec.article
    lines = [f"== {art.title or '(untitled)'}",
             f"   published {art.published or 'unknown'} · {len(rec.events)} events · "
             f"{len(rec.quotes)} quotes · {len(rec.figures)} figures · {len(rec.places)} places"]
    if rec.events:
        lines.append("   events:")
    for ev in rec.events:
        where = f" @ {ev.location.name}" if ev.location else ""
        when = f" {ev.date}" if ev.date else ""
        neg = " NOT" if ev.negated else ""
        claim = f" (per {ev.claimed_by.name})" if ev.claimed_by else ""
        lines.append(f"     {ev.type:<9}{neg} {actor_label(ev.source)} -> {actor_label(ev.target)}"
                     f"{when}{where}{claim}")
    if rec.quotes:
        lines.append("   quotes:")
    for q in rec.quotes:
        mark = '"' if q.direct else "~"
        body = textwrap.shorten(q.text, width=width - 30, placeholder=" …")
        lines.append(f"     {actor_label(q.speaker)}: {mark}{body}{mark if q.direct else ''}")
    if rec.figures:
        lines.append("   figures:")
    for f in rec.figures:
        claim = f" (per {f.claimed_by.name})" if f.claimed_by else ""
        lines.append(f"     {f.kind:<10} {figure_bounds(f):>14} {f.subject or ''}{claim}")
    if rec.places:
        names = ", ".join(f"{p.name} ({p.country or '?'})" for p in rec.places)
        lines.append("   places: " + textwrap.shorten(names, width=width - 12, placeholder=" …"))
    return "\n".join(lines)
