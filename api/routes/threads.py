"""Goal threads: a goal's history across plan years, with word diffs, target changes, status and meetings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from answer.records import thread_record
from answer.schema import Comparison, ThreadRecord, ThreadTimeline
from answer.timeline import all_threads, compare_years, thread_timeline
from api.routes.responses import StoreDep, Window, one_record
from api.tables import CSV_RESPONSE, ListFormat, listing

router = APIRouter(tags=["threads"])


@router.get(
    "/threads",
    summary="All goal threads (earliest first); format=csv for a CSV download",
    response_model=list[ThreadRecord],
    responses=CSV_RESPONSE,
)
@router.get("/threads.{format}", include_in_schema=False, response_model=list[ThreadRecord])
def list_threads(store: StoreDep, window: Window, format: ListFormat = "json"):
    return listing([thread_record(t) for t in all_threads(store)[window]], format, "maaltraade")


@router.get(
    "/threads/{thread_id}",
    **one_record(ThreadTimeline, "A thread as a timeline: wording, target, status per year; changes; meetings"),
)
def get_thread(thread_id: str, store: StoreDep) -> dict:
    return thread_timeline(thread_id, store)


@router.get("/compare", **one_record(Comparison, "How a goal's thread changed between two plan years"))
def compare(
    store: StoreDep,
    goal: Annotated[str, Query(min_length=1, max_length=300)],
    from_year: Annotated[int, Query(alias="from", ge=1990, le=2100)],
    to_year: Annotated[int, Query(alias="to", ge=1990, le=2100)],
) -> dict:
    return compare_years(goal, from_year, to_year, store)
