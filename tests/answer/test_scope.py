"""A scope the question names and the material lacks (a municipality, a meeting day, a year) is said, and nothing
is answered from elsewhere.

Read from corpus/: Lyngby-Taarbæk Kommune's Erhvervs- og Beskæftigelsesudvalget met on 9 September 2014 (003)
and Beskæftigelses- og Integrationsudvalget on 11 June 2019 (002); its plans are for 2014, 2015 and 2019.
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from answer.question import municipality_named
from answer.topic import TermMatcher


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Hvad besluttede Odense Kommune?", "Odense"),
        ("What did Randers decide about apprentices", "Randers"),
        ("hvad står der i randers' plan", "Randers"),  # lower case, genitive
        ("Hjørrings mål for unge", "Hjørring"),
        ("Hvad skete der på vejen til job?", None),  # 'vejen' the road, not Vejen Kommune
        ("Hvad besluttede Vejen om ældre?", "Vejen"),
        ("Hvad besluttede udvalget om ledige?", None),
    ],
)
def test_a_municipality_is_named_by_its_name_alone(text, named):
    assert municipality_named(text) == named


def test_a_municipality_the_material_lacks_is_said_not_answered_from_another(store):
    result = answer_question("Hvad besluttede Randers om beskæftigelsesplanen?", store)
    assert [s.text for s in result.statements] == [
        "Materialet indeholder ikke noget fra Randers Kommune, kun fra Lyngby-Taarbæk Kommune."
    ]
    assert not result.evidence and not result.decisions


def test_a_meeting_day_the_material_lacks_is_said_with_the_nearest_it_holds(store):
    result = answer_question("Hvem var fraværende på mødet den 10. september 2014?", store)
    assert len(result.statements) == 1
    assert result.statements[0].text.startswith(
        "Materialet indeholder ikke et møde den 10. september 2014 (de nærmeste: "
    )
    assert "9. september 2014" in result.statements[0].text
    assert not result.evidence


def test_a_meeting_day_the_material_holds_is_answered(store):
    result = answer_question("Hvem var fraværende på mødet den 9. september 2014?", store)
    assert "Jakob Engel-Schmidt (V)" in result.statements[0].text


def test_a_status_year_the_material_tells_nothing_about_is_said(store):
    result = answer_question("Hvad var status for målet om unge i 2017?", store)
    assert result.statements[0].text.startswith("Materialet indeholder ikke en plan for 2017")
    assert not result.evidence


def test_a_word_the_whole_material_lacks_outweighs_one_word_a_goal_shares():
    goals = ["Bekæmpelse af socialt bedrageri", "Flere unge i uddannelse", "Færre på sygedagpenge"]
    whole = TermMatcher(["bekæmpelse", "rotter"], over_whole_material=True)
    assert whole.rank(goals, goals) == []
    both = TermMatcher(["bekæmpelse", "bedrageri", "rotter"], over_whole_material=True)
    assert [s.record for s in both.rank(goals, goals)] == [goals[0]]
    # ranked over a few records (one year's goals), a word they lack may be elsewhere: the shared word still counts
    assert [s.record for s in TermMatcher(["bekæmpelse", "rotter"]).rank(goals, goals)] == [goals[0]]


def test_a_goal_about_a_subject_the_material_lacks_is_no_match(store):
    result = answer_question("Hvilke mål om bekæmpelse af rotter blev droppet efter 2015?", store)
    assert not result.evidence and not result.goals
