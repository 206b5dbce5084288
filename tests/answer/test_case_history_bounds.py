"""An agenda history bounded by a meeting day or month the question names ('før', 'inden', 'efter', 'before',
'after'), and the later items that take a case up by quoting its title.

Expectations read from the documents: ../shared/realdocs/dev2/aarhus_tu_2025-10-01_referat.html item 6 'Måltal
for busfremkommelighed, jf. budgetforlig 2023' prints its course (lines 171-187: Magistraten 18-03-2025, Aarhus
Byråd 26-03-2025, Teknisk Udvalg 26-05-2025 and 11-08-2025, both 'udsat') and is postponed again on 1 October
2025; item 2 'Udviklingsplan Aarhus Ø - endelig vedtagelse' prints Magistraten 02-09-2025, Aarhus Byråd
10-09-2025 and Teknisk Udvalg 22-09-2025 (lines 44-60). corpus/002 (Lyngby-Taarbæk BIU 11 June 2019) carries the
case 'Integrationsindsatser for familiesammenførte til flygtninge i Lyngby-Taarbæk Kommune' of 5 February 2019 as
an appendix (line 4365), and its item 7 'Meddelelser' takes the case up by its title (lines 962-996).
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from tests.conftest import REALDOCS, ingested_store

AARHUS_TU = REALDOCS / "dev2" / "aarhus_tu_2025-10-01_referat.html"


@pytest.fixture(scope="module")
def aarhus(tmp_path_factory):
    with ingested_store([AARHUS_TU], tmp_path_factory.mktemp("bounds")) as store:
        yield store


def _dates(result) -> list[str]:
    return [statement.text.split(",")[0] for statement in result.statements]


def test_a_lower_bound_keeps_the_treatments_after_the_month(aarhus):
    result = answer_question("Hvordan er busfremkommeligheden blevet behandlet efter april 2025?", aarhus)
    assert _dates(result) == ["26. maj 2025", "11. august 2025", "1. oktober 2025"]


def test_an_upper_bound_on_a_day_keeps_the_treatments_before_that_meeting(aarhus):
    result = answer_question(
        "Hvornår var udviklingsplanen for Pier 3 på dagsordenen før mødet 1. oktober 2025?", aarhus
    )
    assert _dates(result) == ["2. september 2025", "10. september 2025", "22. september 2025"]
    assert [s.citations[0]["line_start"] for s in result.statements] == [45, 53, 57]


def test_without_a_bound_the_meeting_named_is_the_one_asked_about(aarhus):
    result = answer_question("Var busfremkommeligheden på dagsordenen på mødet 1. oktober 2025?", aarhus)
    assert _dates(result) == ["1. oktober 2025"]


def test_a_later_item_quoting_the_case_title_is_a_treatment(store):
    result = answer_question("Hvornår har familiesammenførte flygtninges integrationsindsatser været oppe?", store)
    texts = [statement.text for statement in result.statements]
    assert texts[0].startswith("5. februar 2019, Beskæftigelses- og Integrationsudvalget")
    assert texts[1].startswith(
        "11. juni 2019, Beskæftigelses- og Integrationsudvalget, punkt 7 “Meddelelser” (tager sagen"
    )
    assert result.statements[1].citations[0]["source_file"] == "002_f3dbe880e0f1df7c.txt"


def test_a_meeting_day_named_keeps_out_the_earlier_meetings_an_item_mentions(store):
    # corpus/003 item 2 names the committee's meetings of 10 June and 19 August 2014 (lines 63, 83)
    result = answer_question("Var beskæftigelsesplanen på dagsordenen i udvalget den 9. september 2014?", store)
    assert set(_dates(result)) == {"9. september 2014"}
