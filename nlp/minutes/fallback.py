"""Items without headings, found by their field labels: a single exported item, an earlier
meeting's item reproduced in an attachment, an agenda whose headings did not survive conversion.

Every item opens with the same field (its summary, mostly 'Resumé'); the title is the short
paragraph right above that label. The item runs to the next opener.
"""

from __future__ import annotations

from nlp.lines import Line
from nlp.minutes.assemble import ItemSpan
from nlp.minutes.conventions import CASE_NUMBER, LABELS
from nlp.minutes.sections import Part, split_sections
from nlp.minutes.tail import closing_end

_MAX_TITLE_LINES = 3
# An item found by labels alone holds at least this many different fields.
_MIN_FIELDS = 2


def items_by_labels(lines: list[Line], embedded: bool) -> list[ItemSpan]:
    """Items opened by the document's first kind of field label. Reproduced (embedded) items
    must carry a decision: attachments quote summaries without being items."""
    opener = _opening_part(lines)
    if opener is None:
        return []
    openers = [index for index, line in enumerate(lines) if line.text and LABELS.part_of(line) is opener]
    spans: list[ItemSpan] = []
    for index, next_opener in zip(openers, [*openers[1:], len(lines)], strict=True):
        title_start = _title_start(lines, index)
        if title_start is None:
            continue
        end = index + closing_end(lines[index:next_opener], LABELS)
        parts = {section.part for section in split_sections(lines[index:end], LABELS) if section.label}
        if len(parts) < _MIN_FIELDS or (embedded and Part.DECISION not in parts):
            continue
        number = f"bilag-{len(spans) + 1}" if embedded else str(len(spans) + 1)
        title = [line for line in lines[title_start:index] if not CASE_NUMBER.fullmatch(line.text)]
        spans.append(ItemSpan(number, title, lines[title_start:end], lines[index:end], embedded))
    return spans


def _opening_part(lines: list[Line]) -> Part | None:
    """The summary label where there is one, else the first label of the text."""
    parts = [part for line in lines if line.text and (part := LABELS.part_of(line)) is not None]
    if Part.RESUME in parts:
        return Part.RESUME
    return parts[0] if parts else None


def _title_start(lines: list[Line], label_at: int) -> int | None:
    """First line of the paragraph just above a label (and its case-number lines): at most a few
    lines, none ending a sentence."""
    index = label_at - 1
    while index >= 0 and (not lines[index].text or CASE_NUMBER.fullmatch(lines[index].text)):
        index -= 1
    paragraph_end = index
    while index >= 0 and lines[index].text and not lines[index].text.endswith((".", ":")):
        index -= 1
    start = index + 1
    return start if 0 < paragraph_end + 1 - start <= _MAX_TITLE_LINES else None
