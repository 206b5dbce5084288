"""PDF reader (pdfplumber): one SourceLine per text line, page furniture removed by position.

Line numbers: `line` counts the lines of a page as extracted, *before* headers, footers and page
numbers are removed, so a line keeps its number whatever the furniture detection decides (a citation
"page 4, line 12" stays valid). Removed lines simply leave gaps in the numbering.

Reading order: lines come in the order of the PDF's text flow (use_text_flow=True), which follows how
the producing program wrote the page: columns and table cells read cell by cell, not across. Word
exports (the Aarhus attachment of tables) read row by row, cell by cell.

Furniture, decided by position only:
- a running header/footer is a line in the top or bottom band of the page whose text (its own page
  number ignored) recurs at the same height on at least half of the pages (Ballerup's five-line page header;
  "Sager pa vej – Sundhed og Omsorg 2025" + "Side 1 af 4" on every Aarhus attachment page);
- a page number ("4", "- 4 -", "Side 4", "Side 4 af 15", "4/15") counts as furniture only in a band and
  only when no body text lies further out from the body; a number inside the body stays (it can be data).

Scans: a page with no text layer is read by OCR (ingest.ocr, Tesseract's Danish model) when Tesseract is
installed; its lines carry `ocr_confidence`. Without Tesseract a PDF with no text at all is refused with a
"no text layer" message. A scan whose text layer is an invisible overlay keeps that text layer (it is text).
A page whose text repeats an earlier page's verbatim (an archive's scan with its transcription, then the
transcription again as a page of its own) is left out, so the text is not counted twice; citations point
at the first page.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from ingest.ocr import OcrPage, image_pages, ocr_available, ocr_pages
from ingest.source_files import content_hash, read_bytes
from maalspor.config import load_settings
from maalspor.model import IngestError, SourceDocument, SourceLine

_BAND = 0.20  # top and bottom share of the page height where headers and footers live
_SAME_HEIGHT = 3.0  # points: tolerance for "at the same vertical position"
_REPEATED_PAGE_MIN_CHARS = 200  # shorter pages (a cover sheet, "Bilag 2") may well repeat on purpose
_PAGE_NUMBER = re.compile(r"^(?:side\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:af|/|of)\s*\d{1,4})?$", re.IGNORECASE)


@dataclass(frozen=True)
class PlacedLine:
    page: int
    line: int  # 1-based, as extracted on the page
    text: str
    top: float
    bottom: float
    page_height: float
    ocr_confidence: float | None = None

    @property
    def in_header_band(self) -> bool:
        return self.bottom <= self.page_height * _BAND

    @property
    def in_footer_band(self) -> bool:
        return self.top >= self.page_height * (1 - _BAND)


def read_pdf(path: Path, ocr_max_pages: int | None = None) -> SourceDocument:
    """The PDF's lines; `ocr_max_pages` (default: the MAALSPOR_OCR_MAX_PAGES setting) bounds OCR, 0 turns it off."""
    raw = read_bytes(path)
    if not raw.startswith(b"%PDF"):
        raise IngestError(f"{path.name}: not a PDF file (no %PDF header)")
    limit = ocr_max_pages if ocr_max_pages is not None else load_settings().ocr_max_pages
    ocr = limit > 0 and ocr_available()
    pages = _extract_pages(raw, path.name)
    scanned = _scanned_pages(raw, pages, path.name, limit)
    if ocr and scanned:
        pages = _with_ocr(raw, pages, scanned, path.name)
    pages = without_repeated_pages(pages)
    placed = [line for page in pages for line in page]
    if not placed:
        raise IngestError(f"{path.name}: {_no_text_problem(path.name, len(pages), ocr)}")
    running = running_furniture(pages)
    furniture = running | page_numbers(pages, running)
    lines = [
        SourceLine(page=line.page, line=line.line, text=line.text, ocr_confidence=line.ocr_confidence)
        for line in placed
        if line not in furniture
    ]
    return SourceDocument(
        source_file=path.name, content_hash=content_hash(raw), format="pdf", lines=lines, page_count=len(pages)
    )


def _extract_pages(raw: bytes, name: str) -> list[list[PlacedLine]]:
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:  # parse the very bytes that were hashed
            return [_closed_page_lines(page, number) for number, page in enumerate(pdf.pages, start=1)]
    except PdfminerException as err:
        raise IngestError(f"{name}: {_pdf_problem(err.args[0] if err.args else err)}") from err
    except (PDFPasswordIncorrect, PDFEncryptionError, PDFSyntaxError) as err:
        raise IngestError(f"{name}: {_pdf_problem(err)}") from err
    except Exception as err:  # pdfminer raises bare errors (KeyError, struct.error...) on damaged files
        raise IngestError(f"{name}: damaged PDF, cannot be read ({type(err).__name__})") from err


