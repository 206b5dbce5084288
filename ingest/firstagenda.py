"""Reader for FirstAgenda publication JSON (e.g. Greve Kommune's dagsordener.greve.dk exports).

The meeting is rendered into the canonical meeting text of ingest.meeting_text (its docstring shows the
layout, line by line); citations refer to those generated lines. The meeting name is the export's own
("Dagsorden" even for minutes: `Moede.Navn`). Field labels are the field names of the export
(`Felter[].Navn`); FIELD_LABELS lists the usual ones. A heading inside the field HTML that is no field
label (a sub-heading inside Sagsbeskrivelse) is a line of its own. The export wraps the case text in a
heading "Fremstilling" with no text of its own; that wrapper is left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest.meeting_text import Meeting, MeetingField, MeetingItem, html_lines, meeting_document, parse_stamp
from ingest.source_files import decode_utf8, read_bytes
from maalspor.model import IngestError, SourceDocument

FIELD_LABELS = (
    "Beslutning",
    "Sagsprocedure",
    "Resume",
    "Indstilling",
    "Sagsbeskrivelse",
    "Sagsfremstilling",
    "Lovgrundlag",
    "Økonomiske konsekvenser",
    "Kommunikation",
    "Høring",
    "Tidsplan",
    "Øvrige forhold",
    "Øvrige konsekvenser",
    "Sagens forløb",
    "Bilag",
)
_WRAPPER_HEADINGS = frozenset({"Fremstilling"})


def looks_like_firstagenda(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("Dagsordenpunkter"), list)
        and isinstance(data.get("Moede"), dict)
    )


def read_firstagenda_json(path: Path) -> SourceDocument:
    raw = read_bytes(path)
    try:
        data = json.loads(decode_utf8(raw, path.name))
    except json.JSONDecodeError as err:
        raise IngestError(f"{path.name}: invalid JSON (line {err.lineno}: {err.msg})") from err
    if not looks_like_firstagenda(data):
        raise IngestError(f"{path.name}: JSON but not a FirstAgenda meeting export (no 'Dagsordenpunkter'/'Moede')")
    return meeting_document(path, raw, "firstagenda-json", firstagenda_meeting(data))


def firstagenda_meeting(data: dict[str, Any]) -> Meeting:
    meeting = data["Moede"]
    participants = meeting.get("Moededeltagere") or []
    items = sorted(data["Dagsordenpunkter"], key=lambda item: item.get("Sorting") or 0)
    return Meeting(
        committee=(data.get("Udvalg") or {}).get("Navn"),
        name=meeting.get("Navn"),
        start=parse_stamp(meeting.get("MeetingBeginUtc") or meeting.get("Dato")),
        place=meeting.get("Sted"),
        present=[person["Name"] for person in participants if not person.get("Absent")],
        absent=[person["Name"] for person in participants if person.get("Absent")],
        items=[_agenda_item(item) for item in items],
    )


def _agenda_item(item: dict[str, Any]) -> MeetingItem:
    return MeetingItem(
        number=str(item.get("Punktnummer") or item.get("Number")),
        title=item.get("Navn") or item.get("Caption") or "",
        case_number=item.get("SagsNummer") or None,
        attendance=_attendance(item.get("ExternalAgendaItemAttendees") or []),
        fields=[
            MeetingField(field.get("Navn") or None, html_lines(field.get("Html") or "", _WRAPPER_HEADINGS))
            for field in item.get("Felter") or []
        ],
        attachments=[attachment["Navn"] for attachment in item.get("Bilag") or [] if attachment.get("Navn")],
    )


def _attendance(attendees: list[dict[str, Any]]) -> dict[str, list[str]]:
    names_by_reason: dict[str, list[str]] = {}
    for attendee in attendees:
        names_by_reason.setdefault(attendee.get("Reason") or "Fraværende", []).append(attendee["Name"])
    return names_by_reason
