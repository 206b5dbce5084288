"""Cut a document's records into search chunks: sections, goals, status rows, agenda-item fields,
attachment lists and decisions.

A chunk carries what a question names it by: a status row is prefixed with its goal; a decision's
heading holds the item title, the deciding body and the date; an item's attachments are one chunk.

Each chunk is small enough for the embedding model (e5-small reads at most 512 tokens; Danish runs
about 1.4 tokens a word, so ~350 words leaves room for the heading and the prompt). Long texts are
split on sentence boundaries. A chunk cites the source lines of its own text when the source lines
are given (located by matching the text against the record's cited line range), else the record's
citations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from maalspor.model import AgendaItem, Citation, Document, Goal, Section, SourceLine
from nlp.danish import MONTH_NAMES
from nlp.decisions import meeting_decision

MAX_CHUNK_WORDS = 350
CHUNK_KINDS = ("section", "goal", "status", "item-field", "attachments", "decision")

# AgendaItem attribute -> the Danish field name used as the chunk heading
ITEM_FIELDS: dict[str, str] = {
    "resume": "Resumé",
    "recommendation_text": "Indstilling",
    "case_text": "Sagsfremstilling",
    "legal_basis": "Lovgrundlag",
    "economy": "Økonomi",
    "competence": "Beslutningskompetence",
}

# How many normalised characters of a chunk's start and end are searched for in the source lines.
_ANCHOR_CHARS = 48


@dataclass
class Chunk:
    id: str
    text: str
    kind: str  # one of CHUNK_KINDS
    heading: str  # document / section / item title the text belongs to; indexed with the text
    document_id: str
    doc_kind: str
    municipality: str | None
    committee: str | None
    date: str | None  # ISO yyyy-mm-dd: meeting or decision date
    year: int | None  # plan year, else the year of `date`
    item_number: str | None = None
    goal_id: str | None = None
    item_field: str | None = None  # which agenda-item field an "item-field" chunk holds
    citations: list[Citation] = field(default_factory=list)

    @property
    def indexed_text(self) -> str:
        return f"{self.heading}\n{self.text}" if self.heading else self.text

    def metadata(self) -> dict[str, str | int]:
        """The scalar metadata filters and hits use (None values left out: chromadb rejects them)."""
        values = {
            "document_id": self.document_id,
            "doc_kind": self.doc_kind,
            "kind": self.kind,
            "municipality": self.municipality,
            "committee": self.committee,
            "date": self.date,
            "year": self.year,
            "item_number": self.item_number,
            "goal_id": self.goal_id,
            "item_field": self.item_field,
            "heading": self.heading,
        }
        return {key: value for key, value in values.items() if value is not None}


@dataclass(frozen=True)
class _Context:
    """What every chunk of one record shares."""

    document: Document
    heading: str
    committee: str | None
    date: str | None
    year: int | None
    source_lines: Mapping[str, Sequence[SourceLine]]


# ------------------------------------------------------------------ entry point


def chunks_for_document(
    document: Document,
    sections: Iterable[Section],
    goals: Iterable[Goal],
    items: Iterable[AgendaItem],
    source_lines: Mapping[str, Sequence[SourceLine]] | None = None,
) -> list[Chunk]:
    """All chunks of one document; `source_lines` (source file -> its lines) narrows citations."""
    lines = source_lines or {}
    chunks: list[Chunk] = []
    base = _Context(
        document,
        document.title or document.id,
        document.committee,
        document.meeting_date,
        _document_year(document),
        lines,
    )
    for section in sections:
        context = _with(base, heading=_join(document.title, section.title))
        chunks += _split_record(context, section.id, "section", section.text, section.citations, narrow=False)
    for goal in goals:
        context = _with(base, heading=_join(document.title, "Mål"), year=goal.plan_year)
        chunks += _split_record(
            context, goal.id, "goal", goal_text(goal), goal.citations, narrow=False, goal_id=goal.id
        )
        chunks += _status_chunks(_with(context, heading=_join(document.title, "Status")), goal)
    for item in items:
        chunks += _item_chunks(base, item)
    return chunks


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


def _status_chunks(context: _Context, goal: Goal) -> list[Chunk]:
    """One chunk per reported status row, led by the goal it measures (the row alone is only numbers)."""
    chunks: list[Chunk] = []
    for position, status in enumerate(goal.status):
        text = f"Status {status.date or ''} for mål {goal.number}: {goal.wording}\n{' '.join(status.text.split())}"
        chunks += _split_record(
            context,
            f"{goal.id}:status-{position}",
            "status",
            text,
            status.citations or goal.citations,
            narrow=False,
            goal_id=goal.id,
        )
    return chunks


# ------------------------------------------------------------------ agenda items


def _item_chunks(base: _Context, item: AgendaItem) -> list[Chunk]:
    own_decision = meeting_decision(item, base.document)
    # An embedded item is an earlier meeting's: it is dated by its own decision, not by this meeting.
    date = own_decision.date if own_decision and item.embedded else base.date
    context = _with(
        base, heading=_join(f"Punkt {item.number}", item.title), date=date, year=_year_of(date) or base.year
    )
    chunks: list[Chunk] = []
    for attribute, label in ITEM_FIELDS.items():
        text = getattr(item, attribute)
        if text:
            field_context = _with(context, heading=f"{context.heading} — {label}")
            # a field is only part of the item, whose citations span all of it: always narrow
            chunks += _split_record(
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
    for position, decision in enumerate(item.decisions):
        decision_context = _with(
            context,
            heading=_join(context.heading, f"Beslutning {decision.committee}", _written_date(decision.date)),
            committee=decision.committee,
            date=decision.date,
            year=_year_of(decision.date) or context.year,
        )
        chunks += _split_record(
            decision_context,
            f"{item.id}:decision-{position}",
            "decision",
            decision.text,
            decision.citations or item.citations,
            narrow=not decision.citations,
            item_number=item.number,
        )
    return chunks


def _attachment_chunk(context: _Context, item: AgendaItem) -> list[Chunk]:
    """The item's attachment list as one chunk, cited from its first to its last attachment line."""
    if not item.attachments:
        return []
    first = narrow_citations(item.attachments[0], item.citations, context.source_lines)
    last = narrow_citations(item.attachments[-1], item.citations, context.source_lines)
    span = first[:1]
    if first and last and first != item.citations and last != item.citations and first[0].page == last[0].page:
        span = [replace(first[0], line_end=max(first[0].line_end, last[0].line_end))]
    return [
        Chunk(
            id=f"{item.id}:attachments",
            text="\n".join(item.attachments),
            kind="attachments",
            heading=f"{context.heading} — Bilag",
            document_id=context.document.id,
            doc_kind=context.document.kind.value,
            municipality=context.document.municipality,
            committee=context.committee,
            date=context.date,
            year=context.year,
            item_number=item.number,
            citations=span or list(item.citations),
        )
    ]


