"""Agenda items with the meeting's decision, filtered by committee, date, outcome and words."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from answer.listing import select_decisions
from answer.schema import QuotedDecisionRecord
from api.deps import get_store
from api.routes.responses import IsoDate
from index.store.sqlite import Store

router = APIRouter(tags=["decisions"])


@router.get(
    "/decisions",
    summary="Decisions (one per agenda item), oldest meeting first",
    response_model=list[QuotedDecisionRecord],
)
def list_decisions(
    committee: str | None = Query(None, min_length=1, max_length=200),
    date_from: IsoDate | None = None,
    date_to: IsoDate | None = None,
    outcome: str | None = Query(None, min_length=1, max_length=100),
    q: str | None = Query(None, min_length=1, max_length=200),
    offset: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=100),
    store: Store = Depends(get_store),
) -> list[dict]:
    return select_decisions(store, committee, date_from, date_to, outcome, q, slice(offset, offset + limit))
