"""Ballerup eDoc referat (../shared/realdocs): items checked against the publishing system's XML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.readers import read_source
from maalspor.model import AgendaItem, DocKind, Document
from nlp.minutes import parse_minutes

COMMITTEE = "Sundheds- og Forebyggelsesudvalget"


def _items(path: Path) -> list[AgendaItem]:
    clean = normalize(read_source(path))
    document = Document(
        id="ballerup",
        kind=DocKind.MINUTES,
        title=None,
        municipality="Ballerup",
        committee=COMMITTEE,
        meeting_date="2012-12-04",
        plan_year=None,
        source_file=path.name,
        content_hash=clean.source.content_hash,
    )
    return parse_minutes(clean, document)


def _xml_titles(path: Path) -> dict[str, str]:
    """Item number -> title from the eDoc XML (it holds character references XML 1.0 forbids)."""
    text = re.sub(r"&#x?[0-9a-fA-F]+;", "", path.read_text(encoding="utf-8"))
    root = ET.fromstring(text.encode("utf-8"))
    return {
        item.findtext("AgendaItemNumber"): item.find("Document").findtext("Title")
        for item in root.iter("MeetingAgendaItem")
    }


@pytest.fixture(scope="module")
def referat() -> list[AgendaItem]:
    realdocs = Path(__file__).resolve().parents[3] / "shared" / "realdocs"
    if not realdocs.is_dir():
        pytest.skip("../shared/realdocs is not present")
    return _items(realdocs / "ballerup_sfu_referat_2012-12-04.pdf")


def test_items_equal_the_xml_answer_key(referat, realdocs):
    expected = _xml_titles(realdocs / "ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml")
    assert len(expected) == 8
    assert {item.number: item.title for item in referat} == expected


def test_every_item_has_the_meetings_decision(referat):
    outcomes = {
        "1": ("Taget til efterretning", "taget til efterretning"),
        "2": ("Indstillingen godkendt", "godkendt"),
        "3": ("Indstilles til godkendelse", "anbefalet"),
        "8": ("Taget til efterretning", "taget til efterretning"),
    }
    for item in referat:
        [decision] = item.decisions
        assert (decision.committee, decision.date, decision.absent) == (COMMITTEE, "2012-12-04", [])
        if item.number in outcomes:
            assert (decision.text, decision.outcome) == outcomes[item.number]
    remark = referat[6].decisions[0].text
    assert (
        remark
        == "Indstillingen godkendt med denne bemærkning:\nGruppen af unge i Ballerup Kommune også får adgang til at bruge lokalerne på Solvej 6."
    )


def test_item_fields(referat):
    item = referat[1]
    assert item.resume.startswith("Det årlige bygningssyn er nu afsluttet")
    assert item.competence == "Sundheds- og Forebyggelsesudvalget"
    assert [rec.number for rec in item.recommendations] == [1, 2]  # lettered A), B)
    assert (
        item.recommendations[0].text
        == "De foreslåede arbejder for bygningsvedligeholdelse 2013 under Sundheds- og Forebyggelsesudvalget godkendes."
    )
    assert item.attachments == ["Bygningsliste og prioriteringssystem"]
    assert item.economy.startswith("Det afsatte beløb til bygningsvedligeholdelse i 2013 projekt nr. 650260")
    assert referat[0].attachments == [
        "Hvordan udvikler vi det nære sundhedsvæsen sammen?",
        "Forebyggelse af ulighed i sundhedsvæsenet",
        "Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar",
    ]
    assert referat[7].attachments == []  # "Bilag: Ingen"
    title_citation = referat[5].citations[1]
    assert (title_citation.page, title_citation.line_end - title_citation.line_start) == (10, 1)  # a two-line title


def test_single_item_export_matches_the_whole_referat(referat, realdocs):
    [single] = _items(realdocs / "ballerup_sfu_2012-12-04_punkt6.pdf")
    whole = referat[5]
    assert (single.number, single.title) == (whole.number, whole.title)
    assert single.decisions[0].text == whole.decisions[0].text == "Indstillingen godkendt"
    assert single.recommendations == whole.recommendations
    assert single.attachments == whole.attachments == ["Prioritering af midler til kronikerindsats"]
