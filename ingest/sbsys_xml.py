"""SBSYS eDagsorden publication XML: `Publication/Agendas/Agenda` with its `Meeting` and `Items/Item`.

Per item: `Number`, `Caption` (the title), `Case/Number`, `Fields/ItemField` (`Index`, `Caption`, HTML
`Content` in CDATA, `IsFeedback` true for the fields filled at the meeting, such as Beslutning) and
`Enclosure/FileName` (attachments). Dates are written dd-mm-yyyy hh:mm:ss. Field captions map to the
canonical labels through ingest.captions; empty fields are left out, as the export's own documents do.

Agenda or minutes: `PublicationTypeAsEnum` is Draft, Final or Minutes; a publication whose feedback
fields (decisions) hold text is minutes whatever its type (a draft of minutes), otherwise an agenda.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import PurePath

from ingest.captions import meeting_label
from ingest.meeting_text import AGENDA, MINUTES, Meeting, MeetingField, MeetingItem, html_lines, parse_stamp
from ingest.xml_tree import text_of

FORMAT = "sbsys-xml"
# ParticipationStatusAsText values that say a member attended or was away.
_PRESENT_STATUSES = frozenset({"participating", "present", "attending"})
_ABSENT_STATUSES = frozenset({"absent", "notparticipating", "notattending", "cancelled"})


def looks_like(root: ET.Element) -> bool:
    return root.tag == "Publication" and root.find("Agendas/Agenda") is not None


def read_meeting(root: ET.Element) -> Meeting:
    agenda = root.find("Agendas/Agenda")
    assert agenda is not None  # looks_like checked it
    committee = text_of(agenda, "Name") or text_of(agenda, "Committee/Name") or None
    start = parse_stamp(text_of(agenda, "Meeting/When"))
    items = sorted(agenda.findall("Items/Item"), key=lambda item: _number_key(text_of(item, "Number")))
    meeting = Meeting(
        committee=committee,
        name=MINUTES if _is_minutes(root, agenda) else AGENDA,
        start=start,
        place=text_of(agenda, "Meeting/Where") or None,
        present=_members(agenda, _PRESENT_STATUSES),
        absent=_members(agenda, _ABSENT_STATUSES),
    )
    meeting.items = [_item(item, meeting) for item in items]
    return meeting


def _is_minutes(root: ET.Element, agenda: ET.Element) -> bool:
    if text_of(root, "PublicationTypeAsEnum").casefold() == "minutes":
        return True
    return any(
        text_of(field, "IsFeedback").casefold() == "true" and html_lines(text_of(field, "Content"))
        for field in agenda.iter("ItemField")
    )


def _members(agenda: ET.Element, statuses: frozenset[str]) -> list[str]:
    return [
        text_of(member, "Name")
        for member in agenda.findall("Meeting/Members/MeetingMember")
        if text_of(member, "ParticipationStatusAsText").casefold() in statuses and text_of(member, "Name")
    ]


def _item(item: ET.Element, meeting: Meeting) -> MeetingItem:
    fields = sorted(item.findall("Fields/ItemField"), key=lambda field: _number_key(text_of(field, "Index")))
    return MeetingItem(
        number=text_of(item, "Number"),
        title=text_of(item, "Caption"),
        case_number=text_of(item, "Case/Number") or None,
        fields=[meeting_field for field in fields if (meeting_field := _field(field, meeting)).lines],
        attachments=[_attachment_title(name) for name in _enclosure_names(item)],
    )


def _field(field: ET.Element, meeting: Meeting) -> MeetingField:
    caption = text_of(field, "Caption")
    day = f"{meeting.start:%d-%m-%Y}" if meeting.start else None
    label = meeting_label(caption, meeting.committee, day) if caption else None
    return MeetingField(label, html_lines(text_of(field, "Content")))


def _enclosure_names(item: ET.Element) -> list[str]:
    names = [text_of(enclosure, "FileName") for enclosure in item.iter("Enclosure")]
    return list(dict.fromkeys(name for name in names if name))


def _attachment_title(file_name: str) -> str:
    """The enclosure's file name without its file type ("Brev fra KL.pdf" -> "Brev fra KL")."""
    path = PurePath(file_name)
    return path.stem if 1 < len(path.suffix) <= 5 and path.suffix[1:].isalnum() else file_name


def _number_key(number: str) -> tuple[int, str]:
    return (int(number), "") if number.isdigit() else (10**6, number)
