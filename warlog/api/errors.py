"""Every error leaves the API as JSON: ``{"error": {"code": ..., "message": ...}}``, never a traceback.

Why one place: library errors (``WarlogError``) map to HTTP statuses here and nowhere else (as the CLI maps
them to exit codes), so a route only raises. Codes are warlog's own (``W101``...) for library errors and
short words (``not_found``, ``unauthorized``) for HTTP-level ones.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from warlog.errors import ExportError, InputError, WarlogError
from warlog.store.queries import UnknownRecord
from warlog.store.review import ReviewError

log = logging.getLogger("warlog.api")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "invalid_request",
}


#: What to write instead, for parameters whose format is a pattern (the raw regex helps nobody).
PATTERN_HINTS = {
    "start": "use ISO 8601 such as 2022-07-04 or 2022-07-04T09:30+03:00",
    "end": "use ISO 8601 such as 2022-07-04 or 2022-07-04T09:30+03:00",
    "bbox": "write min_lon,min_lat,max_lon,max_lat in degrees, e.g. 30,45,40,52",
    "country": "use an ISO 3166-1 alpha-2 code such as UA",
}


class ApiError(Exception):
    """An error a route raises with its HTTP status, code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def status_of(exc: WarlogError) -> int:
    """404 for an unknown id, 422 for input the caller can fix, 400 for anything else warlog refuses."""
    if isinstance(exc, UnknownRecord):
        return 404
    if isinstance(exc, InputError | ReviewError | ExportError):
        return 422
    return 400


def _message(exc: WarlogError) -> str:
    return f"{exc.source}: {exc.message}" if exc.source else exc.message


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, headers)

    @app.exception_handler(WarlogError)
    async def _warlog(_: Request, exc: WarlogError) -> JSONResponse:
        return error_response(status_of(exc), exc.code, _message(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:5]:
            loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path")]
            where = ".".join(loc) or "request"
            message = err.get("msg", "invalid")
            if err.get("type") == "string_pattern_mismatch":
                message = next((PATTERN_HINTS[p] for p in loc if p in PATTERN_HINTS), message)
            parts.append(f"{where}: {message}")
        return error_response(422, "invalid_request", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", f"internal error ({type(exc).__name__}); see the server log")
