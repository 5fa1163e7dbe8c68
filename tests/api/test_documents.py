"""GET /api/documents/{id}; POST /api/documents: ingest with a token, no-op re-posts, size, input errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TEXTS
from warlog.api.app import create_app
from warlog.api.settings import ApiSettings
from warlog.store.tokens import create_token


def test_post_returned_document_reports_and_incidents(api):
    for result in api.posted:
        assert result["added"] is True and result["reports"] >= 1 and result["incidents"]


def test_reposting_the_same_text_is_a_noop(api):
    text, published, source = TEXTS[2]
    reply = api.client.post(
        "/api/documents", json={"text": text, "published": published, "source": source}, headers=api.auth
    )
    assert reply.status_code == 200
    body = reply.json()
    assert body["added"] is False and body["document_id"] == api.posted[2]["document_id"]
    assert body["incidents"] == api.posted[2]["incidents"]


def test_document_has_text_metadata_and_report_keys(api):
    doc_id = api.posted[0]["document_id"]
    body = api.client.get(f"/api/documents/{doc_id}").json()
    assert body["text"] == TEXTS[0][0] and body["source"] == "Wire One" and body["language"] == "en"
    assert body["published"].startswith("2022-07-05T05:00:00")
    assert body["report_keys"] == [f"{doc_id}:{n}" for n in range(api.posted[0]["reports"])]


def test_unknown_document_is_a_json_404(api):
    reply = api.client.get("/api/documents/0000000000000000")
    assert reply.status_code == 404 and "no such document" in reply.json()["error"]["message"]


def test_posting_without_a_token_is_401(api):
    reply = api.client.post("/api/documents", json={"text": "Shelling was reported."})
    assert reply.status_code == 401 and reply.json()["error"]["code"] == "unauthorized"
    assert reply.headers["www-authenticate"] == "Bearer"


def test_posting_with_a_bad_token_is_403(api):
    reply = api.client.post(
        "/api/documents",
        json={"text": "Shelling was reported."},
        headers={"Authorization": "Bearer wlg_wrong"},
    )
    assert reply.status_code == 403 and reply.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize(
    "body, code",
    [
        ({"text": "   \n  "}, "W101"),
        (
            {"text": "Die Armee hat am Montag die Stadt mit Raketen beschossen, wie der Gouverneur sagte."},
            "W104",
        ),
        ({"text": "Shelling was reported in the town.", "published": "the other day"}, "W105"),
    ],
)
def test_bad_text_is_422_with_the_input_error_code(api, body, code):
    reply = api.client.post("/api/documents", json=body, headers=api.auth)
    assert reply.status_code == 422
    assert reply.json()["error"]["code"] == code


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": 5}, {"text": "x", "colour": "red"}])
def test_malformed_body_is_422(api, body):
    reply = api.client.post("/api/documents", json=body, headers=api.auth)
    assert reply.status_code == 422 and reply.json()["error"]["code"] == "invalid_request"


def test_invalid_json_is_422(api):
    reply = api.client.post(
        "/api/documents", content=b"{not json", headers={**api.auth, "Content-Type": "application/json"}
    )
    assert reply.status_code == 422


@pytest.fixture(scope="module")
def small_limit(tmp_path_factory):
    app = create_app(
        f"sqlite:///{tmp_path_factory.mktemp('small') / 'w.db'}", ApiSettings(max_body_bytes=200)
    )
    token = create_token(app.state.store, "t")
    return TestClient(app, raise_server_exceptions=False), {"Authorization": f"Bearer {token}"}


def test_body_over_the_limit_is_413(small_limit):
    client, auth = small_limit
    reply = client.post("/api/documents", json={"text": "word " * 100}, headers=auth)
    assert reply.status_code == 413
    assert (
        reply.json()["error"]["code"] == "payload_too_large"
        and "200 bytes" in reply.json()["error"]["message"]
    )


def test_streamed_body_over_the_limit_is_413(small_limit):
    client, auth = small_limit

    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"word " * 10
        yield b'"}'

    reply = client.post(
        "/api/documents", content=chunks(), headers={**auth, "Content-Type": "application/json"}
    )
    assert reply.status_code == 413 and reply.json()["error"]["code"] == "payload_too_large"
