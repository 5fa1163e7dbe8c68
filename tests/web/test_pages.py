"""The page shells and static assets, without a browser: routes, security headers, escaping, vendoring."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from warlog.web import CONTENT_SECURITY_POLICY, STATIC_DIR, attach

VENDORED = [
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet.markercluster/leaflet.markercluster.js",
    "topojson-client/topojson-client.min.js",
    "uplot/uPlot.iife.min.js",
    "world-atlas/countries-50m.json",
    "swagger-ui-dist/swagger-ui-bundle.js",  # the API's /docs page
    "swagger-ui-dist/swagger-ui.css",
]


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    attach(app)
    return TestClient(app)


@pytest.mark.parametrize("path", ["/", "/review", "/incidents/inc-123"])
def test_each_page_is_html_with_the_content_security_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_pages_load_scripts_only_from_files(client: TestClient) -> None:
    html = client.get("/").text
    assert '<script src="/static/vendor/leaflet/leaflet.js"></script>' in html
    assert '<script type="module" src="/static/js/map.js"></script>' in html
    assert "<script>" not in html


def test_incident_id_in_the_url_is_escaped_in_the_page(client: TestClient) -> None:
    html = client.get('/incidents/x"><img src=x onerror=alert(1)>').text
    assert "<img src=x" not in html
    assert "x&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("asset", VENDORED)
def test_vendored_assets_are_served_from_the_package(client: TestClient, asset: str) -> None:
    response = client.get(f"/static/vendor/{asset}")
    assert response.status_code == 200
    assert len(response.content) > 1000
    assert b"sourceMappingURL" not in response.content


def test_every_vendored_package_ships_its_license() -> None:
    packages = [p for p in (STATIC_DIR / "vendor").iterdir() if p.is_dir()]
    assert {p.name for p in packages} == {a.split("/")[0] for a in VENDORED}
    assert all((p / "LICENSE").is_file() for p in packages)


def test_page_scripts_never_assign_inner_html() -> None:
    for script in (STATIC_DIR / "js").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert "innerHTML" not in text, script.name
        assert "insertAdjacentHTML" not in text, script.name
