"""GET /api/incidents and /api/incidents/{id}: filters, paging limits, detail and 404s."""

from __future__ import annotations

import re

import pytest


def _ids(reply) -> list[str]:
    assert reply.status_code == 200, reply.text
    return [item["id"] for item in reply.json()["items"]]


def test_health_reports_ok_and_version(api):
    body = api.client.get("/api/health").json()
    assert body["status"] == "ok" and body["version"]


def test_posted_documents_became_incidents(api):
    body = api.client.get("/api/incidents").json()
    assert body["total"] >= 2 and body["limit"] == 100 and body["offset"] == 0
    places = {item["place"]["name"] for item in body["items"] if item["place"]}
    assert {"Kharkiv", "Lviv"} <= places


def test_summary_carries_the_contract_fields(api):
    item = api.client.get("/api/incidents", params={"q": "Lviv"}).json()["items"][0]
    assert item["country"] == "UA" and item["lat"] is not None
    assert item["time_start"].startswith("2022-07-0")
    assert item["injured"]["best"] == 4 and "grenade" in " ".join(item["weapons"]).lower()
    assert item["review_status"] == "unreviewed" and item["number_of_sources"] == 1


@pytest.mark.parametrize(
    "params, place",
    [
        ({"start": "2022-07-07", "end": "2022-07-09"}, "Lviv"),
        ({"end": "2022-07-05"}, "Kharkiv"),
        ({"bbox": "35,49,37,51"}, "Kharkiv"),
        ({"admin1": "Lviv Oblast"}, "Lviv"),
        ({"event_type": "Explosions/Remote violence", "q": "kharkiv"}, "Kharkiv"),
        ({"q": "mayor"}, "Lviv"),
    ],
)
def test_filters_narrow_the_list(api, params, place):
    items = api.client.get("/api/incidents", params=params).json()["items"]
    assert items and {i["place"]["name"] for i in items} == {place}


def test_country_and_grading_filters_are_repeatable(api):
    everything = _ids(api.client.get("/api/incidents"))
    assert _ids(api.client.get("/api/incidents", params=[("country", "UA"), ("country", "PL")])) == everything
    assert _ids(api.client.get("/api/incidents", params={"country": "PL"})) == []
    gradings = [("grading", g) for g in ("Confirmed", "Fair", "Weak", "Contested")]
    assert _ids(api.client.get("/api/incidents", params=gradings)) == everything


def test_paging_returns_slices_of_the_same_order(api):
    everything = _ids(api.client.get("/api/incidents"))
    first = api.client.get("/api/incidents", params={"limit": 1}).json()
    second = api.client.get("/api/incidents", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == len(everything)
    assert first["items"][0]["id"] == everything[0] and second["items"][0]["id"] == everything[1]


@pytest.mark.parametrize("params", [{"limit": 1001}, {"limit": 0}, {"offset": -1}])
def test_page_size_limits_are_enforced(api, params):
    reply = api.client.get("/api/incidents", params=params)
    assert reply.status_code == 422 and reply.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(
    "params, word",
    [
        ({"start": "yesterday"}, "start"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"country": "Ukraine"}, "country"),
        ({"event_type": "Skirmish"}, "event_type"),
        ({"grading": "Great"}, "grading"),
        ({"review_status": "done"}, "review_status"),
    ],
)
def test_bad_filters_are_422_naming_the_parameter(api, params, word):
    reply = api.client.get("/api/incidents", params=params)
    assert reply.status_code == 422
    assert word in reply.json()["error"]["message"]


def test_detail_has_reports_claims_documents_and_log(api):
    item = api.client.get("/api/incidents", params={"q": "Lviv"}).json()["items"][0]
    detail = api.client.get(f"/api/incidents/{item['id']}").json()
    (report,) = detail["reports"]
    assert report["key"].startswith(report["document_id"])
    assert any(e["role"] == "sentence" for e in report["evidence"])
    claim = report["claims"][0]
    assert claim["claimant"]["name"] == "the city mayor" and claim["evidence"]
    assert detail["documents"][0]["source"] == "Wire One"
    assert detail["review_log"][0]["action"] == "create"
    assert isinstance(detail["grading_reasons"], list) and detail["merged_from"] == []


def test_evidence_spans_index_into_the_document_text(api):
    item = api.client.get("/api/incidents", params={"q": "Lviv"}).json()["items"][0]
    report = api.client.get(f"/api/incidents/{item['id']}").json()["reports"][0]
    text = api.client.get(f"/api/documents/{report['document_id']}").json()["text"]
    for span in report["evidence"]:
        assert text[span["start"] : span["end"]] == span["text"]


def test_unknown_incident_is_a_json_404(api):
    reply = api.client.get("/api/incidents/inc-000000000000")
    assert reply.status_code == 404
    assert reply.json()["error"]["code"] == "W421"


def test_interactive_docs_load_their_assets_from_the_package_not_a_cdn(api):
    page = api.client.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r'src="([^"]+)"', page.text) + re.findall(r'href="([^"]+\.css)"', page.text)
    assert scripts and all(url.startswith("/static/") for url in scripts), scripts
    for url in scripts:
        assert api.client.get(url).status_code == 200, url
