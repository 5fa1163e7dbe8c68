"""The analysts' web UI (map, timeline, incident pages, review queue), served by the API app.

``attach(app)`` mounts the pages and the vendored static assets; the API calls it from ``create_app``.
"""

from __future__ import annotations

from fastapi import FastAPI


def attach(app: FastAPI) -> None:
    """Mount the web pages and static assets on ``app`` (filled in by the web UI work)."""
