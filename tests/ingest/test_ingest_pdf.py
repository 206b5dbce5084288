"""PDF reading of real documents (../shared/realdocs; skipped when absent) and bad PDF input."""

from __future__ import annotations

from collections import defaultdict

import pytest

from ingest.pdf import PlacedLine, page_numbers, read_pdf
from maalspor.model import IngestError, SourceDocument, SourceLine
from tests.ingest.ingest_helpers import encrypted_pdf, minimal_pdf, realdoc


def _by_page(document: SourceDocument) -> dict[int, list[SourceLine]]:
    pages: dict[int, list[SourceLine]] = defaultdict(list)
    for line in document.lines:
        pages[line.page].append(line)
    return pages


@pytest.fixture(scope="module")
def ballerup() -> SourceDocument:
    return read_pdf(realdoc("ballerup_sfu_referat_2012-12-04.pdf"))


@pytest.fixture(scope="module")
def aarhus() -> SourceDocument:
    return read_pdf(realdoc("aarhus_byraad_referat_2025-08-27.pdf"))


def test_ballerup_page_header_removed_from_every_page(ballerup):
    # Every page starts with the same five lines: "Sundheds- og Forebyggelsesudvalget", "Referat",
    # "Åbent referat", "Dato: 04.12.2012", "Side N" (checked with pdfplumber by hand).
    assert ballerup.page_count == 15
    pages = _by_page(ballerup)
    assert sorted(pages) == list(range(1, 16))
    assert all(lines[0].line == 6 for lines in pages.values())  # numbering counts the removed header lines
    assert not any(line.text == "Dato: 04.12.2012" or line.text.startswith("Side ") for line in ballerup.lines)
    # "Åbent referat" survives only where it is body text (page 1 title block, page 2 table of contents)
    assert [line.page for line in ballerup.lines if line.text == "Åbent referat"] == [1, 2]


def test_ballerup_body_text_kept(ballerup):
    page_1 = [line.text for line in _by_page(ballerup)[1]]
    assert page_1[:3] == ["Referat", "Sundheds- og Forebyggelsesudvalget", "tirsdag den 4. december 2012, kl. 13:00"]
    page_6 = {line.line: line.text for line in _by_page(ballerup)[6]}
    assert page_6[6] == "3. Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013"
    assert page_6[7] == "Sagsnr.: 2012-31114"


def test_aarhus_referat_pages_and_items(aarhus):
    assert aarhus.page_count == 28
    headings = [(line.page, line.text) for line in aarhus.lines if line.text.startswith("Punkt ")]
    assert len(headings) == 21
    assert headings[0] == (3, "Punkt 1: Godkendelse af dagsorden")
    assert headings[-1] == (28, "Punkt 21: Lukket: Køb af landbrugsejendom")
    page_3 = [(line.line, line.text) for line in _by_page(aarhus)[3]]
    assert page_3 == [
        (1, "Punkt 1: Godkendelse af dagsorden"),
        (2, "EMN-2023-009832"),
        (3, "Beslutninger"),
        (4, "Godkendt."),
    ]
    # the case number at the top of each item page is data, not a running header
    assert sum(line.text.startswith("EMN-") for line in aarhus.lines) == 21


def test_word_tables_read_cell_by_cell():
    document = read_pdf(realdoc("aarhus_sundhed-omsorg_sager-paa-vej_2025-08-29.pdf"))
    assert document.page_count == 4
    texts = [line.text for line in document.lines]
    assert not any(text.startswith(("Sager pa vej – Sundhed og Omsorg 2025", "Side ")) for text in texts)
    start = texts.index("Svar på forslag fra M om bevarelse af sygeplejeydelser og intern")
    # one table row: the case title (two lines), the department cell, the decision cell
    assert texts[start : start + 5] == [
        "Svar på forslag fra M om bevarelse af sygeplejeydelser og intern",
        "kompetenceudvikling i Sociale Forhold og Beskæftigelse (med MSB)",
        "Sundhed og",
        "Forebyggelse",
        "Vedtaget. Byrådet 25. juni",
    ]
    assert document.lines[0].line == 3  # lines 1-2 of page 1 were the running header and "Side 1 af 4"


def test_scanned_pdf_is_reported_not_invented():
    with pytest.raises(IngestError, match="no text layer") as error:
        read_pdf(realdoc("ballerup_sfu_2012-12-04_bilag_scannet_uden_tekstlag.pdf"), ocr_max_pages=0)
    assert "OCR" in str(error.value) and "\n" not in str(error.value)


def test_minimal_pdf_reads(tmp_path):
    path = tmp_path / "hej.pdf"
    path.write_bytes(minimal_pdf())
    document = read_pdf(path)
    assert [(line.page, line.line, line.text) for line in document.lines] == [(1, 1, "Hej")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (encrypted_pdf(), "encrypted"),
        (b"%PDF-1.4\nthis is no pdf body\n", "damaged PDF"),
        (minimal_pdf()[:300], "damaged PDF"),
        (b"", "empty file"),
    ],
    ids=["encrypted", "garbage", "truncated", "empty"],
)
def test_bad_pdfs_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message) as error:
        read_pdf(path)
    assert str(error.value).startswith("bad.pdf: ") and "\n" not in str(error.value)


def _placed(line: int, text: str, top: float) -> PlacedLine:
    return PlacedLine(page=1, line=line, text=text, top=top, bottom=top + 10, page_height=800)


def test_page_numbers_removed_by_position_only():
    body_number = _placed(2, "73", 400)  # a figure in the middle of the page
    footer_number = _placed(4, "4", 770)  # nothing below it
    covered_number = _placed(3, "5", 700)  # in the footer band, but body text follows below
    page = [_placed(1, "Antal ledige", 380), body_number, covered_number, _placed(5, "tekst", 760), footer_number]
    page.sort(key=lambda line: line.top)
    assert page_numbers([page], running=set()) == {footer_number}


def test_every_page_is_closed_before_the_next_is_read(monkeypatch):
    """Issue 11: pdfplumber keeps each page's parsed objects until the page is closed (~6 MB a page);
    closing them all at the end of the file, as it does by itself, made memory grow with the pages."""
    import pdfplumber

    events: list[tuple[str, int]] = []
    original_close, original_lines = pdfplumber.page.Page.close, pdfplumber.page.Page.extract_text_lines

    def logging_close(page):
        events.append(("close", page.page_number))
        original_close(page)

    def logging_lines(page, **options):
        events.append(("read", page.page_number))
        return original_lines(page, **options)

    monkeypatch.setattr(pdfplumber.page.Page, "close", logging_close)
    monkeypatch.setattr(pdfplumber.page.Page, "extract_text_lines", logging_lines)
    document = read_pdf(realdoc("ballerup_sfu_referat_2012-12-04.pdf"))
    pages = range(1, document.page_count + 1)
    assert events[: 2 * document.page_count] == [(event, page) for page in pages for event in ("read", "close")]
