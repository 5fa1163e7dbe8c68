"""Small synthetic records for store, runner and export tests (texts written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from warlog.schema import (
    Actor,
    Claim,
    Claimant,
    Count,
    Document,
    Extraction,
    Place,
    Report,
    Span,
    TimeSpan,
)

TEXT = "Artillery shelled the village of Testovo on Monday, killing two people, the governor said."


def document(
    text: str = TEXT,
    *,
    url: str | None = "http://example.test/a",
    source: str = "Wire A",
    published: datetime | None = None,
) -> Document:
    return Document(
        id=Document.content_id(text, url),
        text=text,
        url=url,
        source=source,
        published=published or datetime(2022, 7, 4, 9, 0, tzinfo=UTC),
    )


def report(
    document_id: str | None = None,
    *,
    day: int = 4,
    lat: float = 50.0,
    lon: float = 36.2,
    killed: int | None = 2,
    country: str = "UA",
    event_type: str = "Explosions/Remote violence",
    place_name: str = "Testovo",
) -> Report:
    start = datetime(2022, 7, day, tzinfo=UTC)
    return Report(
        document_id=document_id,
        event_type=event_type,
        sub_event_type="Shelling/artillery/missile attack",
        place=Place(
            name=place_name,
            geonameid=1000 + int(lat * 10),
            lat=lat,
            lon=lon,
            country=country,
            admin1="Test Oblast",
            where_prec=1,
            evidence=Span(start=32, end=39, text="Testovo"),
        ),
        time=TimeSpan(
            start=start, end=start + timedelta(hours=23, minutes=59), text="on Monday", date_prec=1
        ),
        killed=Count(best=killed, evidence=Span(start=50, end=66, text="killing two peop"))
        if killed
        else Count(),
        actors=[Actor(name="Artillery", role="perpetrator")],
        claims=[
            Claim(
                claimant=Claimant(name="the governor", type="official"),
                stance="casualty_report",
                source=Span(start=72, end=84, text="the governor"),
                cue=Span(start=85, end=89, text="said"),
            )
        ],
        evidence=[Span(start=0, end=len(TEXT), text=TEXT)],
        summary="Artillery shelled the village of Testovo.",
    )


def extraction(text: str = TEXT, **kw) -> Extraction:
    doc = document(text, **kw)
    return Extraction(document=doc, incidents=[report(doc.id)])
