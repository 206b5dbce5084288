"""A count in a year of what a goal follows is the goal's status figure; the counted noun alone is not.

Expectations read from corpus/002 (Lyngby-Taarbæk's first status on the 2019 plan): følgemål d, 'Overblik over
virksomheder som jobcenteret samarbejder med om integration', status 'Jobcentret samarbejder med i alt 73
virksomheder om integration'.
"""

from __future__ import annotations

from answer.engine import answer_question


def said(result) -> str:
    return " ".join(statement.text for statement in result.statements)


def test_a_count_of_what_a_goal_follows_is_its_status(store):
    result = answer_question("Integration 2019: hvor mange virksomheder var i samarbejde med jobcenteret?", store)
    assert "73" in said(result) and "følgemål d" in said(result)


def test_the_counted_noun_alone_is_no_goal(store):
    result = answer_question("Hvor mange virksomheder fandtes der i kommunen i 2019?", store)
    assert "følgemål d" not in said(result)


def test_a_count_of_companies_is_said_in_companies(store):
    """corpus/002 følgemål d counts companies: '73 virksomheder', not '73 personer'."""
    text = said(answer_question("Status på følgemål d i maj 2019", store))
    assert "73 virksomheder" in text and "73 personer" not in text
