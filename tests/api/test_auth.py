"""Read access by configuration (public or token) and errors that are always JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from warlog.api.app import create_app
from warlog.api.settings import ApiSettings, SettingsError
from warlog.store.tokens import create_token


@pytest.fixture
def private(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'w.db'}", ApiSettings(read_auth="token"))
    token = create_token(app.state.store, "analyst")
    yield TestClient(app, raise_server_exceptions=False), token
    app.state.store.close()


@pytest.mark.parametrize(
    "path",
    [
        "/api/incidents",
        "/api/stats",
        "/api/export",
        "/api/review/queue",
        "/api/documents/abc",
        "/api/incidents/inc-x",
    ],
)
def test_token_mode_refuses_reads_without_a_token(private, path):
    client, _ = private
    assert client.get(path).status_code == 401
    assert client.get(path, headers={"Authorization": "Bearer wlg_bad"}).status_code == 403


def test_token_mode_serves_reads_with_a_token(private):
    client, token = private
    reply = client.get("/api/incidents", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200 and reply.json()["total"] == 0


def test_health_is_always_public(private):
    client, _ = private
    assert client.get("/api/health").json()["status"] == "ok"


def test_read_mode_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("WARLOG_API_READ", "token")
    assert ApiSettings.from_env().read_auth == "token"
    assert ApiSettings.from_env(read_auth="public").read_auth == "public"
    monkeypatch.setenv("WARLOG_API_READ", "open")
    with pytest.raises(SettingsError, match="public or token"):
        ApiSettings.from_env()


def test_body_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("WARLOG_API_MAX_BODY", "1000")
    assert ApiSettings.from_env().max_body_bytes == 1000
    monkeypatch.setenv("WARLOG_API_MAX_BODY", "2MB")
    with pytest.raises(SettingsError, match="in bytes"):
        ApiSettings.from_env()


def test_wrong_method_is_a_json_error(api):
    reply = api.client.delete("/api/incidents")
    assert reply.status_code == 405 and reply.json()["error"]["code"] == "method_not_allowed"


def test_openapi_declares_the_routes_and_the_bearer_scheme(api):
    spec = api.client.get("/openapi.json").json()
    assert {
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/incidents/{incident_id}/review",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/stats",
        "/api/export",
        "/api/review/queue",
        "/api/health",
    } <= set(spec["paths"])
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert "IncidentSummary" in spec["components"]["schemas"]
