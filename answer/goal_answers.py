"""Answers about one goal across plan years: how it changed, its first and last appearance.

Goals compared between two plan years (new, dropped, unchanged) are in answer/year_comparison.py."""

from __future__ import annotations

import re

from answer.cues import GOAL_WORDS
from answer.goal_changes import asks_for_changed_goals, changed_goals
from answer.goal_steps import continuation, link_record
from answer.goal_topic import goal_question
from answer.material import Material, goal_search_text
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
    target_summary,
    topic_da,
    topic_en,
    year_list,
)
from answer.plan_targets import plan_targets
from answer.question import Question
from answer.status_answers import target_met
from answer.topic import TermMatcher
from maalspor.model import Goal, Thread

_ASKS_FOR_A_GOAL = re.compile(GOAL_WORDS, re.I)
_PARENTHESES = re.compile(r"\([^()]*\)")


def best_thread(goals: list[Goal], material: Material, years: tuple[int, ...] = ()) -> Thread | None:
    """The thread of the best-matching goals: one that covers the named years, then the one whose goals match
    in the most plan years (minutes reprint a year's goals, so goals are counted per year), then the one most
    about the topic (matching years of all its years), the best-ranked, the longest."""
    ranks: dict[str, int] = {}
    matched_years: dict[str, set[int]] = {}
    for rank, goal in enumerate(goals):
        thread = material.thread_of(goal.id)
        if thread is not None:
            ranks.setdefault(thread.id, len(goals) - rank)
            matched_years.setdefault(thread.id, set()).add(goal.plan_year)
    threads = [t for t in material.threads if t.id in ranks]
    return max(
        threads,
        key=lambda t: (
            sum(y in t.goals_by_year for y in years),
            len(matched_years[t.id]),
            len(matched_years[t.id]) / len(t.goals_by_year),
            ranks[t.id],
            len(t.goals_by_year),
        ),
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
    if asks_for_changed_goals(question, material):  # 'Hvilke mål blev ændret …': the list, not one goal's history
        return changed_goals(question, material)
    topical = goal_question(question, material)
    thread = best_thread(material.resolve_goals(topical), material, question.years)
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
        for goal in (material.goals[i] for i in thread.goals_by_year[year]):
            statements += [_judged_year_line(question, goal), *plan_targets(question, goal, material)]
        statements += [continuation(question, link, material) for link in steps if link.from_year == year]
    plan_years = municipal_plan_years(thread, material)
    statements.append(coverage(question, years, plan_years))
    others = _nearest_outside_thread(topical, material, thread, [y for y in question.years if y in plan_years])
    statements += [line for goal in others for line in _not_continued(question, goal, thread)]
    goal_ids = sorted(members) + [goal.id for goal in others]
    return Answer(question, statements, goals=goal_ids, links=[link_record(link, material) for link in steps])


def _judged_year_line(question: Question, goal: Goal) -> Statement:
    """The goal's year line; where its latest status figure can be held against its target, whether it meets it
    (a question about how a goal developed also asks whether it was reached)."""
    line = goal_year_line(question, goal)
    latest = max(goal.status, key=lambda s: s.date or "", default=None)
    met = target_met(goal.target, latest) if latest is not None and goal.target is not None else None
    if met is not None and goal.target is not None:
        target = target_summary(question, goal.target)
        line.text += say(
            question,
            f" Målet ({target}) er {'nået' if met else 'ikke nået'} ved den status.",
            f" The target ({target}) {'is met' if met else 'is not met'} at that status.",
        )
    return line


def _nearest_outside_thread(question: Question, material: Material, thread: Thread, years: list[int]) -> list[Goal]:
    """For each named plan year where none of the thread's goals is among those the topic names best, that year's
    best goal: the goal linking found no continuation there, or only one on another subject ('offentlig forsørgelse'
    in 2019 after a 2015 goal naming sygedagpenge among its benefits), yet a plan may pursue the subject with a new
    goal ('6 pct. af de aktivitetsparate … småjobs' in 2019, 'Flere aktivitetsparate over 30 år …' in 2022)."""
    matcher = TermMatcher(material.goal_terms(question))
    found = []
    for year in years:
        goals = [
            g for g in material.goals.values() if g.plan_year == year and material.in_scope(question, g.document_id)
        ]
        ranked = matcher.rank(goals, [goal_search_text(g) for g in goals])
        in_thread = set(thread.goals_by_year.get(year, []))
        if ranked and not any(scored.record.id in in_thread for scored in ranked):
            found.append(ranked[0].record)
    return found


def _not_continued(question: Question, goal: Goal, thread: Thread) -> list[Statement]:
    if goal.plan_year in thread.goals_by_year:
        note = say(
            question,
            f"Materialet knytter ikke målet til det mål i {goal.plan_year}, der bedst svarer til spørgsmålet:",
            f"The material does not link the goal to the {goal.plan_year} goal that best matches the question:",
        )
    else:
        note = say(
            question,
            f"Materialet knytter ikke målet til planen for {goal.plan_year}; det mål i {goal.plan_year}, "
            "der bedst svarer til spørgsmålet:",
            f"The material does not link the goal to the {goal.plan_year} plan; the {goal.plan_year} goal that best "
            "matches the question:",
        )
    return [Statement(note, []), goal_year_line(question, goal)]


def answer_first(question: Question, material: Material, searcher=None) -> Answer:
    return _appearance(question, material, last=False)


def answer_last(question: Question, material: Material, searcher=None) -> Answer:
    return _appearance(question, material, last=True)


def _appearance(question: Question, material: Material, last: bool) -> Answer:
    topical = goal_question(question, material)
    resolved = material.resolve_goals(topical)
    thread = _appearance_thread(resolved, TermMatcher(material.goal_terms(topical)), material, last)
    if thread is None and not _ASKS_FOR_A_GOAL.search(question.text):  # 'hvornår var X første gang på dagsordenen'
        treated = first_or_last_treatment(question, material, last)
        if treated is not None:
            return treated
    if thread is None:
        return no_evidence(question, f"noget mål om {topic_da(question)}", f"a goal about {topic_en(question)}")
    years = sorted(thread.goals_by_year)
    year = years[-1] if last else years[0]
    # a thread may hold several goals of one year (a plan splits what another keeps whole): the one the
    # question's topic matched best, else the year's first; the others are named after it
    in_year = thread.goals_by_year[year]
    goal = next((g for g in resolved if g.id in in_year), None) or material.goals[in_year[0]]
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
        *_same_goal_also(question, goal, [material.goals[i] for i in in_year if i != goal.id]),
        coverage(question, years, municipal_plan_years(thread, material)),
    ]
    return Answer(question, statements, goals=[i for y in years for i in thread.goals_by_year[y]])


