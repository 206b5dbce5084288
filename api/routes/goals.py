"""Goals with filters; one goal with its thread and the meetings that dealt with its plan."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from answer.listing import select_goals
from answer.schema import GoalDetail, QuotedGoalRecord
from answer.timeline import goal_detail
from api.deps import get_store
from api.routes.responses import NOT_FOUND
from index.store.sqlite import Store

router = APIRouter(tags=["goals"])


@router.get(
    "/goals",
    summary="Goals, filtered by plan year, origin and words of the wording",
    response_model=list[QuotedGoalRecord],
)
def list_goals(
    year: int | None = Query(None, ge=1990, le=2100),
    origin: Literal["ministerial", "local"] | None = None,
    q: str | None = Query(None, min_length=1, max_length=200),
    offset: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=100),
    store: Store = Depends(get_store),
) -> list[dict]:
    return select_goals(store, year, origin, q, slice(offset, offset + limit))


@router.get(
    "/goals/{goal_id}",
    summary="One goal, its thread id and the agenda items about its plan",
    responses=NOT_FOUND,
    response_model=GoalDetail,
)
def get_goal(goal_id: str, store: Store = Depends(get_store)) -> dict:
    return goal_detail(goal_id, store)
