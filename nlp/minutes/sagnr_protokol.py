"""Lyngby-Taarbæk protokol layout (2014): a page header (committee, date) and 'Sag nr. N' before
each item, title line 'N. title', no 'Beslutning' label (the committee + date line opens the
decision), 'Bilagsfortegnelse' with a numbered list. Attachments follow the last item.
"""

from __future__ import annotations

import re

from maalspor.model import CleanText
from nlp.lines import Line, after_prefix, fullmatch_line
from nlp.minutes.assemble import ItemSpan
from nlp.minutes.sections import Labels, Part
from nlp.minutes.tail import has_heading, items_between_headings

NAME = "sagnr-protokol"

_HEADING = re.compile(r"Sag nr\. (\d+)")
_TITLE = re.compile(r"(\d+)\.\s+(\S.*)")

LABELS = Labels(
    exact={
        "sagsfremstilling": Part.CASE,
        "økonomiske konsekvenser": Part.ECONOMY,
        "beslutningskompetence": Part.COMPETENCE,
        "indstilling": Part.RECOMMENDATION,
        "lovgrundlag": Part.LEGAL,
        "resumé": Part.RESUME,
        "bilagsfortegnelse": Part.ATTACHMENTS,
    }
)


def matches(lines: list[Line]) -> bool:
    return has_heading(lines, _HEADING)


def find_items(clean: CleanText, lines: list[Line]) -> list[ItemSpan]:
    items, _ = items_between_headings(lines, _HEADING, LABELS)
    header = _page_header(lines, lines.index(items[0][1][0]))
    return [_span(number, _without_header(item_lines, header)) for number, item_lines in items]


def _page_header(lines: list[Line], first_item: int) -> set[str]:
    """The lines printed above every 'Sag nr.' (committee, date), taken from the first item."""
    return {line.text for line in lines[:first_item] if line.text}


def _without_header(item_lines: list[Line], header: set[str]) -> list[Line]:
    """Drop the next item's page header from the end of this item."""
    end = len(item_lines)
    while end > 0 and (not item_lines[end - 1].text or item_lines[end - 1].text in header):
        end -= 1
    return item_lines[:end]


def _span(number: str, item_lines: list[Line]) -> ItemSpan:
    """Title: the 'N. title' line after 'Sag nr. N' and its wrapped continuation."""
    title_at = next(index for index in range(1, len(item_lines)) if _is_title(item_lines[index], number))
    title_end = title_at + 1
    while title_end < len(item_lines) and item_lines[title_end].text and LABELS.part_of(item_lines[title_end]) is None:
        title_end += 1
    first = item_lines[title_at]
    title_lines = [after_prefix(first, fullmatch_line(_TITLE, first).start(2)), *item_lines[title_at + 1 : title_end]]
    return ItemSpan(number, title_lines, item_lines, item_lines[title_end:])


def _is_title(line: Line, number: str) -> bool:
    match = _TITLE.fullmatch(line.text)
    return match is not None and match.group(1) == number
