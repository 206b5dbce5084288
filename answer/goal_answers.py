"""Answers about one goal across plan years: how it changed, its first and last appearance.

Goals compared between two plan years (new, dropped, unchanged) are in answer/year_comparison.py."""

from __future__ import annotations

import re

from answer.cues import GOAL_WORDS
from answer.material import Material
from answer.meeting_answers import first_or_last_treatment
from answer.phrasing import (
    Answer,
    Statement,
    coverage,
    goal_name,
    goal_year_line,
    no_evidence,
    quoted,
    say,
    topic_da,
    topic_en,
    year_list,
)
from answer.question import Question
from maalspor.model import Goal, GoalLink, Thread
from nlp.wording_diff import target_change, word_diff

_ASKS_FOR_A_GOAL = re.compile(GOAL_WORDS, re.I)


def best_thread(goals: list[Goal], material: Material, years: tuple[int, ...] = ()) -> Thread | None:
    """The thread of the best-matching goals, preferring one that covers the named years, then the longest."""
    counts: dict[str, int] = {}
    for rank, goal in enumerate(goals):
        thread = material.thread_of(goal.id)
        if thread is not None and thread.id not in counts:
            counts[thread.id] = len(goals) - rank
    threads = [t for t in material.threads if t.id in counts]
    return max(
        threads,
        key=lambda t: (sum(y in t.goals_by_year for y in years), counts[t.id], len(t.goals_by_year)),
        default=None,
    )


def municipal_plan_years(thread: Thread, material: Material) -> list[int]:
    """The plan years the material holds goals for in the municipality of the thread's goals."""
    first = material.goals[next(i for ids in thread.goals_by_year.values() for i in ids)]
    municipality = material.documents[first.document_id].municipality
    return sorted(
        {g.plan_year for g in material.goals.values() if material.documents[g.document_id].municipality == municipality}
    )


def _span(question: Question, years: list[int]) -> tuple[int, int]:
    """The years the question asks about: a named span, two named years, one open end, or the thread's own."""
    named = sorted(question.years)
    first = question.year_from if question.year_from is not None else (named[0] if len(named) >= 2 else years[0])
    last = question.year_to if question.year_to is not None else (named[-1] if len(named) >= 2 else years[-1])
    return first, max(last, first)


def answer_change(question: Question, material: Material, searcher=None) -> Answer:
    thread = best_thread(material.resolve_goals(question), material, question.years)
    if thread is None:
        return no_evidence(question, f"noget mål om {topic_da(question)}", f"a goal about {topic_en(question)}")
    years = sorted(thread.goals_by_year)
    first, last = _span(question, years)
    span = [y for y in years if first <= y <= last] or [max((y for y in years if y <= first), default=years[0])]
    members = {i for y in span for i in thread.goals_by_year[y]}
    steps = sorted(
        (link for link in material.links if link.from_goal in members and link.to_goal in members),
        key=lambda link: (link.from_year, link.to_year),
    )
    statements = []
    for year in span:  # each year's wording, target and status, then how the next year changed it
        statements += [goal_year_line(question, material.goals[i]) for i in thread.goals_by_year[year]]
        statements += [_step(question, link, material) for link in steps if link.from_year == year]
    statements.append(coverage(question, years, municipal_plan_years(thread, material)))
    return Answer(question, statements, goals=sorted(members), links=[link_record(link, material) for link in steps])


def _step(question: Question, link: GoalLink, material: Material) -> Statement:
    before, after = material.goals[link.from_goal], material.goals[link.to_goal]
    ops = word_diff(before.wording, after.wording)
    removed = "; ".join(op.text for op in ops if op.op == "delete")
    added = "; ".join(op.text for op in ops if op.op == "insert")
    target = target_change(before.target, after.target).description
    if not removed and not added:
        da, en = "ordlyden er uændret", "the wording is unchanged"
    else:
        da = f"fjernet: “{removed or '–'}”, tilføjet: “{added or '–'}”"
        en = f"removed: “{removed or '–'}”, added: “{added or '–'}”"
    return Statement(
        say(
            question,
            f"{before.plan_year} → {after.plan_year} ({link.relation}): {da}; målsætning: {target}.",
            f"{before.plan_year} → {after.plan_year} ({link.relation}): {en}; target: {target}.",
        ),
        before.citations[:1] + after.citations[:1],
    )


def link_record(link: GoalLink, material: Material) -> dict:
    before, after = material.goals[link.from_goal], material.goals[link.to_goal]
    return {
        "from_goal": link.from_goal,
        "to_goal": link.to_goal,
        "relation": link.relation,
        "confidence": round(link.confidence, 2),
        "from_year": link.from_year,
        "to_year": link.to_year,
        "target_change": target_change(before.target, after.target).description,
    }


def answer_first(question: Question, material: Material, searcher=None) -> Answer:
    return _appearance(question, material, last=False)


def answer_last(question: Question, material: Material, searcher=None) -> Answer:
    return _appearance(question, material, last=True)


def _appearance(question: Question, material: Material, last: bool) -> Answer:
    thread = best_thread(material.resolve_goals(question), material)
    if thread is None and not _ASKS_FOR_A_GOAL.search(question.text):  # 'hvornår var X første gang på dagsordenen'
        treated = first_or_last_treatment(question, material, last)
        if treated is not None:
            return treated
    if thread is None:
        return no_evidence(question, f"noget mål om {topic_da(question)}", f"a goal about {topic_en(question)}")
    years = sorted(thread.goals_by_year)
    year = years[-1] if last else years[0]
    goal = material.goals[thread.goals_by_year[year][0]]
    title = material.documents[goal.document_id].title
    others = years[:-1] if last else years[1:]
    listed = year_list(question, others) or say(question, "ingen", "none")
    if last:
        da = f"optræder sidste gang i materialet i {year} ({title}, {goal_name(question, goal)}); tidligere år med målet: {listed}."
        en = f"last appears in the material in {year} ({title}, {goal_name(question, goal)}); earlier years with the goal: {listed}."
    else:
        da = f"optræder første gang i materialet i {year} ({title}, {goal_name(question, goal)}); senere år med målet: {listed}."
        en = f"first appears in the material in {year} ({title}, {goal_name(question, goal)}); later years with the goal: {listed}."
    statements = [
        Statement(say(question, f"Målet {quoted(goal)} {da}", f"The goal {quoted(goal)} {en}"), list(goal.citations)),
        coverage(question, years, municipal_plan_years(thread, material)),
    ]
    return Answer(question, statements, goals=[i for y in years for i in thread.goals_by_year[y]])
