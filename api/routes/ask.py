"""Questions in Danish or English, answered from the store with citations (see answer/engine.py)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from answer.engine import ask
from answer.schema import AnswerRecord
from api.deps import Searcher, get_searcher_opener, get_store
from api.routes.responses import MALFORMED_BODY
from index.store.sqlite import Store

router = APIRouter(tags=["ask"])


class AskRequest(BaseModel):
    q: str = Field(..., min_length=1, max_length=500, description="The question, in Danish or English")


@router.get("/ask", summary="Answer a question; every statement carries citations", response_model=AnswerRecord)
def ask_get(
    q: str = Query(..., min_length=1, max_length=500),
    store: Store = Depends(get_store),
    open_searcher: Callable[[], Searcher | None] = Depends(get_searcher_opener),
) -> dict:
    return ask(q, store, open_searcher)


@router.post(
    "/ask",
    summary='Answer a question (JSON body {"q": ...})',
    responses=MALFORMED_BODY,
    response_model=AnswerRecord,
)
def ask_post(
    body: AskRequest,
    store: Store = Depends(get_store),
    open_searcher: Callable[[], Searcher | None] = Depends(get_searcher_opener),
) -> dict:
    return ask(body.q, store, open_searcher)
