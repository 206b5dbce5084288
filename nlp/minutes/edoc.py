"""eDoc referat layout (Ballerup 2012): 'N. title' heading followed by 'Sagsnr.:' and 'Dok.nr.:'
lines, labelled sections, and the decision '<Udvalg>s beslutning den dd.mm.yyyy Punkt N' closed
by 'Følgende deltog ikke i behandlingen af punktet:'. A table of contents lists the same
'N. title' lines without case numbers; a single-item export has just one item.
"""

from __future__ import annotations

import re

from maalspor.model import CleanText
from nlp.lines import Line, after_prefix, fullmatch_line, page_of
from nlp.minutes.assemble import ItemSpan
from nlp.minutes.sections import Labels, Part
from nlp.minutes.tail import closing_end

NAME = "edoc"

_CASE_NUMBER = re.compile(r"Sagsnr\.:\s*\S+")
_DOCUMENT_NUMBER = re.compile(r"Dok\.nr\.:\s*\S+")
_HEADING = re.compile(r"(\d{1,3})\.\s+(\S.*)")
# The heading stands at most this many lines above 'Sagsnr.:' (title wrap plus a page header).
_HEADING_REACH = 10

LABELS = Labels(
    exact={
        "sammendrag": Part.RESUME,
        "baggrund": Part.CASE,
        "sagsfremstilling": Part.CASE,
        "økonomiske konsekvenser og finansiering": Part.ECONOMY,
        "økonomiske konsekvenser": Part.ECONOMY,
        "lovgrundlag": Part.LEGAL,
        "bilag": Part.ATTACHMENTS,
        "beslutningen træffes af": Part.COMPETENCE,
        "indstilling": Part.RECOMMENDATION,
    }
)


def matches(lines: list[Line]) -> bool:
    return any(_CASE_NUMBER.fullmatch(line.text) for line in lines) and any(
        _DOCUMENT_NUMBER.fullmatch(line.text) for line in lines
    )


def find_items(clean: CleanText, lines: list[Line]) -> list[ItemSpan]:
    headings = [
        (heading, case_line)
        for case_line, line in enumerate(lines)
        if _CASE_NUMBER.fullmatch(line.text) and (heading := _heading_above(lines, case_line)) is not None
    ]
    starts = [heading for heading, _ in headings] + [len(lines)]
    spans = []
    for (heading, case_line), next_start in zip(headings, starts[1:], strict=False):
        end = heading + closing_end(lines[heading:next_start], LABELS)
        spans.append(_span(clean, lines, heading, case_line, end))
    return spans


def _heading_above(lines: list[Line], case_line: int) -> int | None:
    for index in range(case_line - 1, max(-1, case_line - _HEADING_REACH), -1):
        if _HEADING.fullmatch(lines[index].text):
            return index
    return None


def _span(clean: CleanText, lines: list[Line], heading: int, case_line: int, end: int) -> ItemSpan:
    """Title: the heading and its wrapped lines on the heading's page (a page header may stand
    between the heading and 'Sagsnr.:' when the item starts at the foot of a page)."""
    first = lines[heading]
    match = fullmatch_line(_HEADING, first)
    page = page_of(clean, first)
    wrapped = [line for line in lines[heading + 1 : case_line] if line.text and page_of(clean, line) == page]
    body_start = case_line + 1
    while body_start < end and _DOCUMENT_NUMBER.fullmatch(lines[body_start].text):
        body_start += 1
    title_lines = [after_prefix(first, match.start(2)), *wrapped]
    return ItemSpan(match.group(1), title_lines, lines[heading:end], lines[body_start:end])
