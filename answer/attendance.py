"""Who the minutes' header records as absent or present: the lines before the first agenda item.

Minutes list the meeting's attendance once, in the header ('Fraværende: John T. Olsen, Marc Genning',
'Tilstede' followed by names, 'Afbud/Fraværende'); a decision may add its own absences. The labels are
data (ABSENCE_LABEL, PRESENCE_LABEL), Danish and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answer.records import CitationQuoter
from maalspor.model import AgendaItem, Citation, Document, SourceLine

ABSENCE_LABEL = re.compile(
    r"^\s*(?:afbud\s*/\s*fraværende|fraværende|afbud|forfald|forhindret|ikke til stede|absent|apologies)\b\s*:?\s*(?P<names>.*)$",
    re.I,
)
PRESENCE_LABEL = re.compile(
    r"^\s*(?:tilstede|til stede|deltagere|mødedeltagere|present|attendees)\b\s*:?\s*(?P<names>.*)$", re.I
)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|;|\bog\b|\band\b)\s*")


@dataclass(frozen=True)
class Attendance:
    absent: list[str]
    absence_line: Citation | None  # the header line naming the absent members
    presence_line: Citation | None  # the header line that opens the attendance list
    present: list[str]  # the names on that line ('Deltagere: A, B (V), C'); empty where they follow on other lines


def header_attendance(document: Document, items: list[AgendaItem], quoter: CitationQuoter) -> Attendance:
    """The absences the header of `document` records (its lines before the first item's first line)."""
    header = _header_lines(document, items, quoter)
    absence = next((line for line in header if ABSENCE_LABEL.match(line.text)), None)
    presence = next((line for line in header if PRESENCE_LABEL.match(line.text)), None)
    absent = _names(ABSENCE_LABEL, absence)
    return Attendance(absent, _cite(document, absence), _cite(document, presence), _names(PRESENCE_LABEL, presence))


def _names(label: re.Pattern, line: SourceLine | None) -> list[str]:
    """The names listed after the label on its line."""
    match = label.match(line.text) if line is not None else None
    listed = match.group("names") if match else ""
    return [n.strip(" .") for n in _NAME_SEPARATOR.split(listed) if n.strip(" .")]


def _header_lines(document: Document, items: list[AgendaItem], quoter: CitationQuoter) -> list[SourceLine]:
    own = [
        c for item in items if not item.embedded for c in item.citations[:1] if c.source_file == document.source_file
    ]
    first = min(((c.page or 0, c.line_start) for c in own), default=None)
    lines = quoter.source_lines(document.source_file)
    if first is None:
        return lines[:40]
    return [line for line in lines if ((line.page or 0), line.line) < first]


def _cite(document: Document, line: SourceLine | None) -> Citation | None:
    return None if line is None else Citation(document.source_file, line.page, line.line, line.line)
