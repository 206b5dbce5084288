"""Documents and their source text (page and line as extracted)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from answer.records import document_record
from answer.schema import DocumentDetail, DocumentRecord
from api.deps import get_store
from api.routes.responses import document_or_404, one_record
from api.tables import CSV_RESPONSE, ListFormat, listing
from index.store.sqlite import Store

router = APIRouter(tags=["documents"])

MAX_LINES = 500


@router.get(
    "/documents",
    summary="All documents, oldest first; format=csv for a CSV download",
    response_model=list[DocumentRecord],
    responses=CSV_RESPONSE,
)
@router.get("/documents.{format}", include_in_schema=False, response_model=list[DocumentRecord])
def list_documents(store: Store = Depends(get_store), format: ListFormat = "json"):
    return listing([document_record(d) for d in store.documents()], format, "dokumenter")


@router.get("/documents/{document_id}", **one_record(DocumentDetail, "One document with a window of its source lines"))
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
