"""Sentence pieces of answers (answer/phrasing.py): counts by goal kind, the plan years a material lacks."""

from dataclasses import replace

from answer.phrasing import goal_count_heading, plan_years_line, topic_da, topic_en, year_gaps
from answer.question import understand

DANISH = understand("Hvor mange mål var der i 2019?")
ENGLISH = understand("How many goals were there in 2019?")


def test_year_gaps_name_single_years_and_runs():
    assert year_gaps([2014, 2015, 2019, 2022, 2023]) == ["2016–2018", "2020–2021"]
    assert year_gaps([2021, 2023]) == ["2022"]
    assert year_gaps([2022, 2023]) == []


def test_goal_count_splits_main_goals_by_origin_and_follow_up_goals():
    by_kind = {"ministermål": 1, "følgemål": 6, "lokale mål": 10}
    assert goal_count_heading(DANISH, "Lyngby-Taarbæk Kommune", 2019, 17, None, by_kind) == (
        "Lyngby-Taarbæk Kommune har 17 mål for 2019: 11 mål (1 ministermål og 10 lokale mål) og 6 følgemål."
    )
    assert goal_count_heading(ENGLISH, "Greve Kommune", 2023, 5, "ministermål", {}) == (
        "Greve Kommune has 5 ministermål (ministerial goals) for 2023."
    )


def test_plan_years_say_what_the_material_lacks_in_between():
    assert plan_years_line(ENGLISH, "Greve Kommune", [2021, 2023, 2024]) == (
        "The material holds goals for Greve Kommune's plan years 2021, 2023 and 2024; it lacks 2022 in between."
    )


def test_a_question_without_topic_words_is_named_in_words_not_a_question_mark():
    assert topic_da(replace(DANISH, terms=())) == "det, der spørges om i 2019"
    assert topic_en(replace(ENGLISH, terms=())) == "what was asked in 2019"
