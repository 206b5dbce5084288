"""Chunks of the running text no record holds: the rest of a document's own source lines.

The parsers turn what they recognise into records (sections, goals, agenda-item fields, decisions), and
the other chunk kinds cut those. What they do not recognise stays text nobody can find: the status
report and the full plan printed after a meeting's last item, the prose between a plan's goal tables.
A question about a fact in that text ("how many companies are there in the municipality", "why did
the intake fall less than in the cluster") needs it searchable, so every stretch of source lines that
no record or chunk cites becomes a "section" chunk: paragraphs (blank-line separated) packed up to
RUNNING_TEXT_WORDS words, cited at their own lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from index.search.chunk_text import Chunk, Context, join, record_chunk
from maalspor.model import Citation, SourceLine

# The mark in a running-text chunk's id ('<document id>:text-<page>-<line>'), by which readers tell it.
RUNNING_TEXT_ID = ":text-"
# Smaller than a record's chunk: a stretch of uncovered text has no heading saying what it is about, so a
# short one keeps its topic words from drowning in its neighbours'.
RUNNING_TEXT_WORDS = 120
# Stretches shorter than this are page furniture (a page number, a running header), not text.
MIN_WORDS = 8


def running_text_chunks(context: Context, held: Iterable[Citation]) -> list[Chunk]:
    """Chunks of the document's own source lines that no citation in `held` (the records' and their
    chunks') spans."""
    source_file = context.document.source_file
    lines = context.source_lines.get(source_file, ())
    covered = _covered(held, source_file)
    text_context = Context(
        context.document,
        join(context.document.title, "Tekst"),
        context.committee,
        context.date,
        context.year,
        context.source_lines,
    )
    return [
        record_chunk(
            text_context,
            f"{context.document.id}{RUNNING_TEXT_ID}{piece[0].page or 0}-{piece[0].line}",
            "section",
            _joined(piece),
            [Citation(source_file, piece[0].page, piece[0].line, piece[-1].line)],
        )
        for stretch in _stretches(lines, covered)
        for piece in _pieces(_paragraphs(stretch))
        if len(_joined(piece).split()) >= MIN_WORDS
    ]


def is_running_text(chunk: Chunk) -> bool:
    """A chunk of text no record holds (see the module docstring)."""
    return RUNNING_TEXT_ID in chunk.id


def _covered(held: Iterable[Citation], source_file: str) -> set[tuple[int | None, int]]:
    return {
        (citation.page, number)
        for citation in held
        if citation.source_file == source_file
        for number in range(citation.line_start, citation.line_end + 1)
    }


def _stretches(lines: Sequence[SourceLine], covered: set[tuple[int | None, int]]) -> list[list[SourceLine]]:
    """Runs of consecutive lines on one page that no citation holds (a held line or a new page ends one)."""
    stretches: list[list[SourceLine]] = [[]]
    for line in lines:
        if (line.page, line.line) in covered or (stretches[-1] and stretches[-1][-1].page != line.page):
            stretches.append([])
        if (line.page, line.line) not in covered:
            stretches[-1].append(line)
    return [stretch for stretch in stretches if stretch]


def _paragraphs(stretch: Sequence[SourceLine]) -> list[list[SourceLine]]:
    """The stretch's blank-line separated paragraphs."""
    paragraphs: list[list[SourceLine]] = [[]]
    for line in stretch:
        if line.text.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def _pieces(paragraphs: list[list[SourceLine]]) -> list[list[SourceLine]]:
    """A stretch's paragraphs packed into pieces of at most RUNNING_TEXT_WORDS words; a longer paragraph is
    cut at line ends, and a piece at least half full ends with its paragraph."""
    pieces: list[list[SourceLine]] = [[]]
    words = 0
    for paragraph in paragraphs:
        if words >= RUNNING_TEXT_WORDS // 2:
            pieces.append([])
            words = 0
        for line in paragraph:
            count = len(line.text.split())
            if pieces[-1] and words + count > RUNNING_TEXT_WORDS:
                pieces.append([])
                words = 0
            pieces[-1].append(line)
            words += count
    return [piece for piece in pieces if piece]


def _joined(lines: Sequence[SourceLine]) -> str:
    """The lines as one text, a word hyphenated across a line end rejoined ('beskæf-' + 'tigelse')."""
    text = " ".join(" ".join(line.text.split()) for line in lines)
    return re.sub(r"(?<=\w)- (?=[a-zæøå])", "", text)
