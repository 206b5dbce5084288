"""Agenda items with the meeting's decision, filtered by committee, date, outcome and words."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from answer.engine import mentions, topic_terms
from answer.records import CitationQuoter, decision_record
from api.deps import get_store
from api.routes.responses import IsoDate
from index.store.sqlite import Store

router = APIRouter(tags=["decisions"])


@router.get("/decisions", summary="Decisions (one per agenda item), oldest meeting first")
def list_decisions(
    committee: str | None = Query(None, min_length=1, max_length=200),
    date_from: IsoDate | None = None,
    date_to: IsoDate | None = None,
    outcome: str | None = Query(None, min_length=1, max_length=100),
    q: str | None = Query(None, min_length=1, max_length=200),
    offset: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=100),
    store: Store = Depends(get_store),
) -> list[dict]:
    documents = {d.id: d for d in store.documents()}
    items = store.items(include_embedded=False)
    records = [(item, decision_record(item, documents[item.document_id])) for item in items]
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
    return [{**r, "citations": quoter.records(item.citations)} for item, r in selected[offset : offset + limit]]
