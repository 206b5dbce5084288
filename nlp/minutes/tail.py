"""Where the last agenda item ends when attachments follow it in the same file.

The meeting's last item (and an earlier item reproduced inside an attachment) has no next
heading to stop at. It closes with its decision block, optionally followed by its attachment
list; the first line that fits neither belongs to the attachments.
"""

from __future__ import annotations

import re

from nlp.decisions import is_absence_line, parse_decision_header
from nlp.lines import Line
from nlp.minutes.sections import Labels, Part

_LIST_ENTRY = re.compile(r"^(?:•|\d{1,2}\.\s|\d{4}\s*[–-]\s*\d+\s+-\s)")
# Without an absence line to close a decision, we keep at most this many lines of decision text.
_MAX_DECISION_LINES = 6


def closing_end(lines: list[Line], labels: Labels) -> int:
    """Index in `lines` after the item's last line (len(lines) if no decision is found)."""
    start = _first_decision(lines, labels)
    if start is None:
        return len(lines)
    end = _decision_end(lines, start, labels)
    following = next((index for index in range(end, len(lines)) if lines[index].text), None)
    if following is not None and labels.part_of(lines[following]) is Part.ATTACHMENTS:
        end = _list_end(lines, following + 1)
    return end


def _first_decision(lines: list[Line], labels: Labels) -> int | None:
    for index, line in enumerate(lines):
        if line.text and (labels.part_of(line) is Part.DECISION or parse_decision_header(line.text)):
            return index
    return None


def _decision_end(lines: list[Line], start: int, labels: Labels) -> int:
    """Index after the decision block: its last absence line, or its first sentence when no
    absence line follows within reach."""
    closed_at: int | None = None  # after the latest absence line
    first_sentence: int | None = None
    text_lines = 0
    for index in range(start + 1, len(lines)):
        text = lines[index].text
        if not text:
            continue
        if parse_decision_header(text):
            closed_at, first_sentence, text_lines = None, None, 0
            continue
        if is_absence_line(text):
            closed_at = index + 1
            continue
        if labels.part_of(lines[index]) is not None or closed_at is not None:
            return closed_at if closed_at is not None else index
        text_lines += 1
        if first_sentence is None and text.endswith("."):
            first_sentence = index + 1
        if text_lines > _MAX_DECISION_LINES:
            break
    if closed_at is not None:
        return closed_at
    return first_sentence if first_sentence is not None else len(lines)


def _list_end(lines: list[Line], start: int) -> int:
    end = start
    for index in range(start, len(lines)):
        if not lines[index].text:
            continue
        if not _LIST_ENTRY.match(lines[index].text):
            break
        end = index + 1
    return end
