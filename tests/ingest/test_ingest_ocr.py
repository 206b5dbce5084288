"""OCR of scanned pages (Tesseract, Danish), the refusals without it, and scans that carry a text layer.

The OCR tests read at most two pages (CI reads at most three) and skip when Tesseract with the Danish
model is missing; expectations were written by reading the pages.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from ingest import pdf as pdf_reader
from ingest.ocr import ocr_available, ocr_pages, tsv_lines
from ingest.pdf import read_pdf
from maalspor.model import IngestError
from tests.ingest.ingest_helpers import realdoc

SCAN = "ballerup_sfu_2012-12-04_bilag_scannet_uden_tekstlag.pdf"
needs_tesseract = pytest.mark.skipif(not ocr_available(), reason="tesseract with the Danish model is not installed")
slow_ocr = pytest.mark.slow  # about 10-20 s a page on a busy machine

_TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t300\t600\t200\t50\t96.5\tMålene\n"
    "5\t1\t1\t1\t1\t2\t520\t590\t100\t60\t91.5\ter:\n"
    "5\t1\t1\t1\t2\t1\t300\t700\t200\t50\t-1\t \n"
    "5\t1\t2\t1\t1\t1\t300\t900\t150\t50\t40\tFærre\n"
)


def test_tsv_words_become_lines_with_mean_confidence_in_points():
    lines = tsv_lines(_TSV)
    assert [(line.text, line.confidence) for line in lines] == [("Målene er:", 0.94), ("Færre", 0.4)]
    assert lines[0].top == pytest.approx(590 * 72 / 300) and lines[0].bottom == pytest.approx(650 * 72 / 300)


def test_scan_without_ocr_keeps_the_no_text_layer_message(monkeypatch):
    monkeypatch.setattr(pdf_reader, "ocr_available", lambda: False)
    with pytest.raises(IngestError, match=r"no text layer \(scanned PDF, 8 pages\) and OCR is off") as error:
        read_pdf(realdoc(SCAN), ocr_max_pages=8)
    assert "tesseract" in str(error.value).lower() and "\n" not in str(error.value)


def test_scan_longer_than_the_ocr_limit_is_refused_before_ocr():  # alike with or without Tesseract
    with pytest.raises(IngestError, match="8 pages with no text layer need OCR, more than MAALSPOR_OCR_MAX_PAGES"):
        read_pdf(realdoc(SCAN), ocr_max_pages=3)


@needs_tesseract
@slow_ocr
def test_scanned_danish_page_is_read_with_confidence():
    (page,) = ocr_pages(realdoc(SCAN).read_bytes(), [8], SCAN)  # the prose page describing the priorities
    texts = [line.text for line in page.lines]
    assert texts[0] == "Beskrivelse af prioriteringssystemet"
    assert "Prioritet 1: Uopsættelige opgaver, lovkrav og dagligt vedligehold" in texts
    assert "Prioritet 3: Indeklima og arbejdsmiljø" in texts
    assert all(0 < line.confidence <= 1 for line in page.lines)
    assert sum(line.confidence for line in page.lines) / len(page.lines) > 0.85


@needs_tesseract
@slow_ocr
def test_image_only_pdf_page_is_read_by_ocr_with_provenance(tmp_path):
    """Page 1 of the KL letter (it has a text layer: the answer key), rendered to an image-only PDF."""
    letter = realdoc("dev2/ballerup_kmb-it_2013-05-15_bilag-punkt3_kl-brev.pdf")
    image = pdfium.PdfDocument(letter)[0].render(scale=300 / 72, grayscale=True).to_pil()
    scanned = tmp_path / "scannet_brev.pdf"
    image.save(scanned, resolution=300)
    document = read_pdf(scanned, ocr_max_pages=1)
    assert document.page_count == 1 and {line.page for line in document.lines} == {1}
    assert [line.line for line in document.lines] == sorted({line.line for line in document.lines})
    confidences = [line.ocr_confidence for line in document.lines]
    assert all(confidence is not None and 0 <= confidence <= 1 for confidence in confidences)
    assert sum(c for c in confidences if c is not None) / len(confidences) > 0.85  # the letterhead logo reads low
    texts = [line.text for line in document.lines]
    assert "Til kommunalbestyrelsen" in texts and "Tilslutning til monopolbruddet" in texts
    assert "stilling i januar. Vi håber, at der på det tidspunkt vil være den fulde tilslutning," in texts
    key_words = {word for line in read_pdf(letter).lines if line.page == 1 for word in line.text.split()}
    read_words = {word for text in texts for word in text.split()}
    assert len(key_words & read_words) / len(key_words) > 0.9


def test_scan_with_a_text_overlay_keeps_it_and_repeated_pages_count_once():
    document = read_pdf(realdoc("dev2/aarhus-elev_sogneraad_1945-04-05_protokol-aargang1945_scannet.pdf"))
    assert document.page_count == 4
    assert {line.page for line in document.lines} == {1, 3}  # pages 2 and 4 repeat pages 1 and 3 verbatim
    assert all(line.ocr_confidence is None for line in document.lines)  # its own text layer, no OCR
    assert document.lines[0].text == "Sogneraadet afholdt i Dag Møde hvor følgende"
    assert [line.text for line in document.lines if line.page == 3][
        0
    ] == "Efter de forelagte Bøger og Bilag konstanteredes"


def test_short_repeated_pages_stay(tmp_path):
    texts = [["Bilag"], ["Bilag"]]
    pages = [[pdf_reader.PlacedLine(n, 1, text, 10, 20, 800) for text in page] for n, page in enumerate(texts, 1)]
    assert pdf_reader.without_repeated_pages(pages) == pages
