"""The review queue and POST /api/incidents/{id}/review: actions persist, logged under the token's name."""

from __future__ import annotations

import pytest


def _incident_with(api, place: str) -> dict:
    return next(i for i in api.client.get("/api/incidents").json()["items"] if i["place"]["name"] == place)


def _review(api, incident_id: str, body: dict, headers: dict | None = None):
    return api.client.post(
        f"/api/incidents/{incident_id}/review", json=body, headers=api.auth if headers is None else headers
    )


def test_queue_puts_unreviewed_and_most_sourced_first(fresh_api):
    items = fresh_api.client.get("/api/review/queue").json()["items"]
    assert [i["number_of_sources"] for i in items] == [2, 1]
    _review(fresh_api, items[0]["id"], {"action": "accept"})
    after = fresh_api.client.get("/api/review/queue").json()["items"]
    assert [i["id"] for i in after] == [items[1]["id"], items[0]["id"]]
    assert after[1]["review_status"] == "reviewed"


def test_queue_pages_are_limited(fresh_api):
    page = fresh_api.client.get("/api/review/queue", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (2, 1, 1, 1)
    assert fresh_api.client.get("/api/review/queue", params={"limit": 5000}).status_code == 422


def test_accept_is_logged_under_the_token_name(fresh_api):
    inc = _incident_with(fresh_api, "Testovo")
    detail = _review(fresh_api, inc["id"], {"action": "accept", "note": "two wires agree"}).json()
    assert detail["review_status"] == "reviewed"
    entry = detail["review_log"][-1]
    assert (entry["actor"], entry["action"], entry["note"]) == ("reviewer-1", "accept", "two wires agree")


def test_correct_persists_fields_with_old_and_new(fresh_api):
    inc = _incident_with(fresh_api, "Testovo")
    body = {
        "action": "correct",
        "fields": {
            "killed_low": 2,
            "killed_best": 3,
            "killed_high": 4,
            "place_name": "Testovo village",
            "time_start": "2022-07-03T22:00:00Z",
        },
    }
    detail = _review(fresh_api, inc["id"], body).json()
    assert detail["killed"] == {"low": 2, "best": 3, "high": 4}
    assert detail["place"]["name"] == "Testovo village"
    assert detail["time_start"].startswith("2022-07-03T22:00")
    changes = {e["field"]: (e["old"], e["new"]) for e in detail["review_log"] if e["action"] == "correct"}
    assert changes["killed_best"] == ("2", "3") and changes["place_name"] == ("Testovo", "Testovo village")
    again = fresh_api.client.get(f"/api/incidents/{inc['id']}").json()
    assert again["killed"]["best"] == 3


def test_discount_grades_discounted(fresh_api):
    inc = _incident_with(fresh_api, "Farville")
    detail = _review(fresh_api, inc["id"], {"action": "discount", "note": "recycled footage"}).json()
    assert detail["grading"] == "Discounted"
    listed = fresh_api.client.get("/api/incidents", params={"grading": "Discounted"}).json()["items"]
    assert [i["id"] for i in listed] == [inc["id"]]


def test_merge_recomputes_consensus_and_removes_the_source(fresh_api):
    target, source = _incident_with(fresh_api, "Testovo"), _incident_with(fresh_api, "Farville")
    detail = _review(fresh_api, source["id"], {"action": "merge", "into": target["id"]}).json()
    assert detail["id"] == target["id"] and detail["number_of_sources"] == 3
    assert source["id"] in detail["merged_from"] and len(detail["reports"]) == 3
    assert fresh_api.client.get(f"/api/incidents/{source['id']}").status_code == 404


def test_split_moves_reports_to_a_new_incident(fresh_api):
    inc = _incident_with(fresh_api, "Testovo")
    detail = fresh_api.client.get(f"/api/incidents/{inc['id']}").json()
    moving = detail["reports"][1]["key"]
    after = _review(fresh_api, inc["id"], {"action": "split", "report_keys": [moving]}).json()
    assert [r["key"] for r in after["reports"]] == [detail["reports"][0]["key"]]
    assert after["number_of_sources"] == 1
    new_id = next(e["new"] for e in after["review_log"] if e["action"] == "split")
    new = fresh_api.client.get(f"/api/incidents/{new_id}").json()
    assert [r["key"] for r in new["reports"]] == [moving]
    assert fresh_api.client.get("/api/incidents").json()["total"] == 3


@pytest.mark.parametrize(
    "body, word",
    [
        ({"action": "merge"}, "into"),
        ({"action": "split"}, "report_keys"),
        ({"action": "correct"}, "fields"),
        ({"action": "correct", "fields": {"grading": "Great"}}, "grading"),
        ({"action": "correct", "fields": {"lat": 123}}, "lat"),
        (
            {"action": "correct", "fields": {"sub_event_type": "Armed clash", "event_type": "Protests"}},
            "sub-type",
        ),
        ({"action": "approve"}, "action"),
        ({"action": "split", "report_keys": ["nope:0"]}, "not in the incident"),
    ],
)
def test_bad_review_requests_are_422_naming_the_fix(fresh_api, body, word):
    inc = _incident_with(fresh_api, "Testovo")
    reply = _review(fresh_api, inc["id"], body)
    assert reply.status_code == 422, reply.text
    assert word in reply.json()["error"]["message"]


def test_merge_into_an_unknown_incident_is_404(fresh_api):
    inc = _incident_with(fresh_api, "Testovo")
    reply = _review(fresh_api, inc["id"], {"action": "merge", "into": "inc-000000000000"})
    assert reply.status_code == 404


def test_review_needs_a_valid_token(fresh_api):
    inc = _incident_with(fresh_api, "Testovo")
    assert _review(fresh_api, inc["id"], {"action": "accept"}, headers={}).status_code == 401
    bad = {"Authorization": "Bearer wlg_nope"}
    assert _review(fresh_api, inc["id"], {"action": "accept"}, headers=bad).status_code == 403
    assert fresh_api.client.get(f"/api/incidents/{inc['id']}").json()["review_status"] == "unreviewed"


def test_revoked_token_is_refused(fresh_api):
    from warlog.store.tokens import revoke_token

    revoke_token(fresh_api.store, "reviewer-1")
    inc = _incident_with(fresh_api, "Testovo")
    assert _review(fresh_api, inc["id"], {"action": "accept"}).status_code == 403
