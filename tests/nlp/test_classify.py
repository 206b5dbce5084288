"""Document metadata read from the seed texts (not from file names)."""

from functools import cache
from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.text import read_text
from maalspor.model import DocKind
from nlp.classify import describe

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@cache
def document(stem: str):
    return describe(normalize(read_text(CORPUS / f"{stem}.txt")))


EXPECTED = [
    ("000_74d16ed6cde7bc44", DocKind.PLAN, "lyngby-taarbaek-beskaeftigelsesplan-2022", None, None, 2022),
    ("001_66e873449e3ce21a", DocKind.PLAN, "lyngby-taarbaek-beskaeftigelsesplan-2023", None, None, 2023),
    (
        "002_f3dbe880e0f1df7c",
        DocKind.MINUTES,
        "lyngby-taarbaek-beskaeftigelses-og-integrationsudvalget-2019-06-11",
        "Beskæftigelses- og Integrationsudvalget",
        "2019-06-11",
        None,
    ),
    (
        "003_d16604ceb04aa2e7",
        DocKind.MINUTES,
        "lyngby-taarbaek-erhvervs-og-beskaeftigelsesudvalget-2014-09-09",
        "Erhvervs- og Beskæftigelsesudvalget",
        "2014-09-09",
        None,
    ),
    ("004_661df588116e84b5", DocKind.PLAN, "lyngby-taarbaek-beskaeftigelsesplan-2022", None, None, 2022),
]


@pytest.mark.parametrize("stem, kind, doc_id, committee, date, year", EXPECTED)
def test_describe(stem, kind, doc_id, committee, date, year):
    doc = document(stem)
    assert (doc.kind, doc.id, doc.committee, doc.meeting_date, doc.plan_year) == (kind, doc_id, committee, date, year)
    assert doc.municipality == "Lyngby-Taarbæk Kommune"
    assert doc.source_file == f"{stem}.txt"


def test_plan_title():
    assert document("001_66e873449e3ce21a").title == "Beskæftigelsesplan 2023"


def test_two_renditions_of_one_plan_share_the_id():
    assert document("000_74d16ed6cde7bc44").id == document("004_661df588116e84b5").id
    assert document("000_74d16ed6cde7bc44").content_hash != document("004_661df588116e84b5").content_hash


def test_quoted_committee_is_not_the_meeting_committee():
    # 002 item 3 also carries 'Børne- og Ungdomsudvalget, den 6. juni 2019'.
    assert "Børne" not in document("002_f3dbe880e0f1df7c").committee


# ---------------------------------------------------------------- real documents of other municipalities


@pytest.mark.parametrize(
    "name, doc_id, committee, date",
    [
        (
            "ballerup_sfu_referat_2012-12-04.pdf",
            "ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04",
            "Sundheds- og Forebyggelsesudvalget",
            "2012-12-04",
        ),
        ("aarhus_byraad_referat_2025-08-27.pdf", "aarhus-byraad-2025-08-27", "Aarhus Byråd", "2025-08-27"),
        # a single item printed on its own: no title block, only its decision header
        # 'Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 6'
        (
            "ballerup_sfu_2012-12-04_punkt6.pdf",
            "ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04",
            "Sundheds- og Forebyggelsesudvalget",
            "2012-12-04",
        ),
    ],
)
def test_real_pdf_minutes(realdocs, name, doc_id, committee, date):
    from ingest.pdf import read_pdf

    doc = describe(normalize(read_pdf(realdocs / name)))
    assert (doc.kind, doc.id, doc.committee, doc.meeting_date) == (DocKind.MINUTES, doc_id, committee, date)


def test_real_greve_json_minutes(realdocs):
    from ingest.firstagenda import read_firstagenda_json

    doc = describe(normalize(read_firstagenda_json(realdocs / "greve_beu_json" / "greve_beu_2022-11-14.json")))
    assert (doc.kind, doc.municipality, doc.committee, doc.meeting_date) == (
        DocKind.MINUTES,
        "Greve Kommune",
        "Beskæftigelses- og Erhvervsudvalget",
        "2022-11-14",
    )
    assert doc.id == "greve-beskaeftigelses-og-erhvervsudvalget-2022-11-14"


