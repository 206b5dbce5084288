"""The material an answer draws on: documents, goals, links, threads and agenda items, read once per question."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from answer.question import Question, mentions
from answer.records import CitationQuoter
from maalspor.model import AgendaItem, Decision, Document, Goal, GoalLink, Thread
from nlp.decisions import meeting_decision

if TYPE_CHECKING:
    from index.store.sqlite import Store


@dataclass
class Material:
    """Everything an answer may draw on, read once per question."""

    documents: dict[str, Document]
    goals: dict[str, Goal]
    links: list[GoalLink]
    threads: list[Thread]
    items: list[AgendaItem]
    quoter: CitationQuoter

    @classmethod
    def load(cls, store: Store) -> Material:
        return cls(
            {d.id: d for d in store.documents()},
            {g.id: g for g in store.goals()},
            store.links(),
            store.threads(),
            store.items(),
            CitationQuoter(store),
        )

    def thread_of(self, goal_id: str) -> Thread | None:
        return next((t for t in self.threads if any(goal_id in ids for ids in t.goals_by_year.values())), None)

    def matching_goals(self, terms: tuple[str, ...]) -> list[Goal]:
        return [g for g in self.goals.values() if terms and mentions(g.wording, terms)]

    def matching_items(self, question: Question) -> list[tuple[AgendaItem, Decision | None]]:
        """Items whose title names the topic (else whose text does), in a named year; oldest first."""

        def in_years(item: AgendaItem, decision: Decision | None) -> bool:
            dates = {(decision.date if decision else None) or "", self.documents[item.document_id].meeting_date or ""}
            return all(str(y) in item.title or any(d.startswith(str(y)) for d in dates) for y in question.years)

        def text_of(item: AgendaItem) -> str:
            return " ".join(filter(None, (item.title, item.resume, item.recommendation_text, item.case_text)))

        candidates = [(item, meeting_decision(item, self.documents[item.document_id])) for item in self.items]
        candidates = [(item, decision) for item, decision in candidates if in_years(item, decision)]
        if not question.terms:
            return []
        found = [c for c in candidates if mentions(c[0].title, question.terms)] or [
            c for c in candidates if mentions(text_of(c[0]), question.terms)
        ]
        return sorted(found, key=lambda c: ((c[1].date if c[1] else None) or "", c[0].embedded))


def decision_summary(item: AgendaItem, decision: Decision | None, material: Material) -> dict:
    document = material.documents[item.document_id]
    return {
        "item_id": item.id,
        "title": item.title,
        "committee": decision.committee if decision else document.committee,
        "date": (decision.date if decision else None) or document.meeting_date,
        "outcome": decision.outcome if decision else None,
        "decision_text": decision.text if decision else None,
        "attachments": item.attachments,
    }
