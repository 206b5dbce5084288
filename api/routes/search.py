"""Hybrid search over sections, goals, agenda fields and decisions (index/search)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from answer.records import CitationQuoter
from answer.schema import SearchResults
from api.deps import SEARCH_NOT_BUILT, Searcher, get_searcher, get_store
from index.store.sqlite import Store

router = APIRouter(tags=["search"])


@router.get("/search", summary="Passages matching the query, best first, with citations", response_model=SearchResults)
def search(
    q: str = Query(..., min_length=1, max_length=300),
    year: int | None = Query(None, ge=1990, le=2100),
    kind: Literal["section", "goal", "status", "item", "item-field", "attachments", "decision", "attendance"]
    | None = None,
    limit: int = Query(10, ge=1, le=100),
    store: Store = Depends(get_store),
    searcher: Searcher | None = Depends(get_searcher),
) -> dict:
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
