"""Lyngby-Taarbæk minutes in the seed corpus: 003 (protokol 9 Sept 2014) and 002 (referat 11 June 2019).

Expectations were read off the corpus files by hand; line numbers are those of the .txt files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.text import read_text
from maalspor.model import AgendaItem, DocKind, Document
from nlp.minutes import parse_minutes

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ABSENT_2014 = [("Jakob Engel-Schmidt", "V"), ("Hanne Agersnap", "F")]
ABSENT_2019 = [("Mette Schmidt Olsen", "C")]
BIU = "Beskæftigelses- og Integrationsudvalget"
EBU = "Erhvervs- og Beskæftigelsesudvalget"


def _items(file_name: str, committee: str, date: str) -> list[AgendaItem]:
    clean = normalize(read_text(CORPUS / file_name))
    document = Document(
        id="doc",
        kind=DocKind.MINUTES,
        title=None,
        municipality="Lyngby-Taarbæk",
        committee=committee,
        meeting_date=date,
        plan_year=None,
        source_file=file_name,
        content_hash=clean.source.content_hash,
    )
    return parse_minutes(clean, document)


@pytest.fixture(scope="module")
def items_2014() -> dict[str, AgendaItem]:
    return {item.number: item for item in _items("003_d16604ceb04aa2e7.txt", EBU, "2014-09-09")}


@pytest.fixture(scope="module")
def items_2019() -> list[AgendaItem]:
    return _items("002_f3dbe880e0f1df7c.txt", BIU, "2019-06-11")


# ---------------------------------------------------------------- 003, LTK 2014 "Sag nr. N"

TITLES_2014 = {
    "1": "Status på Beskæftigelsesplan 2014, andet kvartal",
    "2": "Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar",
    "3": "Anmodning om optagelse af sag på dagsordenen om en indgang for erhvervslivet.",
    "4": "Anmodning om optagelse af sag om handicapkompenserende foranstaltninger på arbejdsmarkedsområdet",
    "5": "Meddelelser til udvalgets medlemmer - september 2014",
}
OUTCOMES_2014 = {
    "1": ("Taget til efterretning.", "taget til efterretning"),
    "2": ("Ad. 1-2 Anbefalet.\nAd. 3-5 Godkendt.", "anbefalet"),
    "3": ("Drøftet.", "drøftet"),
    "4": ("Udsat.", "udsat"),
    "5": ("Taget til efterretning.", "taget til efterretning"),
}


def test_2014_has_exactly_the_five_items_with_their_titles(items_2014):
    assert {number: item.title for number, item in items_2014.items()} == TITLES_2014
    assert not any(item.embedded for item in items_2014.values())


@pytest.mark.parametrize("number", sorted(OUTCOMES_2014))
def test_2014_each_item_has_one_decision_of_the_meeting(items_2014, number):
    [decision] = items_2014[number].decisions
    assert (decision.committee, decision.date) == (EBU, "2014-09-09")
    assert (decision.text, decision.outcome) == OUTCOMES_2014[number]
    assert [(absent.name, absent.party) for absent in decision.absent] == ABSENT_2014


def test_2014_item_2_recommendations_and_outcome_per_recommendation(items_2014):
    item = items_2014["2"]
    assert [rec.number for rec in item.recommendations] == [1, 2, 3, 4, 5]
    assert item.recommendations[0].text.startswith("Den fremlagte Beskæftigelsesplan 2015 - med de foreslåede")
    assert item.recommendations[4].text.endswith("ultimo 2014 om beskæftigelsesreformen.")
    assert item.recommendation_text.startswith("Forvaltningen foreslår at:")
    assert item.decisions[0].outcome_by_recommendation == {
        1: "anbefalet",
        2: "anbefalet",
        3: "godkendt",
        4: "godkendt",
        5: "godkendt",
    }
    assert item.competence.startswith("Hvad angår indstillings punkt 1 og 2 Kommunalbestyrelsen.")
    assert item.economy == "Opgaven løses inden for rammen."
    assert item.attachments == [
        "Beskæftigelsesplan 2015_med høringssvar markeret",
        "Høringssvar til Beskæftigelsesplan 2015",
        "Høringssvar_BP15_Lyngby Taarbæk",
        "Høringssvar BP2015 LO",
    ]


def test_2014_item_1_fields_and_citations(items_2014):
    item = items_2014["1"]
    assert item.case_text.startswith(
        'Forvaltningen har udarbejdet notat: "Status for beskæftigelsesplan 2014, andet kvartal"'
    )
    assert "Status er et fald på 40 pct. svarende til en tilgang på 35 personer." in item.case_text
    assert item.recommendation_text == "Forvaltningen foreslår at status tages til efterretning."
    assert item.recommendations == []  # the Indstilling is not a numbered list
    assert item.attachments == ["Status på beskæftigelsesplan 2014 andet kvartal", "2. kvartals status"]
    whole, title = item.citations
    assert (whole.line_start, whole.line_end, title.line_start, title.line_end) == (4, 52, 7, 7)
    assert (item.decisions[0].citations[0].line_start, item.decisions[0].citations[0].line_end) == (44, 47)


def test_2014_wrapped_titles_and_last_item_stops_before_the_attachments(items_2014):
    assert (items_2014["3"].citations[1].line_start, items_2014["3"].citations[1].line_end) == (148, 149)
    last = items_2014["5"]
    assert last.citations[0].line_end == 244  # line 245 starts the attached notat
    assert last.attachments == [
        "Beskrivelse tværkommunale samarbejder på turismeområdet",
        "Undersøgelse af turismesamarbejder med LTK's nabokommuner",
    ]
    # The numbered sub-points of 'Meddelelser' are text, not items.
    assert "2. De forskellige turismesamarbejder VisitNordsjælland og Wonderful Copenhagen" in last.case_text
    assert last.item_type == "orientering"


# ---------------------------------------------------------------- 002, LTK 2019 "Punkt N"

TITLES_2019 = [
    ("1", "Godkendelse af dagsordenen", "beslutning"),
    ("2", "Budget 2020-2023 Budgetreduktions- og effektiviseringsforslag (Drøftelse)", "drøftelse"),
    ("3", "Etårsstatus på SSP-handleplan 2018-2020 (Orientering)", "orientering"),
    ("4", "Første status på Beskæftigelsesplan 2019 (Orientering)", "orientering"),
    ("5", "Udmøntning af aftale om en forenklet beskæftigelsesindsats (Drøftelse)", "drøftelse"),
    ("6", "Kommende sager", None),
    ("7", "Meddelelser", "orientering"),
]
DECISIONS_2019 = {
    "1": ("Godkendt.", "godkendt"),
    "2": ("Drøftet.\nForslagene oversendes til økonomiudvalget.", "drøftet"),
    "4": ("Taget til efterretning.", "taget til efterretning"),
    "5": ("Drøftet, idet udvalget er meget optaget af at udnytte de nye muligheder, lovgivningen giver.", "drøftet"),
    "6": ("Taget til efterretning.", "taget til efterretning"),
    "7": ("Taget til efterretning.", "taget til efterretning"),
}


def test_2019_has_seven_meeting_items_and_one_embedded(items_2019):
    meeting = [item for item in items_2019 if not item.embedded]
    assert [(item.number, item.title, item.item_type) for item in meeting] == TITLES_2019
    assert [item.number for item in items_2019 if item.embedded] == ["bilag-1"]
    assert len({item.id for item in items_2019}) == 8


@pytest.mark.parametrize("number", sorted(DECISIONS_2019))
def test_2019_single_committee_decisions(items_2019, number):
    [decision] = next(item for item in items_2019 if item.number == number).decisions
    assert (decision.committee, decision.date) == (BIU, "2019-06-11")
    assert (decision.text, decision.outcome) == DECISIONS_2019[number]
    assert [(absent.name, absent.party) for absent in decision.absent] == ABSENT_2019


def test_2019_item_3_carries_two_committees_decisions(items_2019):
    item = items_2019[2]
    children, employment = item.decisions
    assert (children.committee, children.date, children.text) == (
        "Børne- og Ungdomsudvalget",
        "2019-06-06",
        "Taget til efterretning.",
    )
    assert (employment.committee, employment.date, employment.outcome) == (BIU, "2019-06-11", "taget til efterretning")
    assert employment.text.startswith(
        "Taget til efterretning, idet udvalget bemærker, at der skal ske en tidligere indsats"
    )
    assert [(a.name, a.party) for a in children.absent] == [(a.name, a.party) for a in employment.absent] == ABSENT_2019
    assert item.competence == "Børne- og Ungdomsudvalget.\nBeskæftigelses- og Integrationsudvalget."
    assert item.attachments == [
        "Første år status på SSP-handleplan 2018-2020 kort notat",
        "Grafisk overblik midtvejsevaluering SSP Handleplan 2018-2020",
    ]
    assert "8" not in item.attachments and not item.case_text.endswith("8")  # line 297 is a page number


def test_2019_item_2_sections(items_2019):
    item = items_2019[1]
    assert item.resume.startswith(
        "Den politiske budgetproces for 2020-23 blev godkendt af Økonomiudvalget den 24. januar"
    )
    assert item.recommendation_text.endswith("Økonomiudvalget med henblik på høring i juni 2019.")
    assert item.legal_basis == "Ikke relevant."
    assert item.economy.startswith(
        "Der er udarbejdet budgetreduktions- og effektiviseringsforslag for i alt -1,3 mio. kr."
    )
    assert item.competence.startswith("Økonomiudvalget med hensyn til at sende de samlede forslag i høring.")
    assert item.attachments == ["Budgetreduktionsforslag 2020-2023 BIU - samlet"]


def test_2019_item_1_has_only_a_decision(items_2019):
    item = items_2019[0]
    assert (item.resume, item.case_text, item.recommendation_text, item.attachments) == (None, None, None, [])
    assert (item.citations[0].line_start, item.citations[0].line_end) == (1, 13)


def test_2019_last_item_ends_with_its_attachment_list(items_2019):
    item = items_2019[6]
    assert item.citations[0].line_end == 1083
    assert item.attachments == [
        "Integrationsindsatser for familiesammenførte til flygtninge i Lyngby-Taarbæk Kommune",
        "Faktaark personer på integrationsydelse - juni 2019",
        "Faktaark flygtninge og familiesammenførte - juni 2019",
        "Invitation til foredrag med Steen Hildebrandt",
    ]


def test_2019_earlier_item_reproduced_in_an_attachment_is_embedded(items_2019):
    embedded = items_2019[-1]
    assert embedded.embedded and embedded.id == "doc:embedded-item-bilag-1"
    assert (
        embedded.title
        == "Integrationsindsatser for familiesammenførte til flygtninge i Lyngby-Taarbæk Kommune (Orientering)"
    )
    assert embedded.resume.startswith("Integrationsindsatsen i Lyngby-Taarbæk Kommune omfatter både flygtninge")
    assert embedded.legal_basis == "Integrationsloven."
    [decision] = embedded.decisions
    assert (decision.committee, decision.date, decision.text, decision.outcome) == (
        BIU,
        "2019-02-05",
        "Taget til efterretning.",
        "taget til efterretning",
    )
    assert (embedded.citations[0].line_start, embedded.citations[0].line_end) == (4365, 4543)
