"""The targets a plan sets for a goal in its running text, where the goal list gives the goal without one.

Danish employment plans list the minister's goals as bare sentences ('Alle ledige skal have en værdig
sagsbehandling') and set the municipality's own measures for them in the section that follows the goal up
('Opfølgning på …': 'På denne baggrund opstilles følgende målsætninger: Minimum 60 pct. af borgerne …').
That section repeats the goal's words in its heading or text and states a share or a count to reach.
"""

from __future__ import annotations

import re

from answer.material import Material
from answer.passages import best_passages, cite, quote
from answer.phrasing import Statement, goal_name, say
from answer.question import Question, topic_terms
from answer.topic import TermMatcher
from maalspor.model import Goal

# The share of the goal's words a section's title repeats when the section follows the goal up.
HEADING_SHARE = 0.6
# A figure to reach: 'Minimum 60 pct.', 'mindst 75 %', 'højst 200 personer', '80 procent af borgerne skal'.
_TARGET_FIGURE = re.compile(
    r"\b(minimum|maksimum|mindst|højst|min\.|maks\.|at least|at most)\s+\d+(?:,\d+)?\s*(pct|procent|%|personer)"
    r"|\b\d+(?:,\d+)?\s*(pct\.?|procent|%) af \w+ skal\b",
    re.I,
)


def plan_targets(question: Question, goal: Goal, material: Material) -> list[Statement]:
    """The passage of the goal's own document that sets figures for a goal without a target of its own."""
    if goal.target is not None or material.documents[goal.document_id].kind.value != "plan":
        return []  # minutes print goals in status tables, whose figures are status, not targets
    terms = tuple(topic_terms(goal.wording))
    title = material.documents[goal.document_id].title or ""
    passages = [
        p
        for p in material.passages(question, [goal.document_id])
        if _TARGET_FIGURE.search(p.text) and _names_goal(p.heading.removeprefix(title), terms)
    ]
    found = best_passages(passages, terms, "status", limit=1)
    return [
        Statement(
            say(
                question,
                f"Planen sætter i teksten disse målsætninger for {goal_name(question, goal)} ({goal.plan_year}): "
                f"“{quote(f.passage)}”",
                f"The plan's text sets these targets for {goal_name(question, goal)} ({goal.plan_year}): "
                f"“{quote(f.passage)}”",
            ),
            cite(f.passage, material.quoter.source_lines),
        )
        for f in found
    ]


def _names_goal(section_title: str, terms: tuple[str, ...]) -> bool:
    """The section's title repeats most of the goal's words ('Opfølgning på at alle ledige skal have en værdig
    sagsbehandling'): the section follows that goal up, not another goal of the same plan."""
    return bool(terms) and len(TermMatcher(terms).matched(section_title)) >= HEADING_SHARE * len(terms)
