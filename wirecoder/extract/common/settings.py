"""Every tunable number of the extractors (outside places.py), named once, with why it is
what it is. Change one here and the eval sets tell you what it did."""
from __future__ import annotations

# --- story -----------------------------------------------------------------
# A titled official with no state named takes the article's main country only when the
# story is mostly (more than this share of its state mentions) about that country.
DOMINANT_SHARE = 0.5
