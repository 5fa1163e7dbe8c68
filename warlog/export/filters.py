"""Command-line filter strings to an ``IncidentQuery`` (dates, bbox, countries, types, gradings).

Why validate here: a typo in a filter should fail with a message saying how to write it, not export an
empty file that looks like "no incidents".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time

from warlog.errors import ExportError
from warlog.schema import EVENT_TYPES, Grading
from warlog.store.repo import IncidentQuery


def parse_date(value: str | None, *, end_of_day: bool = False, option: str = "--from") -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ExportError(
            f"cannot read the date {value!r}; use ISO 8601 such as 2022-07-04", source=option
        ) from exc
    if len(value) <= 10 and end_of_day:
        parsed = datetime.combine(parsed.date(), time.max)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise ExportError(
            f"bad bounding box {value!r}; write min_lon,min_lat,max_lon,max_lat", source="--bbox"
        ) from exc
    if min_lon > max_lon or min_lat > max_lat:
        raise ExportError(f"bad bounding box {value!r}; the minimums come first", source="--bbox")
    return min_lon, min_lat, max_lon, max_lat


def build_query(
    *,
    start: str | None = None,
    end: str | None = None,
    bbox: str | None = None,
    countries: Sequence[str] = (),
    event_types: Sequence[str] = (),
    gradings: Sequence[str] = (),
) -> IncidentQuery:
    for etype in event_types:
        if etype not in EVENT_TYPES:
            raise ExportError(
                f"unknown event type {etype!r}; use one of {', '.join(EVENT_TYPES)}", source="--type"
            )
    known = {g.value.lower(): g.value for g in Grading}
    for grade in gradings:
        if grade.lower() not in known:
            raise ExportError(
                f"unknown grading {grade!r}; use one of {', '.join(known.values())}", source="--grading"
            )
    for cc in countries:
        if len(cc) != 2 or not cc.isalpha():
            raise ExportError(
                f"bad country {cc!r}; use an ISO 3166-1 alpha-2 code such as UA", source="--country"
            )
    return IncidentQuery(
        start=parse_date(start),
        end=parse_date(end, end_of_day=True, option="--to"),
        bbox=parse_bbox(bbox),
        countries=[c.upper() for c in countries],
        event_types=list(event_types),
        gradings=[known[g.lower()] for g in gradings],
    )
