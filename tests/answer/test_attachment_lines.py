"""Attachments are cited at the item's list of attachments, on whatever page it falls.

Expectations read from ../shared/realdocs: aarhus_byraad_referat_2025-08-27.pdf item 2 (page 4 on) lists its five
attachments on page 5, lines 18-22 ('Indstilling', 'Bilag 1: Beslutningsforslag', …), while 'Indstilling' is also a
word of the item's text on page 4; greve_beu_json/greve_beu_2022-11-14.json item 2 lists seven bulleted attachments
on lines 77-83 ('• Bilag 1 - Resultatmål - Alle ydelser under ét august 2022', …).
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from tests.conftest import REALDOCS, ingested_store

MATERIAL = [
    REALDOCS / "aarhus_byraad_referat_2025-08-27.pdf",
    REALDOCS / "greve_beu_json" / "greve_beu_2022-11-14.json",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with ingested_store(MATERIAL, tmp_path_factory.mktemp("attachment_lines")) as store:
        yield store


def _cited(result) -> list[tuple[int | None, int]]:
    return [(c["page"], c["line_start"]) for c in result.statements[0].citations]


def test_the_list_on_the_items_last_page_is_cited_not_a_word_of_its_text(store):
    result = answer_question("Hvilke bilag fulgte med byrådets sag om Havnens Perle i august 2025?", store)
    assert result.statements[0].text.startswith("Punkt 2 ")
    assert _cited(result) == [(5, 18), (5, 19), (5, 20), (5, 21), (5, 22)]


def test_a_bulleted_list_is_cited_line_by_line(store):
    result = answer_question("Hvilke bilag havde sagen om beskæftigelsesplanen for 2023 i november 2022?", store)
    assert _cited(result) == [(None, line) for line in range(77, 84)]
