"""Errors as Danish HTML pages for browsers (Accept: text/html) and as JSON for API clients."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from api.pages import page

# What each status means to someone in a browser.
HEADINGS = {
    400: "Forespørgslen kunne ikke læses",
    401: "Kræver en API-nøgle",
    403: "Adgang nægtet",
    404: "Siden findes ikke",
    405: "Handlingen er ikke tilladt her",
    413: "Filen er for stor",
    422: "Ugyldige oplysninger i forespørgslen",
}
FALLBACK = "Der opstod en fejl"


def wants_html(request: Request) -> bool:
    """A browser asks for text/html; API clients ask for JSON or anything (*/*)."""
    return "text/html" in request.headers.get("accept", "")


def error_page(request: Request, status_code: int, detail: str, headers: Mapping[str, str] | None = None) -> Response:
    context = {"status": status_code, "heading": HEADINGS.get(status_code, FALLBACK), "detail": detail}
    response = page(request, "error.html", context, status_code=status_code)
    response.headers.update(headers or {})
    return response


async def error_response(request: Request, exc: HTTPException) -> Response:
    if wants_html(request):
        return error_page(request, exc.status_code, str(exc.detail), exc.headers)
    return await http_exception_handler(request, exc)


async def validation_error(request: Request, exc: Exception) -> Response:
    """422 for bad query values: the fields and what is wrong, as a page or as FastAPI's JSON."""
    assert isinstance(exc, RequestValidationError)
    if wants_html(request):
        problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
        return error_page(request, 422, problems)
    return await request_validation_exception_handler(request, exc)
