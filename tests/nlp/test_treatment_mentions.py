"""Earlier treatments a case's own text mentions (nlp.treatment_mentions), read from real minutes."""

from pathlib import Path

import pytest

from ingest.readers import read_source
from maalspor.model import SourceLine
from nlp.treatment_mentions import treatment_mentions
from tests.conftest import CORPUS, REALDOCS

MINUTES_2014 = CORPUS / "003_d16604ceb04aa2e7.txt"  # Erhvervs- og Beskæftigelsesudvalget, 9 September 2014
MINUTES_2019 = CORPUS / "002_f3dbe880e0f1df7c.txt"  # Beskæftigelses- og Integrationsudvalget, 2019


def _lines(path: Path, first: int, last: int) -> list[SourceLine]:
    return [line for line in read_source(path).lines if first <= line.line <= last]


def _found(lines: list[SourceLine], own_body: str, own_date: str) -> list[tuple[str, str, int]]:
    return [(m.date, m.body, m.line.line) for m in treatment_mentions(lines, own_body, own_date)]


def test_a_body_a_verb_of_treatment_and_a_date_in_one_sentence():
    found = _found(_lines(MINUTES_2014, 63, 63), "Erhvervs- og Beskæftigelsesudvalget", "2014-09-09")
    assert found == [("2014-06-10", "Erhvervs- og Beskæftigelsesudvalget", 63)]


def test_a_deadline_is_not_a_treatment():
    """'Kommunalbestyrelsen senest den 15. oktober skal have godkendt': a date the law sets, no meeting."""
    assert _found(_lines(MINUTES_2014, 105, 105), "Erhvervs- og Beskæftigelsesudvalget", "2014-09-09") == []


def test_a_reference_line_and_a_date_without_its_year():
    """'Beskæftigelses- og Integrationsudvalget den 5. februar 2019.' names the earlier meeting; '… godkendt af
    Økonomiudvalget den 24. januar' (the year on the next line) is in the year of the papers."""
    found = _found(_lines(MINUTES_2019, 996, 996) + _lines(MINUTES_2019, 20, 20), "Byrådet", "2019-03-12")
    assert found == [
        ("2019-02-05", "Beskæftigelses- og Integrationsudvalget", 996),
        ("2019-01-24", "Økonomiudvalget", 20),
    ]


def test_the_meetings_own_date_is_not_an_earlier_treatment():
    found = _found(_lines(MINUTES_2019, 996, 996), "Beskæftigelses- og Integrationsudvalget", "2019-02-05")
    assert found == []


def test_udvalget_is_the_committee_whose_papers_these_are(realdocs):
    """Greve's BEU minutes of 14 August 2023: '… som udvalget fik forelagt den 10. oktober 2022.'"""
    lines = _lines(realdocs / "greve_beu_json" / "greve_beu_2023-08-14.json", 69, 69)
    found = _found(lines, "Beskæftigelses- og Erhvervsudvalget", "2023-08-14")
    assert found == [("2022-10-10", "Beskæftigelses- og Erhvervsudvalget", 69)]


def test_the_eDoc_reference_line_opening_an_item(realdocs):
    """Ballerup's eDoc export opens item 4 with the meeting it came from: 'Sundheds- og Forebyggelsesudvalget
    den 30. maj 2012 Punkt 7'; the decision line of the meeting itself ('… den 04-12-2012') is not earlier."""
    lines = _lines(realdocs / "ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml", 91, 118)
    found = _found(lines, "Sundheds- og Forebyggelsesudvalget", "2012-12-04")
    assert found == [("2012-05-30", "Sundheds- og Forebyggelsesudvalget", 94)]


def test_the_council_named_in_lower_case_in_a_case_history(realdocs):
    """Aarhus: 'Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 27.
    august 2025.' is the council's meeting, not the committee the case is sent to."""
    lines = _lines(realdocs / "dev2" / "aarhus_tu_2025-10-01_referat.html", 115, 120)
    found = _found(lines, "Teknisk Udvalg", "2025-10-01")
    assert found == [("2025-08-19", "Magistraten", 115), ("2025-08-27", "Byrådet", 120)]


def test_a_meeting_of_others_is_not_the_named_bodys():
    """Greve BEU 14 August 2023, item 2: 'På baggrund af input fra Beskæftigelses- og Erhvervsudvalget beslutter
    bestyrelsen på bestyrelsesmøde den 17. august 2023 …' is the board's meeting; 'Beskæftigelses- og
    Erhvervsudvalget benytter på mødet den 11. september 2023 …' (the next line) is the committee's."""
    path = REALDOCS / "greve_beu_json" / "greve_beu_2023-08-14.json"
    if not path.exists():
        pytest.skip("../shared/realdocs is not present")
    found = _found(_lines(path, 42, 43), "Beskæftigelses- og Erhvervsudvalget", "2023-08-14")
    assert found == [("2023-09-11", "Beskæftigelses- og Erhvervsudvalget", 43)]
