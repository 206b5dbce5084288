"""The original files behind the stored sources (kept by the ingest, index.store.originals), served read-only
at /files/<source file name>; a source ingested before originals were kept gets no link."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from index.store.originals import original_file
from index.store.sqlite import Store

# Shown in the browser; anything else (HTML, XML, JSON exports) is offered as plain text, never run as a page.
INLINE_TYPES = {".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8", ".md": "text/plain; charset=utf-8"}


def original_path(store: Store, source_file: str) -> Path | None:
    """The kept original of a stored source (a document's primary file or one of its renditions), or None."""
    document_id = store.source_document_id(source_file)
    document = store.document(document_id) if document_id else None
    return original_file(store, document, source_file) if document else None


def original_url(store: Store, source_file: str) -> str | None:
    return f"/files/{quote(source_file)}" if original_path(store, source_file) else None


def media_type(path: Path) -> str:
    return INLINE_TYPES.get(path.suffix.lower(), "text/plain; charset=utf-8")
