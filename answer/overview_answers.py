"""Overview: counts and lists of goals, plan years and agenda items."""

from __future__ import annotations

import re
from collections import defaultdict

from answer.material import Material
from answer.passage_answers import answer_by_search
from answer.phrasing import (
    Answer,
    Statement,
    date_in,
    goal_name,
    no_evidence,
    quoted,
    say,
    year_list,
)
from answer.question import Question
from answer.status_answers import answer_status
from maalspor.model import Citation, Goal

# A question about meetings or agenda items (not goals) when the overview is asked.
_ABOUT_ITEMS = re.compile(r"\b(punkt|punkter|dagsordenspunkt|møde|møder|mødet|items?|meetings?)\b", re.I)
# A question about the goals themselves (else a count is about what the goals measure).
_ABOUT_GOALS = re.compile(
    r"\b(mål|målene|målsætninger|følgemål|ministermål|delmål|indsatsområder|goals?|targets?)\b", re.I
)
# Kinds of goal a count may be limited to: the word in the question and the goal-number prefix.
GOAL_KINDS = {
    "følgemål": "følgemål",
    "ministermål": "ministermål",
    "follow-up": "følgemål",
    "national": "ministermål",
    "ministerial": "ministermål",
}
GOAL_KIND_ENGLISH = {"følgemål": "følgemål (follow-up goals)", "ministermål": "ministermål (ministerial goals)"}
# A question about which plan years the material holds.
_ABOUT_PLAN_YEARS = re.compile(r"\b(planår|plan years?|hvilke år|which years)\b", re.I)


def answer_overview(question: Question, material: Material, searcher=None) -> Answer:
    """Items per meeting, or goals per plan year; a count of something else ('hvor mange virksomheder')
    is a goal's status figure or a figure in the running text."""
    if _ABOUT_PLAN_YEARS.search(question.text):
        return _plan_years(question, material)
    if _ABOUT_ITEMS.search(question.text):
        return _item_overview(question, material)
    if not _ABOUT_GOALS.search(question.text):
        if material.resolve_goals(question):
            return answer_status(question, material, searcher)
        return answer_by_search(question, material, searcher)
    years = question.years or material.plan_years()
    kind = next((prefix for word, prefix in GOAL_KINDS.items() if word in question.text.lower()), None)
    in_years = [
        g for g in material.goals.values() if g.plan_year in years and material.in_scope(question, g.document_id)
    ]
    goals = _distinct([g for g in in_years if not kind or g.number.startswith(kind)] or in_years, material)
    if material.goal_terms(question) and (topical := material.resolve_goals(question)):
        goals = [g for g in goals if g in topical] or goals
    if not goals:
        return answer_by_search(question, material, searcher)
    counted = kind if any(g.number.startswith(kind or "-") for g in goals) else None
    statements = []
    for year in sorted({g.plan_year for g in goals}):
        statements += _goal_count(question, year, [g for g in goals if g.plan_year == year], counted)
    return Answer(question, statements, goals=[g.id for g in goals])


def _distinct(goals: list[Goal], material: Material) -> list[Goal]:
    """One goal per municipality, plan year and wording: minutes often reprint the same goal list."""
    seen: set[tuple[str | None, int, str]] = set()
    kept = []
    for goal in goals:
        key = (
            material.documents[goal.document_id].municipality,
            goal.plan_year,
            " ".join(goal.wording.lower().split()),
        )
        if key not in seen:
            seen.add(key)
            kept.append(goal)
    return kept


def _plan_years(question: Question, material: Material) -> Answer:
    """The plan years the material holds goals for, each cited at its first goal."""
    years = material.plan_years()
    firsts = [next(g for g in material.goals.values() if g.plan_year == year) for year in years]
    return Answer(
        question,
        [
            Statement(
                say(
                    question,
                    f"Materialet rummer mål for planårene {year_list(question, years)}.",
                    f"The material holds goals for the plan years {year_list(question, years)}.",
                ),
                [c for goal in firsts for c in goal.citations[:1]],
            )
        ],
    )


def _goal_count(question: Question, year: int, goals: list[Goal], kind: str | None) -> list[Statement]:
    label_da, label_en = (kind, GOAL_KIND_ENGLISH[kind]) if kind else ("mål", "goals")
    followups = sum(g.number.startswith("følgemål") for g in goals)
    main = len(goals) - followups
    extra_da = f": {main} mål og {followups} følgemål" if followups and not kind else ""
    extra_en = f": {main} goals and {followups} follow-up goals" if followups and not kind else ""
    heading: Statement[Citation] = Statement(
        say(
            question,
            f"Materialet har {len(goals)} {label_da} for {year}{extra_da}.",
            f"The material has {len(goals)} {label_en} for {year}{extra_en}.",
        ),
        [],
    )
    lines = [
        Statement(
            say(
                question,
                f"{goal_name(question, g).capitalize()}: {quoted(g)}.",
                f"{goal_name(question, g).capitalize()}: {quoted(g)}.",
            ),
            list(g.citations),
        )
        for g in goals
    ]
    return [heading, *lines]


def _item_overview(question: Question, material: Material) -> Answer:
    items = [
        item
        for item in material.items
        if not item.embedded
        and material.in_scope(question, item.document_id)
        and _meeting_matches(question, material.documents[item.document_id].meeting_date or "")
    ]
    if not items:
        return no_evidence(question, "noget møde, der passer", "a meeting that matches")
    by_meeting: dict[str, list] = defaultdict(list)
    for item in items:
        by_meeting[item.document_id].append(item)
    statements = []
    for document_id, meeting_items in by_meeting.items():
        document = material.documents[document_id]
        listed = "; ".join(f"{i.number} “{i.title}”" for i in meeting_items)
        statements.append(
            Statement(
                say(
                    question,
                    f"Mødet i {document.committee} den {date_in(question, document.meeting_date)} havde {len(meeting_items)} punkter: {listed}.",
                    f"The {document.committee} meeting on {date_in(question, document.meeting_date)} had {len(meeting_items)} items: {listed}.",
                ),
                [c for i in meeting_items for c in i.citations[:1]],
            )
        )
    return Answer(question, statements)


def _meeting_matches(question: Question, date: str) -> bool:
    if question.date:
        return date == question.date
    if question.month:
        return date.startswith(question.month)
    return not question.years or any(date.startswith(str(y)) for y in question.years)
