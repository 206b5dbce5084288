"""Reader for plain-text extractions (the seed corpus): one SourceLine per line, no pages."""

from __future__ import annotations

from pathlib import Path

from ingest.source_files import content_hash, decode_utf8, read_bytes
from maalspor.model import SourceDocument, SourceLine


def read_text(path: Path) -> SourceDocument:
    raw = read_bytes(path)
    text = decode_utf8(raw, path.name)
    lines = [SourceLine(page=None, line=number, text=line) for number, line in enumerate(text.splitlines(), start=1)]
    return SourceDocument(source_file=path.name, content_hash=content_hash(raw), format="text", lines=lines)
