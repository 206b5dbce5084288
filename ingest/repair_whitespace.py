"""Whitespace repair: odd spaces become plain spaces, runs collapse, line ends are trimmed."""

from __future__ import annotations

import re

from ingest.worklines import WorkLine

# No-break, figure, narrow and other Unicode spaces, tabs and soft hyphens' invisible friends.
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_SPACE_RUN = re.compile(r" {2,}")


def repair_whitespace(lines: list[WorkLine]) -> list[WorkLine]:
    return [_clean_line(line) for line in lines]


def _clean_line(line: WorkLine) -> WorkLine:
    kept = [(char, origin) for char, origin in zip(line.text, line.origins, strict=False) if not _INVISIBLE.match(char)]
    chars = [" " if _ODD_SPACE.match(char) else char for char, _ in kept]
    origins = [origin for _, origin in kept]
    text = "".join(chars)
    # Collapse runs right to left so earlier offsets stay valid.
    for match in reversed(list(_SPACE_RUN.finditer(text))):
        del chars[match.start() + 1 : match.end()]
        del origins[match.start() + 1 : match.end()]
        text = "".join(chars)
    start = len(text) - len(text.lstrip(" "))
    end = len(text.rstrip(" "))
    return WorkLine(text[start:end], origins[start:end], line.home)
