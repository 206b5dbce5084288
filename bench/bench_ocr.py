"""OCR quality and cost: PDF pages with a text layer rendered to images, read back by OCR, scored against the text layer.

Pages come from the PDFs under ../shared/realdocs (both folders; corpus/ holds text files only): every
page with at least 200 characters of text and no image covering most of it (a scan with an overlay
transcription is no answer key), taken round-robin across the files up to --pages. The pages are put
into one text PDF (the pages themselves) and one scanned PDF (each page rendered at 300 dpi, grey, no
text layer); both are ingested into a fresh store, timed, and the stored lines of each page compared:

- CER: Levenshtein distance between the page texts (lines joined by spaces, whitespace collapsed)
  divided by the length of the text layer's text, over all pages together;
- word recall: share of the text layer's words that the OCR text holds (order-free);
- mean OCR line confidence.

Order matters to CER: a table read column by column instead of cell by cell, or dot leaders read as
letters, cost much, so the per-page figures are printed too; word recall is the order-free view.

.venv/bin/python bench/bench_ocr.py [--pages 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from index.store.pipeline import ingest_paths  # noqa: E402
from index.store.sqlite import Store  # noqa: E402
from ingest.ocr import OCR_DPI, ocr_available  # noqa: E402
from maalspor.model import SourceLine  # noqa: E402

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"
_MIN_CHARS = 200
_MAX_IMAGE_SHARE = 0.5


def answer_key_pages(pdf_path: Path) -> list[int]:
    """0-based pages with a real text layer: enough text, no image covering most of the page."""
    keep = []
    with pdfplumber.open(pdf_path) as pdf:
        for index, page in enumerate(pdf.pages):
            area = float(page.width * page.height)
            image_area = max((float(i["width"] * i["height"]) for i in page.images), default=0.0)
            if len(page.extract_text() or "") >= _MIN_CHARS and image_area < _MAX_IMAGE_SHARE * area:
                keep.append(index)
    return keep


def sample_pages(limit: int) -> list[tuple[Path, int]]:
    per_file = {path: answer_key_pages(path) for path in sorted(REALDOCS.rglob("*.pdf"))}
    sample: list[tuple[Path, int]] = []
    while len(sample) < limit and any(per_file.values()):
        for path, pages in per_file.items():
            if pages and len(sample) < limit:
                sample.append((path, pages.pop(0)))
    return sample


def build_pdfs(sample: list[tuple[Path, int]], folder: Path) -> tuple[Path, Path]:
    text_pdf, images = pdfium.PdfDocument.new(), []
    for path, index in sample:
        source = pdfium.PdfDocument(path)
        text_pdf.import_pages(source, [index])
        images.append(source[index].render(scale=OCR_DPI / 72, grayscale=True).to_pil())
    text_path, scan_path = folder / "bench_text.pdf", folder / "bench_scan.pdf"
    text_pdf.save(text_path)
    images[0].save(scan_path, save_all=True, append_images=images[1:], resolution=OCR_DPI)
    return text_path, scan_path


def timed_ingest(path: Path, folder: Path) -> tuple[float, list[SourceLine]]:
    store = Store(folder / f"{path.stem}.sqlite3")
    started = time.perf_counter()
    report = ingest_paths([path], store)
    seconds = time.perf_counter() - started
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed}")
    lines = store.source_lines(path.name)
    store.close()
    return seconds, lines


def page_texts(lines: list[SourceLine]) -> dict[int | None, str]:
    by_page: dict[int | None, list[str]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line.text)
    return {page: " ".join(" ".join(texts).split()) for page, texts in by_page.items()}


def report_quality(sample: list[tuple[Path, int]], key_lines: list[SourceLine], ocr_lines: list[SourceLine]) -> None:
    key, read = page_texts(key_lines), page_texts(ocr_lines)
    for page, text in sorted(key.items(), key=lambda item: item[0] or 0):
        path, index = sample[(page or 1) - 1]
        cer = Levenshtein.distance(read.get(page, ""), text) / max(1, len(text))
        print(f"  {path.name} p. {index + 1}: CER {cer:.3f} ({len(text)} characters)")
    distance = sum(Levenshtein.distance(read.get(page, ""), text) for page, text in key.items())
    length = sum(len(text) for text in key.values())
    key_words = Counter(word for text in key.values() for word in text.split())
    read_words = Counter(word for text in read.values() for word in text.split())
    recall = sum((key_words & read_words).values()) / max(1, sum(key_words.values()))
    confidences = [line.ocr_confidence for line in ocr_lines if line.ocr_confidence is not None]
    print(f"CER {distance / max(1, length):.3f} over {length} characters on {len(key)} pages")
    print(f"word recall {recall:.3f} ({sum(key_words.values())} words)")
    print(f"mean line confidence {sum(confidences) / max(1, len(confidences)):.3f} ({len(confidences)} lines)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    if not ocr_available():
        raise SystemExit("tesseract with the Danish model is not installed (scripts/ensure_tesseract.sh)")
    os.environ["MAALSPOR_OCR_MAX_PAGES"] = str(args.pages)
    sample = sample_pages(args.pages)
    print(f"{len(sample)} pages from {len({path for path, _ in sample})} PDFs, OCR at {OCR_DPI} dpi")
    with tempfile.TemporaryDirectory() as folder:
        text_path, scan_path = build_pdfs(sample, Path(folder))
        text_seconds, key_lines = timed_ingest(text_path, Path(folder))
        scan_seconds, ocr_lines = timed_ingest(scan_path, Path(folder))
    pages = len(sample)
    print(f"ingest with text layer: {text_seconds:.1f} s ({text_seconds / pages:.2f} s/page)")
    print(f"ingest by OCR:          {scan_seconds:.1f} s ({scan_seconds / pages:.2f} s/page)")
    report_quality(sample, key_lines, ocr_lines)


if __name__ == "__main__":
    main()
