"""Every ingested file is kept as it was read, read-only, under `<data dir>/originals/<sha256>/<name>`,
so the web page can offer the original and a re-parse never depends on the user's folders."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePath

from index.store.sqlite import Store
from maalspor.model import Document


def keep_original(originals_dir: Path, raw: bytes, content_hash: str, source_file: str) -> Path:
    """Write the very bytes that were hashed and parsed (not a later copy of the path) and make them
    read-only; the same content is stored once."""
    target = _original_path(originals_dir, content_hash, source_file)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # write beside the target, then rename: a reader never sees half a file
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    with os.fdopen(handle, "wb") as out:
        out.write(raw)
    os.chmod(temporary, 0o444)
    os.replace(temporary, target)
    return target


def original_file(store: Store, document: Document, source_file: str | None = None) -> Path | None:
    """The kept original of the document's primary file (or of one of its renditions, by source_file);
    None when the file was ingested before originals were kept."""
    wanted = source_file or document.source_file
    if wanted != document.source_file and wanted not in document.renditions:
        return None
    stored = store.source(wanted)
    if stored is None:
        return None
    path = _original_path(store.originals_dir, stored.content_hash, wanted)
    return path if path.is_file() else None


def _original_path(originals_dir: Path, content_hash: str, source_file: str) -> Path:
    return originals_dir / content_hash / PurePath(source_file).name
