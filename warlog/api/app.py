"""``create_app``: the FastAPI application behind ``warlog serve`` (JSON API, then the web UI on top).

Why a factory: tests, ``warlog serve`` and embedding users each build an app on their own store and
settings; nothing is global. The store is opened (and migrated) once per app; the extraction pipeline only
on the first posted document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from warlog import __version__
from warlog.api import documents, errors, incidents, review, stats
from warlog.api.ingest import Ingestor
from warlog.api.limits import BodyLimit
from warlog.api.models import Health
from warlog.api.settings import ApiSettings
from warlog.store.repo import Store, open_db
from warlog.web import attach

if TYPE_CHECKING:
    from warlog.extract.pipeline import Extractor

DESCRIPTION = """Conflict incidents extracted from news reports, with every claim and its evidence span.

Reads are public unless the server runs with `--read-auth token`; writes (ingest, review) always need
`Authorization: Bearer TOKEN` (create one with `warlog token create NAME`). Errors are JSON:
`{"error": {"code": "...", "message": "..."}}`."""


SWAGGER = "/static/vendor/swagger-ui-dist"  # vendored by scripts/vendor-web-assets.sh

def create_app(
    store_url: str | None = None,
    settings: ApiSettings | None = None,
    *,
    store: Store | None = None,
    extractor: Callable[[], Extractor] | None = None,
) -> FastAPI:
    """The app over the database at ``store_url`` (default: ``warlog.store.repo.default_url``).

    ``store`` passes an open store instead; ``extractor`` builds the pipeline for posted documents
    (default: the full warlog pipeline, loaded on first use)."""
    settings = settings or ApiSettings.from_env()
    store = store or open_db(store_url)
    # the interactive docs are served from vendored assets: FastAPI's default pages load them from a CDN,
    # and warlog must work with no network
    app = FastAPI(title="warlog", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.store, app.state.settings = store, settings
    app.state.ingestor = Ingestor(store, extractor)
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    @app.get("/api/health", response_model=Health, tags=["health"], summary="Liveness and version")
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="warlog API",
            swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER}/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    for module in (incidents, review, documents, stats):
        app.include_router(module.router)

    _declare_optional_read_auth(app, settings)
    attach(app)
    return app


def _declare_optional_read_auth(app: FastAPI, settings: ApiSettings) -> None:
    """With public reads, the spec says a GET may carry a token or none (``security: [bearer, {}]``)."""
    if settings.read_auth != "public":
        return
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = build()
            for path in spec.get("paths", {}).values():
                operation = path.get("get")
                if operation and operation.get("security") and {} not in operation["security"]:
                    operation["security"] = [*operation["security"], {}]
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