def _appearance_thread(resolved: list[Goal], matcher: TermMatcher, material: Material, last: bool) -> Thread | None:
    """The thread whose first (last) year is earliest (latest) among the threads of the goals matching the topic
    as fully as the best one: 'when was there last a goal for X' asks about the subject, and a plan may take it up
    again in a goal the linking does not tie to the earlier one (a quarterly count in one year, a target in a
    later one). Equally placed threads: best_thread's order."""
    if not resolved:
        return None
    best = matcher.matched(goal_search_text(resolved[0]))
    equal = [g for g in resolved if matcher.matched(goal_search_text(g)) == best]
    # a word only inside parentheses is one of an enumeration ('ydelsesmodtagere (uddannelses- og kontanthjælp og
    # ressourceforløb)'), not what the goal is about: where some goal's wording has the words outside them, those
    # goals count (the target group read from such a wording may be the enumeration's: 'borgere i ressourceforløb')
    about = [g for g in equal if matcher.matched(_PARENTHESES.sub(" ", g.wording)) == best]
    placed = [(g, t) for g in about or equal if (t := material.thread_of(g.id))]
    edges = [max(t.goals_by_year) if last else min(t.goals_by_year) for _, t in placed]
    edge = max(edges, default=None) if last else min(edges, default=None)
    return best_thread([g for (g, _), year in zip(placed, edges, strict=True) if year == edge], material)


def _same_goal_also(question: Question, goal: Goal, goals: list[Goal]) -> list[Statement]:
    """The thread's other goals of `goal`'s year: the plan carried the goal in two (or split it); a reprint of the
    same wording (minutes print a year's goals again) is no other goal."""
    first_of_wording: dict[str, Goal] = {}
    for other in goals:
        first_of_wording.setdefault(quoted(other), other)
    others = [g for wording, g in first_of_wording.items() if wording != quoted(goal)]
    return [
        Statement(
            say(
                question,
                f"I {g.plan_year} hører også {goal_name(question, g)} til samme mål: {quoted(g)}",
                f"In {g.plan_year}, {goal_name(question, g)} also belongs to the same goal: {quoted(g)}",
            ),
            list(g.citations),
        )
        for g in others
    ]
