"""One incident as one flat row: ACLED's columns first, then warlog's own.

Why ACLED's names and codings: coders load exports next to ACLED data. ``fatalities`` is the conservative
figure (``killed.low``, else the best estimate; 0 when unknown, as ACLED writes it). ACLED's
``geo_precision`` (1 town, 2 near / district, 3 province or larger) and ``time_precision`` (1 day, 2 week,
3 month or longer) are derived from UCDP's finer ``where_prec`` / ``date_prec``, which are kept as well.
"""

from __future__ import annotations

from warlog.schema import Actor, Incident

ACLED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    "fatalities",
)
WARLOG_COLUMNS = (
    "incident_id",
    "country",
    "geonameid",
    "where_prec",
    "date_prec",
    "time_start",
    "time_end",
    "killed_low",
    "killed_best",
    "killed_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "weapons",
    "number_of_sources",
    "grading",
    "grading_reasons",
    "review_status",
    "report_count",
    "claim_count",
    "merged_from",
)
COLUMNS = ACLED_COLUMNS + WARLOG_COLUMNS


def geo_precision(where_prec: int | None) -> int | None:
    if where_prec is None:
        return None
    return 1 if where_prec == 1 else 2 if where_prec in (2, 3) else 3


def time_precision(date_prec: int | None) -> int | None:
    if date_prec is None:
        return None
    return 1 if date_prec == 1 else 2 if date_prec in (2, 3) else 3


def _actor_pair(actors: list[Actor]) -> tuple[str | None, str | None]:
    """ACLED's actor1/actor2: the perpetrator and the target when the text says who did what to whom; else
    the first party named and the first party of another side (the order of mention, as a coder would
    read a report that only names them)."""

    def label(a: Actor | None) -> str | None:
        return None if a is None else (a.entity or a.name)

    first = next((a for a in actors if a.role == "perpetrator"), None)
    second = next((a for a in actors if a.role == "target" and a is not first), None)
    rest = [a for a in actors if a.role is None]
    if first is None and rest:
        first = rest.pop(0)
    if second is None and first is not None:
        others = [a for a in rest if (a.entity or a.name) != (first.entity or first.name)]
        second = next((a for a in others if first.side is None or a.side != first.side), None)
    return label(first), label(second)


def incident_row(inc: Incident) -> dict[str, object]:
    place, time = inc.place, inc.time
    actor1, actor2 = _actor_pair(inc.actors)
    fatalities = inc.killed.low if inc.killed.low is not None else inc.killed.best
    return {
        "event_date": _iso(time.local_date() if time else None),
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "actor1": actor1,
        "actor2": actor2,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": (place.resolved_name or place.name) if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": geo_precision(place.where_prec if place else None),
        "time_precision": time_precision(time.date_prec if time else None),
        "source": "; ".join(inc.sources),
        "notes": inc.summary,
        "fatalities": fatalities or 0,
        "incident_id": inc.id,
        "country": place.country if place else None,
        "geonameid": place.geonameid if place else None,
        "where_prec": place.where_prec if place else None,
        "date_prec": time.date_prec if time else None,
        "time_start": time.start.isoformat() if time and time.start else None,
        "time_end": time.end.isoformat() if time and time.end else None,
        "killed_low": inc.killed.low,
        "killed_best": inc.killed.best,
        "killed_high": inc.killed.high,
        "injured_low": inc.injured.low,
        "injured_best": inc.injured.best,
        "injured_high": inc.injured.high,
        "weapons": "; ".join(w.name for w in inc.weapons),
        "number_of_sources": inc.number_of_sources,
        "grading": inc.grading,
        "grading_reasons": "; ".join(inc.grading_reasons),
        "review_status": inc.review_status,
        "report_count": len(inc.report_ids),
        "claim_count": len(inc.claims),
        "merged_from": "; ".join(inc.merged_from),
    }


def _iso(day) -> str | None:
    return day.isoformat() if day is not None else None
