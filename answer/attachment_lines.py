"""Where an item's attachments are listed: the lines that cite each attachment of an answer.

Minutes list an item's attachments at its end, one a line, under 'Bilag' ('Bilag / Indstilling / Bilag 1:
Beslutningsforslag / …'). The list may be on the item's last page, not the first one its citation spans, and an
attachment's name may also be a word of the item's text ('Indstilling' heads the recommendation). The list is
therefore found as the run of lines, in the item's stretch of its document, that name the attachments in their
order, each line naming one.
"""

from __future__ import annotations

from dataclasses import replace

from answer.material import Material
from maalspor.model import AgendaItem, Citation, SourceLine


def attachment_lines(item: AgendaItem, material: Material) -> list[Citation]:
    """One citation per attachment of `item`: its line in the item's attachment list, else the first line of the
    item that names it."""
    if not item.citations:
        return []
    first = item.citations[0]
    lines = [line for line in _item_lines(item, material) if line.text.strip()]
    listed = _listing(lines, item.attachments)
    return [
        replace(first, page=line.page, line_start=line.line, line_end=line.line)
        if (line := listed.get(index))
        else material.quoter.narrowed(first, name)
        for index, name in enumerate(item.attachments)
    ]


def _item_lines(item: AgendaItem, material: Material) -> list[SourceLine]:
    """The lines of the item's document from its first line up to the next item's."""
    first = item.citations[0]
    begin = (first.page or 0, first.line_start)
    starts = sorted(
        (other.citations[0].page or 0, other.citations[0].line_start)
        for other in material.items
        if other.document_id == item.document_id
        and not other.embedded
        and other.citations
        and other.citations[0].source_file == first.source_file
    )
    end = next((start for start in starts if start > begin), None)
    return [
        line
        for line in material.quoter.source_lines(first.source_file)
        if begin <= (line.page or 0, line.line) and (end is None or (line.page or 0, line.line) < end)
    ]


def _listing(lines: list[SourceLine], names: list[str]) -> dict[int, SourceLine]:
    """attachment index -> its line, from the longest run of lines naming the attachments in order (the last
    such run on a tie: the list closes the item)."""
    texts = [_plain(line.text) for line in lines]
    wanted = [_plain(name) for name in names]
    best: dict[int, SourceLine] = {}
    for start, text in enumerate(texts):
        if not wanted or text != wanted[0]:
            continue
        run = {0: lines[start]}
        for offset, name in enumerate(wanted[1:], start=1):
            if start + offset >= len(texts) or texts[start + offset] != name:
                break
            run[offset] = lines[start + offset]
        if len(run) >= len(best):
            best = run
    return best


def _plain(text: str) -> str:
    """The line's words, without the bullet a list may print before each ('• Bilag 1 - …')."""
    return " ".join(text.casefold().lstrip(" \t•·▪*–-").split())
