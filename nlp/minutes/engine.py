"""The one segmentation engine for minutes and agendas: headings -> item spans, whatever the layout.

1. The table of contents (nlp.minutes.toc) and the item headings (nlp.minutes.headings) are found.
2. Each item runs from its heading to the next; a running page header printed above every
   heading, and links printed under every item (a web page's 'Hent som PDF'), are cut off.
3. The title is the heading's title and its wrapped lines (up to a case-number line, or a title
   paragraph of its own). Case-number lines under the title and attendance lines ('Fraværende:
   …') are the item's metadata, not body; a closed item's text, and text under a repeated title,
   is its decision.
4. Where items close with their decision (the decision follows the other fields), the last item
   ends with its decision block and attachment list; what follows is attachments, where an
   earlier meeting's item may be reproduced whole (nlp.minutes.fallback finds those).
5. Without headings, items are found by their field labels alone (nlp.minutes.fallback).
"""

from __future__ import annotations

import re
from collections import Counter

from maalspor.model import Absence, CleanText
from nlp.decisions import is_absence_line, split_absences
from nlp.lines import Line, after_prefix, page_of
from nlp.minutes.assemble import ItemSpan
from nlp.minutes.conventions import ATTENDANCE, CASE_NUMBER, CLOSED, LABELS
from nlp.minutes.fallback import items_by_labels
from nlp.minutes.headings import Heading, find_headings, is_field_line
from nlp.minutes.sections import Part, split_sections
from nlp.minutes.tail import closing_end
from nlp.minutes.toc import comparable, find_toc

# A wrapped title reaches its case-number line within this many lines.
_TITLE_REACH = 4
# Lines above a heading (a running page header) or at an item's end (links) that may be furniture.
_FURNITURE_REACH = 3
# A footer is furniture only when this many items (the last one aside) end with it.
_MIN_FOOTER_ITEMS = 3
_BARE_NUMBER = re.compile(r"\d{1,3}")


def find_items(clean: CleanText, lines: list[Line]) -> list[ItemSpan]:
    headings = find_headings(lines, find_toc(lines))
    if not headings:
        return items_by_labels(lines, embedded=False)
    starts = [heading.at for heading in headings] + [len(lines)]
    regions = [lines[start:end] for start, end in zip(starts, starts[1:], strict=False)]
    footer = _item_footer(regions)
    regions[-1] = _cut_at_footer(regions[-1], footer)
    furniture = _page_header(lines, headings) | footer
    regions = [_without_furniture(region, furniture, counted=bool(footer)) for region in regions]
    spans = [_span(clean, lines, heading, len(region)) for heading, region in zip(headings, regions, strict=True)]
    if not _decisions_close_items(spans):
        return spans
    meeting_end = headings[-1].at + closing_end(spans[-1].lines, LABELS)
    spans[-1] = _span(clean, lines, headings[-1], meeting_end - headings[-1].at)
    return spans + items_by_labels(lines[meeting_end:], embedded=True)


def _page_header(lines: list[Line], headings: list[Heading]) -> set[str]:
    """Texts printed just above the first heading and most others (a running header with
    committee and date, as a protokol prints one on every item's first page)."""
    seen: Counter[str] = Counter()
    for heading in headings:
        seen.update(set(_texts_above(lines, heading.at)))
    return {text for text in _texts_above(lines, headings[0].at) if seen[text] >= _most(len(headings))}


def _texts_above(lines: list[Line], at: int) -> list[str]:
    return [line.text for line in lines[max(0, at - _FURNITURE_REACH * 2) : at] if line.text][-_FURNITURE_REACH:]


def _item_footer(regions: list[list[Line]]) -> set[str]:
    """Texts that close every item alike (a web page's 'Hent som PDF' / 'Kopier link' links);
    an absence line that recurs at every item's end is the items' own text."""
    if len(regions) < _MIN_FOOTER_ITEMS:
        return set()
    shared = set.intersection(*(_texts_at_end(region) for region in regions[:-1]))
    return {text for text in shared if not _BARE_NUMBER.fullmatch(text) and not is_absence_line(text)}


def _texts_at_end(region: list[Line]) -> set[str]:
    return set([line.text for line in region if line.text][-_FURNITURE_REACH:])


