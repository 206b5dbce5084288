"""Pick the reader for a file by its content: PDF magic bytes, FirstAgenda JSON, HTML, XML meeting exports, UTF-8 text."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.firstagenda import looks_like_firstagenda, read_firstagenda_json
from ingest.html import read_html
from ingest.pdf import read_pdf
from ingest.source_files import check_text_size, read_bytes
from ingest.text import read_text
from ingest.xml_meetings import looks_like_xml, read_xml_meeting
from maalspor.model import IngestError, SourceDocument

# What the pipeline lists in a directory; content still decides the reader.
SUPPORTED_SUFFIXES = frozenset({".pdf", ".json", ".txt", ".md", ".html", ".htm", ".xml"})
_TEXT_SUFFIXES = frozenset({".txt", ".md"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})


def read_source(path: Path) -> SourceDocument:
    """The file's lines, refused (IngestError) when it holds more text than MAALSPOR_MAX_TEXT_MB."""
    source = _read_by_format(path)
    check_text_size(source)
    return source


def _read_by_format(path: Path) -> SourceDocument:
    raw = read_bytes(path)
    suffix = path.suffix.lower()
    if raw.lstrip()[:5].startswith(b"%PDF"):
        return read_pdf(path)
    if suffix == ".json" or raw.lstrip()[:1] in (b"{", b"["):
        return _read_json(path, raw)
    if suffix in _HTML_SUFFIXES:
        return read_html(path)
    if suffix == ".xml" or (suffix not in _TEXT_SUFFIXES and looks_like_xml(raw)):
        return read_xml_meeting(path)
    if suffix in _TEXT_SUFFIXES:
        return read_text(path)
    raise IngestError(
        f"{path.name}: unknown format; supported are PDF, FirstAgenda JSON, HTML, eDoc/SBSYS/Acadre XML and UTF-8 text ({', '.join(sorted(SUPPORTED_SUFFIXES))})"
    )


def _read_json(path: Path, raw: bytes) -> SourceDocument:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        if path.suffix.lower() in _TEXT_SUFFIXES:
            return read_text(path)  # a text file that merely starts with a brace
        raise IngestError(f"{path.name}: invalid JSON ({type(err).__name__})") from err
    if not looks_like_firstagenda(data):
        raise IngestError(f"{path.name}: JSON but not a FirstAgenda meeting export (no 'Dagsordenpunkter'/'Moede')")
    return read_firstagenda_json(path)
