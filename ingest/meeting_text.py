"""The canonical meeting text that every structured reader (FirstAgenda JSON, eDoc, SBSYS and Acadre XML) renders.

A structured export has no lines of its own, so its meeting becomes generated text lines; citations for
such a document refer to these line numbers (page=None). One layout for all formats lets the one minutes
engine parse them all. Line by line:

    <committee name>                                  e.g. "Beskæftigelses- og Erhvervsudvalget"
    <meeting name>                                    "Dagsorden" or "Referat" (agenda or minutes)
    Mødedato: dd-mm-yyyy kl. HH:MM
    Mødested: <place>                                 (when given)
    Deltagere: <name>, <name>, ...                    (when given; the present members)
    Fraværende: <name>, ...                           (when any member is marked absent)
    <blank>
    Punkt N: <title>                                  one per agenda item, in agenda order
    Sagsnummer: <case number>                         (when given)
    <reason>: <name>, ...                             per-item attendance notes, e.g. "Fraværende: Morten Dahlin"
    <field label>                                     a label alone on its line, e.g. "Beslutning", "Resume",
    <field text lines>                                "Indstilling", "Sagsbeskrivelse", "Sagens forløb", ...
    ...                                               in the order the export holds them
    Bilag                                             (when the item has attachments)
    • <attachment name>
    <blank>                                           one blank line ends every item

Field text never holds a blank line (a blank line ends the item). HTML field text: paragraphs and table
cells one per line, <ul> items as "• text", <ol> items as "N. text" (ingest.html.html_blocks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ingest.html import html_blocks
from ingest.source_files import content_hash
from maalspor.model import SourceDocument, SourceLine, SourceMeta

AGENDA = "Dagsorden"
MINUTES = "Referat"
ATTACHMENTS_LABEL = "Bilag"
BULLET = "• "

# Date stamps of the exports: eDoc and SBSYS write "04-12-2012 13:00:00", FirstAgenda and Acadre ISO 8601;
# Danish dotted dates ("04.12.2012 13:00") are read too.
_STAMP_FORMATS = tuple(
    f"%d{separator}%m{separator}%Y{clock}" for separator in "-." for clock in (" %H:%M:%S", " %H:%M", "")
)


@dataclass
class MeetingField:
    label: str | None  # None: text with no heading of its own
    lines: list[str]


@dataclass
class MeetingItem:
    number: str
    title: str
    case_number: str | None = None
    attendance: dict[str, list[str]] = field(default_factory=dict)  # reason ("Fraværende") -> names
    fields: list[MeetingField] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


@dataclass
class Meeting:
    committee: str | None
    name: str | None  # the meeting's own name ("Dagsorden", "Referat")
    start: datetime | None
    place: str | None = None
    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    items: list[MeetingItem] = field(default_factory=list)


def parse_stamp(stamp: str | None) -> datetime | None:
    """An export's date stamp (dd-mm-yyyy hh:mm:ss or ISO 8601), or None when it is missing or unreadable."""
    text = (stamp or "").strip()
    if not text:
        return None
    for pattern in _STAMP_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def html_lines(html: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """The text lines of an HTML field; blocks whose whole text is in `skip` (wrapper headings) are left out."""
    return [block.text for block in html_blocks(html) if block.text not in skip]


def header_lines(meeting: Meeting) -> list[str]:
    lines = [text for text in (meeting.committee, meeting.name) if text]
    if meeting.start:
        lines.append(f"Mødedato: {meeting.start:%d-%m-%Y kl. %H:%M}")
    if meeting.place:
        lines.append(f"Mødested: {meeting.place}")
    if meeting.present:
        lines.append("Deltagere: " + ", ".join(meeting.present))
    if meeting.absent:
        lines.append("Fraværende: " + ", ".join(meeting.absent))
    return lines + [""]


def item_lines(item: MeetingItem) -> list[str]:
    lines = [f"Punkt {item.number}: {item.title}".rstrip()]
    if item.case_number:
        lines.append(f"Sagsnummer: {item.case_number}")
    lines.extend(f"{reason}: {', '.join(names)}" for reason, names in item.attendance.items())
    for meeting_field in item.fields:
        if meeting_field.label:
            lines.append(meeting_field.label)
        lines.extend(line for line in meeting_field.lines if line.strip())
    if item.attachments:
        lines.append(ATTACHMENTS_LABEL)
        lines.extend(BULLET + name for name in item.attachments)
    return lines + [""]


def meeting_lines(meeting: Meeting) -> list[str]:
    lines = header_lines(meeting)
    for item in meeting.items:
        lines.extend(item_lines(item))
    return lines


def meeting_document(path: Path, raw: bytes, source_format: str, meeting: Meeting) -> SourceDocument:
    """The meeting as a SourceDocument of generated lines, with the metadata the export states."""
    day = f"{meeting.start:%d-%m-%Y}" if meeting.start else None
    return SourceDocument(
        source_file=path.name,
        content_hash=content_hash(raw),
        format=source_format,
        lines=[SourceLine(page=None, line=number, text=text) for number, text in enumerate(meeting_lines(meeting), 1)],
        meta=SourceMeta(
            title=" ".join(part for part in (meeting.committee, meeting.name, day) if part),
            committee=meeting.committee,
            meeting_date=meeting.start.date().isoformat() if meeting.start else None,
            municipality=None,  # no export names the municipality
        ),
    )
