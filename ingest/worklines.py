"""The line-based working structure the repairs share: text plus, per character, its source line.

Repairs may edit, drop, move or merge characters between lines; each character keeps the index of
the SourceLine it came from, so CleanText.origins stay exact whatever the repairs do.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from maalspor.model import CleanText, SourceDocument


@dataclass
class WorkLine:
    text: str
    origins: list[int]  # per character: index into SourceDocument.lines
    home: int  # the source line this line started as; the origin of its newline and of an emptied line

    def __post_init__(self) -> None:
        if len(self.text) != len(self.origins):
            raise ValueError("text and origins differ in length")

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    def slice(self, start: int, end: int | None = None) -> WorkLine:
        return WorkLine(self.text[start:end], self.origins[start:end], self.home)

    def concat(self, other: WorkLine) -> WorkLine:
        return WorkLine(self.text + other.text, self.origins + other.origins, self.home)

    def replace_span(self, start: int, end: int, new_text: str) -> WorkLine:
        """Replace text[start:end]; new characters take the origin of the first replaced one (or a neighbour)."""
        anchor = self.origins[start] if start < len(self.origins) else (self.origins[-1] if self.origins else self.home)
        return WorkLine(
            self.text[:start] + new_text + self.text[end:],
            self.origins[:start] + [anchor] * len(new_text) + self.origins[end:],
            self.home,
        )


def work_lines_of(source: SourceDocument) -> list[WorkLine]:
    return [WorkLine(line.text, [index] * len(line.text), index) for index, line in enumerate(source.lines)]


def clean_text_of(source: SourceDocument, lines: list[WorkLine]) -> CleanText:
    parts: list[str] = []
    origins = array("i")
    for line in lines:
        parts.append(line.text)
        parts.append("\n")
        origins.extend(line.origins)
        origins.append(line.origins[-1] if line.origins else line.home)
    return CleanText(source=source, text="".join(parts), origins=origins)
