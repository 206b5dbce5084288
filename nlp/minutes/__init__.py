"""Agenda items and decisions of committee minutes, one parser per layout.

parse_minutes() detects the layout and dispatches through LAYOUTS; assemble() builds the
AgendaItems. A layout module provides:
    NAME: str
    LABELS: Labels                                   its section labels
    matches(lines: list[Line]) -> bool               whether a document is in this layout
    find_items(clean, lines) -> list[ItemSpan]       where its items (and embedded ones) are
"""

from __future__ import annotations

from types import ModuleType

from maalspor.model import AgendaItem, CleanText, Document
from nlp.lines import Line, text_lines
from nlp.minutes import edoc, firstagenda_json, firstagenda_pdf, punkt_referat, sagnr_protokol
from nlp.minutes.assemble import assemble

# Most specific first: the first layout whose matches() holds parses the document.
LAYOUTS: tuple[ModuleType, ...] = (sagnr_protokol, punkt_referat, edoc, firstagenda_json, firstagenda_pdf)


def detect_layout(lines: list[Line]) -> ModuleType | None:
    return next((layout for layout in LAYOUTS if layout.matches(lines)), None)


def parse_minutes(clean: CleanText, document: Document) -> list[AgendaItem]:
    lines = text_lines(clean)
    layout = detect_layout(lines)
    if layout is None:
        return []
    return [assemble(clean, document, span, layout.LABELS) for span in layout.find_items(clean, lines)]
