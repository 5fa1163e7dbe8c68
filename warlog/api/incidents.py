"""``/api/incidents``: the filtered, paged list and one incident's detail."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query

from warlog.api.deps import get_store, reader
from warlog.api.filters import incident_filter
from warlog.api.models import IncidentDetail, IncidentPage
from warlog.api.responses import ERRORS
from warlog.api.settings import DEFAULT_PAGE, MAX_PAGE
from warlog.store.queries import IncidentFilter, incident_detail, list_incidents
from warlog.store.repo import Store

router = APIRouter(prefix="/api", tags=["incidents"], dependencies=[Depends(reader)], responses=ERRORS)

ID = Path(..., max_length=64, description="An incident id such as inc-0123456789ab.")


@router.get("/incidents", response_model=IncidentPage, summary="List incidents matching the filters")
def incidents(
    f: IncidentFilter = Depends(incident_filter),
    limit: int = Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=10**9),
    store: Store = Depends(get_store),
) -> dict:
    """Newest first (undated last); ``total`` counts every match, ``items`` is one page."""
    return vars(list_incidents(store, f, limit=limit, offset=offset))


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, summary="One incident in full")
def incident(incident_id: str = ID, store: Store = Depends(get_store)) -> dict:
    """Consensus fields, every report with its claims and evidence spans, documents and the review log."""
    return incident_detail(store, incident_id)
