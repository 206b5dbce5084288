"""Overview: counts and lists of goals and plan years (answer/goal_overview.py), and of agenda items per meeting."""

from __future__ import annotations

import re
from collections import defaultdict

from answer.goal_overview import goal_counts, plan_years, topic_beyond_kind
from answer.material import Material
from answer.passage_answers import answer_by_search
from answer.phrasing import Answer, Statement, date_in, no_evidence, say
from answer.question import Question
from answer.status_answers import answer_status

# A question about meetings or agenda items (not goals) when the overview is asked.
_ABOUT_ITEMS = re.compile(r"\b(punkt|punkter|dagsordenspunkt|møde|møder|mødet|items?|meetings?)\b", re.I)
# A question about the goals themselves (else a count is about what the goals measure).
_ABOUT_GOALS = re.compile(
    r"\b(mål|målene|målsætninger|følgemål|ministermål|delmål|indsatsområder|goals?|targets?)\b", re.I
)
# A question about which plan years the material holds.
_ABOUT_PLAN_YEARS = re.compile(r"\b(planår\w*|plan years?|hvilke år|which years)\b", re.I)


def answer_overview(question: Question, material: Material, searcher=None) -> Answer:
    """Items per meeting, or goals per plan year; a count of something else ('hvor mange virksomheder')
    is a goal's status figure or a figure in the running text."""
    if _ABOUT_PLAN_YEARS.search(question.text):
        return plan_years(question, material)
    if _ABOUT_ITEMS.search(question.text):
        return _item_overview(question, material)
    if not _ABOUT_GOALS.search(question.text):
        if material.resolve_goals(question):
            return answer_status(question, material, searcher)
        return answer_by_search(question, material, searcher)
    in_years = [
        g
        for g in material.goals.values()
        if (not question.years or g.plan_year in question.years) and material.in_scope(question, g.document_id)
    ]
    if topic_beyond_kind(question, material) and (topical := material.resolve_goals(question)):
        in_years = [g for g in in_years if g in topical] or in_years
    if not in_years:
        return answer_by_search(question, material, searcher)
    return goal_counts(question, material, in_years)


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
