"""The table of contents of minutes or an agenda, wherever it stands, and where its entries recur.

An entry is an item's title, optionally numbered ('1.', 'Punkt 3', '312.', '1.1') and optionally
followed by a dot leader and/or its page number ('Meddelelser 3', 'Budget 2024........ 12'). A long
title wraps onto the next line before the page number. A run of at least `_MIN_ENTRIES` such lines
is a table of contents; its entries are found again in the body by fuzzy title (rapidfuzz), which
is what tells an item heading from a numbered line of prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from nlp.lines import Line

_MIN_ENTRIES = 3
_LEADER = r"(?:\s*(?:\.\s?){3,}|\s*…+)"
# 'side 3', 's. 3': a page number named as one.
_PAGE_WORD = r"(?:(?i:side|s\.)\s*)?"
# number? title leader? page: 'Svar på forslag ........ 4', '1. Meddelelser 3', 'Godkendelse af dagsorden.....'
_ENTRY = re.compile(
    r"(?:(?i:Punkt|Pkt\.|Sag\s+nr\.)\s*)?(?:(?P<number>\d{1,4}(?:\.\d{1,2})*)\.?\s+)?"
    rf"(?P<title>[A-ZÆØÅÉ\"'«(].*?)(?:(?P<leader>{_LEADER})\s*{_PAGE_WORD}(?P<page>\d{{1,4}})?"
    rf"|\s+{_PAGE_WORD}(?P<bare_page>\d{{1,4}}))"
)
# The end of a wrapped entry's second line: leader and/or page number.
_ENTRY_END = rf"(?:{_LEADER}\s*{_PAGE_WORD}\d{{0,4}}|\s+{_PAGE_WORD}\d{{1,4}})"
# A wrapped title's first line: numbered, no page yet.
_NUMBERED_START = re.compile(
    r"(?:(?i:Punkt|Pkt\.|Sag\s+nr\.)\s*)?(?P<number>\d{1,4}(?:\.\d{1,2})*)\.?\s+(?P<title>\S.*)"
)
_NON_WORD = re.compile(r"[^\wæøå]+")
# Similarity (0-100) at which a body line is taken to repeat an entry's title.
_SAME_TITLE = 88
# A title shorter than this must recur exactly; longer ones may be cut short or wrapped.
_SHORT_TITLE = 25


@dataclass(frozen=True)
class TocEntry:
    number: str | None
    title: str
    lines: tuple[int, ...]  # indexes of the entry's lines


@dataclass(frozen=True)
class Toc:
    entries: list[TocEntry]

    @property
    def line_indexes(self) -> set[int]:
        return {index for entry in self.entries for index in entry.lines}

    @property
    def end(self) -> int:
        return max(self.line_indexes) + 1 if self.entries else 0


def find_toc(lines: list[Line]) -> Toc:
    """The longest run of entry lines; blank lines and a group heading ('Åbne punkter', 'B. Lukket
    dagsorden') between entries stay inside the run. Empty when there is none."""
    best: list[TocEntry] = []
    run: list[TocEntry] = []
    index = 0
    while index < len(lines):
        entry, index = _entry_at(lines, index, in_run=bool(run))
        if entry is not None:
            run.append(entry)
        elif lines[index - 1].text and not (run and _entry_follows(lines, index)):
            best, run = max(best, run, key=len), []
    best = max(best, run, key=len)
    numbered = [entry for entry in best if entry.number]
    # A numbered table lists numbers; a run of 'Title 3' lines without any is prose or a table of figures.
    if len(best) < _MIN_ENTRIES or (numbered and len(numbered) < len(best) / 2):
        return Toc([])
    return Toc(best if not numbered or len(numbered) == len(best) else numbered)


def _entry_follows(lines: list[Line], index: int) -> bool:
    following = next((later for later in range(index, len(lines)) if lines[later].text), None)
    return following is not None and _entry_at(lines, following, in_run=True)[0] is not None


def _entry_at(lines: list[Line], index: int, in_run: bool) -> tuple[TocEntry | None, int]:
    """The entry that starts at `index` (one line, or a numbered line and its wrap) and the next index.
    Inside a run, a title cut short before its page number needs neither number nor leader."""
    text = lines[index].text
    if not text:
        return None, index + 1
    if match := _full_entry(text, in_run):
        return TocEntry(match.group("number"), _tidy(match.group("title")), (index,)), index + 1
    start = _NUMBERED_START.fullmatch(text)
    if start and index + 1 < len(lines) and (wrapped := _wrapped_end(lines[index + 1].text)):
        title = f"{start.group('title')} {wrapped.group('title')}"
        return TocEntry(start.group("number"), _tidy(title), (index, index + 1)), index + 2
    return None, index + 1


def _full_entry(text: str, in_run: bool) -> re.Match[str] | None:
    match = _ENTRY.fullmatch(text)
    if match is None:
        return None
    # Outside a run, a page number alone after the title ('… 2019 3') needs the entry's number in front.
    if not in_run and not match.group("leader") and not match.group("number"):
        return None
    return match


def _wrapped_end(text: str) -> re.Match[str] | None:
    return re.fullmatch(rf"(?P<title>\S.*?){_ENTRY_END}", text)


def _tidy(title: str) -> str:
    return " ".join(title.split()).rstrip(" .…")


def comparable(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def same_title(entry_title: str, line_text: str) -> bool:
    """Whether a body line repeats an entry's title; either may be cut short (a truncated
    table entry, a heading wrapped onto the next line)."""
    entry, line = comparable(entry_title), comparable(line_text)
    if not entry or not line:
        return False
    if min(len(entry), len(line)) < _SHORT_TITLE:
        return fuzz.ratio(entry, line) >= _SAME_TITLE
    shorter = min(len(entry), len(line))
    return fuzz.ratio(entry[:shorter], line[:shorter]) >= _SAME_TITLE
