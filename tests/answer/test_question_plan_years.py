"""A plan named by a two-digit year ('BP19', 'beskæftigelsesplanen for 19', '23-planen') names that year, like
'BP2019'; two digits after a plan's name that count something ('planen for 30 unge') do not."""

import pytest

from answer.question import understand
from nlp.danish import plan_years_in_full


@pytest.mark.parametrize(
    "text, full",
    [
        ("hvad var målene i BP19", "hvad var målene i BP2019"),
        ("bp 23 mod bp'22?", "bp2023 mod bp2022?"),
        ("BP 2015", "BP2015"),  # initials glued, so 'BP' is no topic word
        ("beskæftigelsesplanen for 19 og 22", "beskæftigelsesplanen for 2019 og 2022"),
        ("er 23-planen den samme som 22-planen", "er 2023-planen den samme som 2022-planen"),
        ("mål 3 i handleplanen fra 21?", "mål 3 i handleplanen fra 2021?"),
        ("udviklingsplan 98 og 99", "udviklingsplan 1998 og 1999"),
    ],
)
def test_a_plan_named_by_two_digits_gets_its_full_year(text, full):
    assert plan_years_in_full(text) == full


@pytest.mark.parametrize(
    "text",
    [
        "planen for 30 unge",  # a count of people
        "hvor mange i planen for 2019 og 25 personer mere",
        "status 1/10 og 22",
        "strategien har 12 mål",
    ],
)
def test_two_digits_that_count_stay(text):
    assert plan_years_in_full(text) == text


def test_a_question_naming_plans_by_two_digits_has_their_years_and_no_plan_initials_as_topic():
    question = understand("Hvordan blev målet for unge ændret fra BP15 til beskæftigelsesplanen for 19?")
    assert question.kind == "change"
    assert question.years == (2015, 2019)
    assert "unge" in question.terms
    assert not [term for term in question.terms if term.startswith("bp")]
