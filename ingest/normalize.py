"""Turn a SourceDocument into CleanText: repair extraction damage, keep every character's source line.

The repairs run in order over one line-based working structure (ingest.worklines.WorkLine); each is a
small function usable alone. Normally one clean line stands for one source line: repairs drop
furniture lines and move a misplaced text box, but never merge paragraphs, because the parsers
downstream are line-based.
"""

from __future__ import annotations

from collections.abc import Callable

from ingest.lexicon import Lexicon
from ingest.repair_bullets import repair_bullets
from ingest.repair_hyphenation import repair_hyphenation
from ingest.repair_pagefurniture import repair_page_furniture
from ingest.repair_splitwords import repair_split_words
from ingest.repair_textbox import repair_text_boxes
from ingest.repair_whitespace import repair_whitespace
from ingest.worklines import WorkLine, clean_text_of, work_lines_of
from maalspor.model import CleanText, SourceDocument

Repair = Callable[[list[WorkLine], Lexicon], list[WorkLine]]

# Order matters: whitespace first (the others match on trimmed text), furniture before the text-box
# and hyphenation repairs (a page number between two lines hides their connection), words last.
REPAIRS: tuple[Repair, ...] = (
    lambda lines, _: repair_whitespace(lines),
    lambda lines, _: repair_page_furniture(lines),
    lambda lines, _: repair_bullets(lines),
    lambda lines, _: repair_text_boxes(lines),
    repair_hyphenation,
    repair_split_words,
)


def normalize(source: SourceDocument) -> CleanText:
    lines = work_lines_of(source)
    lexicon = Lexicon.for_text([line.text for line in source.lines])
    for repair in REPAIRS:
        lines = repair(lines, lexicon)
    return clean_text_of(source, lines)
