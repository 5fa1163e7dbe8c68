"""Read the local gazetteer: name look-ups and places by id, over an indexed SQLite file.

Why SQLite rather than an in-memory dict: 1.3 million alias keys would cost seconds and hundreds of MB to load
in every process; an indexed file opens in milliseconds, and the pages a process touches stay in the OS cache.
Look-ups are cached per process (a news corpus repeats the same few hundred names).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warlog.errors import GazetteerError
from warlog.geo import build as _build
from warlog.geo.names import expanded_key, lookup_key, skeleton


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``kind`` is the where_prec a bare mention of it gets (1, 3, 4, 6 or 7)."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin2: str | None
    fcode: str | None
    kind: int
    population: int


_COLUMNS = "p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.fcode, p.kind, p.population"
_lock = threading.Lock()
_default: Gazetteer | None = None


class Gazetteer:
    """Places by name or id. ``Gazetteer.default()`` builds the database on first use, once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerError(
                f"no gazetteer at {self.path}; build one with warlog.geo.build_gazetteer(path) "
                "or use Gazetteer.default()"
            )
        try:
            uri = f"file:{self.path}?mode=ro"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._con.execute("PRAGMA query_only=ON")
            version = self._con.execute("SELECT v FROM meta WHERE k='version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"{self.path} is not a warlog gazetteer ({exc}); delete it to rebuild"
            ) from exc
        self.version = version[0] if version else None
        self._by_key = lru_cache(maxsize=200_000)(self._query_key)
        self._by_skeleton = lru_cache(maxsize=20_000)(self._query_skeleton)
        self._by_id = lru_cache(maxsize=50_000)(self._query_id)
        self._countries: dict[str, Entry] | None = None

    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer at ``build.default_path()``, built there first if it is missing."""
        global _default
        with _lock:
            if _default is None:
                path = _build.default_path()
                if not path.exists():
                    _build.build(path)
                _default = cls(path)
            return _default

    # ------------------------------------------------------------------------------------------ queries

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every place called ``name`` (any spelling the gazetteer knows), most populous first."""
        return self.lookup_key(lookup_key(name))

    def lookup_key(self, key: str) -> tuple[Entry, ...]:
        """Like ``lookup`` for a key already made by ``names.lookup_key``; a name unknown as written is
        looked up again with an abbreviated first word spelled out ("Mt. Juliet" -> Mount Juliet)."""
        if not key:
            return ()
        found = self._by_key(key)
        if not found and (longer := expanded_key(key)) is not None:
            found = self._by_key(longer)
        return found

    def lookup_similar(self, name: str) -> tuple[tuple[Entry, str], ...]:
        """Places whose name is another transliteration of ``name`` ('Schastia' -> Shchastia), each with the
        spelling (alias key) that matched, most populous first: a fallback for names ``lookup`` does not know,
        limited to the countries of ``geo_translit.yaml``. Empty when the name is too short to say anything
        by its skeleton."""
        skel = skeleton(name)
        return self._by_skeleton(skel) if skel else ()

    def get(self, geonameid: int) -> Entry | None:
        """The place with this GeoNames id, or None."""
        return self._by_id(int(geonameid))

    def country(self, iso: str) -> Entry | None:
        """The country entry for an ISO-2 code."""
        if self._countries is None:
            rows = self._con.execute(f"SELECT {_COLUMNS} FROM place p WHERE p.kind = 6").fetchall()
            self._countries = {}
            for row in rows:
                entry = Entry(*row)
                if entry.country and entry.country not in self._countries:
                    self._countries[entry.country] = entry
        return self._countries.get(iso.upper())

    def __len__(self) -> int:
        return self._con.execute("SELECT count(*) FROM place").fetchone()[0]

    def _query_key(self, key: str) -> tuple[Entry, ...]:
        rows = self._con.execute(
            f"SELECT {_COLUMNS} FROM alias a JOIN place p ON p.id = a.id WHERE a.key = ? "
            "ORDER BY p.kind DESC, p.population DESC LIMIT 250",
            (key,),
        ).fetchall()
        return tuple(Entry(*row) for row in rows)

    def _query_skeleton(self, skel: str) -> tuple[tuple[Entry, str], ...]:
        try:
            rows = self._con.execute(
                f"SELECT {_COLUMNS}, s.spelling FROM skeleton s JOIN place p ON p.id = s.id WHERE s.key = ? "
                "ORDER BY p.kind DESC, p.population DESC LIMIT 500",
                (skel,),
            ).fetchall()
        except sqlite3.OperationalError:  # a gazetteer written before skeletons existed
            return ()
        return tuple((Entry(*row[:-1]), row[-1]) for row in rows)

    def _query_id(self, geonameid: int) -> Entry | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM place p WHERE p.id = ?", (geonameid,)).fetchone()
        return Entry(*row) if row else None

    def close(self) -> None:
        self._con.close()


def gazetteer_at(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer at ``path``, or the default one."""
    return Gazetteer(path) if path is not None else Gazetteer.default()
