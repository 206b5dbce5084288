"""A goal thread as a timeline: wording, target and status per year, the changes between years, the meetings."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from answer.records import CitationQuoter, goal_record, thread_record
from maalspor.model import Goal, GoalLink, Thread
from nlp.wording_diff import normalize_wording, target_change, word_diff

if TYPE_CHECKING:
    from index.store.sqlite import Store


class NotFound(LookupError):
    """No record answers the request; the message says which and where to look."""


def all_threads(store: Store) -> list[Thread]:
    return store.threads()


def thread_holding(goal_id: str, store: Store) -> Thread:
    thread = store.thread_of(goal_id)
    if thread is None:
        raise NotFound(f"no thread holds the goal {goal_id!r} (see /threads)")
    return thread


def thread_timeline(thread_id: str, store: Store) -> dict:
    """The thread `thread_id` as a timeline; NotFound when there is none."""
    thread = next((t for t in all_threads(store) if t.id == thread_id), None)
    if thread is None:
        raise NotFound(f"no thread with id {thread_id!r} (see /threads)")
    return timeline(thread, {g.id: g for g in store.goals()}, store.links(), store)


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


def goal_detail(goal_id: str, store: Store) -> dict:
    """One goal with quoted citations, its thread id and the meetings about its plan; NotFound when unknown."""
    goal = next((g for g in store.goals() if g.id == goal_id), None)
    if goal is None:
        raise NotFound(f"no goal with id {goal_id!r} (see /goals)")
    quoter = CitationQuoter(store)
    return {
        **goal_record(goal),
        "citations": quoter.records(goal.citations),
        "thread_id": thread_holding(goal_id, store).id,
        "meetings": related_meetings({goal_id}, store, quoter),
    }


def compare_years(goal_id: str, from_year: int, to_year: int, store: Store) -> dict:
    """How the thread of `goal_id` changed from `from_year` to `to_year`; NotFound for an unknown goal or year."""
    goals = {g.id: g for g in store.goals()}
    if goal_id not in goals:
        raise NotFound(f"no goal with id {goal_id!r} (see /goals)")
    thread = thread_holding(goal_id, store)
    missing = [year for year in (from_year, to_year) if year not in thread.goals_by_year]
    if missing:
        raise NotFound(f"the goal's thread has no goal in {missing[0]}; its years: {sorted(thread.goals_by_year)}")
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
        **goal_pair(before, after),
        "diff": [asdict(op) for op in word_diff(before.wording, after.wording)],
        "target_change": asdict(target_change(before.target, after.target)),
    }


def goal_pair(before: Goal, after: Goal) -> dict:
    """The two goals a change joins, as a link names them: ids, then plan years."""
    return {"from_goal": before.id, "to_goal": after.id, "from_year": before.plan_year, "to_year": after.plan_year}


def related_meetings(goal_ids: set[str], store: Store, quoter: CitationQuoter) -> list[dict]:
    """Agenda items that approve, follow up or set targets for the thread's plans (one entry per item)."""
    items = {item.id: item for item in store.items(include_embedded=False)}
    seen: dict[str, dict] = {}
    for link in store.plan_links():
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
