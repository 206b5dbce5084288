"""Each repair alone, on real seed lines (corpus/<seed> line numbers cited in each test)."""

from __future__ import annotations

from ingest.repair_bullets import repair_bullets
from ingest.repair_hyphenation import repair_hyphenation
from ingest.repair_pagefurniture import repair_page_furniture
from ingest.repair_splitwords import repair_split_words, should_join
from ingest.repair_textbox import repair_text_boxes
from ingest.repair_whitespace import repair_whitespace
from ingest.worklines import work_lines_of
from tests.ingest.ingest_helpers import seed, seed_lines, texts

# ---------------------------------------------------------------- whitespace


def test_whitespace_trims_and_collapses_runs():
    # 002 line 336 "      % Antal* ", 002 line 352 "- Feb 2019   957 ", 004 line 11 "Forord<TAB>2"
    lines = seed_lines("002", 336, 336) + seed_lines("002", 352, 352) + seed_lines("004", 11, 11)
    assert texts(repair_whitespace(lines)) == ["% Antal*", "- Feb 2019 957", "Forord 2"]


def test_whitespace_keeps_origins_aligned():
    repaired = repair_whitespace(seed_lines("002", 352, 352))[0]
    assert len(repaired.origins) == len(repaired.text) and set(repaired.origins) == {351}


# ---------------------------------------------------------------- page furniture


def _kept_source_lines(prefix: str) -> set[int]:
    lines = repair_page_furniture(repair_whitespace(work_lines_of(seed(prefix))))
    return {line.home + 1 for line in lines}


def test_lone_page_numbers_in_sequence_are_dropped():
    kept = _kept_source_lines("001")
    # 001 lines 115 "4", 459 "10", 581 "12", 809 "16": page numbers between blank lines
    assert not {115, 459, 581, 809} & kept
    assert len(kept) == len(seed("001").lines) - 4


def test_table_number_stays_but_attachment_page_numbers_go():
    kept = _kept_source_lines("002")
    assert 428 in kept  # "73": a count in the status table, no page sequence fits it
    assert not {3611, 3816} & kept  # "7" and "9": pages of an attachment, ~100 lines apart
    assert 1926 not in kept  # "Side 4 af 4"


def test_running_footer_block_of_003_is_removed():
    kept = _kept_source_lines("003")
    # 1530 "Punkt nr. 2 - ...", 1531 "Bilag 1 - Side -15 af 22", 1533 "Møde i ... d. 09-09-2014", 1537 "16"
    # and the same block at 1844-1851
    assert not {1530, 1531, 1533, 1537, 1844, 1845, 1847, 1851} & kept
    assert {1529, 1539, 1853} <= kept  # the body text around them stays


# ---------------------------------------------------------------- bullets


def test_bullet_glyphs_become_one_marker():
    lines = (
        seed_lines("001", 216, 216)  # "\uf0d8 Jobcentret skal sikre ..."
        + seed_lines("001", 243, 243)  # "\uf0b7 Understøtte virksomhedernes ..."
        + seed_lines("001", 138, 138)  # "\uf0fc Jobrettede og hyppige samtaler ..."
        + seed_lines("004", 97, 97)  # "- ✓ Jobrettede og hyppige samtaler ..."
        + seed_lines("003", 1755, 1755)  # "– at formidle viden om arbejdskraftmangel ..."
    )
    repaired = texts(repair_bullets(repair_whitespace(lines)))
    assert repaired[0].startswith("• Jobcentret skal sikre det gode")
    assert repaired[1] == "• Understøtte virksomhedernes behov for rekruttering"
    assert repaired[2] == "• Jobrettede og hyppige samtaler har positiv effekt (især for jobparate)"
    assert repaired[3] == "• Jobrettede og hyppige samtaler har positiv effekt (især for jobparate)"
    assert repaired[4].startswith("• at formidle viden om arbejdskraftmangel")


def test_dash_in_a_table_row_is_no_bullet():
    # 002 line 352 "- Feb 2019   957": a row of the status table
    assert texts(repair_bullets(repair_whitespace(seed_lines("002", 352, 352)))) == ["- Feb 2019 957"]


# ---------------------------------------------------------------- text box


def test_text_box_in_paragraph_moves_after_it():
    lines = repair_text_boxes(repair_bullets(repair_whitespace(seed_lines("001", 209, 240))))
    result = texts(lines)
    interrupted = result.index("rekruttering af kvalificerede medarbejdere. Lyngby-Taarbæk Kommune arbejder")
    # 001 line 233 continues line 212's sentence; the box is lines 214-232
    assert result[interrupted + 1].startswith("målrettet for, at virksomhederne skal sikres")
    assert result[interrupted + 4] == "fokus på rekruttering inden for mangelområderne."
    box_title = result.index("Principper for beskæftigelsesindsatsen i Lyngby-Taarbæk Kommune")
    assert box_title > interrupted + 4
    assert box_title < result.index(
        "• De lokale virksomheder er vigtige aktører i beskæftigelsesindsatsen i Lyngby-Taarbæk Kommune."
    )
    assert sorted(line.home for line in lines) == list(range(208, 240))  # nothing lost, nothing doubled
    assert [lines[interrupted].home + 1, lines[interrupted + 1].home + 1] == [212, 233]  # seed line numbers


