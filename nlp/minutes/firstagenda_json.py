"""FirstAgenda publication JSON as rendered by ingest/firstagenda.py (Greve): 'Punkt N: title',
'Sagsnummer: ...', per-item attendance lines ('Fraværende: name, ...'), field labels alone on a
line ('Beslutning' first), 'Bilag' with '• name' lines, a blank line after each item.
"""

from __future__ import annotations

import re

from maalspor.model import CleanText
from nlp.decisions import split_absences
from nlp.lines import Line
from nlp.minutes.assemble import ItemSpan
from nlp.minutes.firstagenda_items import has_headings, item_spans
from nlp.minutes.sections import Labels, Part

NAME = "firstagenda-json"

_CASE_NUMBER = re.compile(r"Sagsnummer:\s*\S+")
_ATTENDANCE = re.compile(r"(?:Fraværende|Afbud):\s*\S.*")

LABELS = Labels(
    exact={
        "beslutning": Part.DECISION,
        "resume": Part.RESUME,
        "indstilling": Part.RECOMMENDATION,
        "sagsbeskrivelse": Part.CASE,
        "sagsfremstilling": Part.CASE,
        "lovgrundlag": Part.LEGAL,
        "økonomiske konsekvenser": Part.ECONOMY,
        "sagsprocedure": Part.COMPETENCE,
        "kommunikation": Part.OTHER,
        "høring": Part.OTHER,
        "tidsplan": Part.OTHER,
        "øvrige forhold": Part.OTHER,
        "øvrige konsekvenser": Part.OTHER,
        "sagens forløb": Part.OTHER,
        "bilag": Part.ATTACHMENTS,
    }
)


def matches(lines: list[Line]) -> bool:
    return has_headings(lines) and any(_CASE_NUMBER.fullmatch(line.text) for line in lines)


def find_items(clean: CleanText, lines: list[Line]) -> list[ItemSpan]:
    spans = item_spans(lines, _CASE_NUMBER, LABELS)
    for span in spans:
        attendance = [line for line in span.body if _ATTENDANCE.fullmatch(line.text) and LABELS.part_of(line) is None]
        span.absent = [absent for line in attendance for absent in split_absences(line.text)[1]]
        span.body = [line for line in span.body if line not in attendance]
    return spans
