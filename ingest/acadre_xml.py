"""Acadre MM meeting XML: generic `table`/`fields`/`field` elements told apart by their `name` attribute.

The layout, as the public OS2web importers read it: `table[@name='agenda']` with its fields (`name`,
`producedate`), `table[@name='meeting']` (`name`, `date`, `finish`, `location`),
`table[@name='committee']` (`name`), and per agenda item `table[@name='agendaitemparents']` (field
`sort`: the item number) holding `table[@name='agendaitem']` (`name`, `caseno`) with its text parts
`table[@name='bullet']` (`bulletname`, HTML `bulletcontent`) and files `table[@name='enclosure']`
(`name`). Bullet names map to canonical labels through ingest.captions; empty bullets are left out.
Dates are ISO 8601 or dd-mm-yyyy hh:mm:ss.

Agenda or minutes: whether the agenda is a referat is kept outside the file (in Acadre's publication
manifest), so the file counts as minutes when its agenda is named a referat or a decision bullet holds text.
The committee's member list names who sits on it, not who attended, so it is not rendered as attendance.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ingest.captions import meeting_label
from ingest.meeting_text import AGENDA, MINUTES, Meeting, MeetingField, MeetingItem, html_lines, parse_stamp

FORMAT = "acadre-xml"
_DECISION_LABEL = "Beslutning"


def _agenda(root: ET.Element) -> ET.Element | None:
    return root if _is_table(root, "agenda") else root.find(".//table[@name='agenda']")


def _is_table(element: ET.Element, name: str) -> bool:
    return element.tag == "table" and element.get("name") == name


def _field(table: ET.Element | None, name: str) -> str:
    found = table.find(f"fields/field[@name='{name}']") if table is not None else None
    return (found.text or "").strip() if found is not None else ""


def looks_like(root: ET.Element) -> bool:
    agenda = _agenda(root)
    return agenda is not None and agenda.find("table[@name='agendaitemparents']") is not None


def read_meeting(root: ET.Element) -> Meeting:
    agenda = _agenda(root)
    assert agenda is not None  # looks_like checked it
    meeting_table = agenda.find("table[@name='meeting']")
    meeting = Meeting(
        committee=_field(agenda.find("table[@name='committee']"), "name") or None,
        name=AGENDA,
        start=parse_stamp(_field(meeting_table, "date")),
        place=_field(meeting_table, "location") or None,
    )
    parents = sorted(agenda.findall("table[@name='agendaitemparents']"), key=_sort_key)
    meeting.items = [_item(parent, meeting) for parent in parents]
    decided = any(field.label and field.label.startswith(_DECISION_LABEL) for i in meeting.items for field in i.fields)
    if decided or "referat" in _field(agenda, "name").casefold():
        meeting.name = MINUTES
    return meeting


def _sort_key(parent: ET.Element) -> tuple[int, str]:
    number = _field(parent, "sort")
    return (int(number), "") if number.isdigit() else (10**6, number)


def _item(parent: ET.Element, meeting: Meeting) -> MeetingItem:
    item = parent.find("table[@name='agendaitem']")
    day = f"{meeting.start:%d-%m-%Y}" if meeting.start else None
    fields = [
        MeetingField(meeting_label(_field(bullet, "bulletname"), meeting.committee, day) or None, lines)
        for bullet in (item.findall("table[@name='bullet']") if item is not None else [])
        if (lines := html_lines(_field(bullet, "bulletcontent")))
    ]
    enclosures = item.findall("table[@name='enclosure']") if item is not None else []
    return MeetingItem(
        number=_field(parent, "sort"),
        title=_field(item, "name"),
        case_number=_field(item, "caseno") or None,
        fields=fields,
        attachments=[name for enclosure in enclosures if (name := _field(enclosure, "name"))],
    )
