"""Write a text PDF of any page count without a PDF library: corpus-like pages for the memory benchmark.

Each page carries a running header, up to 45 body lines taken in turn from the given text, and a
"Side N af M" footer, in the standard Helvetica font with WinAnsi encoding (so æøå stay æøå).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

_LINES_PER_PAGE = 45
_PAGE_HEIGHT = 842  # A4 in points
_PAGE_WIDTH = 595


def write_pdf(target: Path, pages: int, text: str, header: str = "Kommune – Referat") -> None:
    """A `pages`-page PDF at `target`, its body lines drawn from `text` in turn."""
    body = [line.strip() for line in text.splitlines() if line.strip()]
    font_id, pages_id = 1, 2
    objects: dict[int, bytes] = {
        font_id: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    page_ids = []
    lines = _cycle(body)
    for number in range(1, pages + 1):
        content_id, page_id = 3 + 2 * (number - 1), 4 + 2 * (number - 1)
        stream = _page_stream(header, [next(lines) for _ in range(_LINES_PER_PAGE)], f"Side {number} af {pages}")
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[page_id] = (
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, _PAGE_WIDTH, _PAGE_HEIGHT, content_id, font_id)
        )
        page_ids.append(page_id)
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects[pages_id] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    catalog_id = 3 + 2 * pages
    objects[catalog_id] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    target.write_bytes(_document(objects, catalog_id))


def _cycle(lines: list[str]) -> Iterator[str]:
    while True:
        yield from lines


def _page_stream(header: str, body: list[str], footer: str) -> bytes:
    placed = [(800, header), *((760 - 15 * index, line) for index, line in enumerate(body)), (40, footer)]
    shown = b"\n".join(b"BT /F1 10 Tf 50 %d Td (%s) Tj ET" % (top, _pdf_string(text)) for top, text in placed)
    return shown


def _pdf_string(text: str) -> bytes:
    encoded = text[:100].encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _document(objects: dict[int, bytes], catalog_id: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for object_id in sorted(objects):
        offsets[object_id] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (object_id, objects[object_id])
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[object_id] for object_id in range(1, size))
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, catalog_id, xref_at)
    return bytes(out)
