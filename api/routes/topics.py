"""Everything the committees dealt with about a topic, oldest first; JSON, Markdown or CSV."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

from answer.schema import TopicHistory
from answer.topics import as_csv, as_markdown, topic_records
from api.routes.responses import Limit, StoreDep, Words

router = APIRouter(tags=["topics"])

# The markdown and csv formats answer text, not JSON: the spec says so.
TEXT_FORMATS: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/markdown": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}}}}
}


@router.get(
    "/topics",
    summary="Agenda items and decisions about a topic, chronological",
    responses=TEXT_FORMATS,
    response_model=TopicHistory,
)
@router.get("/topics.{format}", include_in_schema=False, response_model=TopicHistory)
def topic_history(store: StoreDep, q: Words, format: Literal["json", "markdown", "csv"] = "json", limit: Limit = 100):
    records = topic_records(q, store)[:limit]
    if format == "markdown":
        return PlainTextResponse(as_markdown(q, records), media_type="text/markdown; charset=utf-8")
    if format == "csv":
        return PlainTextResponse(as_csv(records), media_type="text/csv; charset=utf-8")
    return {"topic": q, "items": records}
