"""Bounded requests: a request body or query string over the limit is refused before a route reads it,
and a validation error names the field without echoing the (possibly huge) input back."""

from __future__ import annotations

import json
from typing import Any

from fastapi.exceptions import RequestValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The largest JSON body a route reads ({"q": "..."} for POST /ask needs a few hundred bytes).
MAX_BODY_BYTES = 64 * 1024
# The longest query string: a 500-character question percent-encoded takes up to 9 bytes a character
# (æ is %C3%A6), filters and paging a few hundred more; 16 KB bounds what a request can make us parse.
MAX_QUERY_BYTES = 16 * 1024
# Routes that stream files and enforce their own per-file limit (MAALSPOR_MAX_FILE_MB).
FILE_ROUTES = frozenset({"/upload"})
# What a validation error may quote of the input it rejects.
MAX_QUOTED_INPUT = 80
_METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})

BODY_TOO_LARGE = f"Forespørgslens indhold er for stort (højst {MAX_BODY_BYTES // 1024} KB)."
QUERY_TOO_LONG = f"Forespørgslens adresse er for lang (højst {MAX_QUERY_BYTES} tegn i parametrene)."


class RequestLimits:
    """ASGI middleware: 414 for a query string over MAX_QUERY_BYTES, 413 for a body over MAX_BODY_BYTES
    (by its Content-Length, or while it streams when it has none)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            await _refuse(send, 414, QUERY_TOO_LONG)
            return
        if scope["path"] in FILE_ROUTES:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            await _refuse(send, 413, BODY_TOO_LARGE)
            return
        if declared is None and scope["method"] in _METHODS_WITH_BODY:
            await self._counting_body(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _counting_body(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A body without Content-Length (chunked) is read up to the limit before the route sees it:
        the route's body parsing would turn an error raised mid-stream into a 400."""
        messages: list[Message] = []
        received = 0
        while True:
            message = await receive()
            messages.append(message)
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:
                await _refuse(send, 413, BODY_TOO_LARGE)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        buffered = iter(messages)

        async def replay() -> Message:
            return next(buffered, None) or await receive()

        await self.app(scope, replay, send)


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# The limits' answers, documented on every operation of the OpenAPI description.
LIMIT_RESPONSES: dict[int | str, dict] = {
    413: {"description": BODY_TOO_LARGE},
    414: {"description": QUERY_TOO_LONG},
}


def without_echoed_input(exc: RequestValidationError) -> RequestValidationError:
    """The same errors, each input cut to MAX_QUOTED_INPUT characters (a 1 MB value is not sent back)."""
    return RequestValidationError([_shortened(error) for error in exc.errors()], body=None)


def _shortened(error: Any) -> Any:
    if "input" not in error:
        return error
    text = (
        error["input"]
        if isinstance(error["input"], str)
        else json.dumps(error["input"], ensure_ascii=False, default=str)
    )
    return {**error, "input": text if len(text) <= MAX_QUOTED_INPUT else text[:MAX_QUOTED_INPUT] + "…"}
