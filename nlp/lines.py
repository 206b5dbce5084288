"""Lines of a CleanText with their character offsets: the unit the plan, minutes and goal parsers work on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from maalspor.model import Citation, CleanText
from nlp.danish import strip_bullet

_PAGE_NUMBER = re.compile(r"\d{1,3}")
_NO_WORDS = re.compile(r"[^\w]*")
# "ny 2030-" + "fremskrivning": a hyphenated compound broken after its hyphen ...
_HYPHEN_END = re.compile(r"\w-$")
# ... unless the next word shows a suspended compound: "Budgetreduktions- og effektiviseringsforslag".
_SUSPENDED = re.compile(r"^(?:og|eller|samt|til)\b")
# Line ends after which a wrapped line is a new paragraph, not a continuation.
_SENTENCE_END = (".", ":", "!", "?")
# List entries: bullets, "1)", "a.", and "1." before a capital or "at" ("27. august" is a date).
_LIST_START = re.compile(r"^(?:•|-|\d+\)|[a-zA-Z][.)]|\d+\.(?=\s+(?:at\s|[A-ZÆØÅ])))\s")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first (non-blank) character in clean.text
    end: int  # offset after the last non-blank character
    text: str  # stripped, inner whitespace runs collapsed
    # The raw line began with whitespace. The normaliser trims lines, so this holds only for text
    # that bypassed it; the plan parser reads such a line as a list entry that lost its bullet.
    indented: bool = field(default=False, compare=False)

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def without_bullet(self) -> str:
        return strip_bullet(self.text)


def text_lines(clean: CleanText) -> list[Line]:
    """Every line of the text, a final newline opening no empty last line."""
    raws = clean.text.split("\n")
    if raws[-1] == "":
        raws.pop()
    lines = []
    start = 0
    for raw in raws:
        stripped = raw.strip()
        offset = start + (len(raw) - len(raw.lstrip()))
        lines.append(Line(offset, offset + len(stripped), " ".join(stripped.split()), raw[:1].isspace()))
        start += len(raw) + 1
    return lines


def after_prefix(line: Line, prefix_length: int) -> Line:
    """The part of `line` after its first `prefix_length` characters (a heading's 'N. ')."""
    rest = line.text[prefix_length:]
    return Line(line.end - len(rest), line.end, rest)


def page_of(clean: CleanText, line: Line) -> int | None:
    return clean.source.lines[clean.origins[min(line.start, len(clean.origins) - 1)]].page


def content(lines: list[Line]) -> list[Line]:
    """Lines with words, without the bare page numbers (and stray dots) a PDF conversion leaves."""
    return [line for line in lines if not _NO_WORDS.fullmatch(line.text) and not _PAGE_NUMBER.fullmatch(line.text)]


def join_wrapped(first: str, second: str) -> str:
    """Join a line and its wrapped continuation."""
    if _HYPHEN_END.search(first) and not _SUSPENDED.match(second):
        return first + second
    return f"{first} {second}"


def unwrap(lines: list[Line]) -> str:
    """Join wrapped lines into paragraphs: one line per paragraph or list entry."""
    paragraphs: list[str] = []
    for line in content(lines):
        starts_new = not paragraphs or paragraphs[-1].endswith(_SENTENCE_END) or _LIST_START.match(line.text)
        if starts_new:
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = join_wrapped(paragraphs[-1], line.text)
    return "\n".join(paragraphs)


def cite(clean: CleanText, lines: list[Line]) -> Citation:
    """Citation of the span from the first to the last non-blank line."""
    filled = [line for line in lines if line.text] or lines
    return clean.cite(filled[0].start, filled[-1].end)
