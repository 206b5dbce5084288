"""The Danish web page: search and ask, goal threads as timelines with highlighted diffs, cited source text."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from answer.engine import ask
from answer.records import thread_record
from answer.timeline import NotFound, all_threads, thread_timeline
from answer.topics import topic_records
from api.deps import Searcher, get_searcher, get_store
from api.routes.responses import document_or_404
from index.store.sqlite import Store

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
CONTEXT_LINES = 15

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    q: str | None = Query(None, max_length=500),
    store: Store = Depends(get_store),
    searcher: Searcher | None = Depends(get_searcher),
):
    threads = [thread_record(t) for t in all_threads(store)]
    answer = ask(q, store, searcher) if q and q.strip() else None
    topics = topic_records(q, store) if q and answer else []
    return TEMPLATES.TemplateResponse(
        request, "home.html", {"q": q or "", "answer": answer, "topics": topics, "threads": threads}
    )


@router.get("/traad/{thread_id}", response_class=HTMLResponse)
def thread_page(request: Request, thread_id: str, store: Store = Depends(get_store)):
    try:
        thread = thread_timeline(thread_id, store)
    except NotFound:
        raise HTTPException(404, f"ukendt tråd {thread_id!r}") from None
    return TEMPLATES.TemplateResponse(request, "thread.html", {"thread": thread})


@router.get("/documents/{document_id}/source", response_class=HTMLResponse)
def source_page(
    request: Request,
    document_id: str,
    line: int = Query(1, ge=1),
    end: int | None = Query(None, ge=1),
    page: int | None = Query(None, ge=1),
    store: Store = Depends(get_store),
):
    document = document_or_404(store, document_id)
    last = max(line, end or line)
    lines = [source_line for source_line in store.source_lines(document.source_file) if source_line.page == page]
    shown = [source_line for source_line in lines if line - CONTEXT_LINES <= source_line.line <= last + CONTEXT_LINES]
    return TEMPLATES.TemplateResponse(
        request, "source.html", {"document": document, "lines": shown, "first": line, "last": last, "page": page}
    )
