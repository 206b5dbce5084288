"""Reader for FirstAgenda publication JSON (e.g. Greve Kommune's dagsordener.greve.dk exports).

The meeting becomes generated text lines; citations for such a document refer to these line numbers
(page=None), since the JSON itself has no lines. The layout, line by line:

    <committee name>                                  e.g. "Beskæftigelses- og Erhvervsudvalget"
    <meeting name>                                    "Dagsorden" (the export's own name for the meeting)
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

Field labels are the headings (<h3>/<h4>) of the item's HTML; FIELD_LABELS lists the usual ones. A
heading that is no field label (a sub-heading inside Sagsbeskrivelse) is also a line of its own. The
export wraps the case text in a heading "Fremstilling" with no text of its own; that wrapper is left out.
Field text: paragraphs and table cells one per line, <ul> items as "• text", <ol> items as "N. text".
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from ingest.html import html_blocks
from ingest.source_files import content_hash, decode_utf8, read_bytes
from maalspor.model import IngestError, SourceDocument, SourceLine, SourceMeta

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
_WRAPPER_HEADING = "Fremstilling"


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
    meeting, committee = data["Moede"], (data.get("Udvalg") or {}).get("Navn")
    texts = meeting_header(meeting, committee)
    for item in sorted(data["Dagsordenpunkter"], key=lambda item: item.get("Sorting") or 0):
        texts.extend(agenda_item_lines(item))
    meeting_date = _meeting_start(meeting)
    return SourceDocument(
        source_file=path.name,
        content_hash=content_hash(raw),
        format="firstagenda-json",
        lines=[SourceLine(page=None, line=number, text=text) for number, text in enumerate(texts, start=1)],
        meta=SourceMeta(
            title=" ".join(
                part for part in (committee, meeting.get("Navn"), meeting_date and f"{meeting_date:%d-%m-%Y}") if part
            ),
            committee=committee,
            meeting_date=meeting_date.date().isoformat() if meeting_date else None,
            municipality=None,  # the export does not name the municipality
        ),
    )


def meeting_header(meeting: dict[str, Any], committee: str | None) -> list[str]:
    lines = [text for text in (committee, meeting.get("Navn")) if text]
    start = _meeting_start(meeting)
    if start:
        lines.append(f"Mødedato: {start:%d-%m-%Y kl. %H:%M}")
    if meeting.get("Sted"):
        lines.append(f"Mødested: {meeting['Sted']}")
    participants = meeting.get("Moededeltagere") or []
    present = [person["Name"] for person in participants if not person.get("Absent")]
    absent = [person["Name"] for person in participants if person.get("Absent")]
    if present:
        lines.append("Deltagere: " + ", ".join(present))
    if absent:
        lines.append("Fraværende: " + ", ".join(absent))
    return lines + [""]


def agenda_item_lines(item: dict[str, Any]) -> list[str]:
    lines = [
        f"Punkt {item.get('Punktnummer') or item.get('Number')}: {item.get('Navn') or item.get('Caption') or ''}".rstrip()
    ]
    if item.get("SagsNummer"):
        lines.append(f"Sagsnummer: {item['SagsNummer']}")
    lines.extend(_attendance_lines(item.get("ExternalAgendaItemAttendees") or []))
    for field in item.get("Felter") or []:
        if field.get("Navn"):
            lines.append(field["Navn"])
        lines.extend(block.text for block in html_blocks(field.get("Html") or "") if block.text != _WRAPPER_HEADING)
    attachments = [attachment["Navn"] for attachment in item.get("Bilag") or [] if attachment.get("Navn")]
    if attachments:
        lines.append("Bilag")
        lines.extend(f"• {name}" for name in attachments)
    return lines + [""]


def _attendance_lines(attendees: list[dict[str, Any]]) -> list[str]:
    names_by_reason: dict[str, list[str]] = {}
    for attendee in attendees:
        names_by_reason.setdefault(attendee.get("Reason") or "Fraværende", []).append(attendee["Name"])
    return [f"{reason}: {', '.join(names)}" for reason, names in names_by_reason.items()]


def _meeting_start(meeting: dict[str, Any]) -> datetime | None:
    stamp = meeting.get("MeetingBeginUtc") or meeting.get("Dato")
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None
