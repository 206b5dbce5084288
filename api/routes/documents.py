"""Documents and their source text (page and line as extracted)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query

from answer.records import document_record
from api.deps import get_store
from api.routes.responses import NOT_FOUND
from index.store.sqlite import Store
from maalspor.model import Document

router = APIRouter(tags=["documents"])

MAX_LINES = 500


@router.get("/documents", summary="All documents, oldest first")
def list_documents(store: Store = Depends(get_store)) -> list[dict]:
    return [document_record(d) for d in store.documents()]


@router.get("/documents/{document_id}", summary="One document with a window of its source lines", responses=NOT_FOUND)
def get_document(
    document_id: str,
    page: int | None = Query(None, ge=1),
    offset: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=MAX_LINES),
    store: Store = Depends(get_store),
) -> dict:
    document = document_or_404(store, document_id)
    lines = [line for line in store.source_lines(document.source_file) if page is None or line.page == page]
    return {
        **document_record(document),
        "line_count": len(lines),
        "lines": [
            {"page": source_line.page, "line": source_line.line, "text": source_line.text}
            for source_line in lines[offset : offset + limit]
        ],
    }


def document_or_404(store: Store, document_id: str) -> Document:
    document = store.document(document_id)
    if document is None:
        raise HTTPException(404, f"no document with id {document_id!r} (see /documents)")
    return document
