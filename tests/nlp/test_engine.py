"""The one segmentation engine (nlp/minutes/engine.py) on heading shapes it was not built on.

Synthetic texts are written the way a municipality prints them, one per heading shape; real
documents from ../shared/realdocs are checked against item numbers and titles read off them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.readers import read_source
from maalspor.model import AgendaItem, DocKind, Document
from nlp.lines import text_lines
from nlp.minutes import parse_minutes
from nlp.minutes.pagelines import split_page_lines
from nlp.minutes.toc import find_toc
from tests.conftest import REALDOCS

COMMITTEE = "Udvalget for Teknik og Miljø"


def _parse(tmp_path: Path, text: str, date: str = "2021-03-14") -> list[AgendaItem]:
    path = tmp_path / "referat.txt"
    path.write_text(text, encoding="utf-8")
    clean = normalize(read_source(path))
    document = Document("doc", DocKind.MINUTES, None, "Testby Kommune", COMMITTEE, date, None, path.name, "hash")
    return parse_minutes(clean, document)


def _titles(items: list[AgendaItem]) -> list[tuple[str, str]]:
    return [(item.number, item.title) for item in items]


def test_title_on_the_number_line_with_and_without_colon(tmp_path):
    items = _parse(
        tmp_path,
        "Referat\n\nPunkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "Punkt 2 Trafikplan for bymidten\nResumé\nForvaltningen fremlægger planen.\nBeslutning\nAnbefales.\n",
    )
    assert _titles(items) == [("1", "Godkendelse af dagsorden"), ("2", "Trafikplan for bymidten")]
    assert [item.decisions[0].text for item in items] == ["Godkendt.", "Anbefales."]


def test_high_running_numbers_with_a_type_tag_and_case_numbers(tmp_path):
    items = _parse(
        tmp_path,
        "312. Lokalplan for Havnegade (B)\nSagsnr.: 21/4471\nSagsfremstilling\nPlanen er i høring.\n"
        "Indstilling\nForvaltningen indstiller, at planen vedtages.\nBeslutning\nGodkendt.\n"
        "313. Orientering om vintertjenesten (O)\nSagsnr.: 21/5120\nSagsfremstilling\nSæsonen er slut.\n"
        "Beslutning\nTaget til efterretning.\n",
    )
    assert _titles(items) == [("312", "Lokalplan for Havnegade (B)"), ("313", "Orientering om vintertjenesten (O)")]
    assert items[0].recommendation_text == "Forvaltningen indstiller, at planen vedtages."


def test_numbered_prose_lines_without_evidence_are_no_headings(tmp_path):
    items = _parse(
        tmp_path,
        "Punkt 1\nBudget 2022\nSagsfremstilling\nForvaltningen peger på to forhold:\n"
        "1. Udgifterne stiger.\n2. Indtægterne falder.\nBeslutning\nDrøftet.\n",
    )
    assert _titles(items) == [("1", "Budget 2022")]


def test_number_alone_then_title_then_case_number_keeps_the_gap(tmp_path):
    items = _parse(
        tmp_path,
        "Punkt\nTitel\n1\nGodkendelse af referat\nEMN-2021-000101\nBeslutninger\nGodkendt.\n"
        "2\nCykelstier i Nordbyen\nEMN-2021-000102\nBeslutninger\nUdsat.\n"
        "4\nEventuelt\nBeslutninger\nIntet.\n",
    )
    assert _titles(items) == [("1", "Godkendelse af referat"), ("2", "Cykelstier i Nordbyen"), ("4", "Eventuelt")]


def test_sag_nr_over_a_numbered_title_and_a_decision_header_with_text(tmp_path):
    items = _parse(
        tmp_path,
        "Sag nr. 7\n\n7. Vejbelysning i landsbyerne\n\nSagsfremstilling\nLamperne udskiftes.\n\n"
        "Beslutning i Udvalget for Teknik og Miljø den 14-03-2021: Godkendt.\n",
    )
    assert _titles(items) == [("7", "Vejbelysning i landsbyerne")]
    [decision] = items[0].decisions
    assert decision.date == "2021-03-14"


def test_a_closed_item_is_an_item_whose_text_is_its_decision(tmp_path):
    items = _parse(
        tmp_path,
        "Punkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\nPunkt 2: Lukket: Salg af grund\nGodkendt.\n",
    )
    assert _titles(items) == [("1", "Godkendelse af dagsorden"), ("2", "Lukket: Salg af grund")]
    assert items[1].decisions[0].text == "Godkendt."


def test_items_found_by_labels_where_headings_are_missing(tmp_path):
    items = _parse(
        tmp_path,
        "Renovering af svømmehallen\n\nResumé\nHallen trænger til nyt tag.\n\nIndstilling\n"
        "Forvaltningen indstiller, at arbejdet sættes i gang.\n\nBeslutning\nGodkendt.\n",
    )
    assert _titles(items) == [("1", "Renovering af svømmehallen")]
    assert items[0].resume == "Hallen trænger til nyt tag."


# ------------------------------------------------------------------ real documents


def _real(path: Path) -> tuple[list[AgendaItem], list]:
    clean = normalize(read_source(path))
    document = Document("doc", DocKind.MINUTES, None, None, None, None, None, path.name, "hash")
    return parse_minutes(clean, document), text_lines(clean)


@pytest.fixture(scope="module")
def aarhus_tu():
    if not REALDOCS.is_dir():
        pytest.skip("../shared/realdocs is not present")
    return _real(REALDOCS / "dev2" / "aarhus_tu_2025-10-01_referat.html")[0]


AARHUS_TU_TITLES = [
    ("1", "Referat fra sidste udvalgsmøde"),
    ("2", "Udviklingsplan Aarhus Ø - endelig vedtagelse"),
    (
        "3",
        "Lokalplan 1221 (tillæg 2 til lokalplan 411) – Erhvervsområde ved Kattrup, Hasselager-Kolt, "
        "med tillæg 1 - Endelig",
    ),
    ("4", "Forvaltningen orienterer"),
    ("5", "Eventuelt"),
    ("6", "Måltal for busfremkommelighed, jf. budgetforlig 2023"),
]


def test_aarhus_web_page_number_title_case_number(aarhus_tu):
    assert _titles(aarhus_tu) == AARHUS_TU_TITLES


def test_aarhus_web_page_decisions_without_the_page_links(aarhus_tu):
    texts = [item.decisions[0].text for item in aarhus_tu]
    assert texts[3] == "Udvalget blev orienteret om arkitekturugen i uge 41."
    assert texts[5] == "Sagen blev udsat uden behandling."
    assert not any("Hent som PDF" in text or "Kopier link" in text for text in texts)
    assert aarhus_tu[5].attachments[-1] == "PDFBilag 2: Tidligere TU Notat Skanderborgvejkorridoren"


def test_aarhus_referat_table_of_contents_with_dot_leaders(realdocs):
    _, lines = _real(realdocs / "aarhus_byraad_referat_2025-08-27.pdf")
    entries = find_toc(lines).entries
    assert len(entries) == 21
    assert entries[0].title == "Godkendelse af dagsorden"
    assert entries[9].title.startswith("Lokalplan 1221 (tillæg 2 til lokalplan 411)")
    assert entries[20].title == "Lukket: Køb af landbrugsejendom"


def test_ballerup_numbered_table_of_contents_with_a_wrapped_entry(realdocs):
    _, lines = _real(realdocs / "ballerup_sfu_referat_2012-12-04.pdf")
    entries = find_toc(lines).entries
    assert [entry.number for entry in entries] == [str(number) for number in range(1, 9)]
    assert entries[5].title == "Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre"


def test_ballerup_item_quoting_an_earlier_meeting_keeps_its_own_decision(realdocs):
    items, _ = _real(realdocs / "ballerup_sfu_referat_2012-12-04.pdf")
    item = next(item for item in items if item.number == "3")
    assert item.resume == "Kvalitetsstandarder for stof- og alkoholmisbrug 2012 foreslås videreført i 2013."
    assert [(d.committee, d.date, d.text) for d in item.decisions] == [
        ("Sundheds- og Forebyggelsesudvalget", "2012-12-04", "Indstilles til godkendelse")
    ]


def test_greve_decision_printed_under_the_repeated_title(realdocs):
    items, _ = _real(realdocs / "dev2" / "greve_beu_2023-01-09_referat.json")
    assert [item.decisions[0].text for item in items[:2]] == [
        "Godkendt.",
        "Udvalget drøftede politikken og ønskede fokus på digitalisering i møderne og indsatserne hvor det kan skabe værdi.",
    ]
    assert [absent.name for absent in items[0].decisions[0].absent] == ["Brigitte Klintskov Jerkel", "Kenneth Jerkel"]


WEB_PAGE_IN_ONE_LINE = (
    "Referat Teknik- og Miljøudvalget 14. marts 2021. "
    "Punkt 1: Godkendelse af dagsorden Beslutning Godkendt, idet mødet flyttes "
    "Punkt 2: Ny belægning på Torvet Resumé Torvets brosten er slidte og skal udskiftes i løbet af 2021, "
    "så pladsen igen kan bruges af gående, cyklister og torvehandlere hele året. "
    "Indstilling Forvaltningen indstiller, at udvalget godkender projektet og frigiver anlægsbevillingen. "
    "Beslutning Godkendt. Bilag • Projektbeskrivelse"
)


def test_a_whole_page_on_one_line_is_split_at_headings_and_labels(tmp_path):
    items = _parse(tmp_path, WEB_PAGE_IN_ONE_LINE + "\n")
    assert _titles(items) == [("1", "Godkendelse af dagsorden"), ("2", "Ny belægning på Torvet")]
    assert [item.decisions[0].text for item in items] == ["Godkendt, idet mødet flyttes", "Godkendt."]
    assert items[1].resume is not None and items[1].resume.startswith("Torvets brosten er slidte")
    assert items[1].attachments == ["Projektbeskrivelse"]


def test_split_page_lines_keep_their_source_offsets(tmp_path):
    path = tmp_path / "side.txt"
    path.write_text(WEB_PAGE_IN_ONE_LINE.replace(". ", ".  ") + "\n", encoding="utf-8")
    clean = normalize(read_source(path))
    pieces = split_page_lines(clean, text_lines(clean))
    assert [" ".join(clean.text[piece.start : piece.end].split()) for piece in pieces] == [p.text for p in pieces]
    assert "Resumé" in [piece.text for piece in pieces]


AGENDA_WITH_GROUPED_CONTENTS = """Dagsorden
Social- og Sundhedsudvalget

