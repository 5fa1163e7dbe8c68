"""The gazetteer: GeoNames places, admin units and countries in a local SQLite file (a leaf package).

``Gazetteer.default()`` opens the shared database, building it from the PyPI packages on first use;
``import_geonames_dump(path, db=None)`` adds a full GeoNames dump to it.
"""

from __future__ import annotations

from warlog.geo.build import build as build_gazetteer
from warlog.geo.build import default_path
from warlog.geo.dump import import_geonames_dump
from warlog.geo.gazetteer import Entry, Gazetteer
from warlog.geo.names import lookup_key, normalize

__all__ = [
    "Entry",
    "Gazetteer",
    "build_gazetteer",
    "default_path",
    "import_geonames_dump",
    "lookup_key",
    "normalize",
]
