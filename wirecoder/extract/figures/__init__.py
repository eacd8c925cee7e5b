"""Figures: counts of the killed, injured, missing, displaced, detained,
evacuated, captured and destroyed, and crowd sizes, money and the like.

Each quantity phrase in a sentence ("at least four", "almost a quarter of a million",
"dozens") is read by `numbers.find_quantities`; this package decides what it
counts from the parse (`counts`: is it a head count, of what noun; `kinds`: which
kind of figure its predicate states; `reader`: one record per count): the counted noun ("four soldiers", "dozens of people"),
the predicate over it ("were killed", "killed four soldiers", "people
sheltering in camps", "23 wounded", "the death toll rose to 57") and, for
nested counts ("..., among them at least five women"), the count it is part
of. Coordinated counts each get their own record. A single person who died
or was killed ("a farmer had died", "killed a civilian") is a toll of one. Who
vouches for the number comes from `claimants.claimant` (which also gives
the speaker of the quotation it stands in).

Numbers that are not counts of this kind (dates, years, ages, durations,
percentages, ordinals, numbers inside names) never become figures; counts
that fit no kind become `other` only when they are a tally: money, a vague
quantity of people or things ("thousands marched", "dozens of vessels"), or
ten or more people or countable things ("28 officials", "200 protests").
"""
from __future__ import annotations

from wirecoder.extract.figures.reader import extract_figures, figures_in
from wirecoder.extract.numbers import parse_quantity

__all__ = ["extract_figures", "figures_in", "parse_quantity"]
