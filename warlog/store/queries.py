"""Read queries behind the API, the web UI and the reviewer CLI: filtered pages, details, statistics.

Why beside ``repo.py`` rather than in it: these are read models shaped for display (an incident summary with
its place and casualty ranges, a detail with every report, claim and evidence span), built from the indexed
columns plus ``record``; the write path (``repo``) stays small. Every filter runs in SQL so a page of 100
from a million incidents reads 100 records, and the same ``IncidentFilter`` drives lists, statistics, the
review queue and exports, so the map, the timeline and a CSV never disagree.

The shapes returned are plain dicts and lists (JSON-ready apart from datetimes); ``warlog.api.models``
declares them for OpenAPI.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, String, case, cast, exists, func, or_, select
from sqlalchemy.orm import Session

from warlog.errors import StoreError
from warlog.schema import Incident
from warlog.store.models import (
    ClaimRow,
    DocumentRow,
    EvidenceSpanRow,
    IncidentRow,
    PlaceRow,
    ReportRow,
)
from warlog.store.repo import IncidentQuery, _aware, _utc  # how the store reads and writes its times
from warlog.store.review import UnknownRecord

__all__ = ["STATS_BY", "IncidentFilter", "Page", "UnknownRecord", "document_detail", "filtered_incidents",
           "incident_detail", "list_incidents", "review_queue", "statistics"]

if TYPE_CHECKING:
    from warlog.store.repo import Store

STATS_BY = ("day", "country", "admin1", "event_type")
UNKNOWN_KEY = "unknown"


@dataclass
class IncidentFilter(IncidentQuery):
    """``IncidentQuery`` plus the filters a reviewer uses; ``text`` searches summaries, places, claimants."""

    admin1: str | None = None
    actor: str | None = None
    text: str | None = None
    review_status: str | None = None


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)


# --------------------------------------------------------------------------------------------- filters


def _like(value: str) -> str:
    escaped = value.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_statement(f: IncidentFilter | IncidentQuery | None) -> Select:
    """``SELECT incidents`` with every filter of ``f`` as SQL (no order, no paging)."""
    f = f or IncidentFilter()
    stmt = select(IncidentRow)
    if f.start is not None:
        stmt = stmt.where(func.coalesce(IncidentRow.time_end, IncidentRow.time_start) >= _utc(f.start))
    if f.end is not None:
        stmt = stmt.where(IncidentRow.time_start <= _utc(f.end))
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        stmt = stmt.where(
            IncidentRow.lon.between(min_lon, max_lon), IncidentRow.lat.between(min_lat, max_lat)
        )
    if f.countries:
        stmt = stmt.where(IncidentRow.country.in_([c.upper() for c in f.countries]))
    if f.event_types:
        stmt = stmt.where(IncidentRow.event_type.in_(list(f.event_types)))
    if f.gradings:
        stmt = stmt.where(IncidentRow.grading.in_(list(f.gradings)))
    if not isinstance(f, IncidentFilter):
        return stmt
    if f.review_status:
        stmt = stmt.where(IncidentRow.review_status == f.review_status)
    if f.admin1:
        stmt = stmt.where(
            exists().where(
                PlaceRow.id == IncidentRow.place_id, func.lower(PlaceRow.admin1) == f.admin1.strip().lower()
            )
        )
    if f.actor:
        stmt = stmt.where(
            exists().where(
                ReportRow.incident_id == IncidentRow.id,
                func.lower(cast(ReportRow.actors, String)).like(_like(f.actor), escape="\\"),
            )
        )
    if f.text:
        pattern = _like(f.text)
        stmt = stmt.where(
            or_(
                exists().where(
                    ReportRow.incident_id == IncidentRow.id,
                    func.lower(ReportRow.summary).like(pattern, escape="\\"),
                ),
                exists().where(
                    PlaceRow.id == IncidentRow.place_id,
                    or_(
                        func.lower(PlaceRow.name).like(pattern, escape="\\"),
                        func.lower(PlaceRow.admin1).like(pattern, escape="\\"),
                        func.lower(PlaceRow.admin2).like(pattern, escape="\\"),
                    ),
                ),
                exists().where(
                    ReportRow.incident_id == IncidentRow.id,
                    ClaimRow.report_key == ReportRow.key,
                    or_(
                        func.lower(ClaimRow.claimant_name).like(pattern, escape="\\"),
                        func.lower(ClaimRow.claimant_entity).like(pattern, escape="\\"),
                    ),
                ),
            )
        )
    return stmt


def _page(store: Store, stmt: Select, order: Sequence, limit: int, offset: int) -> Page:
    with store.session() as s:
        total = s.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
        rows = s.scalars(stmt.order_by(*order).limit(limit).offset(offset)).all()
        return Page(total=total, limit=limit, offset=offset, items=[incident_summary(r) for r in rows])


def list_incidents(
    store: Store, f: IncidentFilter | None = None, *, limit: int = 100, offset: int = 0
) -> Page:
    """A page of incidents matching ``f``, newest first (undated last), with the total count."""
    order = (IncidentRow.time_start.is_(None), IncidentRow.time_start.desc(), IncidentRow.id)
    return _page(store, filter_statement(f), order, limit, offset)


def review_queue(
    store: Store, f: IncidentFilter | None = None, *, limit: int = 100, offset: int = 0
) -> Page:
    """Unreviewed incidents first; among them those with most sources, then most killed."""
    order = (
        case((IncidentRow.review_status == "unreviewed", 0), else_=1),
        IncidentRow.number_of_sources.desc(),
        func.coalesce(IncidentRow.killed_low, IncidentRow.killed_best, 0).desc(),
        IncidentRow.time_start.is_(None),
        IncidentRow.time_start.desc(),
        IncidentRow.id,
    )
    return _page(store, filter_statement(f), order, limit, offset)


def filtered_incidents(store: Store, f: IncidentFilter | IncidentQuery | None = None) -> list[Incident]:
    """Full incidents matching ``f`` in time order (what exports write)."""
    stmt = filter_statement(f).order_by(
        IncidentRow.time_start.is_(None), IncidentRow.time_start, IncidentRow.id
    )
    with store.session() as s:
        return [Incident.model_validate(r.record) for r in s.scalars(stmt).all()]


# --------------------------------------------------------------------------------------------- shapes


def _count(row: Any, prefix: str) -> dict[str, int | None]:
    return {k: getattr(row, f"{prefix}_{k}") for k in ("low", "best", "high")}


def _place(value: dict | None) -> dict | None:
    if not value:
        return None
    keys = ("name", "lat", "lon", "country", "admin1", "admin2", "where_prec", "geonameid")
    return {k: value.get(k) for k in keys}


def _names(values: list[dict], *keys: str) -> list[str]:
    names = []
    for value in values or []:
        name = next((value[k] for k in keys if value.get(k)), None)
        if name and name not in names:
            names.append(name)
    return names


def incident_summary(row: IncidentRow) -> dict[str, Any]:
    """The list shape of one incident (see ``warlog.api.models.IncidentSummary``)."""
    rec = row.record or {}
    return {
        "id": row.id,
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "summary": rec.get("summary"),
        "place": _place(rec.get("place")),
        "lat": row.lat,
        "lon": row.lon,
        "country": row.country,
        "time_start": _aware(row.time_start),
        "time_end": _aware(row.time_end),
        "event_date": row.event_date,
        "date_prec": row.date_prec,
        "killed": _count(row, "killed"),
        "injured": _count(row, "injured"),
        "number_of_sources": row.number_of_sources or 0,
        "grading": row.grading,
        "review_status": row.review_status,
        "weapons": _names(rec.get("weapons", []), "name"),
        "actors": _names(rec.get("actors", []), "entity", "name"),
    }


def incident_detail(store: Store, incident_id: str) -> dict[str, Any]:
    """Summary plus grading reasons, reports with claims and evidence spans, documents and the audit log."""
    with store.session() as s:
        row = s.get(IncidentRow, incident_id)
        if row is None:
            raise UnknownRecord("no such incident; list them with GET /api/incidents", source=incident_id)
        detail = incident_summary(row)
        detail["grading_reasons"] = list(row.grading_reasons or [])
        detail["merged_from"] = list(row.merged_from or [])
        detail["reports"], document_ids = _reports(s, incident_id)
        docs = s.scalars(
            select(DocumentRow).where(DocumentRow.id.in_(document_ids)).order_by(DocumentRow.published)
        ).all() if document_ids else []
        detail["documents"] = [
            {"id": d.id, "url": d.url, "source": d.source, "title": d.title, "published": _aware(d.published)}
            for d in docs
        ]
    detail["review_log"] = [{**e, "at": _aware(e["at"])} for e in store.audit_log(incident_id)]
    return detail


def _reports(s: Session, incident_id: str) -> tuple[list[dict], list[str]]:
    rows = s.execute(
        select(ReportRow, PlaceRow)
        .join(DocumentRow, ReportRow.document_id == DocumentRow.id)
        .outerjoin(PlaceRow, ReportRow.place_id == PlaceRow.id)
        .where(ReportRow.incident_id == incident_id)
        .order_by(DocumentRow.published, ReportRow.document_id, ReportRow.position)
    ).all()
    keys = [r.key for r, _ in rows]
    spans: dict[tuple[str, int | None], list[dict]] = defaultdict(list)
    claims: dict[str, list[ClaimRow]] = defaultdict(list)
    if keys:
        for sp in s.scalars(
            select(EvidenceSpanRow).where(EvidenceSpanRow.report_key.in_(keys)).order_by(EvidenceSpanRow.id)
        ):
            spans[(sp.report_key, sp.claim_id)].append(
                {"role": sp.role, "start": sp.start, "end": sp.end, "text": sp.text}
            )
        for claim in s.scalars(select(ClaimRow).where(ClaimRow.report_key.in_(keys)).order_by(ClaimRow.id)):
            claims[claim.report_key].append(claim)
    reports = []
    for row, place in rows:
        rec = row.record or {}
        rec_claims = rec.get("claims") or []
        reports.append({
            "key": row.key,
            "document_id": row.document_id,
            "position": row.position,
            "background": row.background,
            "event_type": row.event_type,
            "sub_event_type": row.sub_event_type,
            "summary": row.summary,
            "place": _place(rec.get("place")) if place is not None else None,
            "time_start": _aware(row.time_start),
            "time_end": _aware(row.time_end),
            "time_text": row.time_text,
            "date_prec": row.date_prec,
            "killed": _count(row, "killed"),
            "injured": _count(row, "injured"),
            "weapons": _names(row.weapons, "name"),
            "actors": _names(row.actors, "entity", "name"),
            "evidence": spans.get((row.key, None), []),
            "claims": [
                _claim(c, rec_claims[n] if n < len(rec_claims) else {}, spans.get((row.key, c.id), []))
                for n, c in enumerate(claims.get(row.key, []))
            ],
        })
    return reports, list(dict.fromkeys(r.document_id for r, _ in rows))


def _claim(row: ClaimRow, rec: dict, evidence: list[dict]) -> dict[str, Any]:
    return {
        "id": row.id,
        "claimant": {
            "name": row.claimant_name,
            "entity": row.claimant_entity,
            "type": row.claimant_type,
            "side": row.claimant_side,
        },
        "stance": row.stance,
        "modality": row.modality,
        "perpetrator": row.perpetrator,
        "target": row.target,
        "killed_low": row.killed_low,
        "killed_high": row.killed_high,
        "caveats": [c.get("kind", "") for c in rec.get("caveats") or []],
        "evidence": evidence,
    }


def document_detail(store: Store, document_id: str) -> dict[str, Any]:
    with store.session() as s:
        row = s.get(DocumentRow, document_id)
        if row is None:
            raise UnknownRecord("no such document; documents are named in GET /api/incidents/{id}",
                                source=document_id)
        keys = s.scalars(
            select(ReportRow.key).where(ReportRow.document_id == document_id).order_by(ReportRow.position)
        ).all()
        return {
            "id": row.id,
            "url": row.url,
            "source": row.source,
            "title": row.title,
            "published": _aware(row.published),
            "language": row.language,
            "text": row.text,
            "report_keys": list(keys),
        }


# --------------------------------------------------------------------------------------------- statistics


def statistics(store: Store, by: str, f: IncidentFilter | None = None) -> list[dict[str, Any]]:
    """Incidents and killed (ACLED's conservative figure: low, else best) per day, country, admin1 or type.

    Day rows are sorted by day and leave out undated incidents (a timeline has nowhere to put them); the
    others are sorted by incidents, most first, with ``unknown`` for incidents lacking the field. Days are
    each incident's local ``event_date`` (ACLED's), not UTC days."""
    if by not in STATS_BY:
        raise StoreError(f"cannot group statistics by {by!r}; use one of {', '.join(STATS_BY)}", source="by")
    sub = filter_statement(f).subquery()
    key_column = {
        "day": sub.c.event_date,
        "country": sub.c.country,
        "event_type": sub.c.event_type,
        "admin1": PlaceRow.admin1,
    }[by]
    stmt = select(key_column, sub.c.killed_low, sub.c.killed_best)
    if by == "admin1":
        stmt = stmt.select_from(sub).outerjoin(PlaceRow, PlaceRow.id == sub.c.place_id)
    incidents: dict[str, int] = defaultdict(int)
    killed: dict[str, int] = defaultdict(int)
    with store.session() as s:
        for key, low, best in s.execute(stmt):
            if by == "day" and key is None:
                continue
            key = key or UNKNOWN_KEY
            incidents[key] += 1
            killed[key] += low if low is not None else best or 0
    keys = sorted(incidents) if by == "day" else sorted(incidents, key=lambda k: (-incidents[k], k))
    return [{"key": k, "incidents": incidents[k], "killed": killed[k]} for k in keys]


