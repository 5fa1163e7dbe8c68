"""A request body limit enforced before the body is read (413 JSON), for declared and chunked bodies.

Why ASGI middleware rather than a check in the route: by the time a route sees the body, FastAPI has already
read all of it into memory; counting bytes as they arrive bounds memory whatever the client sends.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warlog.api.errors import error_response


class _TooLarge(HTTPException):
    """Raised while the body streams in; FastAPI re-raises HTTP exceptions, so it becomes a 413 reply."""


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    def _message(self) -> str:
        return (f"the request body is over the limit of {self.max_bytes:,} bytes; send a smaller document "
                "(the limit is set with WARLOG_API_MAX_BODY)")

    def _reject(self) -> object:
        return error_response(413, "payload_too_large", self._message())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject()(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge(413, self._message())
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge:
            if not started:
                await self._reject()(scope, receive, send)