# ------------------------------------------------------------------ splitting


def _split_record(
    context: _Context,
    record_id: str,
    kind: str,
    text: str,
    citations: list[Citation],
    narrow: bool,
    item_number: str | None = None,
    goal_id: str | None = None,
    field_name: str | None = None,
) -> list[Chunk]:
    """Chunks of one record's text; `narrow` says the citations cover more than `text`."""
    pieces = split_text(text)
    # A record kept whole keeps all its citations (a goal may be cited where it recurs); a piece
    # of it cites only its own lines.
    narrow = narrow or len(pieces) > 1
    return [
        Chunk(
            id=record_id if len(pieces) == 1 else f"{record_id}#{position}",
            text=piece,
            kind=kind,
            heading=context.heading,
            document_id=context.document.id,
            doc_kind=context.document.kind.value,
            municipality=context.document.municipality,
            committee=context.committee,
            date=context.date,
            year=context.year,
            item_number=item_number,
            goal_id=goal_id,
            item_field=field_name,
            citations=narrow_citations(piece, citations, context.source_lines) if narrow else list(citations),
        )
        for position, piece in enumerate(pieces)
    ]


def split_text(text: str, max_words: int = MAX_CHUNK_WORDS) -> list[str]:
    """Pack whole sentences into pieces of at most `max_words` words; an over-long sentence is cut."""
    text = text.strip()
    if not text:
        return []
    if len(text.split()) <= max_words:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    current_words = 0
    for sentence in _sentences(text):
        for part in _cut_words(sentence, max_words):
            words = len(part.split())
            if current and current_words + words > max_words:
                pieces.append(" ".join(current))
                current, current_words = [], 0
            current.append(part)
            current_words += words
    if current:
        pieces.append(" ".join(current))
    return pieces


