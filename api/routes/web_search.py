"""The search results page (/soeg): facets with counts, highlighted hits, pages, permalinks; also JSON and CSV."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request

from api.deps import SEARCH_NOT_BUILT, Searcher, get_searcher
from api.pages import Namer, page
from api.routes.responses import StoreDep
from api.search_page import CANDIDATES, FACET_FIELDS, SearchView, search_view
from api.tables import csv_response

router = APIRouter(include_in_schema=False)

CSV_COLUMNS = ("score", "kind", "year", "municipality", "committee", "outcome", "date", "heading", "text", "kilde")
Facet = Annotated[str | None, Query(max_length=200)]


def run_search(q: str, filters: dict[str, str], side: int, searcher: Searcher | None, store) -> SearchView:
    if not q.strip():
        return SearchView(q=q, filters=filters, page=side)
    if searcher is None:
        return SearchView(q=q, filters=filters, page=side, note=SEARCH_NOT_BUILT)
    from index.search.hybrid import SearchFilters  # numpy and the vector store: loaded on first search

    return search_view(q, filters, side, searcher.search(q, SearchFilters(), CANDIDATES), store)


@router.get("/soeg")
@router.get("/soeg.{format}")
def search_page(
    request: Request,
    store: StoreDep,
    source: Namer,
    q: Annotated[str, Query(max_length=300)] = "",
    year: Facet = None,
    municipality: Facet = None,
    committee: Facet = None,
    kind: Facet = None,
    outcome: Facet = None,
    side: Annotated[int, Query(ge=1, le=1000)] = 1,
    format: Literal["html", "json", "csv"] = "html",
    searcher: Searcher | None = Depends(get_searcher),
):
    chosen = dict(zip(FACET_FIELDS, (year, municipality, committee, kind, outcome), strict=True))
    filters = {name: value for name, value in chosen.items() if value}
    view = run_search(q, filters, side, searcher, store)
    if format == "json":
        return {**view.__dict__, "pages": view.pages}
    if format == "csv":
        rows = [{**row, "kilde": "; ".join(source(c).label for c in row["citations"])} for row in view.rows]
        return csv_response(rows, "soegeresultater", columns=CSV_COLUMNS)
    return page(request, "search.html", {"view": view, "source": source})
