"""Greve Kommune's FirstAgenda JSON (../shared/realdocs/greve_beu_json; skipped when absent)."""

from __future__ import annotations

import pytest

from ingest.firstagenda import FIELD_LABELS, read_firstagenda_json
from maalspor.model import SourceDocument
from tests.ingest.ingest_helpers import realdoc


@pytest.fixture(scope="module")
def meeting_2022_11_14() -> SourceDocument:
    return read_firstagenda_json(realdoc("greve_beu_json/greve_beu_2022-11-14.json"))


def _item_lines(document: SourceDocument, number: int) -> list[str]:
    texts = [line.text for line in document.lines]
    start = next(index for index, text in enumerate(texts) if text.startswith(f"Punkt {number}: "))
    end = texts.index("", start)
    return texts[start:end]


def test_meeting_header_and_meta(meeting_2022_11_14):
    assert meeting_2022_11_14.format == "firstagenda-json"
    assert meeting_2022_11_14.meta.committee == "Beskæftigelses- og Erhvervsudvalget"
    assert meeting_2022_11_14.meta.meeting_date == "2022-11-14"
    assert [line.text for line in meeting_2022_11_14.lines[:7]] == [
        "Beskæftigelses- og Erhvervsudvalget",
        "Dagsorden",
        "Mødedato: 14-11-2022 kl. 08:00",
        "Mødested: Mødelokale 1",
        "Deltagere: Simon Østergaard, Morten Dahlin, Kenneth Jerkel, Brigitte Klintskov Jerkel",
        "Fraværende: Liselott Blixt",
        "",
    ]
    assert [line.line for line in meeting_2022_11_14.lines[:3]] == [1, 2, 3]
    assert all(line.page is None for line in meeting_2022_11_14.lines)


def test_all_items_present_in_order(meeting_2022_11_14):
    headings = [line.text for line in meeting_2022_11_14.lines if line.text.startswith("Punkt ")]
    assert len(headings) == 12
    assert (
        headings[1]
        == "Punkt 2: Godkendelse af beskæftigelsesplan for 2023 og fremsendelse til Det Regionale Arbejdsmarkedsråd"
    )
    assert headings[8] == "Punkt 9: Lukket: Henvendelser til formanden"


def test_plan_item_fields_in_document_order(meeting_2022_11_14):
    lines = _item_lines(meeting_2022_11_14, 2)
    labels = [text for text in lines if text in FIELD_LABELS]
    assert labels[:5] == ["Beslutning", "Sagsprocedure", "Resume", "Indstilling", "Sagsbeskrivelse"]
    assert lines[lines.index("Beslutning") + 1] == "1. - 5. anbefales."
    recommendations = lines[lines.index("Indstilling") + 1 : lines.index("Sagsbeskrivelse")]
    assert recommendations[0] == "Center for Job & Socialservice indstiller,"  # &amp; decoded
    assert [text[:3] for text in recommendations[1:]] == ["1. ", "2. ", "3. ", "4. ", "5. "]
    assert recommendations[2] == (
        "2. at Greve Kommune viderefører de nuværende effekt- og resultatmål til 2023, indtil ny beskæftigelsespolitik er vedtaget."
    )
    attachments = lines[lines.index("Bilag") + 1 :]
    assert len(attachments) == 7 and attachments[0] == "• Bilag 1 - Resultatmål - Alle ydelser under ét august 2022"
    assert "Fremstilling" not in lines  # the export's wrapper heading


def test_item_absence_and_case_number(meeting_2022_11_14):
    assert _item_lines(meeting_2022_11_14, 1)[:5] == [
        "Punkt 1: Godkendelse af dagsorden",
        "Sagsnummer: 21-014448",
        "Fraværende: Morten Dahlin",
        "Beslutning",
        "Godkendt.",
    ]


def test_table_cells_become_lines(meeting_2022_11_14):
    lines = _item_lines(meeting_2022_11_14, 2)
    status = lines.index("Status august 2022")
    assert lines[status + 1].startswith("Der er i Greve sket et fald på 31,5 procent.")


@pytest.mark.parametrize(
    ("meeting", "items"),
    [("2022-02-07", 11), ("2022-05-30", 15), ("2022-09-12", 12), ("2023-08-14", 11), ("2024-11-18", 13)],
)
def test_every_meeting_reads(meeting, items):
    document = read_firstagenda_json(realdoc(f"greve_beu_json/greve_beu_{meeting}.json"))
    assert document.meta.meeting_date == meeting
    assert sum(line.text.startswith("Punkt ") for line in document.lines) == items


def test_h4_fields_and_ordered_decisions():
    # 2023-08-14 uses <h4> field headings and an <ol> in the decision of item 3
    document = read_firstagenda_json(realdoc("greve_beu_json/greve_beu_2023-08-14.json"))
    lines = _item_lines(document, 3)
    decision = lines[lines.index("Beslutning") + 1 : lines.index("Sagsprocedure")]
    assert decision == [
        "Udvalget besluttede",
        "1. at tage orienteringen til efterretning",
        "2. at status på rådighedssanktioner fortsat forelægges udvalget hvert halve år",
        "3. godkendt",
    ]
    assert lines[lines.index("Resume") + 1].startswith(
        "Formålet med sagen er at give Beskæftigelses- og Erhvervsudvalget en status på"
    )
