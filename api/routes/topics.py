"""Everything the committees dealt with about a topic, oldest first; JSON, Markdown or CSV."""

from __future__ import annotations

import csv
import io
from typing import Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import PlainTextResponse

from answer.engine import Material, Question, decision_summary, topic_terms
from api.deps import get_store
from index.store.sqlite import Store

router = APIRouter(tags=["topics"])

# The markdown and csv formats answer text, not JSON: the spec says so.
TEXT_FORMATS = {
    200: {"content": {"text/markdown": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}}}}
}
CSV_FIELDS = ("date", "committee", "item_id", "title", "outcome", "decision_text")


@router.get("/topics", summary="Agenda items and decisions about a topic, chronological", responses=TEXT_FORMATS)
def topic_history(
    q: str = Query(..., min_length=1, max_length=200),
    format: Literal["json", "markdown", "csv"] = "json",
    limit: int = Query(100, ge=1, le=100),
    store: Store = Depends(get_store),
):
    records = topic_records(q, store)[:limit]
    if format == "markdown":
        return PlainTextResponse(as_markdown(q, records), media_type="text/markdown; charset=utf-8")
    if format == "csv":
        return PlainTextResponse(as_csv(records), media_type="text/csv; charset=utf-8")
    return {"topic": q, "items": records}


def topic_records(topic: str, store: Store) -> list[dict]:
    material = Material.load(store)
    question = Question(text=topic, language="da", kind="history", years=(), date=None, terms=tuple(topic_terms(topic)))
    return [
        {**decision_summary(item, decision, material), "citations": material.quoter.records(item.citations[:1])}
        for item, decision in material.matching_items(question)
    ]


def as_markdown(topic: str, records: list[dict]) -> str:
    lines = [f"# {topic}", ""]
    for r in records:
        source = r["citations"][0] if r["citations"] else None
        where = f" ({source['source_file']}, linje {source['line_start']}-{source['line_end']})" if source else ""
        lines.append(f"- **{r['date']}** {r['committee']}: {r['title']} — {r['outcome'] or 'intet udfald'}{where}")
    return "\n".join(lines) + "\n"


def as_csv(records: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()
