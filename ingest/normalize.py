"""Turn a SourceDocument into CleanText (placeholder: joins lines unchanged; repair comes next)."""
from __future__ import annotations

from array import array

from maalspor.model import CleanText, SourceDocument


def normalize(source: SourceDocument) -> CleanText:
    parts: list[str] = []
    origins = array("i")
    for index, line in enumerate(source.lines):
        parts.append(line.text + "\n")
        origins.extend([index] * (len(line.text) + 1))
    return CleanText(source=source, text="".join(parts), origins=origins)
