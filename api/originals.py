"""The original files behind the stored sources, served read-only at /files/<source file name>.

The ingest keeps each original under <data dir>/originals/ by its source file name (reliability issue);
a source whose original is not kept gets no link.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from maalspor.config import Settings

ORIGINALS_DIR = "originals"

# Shown in the browser; anything else (HTML, XML, JSON exports) is offered as plain text, never run as a page.
INLINE_TYPES = {".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8", ".md": "text/plain; charset=utf-8"}


def original_path(settings: Settings, source_file: str) -> Path | None:
    """The kept original of `source_file`, or None; a name that is not a plain file name is never resolved."""
    if not source_file or Path(source_file).name != source_file or source_file.startswith("."):
        return None
    path = settings.data_dir / ORIGINALS_DIR / source_file
    return path if path.is_file() else None


def original_url(settings: Settings, source_file: str) -> str | None:
    return f"/files/{quote(source_file)}" if original_path(settings, source_file) else None


def media_type(path: Path) -> str:
    return INLINE_TYPES.get(path.suffix.lower(), "text/plain; charset=utf-8")
