"""What every reader does with the file itself: refuse what is not a regular file or is too large,
read its bytes once, hash them, refuse empty files; and the page limit for paged formats."""

from __future__ import annotations

import hashlib
import io
import stat
from pathlib import Path

from maalspor.config import load_settings
from maalspor.model import IngestError, SourceDocument

_MB = 1024 * 1024


def check_file(path: Path, max_file_mb: int | None = None) -> int:
    """The file's size in bytes, after refusing (IngestError, one line) what cannot be read as a document:
    a missing path, a folder, a pipe, device or socket (reading them blocks or never ends), a file
    over MAALSPOR_MAX_FILE_MB."""
    try:
        info = path.stat()
    except FileNotFoundError as err:
        raise IngestError(f"{path.name}: no such file") from err
    except OSError as err:
        raise IngestError(f"{path.name}: cannot read the file ({err.strerror})") from err
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{path.name}: is a folder; name the folder itself to read the files in it")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(f"{path.name}: not a regular file (a pipe, device or socket); only files are read")
    limit_mb = max_file_mb if max_file_mb is not None else load_settings().max_file_mb
    if info.st_size > limit_mb * _MB:
        raise IngestError(
            f"{path.name}: {info.st_size / _MB:.1f} MB is over the limit of {limit_mb} MB (MAALSPOR_MAX_FILE_MB)"
        )
    return info.st_size


def read_bytes(path: Path) -> bytes:
    check_file(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise IngestError(f"{path.name}: cannot read the file ({err.strerror})") from err
    if not raw.strip():
        raise IngestError(f"{path.name}: empty file")
    return raw


def check_page_count(raw: bytes, name: str, max_pages: int | None = None) -> None:
    """Refuse a PDF with more pages than MAALSPOR_MAX_PAGES before its text is extracted (extraction
    time and memory grow with the pages). Counting reads only the page tree, not the page contents;
    a PDF too damaged to count is left to the reader, which reports it."""
    if not raw.lstrip()[:5].startswith(b"%PDF"):
        return
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    limit = max_pages if max_pages is not None else load_settings().max_pages
    try:  # the page tree's /Count: no page is parsed
        count = int(resolve1(resolve1(PDFDocument(PDFParser(io.BytesIO(raw))).catalog["Pages"])["Count"]))
    except Exception:  # noqa: BLE001 - damaged or encrypted: the PDF reader gives the precise message
        return
    if count > limit:
        raise IngestError(f"{name}: {count} pages is over the limit of {limit} pages (MAALSPOR_MAX_PAGES)")


def check_text_size(source: SourceDocument, max_text_mb: int | None = None) -> None:
    """Refuse a document holding more than MAALSPOR_MAX_TEXT_MB of extracted text (in characters, newlines
    included): normalising and parsing take 10-20 s per MB on 2 cores, so a larger text would hold the
    ingest for minutes."""
    limit = max_text_mb if max_text_mb is not None else load_settings().max_text_mb
    characters = sum(len(line.text) + 1 for line in source.lines)
    if characters > limit * _MB:
        raise IngestError(
            f"{source.source_file}: {characters / _MB:.1f} MB of text is over the limit of {limit} MB "
            "(MAALSPOR_MAX_TEXT_MB); split the file"
        )


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def decode_utf8(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise IngestError(f"{name}: not UTF-8 text (byte {err.start}); convert it to UTF-8 first") from err
