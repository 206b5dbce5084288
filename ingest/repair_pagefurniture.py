"""Page furniture left in plain-text extractions: page numbers and repeated page headers/footers.

Text extractions have no positions, so the evidence is the pattern itself:
- a *lone page number* is a small integer alone on a line between blank lines, and only counts
  when another such number fits a page sequence with it (numbers grow with the line number at a
  plausible number of lines per page). A lone number in a table has no such partner and stays.
- a *page label* is a line such as "Side 4 af 4" or "Bilag 1 - Side -15 af 22".
- a *running header/footer* is a line standing next to a page number or label (within a few lines)
  that recurs next to another page break, e.g. 003's "Møde i Erhvervs- og Beskæftigelsesudvalget d. 09-09-2014".
"""

from __future__ import annotations

import re
from itertools import combinations

from ingest.worklines import WorkLine

_LONE_NUMBER = re.compile(r"^\d{1,3}$")
_PAGE_LABEL = re.compile(r"^(?:.{0,60}\s-\s)?side\s+-?\d{1,4}\s+(?:af|/)\s+\d{1,4}$", re.IGNORECASE)
_LINES_PER_PAGE = range(20, 201)
# Furniture lines of one page break lie this close (in lines) to its page number or label.
_BREAK_RADIUS = 8
_MIN_RUNNING_LENGTH = 8


def repair_page_furniture(lines: list[WorkLine]) -> list[WorkLine]:
    breaks = page_break_lines(lines)
    furniture = set(breaks) | running_lines(lines, breaks)
    return [line for index, line in enumerate(lines) if index not in furniture]


def page_break_lines(lines: list[WorkLine]) -> list[int]:
    """Indices of page labels and of lone page numbers that fit a page sequence."""
    labels = [index for index, line in enumerate(lines) if _PAGE_LABEL.match(line.text.strip())]
    return sorted(labels + lone_page_numbers(lines))


def lone_page_numbers(lines: list[WorkLine]) -> list[int]:
    candidates = [
        index
        for index, line in enumerate(lines)
        if _LONE_NUMBER.match(line.text.strip()) and _blank_at(lines, index - 1) and _blank_at(lines, index + 1)
    ]
    accepted: set[int] = set()
    for first, second in combinations(candidates, 2):
        pages = int(lines[second].text.strip()) - int(lines[first].text.strip())
        if pages > 0 and (second - first) // pages in _LINES_PER_PAGE:
            accepted.update((first, second))
    return sorted(accepted)


def running_lines(lines: list[WorkLine], breaks: list[int]) -> set[int]:
    """Lines near a page break whose text recurs near another page break."""
    seen_at: dict[str, set[int]] = {}  # text -> page-break clusters it stands next to
    near: dict[int, str] = {}
    for cluster, anchors in enumerate(_clusters(breaks)):
        for index in range(max(0, anchors[0] - _BREAK_RADIUS), min(len(lines), anchors[-1] + _BREAK_RADIUS + 1)):
            text = lines[index].text.strip()
            if index in breaks or len(text) < _MIN_RUNNING_LENGTH:
                continue
            key = re.sub(r"\d+", "#", text)
            seen_at.setdefault(key, set()).add(cluster)
            near[index] = key
    return {index for index, key in near.items() if len(seen_at[key]) >= 2}


def _clusters(breaks: list[int]) -> list[list[int]]:
    """Page-break lines grouped when they belong to the same break (a label and a number a few lines apart)."""
    groups: list[list[int]] = []
    for index in breaks:
        if groups and index - groups[-1][-1] <= _BREAK_RADIUS:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _blank_at(lines: list[WorkLine], index: int) -> bool:
    return not 0 <= index < len(lines) or lines[index].is_blank
