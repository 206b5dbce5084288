"""What every request needs: a read-only store per request, and the shared searcher.

The searcher is opened, never built, by the server (index/search/opening.py): a newer index is picked up
without a restart, and without a usable index the API answers without search (and says so), never with a 500.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fastapi import Depends, HTTPException, Request

from index.search.opening import Searcher
from index.store.connection import StoreMissing
from index.store.sqlite import Store, open_read_only_store
from maalspor.config import Settings

SEARCH_NOT_BUILT = (
    "Søgeindekset er ikke klar (kør `maalspor index`); spørgsmål besvares stadig ud fra de strukturerede data."
)
STORE_MISSING = "Datamappen findes ikke: tjek indstillingen MAALSPOR_DATA_DIR, eller kør `maalspor ingest` først."


@contextmanager
def read_only_store(settings: Settings) -> Iterator[Store]:
    """A read-only store for one request; 503 with the Danish reason where the data dir holds none."""
    try:
        store = open_read_only_store(settings)
    except StoreMissing as err:
        raise HTTPException(503, STORE_MISSING) from err
    try:
        yield store
    finally:
        store.close()


def get_store(request: Request) -> Iterator[Store]:
    with read_only_store(request.app.state.settings) as store:
        yield store


def get_searcher(request: Request) -> Searcher | None:
    return request.app.state.searcher.get()


def get_searcher_opener(request: Request) -> Callable[[], Searcher | None]:
    """The searcher, opened only when an answer needs search (a question the structured data answers never
    loads the embedding model)."""
    return request.app.state.searcher.get


def require_searcher(searcher: Searcher | None = Depends(get_searcher)) -> Searcher:
    """For routes that cannot answer without search: 503 with the Danish reason."""
    if searcher is None:
        raise HTTPException(503, SEARCH_NOT_BUILT)
    return searcher
