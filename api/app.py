"""The read-only HTTP API and the Danish web page: `create_app(settings)`; OpenAPI at /docs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.routing import Match

from answer.timeline import NotFound
from api.errors import error_response, validation_error
from api.limits import LIMIT_RESPONSES, RequestLimits, without_echoed_input
from api.routes import ask, decisions, documents, goals, search, threads, topics, web
from index.search.opening import Searcher, SearcherSlot, default_searcher_factory, search_generation
from maalspor.config import Settings, load_settings

STATIC_DIR = Path(__file__).resolve().parent / "static"
ROUTERS = tuple(module.router for module in (documents, goals, threads, decisions, topics, search, ask, web))


def create_app(
    settings: Settings | None = None, searcher_factory: Callable[[], Searcher | None] | None = None
) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(
        title="maalspor",
        description="Goals, decisions and their sources in Danish municipal documents. Read-only.",
        version="0.1.0",
        docs_url=None,  # /docs with local assets: api/routes/apidocs.py
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.searcher = SearcherSlot(
        searcher_factory or default_searcher_factory(settings), generation=lambda: search_generation(settings)
    )
    for router in ROUTERS:
        app.include_router(router, responses=LIMIT_RESPONSES)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(HTTPException, allow_every_method_of_the_path)
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(RequestValidationError, validation_error_quoting_little)
    app.add_middleware(RequestLimits)
    return app


async def validation_error_quoting_little(request: Request, exc: Exception) -> Response:
    """A 422 names the field and the problem; the rejected input is quoted only in part."""
    assert isinstance(exc, RequestValidationError)
    return await validation_error(request, without_echoed_input(exc))


async def not_found(request: Request, exc: Exception) -> Response:
    """An id the store does not hold (answer.timeline.NotFound) is a 404 with the message."""
    return await error_response(request, HTTPException(404, str(exc)))


async def allow_every_method_of_the_path(request: Request, exc: Exception) -> Response:
    """Starlette's 405 names only the methods of the first route on the path; GET and POST /ask are two routes."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        methods = sorted(
            {
                method
                for router in ROUTERS
                for route in router.routes
                if route.matches(request.scope)[0] is Match.PARTIAL
                for method in route.methods
            }
        )
        exc = HTTPException(405, exc.detail, headers={**(exc.headers or {}), "Allow": ", ".join(methods)})
    return await error_response(request, exc)