def test_real_table_attachment_is_other(realdocs):
    from ingest.pdf import read_pdf

    doc = describe(normalize(read_pdf(realdocs / "aarhus_sundhed-omsorg_sager-paa-vej_2025-08-29.pdf")))
    assert doc.kind is DocKind.OTHER
    assert doc.id == "aarhus-sundhed-omsorg-sager-paa-vej-2025-08-29"


def test_real_web_page_minutes_from_its_meeting_fields(realdocs):
    from ingest.readers import read_source

    doc = describe(normalize(read_source(realdocs / "dev2" / "aarhus_tu_2025-10-01_referat.html")))
    assert (doc.kind, doc.committee, doc.meeting_date) == (DocKind.MINUTES, "Teknisk Udvalg", "2025-10-01")


def test_real_sbsys_agenda_without_decisions_is_an_agenda(realdocs):
    from ingest.readers import read_source

    doc = describe(normalize(read_source(realdocs / "dev2" / "ballerup_kmb-it_2013-05-15_sbsys-publication.xml")))
    assert (doc.kind, doc.committee, doc.meeting_date) == (DocKind.AGENDA, "KMB IT-udvalget", "2013-05-15")
    assert doc.id == "ballerup-kmb-it-udvalget-2013-05-15-dagsorden"


MINUTES_WITH_A_PLAN_TITLE = """Referat
Beskæftigelsesudvalget
Mødedato: 14-11-2022

Punkt 1: Beskæftigelsesplan 2023
Sagsnummer: 22-011213
Beslutning
Anbefales.
Resume
Beskæftigelsesplan 2023 fastlægger de mål, som udvalget vil arbejde med.
"""


def test_a_plan_title_in_an_item_does_not_make_minutes_a_plan(tmp_path):
    path = tmp_path / "referat.txt"
    path.write_text(MINUTES_WITH_A_PLAN_TITLE, encoding="utf-8")
    doc = describe(normalize(read_text(path)))
    assert (doc.kind, doc.committee, doc.meeting_date, doc.plan_year) == (
        DocKind.MINUTES,
        "Beskæftigelsesudvalget",
        "2022-11-14",
        None,
    )


def test_an_agenda_lists_items_without_decisions(tmp_path):
    path = tmp_path / "dagsorden.txt"
    path.write_text(MINUTES_WITH_A_PLAN_TITLE.replace("Referat", "Dagsorden").replace("Beslutning\nAnbefales.\n", ""))
    assert describe(normalize(read_text(path))).kind is DocKind.AGENDA


def test_a_dagsorden_whose_items_hold_decisions_is_minutes(tmp_path):
    from nlp.parse import parse

    path = tmp_path / "dagsorden.txt"
    # FirstAgenda's older export prints the decision under the repeated title, without a label.
    text = MINUTES_WITH_A_PLAN_TITLE.replace("Referat", "Dagsorden").replace(
        "Beslutning\n", "Beskæftigelsesplan 2023\n"
    )
    path.write_text(text, encoding="utf-8")
    parsed = parse(normalize(read_text(path)))
    meeting = "ukendt-kommune-beskaeftigelsesudvalget-2022-11-14"
    assert (parsed.document.kind, parsed.document.id) == (DocKind.MINUTES, meeting)
    assert [item.id.split(":")[0] for item in parsed.items] == [meeting]
    assert parsed.items[0].decisions[0].text == "Anbefales."


STALE_HEADING_PLAN = """Beskæftigelsesplan 2022

Indledning
Regeringen udmeldte i juni 2022 de beskæftigelsespolitiske mål for 2023. Målene er:
1. Flere personer med handicap skal i beskæftigelse.
2. Flere ledige skal opkvalificeres.
"""


