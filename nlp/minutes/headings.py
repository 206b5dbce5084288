"""Item headings of minutes and agendas, in any of the conventional shapes (nlp.minutes.conventions).

A heading names its item's number; its title stands on the same line or the next. Headings that
name themselves ('Punkt 3', 'Sag nr. 3') are taken as they are. A bare number ('3. Titel', '3')
is a heading only with evidence: a case-number line or a field label right under it, or a title
that the table of contents lists. Of the candidates, the longest run of rising numbers wins:
cross-references, list entries and page numbers fall out, gaps in the numbering stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp.decisions import decision_header
from nlp.lines import Line
from nlp.minutes.conventions import ATTENDANCE, CASE_NUMBER, HEADING_SHAPES, LABELS, HeadingShape
from nlp.minutes.toc import Toc, same_title

# Evidence must stand within this many non-blank lines under a bare number's title.
_EVIDENCE_REACH = 3


@dataclass(frozen=True)
class Heading:
    at: int  # index of the heading line
    number: str
    title_at: int  # index of the line the title starts on
    title: str  # the title's text on that line


def find_headings(lines: list[Line], toc: Toc) -> list[Heading]:
    """The item headings in order: keyword headings if the document has any, else evidenced
    numbered headings, else the body lines that repeat the table of contents' titles."""
    skipped = toc.line_indexes
    keyword = [shape for shape in HEADING_SHAPES if shape.keyword]
    numbered = [shape for shape in HEADING_SHAPES if not shape.keyword]
    found = _rising(_candidates(lines, keyword, skipped))
    if found:
        return found
    evidenced = [heading for heading in _candidates(lines, numbered, skipped) if _evidenced(lines, heading, toc)]
    return _rising(evidenced) or _toc_headings(lines, toc)


def is_field_line(line: Line) -> bool:
    """A label, a decision header, a case number or an attendance line: never a title."""
    text = line.text
    return bool(
        LABELS.part_of(line) or decision_header(text) or CASE_NUMBER.fullmatch(text) or ATTENDANCE.fullmatch(text)
    )


def _candidates(lines: list[Line], shapes: list[HeadingShape], skipped: set[int]) -> list[Heading]:
    found = []
    for index, line in enumerate(lines):
        if index in skipped or not line.text:
            continue
        for shape in shapes:
            match = shape.pattern.fullmatch(line.text)
            if match and (heading := _heading(lines, index, match.group("number"), match.group("title"))):
                found.append(heading)
                break
    return found


def _heading(lines: list[Line], index: int, number: str, title: str | None) -> Heading | None:
    if title:
        return Heading(index, number, index, title)
    title_at = _next_text(lines, index)
    if title_at is None or is_field_line(lines[title_at]) or not lines[title_at].text[0].isalnum():
        return None
    title = lines[title_at].text
    # 'Sag nr. 3' over '3. Titel': the title repeats the number.
    prefix = f"{number}. "
    return Heading(index, number, title_at, title[len(prefix) :] if title.startswith(prefix) else title)


def _next_text(lines: list[Line], index: int) -> int | None:
    return next((later for later in range(index + 1, len(lines)) if lines[later].text), None)


def _evidenced(lines: list[Line], heading: Heading, toc: Toc) -> bool:
    if any(same_title(entry.title, heading.title) for entry in toc.entries):
        return True
    following = [index for index in range(heading.title_at + 1, len(lines)) if lines[index].text]
    return any(is_field_line(lines[index]) for index in following[:_EVIDENCE_REACH])


def _rising(headings: list[Heading]) -> list[Heading]:
    """The longest subsequence with strictly rising numbers ('1.2' after '1.1', '312' after '311')."""
    if not headings:
        return []
    keys = [tuple(int(part) for part in heading.number.split(".")) for heading in headings]
    best = [1] * len(headings)
    before = [-1] * len(headings)
    for later in range(len(headings)):
        for earlier in range(later):
            if keys[earlier] < keys[later] and best[earlier] + 1 > best[later]:
                best[later], before[later] = best[earlier] + 1, earlier
    index = best.index(max(best))
    chain = []
    while index >= 0:
        chain.append(headings[index])
        index = before[index]
    return chain[::-1]


def _toc_headings(lines: list[Line], toc: Toc) -> list[Heading]:
    """Body lines that repeat the entries' titles in order, numbered as the table numbers them."""
    found = []
    start = toc.end
    for position, entry in enumerate(toc.entries, start=1):
        at = next((index for index in range(start, len(lines)) if same_title(entry.title, lines[index].text)), None)
        if at is None:
            continue
        found.append(Heading(at, entry.number or str(position), at, lines[at].text))
        start = at + 1
    return found