def test_no_move_without_clear_evidence():
    # 000 lines 670-712: bullets, headings and paragraphs; "bl.a." (line 708) is no sentence end
    lines = repair_bullets(repair_whitespace(seed_lines("000", 670, 712)))
    assert texts(repair_text_boxes(lines)) == texts(lines)
    # 001 lines 124-170: a heading without full stop followed by a list is no interrupted paragraph
    lines = repair_bullets(repair_whitespace(seed_lines("001", 124, 170)))
    assert texts(repair_text_boxes(lines)) == texts(lines)


# ---------------------------------------------------------------- hyphenation


def _hyphenation(prefix: str, first: int, last: int, lexicon) -> list[str]:
    return texts(repair_hyphenation(repair_whitespace(seed_lines(prefix, first, last)), lexicon))


def test_typesetter_hyphens_are_joined(lexicon):
    # 001 118-119 "beskæftigelses-" / "indsatsen i Lyngby-Taarbæk Kommune. ..."
    assert _hyphenation("001", 118, 119, lexicon) == [
        "Det betyder at Beskæftigelsesplan 2023 indeholder 7 fokusområder for beskæftigelsesindsatsen",
        "i Lyngby-Taarbæk Kommune. Fokusområderne er:",
    ]
    assert _hyphenation("001", 506, 507, lexicon)[0].endswith("aktiviteter. Danskundervisningen")  # 001 506-507
    assert _hyphenation("001", 794, 795, lexicon)[0].endswith("deltage i et virksomhedsforløb")  # 001 794-795
    assert _hyphenation("003", 264, 265, lexicon)[0].endswith("første status på beskæftigelsesplanen.")  # 003 264-265
    assert _hyphenation("003", 332, 333, lexicon)[0].endswith("og der er således")  # 003 332-333 "så-" / "ledes"


def test_real_hyphens_are_kept(lexicon):
    assert _hyphenation("001", 422, 423, lexicon)[0].endswith("i samarbejde med Lyngby-Taarbæk")  # 001 422-423
    assert _hyphenation("001", 429, 430, lexicon)[0].endswith("medarbejdere med it-kompetencer.")  # 001 429-430
    assert _hyphenation("001", 712, 713, lexicon)[0].endswith("inden for SOSU-området.")  # 001 712-713
    assert _hyphenation("000", 475, 476, lexicon)[0].endswith("kvinder med ikke-vestlig")  # 000 475-476
    assert _hyphenation("001", 43, 44, lexicon)[0].endswith("finansiering af ”Arne-pensionen”")  # 001 43-44
    assert _hyphenation("000", 111, 112, lexicon)[0].endswith("fælles Leder-medarbejdergrundlag:")  # 000 111-112


def test_suspended_hyphen_stays_in_place(lexicon):
    # 001 650-651 "... af social-, sundheds-" / "og beskæftigelsesområdet": nothing to join
    original = texts(repair_whitespace(seed_lines("001", 650, 651)))
    assert _hyphenation("001", 650, 651, lexicon) == original


def test_joined_fragment_leaves_the_next_line(lexicon):
    # 001 712-713: "... SOSU-" / "området." -> the second line is left empty, not removed
    lines = repair_hyphenation(repair_whitespace(seed_lines("001", 712, 713)), lexicon)
    assert lines[1].text == "" and lines[1].home == 712
    word_start = lines[0].text.index("området")
    assert set(lines[0].origins[word_start:]) == {712}


# ---------------------------------------------------------------- split words


def _split(prefix: str, line: int, lexicon) -> str:
    return texts(repair_split_words(repair_whitespace(seed_lines(prefix, line, line)), lexicon))[0]


def test_split_words_are_joined(lexicon):
    assert _split("000", 130, lexicon) == "Formidling af konkrete ledige stillinger"  # 000 line 130 "still inger"
    assert (
        _split("000", 558, lexicon) == "Øget brug af revalidering som redskab til borgere med nedsat arbejdsevne"
    )  # 000 558


def test_ordinary_word_pairs_stay_apart(lexicon):
    assert "sættes i gang og" in _split("000", 115, lexicon)  # 000 line 115
    assert _split("000", 257, lexicon).startswith("til job, som")  # 000 line 257
    assert _split("002", 441, lexicon).startswith("Følgemål e: Antallet")  # 002 line 441: "e" is a label
    # 004 line 354 "Seniortænk tankens": 000 writes "Seniortænketankens"; the lost "e" is not invented
    assert "Seniortænk tankens rapport" in _split("004", 354, lexicon)


def test_capital_letter_abbreviation_is_no_fragment(lexicon):
    # Aarhus referat 2025-08-27, page 8: "Punkt 4: Svar på forslag fra V om at farten skal ned ..."
    assert not should_join("V", "om", lexicon)
    assert should_join("ti", "l", lexicon)
