"""The incident filters every list, statistic and export takes, as one FastAPI dependency.

Why one dependency: the map, the timeline, the review queue and an export must agree on what a filter
means; they all turn the same query string into the same ``IncidentFilter`` (validated by the exporter's
own parsers, so a bad date fails alike in the CLI and the API).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from pydantic import StringConstraints

from warlog.api.errors import ApiError
from warlog.errors import ExportError
from warlog.export.filters import build_query
from warlog.schema import EVENT_TYPES, Grading, ReviewStatus
from warlog.store.queries import IncidentFilter

_PARAMS = {"--from": "start", "--to": "end", "--bbox": "bbox", "--country": "country", "--type": "event_type",
           "--grading": "grading"}
MAX_TEXT = 200
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]  (the enum in the spec is ACLED's six types)
ISO_DATE = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$"
_NUMBER = r"\s*-?\d{1,3}(\.\d+)?\s*"
BBOX = f"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"
CountryCode = Annotated[str, StringConstraints(pattern="^[A-Za-z]{2}$")]
GradingName = Literal[tuple(g.value for g in Grading)]  # type: ignore[valid-type]


def incident_filter(
    start: str | None = Query(None, pattern=ISO_DATE, description="Incidents ending on or after this date."),
    end: str | None = Query(None, pattern=ISO_DATE, description="Incidents starting on or before this date."),
    bbox: str | None = Query(None, pattern=BBOX, description="min_lon,min_lat,max_lon,max_lat"),
    country: list[CountryCode] = Query([], description="ISO 3166-1 alpha-2 code; repeat for several."),
    admin1: str | None = Query(None, max_length=MAX_TEXT, description="First-level region, e.g. an oblast."),
    event_type: list[EventType] = Query([], description="ACLED event type; repeat for several."),
    actor: str | None = Query(None, max_length=MAX_TEXT, description="Part of an actor's name or entity."),
    grading: list[GradingName] = Query([], description="Airwars grading; repeat for several."),
    review_status: ReviewStatus | None = Query(None, description="unreviewed, reviewed or disputed."),
    q: str | None = Query(None, max_length=MAX_TEXT, description="Text in summaries, places, claimants."),
) -> IncidentFilter:
    try:
        base = build_query(start=start, end=end, bbox=bbox, countries=country, event_types=event_type,
                           gradings=grading)
    except ExportError as exc:
        param = _PARAMS.get(exc.source or "", exc.source or "filter")
        raise ApiError(422, exc.code, f"{param}: {exc.message}") from exc
    return IncidentFilter(
        start=base.start, end=base.end, bbox=base.bbox, countries=base.countries,
        event_types=base.event_types, gradings=base.gradings,
        admin1=admin1 or None, actor=actor or None, text=q or None,
        review_status=review_status.value if review_status else None,
    )
