"""``/api/stats`` (counts per day, country, admin1 or type) and ``/api/export`` (the filtered file)."""

from __future__ import annotations

import tempfile
from enum import StrEnum
from pathlib import Path

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from warlog.api.deps import get_store, reader
from warlog.api.filters import incident_filter
from warlog.api.models import StatsOut
from warlog.api.responses import ERRORS
from warlog.export import ExportFormat, write_incidents
from warlog.store.queries import STATS_BY, IncidentFilter, filtered_incidents, statistics
from warlog.store.repo import Store

router = APIRouter(prefix="/api", tags=["statistics and exports"], dependencies=[Depends(reader)],
                   responses=ERRORS)


StatsBy = StrEnum("StatsBy", {by: by for by in STATS_BY})


#: media type and file suffix per export format
MEDIA = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


@router.get("/stats", response_model=StatsOut,
            summary="Incidents and killed per day, country, region or type")
def stats(
    by: StatsBy = Query(StatsBy.day), f: IncidentFilter = Depends(incident_filter),
    store: Store = Depends(get_store),
) -> dict:
    """``killed`` sums ACLED's conservative figure (low, else best). Day rows are sorted by day."""
    return {"by": by.value, "rows": statistics(store, by.value, f)}


@router.get(
    "/export",
    summary="Export the filtered incidents as a file",
    response_class=Response,
    responses={200: {"content": {m: {} for m, _ in MEDIA.values()}, "description": "The file."}},
)
def export(
    export_format: ExportFormat = Query(ExportFormat.acled_csv, alias="format"),
    f: IncidentFilter = Depends(incident_filter),
    store: Store = Depends(get_store),
) -> Response:
    """ACLED-compatible CSV, GeoJSON, Parquet or JSONL (the writers of ``warlog export``)."""
    media, suffix = MEDIA[export_format.value]
    incidents = filtered_incidents(store, f)
    with tempfile.TemporaryDirectory(prefix="warlog-export-") as tmp:
        out = Path(tmp) / f"incidents.{suffix}"
        write_incidents(incidents, export_format.value, out)
        content = out.read_bytes()
    return Response(content, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="warlog-incidents.{suffix}"'})
