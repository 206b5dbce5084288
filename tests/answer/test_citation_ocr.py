"""Citation records say how far OCR'd text can be trusted: the lowest confidence of the cited lines."""

from __future__ import annotations

from answer.records import CitationQuoter
from index.store.line_cache import SourceText
from maalspor.model import Citation, SourceLine

# Two lines as Tesseract read them from a scanned page, one line from a text layer.
_LINES = {
    "scan.pdf": [
        SourceLine(page=2, line=1, text="Sundheds- og Forebyggelsesudvalget", ocr_confidence=0.94),
        SourceLine(page=2, line=2, text="Indstillingen godkendt", ocr_confidence=0.71),
    ],
    "born_digital.pdf": [SourceLine(page=1, line=1, text="Godkendt.")],
}


class _Store:
    def source_text(self, source_file: str) -> SourceText:
        return SourceText(_LINES[source_file])

    def source_document_id(self, source_file: str) -> str:
        return source_file.removesuffix(".pdf")


def test_ocr_citation_carries_the_lowest_confidence_of_its_lines() -> None:
    record = CitationQuoter(_Store()).record(Citation("scan.pdf", 2, 1, 2))  # type: ignore[arg-type]
    assert record["ocr_confidence"] == 0.71
    assert record["quote"] == "Sundheds- og Forebyggelsesudvalget\nIndstillingen godkendt"


def test_text_layer_citation_has_no_ocr_confidence() -> None:
    record = CitationQuoter(_Store()).record(Citation("born_digital.pdf", 1, 1, 1))  # type: ignore[arg-type]
    assert record["ocr_confidence"] is None
    assert record["document_id"] == "born_digital"
