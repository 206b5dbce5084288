"""Meeting exports in XML (eDoc, SBSYS, Acadre) rendered into the canonical meeting text.

Expectations were read from the XML files themselves: item numbers, titles, captions and decisions.
The real exports come from ../shared/realdocs (skipped when absent); the Acadre sample is our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.captions import canonical_label, meeting_label
from ingest.readers import read_source
from maalspor.model import IngestError, SourceDocument
from tests.ingest.ingest_helpers import realdoc

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def _texts(document: SourceDocument) -> list[str]:
    return [line.text for line in document.lines]


def _item(document: SourceDocument, number: int) -> list[str]:
    texts = _texts(document)
    start = next(index for index, text in enumerate(texts) if text.startswith(f"Punkt {number}: "))
    return texts[start : texts.index("", start)]


@pytest.fixture(scope="module")
def edoc() -> SourceDocument:
    return read_source(realdoc("ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml"))


@pytest.fixture(scope="module")
def sbsys() -> SourceDocument:
    return read_source(realdoc("dev2/ballerup_kmb-it_2013-05-15_sbsys-publication.xml"))


@pytest.fixture(scope="module")
def acadre() -> SourceDocument:
    return read_source(RESOURCES / "acadre_meeting.xml")


def test_edoc_header_and_items_in_number_order(edoc):
    assert edoc.format == "edoc-xml" and edoc.meta.committee == "Sundheds- og Forebyggelsesudvalget"
    assert edoc.meta.meeting_date == "2012-12-04"
    assert _texts(edoc)[:5] == [
        "Sundheds- og Forebyggelsesudvalget",
        "Referat",
        "Mødedato: 04-12-2012 kl. 13:00",
        "Deltagere: Lolan Ottesen (A), Grethe Larsen (A), Birte Kramhøft (F), Doris Børger (A), "
        "Karl Vilhelm Nielsen (V), Maria Lundahl Assov (A), Per Mortensen (A)",  # the front page's "Tilstede"
        "",  # its "Afbud/Fraværende" list is empty
    ]
    headings = [text for text in _texts(edoc) if text.startswith("Punkt ")]
    assert headings == [  # the XML lists them 2, 4, 5, 6, 3, 1, 7, 8
        "Punkt 1: Meddelelser",
        "Punkt 2: Bygningsvedligeholdelse 2013 - anlægsbevilling",
        "Punkt 3: Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013",
        "Punkt 4: Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013",
        "Punkt 5: KL's opfølgningsproces vedrørende det nære sundhedsvæsen",
        "Punkt 6: Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre",
        "Punkt 7: Etablering af aktivitetscenter på Solvej 6 i Ballerup",
        "Punkt 8: Evaluering af rygestopkurser",
    ]
    assert all(line.page is None for line in edoc.lines)
    assert [line.line for line in edoc.lines[:3]] == [1, 2, 3]


def test_edoc_item_text_with_canonical_labels_and_decision_header(edoc):
    lines = _item(edoc, 2)
    assert lines[1:4] == ["Sagsnummer: 2012-28504", "Dok.nr.: 2012-203438", "Resume"]  # "Sammendrag" in the XML
    assert "2. Bygningsvedligeholdelse 2013 - anlægsbevilling" not in lines  # the text's own heading is dropped
    labels = [text for text in lines if text in ("Resume", "Sagsbeskrivelse", "Sagsfremstilling", "Bilag")]
    assert labels == ["Resume", "Sagsbeskrivelse", "Sagsfremstilling", "Bilag"]  # Baggrund -> Sagsbeskrivelse
    assert lines[lines.index("Bilag") + 1] == "2012-200782 - Bygningsliste og prioriteringssystem"
    assert lines.count("Bilag") == 1  # the text lists the attachment; the structure's list is not added again
    assert "Sagsprocedure" in lines and lines[lines.index("Sagsprocedure") + 1] == "Sundheds- og Forebyggelsesudvalget"
    decision = lines.index("Beslutning i Sundheds- og Forebyggelsesudvalget den 04-12-2012")
    assert lines[decision + 1] == "Indstillingen godkendt"
    assert "" not in lines and not any("\t" in text for text in lines)


def test_edoc_front_page_attendance_and_attachments_from_the_structure(tmp_path):
    path = tmp_path / "edoc.xml"
    path.write_text(
        "<?xml version='1.0'?><Meeting><Committee>Økonomiudvalget</Committee>"
        "<MeetingDate>03-02-2014 15:00:00</MeetingDate><MeetingState>Dagsorden godkendt</MeetingState>"
        "<MeetingAgendaTypes><MeetingAgendaType><MeetingAgendaItems><MeetingAgendaItem>"
        "<AgendaItemNumber>4</AgendaItemNumber><Document><Title>Budget 2015</Title>"
        "<Attachments><Attachment><Title>Budgetnotat</Title></Attachment></Attachments></Document>"
        "<FullText>&#xC;4.\tBudget 2015\n\nSagsnr.: 2014-1\nINDSTILLING\nat budgettet vedtages</FullText>"
        "</MeetingAgendaItem></MeetingAgendaItems>"
        "<FullText>Referat\nTilstede\nAnne Holm (A) - formand\n\nAfbud/Fraværende\nBo Lund (V)\n\n"
        "INDHOLDSFORTEGNELSE\n4.\tBudget 2015\t2\nFraværende\nNavn fra punktets tekst</FullText>"
        "</MeetingAgendaType></MeetingAgendaTypes></Meeting>",
        encoding="utf-8",
    )
    document = read_source(path)
    assert _texts(document) == [
        "Økonomiudvalget",
        "Dagsorden",
        "Mødedato: 03-02-2014 kl. 15:00",
        "Deltagere: Anne Holm (A)",
        "Fraværende: Bo Lund (V)",  # from the front page, not from the later text
        "",
        "Punkt 4: Budget 2015",
        "Sagsnummer: 2014-1",
        "Indstilling",
        "at budgettet vedtages",
        "Bilag",
        "• Budgetnotat",
        "",
    ]


def test_sbsys_agenda_header_fields_and_attachments(sbsys):
    assert sbsys.format == "sbsys-xml" and sbsys.meta.committee == "KMB IT-udvalget"
    assert sbsys.meta.meeting_date == "2013-05-15"
    assert _texts(sbsys)[:5] == [
        "KMB IT-udvalget",
        "Dagsorden",  # PublicationType Final and every Beslutning field empty: an agenda
        "Mødedato: 15-05-2013 kl. 16:30",
        "Mødested: Mødecenter A, Lokale 3 på Ballerup Rådhus",
        "",
    ]
    assert [text for text in _texts(sbsys) if text.startswith("Punkt ")] == [
        "Punkt 1: Meddelelser",
        "Punkt 2: Oplæg til standard it-arbejdsplads for Kommunalbestyrelsens medlemmer i 2014-2018",
        "Punkt 3: Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)",
        "Punkt 4: Regler for indkøb af it-udstyr",
        "Punkt 5: Status på eDagsorden",
    ]
    item = _item(sbsys, 3)
    labels = [text for text in item if text in ("Resume", "Sagsbeskrivelse", "Sagsfremstilling", "Indstilling")]
    assert labels == ["Resume", "Sagsbeskrivelse", "Sagsfremstilling", "Indstilling"]
    assert item[item.index("Resume") + 1].startswith("KOMBIT har udpeget en række it-systemer fra KMD")  # æ decoded
    assert "Beslutning" not in item  # empty feedback field left out
    assert item[-2:] == ["Bilag", "• Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud"]
    assert _item(sbsys, 2)[1:3] == ["Sagens forløb", "KMB IT-udvalget den 5. december 2012 Punkt 3"]


def test_acadre_sample(acadre):
    assert acadre.format == "acadre-xml" and acadre.meta.committee == "Beskæftigelsesudvalget"
    assert acadre.meta.meeting_date == "2019-06-11"
    assert _texts(acadre)[:5] == [
        "Beskæftigelsesudvalget",
        "Referat",
        "Mødedato: 11-06-2019 kl. 16:00",
        "Mødested: Mødelokale 2, Rådhuset",
        "",
    ]
    assert _item(acadre, 1) == ["Punkt 1: Meddelelser", "Sagsnummer: 19/00012", "Beslutning", "Taget til efterretning."]
    assert _item(acadre, 2) == [
        "Punkt 2: Beskæftigelsesplan 2020 - godkendelse",
        "Sagsnummer: 19/10234",
        "Sagsfremstilling",
        "Beskæftigelsesplanen fastlægger årets mål for jobcentret & de lokale indsatser.",
        "Ministeren har udmeldt fire beskæftigelsespolitiske mål for 2020.",
        "Indstilling",
        "Forvaltningen indstiller, at",
        "1. beskæftigelsesplan 2020 godkendes",
        "2. planen sendes til Byrådet",
        "Beslutning",
        "Anbefales.",
        "Bo Lund (V) deltog ikke i behandlingen af punktet.",
        "Bilag",
        "• Beskæftigelsesplan 2020",
    ]
    assert _item(acadre, 3) == ["Punkt 3: Lukket punkt: Personalesag"]  # its empty decision bullet is left out


@pytest.mark.parametrize(
    ("caption", "label"),
    [
        ("Sammendrag", "Resume"),
        ("RESUME", "Resume"),
        ("Baggrund", "Sagsbeskrivelse"),
        ("ADMINISTRATIONENS INDSTILLING", "Indstilling"),
        ("Økonomiske konsekvenser og finansiering", "Økonomiske konsekvenser"),
        ("SAGEN AFGØRES AF", "Sagsprocedure"),
        ("PUNKTET BEHANDLET TIDLIGERE", "Sagens forløb"),
        ("FORRETNINGSUDVALGETS BESLUTNING", "Beslutning i Forretningsudvalget"),
        ("Kommunalbestyrelsens beslutning den 4.12.2012:", "Beslutning i Kommunalbestyrelsen den 04-12-2012"),
        ("Følgende deltog ikke i behandlingen af punktet:", "Følgende deltog ikke i behandlingen af punktet:"),
        ("Det er udvalgets beslutning.", "Det er udvalgets beslutning."),
    ],
)
def test_caption_table(caption, label):
    assert canonical_label(caption) == label


def test_only_the_meetings_own_body_gets_the_meeting_day():
    assert meeting_label("FORRETNINGSUDVALGETS BESLUTNING", "Forretningsudvalget", "25-09-2012") == (
        "Beslutning i Forretningsudvalget den 25-09-2012"
    )
    assert meeting_label("REGIONSRÅDETS BESLUTNING", "Forretningsudvalget", "25-09-2012") == "Beslutning i Regionsrådet"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<?xml version='1.0'?><agenda/>", "not a known meeting export"),
        (b"<?xml version='1.0'?><Publication><Agendas>", "invalid XML"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "DTD or entity"),
        (
            b"<?xml version='1.0'?><Publication><Agendas><Agenda><Name>U</Name></Agenda></Agendas></Publication>",
            "no agenda",
        ),
    ],
)
def test_bad_xml_gives_one_line_error(tmp_path, content, message):
    path = tmp_path / "meeting.xml"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message) as error:
        read_source(path)
    assert str(error.value).startswith("meeting.xml: ") and "\n" not in str(error.value)
