"""The whole normaliser on seeds: line structure, origins, citations of repaired text."""

from __future__ import annotations

import pytest

from ingest.normalize import normalize
from maalspor.model import CleanText
from tests.ingest.ingest_helpers import seed


@pytest.fixture(scope="module")
def clean_001() -> CleanText:
    return normalize(seed("001"))


@pytest.fixture(scope="module")
def clean_000() -> CleanText:
    return normalize(seed("000"))


def _cite_word(clean: CleanText, word: str):
    start = clean.text.index(word)
    return clean.cite(start, start + len(word), quote=True)


def test_origins_cover_every_character(clean_001):
    assert len(clean_001.origins) == len(clean_001.text)
    assert min(clean_001.origins) >= 0 and max(clean_001.origins) < len(clean_001.source.lines)


def test_one_clean_line_per_source_line_except_removed_page_numbers(clean_001):
    # 843 source lines; the four lone page numbers (lines 115, 459, 581, 809) are gone
    assert clean_001.text.count("\n") == 843 - 4


def test_hyphen_join_cites_both_source_lines(clean_001):
    citation = _cite_word(clean_001, "beskæftigelsesindsatsen\n")  # 001 lines 118-119
    assert (citation.line_start, citation.line_end) == (118, 119)
    assert citation.quote == "beskæftigelsesindsatsen"
    assert citation.source_file == "001_66e873449e3ce21a.txt" and citation.page is None


def test_split_word_join_cites_its_line(clean_000):
    citation = _cite_word(clean_000, "ledige stillinger")  # 000 line 130 "still inger"
    assert (citation.line_start, citation.line_end, citation.quote) == (130, 130, "ledige stillinger")


def test_moved_text_box_keeps_its_source_lines(clean_001):
    continuation = _cite_word(clean_001, "målrettet for, at virksomhederne")
    box_title = _cite_word(clean_001, "Principper for beskæftigelsesindsatsen")
    assert (continuation.line_start, box_title.line_start) == (233, 214)
    assert clean_001.text.index("Principper for beskæftigelsesindsatsen") > clean_001.text.index("mangelområderne.")


def test_untouched_lines_equal_their_source(clean_000):
    # 000 lines 1-40 (title page, table of contents) need no repair beyond whitespace
    source_lines = [" ".join(line.text.split()) for line in clean_000.source.lines[:40]]
    assert clean_000.text.split("\n")[:40] == source_lines


def test_every_clean_line_maps_back_to_the_text_it_came_from(clean_000):
    """Each clean character sits on a source line that contains it (whitespace and bullets aside)."""
    lines = clean_000.source.lines
    for offset, char in enumerate(clean_000.text):
        if char.isalnum():
            assert char in lines[clean_000.origins[offset]].text
