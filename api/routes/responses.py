"""Shared HTTP pieces: the documented error answers, the ISO-date query type, the 404 for an unknown document."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import HTTPException
from pydantic import BaseModel, BeforeValidator

if TYPE_CHECKING:
    from index.store.sqlite import Store
    from maalspor.model import Document


class Problem(BaseModel):
    detail: str


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such id"}}
MALFORMED_BODY: dict[int | str, dict[str, Any]] = {400: {"model": Problem, "description": "The body is not JSON"}}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _require_iso_text(value: object) -> object:
    # pydantic's lax mode reads numbers as Unix timestamps (`date_to=0` became 1970-01-01); the spec says yyyy-mm-dd.
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("expected a date as yyyy-mm-dd")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_require_iso_text)]


def document_or_404(store: Store, document_id: str) -> Document:
    document = store.document(document_id)
    if document is None:
        raise HTTPException(404, f"no document with id {document_id!r} (see /documents)")
    return document
