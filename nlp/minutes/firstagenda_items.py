"""FirstAgenda item headings, shared by its JSON rendering and its PDF referat:
'Punkt N: title' (the title may wrap) followed by a case-number line."""

from __future__ import annotations

import re

from nlp.lines import Line, after_prefix, fullmatch_line
from nlp.minutes.assemble import ItemSpan
from nlp.minutes.sections import Labels, Part

HEADING = re.compile(r"Punkt (\d+):\s*(\S.*)")
_CLOSED = re.compile(r"Lukket\b", re.I)
# A wrapped title reaches the case-number line within this many lines.
_TITLE_REACH = 3


def has_headings(lines: list[Line]) -> bool:
    return any(HEADING.fullmatch(line.text) for line in lines)


def item_spans(lines: list[Line], case_number: re.Pattern[str], labels: Labels) -> list[ItemSpan]:
    starts = [index for index, line in enumerate(lines) if HEADING.fullmatch(line.text)]
    return [
        _span(lines[start:end], case_number, labels)
        for start, end in zip(starts, starts[1:] + [len(lines)], strict=False)
    ]


def _span(item_lines: list[Line], case_number: re.Pattern[str], labels: Labels) -> ItemSpan:
    heading = item_lines[0]
    match = fullmatch_line(HEADING, heading)
    title_lines = [after_prefix(heading, match.start(2))]
    case_at = next(
        (
            index
            for index in range(1, min(len(item_lines), _TITLE_REACH + 1))
            if case_number.fullmatch(item_lines[index].text)
        ),
        None,
    )
    body_start = 1
    if case_at is not None and not any(labels.part_of(line) for line in item_lines[1:case_at]):
        title_lines += item_lines[1:case_at]
        body_start = case_at + 1
    # A closed item prints only its decision, without a label.
    unlabelled = Part.DECISION if _CLOSED.match(match.group(2)) else Part.CASE
    return ItemSpan(match.group(1), title_lines, item_lines, item_lines[body_start:], unlabelled=unlabelled)
