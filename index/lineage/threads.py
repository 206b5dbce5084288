"""Threads: the connected history of one goal across plan years, built from the goal links.

A thread is a connected component of the link graph (splits and merges stay in one thread); its goals
are ordered by year, and a year without a goal in the thread is simply absent (a gap).
"""

from __future__ import annotations

from maalspor.model import Goal, GoalLink, Thread
from nlp.wording_diff import normalize_wording

_LABEL_LENGTH = 60


def build_threads(goals: list[Goal], links: list[GoalLink]) -> list[Thread]:
    """One thread per connected group of goals; a goal without links is a thread of its own."""
    parent = {goal.id: goal.id for goal in goals}

    def root(goal_id: str) -> str:
        while parent[goal_id] != goal_id:
            parent[goal_id] = parent[parent[goal_id]]
            goal_id = parent[goal_id]
        return goal_id

    for link in links:
        if link.from_goal in parent and link.to_goal in parent:
            parent[root(link.from_goal)] = root(link.to_goal)
    members: dict[str, list[Goal]] = {}
    for goal in goals:  # goals arrive in (year, document, position) order; members keep it
        members.setdefault(root(goal.id), []).append(goal)
    threads = [_thread(sorted(group, key=lambda g: g.plan_year)) for group in members.values()]
    return sorted(threads, key=lambda t: (min(t.goals_by_year), t.id))


def thread_of(goal_id: str, threads: list[Thread]) -> Thread | None:
    return next((t for t in threads if any(goal_id in ids for ids in t.goals_by_year.values())), None)


def _thread(goals: list[Goal]) -> Thread:
    by_year: dict[int, list[str]] = {}
    for goal in goals:
        by_year.setdefault(goal.plan_year, []).append(goal.id)
    return Thread(id=f"thread:{goals[0].id}", label=_label(goals[-1].wording), goals_by_year=by_year)


def _label(wording: str) -> str:
    text = normalize_wording(wording)
    return text if len(text) <= _LABEL_LENGTH else text[: _LABEL_LENGTH - 1].rsplit(" ", 1)[0] + "…"
