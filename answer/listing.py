"""Goals and decisions selected by the filters of the API's list endpoints, with quoted citations."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from answer.question import topic_terms
from answer.records import CitationQuoter, decision_record, goal_record
from answer.topic import mentions

if TYPE_CHECKING:
    from index.store.sqlite import Store


def select_goals(
    store: Store,
    year: int | None = None,
    origin: str | None = None,
    q: str | None = None,
    page: slice = slice(None),
) -> list[dict]:
    """The `page` of the goals of plan year `year` and `origin` whose wording names every word of `q`; citations quoted."""
    terms = topic_terms(q) if q else []
    goals = [
        g
        for g in store.goals()
        if (year is None or g.plan_year == year)
        and (origin is None or g.origin == origin)
        and mentions(g.wording, terms)
    ]
    quoter = CitationQuoter(store)
    return [{**goal_record(g), "citations": quoter.records(g.citations)} for g in goals[page]]


def select_decisions(
    store: Store,
    committee: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    outcome: str | None = None,
    q: str | None = None,
    page: slice = slice(None),
) -> list[dict]:
    """The `page` of the decision records matching every filter given, oldest meeting first; citations quoted."""
    documents = {d.id: d for d in store.documents()}
    records = [
        (item, decision_record(item, documents[item.document_id])) for item in store.items(include_embedded=False)
    ]
    terms = topic_terms(q) if q else []
    selected = [
        (item, r)
        for item, r in records
        if (committee is None or committee.casefold() in (r["committee"] or "").casefold())
        and (date_from is None or (r["meeting_date"] or "") >= date_from.isoformat())
        and (date_to is None or (r["meeting_date"] or "9999") <= date_to.isoformat())
        and (outcome is None or (r["outcome"] or "").casefold() == outcome.casefold())
        and mentions(" ".join(filter(None, (r["title"], r["decision_text"], r["recommendation"]))), terms)
    ]
    selected.sort(key=lambda pair: (pair[1]["meeting_date"] or "", pair[1]["document_id"]))
    quoter = CitationQuoter(store)
    return [{**r, "citations": quoter.records(item.citations)} for item, r in selected[page]]
