"""The export records: the JSON contract other tools read (schema documented in README.md)."""
from __future__ import annotations

from dataclasses import asdict

from index.plan_links import meeting_decision
from index.lineage import GoalLink
from index.store import Store
from index.threads import Thread, build_threads
from maalspor.model import AgendaItem, Document, Goal, Section

EXPORT_KINDS = ("documents", "goals", "decisions", "sections", "links", "threads")


def export_records(store: Store, kind: str) -> list[dict]:
    if kind == "documents":
        return [document_record(d) for d in store.documents()]
    if kind == "goals":
        return [goal_record(g) for g in store.goals()]
    if kind == "sections":
        return [section_record(s) for s in store.sections()]
    if kind == "decisions":
        documents = {d.id: d for d in store.documents()}
        return [decision_record(item, documents[item.document_id]) for item in store.items(include_embedded=False)]
    if kind == "links":
        return [link_record(link) for link in store.links()]
    if kind == "threads":
        return [thread_record(t) for t in build_threads(store.goals(), store.links())]
    raise ValueError(f"unknown export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}")


def document_record(document: Document) -> dict:
    record = asdict(document)
    record["kind"] = document.kind.value
    return record


def goal_record(goal: Goal) -> dict:
    return asdict(goal)


def section_record(section: Section) -> dict:
    return asdict(section)


def decision_record(item: AgendaItem, document: Document) -> dict:
    decision = meeting_decision(item, document)
    return {
        "id": item.id,
        "document_id": item.document_id,
        "committee": document.committee,
        "meeting_date": document.meeting_date,
        "item_number": item.number,
        "title": item.title,
        "item_type": item.item_type,
        "recommendation": item.recommendation_text,
        "recommendations": [asdict(r) for r in item.recommendations],
        "decision_text": decision.text if decision else None,
        "decision_date": decision.date if decision else None,
        "outcome": decision.outcome if decision else None,
        "outcome_by_recommendation": decision.outcome_by_recommendation if decision else {},
        "absent": [asdict(a) for a in decision.absent] if decision else [],
        "attachments": item.attachments,
        "all_decisions": [asdict(d) for d in item.decisions],
        "citations": [asdict(c) for c in item.citations],
    }


def link_record(link: GoalLink) -> dict:
    return asdict(link)


def thread_record(thread: Thread) -> dict:
    return {"id": thread.id, "label": thread.label,
            "goals_by_year": {str(year): ids for year, ids in sorted(thread.goals_by_year.items())}}
