"""Read queries for the API and the review queue: filters in SQL, paging with totals, details, statistics."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.store.records import document, report
from warlog.schema import Actor, Claimant, Extraction
from warlog.store import review as ops
from warlog.store.queries import (
    IncidentFilter,
    UnknownRecord,
    document_detail,
    filtered_incidents,
    incident_detail,
    list_incidents,
    review_queue,
    statistics,
)
from warlog.store.runner import resolve_store


def _add(
    store,
    text,
    *,
    day,
    lat,
    lon,
    country="UA",
    killed=2,
    place="Testovo",
    actor="Artillery",
    event_type="Explosions/Remote violence",
    source="Wire A",
    claimant="the governor",
):
    doc = document(text, url=f"http://example.test/{day}/{lat}", source=source)
    rep = report(
        doc.id,
        day=day,
        lat=lat,
        lon=lon,
        killed=killed,
        place_name=place,
        country=country,
        event_type=event_type,
    )
    claims = [c.model_copy(update={"claimant": Claimant(name=claimant, type="official")}) for c in rep.claims]
    rep = rep.model_copy(
        update={
            "actors": [Actor(name=actor, entity=actor, role="perpetrator")],
            "summary": text,
            "claims": claims,
        }
    )
    store.save_extraction(Extraction(document=doc, incidents=[rep]))
    return doc.id


@pytest.fixture
def seeded(store):
    _add(store, "Shells hit Testovo on Monday, killing two, the governor said.", day=4, lat=50.0, lon=36.2)
    _add(
        store,
        "A drone hit Farville on Saturday, killing five.",
        day=9,
        lat=47.0,
        lon=33.0,
        killed=5,
        place="Farville",
        actor="Drone unit",
        claimant="a spokesman",
    )
    _add(
        store,
        "Troops clashed near Borderburg on Wednesday.",
        day=13,
        lat=53.0,
        lon=20.0,
        country="PL",
        killed=None,
        place="Borderburg",
        actor="Border guards",
        event_type="Battles",
        claimant="the army",
    )
    resolve_store(store)
    return store


def _places(page):
    return [item["place"]["name"] for item in page.items]


def test_list_is_newest_first_with_total(seeded):
    page = list_incidents(seeded)
    assert page.total == 3
    assert _places(page) == ["Borderburg", "Farville", "Testovo"]


def test_paging_keeps_the_total(seeded):
    page = list_incidents(seeded, limit=1, offset=1)
    assert (page.total, _places(page)) == (3, ["Farville"])


@pytest.mark.parametrize(
    "flt, expected",
    [
        (IncidentFilter(countries=["pl"]), ["Borderburg"]),
        (IncidentFilter(event_types=["Battles"]), ["Borderburg"]),
        (
            IncidentFilter(start=datetime(2022, 7, 8, tzinfo=UTC), end=datetime(2022, 7, 10, tzinfo=UTC)),
            ["Farville"],
        ),
        (IncidentFilter(bbox=(30.0, 45.0, 34.0, 48.0)), ["Farville"]),
        (IncidentFilter(admin1="test oblast", countries=["UA"]), ["Farville", "Testovo"]),
        (IncidentFilter(actor="drone"), ["Farville"]),
        (IncidentFilter(text="governor"), ["Testovo"]),
        (IncidentFilter(text="clashed"), ["Borderburg"]),
        (IncidentFilter(text="farv"), ["Farville"]),
        (IncidentFilter(text="100%_"), []),
    ],
)
def test_filters_select_matching_incidents(seeded, flt, expected):
    assert _places(list_incidents(seeded, flt)) == expected


def test_review_status_filter_and_queue_order(seeded):
    first = review_queue(seeded).items
    assert [i["place"]["name"] for i in first][:2] == ["Farville", "Testovo"]  # most killed first
    ops.accept(seeded, first[0]["id"], actor="alice")
    queue = review_queue(seeded).items
    assert queue[-1]["id"] == first[0]["id"]
    reviewed = list_incidents(seeded, IncidentFilter(review_status="reviewed"))
    assert [i["id"] for i in reviewed.items] == [first[0]["id"]]


def test_summary_has_place_counts_and_names(seeded):
    (item,) = list_incidents(seeded, IncidentFilter(text="Farville")).items
    assert item["killed"] == {"low": 5, "best": 5, "high": 5}
    assert item["actors"] == ["Drone unit"]
    assert item["place"]["country"] == "UA" and item["time_start"].tzinfo is not None


def test_detail_has_reports_claims_evidence_and_documents(seeded):
    (item,) = list_incidents(seeded, IncidentFilter(text="Testovo")).items
    detail = incident_detail(seeded, item["id"])
    (rep,) = detail["reports"]
    assert {e["role"] for e in rep["evidence"]} >= {"sentence", "place"}
    (claim,) = rep["claims"]
    assert claim["claimant"]["name"] == "the governor"
    assert [e["role"] for e in claim["evidence"]] == ["claim.source", "claim.cue"]
    assert detail["documents"][0]["id"] == rep["document_id"]
    assert detail["review_log"][0]["action"] == "create"


def test_unknown_ids_raise_unknown_record(seeded):
    with pytest.raises(UnknownRecord):
        incident_detail(seeded, "inc-nope")
    with pytest.raises(UnknownRecord):
        document_detail(seeded, "nope")


def test_document_detail_lists_its_report_keys(seeded):
    (item,) = list_incidents(seeded, IncidentFilter(text="Testovo")).items
    doc_id = incident_detail(seeded, item["id"])["reports"][0]["document_id"]
    assert document_detail(seeded, doc_id)["report_keys"] == [f"{doc_id}:0"]


def test_statistics_by_day_are_sorted_event_days(seeded):
    rows = statistics(seeded, "day")
    assert [r["key"] for r in rows] == ["2022-07-04", "2022-07-09", "2022-07-13"]
    assert [r["killed"] for r in rows] == [2, 5, 0]


def test_statistics_by_country_count_most_first(seeded):
    assert statistics(seeded, "country") == [
        {"key": "UA", "incidents": 2, "killed": 7},
        {"key": "PL", "incidents": 1, "killed": 0},
    ]


def test_statistics_by_admin1_follow_the_filters(seeded):
    assert statistics(seeded, "admin1", IncidentFilter(countries=["PL"])) == [
        {"key": "Test Oblast", "incidents": 1, "killed": 0}
    ]


def test_filtered_incidents_are_full_records_in_time_order(seeded):
    assert [i.place.name for i in filtered_incidents(seeded, IncidentFilter(countries=["UA"]))] == [
        "Testovo",
        "Farville",
    ]


def test_day_of_an_event_is_its_local_day_not_the_utc_day(store):
    from datetime import timedelta

    from warlog.schema import TimeSpan

    doc = document("Drones hit the city early on Monday.", url="http://example.test/local-day")
    rep = report(doc.id, day=4, lat=50.4, lon=30.5)
    local_midnight = datetime(2022, 7, 3, 21, 0, tzinfo=UTC)  # 00:00 on 4 July in Kyiv
    end = local_midnight + timedelta(hours=6)
    night = TimeSpan(start=local_midnight, end=end, tz="Europe/Kyiv", date_prec=1)
    rep = rep.model_copy(update={"time": night})
    store.save_extraction(Extraction(document=doc, incidents=[rep]))
    resolve_store(store)
    (item,) = list_incidents(store).items
    assert item["event_date"] == "2022-07-04"
    assert [r["key"] for r in statistics(store, "day")] == ["2022-07-04"]
