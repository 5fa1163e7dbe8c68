"""Write incidents as ACLED CSV, GeoJSON, Parquet or JSONL.

Why four: CSV for spreadsheets and ACLED tooling, GeoJSON for maps (QGIS, Leaflet), Parquet for analysts
(typed columns, pandas/DuckDB), JSONL for everything warlog knows (claims with spans, every report).
The first three share one flat row (``rows.incident_row``); JSONL writes the full ``schema.Incident``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warlog.errors import ExportError
from warlog.export.rows import COLUMNS, incident_row
from warlog.schema import Incident
from warlog.store.repo import IncidentQuery, Store

FORMATS = ("acled-csv", "geojson", "parquet", "jsonl")
#: The formats as a choice type, for the CLI's ``--format`` and the API's ``format=`` (one list, one enum).
ExportFormat = StrEnum("ExportFormat", {name.replace("-", "_"): name for name in FORMATS})

_INT_COLUMNS = {
    "geo_precision",
    "time_precision",
    "fatalities",
    "geonameid",
    "where_prec",
    "date_prec",
    "killed_low",
    "killed_best",
    "killed_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "number_of_sources",
    "report_count",
    "claim_count",
}
_FLOAT_COLUMNS = {"latitude", "longitude"}


def export_incidents(store: Store, fmt: str, out: Path, query: IncidentQuery | None = None) -> int:
    """Write the incidents matching ``query`` to ``out`` in ``fmt``; returns how many were written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", source="--format")
    incidents = store.query_incidents(query)
    write_incidents(incidents, fmt, out)
    return len(incidents)


def write_incidents(incidents: Sequence[Incident], fmt: str, out: Path) -> None:
    out = Path(out)
    if out.parent and not out.parent.exists():
        raise ExportError("the folder does not exist; create it or choose another path", source=str(out))
    if fmt == "acled-csv":
        with open(out, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(COLUMNS))
            writer.writeheader()
            for inc in incidents:
                writer.writerow({k: "" if v is None else v for k, v in incident_row(inc).items()})
    elif fmt == "geojson":
        features = []
        for inc in incidents:
            row = incident_row(inc)
            lat, lon = row["latitude"], row["longitude"]
            geometry = (
                {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
            )
            features.append({"type": "Feature", "id": inc.id, "geometry": geometry, "properties": row})
        out.write_text(
            json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
            encoding="utf-8",
        )
    elif fmt == "parquet":
        rows = [incident_row(inc) for inc in incidents]
        fields = [
            pa.field(
                c, pa.int64() if c in _INT_COLUMNS else pa.float64() if c in _FLOAT_COLUMNS else pa.string()
            )
            for c in COLUMNS
        ]
        schema = pa.schema(fields)
        table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
        pq.write_table(table, out)
    elif fmt == "jsonl":
        with open(out, "w", encoding="utf-8") as fh:
            for inc in incidents:
                fh.write(json.dumps(inc.model_dump(mode="json"), ensure_ascii=False) + "\n")
    else:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", source="--format")
