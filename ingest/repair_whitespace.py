"""Whitespace repair: odd spaces become plain spaces, runs collapse, line ends are trimmed."""

from __future__ import annotations

import re

from ingest.worklines import WorkLine

# No-break, figure, narrow and other Unicode spaces, tabs; and soft hyphens' invisible friends.
ODD_SPACES = "\t\u00a0" + "".join(chr(code) for code in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
INVISIBLE = "\u00ad\u200b\u200c\u200d\ufeff"
_AS_PLAIN_SPACE = str.maketrans(dict.fromkeys(ODD_SPACES, " "))
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_SPACE_RUN = re.compile(" {2,}")
# Anything the repair would change; most lines have none of it and are kept as they are.
_NEEDS_REPAIR = re.compile(f"[{ODD_SPACES}{INVISIBLE}]| {{2}}|^ | $")


def repair_whitespace(lines: list[WorkLine]) -> list[WorkLine]:
    return [_clean_line(line) if _NEEDS_REPAIR.search(line.text) else line for line in lines]


def _clean_line(line: WorkLine) -> WorkLine:
    """Invisible characters dropped, odd spaces made plain, a run of spaces kept as its first, ends trimmed;
    whole slices at a time, each kept character with its origin (a table row is long and mostly spaces)."""
    text, origins = line.text, line.origins
    if _INVISIBLE.search(text):
        kept = [index for index, char in enumerate(text) if char not in INVISIBLE]
        text, origins = "".join(text[index] for index in kept), [origins[index] for index in kept]
    text = text.translate(_AS_PLAIN_SPACE)
    text_parts, origin_parts, start = [], [], 0
    for run in _SPACE_RUN.finditer(text):
        text_parts.append(text[start : run.start() + 1])
        origin_parts.extend(origins[start : run.start() + 1])
        start = run.end()
    text = "".join(text_parts) + text[start:]
    origin_parts.extend(origins[start:])
    begin = len(text) - len(text.lstrip(" "))
    end = len(text.rstrip(" "))
    return WorkLine(text[begin:end], origin_parts[begin:end], line.home)
