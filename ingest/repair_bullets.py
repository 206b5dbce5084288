"""List markers at line start ("", "", "✓", "- ✓", "–", …) become one form: "• ".

A plain hyphen counts as a marker only before a long line of text (corpus/004 "- Implementering af …"):
short lines such as "- Feb 2019   957" in corpus/002's tables are data.
"""

from __future__ import annotations

import re

from ingest.worklines import WorkLine

BULLET = "• "
# Private-use glyphs come from Symbol/Wingdings fonts (F0B7 bullet, F0D8 arrow, F0FC check mark, F0A7 square).
_MARKER = re.compile(
    r"^(?:[-–]\s*[✓✔]|[\uf0b7\uf0d8\uf0fc\uf0a7\uf076\uf0a8•●▪■◦○✓✔➢➤►]|–(?=\s)|-(?=\s+[^\W\d_].{24}))\s*"
)


def repair_bullets(lines: list[WorkLine]) -> list[WorkLine]:
    return [_normalise_marker(line) for line in lines]


def _normalise_marker(line: WorkLine) -> WorkLine:
    match = _MARKER.match(line.text)
    if not match or match.end() == len(line.text):
        return line
    if line.text.startswith(BULLET) and match.end() == len(BULLET):
        return line
    return line.replace_span(0, match.end(), BULLET)
