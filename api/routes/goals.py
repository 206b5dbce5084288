"""Goals with filters; one goal with its thread and the meetings that dealt with its plan."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from answer.engine import mentions, topic_terms
from answer.records import CitationQuoter, goal_record
from api.deps import get_store
from api.routes.responses import NOT_FOUND
from api.routes.threads import related_meetings
from index.lineage.threads import build_threads, thread_of
from index.store.sqlite import Store

router = APIRouter(tags=["goals"])


@router.get("/goals", summary="Goals, filtered by plan year, origin and words of the wording")
def list_goals(
    year: int | None = Query(None, ge=1990, le=2100),
    origin: Literal["ministerial", "local"] | None = None,
    q: str | None = Query(None, min_length=1, max_length=200),
    offset: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=100),
    store: Store = Depends(get_store),
) -> list[dict]:
    terms = topic_terms(q) if q else []
    goals = [
        g
        for g in store.goals()
        if (year is None or g.plan_year == year)
        and (origin is None or g.origin == origin)
        and mentions(g.wording, terms)
    ]
    quoter = CitationQuoter(store)
    return [{**goal_record(g), "citations": quoter.records(g.citations)} for g in goals[offset : offset + limit]]


@router.get(
    "/goals/{goal_id}", summary="One goal, its thread id and the agenda items about its plan", responses=NOT_FOUND
)
def get_goal(goal_id: str, store: Store = Depends(get_store)) -> dict:
    goals = store.goals()
    goal = next((g for g in goals if g.id == goal_id), None)
    if goal is None:
        raise HTTPException(404, f"no goal with id {goal_id!r} (see /goals)")
    quoter = CitationQuoter(store)
    thread = thread_of(goal_id, build_threads(goals, store.links()))
    return {
        **goal_record(goal),
        "citations": quoter.records(goal.citations),
        "thread_id": thread.id,
        "meetings": related_meetings({goal_id}, store, quoter),
    }
