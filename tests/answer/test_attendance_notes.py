"""Attendance the minutes record in running text (answer.attendance_notes): an absence announced at an earlier
meeting, a substitute chosen in an absent member's place, staff present for one item.

Expectations read from ../shared/realdocs: greve_beu_json/greve_beu_2022-09-12.json item 11 (line 347: '• Liselott
Blixt melder afbud til mødet den 10.oktober'; the material holds no minutes of 10 October 2022);
dev2/aarhus-elev_sogneraad_1945-04-05_protokol-aargang1945_transskription.txt (lines 56-57: 'Paa Grund af
Bortrejse er i Stedet for Peder Sørensen / Elev valgt (Bestyrer Henning Nielsen)');
ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml item 'Bygningsvedligeholdelse 2013 - anlægsbevilling' (line 51:
'… deltager faglig koordinator Birgit Elleby Jørgensen fra Center for Ejendomme under behandlingen af sagen.').
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from tests.conftest import REALDOCS, ingested_store

MATERIAL = [
    REALDOCS / "greve_beu_json",
    REALDOCS / "dev2" / "aarhus-elev_sogneraad_1945-04-05_protokol-aargang1945_transskription.txt",
    REALDOCS / "ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with ingested_store(MATERIAL, tmp_path_factory.mktemp("attendance_notes")) as store:
        yield store


def _naming(result, name: str) -> list[tuple[str, str, int, int]]:
    return [
        (statement.text, c["source_file"], c["line_start"], c["line_end"])
        for statement in result.statements
        if name in statement.text
        for c in statement.citations
    ]


def test_an_absence_announced_at_the_meeting_before_is_told_for_a_meeting_without_minutes(store):
    result = answer_question(
        "Havde nogen meldt forfald til Beskæftigelses- og Erhvervsudvalgets møde 10.10.2022?", store
    )
    assert result.statements[0].text.startswith("Materialet indeholder ikke et møde den 10. oktober 2022")
    [(text, source, start, _)] = _naming(result, "Liselott Blixt")
    assert text.startswith("Referatet fra mødet i Beskæftigelses- og Erhvervsudvalget den 12. september 2022 noterer")
    assert (source, start) == ("greve_beu_2022-09-12.json", 347)


def test_the_substitute_for_an_absent_member_is_quoted_over_the_wrapped_lines(store):
    result = answer_question("Hvem blev valgt i stedet for Peder Sørensen, da han var fraværende?", store)
    [(text, source, start, end)] = _naming(result, "Henning Nielsen")
    assert text.startswith("I stedet for Peder Sørensen")
    assert source.endswith("_transskription.txt") and (start, end) == (56, 58)
    assert len(result.statements) == 1


def test_staff_present_for_one_item_are_told_for_that_item(store):
    result = answer_question(
        "Hvem var til stede under punktet om bygningsvedligeholdelse på mødet 4. december 2012?", store
    )
    [(text, source, start, _)] = _naming(result, "Birgit Elleby Jørgensen")
    assert text.startswith("Deltagere under punkt")
    assert (source, start) == ("ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml", 51)
