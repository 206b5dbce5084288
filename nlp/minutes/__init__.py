"""Agenda items and decisions of committee minutes and agendas, whatever their layout.

parse_minutes() splits lines that hold a whole page (nlp.minutes.pagelines), finds the items with the one segmentation engine (nlp.minutes.engine), which reads
the conventions of Danish minutes from tables (nlp.minutes.conventions), and assemble() builds the
AgendaItems with their fields and decisions.
"""

from __future__ import annotations

from maalspor.model import AgendaItem, CleanText, Document
from nlp.lines import text_lines
from nlp.minutes.assemble import assemble
from nlp.minutes.conventions import LABELS
from nlp.minutes.engine import find_items
from nlp.minutes.pagelines import split_page_lines


def parse_minutes(clean: CleanText, document: Document) -> list[AgendaItem]:
    lines = split_page_lines(clean, text_lines(clean))
    return [assemble(clean, document, span, LABELS) for span in find_items(clean, lines)]
