"""A meeting named by its day or month without a year: the year comes from the meetings the material holds, and
the answer says which it assumed.

Expectations read from corpus/003 (Erhvervs- og Beskæftigelsesudvalget, 9 September 2014: 'Afbud' from Jakob
Engel-Schmidt (V) and Hanne Agersnap (F)) and corpus/002 (Beskæftigelses- og Integrationsudvalget, 11 June 2019).
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from answer.question import undated_day


@pytest.mark.parametrize(
    ("text", "undated"),
    [
        ("Hvem var fraværende på mødet d. 12/3?", "03-12"),
        ("Hvad blev besluttet den 14. november?", "11-14"),
        ("Who was absent on November 14th?", "11-14"),
        ("Hvem var med den 12.3.?", "03-12"),
        ("Hvad blev besluttet på junimødet?", "06"),
        ("hvad besluttede udvalget i marts", "03"),
        ("What was decided at the December meeting?", "12"),
        ("Hvilke bilag var der 14/11-2022?", None),  # a full date
        ("Hvad var status i marts 2019?", None),  # a full month
        ("Hvor mange af borgerne, 1/3 af dem?", None),  # a fraction
        ("May I ask who was absent?", None),  # the English verb
    ],
)
def test_a_day_or_month_named_without_a_year(text, undated):
    assert undated_day(text) == undated


def test_the_year_of_a_day_named_without_one_is_the_material_s_and_said(store):
    result = answer_question("Hvem var fraværende på mødet d. 9/9?", store)
    assumed, absences = result.statements[:2]
    assert assumed.text == (
        "Spørgsmålet nævner intet år; materialet har kun møder på det tidspunkt i 2014, så svaret gælder "
        "9. september 2014."
    )
    assert "Jakob Engel-Schmidt (V)" in absences.text and "Hanne Agersnap (F)" in absences.text
    assert {c["source_file"] for c in absences.citations} == {"003_d16604ceb04aa2e7.txt"}


def test_a_month_named_without_a_year_takes_the_items_of_that_month(store):
    result = answer_question("What was decided at the June meeting?", store)
    assert result.statements[0].text.startswith(
        "The question names no year; the material has meetings then only in 2019"
    )
    decided = [s for s in result.statements[1:] if s.text.startswith("On 11 June 2019")]
    assert decided and all(c["source_file"] == "002_f3dbe880e0f1df7c.txt" for s in decided for c in s.citations)


def test_a_month_without_meetings_assumes_no_year(store):
    # the minutes name meetings in February, June, August and September only
    result = answer_question("Hvem var fraværende i oktober?", store)
    assert not any(s.text.startswith("Spørgsmålet nævner intet år") for s in result.statements)
    assert not result.evidence
