"""Lyngby-Taarbæk referat layout (2019): ' Punkt N' line, title on the next line, labelled sections.

Attachments follow the last item in the same file; one of them may reproduce an earlier
meeting's complete item (title, 'Resume' ... 'Beslutning'): that is returned as embedded.
"""

from __future__ import annotations

import re

from maalspor.model import CleanText
from nlp.lines import Line
from nlp.minutes.assemble import ItemSpan
from nlp.minutes.sections import Labels, Part
from nlp.minutes.tail import closing_end, has_heading, items_between_headings

NAME = "punkt-referat"

_HEADING = re.compile(r"Punkt (\d+)")
_RESUME = re.compile(r"Resum[eé]:?")
_MAX_TITLE_LINES = 3

LABELS = Labels(
    exact={
        "resumé": Part.RESUME,
        "resume": Part.RESUME,
        "indstilling": Part.RECOMMENDATION,
        "sagsfremstilling": Part.CASE,
        "lovgrundlag": Part.LEGAL,
        "økonomi": Part.ECONOMY,
        "beslutningskompetence": Part.COMPETENCE,
        "beslutning": Part.DECISION,
        "bilag": Part.ATTACHMENTS,
    }
)


def matches(lines: list[Line]) -> bool:
    return has_heading(lines, _HEADING)


def find_items(clean: CleanText, lines: list[Line]) -> list[ItemSpan]:
    items, meeting_end = items_between_headings(lines, _HEADING, LABELS)
    return [_span(number, item_lines) for number, item_lines in items] + _embedded_items(lines[meeting_end:])


def _span(number: str, item_lines: list[Line]) -> ItemSpan:
    title_at = next(index for index in range(1, len(item_lines)) if item_lines[index].text)
    title_end = _title_end(item_lines, title_at)
    return ItemSpan(number, item_lines[title_at:title_end], item_lines, item_lines[title_end:])


def _title_end(item_lines: list[Line], title_at: int) -> int:
    end = title_at + 1
    while end < len(item_lines) and item_lines[end].text and LABELS.part_of(item_lines[end]) is None:
        end += 1
    return end


def _embedded_items(rest: list[Line]) -> list[ItemSpan]:
    """Earlier items reproduced in the attachments: a title paragraph right before a 'Resume'
    label, closed by a decision block."""
    spans: list[ItemSpan] = []
    for index, line in enumerate(rest):
        if not _RESUME.fullmatch(line.text):
            continue
        title_start = _title_start(rest, index)
        if title_start is None:
            continue
        end = index + closing_end(rest[index:], LABELS)
        item_lines = rest[title_start:end]
        if not any(LABELS.part_of(item_line) is Part.DECISION for item_line in item_lines):
            continue
        number = f"bilag-{len(spans) + 1}"
        spans.append(ItemSpan(number, rest[title_start:index], item_lines, rest[index:end], embedded=True))
    return spans


def _title_start(lines: list[Line], label_at: int) -> int | None:
    """First line of the paragraph just above a label: at most a few lines, none ending a sentence."""
    index = label_at - 1
    while index >= 0 and not lines[index].text:
        index -= 1
    paragraph_end = index
    while index >= 0 and lines[index].text and not lines[index].text.endswith((".", ":")):
        index -= 1
    start = index + 1
    return start if 0 < paragraph_end + 1 - start <= _MAX_TITLE_LINES else None
