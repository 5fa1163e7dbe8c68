"""``/api/review``: the review queue, and reviewer actions on one incident (token).

Each action is one call of ``warlog.store.review``; the token's name is the reviewer in the audit log.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query

from warlog.api.deps import get_store, reader, writer
from warlog.api.errors import ApiError
from warlog.api.filters import incident_filter
from warlog.api.models import IncidentDetail, IncidentPage, ReviewIn
from warlog.api.responses import ERRORS, WRITE_ERRORS
from warlog.api.settings import DEFAULT_PAGE, MAX_PAGE
from warlog.store import review as ops
from warlog.store.queries import IncidentFilter, incident_detail, review_queue
from warlog.store.repo import Store

router = APIRouter(prefix="/api", tags=["review"])


@router.get("/review/queue", response_model=IncidentPage, responses=ERRORS, dependencies=[Depends(reader)],
            summary="Incidents to review: unreviewed first, then most sources and most killed")
def queue(
    f: IncidentFilter = Depends(incident_filter),
    limit: int = Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=10**9),
    store: Store = Depends(get_store),
) -> dict:
    return vars(review_queue(store, f, limit=limit, offset=offset))


@router.post("/incidents/{incident_id}/review", response_model=IncidentDetail, responses=WRITE_ERRORS,
             summary="Accept, correct, discount, merge or split an incident (token)")
def review(
    body: ReviewIn,
    incident_id: str = Path(..., max_length=64),
    who: str = Depends(writer),
    store: Store = Depends(get_store),
) -> dict:
    """Returns the incident after the change (for ``merge``, the one merged into)."""
    result = incident_id
    if body.action == "accept":
        ops.accept(store, incident_id, actor=who, note=body.note)
    elif body.action == "discount":
        ops.discount(store, incident_id, actor=who, note=body.note)
    elif body.action == "correct":
        fields = body.fields.model_dump(exclude_unset=True) if body.fields else {}
        if not fields:
            raise ApiError(422, "invalid_request", "fields: give at least one field to correct")
        ops.correct(store, incident_id, fields, actor=who, note=body.note)
    elif body.action == "merge":
        if not body.into:
            raise ApiError(422, "invalid_request", "into: give the id of the incident to merge into")
        result = ops.merge(store, incident_id, body.into, actor=who, note=body.note)
    else:
        if not body.report_keys:
            raise ApiError(422, "invalid_request", "report_keys: name the reports to split out")
        ops.split(store, incident_id, body.report_keys, actor=who, note=body.note)
    return incident_detail(store, result)
