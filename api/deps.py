"""What every request needs: a read-only store per request, and the shared (lazily opened) searcher."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Protocol

from fastapi import Request

from index.store.sqlite import Store, open_store
from maalspor.config import Settings

if TYPE_CHECKING:
    from index.search.hybrid import Hit, SearchFilters

SEARCH_NOT_BUILT = "search index not built: run `maalspor ingest` and build the embedding model first"


class Searcher(Protocol):
    def search(self, query: str, filters: SearchFilters = ..., limit: int = ...) -> list[Hit]: ...


def open_read_only_store(settings: Settings) -> Store:
    return open_store(settings.database_url, read_only=True)


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
        from index.search.embedding_model import load_model
        from index.search.hybrid import open_searcher
        from index.search.vectors import VectorIndex

        if not settings.sqlite_path.exists() or not settings.models_dir.exists():
            return None
        try:
            return open_searcher(
                open_read_only_store(settings),
                VectorIndex.open(settings),
                load_model(settings),
                settings.lexical_index_path,
            )
        except (OSError, ValueError, RuntimeError):  # a missing or broken index: answer without search
            return None

    return open_default


def get_searcher(request: Request) -> Searcher | None:
    return request.app.state.searcher.get()
