"""What every chunk kind is built from: the Chunk record, the context one record's chunks share,
sentence-boundary splitting, and citations narrowed to a piece's own source lines.

Each chunk is small enough for the embedding model (e5-small reads at most 512 tokens; Danish runs
about 1.4 tokens a word, so ~350 words leaves room for the heading and the prompt). Long texts are
split on sentence boundaries. A chunk cites the source lines of its own text when the source lines
are given (located by matching the text against the record's cited line range), else the record's
citations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from maalspor.model import Citation, Document, SourceLine
from nlp.danish import MONTH_NAMES

MAX_CHUNK_WORDS = 350

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
class Context:
    """What every chunk of one record shares."""

    document: Document
    heading: str
    committee: str | None
    date: str | None
    year: int | None
    source_lines: Mapping[str, Sequence[SourceLine]]


# ------------------------------------------------------------------ splitting


def split_record(
    context: Context,
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
        record_chunk(
            context,
            record_id if len(pieces) == 1 else f"{record_id}#{position}",
            kind,
            piece,
            narrow_citations(piece, citations, context.source_lines) if narrow else list(citations),
            item_number,
            goal_id,
            field_name,
        )
        for position, piece in enumerate(pieces)
    ]


def record_chunk(
    context: Context,
    chunk_id: str,
    kind: str,
    text: str,
    citations: list[Citation],
    item_number: str | None = None,
    goal_id: str | None = None,
    field_name: str | None = None,
) -> Chunk:
    """One chunk of `text` under the context's heading, metadata and date."""
    return Chunk(
        id=chunk_id,
        text=text,
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
        citations=citations,
    )


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


def document_year(document: Document) -> int | None:
    return document.plan_year or year_of(document.meeting_date)


def year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def written_date(iso: str | None) -> str | None:
    """'2019-06-11' -> '11. juni 2019', the form a question uses."""
    if not iso or len(iso) != 10 or not iso[5:7].isdigit():
        return iso
    return f"{int(iso[8:10])}. {MONTH_NAMES[int(iso[5:7]) - 1]} {iso[:4]}"


def join(*parts: str | None) -> str:
    return " — ".join(part for part in parts if part)
