"""Meeting exports in XML, told apart by their structure: eDoc publishing, SBSYS publication and Acadre MM.

Each format module reads its tree into an ingest.meeting_text.Meeting; this module parses the file
safely (ingest.xml_tree), picks the format whose structure the tree has, and renders the canonical text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ingest import acadre_xml, edoc_xml, sbsys_xml
from ingest.meeting_text import Meeting, meeting_document
from ingest.source_files import read_bytes
from ingest.xml_tree import parse_xml
from maalspor.model import IngestError, SourceDocument


class XmlFormat(NamedTuple):
    name: str  # SourceDocument.format
    looks_like: Callable[[ET.Element], bool]
    read_meeting: Callable[[ET.Element], Meeting]


XML_FORMATS = (
    XmlFormat(edoc_xml.FORMAT, edoc_xml.looks_like, edoc_xml.read_meeting),
    XmlFormat(sbsys_xml.FORMAT, sbsys_xml.looks_like, sbsys_xml.read_meeting),
    XmlFormat(acadre_xml.FORMAT, acadre_xml.looks_like, acadre_xml.read_meeting),
)


def looks_like_xml(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml")


def read_xml_meeting(path: Path) -> SourceDocument:
    raw = read_bytes(path)
    root = parse_xml(raw, path.name)
    xml_format = next((candidate for candidate in XML_FORMATS if candidate.looks_like(root)), None)
    if xml_format is None:
        raise IngestError(
            f"{path.name}: XML but not a known meeting export (eDoc publishing, SBSYS publication or Acadre MM); "
            f"its root element is <{root.tag}>"
        )
    meeting = xml_format.read_meeting(root)
    if not meeting.items:
        raise IngestError(f"{path.name}: the {xml_format.name} meeting export holds no agenda items")
    return meeting_document(path, raw, xml_format.name, meeting)
