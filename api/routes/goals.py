"""Goals with filters; one goal with its thread and the meetings that dealt with its plan."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from answer.listing import select_goals
from answer.schema import GoalDetail, QuotedGoalRecord
from answer.timeline import goal_detail
from api.routes.responses import OptionalWords, OptionalYear, StoreDep, Window, one_record
from api.tables import CSV_RESPONSE, ListFormat, listing

router = APIRouter(tags=["goals"])


@router.get(
    "/goals",
    summary="Goals, filtered by plan year, origin and words of the wording; format=csv for a CSV download",
    response_model=list[QuotedGoalRecord],
    responses=CSV_RESPONSE,
)
@router.get("/goals.{format}", include_in_schema=False, response_model=list[QuotedGoalRecord])
def list_goals(
    store: StoreDep,
    window: Window,
    year: OptionalYear = None,
    origin: Literal["ministerial", "local"] | None = None,
    q: OptionalWords = None,
    format: ListFormat = "json",
):
    return listing(select_goals(store, year, origin, q, window), format, "maal")


@router.get("/goals/{goal_id}", **one_record(GoalDetail, "One goal, its thread id and the agenda items about its plan"))
def get_goal(goal_id: str, store: StoreDep) -> dict:
    return goal_detail(goal_id, store)
