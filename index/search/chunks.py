"""Cut a document's records into search chunks: sections, goals, status rows, and per meeting its agenda
items (heading, fields, attachment lists, decisions) and attendance lines (index/search/meeting_chunks.py), and
the running text no record holds (index/search/running_text.py).

A chunk carries what a question names it by: a status row is prefixed with its goal; an item's heading
carries the meeting's body, date and municipality. How records are split and cited: chunk_text.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from index.search.chunk_text import (
    MAX_CHUNK_WORDS,
    Chunk,
    Context,
    document_year,
    join,
    narrow_citations,
    split_record,
    split_text,
)
from index.search.meeting_chunks import attendance_chunks, item_chunks
from index.search.running_text import running_text_chunks
from maalspor.model import AgendaItem, Document, Goal, Section, SourceLine

__all__ = [
    "CHUNK_KINDS",
    "MAX_CHUNK_WORDS",
    "Chunk",
    "chunks_for_document",
    "goal_text",
    "narrow_citations",
    "split_text",
]

CHUNK_KINDS = ("section", "goal", "status", "item", "item-field", "attachments", "decision", "attendance")


# ------------------------------------------------------------------ entry point


def chunks_for_document(
    document: Document,
    sections: Sequence[Section],
    goals: Sequence[Goal],
    items: Sequence[AgendaItem],
    source_lines: Mapping[str, Sequence[SourceLine]] | None = None,
) -> list[Chunk]:
    """All chunks of one document; `source_lines` (source file -> its lines) narrows citations."""
    lines = source_lines or {}
    chunks: list[Chunk] = []
    base = Context(
        document,
        document.title or document.id,
        document.committee,
        document.meeting_date,
        document_year(document),
        lines,
    )
    for section in sections:
        context = replace(base, heading=join(document.title, section.title))
        chunks += split_record(context, section.id, "section", section.text, section.citations, narrow=False)
    for goal in goals:
        context = replace(base, heading=join(document.title, "Mål"), year=goal.plan_year)
        chunks += split_record(context, goal.id, "goal", goal_text(goal), goal.citations, narrow=False, goal_id=goal.id)
        chunks += _status_chunks(replace(context, heading=join(document.title, "Status")), goal)
    for item in items:
        chunks += item_chunks(base, item)
    chunks += attendance_chunks(base, items)
    records: list[Section | Goal | AgendaItem] = [*sections, *goals, *items]
    held = [c for record in records for c in record.citations] + [c for chunk in chunks for c in chunk.citations]
    return chunks + running_text_chunks(base, held)


def goal_text(goal: Goal) -> str:
    """The goal's wording with the target parts the wording does not already say."""
    parts = [goal.wording]
    targets = ([goal.target] if goal.target else []) + goal.sub_targets
    parts += [target.text for target in targets if target.text and target.text not in goal.wording]
    if goal.target_group and goal.target_group.lower() not in goal.wording.lower():
        parts.append(f"Målgruppe: {goal.target_group}")
    if goal.period and goal.period.text:
        parts.append(goal.period.text)
    return "\n".join(parts)


def _status_chunks(context: Context, goal: Goal) -> list[Chunk]:
    """One chunk per reported status row, led by the goal it measures (the row alone is only numbers)."""
    chunks: list[Chunk] = []
    for position, status in enumerate(goal.status):
        text = f"Status {status.date or ''} for mål {goal.number}: {goal.wording}\n{' '.join(status.text.split())}"
        chunks += split_record(
            context,
            f"{goal.id}:status-{position}",
            "status",
            text,
            status.citations or goal.citations,
            narrow=False,
            goal_id=goal.id,
        )
    return chunks
