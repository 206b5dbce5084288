"""Lines that hold a whole page (text scraped from a web page, a paste without line breaks) are split
at item headings and field labels first, so the engine sees the labels alone on their lines.

A label inside running text counts only capitalised and followed by a colon or a capitalised word
(Danish prose writes nouns in lower case): 'Godkendt. Resumé Der er indkommet …' and
'Godkendelse af dagsorden Beslutning Godkendt.' split, '… en beslutning om …' does not.
Each piece keeps its character offsets, so citations still point into the source.
"""

from __future__ import annotations

import re

from maalspor.model import CleanText
from nlp.lines import Line
from nlp.minutes.conventions import LABELS

# Shorter lines are paragraphs, not pages.
_LONG_LINE = 300
_LABEL_NAMES = "|".join(
    re.escape(label[:1].upper() + label[1:]) for label in sorted(LABELS.exact, key=len, reverse=True)
)
_AFTER_SENTENCE = r"(?:(?<=[.!?:;)»”\"]\s)|^)"
# The label itself, alone: split before and after it.
_LABEL = re.compile(rf"(?<![\w\-])(?P<piece>(?:{_LABEL_NAMES})(?:\s*:(?=\s)|(?=\s+[A-ZÆØÅ•])))")
# An item heading: split before it ('Punkt 3: …' anywhere, 'Punkt 3 …' after a sentence).
_HEADING = re.compile(
    rf"(?:{_AFTER_SENTENCE}(?=(?:Punkt|Sag nr\.)\s+\d{{1,4}}\s*[:.]?\s+[A-ZÆØÅ])|(?<=\s)(?=Punkt\s+\d{{1,4}}:\s+[A-ZÆØÅ]))"
)


def split_page_lines(clean: CleanText, lines: list[Line]) -> list[Line]:
    return [piece for line in lines for piece in (_pieces(clean, line) if len(line.text) > _LONG_LINE else [line])]


def _pieces(clean: CleanText, line: Line) -> list[Line]:
    text = line.text
    cuts = {0, len(text)}
    for match in _LABEL.finditer(text):
        cuts |= {match.start("piece"), match.end("piece")}
    cuts |= {match.start() for match in _HEADING.finditer(text)}
    offsets = _source_offsets(clean.text[line.start : line.end])
    bounds = sorted(cuts)
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            first, last = start + lead, start + len(piece.rstrip()) - 1
            pieces.append(Line(line.start + offsets[first], line.start + offsets[last] + 1, piece.strip()))
    return pieces


def _source_offsets(raw: str) -> list[int]:
    """For each character of the whitespace-collapsed text, its offset in `raw`."""
    offsets: list[int] = []
    previous_space = True
    for index, char in enumerate(raw):
        if char.isspace():
            if not previous_space:
                offsets.append(index)
            previous_space = True
        else:
            offsets.append(index)
            previous_space = False
    return offsets
