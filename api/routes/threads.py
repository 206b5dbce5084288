"""Goal threads: a goal's history across plan years, with word diffs, target changes, status and meetings."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, Depends, HTTPException, Query

from answer.records import CitationQuoter, thread_record
from api.deps import get_store
from api.routes.responses import NOT_FOUND
from index.lineage.plan_links import link_plans_to_minutes
from index.lineage.threads import build_threads, thread_of
from index.store.sqlite import Store
from maalspor.model import Goal, GoalLink, Thread
from nlp.wording_diff import normalize_wording, target_change, word_diff

router = APIRouter(tags=["threads"])


@router.get("/threads", summary="All goal threads (earliest first)")
def list_threads(
    offset: int = Query(0, ge=0), limit: int = Query(100, ge=1, le=100), store: Store = Depends(get_store)
) -> list[dict]:
    threads = build_threads(store.goals(), store.links())
    return [thread_record(t) for t in threads[offset : offset + limit]]


@router.get(
    "/threads/{thread_id}",
    summary="A thread as a timeline: wording, target, status per year; changes; meetings",
    responses=NOT_FOUND,
)
def get_thread(thread_id: str, store: Store = Depends(get_store)) -> dict:
    goals = store.goals()
    links = store.links()
    thread = next((t for t in build_threads(goals, links) if t.id == thread_id), None)
    if thread is None:
        raise HTTPException(404, f"no thread with id {thread_id!r} (see /threads)")
    return timeline(thread, {g.id: g for g in goals}, links, store)


@router.get("/compare", summary="How a goal's thread changed between two plan years", responses=NOT_FOUND)
def compare(
    goal: str = Query(..., min_length=1, max_length=300),
    from_year: int = Query(..., alias="from", ge=1990, le=2100),
    to_year: int = Query(..., alias="to", ge=1990, le=2100),
    store: Store = Depends(get_store),
) -> dict:
    goals = {g.id: g for g in store.goals()}
    if goal not in goals:
        raise HTTPException(404, f"no goal with id {goal!r} (see /goals)")
    thread = thread_of(goal, build_threads(list(goals.values()), store.links()))
    missing = [year for year in (from_year, to_year) if year not in thread.goals_by_year]
    if missing:
        raise HTTPException(
            404, f"the goal's thread has no goal in {missing[0]}; its years: {sorted(thread.goals_by_year)}"
        )
    quoter = CitationQuoter(store)
    before = [goals[i] for i in thread.goals_by_year[from_year]]
    after = [goals[i] for i in thread.goals_by_year[to_year]]
    return {
        "thread_id": thread.id,
        "from": from_year,
        "to": to_year,
        "before": [goal_entry(g, quoter) for g in before],
        "after": [goal_entry(g, quoter) for g in after],
        "changes": [change(a, b) for a in before for b in after],
    }


def timeline(thread: Thread, goals: dict[str, Goal], links: list[GoalLink], store: Store) -> dict:
    quoter = CitationQuoter(store)
    members = {goal_id for ids in thread.goals_by_year.values() for goal_id in ids}
    steps = [link for link in links if link.from_goal in members and link.to_goal in members]
    return {
        **thread_record(thread),
        "years": [
            {"year": year, "goals": [goal_entry(goals[i], quoter) for i in ids]}
            for year, ids in sorted(thread.goals_by_year.items())
        ],
        "changes": [
            {
                **change(goals[link.from_goal], goals[link.to_goal]),
                "relation": link.relation,
                "confidence": round(link.confidence, 2),
            }
            for link in steps
        ],
        "meetings": related_meetings(members, store, quoter),
    }


def goal_entry(goal: Goal, quoter: CitationQuoter) -> dict:
    return {
        "id": goal.id,
        "document_id": goal.document_id,
        "year": goal.plan_year,
        "number": goal.number,
        "wording": normalize_wording(goal.wording),
        "origin": goal.origin,
        "target": goal.target.text if goal.target else None,
        "status": [
            {
                "text": s.text,
                "date": s.date,
                "value": s.value,
                "unit": s.unit,
                "persons": s.persons,
                "citations": quoter.records(s.citations),
            }
            for s in goal.status
        ],
        "citations": quoter.records(goal.citations),
    }


def change(before: Goal, after: Goal) -> dict:
    return {
        "from_goal": before.id,
        "to_goal": after.id,
        "from_year": before.plan_year,
        "to_year": after.plan_year,
        "diff": [asdict(op) for op in word_diff(before.wording, after.wording)],
        "target_change": asdict(target_change(before.target, after.target)),
    }


def related_meetings(goal_ids: set[str], store: Store, quoter: CitationQuoter) -> list[dict]:
    """Agenda items that approve, follow up or set targets for the thread's plans (one entry per item)."""
    items = {item.id: item for item in store.items(include_embedded=False)}
    plan_links = link_plans_to_minutes(store.goals(), list(items.values()), store.documents())
    seen: dict[str, dict] = {}
    for link in plan_links:
        if link.goal_id in goal_ids and link.item_id not in seen:
            item = items[link.item_id]
            seen[link.item_id] = {
                "item_id": item.id,
                "title": item.title,
                "role": link.role,
                "outcome": link.outcome,
                "meeting_date": link.meeting_date,
                "citations": quoter.records(item.citations[:1]),
            }
    return sorted(seen.values(), key=lambda m: m["meeting_date"] or "")
