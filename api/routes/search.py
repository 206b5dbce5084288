"""Hybrid search over sections, goals, agenda fields and decisions (index/search)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import State

from answer.records import CitationQuoter
from answer.schema import SearchResults
from api.deps import SEARCH_NOT_BUILT, read_only_store

router = APIRouter(tags=["search"])

ChunkKind = Literal["section", "goal", "status", "item", "item-field", "attachments", "decision", "attendance"]


@router.get("/search", summary="Passages matching the query, best first, with citations", response_model=SearchResults)
async def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=300),
    year: int | None = Query(None, ge=1990, le=2100),
    kind: ChunkKind | None = None,
    limit: int = Query(10, ge=1, le=100),
) -> dict:
    # Async, with all of the request's blocking work in one call on a worker thread: as a sync route with
    # its store and searcher dependencies it made four hops between the event loop and the thread pool,
    # about 2.5 ms of CPU per search (bench/bench_search_cpu.py).
    return await run_in_threadpool(_search, request.app.state, q, year, kind, limit)


def _search(state: State, q: str, year: int | None, kind: ChunkKind | None, limit: int) -> dict:
    with read_only_store(state.settings) as store:
        searcher = state.searcher.get()
        if searcher is None:
            return {"query": q, "hits": [], "note": SEARCH_NOT_BUILT}
        from index.search.hybrid import SearchFilters  # numpy and the vector store: loaded on first search

        filters = SearchFilters(year_from=year, year_to=year, kinds=(kind,) if kind else ())
        quoter = CitationQuoter(store)
        hits = searcher.search(q, filters, limit)
        return {
            "query": q,
            "hits": [
                {
                    "score": h.score,
                    "kind": h.kind,
                    "text": h.text,
                    "metadata": h.metadata,
                    "citations": quoter.records(h.citations),
                }
                for h in hits
            ],
            "note": None,
        }
