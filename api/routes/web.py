"""The Danish web page: ask, goal threads as timelines with a two-year compare, cited source text, original files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse

from answer.engine import ask
from answer.records import thread_record
from answer.timeline import NotFound, all_threads, compare_years, thread_timeline
from answer.topics import topic_records
from api.deps import Searcher, get_searcher_opener
from api.goal_status import status_sentences
from api.originals import media_type, original_path, original_url
from api.pages import Namer, page
from api.routes import apidocs, dossier, feed, upload, web_search
from api.routes.responses import OptionalYear, StoreDep, document_or_404

CONTEXT_LINES = 15

router = APIRouter(include_in_schema=False)
# The web app's other pages, served with these (api/app.py registers this router).
for page_router in (web_search.router, dossier.router, upload.router, feed.router, apidocs.router):
    router.include_router(page_router)


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    store: StoreDep,
    source: Namer,
    q: Annotated[str | None, Query(max_length=500)] = None,
    open_searcher: Callable[[], Searcher | None] = Depends(get_searcher_opener),
):
    threads = [thread_record(t) for t in all_threads(store)]
    answer = ask(q, store, open_searcher) if q and q.strip() else None
    topics = topic_records(q, store) if q and answer else []
    context = {"q": q or "", "answer": answer, "topics": topics, "threads": threads, "source": source}
    return page(request, "home.html", context)


@router.get("/traad/{thread_id}", response_class=HTMLResponse)
def thread_page(
    request: Request,
    thread_id: str,
    store: StoreDep,
    source: Namer,
    fra: OptionalYear = None,
    til: OptionalYear = None,
):
    try:
        thread = thread_timeline(thread_id, store)
    except NotFound:
        raise HTTPException(404, f"Der er ingen måltråd med id'et {thread_id!r}.") from None
    compare = None
    if fra is not None and til is not None:
        first_goal = thread["years"][0]["goals"][0]["id"]
        try:
            compare = compare_years(first_goal, fra, til, store)
        except NotFound:
            raise HTTPException(404, f"Målet findes ikke i både {fra} og {til}.") from None
        compare["from_year"], compare["to_year"] = compare.pop("from"), compare.pop("to")
    context = {"thread": thread, "compare": compare, "statuses": status_sentences(thread, store), "source": source}
    return page(request, "thread.html", context)


@router.get("/documents/{document_id}/source", response_class=HTMLResponse)
def source_page(
    request: Request,
    document_id: str,
    store: StoreDep,
    line: int = Query(1, ge=1),
    end: int | None = Query(None, ge=1),
    page_number: int | None = Query(None, ge=1, alias="page"),
):
    document = document_or_404(store, document_id)
    last = max(line, end or line)
    lines = [source_line for source_line in store.source_lines(document.source_file) if source_line.page == page_number]
    shown = [source_line for source_line in lines if line - CONTEXT_LINES <= source_line.line <= last + CONTEXT_LINES]
    original = original_url(store, document.source_file)
    if original and page_number:
        original += f"#page={page_number}"
    context = {
        "document": document,
        "lines": shown,
        "first": line,
        "last": last,
        "page": page_number,
        "original": original,
    }
    return page(request, "source.html", context)


@router.get("/files/{source_file}")
def original_file(source_file: str, store: StoreDep) -> FileResponse:
    """The original of a stored source, read-only; HTML and XML come back as text, never as a page to run."""
    path = original_path(store, source_file)
    if path is None:
        raise HTTPException(404, f"Originalen til {source_file!r} er ikke gemt.")
    headers = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox"}
    return FileResponse(path, media_type=media_type(path), headers=headers, content_disposition_type="inline")
