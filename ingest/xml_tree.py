"""Safe parsing of XML exports and small helpers to read their elements.

Exports are parsed with the standard library's expat parser. A document that declares a DTD or entities
is refused: meeting exports need neither, and refusing them rules out entity expansion and any external
resource. eDoc writes page breaks as character references to form feeds (&#xC;), which XML 1.0 forbids;
such control characters, as references or raw, become line breaks before parsing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from maalspor.model import IngestError

_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# Control characters XML 1.0 forbids (all below 0x20 except tab, line feed and carriage return).
_CONTROL_REFERENCE = re.compile(rb"&#(?:x0*(?:[0-8bcef]|1[0-9a-f])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));", re.IGNORECASE)
_CONTROL_CHARACTER = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def parse_xml(raw: bytes, name: str) -> ET.Element:
    """The root element; the parser decodes the bytes as the XML declaration says (UTF-8 by default)."""
    if _DECLARATION.search(raw):
        raise IngestError(f"{name}: XML with a DTD or entity declarations is not read (meeting exports need none)")
    cleaned = _CONTROL_CHARACTER.sub(b"\n", _CONTROL_REFERENCE.sub(b"\n", raw))
    try:
        return ET.fromstring(cleaned)
    except ET.ParseError as err:
        raise IngestError(f"{name}: invalid XML ({err})") from err


def text_of(element: ET.Element | None, path: str = ".") -> str:
    """The stripped text at `path` under `element` ("" when absent or empty)."""
    found = element.find(path) if element is not None else None
    return (found.text or "").strip() if found is not None else ""
