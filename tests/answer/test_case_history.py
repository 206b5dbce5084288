"""Agenda history with the meetings only a case's own text names (answer.case_history): Ballerup's eDoc item
opens with the meeting it came from, Greve's status on sanctions names the meeting that got the last one.
Expectations read from ../shared/realdocs: ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml item 4 (line 94:
'Sundheds- og Forebyggelsesudvalget den 30. maj 2012 Punkt 7') and greve_beu_2023-08-14.json item 3 (line 69:
'… som udvalget fik forelagt den 10. oktober 2022.')."""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from tests.conftest import REALDOCS, ingested_store

BALLERUP = REALDOCS / "ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml"
GREVE = REALDOCS / "greve_beu_json" / "greve_beu_2023-08-14.json"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with ingested_store([BALLERUP, GREVE], tmp_path_factory.mktemp("case_history")) as store:
        yield store


def test_the_meeting_an_item_came_from_is_in_its_history_in_date_order(store):
    result = answer_question("Hvilke møder har behandlet takstreduktionen på Torvevej?", store)
    texts = [statement.text for statement in result.statements]
    assert texts[0].startswith("30. maj 2012, Sundheds- og Forebyggelsesudvalget: nævnt som tidligere behandling")
    assert result.statements[0].citations[0]["line_start"] == 94
    assert texts[1].startswith("4. december 2012, Sundheds- og Forebyggelsesudvalget, punkt 4")


def test_the_committee_a_case_text_calls_udvalget_is_the_committee_of_the_minutes(store):
    result = answer_question(
        "When were the sanctions for availability (rådighedssanktioner) on the agenda in Greve?", store
    )
    first = result.statements[0]
    assert first.text.startswith("10 October 2022, Beskæftigelses- og Erhvervsudvalget: mentioned as an earlier")
    assert first.citations[0]["line_start"] == 69
    assert "14 August 2023" in result.statements[1].text


def test_the_first_treatment_may_be_one_only_a_later_item_names(store):
    result = answer_question("Hvornår kom takstreduktionen på Torvevej første gang op?", store)
    [line] = result.statements
    assert line.text.startswith("Første gang på dagsordenen (af 2 behandlinger i materialet): 30. maj 2012,")
    assert line.citations[0]["line_start"] == 94


def test_a_history_bounded_above_keeps_only_the_treatments_before_the_month_named(store):
    # the August 2023 status is itself on the agenda that month; the one before it is the October 2022 meeting
    result = answer_question("Hvornår var status på rådighedssanktioner sidst forelagt før september 2023?", store)
    [line] = result.statements
    assert "14. august 2023" in line.text
    assert line.text.startswith("Seneste gang på dagsordenen (af 2 behandlinger i materialet): 14. august 2023")
    result = answer_question("Hvornår fik udvalget sidst en status om rådighedssanktioner inden juli 2023?", store)
    [line] = result.statements
    assert line.text.startswith("Seneste gang på dagsordenen (af 1 behandling i materialet): 10. oktober 2022")
    assert line.citations[0]["line_start"] == 69
