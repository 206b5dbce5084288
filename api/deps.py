"""What every request needs: a read-only store per request, and the shared (lazily opened) searcher."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Callable, Iterator, Protocol

from fastapi import Request

from index.search import Hit, SearchFilters
from index.store import Store
from maalspor.config import Settings

SEARCH_NOT_BUILT = "search index not built: run `maalspor ingest` and build the embedding model first"


class Searcher(Protocol):
    def search(self, query: str, filters: SearchFilters = ..., limit: int = ...) -> list[Hit]: ...


def open_read_only_store(settings: Settings) -> Store:
    """A Store whose connection cannot write (mode=ro) and may be used from the server's worker threads.

    Store's constructor opens read-write and creates the schema, so the connection is set here;
    a missing database reads as an empty in-memory store (every list is empty, never an error)."""
    path = settings.sqlite_path
    store = Store.__new__(Store)
    store.path = path
    if path.exists():
        store._conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, check_same_thread=False)
    else:
        store._conn = sqlite3.connect(":memory:", check_same_thread=False)
        store._conn.executescript(_schema())
    return store


def _schema() -> str:
    from index.store import SCHEMA

    return SCHEMA


def get_store(request: Request) -> Iterator[Store]:
    store = open_read_only_store(request.app.state.settings)
    try:
        yield store
    finally:
        store.close()


class SearcherSlot:
    """Opens the searcher on first use (it loads a model) and keeps it; None when it cannot be built."""

    def __init__(self, factory: Callable[[], Searcher | None]):
        self._factory = factory
        self._lock = threading.Lock()
        self._opened = False
        self._searcher: Searcher | None = None

    def get(self) -> Searcher | None:
        with self._lock:
            if not self._opened:
                self._searcher = self._factory()
                self._opened = True
            return self._searcher


def default_searcher_factory(settings: Settings) -> Callable[[], Searcher | None]:
    def open_default() -> Searcher | None:
        from index.embedding_model import load_model
        from index.search import open_searcher
        from index.vectors import VectorIndex

        if not settings.sqlite_path.exists() or not settings.models_dir.exists():
            return None
        try:
            return open_searcher(open_read_only_store(settings), VectorIndex.open(settings), load_model(settings),
                                 Path(settings.data_dir) / "search" / "lexical.pkl")
        except (OSError, ValueError, RuntimeError):  # a missing or broken index: answer without search
            return None

    return open_default


def get_searcher(request: Request) -> Searcher | None:
    return request.app.state.searcher.get()
