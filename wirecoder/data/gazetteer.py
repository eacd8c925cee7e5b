"""The bundled offline gazetteer: names -> places with coordinates.

`gazetteer.sqlite` (next to this file) is built by `build_gazetteer.py` from
packaged GeoNames data and `places_curated.tsv`. It is opened read-only and
queried through an index, so start-up costs one file open, not a table of
hundreds of thousands of names loaded into memory.

Tables:
  places(id, geonameid, name, country_id, lat5, lon5 (1e-5 degrees),
         feature (FEATURE_CODES), population, admin1_id, curated, label, aliases)
  country(id, iso3)         -- ISO 3166-1 alpha-3 codes, one small integer each
  admin1(id, name)          -- first-level region names of cities
  names(key, place_id)      -- every normalised name and alias of a place, and
                               its spelling-variant form ("~" + loose_key)
  meta(key, value)          -- build provenance
"""
from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DB_PATH = Path(__file__).with_name("gazetteer.sqlite")

FEATURES = ("country", "region", "city", "site")
# Stored as small integers: SQLite writes 0 and 1 with no payload byte, and
# cities (0) are nine rows in ten.
FEATURE_CODES = {"city": 0, "country": 1, "region": 2, "site": 3}
_FEATURE_NAMES = {v: k for k, v in FEATURE_CODES.items()}

# Letters that Unicode does not decompose into a base letter + accent, so the
# NFKD pass below would keep them: fold them by hand ("Gəncə" = "Ganca").
_FOLD = str.maketrans({
    "ə": "a", "Ə": "a", "ı": "i", "İ": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe", "ħ": "h",
    # apostrophes and transliteration marks vanish: "N'Djamena" = "Ndjamena",
    # "Mek'ele" = "Mekele", "Ma'rib" = "Marib"
    "'": "", "’": "", "‘": "", "`": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "", ".": "",
})
_SEP = re.compile(r"[\s\-‐‑–—_,/()]+")


