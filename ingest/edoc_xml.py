"""eDoc agenda publishing XML: `Meeting` with `Committee`, `MeetingDate`, `MeetingState` and, per agenda type
(open, closed), `MeetingAgendaItems/MeetingAgendaItem`.

Per item: `AgendaItemNumber`, `Document/Title`, `Document/Attachments/Attachment/Title` and `FullText`, the
item's text as plain lines (captions such as "Sammendrag" or "Indstilling" alone on their lines, then the
decision header "<Udvalg>s beslutning den dd.mm.yyyy Punkt N"). The full text is the item's body: its own
heading line ("2.<tab>Title") and its blank lines are dropped, "Sagsnr.: ..." becomes the case number, and
caption lines map to canonical labels through ingest.captions. The attachment titles of the structure are
listed under "Bilag" only when the text has no attachment list of its own. Dates are dd-mm-yyyy hh:mm:ss.

Agenda or minutes: `MeetingState` ("Referat endeligt godkendt", "Dagsorden godkendt") says which.
Attendance: the agenda type's own `FullText` is the whole document, front page first; the names under
its "Tilstede" and "Afbud/Fraværende" headings become the header's Deltagere and Fraværende lines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ingest.captions import canonical_label
from ingest.meeting_text import AGENDA, ATTACHMENTS_LABEL, MINUTES, Meeting, MeetingField, MeetingItem, parse_stamp
from ingest.xml_tree import text_of

FORMAT = "edoc-xml"
# Attendance headings of the meeting's front page (in the agenda type's full text).
_PRESENT_HEADINGS = frozenset({"tilstede", "til stede", "deltagere", "mødedeltagere"})
_ABSENT_HEADINGS = frozenset({"afbud/fraværende", "fraværende/afbud", "afbud", "fraværende"})
# The front page ends where the table of contents or the first item begins.
_FRONT_PAGE_END = re.compile(r"indholdsfortegnelse$|\d+\.\s", re.IGNORECASE)
_CASE_NUMBER = re.compile(r"(?:sagsnr|sagsnummer|sag nr)\.?:\s*(?P<number>\S+)", re.IGNORECASE)


def looks_like(root: ET.Element) -> bool:
    return root.tag == "Meeting" and root.find("MeetingAgendaTypes") is not None


def read_meeting(root: ET.Element) -> Meeting:
    state = text_of(root, "MeetingState")
    items = [
        _item(item)
        for agenda_type in root.findall("MeetingAgendaTypes/MeetingAgendaType")
        for item in sorted(agenda_type.findall("MeetingAgendaItems/MeetingAgendaItem"), key=_number_key)
    ]
    front_page = [
        text_of(agenda_type, "FullText") for agenda_type in root.findall("MeetingAgendaTypes/MeetingAgendaType")
    ]
    return Meeting(
        committee=text_of(root, "Committee") or None,
        name=MINUTES if "referat" in state.casefold() else AGENDA,
        start=parse_stamp(text_of(root, "MeetingDate")),
        present=_names_under(front_page[0] if front_page else "", _PRESENT_HEADINGS),
        absent=_names_under(front_page[0] if front_page else "", _ABSENT_HEADINGS),
        items=items,
    )


def _names_under(full_text: str, headings: frozenset[str]) -> list[str]:
    """The names listed under the front page's attendance heading: the lines up to the next blank line.

    "Lolan Ottesen (A) - formand" gives "Lolan Ottesen (A)": the role after the dash is no part of the name.
    """
    lines = [line.strip() for line in full_text.splitlines()]
    lines = lines[: next((index for index, line in enumerate(lines) if _FRONT_PAGE_END.match(line)), len(lines))]
    start = next((index + 1 for index, line in enumerate(lines) if line.casefold() in headings), len(lines))
    end = next((index for index in range(start, len(lines)) if not lines[index]), len(lines))
    return [line.split(" - ", 1)[0].strip() for line in lines[start:end]]


def _number_key(item: ET.Element) -> tuple[int, str]:
    number = text_of(item, "AgendaItemNumber")
    return (int(number), "") if number.isdigit() else (10**6, number)


def _item(item: ET.Element) -> MeetingItem:
    number = text_of(item, "AgendaItemNumber")
    title = text_of(item, "Document/Title") or text_of(item, "Document/AgendaItems/AgendaItem/Name")
    lines = _body_lines(text_of(item, "FullText"), number)
    case_number = next((match.group("number") for line in lines if (match := _CASE_NUMBER.fullmatch(line))), None)
    body = [line for line in lines if not _CASE_NUMBER.fullmatch(line)]
    attachments = [text_of(attachment, "Title") for attachment in item.findall("Document/Attachments/Attachment")]
    return MeetingItem(
        number=number,
        title=title,
        case_number=case_number,
        fields=[MeetingField(None, body)] if body else [],
        attachments=[] if ATTACHMENTS_LABEL in body else [title for title in attachments if title],
    )


def _body_lines(full_text: str, number: str) -> list[str]:
    """The item text as non-blank lines, tabs as spaces, caption lines as canonical labels, own heading dropped."""
    lines = [" ".join(line.split()) for line in full_text.splitlines()]
    lines = [line for line in lines if line]
    if lines and re.match(rf"{re.escape(number)}\.\s", lines[0]):
        lines = lines[1:]
    return [canonical_label(line) for line in lines]
