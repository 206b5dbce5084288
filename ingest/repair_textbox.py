"""Move a text box that the extractor dropped into the middle of a paragraph to after that paragraph.

Evidence required (all of it), e.g. corpus/001 lines 211-236:
- a full-width line inside a paragraph (the line above is text too) ends without sentence punctuation
  ("... Lyngby-Taarbæk Kommune arbejder"); short lines are table cells (corpus/002), never boxes,
- a blank line follows, then a block of at least `_MIN_BOX_LINES` non-blank lines starting with a capital,
- the block ends with a sentence end after a word ("... i Lyngby-Taarbæk Kommune."; "fra 2." and "bl.a." are no evidence),
- and the next line, full-width too, starts in lower case ("målrettet for, at ..."), continuing the sentence.
The box moves, whole, to after the continued paragraph (up to its next blank line). Lines keep their origins.
"""

from __future__ import annotations

import re

from ingest.worklines import WorkLine

_SENTENCE_END = (".", "!", "?", ":", ";")
# A sentence end after a word of two or more letters; "fra 2." and "bl.a." are no evidence.
_SENTENCE_AFTER_WORD = re.compile(r"(?<![.\w])[^\W\d_]{2,}[)”\"]?[.!?]$")
_MIN_BOX_LINES = 3
_MIN_PARAGRAPH_LINE = 40
_MAX_BOX_LINES = 40


def repair_text_boxes(lines: list[WorkLine]) -> list[WorkLine]:
    index = 0
    result = list(lines)
    while index < len(result):
        move = _box_after(result, index)
        if move is None:
            index += 1
            continue
        box_start, continuation, paragraph_end = move
        result = (
            result[: index + 1]
            + result[continuation:paragraph_end]
            + result[box_start:continuation]
            + result[paragraph_end:]
        )
        index = paragraph_end
    return result


def _box_after(lines: list[WorkLine], index: int) -> tuple[int, int, int] | None:
    """(box start, continuation line, end of continued paragraph) when a box interrupts line `index`."""
    text = lines[index].text.rstrip()
    if len(text) < _MIN_PARAGRAPH_LINE or text.endswith(_SENTENCE_END) or not text[-1].isalpha():
        return None
    if index == 0 or lines[index - 1].is_blank or index + 1 >= len(lines) or not lines[index + 1].is_blank:
        return None
    box_start = index + 1
    first_box_line = next((line for line in lines[box_start:] if not line.is_blank), None)
    if first_box_line is None or not first_box_line.text.lstrip()[:1].isupper():
        return None
    previous_text = ""
    box_lines = 0
    for candidate in range(box_start, min(len(lines), box_start + _MAX_BOX_LINES)):
        stripped = lines[candidate].text.strip()
        if not stripped:
            continue
        if (
            stripped[0].islower()
            and len(stripped) >= _MIN_PARAGRAPH_LINE
            and _SENTENCE_AFTER_WORD.search(previous_text)
        ):
            return (box_start, candidate, _paragraph_end(lines, candidate)) if box_lines >= _MIN_BOX_LINES else None
        previous_text = stripped
        box_lines += 1
    return None


def _paragraph_end(lines: list[WorkLine], start: int) -> int:
    end = start
    while end < len(lines) and not lines[end].is_blank:
        end += 1
    return end