def test_plan_year_from_the_sentence_that_introduces_the_goals(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(STALE_HEADING_PLAN, encoding="utf-8")
    doc = describe(normalize(read_text(path)))
    assert (doc.kind, doc.plan_year) == (DocKind.PLAN, 2023)


def test_an_agenda_quoting_an_earlier_decision_stays_an_agenda(realdocs):
    from ingest.readers import read_source
    from nlp.parse import parse

    parsed = parse(normalize(read_source(realdocs / "dev2" / "ballerup_kmb-it_2013-05-15_sbsys-publication.xml")))
    assert parsed.document.kind is DocKind.AGENDA
    assert [item.title for item in parsed.items] == [
        "Meddelelser",
        "Oplæg til standard it-arbejdsplads for Kommunalbestyrelsens medlemmer i 2014-2018",
        "Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)",
        "Regler for indkøb af it-udstyr",
        "Status på eDagsorden",
    ]
    assert [(d.committee, d.date) for d in parsed.items[1].decisions] == [("KMB IT-udvalget", "2012-12-05")]


REGION_MINUTES = """Region Hovedstaden
Forretningsudvalget
Referat
Mødedato: 25-09-2012

Punkt 1: Godkendelse af dagsorden
Sagsnummer: 12001234
Forretningsudvalgets beslutning
Godkendt.

Punkt 2: Budget 2013 for Region Hovedstaden
Sagsnummer: 12005678
Resume
Region Hovedstadens budget for 2013 forelægges, efter drøftelse med Gentofte Kommune og Gladsaxe Kommune.
Forretningsudvalgets beslutning
Anbefales.
"""


def test_a_regions_minutes_name_the_region_and_its_committee(tmp_path):
    path = tmp_path / "referat.txt"
    path.write_text(REGION_MINUTES, encoding="utf-8")
    doc = describe(normalize(read_text(path)))
    assert (doc.kind, doc.municipality, doc.committee, doc.meeting_date) == (
        DocKind.MINUTES,
        "Region Hovedstaden",
        "Forretningsudvalget",
        "2012-09-25",
    )
    assert doc.id == "region-hovedstaden-forretningsudvalget-2012-09-25"


def test_an_agenda_with_empty_decision_fields_is_an_agenda(tmp_path):
    path = tmp_path / "dagsorden.txt"
    text = MINUTES_WITH_A_PLAN_TITLE.replace("Referat", "Dagsorden").replace("Beslutning\nAnbefales.\n", "")
    path.write_text(text + "Beslutning\n\nPunkt 2: Eventuelt\nBeslutning\n", encoding="utf-8")
    assert describe(normalize(read_text(path))).kind is DocKind.AGENDA


def test_an_old_parish_council_protocol_is_minutes_dated_by_its_entry(realdocs):
    from ingest.readers import read_source

    name = "aarhus-elev_sogneraad_1945-04-05_protokol-aargang1945_transskription.txt"
    doc = describe(normalize(read_source(realdocs / "dev2" / name)))
    assert (doc.kind, doc.committee, doc.meeting_date) == (DocKind.MINUTES, "Sognerådet", "1945-04-05")


def test_old_spelling_is_read_in_modern_spelling_but_names_keep_theirs():
    from nlp.protocol import dating_lines, modern_spelling

    old = "Sogneraadet afholdt Møde paa Skolen i Aarhus Amt.\nDet vedtoges ikke paa nuværende at tage Stilling."
    assert modern_spelling(old).startswith("Sognerådet afholdt Møde på Skolen i Aarhus Amt.")
    assert modern_spelling("Aarhus Kommune har haft et godt aar.") == "Aarhus Kommune har haft et godt aar."
    assert dating_lines("Elev Sogneråd d. 5/4 1945\nNiels Sørensen") == [("Sognerådet", "1945-04-05")]
