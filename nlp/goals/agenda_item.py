"""Goals an agenda item presents or quotes: a plan's goal list, or the year's ministerial goals
('Beskæftigelsesministeren har for 2023 valgt at videreføre de fem mål fra 2022 …;' then '1. …')."""

from __future__ import annotations

import re

from maalspor.model import CleanText, Document, Goal, Origin, SourceContext
from nlp.goals.goal_lists import GoalEntry, GoalList, goal_lists
from nlp.goals.shared import make_goal
from nlp.lines import Line

# An item presents goals of a plan or policy ('beskæftigelsesplanen', 'Vækst- og Erhvervspolitikken',
# 'strategien', 'handleplan'); a project's or a meeting's aims are not goals of the municipality.
_PLAN_OR_POLICY = re.compile(r"\w*(?:plan|politik|strategi)(?:en|ken|er|erne)?\b", re.I)


def agenda_item_goals(clean: CleanText, lines: list[Line], document: Document, taken: set[str]) -> list[Goal]:
    """Goals of the goal lists in minutes that the ministry issues or a plan or policy sets, for the
    year their introducing paragraph names; goals with an id in `taken` are left out, being read already."""
    goals: list[Goal] = []
    for found in goal_lists(lines):
        if found.year is None or not (found.ministerial or _PLAN_OR_POLICY.search(found.paragraph)):
            continue
        for entry in found.entries:
            goal = _goal(clean, document, found.year, found, entry)
            if goal.id not in taken:
                taken.add(goal.id)
                goals.append(goal)
    return goals


def _goal(clean: CleanText, document: Document, year: int, found: GoalList, entry: GoalEntry) -> Goal:
    origin = Origin.MINISTERIAL if found.ministerial else Origin.LOCAL
    number = f"ministermål {entry.number}" if found.ministerial else entry.number
    citations = [clean.cite(entry.lines[0].start, entry.lines[-1].end), clean.cite(found.intro.start, found.intro.end)]
    goal = make_goal(document, year, number, entry.wording, origin, SourceContext.AGENDA_ITEM, citations)
    goal.truncated = found.truncated and entry is found.entries[-1]
    return goal
