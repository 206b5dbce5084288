"""Whitespace repair: odd spaces become plain spaces, runs collapse, line ends are trimmed."""

from __future__ import annotations

import re

from ingest.worklines import WorkLine

# No-break, figure, narrow and other Unicode spaces, tabs and soft hyphens' invisible friends.
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
# Anything the repair would change; most lines have none of it and are kept as they are.
_NEEDS_REPAIR = re.compile(rf"{_ODD_SPACE.pattern}|{_INVISIBLE.pattern}| {{2}}|^ | $")


def repair_whitespace(lines: list[WorkLine]) -> list[WorkLine]:
    return [_clean_line(line) if _NEEDS_REPAIR.search(line.text) else line for line in lines]


def _clean_line(line: WorkLine) -> WorkLine:
    """One pass: invisible characters dropped, odd spaces made plain, a run of spaces kept as its first."""
    chars: list[str] = []
    origins: list[int] = []
    for char, origin in zip(line.text, line.origins, strict=True):
        if _INVISIBLE.match(char):
            continue
        if _ODD_SPACE.match(char):
            char = " "
        if char == " " and chars and chars[-1] == " ":
            continue
        chars.append(char)
        origins.append(origin)
    text = "".join(chars)
    start = len(text) - len(text.lstrip(" "))
    end = len(text.rstrip(" "))
    return WorkLine(text[start:end], origins[start:end], line.home)
