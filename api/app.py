"""The read-only HTTP API and the Danish web page: `create_app(settings)`; OpenAPI at /docs."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.deps import Searcher, SearcherSlot, default_searcher_factory
from api.routes import ask, decisions, documents, goals, search, threads, topics, web
from maalspor.config import Settings, load_settings

STATIC_DIR = Path(__file__).resolve().parent / "static"


def create_app(settings: Settings | None = None,
               searcher_factory: Callable[[], Searcher | None] | None = None) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(title="maalspor", description="Goals, decisions and their sources in Danish municipal documents. "
                  "Read-only.", version="0.1.0")
    app.state.settings = settings
    app.state.searcher = SearcherSlot(searcher_factory or default_searcher_factory(settings))
    for module in (documents, goals, threads, decisions, topics, search, ask, web):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

