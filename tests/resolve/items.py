"""Synthetic report items for resolve tests (no extraction involved)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from warlog.resolve.items import ReportItem
from warlog.resolve.weights import FEATURES, MergeModel
from warlog.schema import Claim, Claimant, Count, Place, Report, TimeSpan

_COUNTER = iter(range(10**6))

#: A hand-set merge model, so the resolver's tests do not move when the shipped model is refitted:
#: text cosine plus half-weighted agreements, penalties for contradictions.
_HAND = {
    "text": 1.0,
    "place": 0.4,
    "place_veto": -0.2,
    "time": 0.4,
    "time_veto": -0.2,
    "family_veto": -0.1,
    "casualties": 0.2,
    "actors": 0.1,
    "weapons": 0.1,
    "embedding": 1.0,
}
MODEL = MergeModel(tuple(_HAND.get(f, 0.0) for f in FEATURES), bias=0.0, threshold=0.35, bridge=0.45)


def item(
    text: str = "",
    *,
    day: int | None = 4,
    lat: float | None = 50.0,
    lon: float | None = 36.2,
    where_prec: int = 1,
    killed: Count | None = None,
    event_type: str | None = "Explosions/Remote violence",
    source: str = "wire",
    background: bool = False,
    date_prec: int = 1,
    claims: list[Claim] | None = None,
    country: str = "UA",
    published_day: int | None = None,
    name: str = "Testovo",
) -> ReportItem:
    n = next(_COUNTER)
    time = None
    if day is not None:
        start = datetime(2022, 7, day, tzinfo=UTC)
        time = TimeSpan(start=start, end=start + timedelta(hours=23), text="t", date_prec=date_prec)
    place = None
    if lat is not None:
        place = Place(name=name, lat=lat, lon=lon, where_prec=where_prec, country=country)
    report = Report(
        document_id=f"d{n}",
        event_type=event_type,
        place=place,
        time=time,
        background=background,
        killed=killed or Count(),
        claims=claims or [],
    )
    published = datetime(2022, 7, published_day, 12, tzinfo=UTC) if published_day else None
    return ReportItem(key=f"d{n}:0", report=report, source=source, text=text, published=published)


def claim(stance: str, who: str, perpetrator: str | None = None) -> Claim:
    return Claim(claimant=Claimant(name=who), stance=stance, perpetrator=perpetrator)