def _sentences(text: str) -> list[str]:
    try:
        from nlp.language import sentences
    except ImportError:  # the spaCy pipeline is optional here; a regex split is close enough for sizing
        return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])|\n{2,}", text) if s.strip()]
    return sentences(text)


def _cut_words(sentence: str, max_words: int) -> list[str]:
    words = sentence.split()
    return [" ".join(words[start : start + max_words]) for start in range(0, len(words), max_words)]


# ------------------------------------------------------------------ citations


def narrow_citations(
    piece: str, citations: list[Citation], source_lines: Mapping[str, Sequence[SourceLine]]
) -> list[Citation]:
    """The line span of `piece` inside the first record citation that contains it, else `citations`."""
    for citation in citations:
        narrowed = _locate(piece, citation, source_lines.get(citation.source_file, ()))
        if narrowed is not None:
            return [narrowed]
    return list(citations)


def _locate(piece: str, citation: Citation, lines: Sequence[SourceLine]) -> Citation | None:
    cited = [
        line for line in lines if line.page == citation.page and citation.line_start <= line.line <= citation.line_end
    ]
    if not cited:
        return None
    # Compare letters and digits only: the normaliser rejoins hyphenations and split words and
    # drops bullets, so the chunk's text differs from the source lines in everything else.
    normalised_lines = [_normalise(line.text) for line in cited]
    owners = [index for index, normalised in enumerate(normalised_lines) for _ in normalised]
    haystack = "".join(normalised_lines)
    needle = _normalise(piece)
    if not needle:
        return None
    start = haystack.find(needle[:_ANCHOR_CHARS])
    if start < 0:
        return None
    tail = needle[-_ANCHOR_CHARS:]
    # The source holds at least the chunk's text (plus page furniture the normaliser dropped), so the
    # tail lies no earlier than this; searching from here skips an earlier repeat of the same words.
    end = haystack.find(tail, max(start, start + len(needle) - len(tail) - _ANCHOR_CHARS))
    # Tail not found (table cells the normaliser reordered): as many characters from the start as the piece
    # holds, so the citation stays as long as the quote instead of widening to the whole record.
    last_char = end + len(tail) - 1 if end >= 0 else min(start + len(needle), len(haystack)) - 1
    first, last = cited[owners[start]], cited[owners[last_char]]
    return Citation(citation.source_file, citation.page, first.line, max(first.line, last.line))


def _normalise(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


# ------------------------------------------------------------------ small helpers


def _document_year(document: Document) -> int | None:
    return document.plan_year or _year_of(document.meeting_date)


def _year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _written_date(iso: str | None) -> str | None:
    """'2019-06-11' -> '11. juni 2019', the form a question uses."""
    if not iso or len(iso) != 10 or not iso[5:7].isdigit():
        return iso
    return f"{int(iso[8:10])}. {MONTH_NAMES[int(iso[5:7]) - 1]} {iso[:4]}"


def _join(*parts: str | None) -> str:
    return " — ".join(part for part in parts if part)


def _with(context: _Context, **changes) -> _Context:
    return replace(context, **changes)
