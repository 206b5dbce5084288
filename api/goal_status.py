"""A thread's status figures as sentences judged against the target, phrased by the answer module
(answer.status_answers), with quoted citations for the page."""

from __future__ import annotations

from answer.question import Question
from answer.records import CitationQuoter
from answer.status_answers import status_statements
from index.store.sqlite import Store

# A status question with no period named: every reported figure of the goal, in Danish.
EVERY_STATUS = Question(text="", language="da", kind="status", years=(), date=None, terms=())


def status_sentences(timeline: dict, store: Store) -> dict[str, list[dict]]:
    """goal id -> its status sentences ('Status marts 2019 …: 41,3 pct. — målet (40 pct.) er nået.')."""
    shown = {goal["id"] for year in timeline["years"] for goal in year["goals"] if goal["status"]}
    quoter = CitationQuoter(store)
    return {
        goal.id: [
            {"text": s.text, "citations": quoter.records(s.citations)} for s in status_statements(EVERY_STATUS, goal)
        ]
        for goal in store.goals()
        if goal.id in shown
    }
