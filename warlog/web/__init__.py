"""The analysts' web UI (map, timeline, incident pages, review queue), served by the API app.

``attach(app)`` mounts three HTML pages and the vendored static assets on the FastAPI app that serves
the JSON API; the pages are thin shells whose JavaScript modules call that API, so the UI and the API
cannot drift (one query behind both). Everything the pages load ships inside the package
(``static/vendor``: Leaflet, markercluster, uPlot, topojson-client and Natural Earth countries from
world-atlas, refreshed by ``scripts/vendor-web-assets.sh``), so the map works with no network.

Untrusted text (articles, claims, place names) is only ever put in the page as DOM text nodes by the
scripts; the pages also carry a Content-Security-Policy with ``script-src 'self'`` so a script injected
despite that stays inert.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

__all__ = ["CONTENT_SECURITY_POLICY", "STATIC_DIR", "TEMPLATES_DIR", "attach", "render_page"]

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"

#: Scripts and data only from this origin; inline scripts and event-handler attributes never run.
#: Styles allow inline because Leaflet and uPlot position their elements with style attributes.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)

_env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(["html"]))


def render_page(name: str, **context: object) -> HTMLResponse:
    """One page shell, with the security headers every page carries."""
    html = _env.get_template(f"{name}.html").render(page=name, **context)
    return HTMLResponse(
        html,
        headers={
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


def attach(app: FastAPI) -> None:
    """Mount the pages (``/``, ``/incidents/{id}``, ``/review``) and ``/static`` on ``app``."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def map_page() -> HTMLResponse:
        """The map of incidents with filters and the timeline."""
        return render_page("map", title="Incident map")

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(incident_id: str) -> HTMLResponse:
        """One incident: consensus fields, claims by party, grading, sources with evidence."""
        return render_page("incident", title="Incident", incident_id=incident_id)

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    def review_page() -> HTMLResponse:
        """The review queue with accept / correct / merge / split / discount and the audit log."""
        return render_page("review", title="Review queue")