Indholdsfortegnelse
Åbne punkter
1. Godkendelse af dagsorden side 2
2. Budgetopfølgning pr. 31. marts side 3
Lukkede punkter
3. Salg af ejendommen Skolevej 4 side 5

1. Godkendelse af dagsorden
Dagsordenen blev godkendt uden bemærkninger.

2. Budgetopfølgning pr. 31. marts
Forvaltningen har gennemgået forbruget.
1. Ældreområdet viser et merforbrug.
2. Handicapområdet holder budgettet.

3. Salg af ejendommen Skolevej 4
Salget blev godkendt.
"""


def test_table_of_contents_with_groups_and_page_words_names_the_headings(tmp_path):
    items = _parse(tmp_path, AGENDA_WITH_GROUPED_CONTENTS)
    assert _titles(items) == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Budgetopfølgning pr. 31. marts"),
        ("3", "Salg af ejendommen Skolevej 4"),
    ]


def test_a_single_exported_item_without_a_number_is_titled_above_its_case_number(tmp_path):
    items = _parse(
        tmp_path,
        "Udvalget for Teknik og Miljø\n\nNy parkeringsnorm for boliger\nSagsnr.: 20/11873\n\n"
        "Resumé\nNormen fastsætter antallet af p-pladser.\n\nIndstilling\nForvaltningen indstiller, at normen vedtages.\n\n"
        "Beslutning i Udvalget for Teknik og Miljø den 14-03-2021: Godkendt.\n",
    )
    assert _titles(items) == [("1", "Ny parkeringsnorm for boliger")]
    assert [(d.date, d.outcome) for d in items[0].decisions] == [("2021-03-14", "godkendt")]


def test_english_item_headings(tmp_path):
    items = _parse(
        tmp_path,
        "Minutes\n\nItem 1: Approval of the agenda\nBeslutning\nGodkendt.\n\n"
        "Item 2: Climate plan 2030\nResumé\nThe plan is presented.\nBeslutning\nAnbefales.\n",
    )
    assert _titles(items) == [("1", "Approval of the agenda"), ("2", "Climate plan 2030")]
