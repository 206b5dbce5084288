"""What every request needs: a read-only store per request, and the shared searcher.

The searcher is opened, never built, by the server: `maalspor index` builds the index and bumps the
store's search generation; the server notices a newer generation and reopens the searcher in the
background while requests go on with the one they have. Without a usable index the API answers
without search (and says so), never with a 500.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Protocol

from fastapi import Depends, HTTPException, Request

from index.store.connection import StoreMissing
from index.store.sqlite import Store, open_store
from maalspor.config import Settings

if TYPE_CHECKING:
    from index.search.hybrid import Hit, SearchFilters

SEARCH_NOT_BUILT = (
    "Søgeindekset er ikke klar (kør `maalspor index`); spørgsmål besvares stadig ud fra de strukturerede data."
)
STORE_MISSING = "Datamappen findes ikke: tjek indstillingen MAALSPOR_DATA_DIR, eller kør `maalspor ingest` først."
# How often a request may look at the store's search generation (seconds).
GENERATION_CHECK_S = 2.0

log = logging.getLogger(__name__)


class Searcher(Protocol):
    def search(self, query: str, filters: SearchFilters = ..., limit: int = ...) -> list[Hit]: ...


class IndexOutOfStep(Exception):
    """The search index lacks documents the store holds: only `maalspor index` may embed them."""


def open_read_only_store(settings: Settings) -> Store:
    return open_store(settings.database_url, read_only=True, data_dir=settings.data_dir)


def get_store(request: Request) -> Iterator[Store]:
    try:
        store = open_read_only_store(request.app.state.settings)
    except StoreMissing as err:
        raise HTTPException(503, STORE_MISSING) from err
    try:
        yield store
    finally:
        store.close()


def search_generation(settings: Settings) -> int:
    """The store's search generation; 0 where there is no store yet."""
    try:
        store = open_read_only_store(settings)
    except StoreMissing:
        return 0
    try:
        return store.search_generation()
    finally:
        store.close()


class SearcherSlot:
    """Opens the searcher on first use (it loads a model) and keeps it; None when there is no usable index.
    Reopens it in the background when the store's search generation moves."""

    def __init__(
        self,
        factory: Callable[[], Searcher | None],
        generation: Callable[[], int] = lambda: 0,
        check_every_s: float = GENERATION_CHECK_S,
    ):
        self._factory = factory
        self._generation = generation
        self._check_every_s = check_every_s
        self._lock = threading.Lock()
        self._opened_generation: int | None = None
        self._checked_at = 0.0
        self._reloading = False
        self._searcher: Searcher | None = None

    def get(self) -> Searcher | None:
        with self._lock:
            if self._opened_generation is None:
                self._opened_generation = self._generation()
                self._searcher = self._factory()
                self._checked_at = time.monotonic()
            elif not self._reloading and time.monotonic() - self._checked_at >= self._check_every_s:
                self._checked_at = time.monotonic()
                newer = self._generation()
                if newer != self._opened_generation:
                    self._reloading = True
                    threading.Thread(target=self._reload, args=(newer,), daemon=True).start()
            return self._searcher

    def _reload(self, generation: int) -> None:
        searcher = None
        try:
            searcher = self._factory()
        finally:
            with self._lock:
                self._searcher, self._opened_generation, self._reloading = searcher, generation, False


def default_searcher_factory(settings: Settings) -> Callable[[], Searcher | None]:
    def open_default() -> Searcher | None:
        if search_generation(settings) == 0 or not settings.models_dir.exists():
            return None  # `maalspor index` has not run
        if not settings.chroma_url and not settings.chroma_dir.is_dir():
            log.warning(
                "search index %s is missing: answering without search; run `maalspor index`", settings.chroma_dir
            )
            return None
        try:
            return _open_searcher(settings)
        except IndexOutOfStep:
            log.warning("search index is older than the store: answering without search; run `maalspor index`")
        except Exception as err:  # a corrupt or unreadable index must not turn answers into 500s
            log.warning("search index cannot be opened (%s: %s): answering without search", type(err).__name__, err)
        return None

    return open_default


def _open_searcher(settings: Settings) -> Searcher:
    from index.search.embedding_model import load_model
    from index.search.hybrid import open_searcher
    from index.search.vectors import VectorIndex

    vectors = VectorIndex.open(settings)  # before the model: a broken index fails fast
    embedder = load_model(settings)

    class OpeningOnly:
        """The embedder for queries; asked to embed passages (a document the index lacks), it refuses."""

        embed_queries = staticmethod(embedder.embed_queries)

        @staticmethod
        def embed_passages(texts: list[str]):
            raise IndexOutOfStep(f"{len(texts)} passages not embedded")

    store = open_read_only_store(settings)
    try:
        return open_searcher(store, vectors, OpeningOnly(), settings.lexical_index_path)
    finally:
        store.close()


def get_searcher(request: Request) -> Searcher | None:
    return request.app.state.searcher.get()


def require_searcher(searcher: Searcher | None = Depends(get_searcher)) -> Searcher:
    """For routes that cannot answer without search: 503 with the Danish reason."""
    if searcher is None:
        raise HTTPException(503, SEARCH_NOT_BUILT)
    return searcher