def _most(count: int) -> int:
    return max(2, (count + 1) // 2)


def _cut_at_footer(region: list[Line], footer: set[str]) -> list[Line]:
    """The last item ends at the first furniture line: the rest of a web page is no item's."""
    end = next((index for index in range(1, len(region)) if region[index].text in footer), len(region))
    return region[:end]


def _without_furniture(region: list[Line], furniture: set[str], counted: bool) -> list[Line]:
    """The region without the furniture at its end; with item footers, also without the
    counts printed next to them (a web page's number of attachments)."""
    end = len(region)
    while end > 1 and _is_furniture(region[end - 1].text, furniture, counted):
        end -= 1
    return region[:end]


def _is_furniture(text: str, furniture: set[str], counted: bool) -> bool:
    return not text or text in furniture or (counted and bool(_BARE_NUMBER.fullmatch(text)))


def _span(clean: CleanText, lines: list[Line], heading: Heading, length: int) -> ItemSpan:
    end = heading.at + length
    title_end, wrapped = _title_end(clean, lines, heading, end)
    first = lines[heading.title_at]
    title_lines = [after_prefix(first, len(first.text) - len(heading.title)), *wrapped]
    body, absent = _without_attendance(lines[_body_start(lines, title_end, end) : end])
    body, unlabelled = _unlabelled_part(body, heading.title)
    return ItemSpan(heading.number, title_lines, lines[heading.at : end], body, unlabelled=unlabelled, absent=absent)


def _without_attendance(body: list[Line]) -> tuple[list[Line], list[Absence]]:
    """The body without its 'Fraværende: …' / 'Afbud: …' lines, and who they name as absent for
    the whole item."""
    attendance = [line for line in body if ATTENDANCE.fullmatch(line.text) and LABELS.part_of(line) is None]
    absent = [absence for line in attendance for absence in split_absences(line.text)[1]]
    return [line for line in body if line not in attendance], absent


def _unlabelled_part(body: list[Line], title: str) -> tuple[list[Line], Part]:
    """What the text before the first label is: a closed item prints only its decision, and an
    item whose body repeats its title prints its decision under it (FirstAgenda's older export)."""
    if CLOSED.match(title):
        return body, Part.DECISION
    if body and body[0].text and comparable(body[0].text) == comparable(title):
        return body[1:], Part.DECISION
    return body, Part.CASE


def _title_end(clean: CleanText, lines: list[Line], heading: Heading, end: int) -> tuple[int, list[Line]]:
    """(index after the title, the title's wrapped lines). A title wraps only up to a case-number
    line within reach, and only on its own page (a page header may stand in between)."""
    after = heading.title_at + 1
    for index in range(after, min(end, after + _TITLE_REACH)):
        line = lines[index]
        if CASE_NUMBER.fullmatch(line.text):
            page = page_of(clean, lines[heading.title_at])
            return index, [wrap for wrap in lines[after:index] if wrap.text and page_of(clean, wrap) == page]
        if line.text and is_field_line(line):
            break
    return _wrapped_paragraph(lines, heading, after, end)


def _wrapped_paragraph(lines: list[Line], heading: Heading, after: int, end: int) -> tuple[int, list[Line]]:
    """A title set as a paragraph of its own (blank line or label after it) wraps onto the lines
    that follow it directly; otherwise the title is the one line. A sentence of its own
    ('Godkendt.') does not continue a title."""
    index = after
    while index < min(end, after + _TITLE_REACH) and _continues_title(lines[index]):
        index += 1
    closed = index >= end or not lines[index].text or is_field_line(lines[index])
    if closed and index > after and not heading.title.endswith("."):
        return index, lines[after:index]
    return after, []


def _continues_title(line: Line) -> bool:
    text = line.text
    if not text or is_field_line(line):
        return False
    return text[0].islower() or not text.endswith((".", "!", "?"))


def _body_start(lines: list[Line], start: int, end: int) -> int:
    """Index of the first body line after the title: case and document numbers belong to the heading."""
    index = start
    while index < end and (not lines[index].text or CASE_NUMBER.fullmatch(lines[index].text)):
        index += 1
    return index


def _decisions_close_items(spans: list[ItemSpan]) -> bool:
    """Whether, in most items, the decision comes after the other fields (so the meeting's last
    item ends with its decision and attachment list, and what follows is not the item's)."""
    votes = []
    for span in spans[:-1] or spans:
        parts = [
            section.part
            for section in split_sections(span.body, LABELS, span.unlabelled)
            if section.label or section.part is Part.DECISION
        ]
        if Part.DECISION in parts:
            votes.append(parts[0] is not Part.DECISION)
    return bool(votes) and sum(votes) * 2 > len(votes)
