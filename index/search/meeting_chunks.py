"""Chunks of a meeting: per agenda item its heading, fields, attachment list and decisions, and the
attendance lines of the minutes.

A question about a meeting names it by what these chunks lead with: an item's heading chunk carries
the title with the body, the written date and the municipality ("when was X on the agenda"); a
decision's heading holds the item title, the deciding body and the date; the attendance lines
("Fraværende: …", "… var fraværende.", "Deltagere: …") are their own chunk, headed by the item they
sit in, so "who was absent when X was discussed" finds the line that says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from index.search.chunk_text import (
    Chunk,
    Context,
    join,
    narrow_citations,
    record_chunk,
    split_record,
    written_date,
    year_of,
)
from maalspor.model import AgendaItem, Citation, DocKind, SourceLine
from nlp.decisions import is_absence_line, meeting_decision

# AgendaItem attribute -> the Danish field name used as the chunk heading
ITEM_FIELDS: dict[str, str] = {
    "resume": "Resumé",
    "recommendation_text": "Indstilling",
    "case_text": "Sagsfremstilling",
    "legal_basis": "Lovgrundlag",
    "economy": "Økonomi",
    "competence": "Beslutningskompetence",
}

# Labels that open a list of who attended or not; the names follow on the line or the next ones.
ATTENDANCE_LABEL = re.compile(
    r"^\s*(?:fraværende|afbud|fravær|deltagere|mødedeltagere|til\s*stede|tilstede|present|absent|apologies)\b",
    re.I,
)
# A cheap test before the member grammar of nlp.decisions runs on a line.
_MAY_NAME_MEMBERS = re.compile(r"fravær|afbud|deltog|stede|mødte|stedfortræder|suppleant|\([A-ZÆØÅ]{1,4}\)", re.I)
# An attendance list longer than this is no list: the run is cut there.
MAX_ATTENDANCE_LINES = 30


def item_chunks(base: Context, item: AgendaItem) -> list[Chunk]:
    """The item's heading, fields, attachment list and decisions."""
    own_decision = meeting_decision(item, base.document)
    # An embedded item is an earlier meeting's: it is dated by its own decision, not by this meeting.
    date = own_decision.date if own_decision and item.embedded else base.date
    context = replace(
        base, heading=join(f"Punkt {item.number}", item.title), date=date, year=year_of(date) or base.year
    )
    chunks = _heading_chunk(context, item)
    for attribute, label in ITEM_FIELDS.items():
        text = getattr(item, attribute)
        if text:
            field_context = replace(context, heading=f"{context.heading} — {label}")
            # a field is only part of the item, whose citations span all of it: always narrow
            chunks += split_record(
                field_context,
                f"{item.id}:{attribute}",
                "item-field",
                text,
                item.citations,
                narrow=True,
                item_number=item.number,
                field_name=attribute,
            )
    chunks += _attachment_chunk(context, item)
    chunks += _decision_chunks(context, item)
    return chunks


def _heading_chunk(context: Context, item: AgendaItem) -> list[Chunk]:
    """The item's number and title under the meeting (body, date, municipality), cited at the heading line."""
    if not item.citations:
        return []
    located = narrow_citations(item.title, item.citations, context.source_lines)
    first = item.citations[0]
    line = located[0] if located != item.citations else replace(first, line_end=first.line_start)
    meeting = replace(
        context,
        heading=join(
            context.document.title, context.committee, written_date(context.date), context.document.municipality
        ),
    )
    text = f"Punkt {item.number}: {item.title}"
    return [record_chunk(meeting, f"{item.id}:heading", "item", text, [line], item_number=item.number)]


def _attachment_chunk(context: Context, item: AgendaItem) -> list[Chunk]:
    """The item's attachment list as one chunk, cited from its first to its last attachment line."""
    if not item.attachments:
        return []
    first = narrow_citations(item.attachments[0], item.citations, context.source_lines)
    last = narrow_citations(item.attachments[-1], item.citations, context.source_lines)
    span = first[:1]
    if first and last and first != item.citations and last != item.citations and first[0].page == last[0].page:
        span = [replace(first[0], line_end=max(first[0].line_end, last[0].line_end))]
    listing = replace(context, heading=f"{context.heading} — Bilag")
    text = "\n".join(item.attachments)
    return [
        record_chunk(listing, f"{item.id}:attachments", "attachments", text, span or list(item.citations), item.number)
    ]


def _decision_chunks(context: Context, item: AgendaItem) -> list[Chunk]:
    chunks: list[Chunk] = []
    for position, decision in enumerate(item.decisions):
        decision_context = replace(
            context,
            heading=join(context.heading, f"Beslutning {decision.committee}", written_date(decision.date)),
            committee=decision.committee,
            date=decision.date,
            year=year_of(decision.date) or context.year,
        )
        chunks += split_record(
            decision_context,
            f"{item.id}:decision-{position}",
            "decision",
            decision.text,
            decision.citations or item.citations,
            narrow=not decision.citations,
            item_number=item.number,
        )
    return chunks


# ------------------------------------------------------------------ attendance


def attendance_chunks(base: Context, items: Sequence[AgendaItem]) -> list[Chunk]:
    """One chunk per run of attendance lines in the document's own source, headed by the meeting and by
    the agenda item whose lines hold the run (the meeting's opening lines belong to no item)."""
    if base.document.kind is DocKind.PLAN:  # a plan records no meeting
        return []
    lines = base.source_lines.get(base.document.source_file, ())
    chunks = []
    for run in _attendance_runs(lines):
        first, last = run[0], run[-1]
        item = _item_at(items, base.document.source_file, first)
        where = join(f"Punkt {item.number}", item.title) if item else None
        context = replace(
            base,
            heading=join(
                "Fremmøde og fravær", where, base.committee, written_date(base.date), base.document.municipality
            ),
        )
        citation = Citation(base.document.source_file, first.page, first.line, last.line)
        text = "\n".join(" ".join(line.text.split()) for line in run)
        chunk_id = f"{base.document.id}:attendance-{first.page or 0}-{first.line}"
        chunks.append(record_chunk(context, chunk_id, "attendance", text, [citation], item.number if item else None))
    return chunks


def _attendance_runs(lines: Sequence[SourceLine]) -> list[list[SourceLine]]:
    """Runs of consecutive lines (blank lines skipped) that name who attended or was absent."""
    runs: list[list[SourceLine]] = []
    current: list[SourceLine] = []
    for line in lines:
        if not line.text.strip():
            continue
        if _is_attendance(line.text) and len(current) < MAX_ATTENDANCE_LINES:
            current.append(line)
            continue
        if current:
            runs.append(current)
        current = [line] if _is_attendance(line.text) else []
    if current:
        runs.append(current)
    return runs


def _is_attendance(text: str) -> bool:
    return bool(ATTENDANCE_LABEL.match(text)) or (bool(_MAY_NAME_MEMBERS.search(text)) and is_absence_line(text))


def _item_at(items: Sequence[AgendaItem], source_file: str, line: SourceLine) -> AgendaItem | None:
    """The narrowest item whose cited lines hold `line`."""
    holding = [
        (citation.line_end - citation.line_start, item)
        for item in items
        for citation in item.citations
        if citation.source_file == source_file
        and citation.page == line.page
        and citation.line_start <= line.line <= citation.line_end
    ]
    return min(holding, key=lambda pair: pair[0])[1] if holding else None
