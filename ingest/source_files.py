"""What every reader does with the file itself: read its bytes once, hash them, refuse empty files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from maalspor.model import IngestError


def read_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise IngestError(f"{path.name}: cannot read the file ({err.strerror})") from err
    if not raw.strip():
        raise IngestError(f"{path.name}: empty file")
    return raw


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def decode_utf8(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise IngestError(f"{name}: not UTF-8 text (byte {err.start}); convert it to UTF-8 first") from err