@lru_cache(maxsize=65_536)  # pure; every article looks up the same names again
def normalize_name(name: str) -> str:
    """The lookup key of a name: case-, accent- and punctuation-insensitive.

    "Côte d'Ivoire" -> "cote divoire"; "Nagorno-Karabakh" -> "nagorno karabakh";
    "St. Petersburg" -> "saint petersburg"; "U.S." -> "us".
    """
    s = unicodedata.normalize("NFKD", name.translate(_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().translate(_FOLD)
    words = _SEP.sub(" ", s).split()
    # "St"/"Ste" before a name is "Saint"/"Sainte" in news and in GeoNames alike.
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in words]
    if words and words[0] == "the":  # "the Gaza Strip", "The Gambia"
        words = words[1:]
    return " ".join(words)


# Spelling variants that romanisations of one name differ by, and that
# never tell two real places apart in news: doubled letters ("Waajid" /
# "Wajid", "Taizz" / "Taiz", "Mossoul" / "Mosul"), French "dj" and "ou"
# for English "j" and "u" ("Ndjamena" / "Njamena", "Khartoum" / "Khartum"),
# and a final "h" after a vowel ("Fallujah" / "Falluja", "Raqqah" / "Raqqa").
_LOOSE_RULES = ((re.compile(r"([a-z])\1+"), r"\1"), (re.compile(r"dj"), "j"),
                (re.compile(r"ou"), "u"), (re.compile(r"(?<=[aeiou])h\b"), ""))
LOOSE_PREFIX = "~"  # marks a loose key in the names table, so exact keys never meet loose ones


def loose_key(key: str) -> str:
    """The spelling-variant-insensitive form of a key made by `normalize_name`.

    `Gazetteer.lookup_split` returns the places of this key besides those of
    the exact one, so "Wajid" finds GeoNames' "Waajid"; the place resolver
    ranks a variant below an exact namesake of similar standing.
    """
    for rx, rep in _LOOSE_RULES:
        key = rx.sub(rep, key)
    return key


@dataclass(frozen=True)
class GazEntry:
    geonameid: int | None
    name: str
    country: str | None  # ISO 3166-1 alpha-3 of the recognised state; None if it spans states
    lat: float
    lon: float
    feature: str  # 'country' | 'region' | 'city' | 'site'
    population: int
    aliases: tuple[str, ...]
    # Extra facts used to rank candidates; not part of the published record.
    admin1: str | None = None  # name of the first-level region a city lies in
    curated: bool = False  # from places_curated.tsv (conflict regions, seas, sites)
    label: str = "GPE"  # spaCy label for the EntityRuler
    id: int = 0  # row id in the gazetteer file (stable within one build)


class GazetteerMissing(RuntimeError):
    """The gazetteer file has not been built."""


class Gazetteer:
    """Read-only access to the gazetteer file."""

    def __init__(self, path: Path | str = DB_PATH):
        path = Path(path)
        if not path.exists():
            raise GazetteerMissing(
                f"gazetteer not built: {path} is missing (run python -m wirecoder.data.build_gazetteer)")
        # immutable=1: the file never changes while we run, so SQLite skips locking;
        # check_same_thread=False + a lock lets one connection serve every thread.
        self._conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                                     check_same_thread=False)
        self._lock = threading.Lock()
        self.path = path

    def _rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    @staticmethod
    def _entry(row: tuple) -> GazEntry:
        (pid, gid, name, country, lat, lon, feature, pop, admin1, curated, label, aliases) = row
        return GazEntry(geonameid=gid, name=name, country=country, lat=lat / 1e5, lon=lon / 1e5,
                        feature=_FEATURE_NAMES[feature], population=pop or 0,
                        aliases=tuple(a for a in (aliases or "").split("|") if a),
                        admin1=admin1, curated=bool(curated), label=label or "GPE", id=pid)

    _COLS = ("p.id, p.geonameid, p.name, (SELECT c.iso3 FROM country c WHERE c.id = p.country_id), "
             "p.lat5, p.lon5, p.feature, p.population, "
             "(SELECT a.name FROM admin1 a WHERE a.id = p.admin1_id), p.curated, p.label, p.aliases")

    def lookup(self, name: str) -> list[GazEntry]:
        """Every place whose name or alias equals `name`, ignoring case, accents
        and punctuation; countries and curated places first, then most populous."""
        return list(self._lookup_key(normalize_name(name))[0])

    def lookup_split(self, name: str) -> tuple[tuple[GazEntry, ...], tuple[GazEntry, ...]]:
        """(what `lookup` returns, the places whose names differ from `name`
        only by a spelling variant (`loose_key`)). Variants widen the net for
        any capitalised word ("Haddad" meets a village "Hadad"): only a
        resolver that weighs the context should use them. A hyphenated name
        also finds the places spelled as one word ("Pétion-Ville" / "Pétionville")."""
        exact, variants = self._lookup_key(normalize_name(name))
        if "-" in name:
            joined = self._lookup_key(normalize_name(re.sub(r"(?<=\w)-(?=\w)", "", name)))[0]
            seen = {e.id for e in (*exact, *variants)}
            variants += tuple(e for e in joined if e.id not in seen)
        return exact, variants

    @lru_cache(maxsize=50_000)  # noqa: B019 -- one Gazetteer per process (get_gazetteer): nothing to leak
    def _lookup_key(self, key: str) -> tuple[tuple[GazEntry, ...], tuple[GazEntry, ...]]:
        if not key:
            return (), ()
        exact = self._query((key,))
        loose = loose_key(key)
        # A loose key is stored only where it differs from the exact one, so a
        # place spelled the loose way is found by its exact key.
        variants = self._query((LOOSE_PREFIX + loose, loose) if loose != key else (LOOSE_PREFIX + loose,))
        seen = {e.id for e in exact}
        return exact, tuple(e for e in variants if e.id not in seen)

    def _query(self, keys: tuple[str, ...]) -> tuple[GazEntry, ...]:
        marks = ",".join("?" * len(keys))
        rows = self._rows(
            f"SELECT DISTINCT {self._COLS} FROM names n JOIN places p ON p.id = n.place_id "
            # regions of a state rank after its towns, whatever their population
            # (callers that take the first entry, e.g. for an actor's country,
            # were written for that order; the place resolver weighs all)
            f"WHERE n.key IN ({marks}) ORDER BY p.feature = 1 DESC, p.curated DESC, "
            "CASE WHEN p.feature = 2 AND p.country_id IS NOT NULL THEN 0 ELSE p.population END DESC, "
            "p.population DESC", keys)
        return tuple(self._entry(r) for r in rows)

    def country(self, iso3: str) -> GazEntry | None:
        """The country entry of an ISO alpha-3 code."""
        rows = self._rows(f"SELECT {self._COLS} FROM places p WHERE p.feature = 1 AND p.country_id = "
                          "(SELECT c.id FROM country c WHERE c.iso3 = ?)", (iso3.upper(),))
        return self._entry(rows[0]) if rows else None

    def meta(self) -> dict[str, str]:
        return dict(self._rows("SELECT key, value FROM meta"))

    # Names that are places but far more often something else in news text
    # (given names, surnames, common words): an EntityRuler pattern would turn
    # "Michael Jordan" or "Chad Smith" into a place. The statistical NER decides these.
    RULER_SKIP = frozenset({
        "jordan", "chad", "georgia", "turkey", "guinea", "israel", "china", "chile", "cuba",
        "niger", "japan", "mali", "oman", "peru", "victoria", "florence", "austin", "phoenix",
        "santiago", "charlotte", "jackson", "lincoln", "hamilton", "eugene", "mobile", "nice",
        "reading", "split", "bath", "of", "us", "car", "america", "drc", "krg", "uae", "golan",
        "president", "independence", "union", "lafayette", "orlando", "columbus", "aurora",
        "madison", "salem", "laval", "surrey", "douglas", "kingston", "wellington",
    })
    RULER_MIN_CITY_POP = 1_000_000

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler patterns for countries, curated places and major cities.

        Phrase patterns (matched on ORTH by wirecoder.nlp): each name in the
        forms news writes it. Ambiguous everyday words (RULER_SKIP) and
        all-lower-case aliases are left to the statistical model.
        """
        rows = self._rows(
            "SELECT name, aliases, label, feature, curated FROM places "
            # major cities only: regions carry populations too, and their names
            # ("Central", "Washington") are left to the model
            "WHERE feature = 1 OR curated = 1 OR (feature = 0 AND population >= ?)",
            (self.RULER_MIN_CITY_POP,))
        seen: set[tuple[str, str]] = set()
        patterns: list[dict] = []
        for name, aliases, label, code, curated in rows:
            feature = _FEATURE_NAMES[code]
            # A big city's GeoNames aliases include other languages' forms
            # ("Pari", "Baris"): only its name, and curated aliases, make patterns.
            names = [name] + [a for a in (aliases or "").split("|")
                              if a and (feature != "city" or curated)]
            for text in names:
                if not text[:1].isupper() or normalize_name(text) in self.RULER_SKIP:
                    continue
                label_ = label or "GPE"
                for form in dict.fromkeys((text, text.replace("-", " "))):  # "Nagorno Karabakh" too
                    if (form, label_) not in seen:
                        seen.add((form, label_))
                        patterns.append({"label": label_, "pattern": form})
        return patterns


_instance: Gazetteer | None = None
_instance_lock = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, opened on first use."""
    global _instance
    if _instance is None:
        with _instance_lock:
            if _instance is None:
                _instance = Gazetteer()
    return _instance
