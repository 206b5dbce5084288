"""FirstAgenda referat PDF (Aarhus Byråd 2025): a table of contents with dot leaders (skipped:
its lines carry no 'Punkt N:'), 'Punkt N: title' + 'EMN-yyyy-nnnnnn', the decision first under
'Beslutninger' (no committee/date line: it is the meeting's), then the proposal and the
administration's indstilling. Closed items ('Lukket: ...') print only the decision.
"""

from __future__ import annotations

import re

from maalspor.model import CleanText
from nlp.lines import Line
from nlp.minutes.assemble import ItemSpan
from nlp.minutes.firstagenda_items import has_headings, item_spans
from nlp.minutes.sections import Labels, Part

NAME = "firstagenda-pdf"

_CASE_NUMBER = re.compile(r"[A-Z]{2,5}-\d{4}-\d{4,}")

LABELS = Labels(
    exact={
        "beslutninger": Part.DECISION,
        "beslutning": Part.DECISION,
        "resume": Part.RESUME,
        "beslutningspunkter": Part.RECOMMENDATION,
        "baggrund": Part.CASE,
        "begrundelse": Part.CASE,
        "sagsforløb": Part.OTHER,
        "borgermesterens afdelings påtegning": Part.OTHER,
        "borgmesterens afdelings påtegning": Part.OTHER,
        "bilag": Part.ATTACHMENTS,
    },
    prefixes={"beslutningsforslag fra": Part.CASE, "indstilling fra": Part.CASE},
)


def matches(lines: list[Line]) -> bool:
    return has_headings(lines) and any(_CASE_NUMBER.fullmatch(line.text) for line in lines)


def find_items(clean: CleanText, lines: list[Line]) -> list[ItemSpan]:
    return item_spans(lines, _CASE_NUMBER, LABELS)
