"""Every API route is listed in the README's API table (as `METHOD /path`, ids written `{id}`)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_api_route_is_in_the_readme(api):
    routes = [r for r in api.client.app.routes if isinstance(r, APIRoute) and r.path.startswith("/api/")]
    assert routes
    missing = []
    for route in routes:
        path = re.sub(r"\{[^}]+\}", "{id}", route.path)
        missing += [f"{m} {path}" for m in sorted(route.methods) if f"`{m} {path}" not in README]
    assert not missing, f"document these routes in README.md: {missing}"
