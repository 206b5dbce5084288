"""FirstAgenda minutes (../shared/realdocs): Greve's JSON exports and the Aarhus Byråd referat PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.readers import read_source
from maalspor.model import Absence, AgendaItem, CleanText, DocKind, Document
from nlp.minutes import parse_minutes

REALDOCS = Path(__file__).resolve().parents[3] / "shared" / "realdocs"
GREVE = sorted((REALDOCS / "greve_beu_json").glob("*.json")) if REALDOCS.is_dir() else []
GREVE_COMMITTEE = "Beskæftigelses- og Erhvervsudvalget"


def _parse(path: Path, committee: str, date: str) -> tuple[CleanText, list[AgendaItem]]:
    if not path.is_file():
        pytest.skip("../shared/realdocs is not present")
    clean = normalize(read_source(path))
    document = Document(
        id=path.stem,
        kind=DocKind.MINUTES,
        title=None,
        municipality=None,
        committee=committee,
        meeting_date=date,
        plan_year=None,
        source_file=path.name,
        content_hash=clean.source.content_hash,
    )
    return clean, parse_minutes(clean, document)


# ---------------------------------------------------------------- Greve JSON


@pytest.mark.parametrize("path", GREVE, ids=[path.stem for path in GREVE])
def test_greve_items_equal_the_exports_items(path):
    export = json.loads(path.read_text(encoding="utf-8"))
    expected = [
        (item["Punktnummer"], item["Navn"].strip())
        for item in sorted(export["Dagsordenpunkter"], key=lambda i: i["Sorting"])
    ]
    _, items = _parse(path, GREVE_COMMITTEE, export["Moede"]["Dato"][:10])
    assert [(item.number, item.title) for item in items] == expected
    with_decision = [item["Punktnummer"] for item in export["Dagsordenpunkter"] if _exported_decision(item)]
    assert sorted(item.number for item in items if item.decisions) == sorted(with_decision)


def _exported_decision(item: dict) -> str:
    """The decision text in an exported item's HTML: under its 'Beslutning' heading, or the whole
    field of a closed item; attendance ('Afbud: ...') is no decision."""
    html = item["Felter"][0]["Html"] or ""
    if "<h3>Beslutning</h3>" in html:
        html = html.split("<h3>Beslutning</h3>")[1].split("<h3>Fremstilling</h3>")[0]
    elif not item["Navn"].startswith("Lukket"):
        return ""
    text = re.sub(r"<[^>]+>|&nbsp;|\xa0", " ", html)
    return re.sub(r"Afbud:.*", "", text).strip()


@pytest.fixture(scope="module")
def greve_2022_11_14() -> list[AgendaItem]:
    return _parse(REALDOCS / "greve_beu_json" / "greve_beu_2022-11-14.json", GREVE_COMMITTEE, "2022-11-14")[1]


def test_greve_approves_beskaeftigelsesplan_2023(greve_2022_11_14):
    item = greve_2022_11_14[1]
    assert (
        item.title == "Godkendelse af beskæftigelsesplan for 2023 og fremsendelse til Det Regionale Arbejdsmarkedsråd"
    )
    [decision] = item.decisions
    assert (decision.committee, decision.date, decision.text, decision.outcome) == (
        GREVE_COMMITTEE,
        "2022-11-14",
        "1. - 5. anbefales.",
        "anbefalet",
    )
    assert decision.outcome_by_recommendation == {number: "anbefalet" for number in range(1, 6)}
    assert [rec.number for rec in item.recommendations] == [1, 2, 3, 4, 5]
    assert item.recommendations[0].text.startswith(
        "at Greve Kommune fremsender kommunens vedtagne beskæftigelsespolitik for 2019-2022"
    )
    assert (
        len(item.attachments) == 7
        and item.attachments[0] == "Bilag 1 - Resultatmål - Alle ydelser under ét august 2022"
    )
    assert item.legal_basis == "Lov om organisering og understøttelse af beskæftigelsesindsatsen."


def test_greve_absences_and_per_recommendation_outcomes(greve_2022_11_14):
    assert greve_2022_11_14[0].decisions[0].absent == [Absence("Morten Dahlin", None)]
    assert greve_2022_11_14[4].decisions[0].outcome_by_recommendation == {1: "taget til efterretning", 2: "godkendt"}
    _, items_2024 = _parse(REALDOCS / "greve_beu_json" / "greve_beu_2024-11-18.json", GREVE_COMMITTEE, "2024-11-18")
    decision = items_2024[1].decisions[0]
    assert decision.outcome == "drøftet"
    assert decision.absent == [Absence("Brigitte Klintskov Jerkel", None), Absence("Kenneth Jerkel", None)]
    assert "Afbud" not in decision.text


# ---------------------------------------------------------------- Aarhus Byråd PDF

_TOC_ENTRY = re.compile(r"(?P<title>.+?)(?:\.{2,}\s*|\s)(?P<page>\d{1,2})")


def _table_of_contents(clean: CleanText) -> list[tuple[str, int]]:
    """(title, page) of the TOC lines, read independently of the item parser."""
    lines = clean.text.splitlines()
    start = lines.index("Indholdsfortegnelse") + 1
    end = next(index for index, line in enumerate(lines) if line.startswith("Punkt 1:"))
    entries = [_TOC_ENTRY.fullmatch(line.strip()) for line in lines[start:end] if line.strip()]
    return [(entry.group("title"), int(entry.group("page"))) for entry in entries]


@pytest.fixture(scope="module")
def aarhus() -> tuple[CleanText, list[AgendaItem]]:
    return _parse(REALDOCS / "aarhus_byraad_referat_2025-08-27.pdf", "Aarhus Byråd", "2025-08-27")


def test_aarhus_items_equal_the_table_of_contents(aarhus):
    clean, items = aarhus
    toc = _table_of_contents(clean)
    assert len(toc) == 21
    assert [item.number for item in items] == [str(number) for number in range(1, 22)]
    for item, (title, page) in zip(items, toc, strict=False):
        assert item.title.startswith(title)  # the TOC cuts item 10's long title
        assert item.citations[0].page == page
    assert (
        items[9].title
        == "Lokalplan 1221 (tillæg 2 til lokalplan 411) – Erhvervsområde ved Kattrup, Hasselager-Kolt, med tillæg 1 - Endelig"
    )


def test_aarhus_decisions(aarhus):
    _, items = aarhus
    assert all(
        (item.decisions[0].committee, item.decisions[0].date) == ("Aarhus Byråd", "2025-08-27") for item in items
    )
    assert (items[0].decisions[0].text, items[0].decisions[0].outcome) == ("Godkendt.", "godkendt")
    assert items[1].decisions[0].text == (
        "Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 27. august 2025."
    )
    assert items[1].decisions[0].outcome == "oversendt"
    assert items[4].decisions[0].outcome == "vedtaget"
    closed = items[20]
    assert closed.title == "Lukket: Køb af landbrugsejendom"
    assert closed.decisions[0].text.startswith("Tilbagesendes Magistratsafdelingen for Teknik og Miljø med bemærkning")
    assert closed.case_text is None
    assert len(closed.decisions) == 1


def test_aarhus_case_history_gives_the_earlier_decisions(aarhus):
    _, items = aarhus
    earlier = [(decision.committee, decision.date) for decision in items[1].decisions[1:]]
    assert earlier == [("Aarhus Byråd", "2025-03-26"), ("Aarhus Byråd", "2025-04-09"), ("Magistraten", "2025-08-19")]
    assert items[1].decisions[1].text == "Sagens behandling blev udsat i byrådets møde den 26. marts 2025."


def test_aarhus_recommendations_and_attachments(aarhus):
    _, items = aarhus
    item = items[1]
    assert [rec.number for rec in item.recommendations] == [1, 2]
    assert item.recommendations[1].text.startswith(
        "Teknik og Miljø anbefaler Havnens Perle at tage fat i kommende aktører"
    )
    assert item.resume.startswith("Den 9. april 2025 behandlede byrådet forslag fra Danmarksdemokraterne")
    assert item.attachments == [
        "Indstilling",
        "Bilag 1: Beslutningsforslag",
        "Meningstilkendegivelse Havnens Perle (påført 07.04.2025)",
        "Byrådsdebat 09.04.2025",
        "Meningstilkendegivelse Havnens Perle (påført 27.08.2025)",
    ]
