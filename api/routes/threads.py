"""Goal threads: a goal's history across plan years, with word diffs, target changes, status and meetings."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from answer.records import thread_record
from answer.schema import Comparison, ThreadRecord, ThreadTimeline
from answer.timeline import all_threads, compare_years, thread_timeline
from api.deps import get_store
from api.routes.responses import NOT_FOUND
from index.store.sqlite import Store

router = APIRouter(tags=["threads"])


@router.get("/threads", summary="All goal threads (earliest first)", response_model=list[ThreadRecord])
def list_threads(
    offset: int = Query(0, ge=0), limit: int = Query(100, ge=1, le=100), store: Store = Depends(get_store)
) -> list[dict]:
    return [thread_record(t) for t in all_threads(store)[offset : offset + limit]]


@router.get(
    "/threads/{thread_id}",
    summary="A thread as a timeline: wording, target, status per year; changes; meetings",
    responses=NOT_FOUND,
    response_model=ThreadTimeline,
)
def get_thread(thread_id: str, store: Store = Depends(get_store)) -> dict:
    return thread_timeline(thread_id, store)


@router.get(
    "/compare",
    summary="How a goal's thread changed between two plan years",
    responses=NOT_FOUND,
    response_model=Comparison,
)
def compare(
    goal: str = Query(..., min_length=1, max_length=300),
    from_year: int = Query(..., alias="from", ge=1990, le=2100),
    to_year: int = Query(..., alias="to", ge=1990, le=2100),
    store: Store = Depends(get_store),
) -> dict:
    return compare_years(goal, from_year, to_year, store)
