"""Reviewer operations on stored incidents: accept, correct fields, discount, merge, split.

Why here and not in the API: the CLI (``warlog review``), the API and scripts share them, and each must be
one transaction that changes the incident and writes the audit log together (who, when, field, old, new,
note). Derived fields are recomputed with the resolver's own consensus (``warlog.resolve.merge.consensus``)
after a merge or split, so a hand-merged incident is graded exactly as an automatic one would be.

Why corrections are stored apart (``incidents.corrections``): the resolver rewrites an incident whenever a
new report joins it; ``Store.save_incidents`` re-applies the stored corrections (``apply_corrections``)
after each rewrite, so a reviewer's figure or place outlives later resolves while the rest stays derived.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from warlog.errors import ReviewError, UnknownRecord
from warlog.resolve.merge import consensus, incident_id
from warlog.schema import EVENT_TYPES, SUB_EVENT_TYPES, DatePrec, Grading, Incident, Place, TimeSpan
from warlog.store.models import IncidentRow, PlaceRow, ReportRow, ReviewLogRow

if TYPE_CHECKING:
    from warlog.store.repo import Store

REVIEWED = "reviewed"
COUNT_FIELDS = tuple(f"{kind}_{part}" for kind in ("killed", "injured") for part in ("low", "best", "high"))
#: Every field a reviewer may correct, by the kind of value it takes.
CORRECTABLE: dict[str, str] = {
    "event_type": "event_type",
    "sub_event_type": "sub_event_type",
    "grading": "grading",
    **{name: "count" for name in COUNT_FIELDS},
    "place_name": "text",
    "lat": "lat",
    "lon": "lon",
    "where_prec": "where_prec",
    "time_start": "time",
    "time_end": "time",
    "date_prec": "date_prec",
}


# --------------------------------------------------------------------------------------------- values


def coerce_field(name: str, value: Any) -> Any:
    """The JSON-storable value of a correction, validated; raises ``ReviewError`` naming the fix."""
    kind = CORRECTABLE.get(name)
    if kind is None:
        raise ReviewError(f"cannot correct {name!r}; correctable fields: {', '.join(CORRECTABLE)}",
                          source=name)
    if value is None or value == "":
        if kind == "count":
            return None  # "unknown"
        raise ReviewError("a value is required; give one (only casualty figures may be emptied)", source=name)
    try:
        if kind == "event_type" and value in EVENT_TYPES:
            return value
        if kind == "sub_event_type" and value in SUB_EVENT_TYPES:
            return value
        if kind == "grading":
            known = {g.value.lower(): g.value for g in Grading}
            if str(value).lower() in known:
                return known[str(value).lower()]
        if kind == "count" and not isinstance(value, bool) and int(value) >= 0 and int(value) == float(value):
            return int(value)
        if kind == "text" and str(value).strip():
            return str(value).strip()
        if kind == "lat" and not isinstance(value, bool) and -90 <= float(value) <= 90:
            return float(value)
        if kind == "lon" and not isinstance(value, bool) and -180 <= float(value) <= 180:
            return float(value)
        if kind == "where_prec" and not isinstance(value, bool) and 1 <= int(value) <= 7:
            return int(value)
        if kind == "date_prec" and not isinstance(value, bool) and 1 <= int(value) <= 5:
            return int(value)
        if kind == "time":
            parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
            return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    except (TypeError, ValueError, OverflowError):
        pass
    raise ReviewError(f"bad value {value!r}; {_HINTS[kind]}", source=name)


_HINTS = {
    "event_type": f"use one of {', '.join(EVENT_TYPES)}",
    "sub_event_type": "use one of ACLED's 25 sub-event types (see warlog.schema.SUB_EVENT_TYPES)",
    "grading": f"use one of {', '.join(g.value for g in Grading)}",
    "count": "use a whole number of people, 0 or more, or null for unknown",
    "text": "use a non-empty place name",
    "lat": "use a latitude between -90 and 90",
    "lon": "use a longitude between -180 and 180",
    "where_prec": "use UCDP where_prec 1 (exact) to 7 (sea/air)",
    "date_prec": "use UCDP date_prec 1 (day) to 5 (year)",
    "time": "use ISO 8601 such as 2022-07-04 or 2022-07-04T09:30+03:00",
}


def parse_assignments(pairs: Iterable[str]) -> dict[str, Any]:
    """``["killed_low=3", "place_name=Foo"]`` (the CLI's ``--set``) to validated corrections."""
    fields: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise ReviewError("write corrections as FIELD=VALUE, e.g. killed_low=3", source=pair)
        fields[name.strip()] = coerce_field(name.strip(), value.strip() if value.strip() != "null" else None)
    return fields


def field_value(inc: Incident, name: str) -> Any:
    """The current value of a correctable field on an incident (what the audit log calls ``old``)."""
    if name in COUNT_FIELDS:
        kind, part = name.split("_")
        return getattr(getattr(inc, kind), part)
    if name == "place_name":
        return inc.place.name if inc.place else None
    if name in ("lat", "lon", "where_prec"):
        return getattr(inc.place, name) if inc.place else None
    if name in ("time_start", "time_end"):
        value = getattr(inc.time, name.removeprefix("time_")) if inc.time else None
        return value.astimezone(UTC).isoformat() if value else None
    if name == "date_prec":
        return inc.time.date_prec if inc.time else None
    return getattr(inc, name)


def apply_corrections(inc: Incident, corrections: Mapping[str, Any] | None) -> Incident:
    """``inc`` with a reviewer's stored corrections laid over its derived fields."""
    if not corrections:
        return inc
    c = corrections
    update_: dict[str, Any] = {}
    for name in ("event_type", "sub_event_type"):
        if name in c:
            update_[name] = c[name]
    for kind in ("killed", "injured"):
        parts = {p: c[f"{kind}_{p}"] for p in ("low", "best", "high") if f"{kind}_{p}" in c}
        if parts:
            update_[kind] = getattr(inc, kind).model_copy(update=parts)
    if any(k in c for k in ("place_name", "lat", "lon", "where_prec")):
        place = inc.place or Place(name=c.get("place_name") or "location set by a reviewer")
        changes = {k: c[k] for k in ("lat", "lon", "where_prec") if k in c}
        if "place_name" in c:
            changes |= {"name": c["place_name"], "resolved_name": c["place_name"]}
        if "lat" in c or "lon" in c:
            changes["geonameid"] = None if place.lat != c.get("lat", place.lat) or place.lon != c.get(
                "lon", place.lon) else place.geonameid
        update_["place"] = place.model_copy(update={**changes, "reason": "corrected by a reviewer"})
    if any(k in c for k in ("time_start", "time_end", "date_prec")):
        time = inc.time or TimeSpan()
        changes = {k.removeprefix("time_"): datetime.fromisoformat(c[k]) for k in ("time_start", "time_end")
                   if k in c}
        start, end = changes.get("start", time.start), changes.get("end", time.end)
        if "date_prec" in c:
            changes["date_prec"] = c["date_prec"]
        elif changes and start is not None:
            changes["date_prec"] = int(DatePrec.of_range(start, end or start))
        update_["time"] = time.model_copy(update={**changes, "fallback": False})
    if "grading" in c:
        update_["grading"] = c["grading"]
        update_["grading_reasons"] = [*inc.grading_reasons, f"set to {c['grading']} by a reviewer"]
    return inc.model_copy(update=update_)


# --------------------------------------------------------------------------------------------- actions


def accept(store: Store, incident: str, *, actor: str, note: str | None = None) -> None:
    """Mark the incident reviewed as it stands."""
    with store.session() as s:
        row = _row(s, incident)
        _log(s, incident, actor, "accept", "review_status", row.review_status, REVIEWED, note)
        _write(s, row, Incident.model_validate(row.record), row.corrections)


def correct(
    store: Store, incident: str, fields: Mapping[str, Any], *, actor: str, note: str | None = None
) -> None:
    """Set fields by hand; each change is logged and kept across later resolves."""
    if not fields:
        raise ReviewError("nothing to correct; pass at least one FIELD=VALUE", source=incident)
    new = {name: coerce_field(name, value) for name, value in fields.items()}
    if "sub_event_type" in new and "event_type" not in new:
        new["event_type"] = SUB_EVENT_TYPES[new["sub_event_type"]]
    with store.session() as s:
        row = _row(s, incident)
        current = Incident.model_validate(row.record)
        if "event_type" in new and "sub_event_type" not in new:
            sub = current.sub_event_type
            if sub is not None and SUB_EVENT_TYPES.get(sub) != new["event_type"]:
                new["sub_event_type"] = None  # the old sub-type belongs to another type
        if new.get("sub_event_type") and SUB_EVENT_TYPES[new["sub_event_type"]] != new["event_type"]:
            raise ReviewError(
                f"{new['sub_event_type']!r} is a sub-type of {SUB_EVENT_TYPES[new['sub_event_type']]!r}, "
                f"not {new['event_type']!r}; correct both together", source=incident)
        corrections = {**(row.corrections or {}), **new}
        corrected = apply_corrections(current, corrections)
        for kind in ("killed", "injured"):
            count = getattr(corrected, kind)
            values = [v for v in (count.low, count.best, count.high) if v is not None]
            if values != sorted(values):
                raise ReviewError(f"{kind} must satisfy low <= best <= high (now {count.low}, {count.best}, "
                                  f"{count.high}); correct the figures together", source=incident)
        for name in new:
            old, value = field_value(current, name), field_value(corrected, name)
            _log(s, incident, actor, "correct", name, old, value, note)
        if row.review_status != REVIEWED:
            _log(s, incident, actor, "correct", "review_status", row.review_status, REVIEWED, note)
        _write(s, row, current, corrections)


def discount(store: Store, incident: str, *, actor: str, note: str | None = None) -> None:
    """Grade the incident ``Discounted`` (reviewer only); it sticks across resolves."""
    correct(store, incident, {"grading": Grading.DISCOUNTED.value}, actor=actor, note=note)


def merge(store: Store, incident: str, into: str, *, actor: str, note: str | None = None) -> str:
    """Fold ``incident`` into ``into``: its reports move, the consensus and grading are recomputed.

    Corrections of both are kept, ``into``'s winning where both set a field. Returns ``into``."""
    if incident == into:
        raise ReviewError("cannot merge an incident into itself; pass another incident id", source=incident)
    items = store.report_items(incident_ids=[incident, into])
    with store.session() as s:
        source, target = _row(s, incident), _row(s, into)
        previous = Incident.model_validate(target.record)
        merged = consensus(into, items, previous, merged_from=[incident, *(source.merged_from or [])])
        corrections = {**(source.corrections or {}), **(target.corrections or {})}
        s.execute(update(ReportRow).where(ReportRow.incident_id == incident).values(incident_id=into))
        _log(s, into, actor, "merge", "merged_from", None, incident, note)
        _log(s, incident, actor, "merge", "merged_into", None, into, note)
        _write(s, target, merged, corrections)
        if source.place_id is not None:
            s.execute(delete(PlaceRow).where(PlaceRow.id == source.place_id))
        s.delete(source)
    return into


def split(
    store: Store, incident: str, report_keys: Sequence[str], *, actor: str, note: str | None = None
) -> str:
    """Move ``report_keys`` out of ``incident`` into a new incident; both consensuses are recomputed.

    The original keeps its id and corrections; the new one is derived afresh. Returns the new id."""
    keys = list(dict.fromkeys(report_keys))
    if not keys:
        raise ReviewError("name the reports to split out (their keys, DOCUMENT_ID:N)", source=incident)
    items = store.report_items(incident_ids=[incident])
    known = {i.key for i in items}
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise ReviewError(f"these reports are not in the incident: {', '.join(unknown)}; see its reports",
                          source=incident)
    if len(keys) == len(items):
        raise ReviewError("cannot split out every report; leave at least one in the incident",
                          source=incident)
    new_id = incident_id(f"split:{incident}:{sorted(keys)[0]}")
    with store.session() as s:
        row = _row(s, incident)
        if s.get(IncidentRow, new_id) is not None:
            raise ReviewError(f"these reports were split out before, as {new_id}", source=incident)
        previous = Incident.model_validate(row.record)
        rest = consensus(incident, [i for i in items if i.key not in keys], previous)
        moved = consensus(new_id, [i for i in items if i.key in keys])
        _log(s, incident, actor, "split", "split_into", None, new_id, note)
        _log(s, new_id, actor, "split", "split_from", None, incident, note or f"{len(keys)} report(s)")
        _write(s, row, rest, row.corrections)
        new_row = IncidentRow(id=new_id, merged_from=[], corrections={})
        _write(s, new_row, moved, {})
        s.add(new_row)
        s.flush()
        s.execute(update(ReportRow).where(ReportRow.key.in_(keys)).values(incident_id=new_id))
    return new_id


# --------------------------------------------------------------------------------------------- helpers


def _row(s: Session, incident: str) -> IncidentRow:
    row = s.get(IncidentRow, incident)
    if row is None:
        raise UnknownRecord("no such incident; list them with `warlog review queue`", source=incident)
    return row


def _write(s: Session, row: IncidentRow, inc: Incident, corrections: Mapping[str, Any] | None) -> None:
    from warlog.store.repo import _fill_incident  # repo imports this module (apply_corrections)

    inc = apply_corrections(inc, corrections).model_copy(update={"review_status": REVIEWED})
    _fill_incident(s, row, inc, datetime.now(UTC))
    row.corrections = dict(corrections or {})


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)


def _log(s: Session, incident: str, actor: str, action: str, field: str | None, old: Any, new: Any,
         note: str | None) -> None:
    s.add(ReviewLogRow(incident_id=incident, at=datetime.now(UTC), actor=actor, action=action, field=field,
                       old=_text(old), new=_text(new), note=note))
