"""Load a full GeoNames dump (allCountries.txt/.zip or a country file such as UA.zip) into the gazetteer.

The packaged sources stop at places of 500 people; war reporting names hamlets below that. Users who have a
GeoNames dump add every populated place, admin unit and sea of it here. Rows replace the packaged ones with
the same id (a dump is the fuller source); admin1/admin2 names are filled from the admin units the database
knows (from the dump itself or from the packages).
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

from warlog.errors import GazetteerError
from warlog.geo import build as _build
from warlog.geo.names import keys

#: feature code -> kind (the where_prec of a bare mention); class P is always a settlement.
_ADMIN_KINDS = {
    "ADM1": _build.ADMIN1,
    "ADM2": _build.ADMIN2,
    "PCLI": _build.COUNTRY,
    "PCL": _build.COUNTRY,
    "PCLD": _build.COUNTRY,
    "PCLF": _build.COUNTRY,
    "PCLS": _build.COUNTRY,
    "PCLIX": _build.COUNTRY,
}
_WATER = {"SEA", "GULF", "STRT", "BAY", "OCN", "CHN", "SD"}
_BATCH = 20_000


def import_geonames_dump(path: str | Path, db: str | Path | None = None) -> int:
    """Add the places of a GeoNames dump to the gazetteer at ``db``; returns the number of places imported.

    ``db=None`` is the shared gazetteer (built from the packages first if missing); a ``db`` path that does
    not exist yet becomes a gazetteer of the dump alone. Accepts a .txt file or a .zip holding one."""
    source = Path(path)
    if not source.exists():
        raise GazetteerError(
            f"{source} does not exist; pass a GeoNames dump such as allCountries.zip or UA.zip"
        )
    if db is None:
        target = _build.default_path()
        if not target.exists():
            _build.build(target)  # the shared gazetteer: packaged places first, the dump on top
    else:
        target = Path(db)
        if not target.exists():
            _build.create_empty(target)  # a gazetteer of the dump alone
    con = sqlite3.connect(target)
    try:
        con.executescript(_build.SCHEMA)
        count = _load(con, _lines(source), str(source))
        _fill_admin_names(con)
        _build.fill_skeletons(con)
        con.commit()
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(f"cannot write the gazetteer {target} ({exc}); delete it to rebuild") from exc
    finally:
        con.close()
    from warlog.geo import gazetteer  # a fresh default picks up the new rows

    gazetteer._default = None
    return count


def _lines(source: Path) -> Iterator[str]:
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            names = [
                n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")
            ]
            if not names:
                raise GazetteerError(
                    f"{source} holds no .txt GeoNames table; pass allCountries.zip or XX.zip"
                )
            with archive.open(names[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with source.open(encoding="utf-8") as fh:
        yield from fh


def _load(con: sqlite3.Connection, lines: Iterator[str], where: str) -> int:
    places, aliases, admins, ids = [], [], [], []
    count = 0
    for number, line in enumerate(lines, 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            if line.strip():
                raise GazetteerError(
                    f"{where}, line {number}: {len(cols)} columns, not the 19 of a GeoNames table; "
                    "pass allCountries.txt or a country file"
                )
            continue
        fclass, fcode = cols[6], cols[7]
        if fclass == "P":
            kind = _build.SETTLEMENT
        elif fclass == "A" and fcode in _ADMIN_KINDS:
            kind = _ADMIN_KINDS[fcode]
        elif fclass == "H" and fcode in _WATER:
            kind = _build.SEA
        else:
            continue
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as exc:
            raise GazetteerError(
                f"{where}, line {number}: unreadable id, coordinates or population ({exc})"
            ) from exc
        country, a1, a2 = cols[8] or None, cols[10] or None, cols[11] or None
        places.append((gid, cols[1], lat, lon, country, None, None, a1, a2, fcode, kind, population))
        ids.append((gid,))
        names = {cols[1], cols[2], *[n for n in cols[3].split(",") if n]}
        if kind in (_build.ADMIN1, _build.ADMIN2):
            names = _build._alias_names(cols[1], names)
        for name in names:
            aliases.extend((k, gid) for k in keys(name))
        if kind in (_build.ADMIN1, _build.ADMIN2) and country and a1:
            code = f"{country}.{a1}" if kind == _build.ADMIN1 else f"{country}.{a1}.{a2}"
            admins.append((code, cols[1]))
        count += 1
        if len(places) >= _BATCH:
            _flush(con, places, aliases, admins, ids)
    _flush(con, places, aliases, admins, ids)
    return count


def _flush(con: sqlite3.Connection, places: list, aliases: list, admins: list, ids: list) -> None:
    con.executemany("DELETE FROM alias WHERE id = ?", ids)
    con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", aliases)
    con.executemany("INSERT OR REPLACE INTO admin VALUES (?,?)", admins)
    for batch in (places, aliases, admins, ids):
        batch.clear()


def _fill_admin_names(con: sqlite3.Connection) -> None:
    """Dump rows carry admin codes; turn them into the names the other rows carry."""
    con.execute(
        "UPDATE place SET admin1 = (SELECT name FROM admin "
        "WHERE code = place.country || '.' || place.a1code) "
        "WHERE admin1 IS NULL AND a1code IS NOT NULL"
    )
    con.execute(
        "UPDATE place SET admin2 = (SELECT name FROM admin "
        "WHERE code = place.country || '.' || place.a1code || '.' || place.a2code) "
        "WHERE admin2 IS NULL AND a2code IS NOT NULL"
    )
