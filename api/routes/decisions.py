"""Agenda items with the meeting's decision, filtered by committee, date, outcome and words; JSON or CSV."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from answer.listing import select_decisions
from answer.schema import QuotedDecisionRecord
from api.routes.responses import IsoDate, OptionalWords, StoreDep, Window
from api.tables import CSV_RESPONSE, ListFormat, listing

router = APIRouter(tags=["decisions"])


@router.get(
    "/decisions",
    summary="Decisions (one per agenda item), oldest meeting first; format=csv for a CSV download",
    response_model=list[QuotedDecisionRecord],
    responses=CSV_RESPONSE,
)
@router.get("/decisions.{format}", include_in_schema=False, response_model=list[QuotedDecisionRecord])
def list_decisions(
    store: StoreDep,
    window: Window,
    committee: OptionalWords = None,
    date_from: IsoDate | None = None,
    date_to: IsoDate | None = None,
    outcome: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    q: OptionalWords = None,
    format: ListFormat = "json",
):
    records = select_decisions(store, committee, date_from, date_to, outcome, q, window)
    return listing(records, format, "beslutninger")
