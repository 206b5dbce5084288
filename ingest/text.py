"""Reader for plain-text extractions (the seed corpus): one SourceLine per line, no pages."""
from __future__ import annotations

import hashlib
from pathlib import Path

from maalspor.model import IngestError, SourceDocument, SourceLine


def read_text(path: Path) -> SourceDocument:
    raw = path.read_bytes()
    if not raw.strip():
        raise IngestError(f"{path.name}: empty file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise IngestError(f"{path.name}: not UTF-8 text (byte {err.start}); convert it to UTF-8 first") from err
    lines = [SourceLine(page=None, line=number, text=line) for number, line in enumerate(text.splitlines(), start=1)]
    return SourceDocument(
        source_file=path.name,
        content_hash=hashlib.sha256(raw).hexdigest(),
        format="text",
        lines=lines,
    )
