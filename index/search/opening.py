"""Opening the search index for readers (the server, `maalspor ask`): never building it.

`maalspor index` builds the index and bumps the store's search generation; a SearcherSlot opens the searcher
on first use, notices a newer generation and reopens it in the background while callers go on with the one
they have. Without a usable index (never built, missing, corrupt, older than the store) readers get None and
answer without search, with a logged warning. Light to import: the model and index modules load only when a
searcher is opened.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from index.store.connection import StoreMissing
from index.store.sqlite import open_read_only_store
from maalspor.config import Settings

if TYPE_CHECKING:
    from index.search.hybrid import Hit, SearchFilters

# How often a reader may look at the store's search generation (seconds).
GENERATION_CHECK_S = 2.0

log = logging.getLogger(__name__)


class Searcher(Protocol):
    def search(self, query: str, filters: SearchFilters = ..., limit: int = ...) -> list[Hit]: ...


class IndexOutOfStep(Exception):
    """The search index lacks documents the store holds: only `maalspor index` may embed them."""


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
        if search_generation(settings) == 0 or not _model_available(settings):
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


def _model_available(settings: Settings) -> bool:
    """The embedding model is there to load without converting it (the server never converts): a model
    dir the operator named (MAALSPOR_EMBEDDING_MODEL=<path>), else the data dir's own built models."""
    named = Path(settings.embedding_model)
    return named.is_dir() or settings.models_dir.exists()


def _open_searcher(settings: Settings) -> Searcher:
    from index.search.embedding_model import load_model
    from index.search.hybrid import open_searcher
    from index.search.vectors import VectorIndex

    vectors = VectorIndex.open(settings)  # before the model: a broken index fails fast
    # One thread: a reader embeds one short query at a time, and the server's worker processes already
    # share the cores; a second thread per run cost 6-15 % more CPU per query (bench/bench_search_cpu.py).
    embedder = load_model(settings, threads=1)

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
