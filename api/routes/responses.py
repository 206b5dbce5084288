"""Shared HTTP pieces: the documented error answers, the query parameters several routes take, the 404 for an
unknown document."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Query
from pydantic import BaseModel, BeforeValidator

from api.deps import get_store
from index.store.sqlite import Store

if TYPE_CHECKING:
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

# The query parameters several routes share, declared once; a route gives the default.
Words = Annotated[str, Query(min_length=1, max_length=200)]
OptionalWords = Annotated[str | None, Query(min_length=1, max_length=200)]
OptionalYear = Annotated[int | None, Query(ge=1990, le=2100)]
Limit = Annotated[int, Query(ge=1, le=100)]
StoreDep = Annotated[Store, Depends(get_store)]


def window(offset: Annotated[int, Query(ge=0)] = 0, limit: Limit = 100) -> slice:
    """The records a listing answers: `limit` of them from `offset` on."""
    return slice(offset, offset + limit)


Window = Annotated[slice, Depends(window)]


def one_record(model: type, summary: str) -> dict[str, Any]:
    """The route options of an answer about one id: its model, and the 404 for an unknown id."""
    return {"summary": summary, "responses": NOT_FOUND, "response_model": model}


def document_or_404(store: Store, document_id: str) -> Document:
    document = store.document(document_id)
    if document is None:
        raise HTTPException(404, f"no document with id {document_id!r} (see /documents)")
    return document
