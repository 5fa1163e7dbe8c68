"""The error responses routes declare in OpenAPI (all share the ``ErrorOut`` body)."""

from __future__ import annotations

from warlog.api.models import ErrorOut

ERRORS: dict[int | str, dict] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in (
        (401, "No token, and this server requires one"),
        (403, "Unknown or revoked token"),
        (404, "Unknown id"),
        (422, "Invalid parameters or body"),
    )
}
WRITE_ERRORS: dict[int | str, dict] = {
    **ERRORS,
    413: {"model": ErrorOut, "description": "Body over the size limit"},
}
