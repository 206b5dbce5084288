"""OCR of PDF pages that have no text layer: each page rendered at 300 dpi and read by Tesseract's Danish model.

Tesseract runs as a subprocess per page (`tesseract stdin stdout -l dan --psm 1 tsv`): automatic page
segmentation with orientation detection, so a landscape table scanned onto a portrait page is read too
(without the orientation model, osd, plain automatic segmentation: --psm 3).
Its TSV output gives every word's box and confidence (0-100); words are grouped into Tesseract's own
lines, and a line's confidence is the mean of its words', scaled to 0..1. Boxes are converted to PDF
points so the page-furniture rules of the PDF reader apply to OCR lines unchanged.

Tesseract gets one thread per page (OMP_THREAD_LIMIT=1, a page is too small a job to gain from more);
pages are read in parallel instead, by up to half the machine's cores. When Tesseract or its Danish
model is missing, `ocr_available()` says so and the PDF reader keeps refusing scanned pages with its
"no text layer" message (scripts/ensure_tesseract.sh installs both).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from maalspor.model import IngestError

OCR_DPI = 300
OCR_LANGUAGE = "dan"
_PAGE_TIMEOUT_S = 600
# Tesseract processes at once: half the cores, so ingest leaves room for the rest of the machine.
_WORKERS = max(1, (os.cpu_count() or 2) // 2)
_POINTS_PER_INCH = 72


@dataclass(frozen=True)
class OcrLine:
    text: str
    confidence: float  # 0..1, mean of the words' confidences
    top: float  # PDF points from the top of the page, as rendered
    bottom: float


@dataclass(frozen=True)
class _PageImage:
    number: int
    height: float  # points
    png: bytes


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based
    height: float  # points, as rendered (after the page's own rotation)
    lines: list[OcrLine]


@cache
def _installed_models() -> frozenset[str]:
    if shutil.which("tesseract") is None:
        return frozenset()
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return frozenset(listed.stdout.split())


def ocr_available() -> bool:
    """Whether Tesseract with the Danish model can be run here."""
    return OCR_LANGUAGE in _installed_models()


def _page_segmentation() -> str:
    """Automatic segmentation with orientation detection where its model (osd) is installed, else without."""
    return "1" if "osd" in _installed_models() else "3"


def ocr_pages(raw: bytes, page_numbers: list[int], name: str) -> list[OcrPage]:
    """OCR the given 1-based pages of the PDF `raw`, in order.

    Pages are rendered one at a time (pdfium is not thread-safe) and read by up to _WORKERS Tesseract
    processes at once, a batch at a time, so memory holds no more than a batch of page images.
    """
    pdf = pdfium.PdfDocument(raw)
    try:
        read: list[OcrPage] = []
        with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
            for start in range(0, len(page_numbers), _WORKERS):
                images = [_page_image(pdf[number - 1], number) for number in page_numbers[start : start + _WORKERS]]
                read.extend(pool.map(lambda image: _read_image(image, name), images))
        return read
    finally:
        pdf.close()


def image_pages(raw: bytes, page_numbers: list[int]) -> list[int]:
    """Those of the given 1-based pages that hold an image (a page with neither text nor image is blank)."""
    pdf = pdfium.PdfDocument(raw)
    try:
        return [number for number in page_numbers if _has_image(pdf[number - 1])]
    finally:
        pdf.close()


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _page_image(page: pdfium.PdfPage, number: int) -> _PageImage:
    image = page.render(scale=OCR_DPI / _POINTS_PER_INCH, grayscale=True).to_pil()
    png = io.BytesIO()
    image.save(png, format="PNG", compress_level=1)
    return _PageImage(number, image.height * _points_per_pixel(), png.getvalue())


def _read_image(image: _PageImage, name: str) -> OcrPage:
    try:
        result = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", OCR_LANGUAGE, "--psm", _page_segmentation(), "tsv"],
            input=image.png,
            capture_output=True,
            timeout=_PAGE_TIMEOUT_S,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    except subprocess.TimeoutExpired as err:
        raise IngestError(f"{name}: OCR of page {image.number} took longer than {_PAGE_TIMEOUT_S} s") from err
    if result.returncode != 0:
        problem = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise IngestError(f"{name}: OCR of page {image.number} failed (tesseract: {problem[0][:120]})")
    return OcrPage(image.number, image.height, tsv_lines(result.stdout.decode("utf-8", "replace")))


def _points_per_pixel() -> float:
    return _POINTS_PER_INCH / OCR_DPI


def tsv_lines(tsv: str) -> list[OcrLine]:
    """Tesseract's TSV words (level 5) grouped into its lines (block, paragraph, line), in reading order."""
    words_by_line: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "5" and (row.get("text") or "").strip():
            words_by_line.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    return [_line(words) for words in words_by_line.values()]


def _line(words: list[dict[str, str]]) -> OcrLine:
    scale = _points_per_pixel()
    tops = [int(word["top"]) for word in words]
    bottoms = [int(word["top"]) + int(word["height"]) for word in words]
    confidence = sum(max(0.0, float(word["conf"])) for word in words) / len(words) / 100
    return OcrLine(
        text=" ".join(word["text"].strip() for word in words),
        confidence=round(confidence, 3),
        top=min(tops) * scale,
        bottom=max(bottoms) * scale,
    )