def _no_text_problem(name: str, page_count: int, ocr: bool) -> str:
    if ocr:
        return f"no text layer, and OCR found no text either ({page_count} pages)"
    return (
        f"no text layer (scanned PDF, {page_count} pages) and OCR is off (Tesseract with its Danish model "
        f"missing: scripts/ensure_tesseract.sh, or MAALSPOR_OCR_MAX_PAGES=0); or run OCR first, e.g. "
        f"`ocrmypdf {name} out.pdf`"
    )


def _scanned_pages(raw: bytes, pages: list[list[PlacedLine]], name: str, limit: int) -> list[int]:
    """Pages with no text layer but an image to read; more than `limit` (when OCR is on) refuse the PDF.

    The limit applies whether Tesseract is installed or not, so a PDF is refused or not alike everywhere.
    """
    blank = [number for number, page in enumerate(pages, start=1) if not page]
    scanned = image_pages(raw, blank) if blank and limit > 0 else []
    if len(scanned) > limit:
        raise IngestError(
            f"{name}: {len(scanned)} pages with no text layer need OCR, more than MAALSPOR_OCR_MAX_PAGES ({limit}) allows"
        )
    return scanned


def _with_ocr(raw: bytes, pages: list[list[PlacedLine]], scanned: list[int], name: str) -> list[list[PlacedLine]]:
    """The pages, the scanned ones read by OCR."""
    read = {page.number: _placed_ocr_lines(page) for page in ocr_pages(raw, scanned, name)}
    return [read.get(number, page) for number, page in enumerate(pages, start=1)]


def _placed_ocr_lines(page: OcrPage) -> list[PlacedLine]:
    return [
        PlacedLine(page.number, index, line.text, line.top, line.bottom, page.height, line.confidence)
        for index, line in enumerate(page.lines, start=1)
    ]


def without_repeated_pages(pages: list[list[PlacedLine]]) -> list[list[PlacedLine]]:
    """The pages, a page whose text repeats an earlier page's verbatim emptied (its number stays taken)."""
    seen: set[tuple[str, ...]] = set()
    kept: list[list[PlacedLine]] = []
    for page in pages:
        texts = tuple(line.text for line in page)
        repeated = texts in seen and sum(len(text) for text in texts) >= _REPEATED_PAGE_MIN_CHARS
        seen.add(texts)
        kept.append([] if repeated else page)
    return kept


def _pdf_problem(cause: object) -> str:
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return "encrypted (password-protected) PDF; save an unprotected copy first"
    return f"damaged PDF, cannot be read ({type(cause).__name__}: {str(cause)[:80]})"


def _closed_page_lines(page: pdfplumber.page.Page, number: int) -> list[PlacedLine]:
    """The page's lines, its parsed layout then dropped: pdfplumber keeps every page's objects (and a
    text map cache that holds every page) until closed, which made memory grow ~6 MB per page."""
    try:
        return _page_lines(page, number)
    finally:
        page.close()


def _page_lines(page: pdfplumber.page.Page, number: int) -> list[PlacedLine]:
    extracted = page.extract_text_lines(use_text_flow=True, return_chars=False)
    return [
        PlacedLine(number, index, line["text"], line["top"], line["bottom"], float(page.height))
        for index, line in enumerate(extracted, start=1)
    ]


def running_furniture(pages: list[list[PlacedLine]]) -> set[PlacedLine]:
    """Band lines whose text (own page number ignored) recurs at the same height on at least half of the pages."""
    if len(pages) < 2:
        return set()
    pages_by_key: dict[tuple[str, int], set[int]] = defaultdict(set)
    lines_by_key: dict[tuple[str, int], list[PlacedLine]] = defaultdict(list)
    for line in (line for page in pages for line in page if line.in_header_band or line.in_footer_band):
        key = (_without_page_number(line), round(line.top / _SAME_HEIGHT))
        pages_by_key[key].add(line.page)
        lines_by_key[key].append(line)
    needed = max(2, (len(pages) + 1) // 2)
    return {line for key, lines in lines_by_key.items() if len(pages_by_key[key]) >= needed for line in lines}


def _without_page_number(line: PlacedLine) -> str:
    """The line's text with its own page number blanked ("Side 4 af 15" on page 4 -> "Side # af 15").

    Other digits stay ("Dato: 04.12.2012" on page 12 too): a case number such as "EMN-2023-009832" at the top of every Aarhus item page is data.
    """
    return re.sub(rf"(?<![\d.,]){line.page}(?![\d.,])", "#", line.text.strip())


def page_numbers(pages: list[list[PlacedLine]], running: set[PlacedLine]) -> set[PlacedLine]:
    """Page-number lines in a band with nothing but furniture further out (above a header, below a footer)."""
    found: set[PlacedLine] = set()
    for page in pages:
        for line in page:
            if not _is_page_number(line) or not (line.in_header_band or line.in_footer_band):
                continue
            further_out = [
                other
                for other in page
                if (other.bottom <= line.top if line.in_header_band else other.top >= line.bottom) and other is not line
            ]
            if all(other in running or _is_page_number(other) for other in further_out):
                found.add(line)
    return found


def _is_page_number(line: PlacedLine) -> bool:
    return bool(_PAGE_NUMBER.match(line.text.strip()))
