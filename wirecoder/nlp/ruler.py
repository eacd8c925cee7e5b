"""The EntityRuler with every pattern matched as a phrase.

Our tables give 1,800 token patterns, each token a single exact ORTH or
LOWER value ([{"LOWER": "united"}, {"LOWER": "nations"}]). spaCy's token
Matcher walks a state machine over every token of every document for
them, which cost more than the parser itself; a PhraseMatcher finds the
same token sequences by hash look-up. So ORTH token patterns go to the
ruler's own ORTH PhraseMatcher and LOWER ones to a second PhraseMatcher
on LOWER. Matches, ids and the choice among overlapping matches are the
EntityRuler's own (its `match` with one more matcher), so the entities are
the ones the token patterns gave. Patterns of any other shape still go to
the token Matcher.
"""
from __future__ import annotations

import warnings
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

_PHRASE_ATTRS = ("ORTH", "LOWER")


def _exact_attr(pattern) -> Optional[str]:
    """"ORTH" or "LOWER" when every token of a token pattern is one exact value of that
    attribute (no operators, no sets); else None."""
    if not isinstance(pattern, list) or not pattern:
        return None
    attrs = set()
    for token in pattern:
        if not isinstance(token, dict) or len(token) != 1:
            return None
        (attr, value), = token.items()
        attr = attr.upper()
        if attr not in _PHRASE_ATTRS or not isinstance(value, str) or not value:
            return None
        attrs.add(attr)
    return attrs.pop() if len(attrs) == 1 else None


class PhraseEntityRuler(EntityRuler):
    def __init__(self, *args, **kwargs):
        self.lower_matcher = None  # EntityRuler.__init__ may add patterns: set up first
        super().__init__(*args, **kwargs)
        self.lower_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER", validate=self._validate)

    def clear(self) -> None:
        super().clear()
        self.lower_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER", validate=self._validate)

    def add_patterns(self, patterns) -> None:
        rest = []
        for entry in patterns:
            attr = _exact_attr(entry["pattern"])
            if attr is None or (attr == "ORTH" and self.phrase_matcher_attr not in ("ORTH", None)):
                rest.append(entry)
                continue
            words = [next(iter(token.values())) for token in entry["pattern"]]
            label = entry["label"]
            if "id" in entry:
                ent_label = label
                label = self._create_label(label, entry["id"])
                self._ent_ids[self.matcher._normalize_key(label)] = (ent_label, entry["id"])
            doc = Doc(self.nlp.vocab, words=words)
            self.phrase_patterns[label].append(doc)
            (self.phrase_matcher if attr == "ORTH" else self.lower_matcher).add(label, [doc])
        if rest:
            super().add_patterns(rest)

    def match(self, doc: Doc):
        # EntityRuler.match, with the LOWER phrase matcher's matches added.
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = (list(self.matcher(doc)) + list(self.phrase_matcher(doc))
                       + list(self.lower_matcher(doc)))
        final_matches = {(m_id, start, end) for m_id, start, end in matches if start != end}
        return sorted(final_matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory("wirecoder_entity_ruler", assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
                  default_config={"phrase_matcher_attr": None, "validate": False,
                                  "overwrite_ents": False, "ent_id_sep": "||"})
def make_phrase_entity_ruler(nlp: Language, name: str, phrase_matcher_attr: Optional[str],
                             validate: bool, overwrite_ents: bool, ent_id_sep: str) -> PhraseEntityRuler:
    return PhraseEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                             overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep)
