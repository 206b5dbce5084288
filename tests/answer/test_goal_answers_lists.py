"""Goal answers to questions asking for a set of goals, and the years such a question compares.

Expectations read from the documents: corpus/000 and 001 (Lyngby-Taarbæk's Beskæftigelsesplan 2022 and 2023:
the five ministerial goals and two local goals of 2022 recur word for word in 2023; 2022 lines 65-66 'Regeringen
udmeldte i juni 2021 de beskæftigelsespolitiske mål for 2022. Alle målene går igen fra 2021.'), corpus/003 (the
2015 plan's goal 2 'borgere på offentlig forsørgelse … i mere end 12 måneder') and corpus/002 (the 2019 status:
goal 1 'skal falde med 4 pct.').
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from answer.goal_topic import asks_for_goal_list, named_subject
from answer.material import Material
from answer.overview_answers import answer_overview
from answer.question import understand
from answer.year_comparison import answer_new, answer_unchanged

RECURRING_2022_2023 = (
    "værdig sagsbehandling",
    "opkvalificeres",
    "kvalificerede arbejdskraft",
    "familiesammenførte",
    "handicap",
    "Flere unge",
    "aktivitetsparate over 30",
)


@pytest.fixture(scope="module")
def material(store):
    return Material.load(store)


def said(answer) -> str:
    return " ".join(statement.text for statement in answer.statements)


@pytest.mark.parametrize(
    "text, listed",
    [
        ("Hvilke mål fortsætter uden ændringer?", True),
        ("Rummer planen for 2023 nogen mål, som 2022-planen ikke havde?", True),
        ("Er alle de lokale mål fra 2022 fastholdt?", True),
        ("Står kommunens mål ved magt i 2023?", True),
        ("Fortsætter målene fra ministeren?", True),
        ("Which targets stayed as they were?", True),
        ("Fortsætter målet om ledige over 55 år?", False),  # one goal, its subject named
        ("Hvor mange nye cykelstier var målet for 2015?", False),  # the count is of something else
    ],
)
def test_a_set_of_goals_is_asked_by_a_quantifier_or_a_plural(text, listed):
    assert asks_for_goal_list(text) is listed


@pytest.mark.parametrize(
    "text",
    [
        "Hvilke mål fortsatte uden ændringer fra 2022 til 2023?",
        "Vis de mål, som blev stående ordret fra 2022 til 2023",
        "Which goals did Lyngby-Taarbæk keep word for word from 2022 to 2023?",
    ],
)
def test_a_list_of_unchanged_goals_whatever_verb_asks_for_it(text, material):
    """The verbs ('fortsatte', 'blev stående') are no goal's subject: every recurring goal is listed, each cited
    in both plans."""
    answer = answer_unchanged(understand(text), material)
    assert all(wording in said(answer) for wording in RECURRING_2022_2023)
    assert {c.source_file[:3] for s in answer.statements for c in s.citations} == {"000", "001"}


@pytest.mark.parametrize(
    "text", ["Blev målene ført uændret videre til 2022?", "Were the goals carried over unchanged into 2022?"]
)
def test_one_year_named_as_the_later_compares_it_with_the_year_before(text, material):
    """The material has no 2021 plan: the answer says so and quotes the 2022 plan saying its goals recur."""
    answer = answer_unchanged(understand(text), material)
    assert "2021" in answer.statements[0].text
    quote = next(s for s in answer.statements if "går igen fra 2021" in s.text)
    assert [(c.source_file[:3], c.line_start, c.line_end) for c in quote.citations] == [("000", 65, 66)]


def test_one_year_named_as_the_earlier_compares_it_with_the_next_plan(material):
    answer = answer_unchanged(understand("Hvilke mål blev videreført uændret fra 2022?"), material)
    assert all(wording in said(answer) for wording in RECURRING_2022_2023)


@pytest.mark.parametrize(
    "text, subject",
    [
        ("Hvordan har målet om at nedbringe antallet af ledige på sygedagpenge ændret sig?", {"ledige"}),
        ("Er målet om at øge andelen af flygtninge i job nået?", {"flygtninge"}),
        ("Was the target for raising the share of refugees in work met?", {"flygtninge"}),
    ],
)
def test_a_goals_direction_and_measure_are_not_its_subject(text, subject):
    assert named_subject(text, english=text.startswith("Was")) == subject


def test_a_list_of_new_goals_on_one_subject(material):
    """'nye mål om X i <year>' lists the new goals of that year on X (2019: goal 8 and følgemål e and f on
    activity-ready citizens), not one goal's history, nor every new goal (følgemål b on refugee women)."""
    answer = answer_new(understand("Hvilke nye mål om aktivitetsparate fik 2019-planen i forhold til 2015?"), material)
    assert all(words in said(answer) for words in ("småjobs", "kvinder med ikke-vestlig", "afholdte samtaler"))
    assert "flygtninge" not in said(answer)


def test_a_goal_count_quotes_the_plans_own_count(material):
    """The store holds the 2015 plan's goals with their sub-goals (2a, 4a …); the minutes presenting it say
    'med afsæt i 9 mål' (corpus/003 line 70): that sentence is quoted beside the records' count."""
    answer = answer_overview(replace(understand("Hvor mange mål rummer planen for 2015?"), kind="overview"), material)
    quote = next(s for s in answer.statements if "afsæt i 9 mål" in s.text)
    assert any(c.source_file.startswith("003") and c.line_start <= 70 <= c.line_end for c in quote.citations)


def test_new_goals_of_a_kind_have_no_predecessor_of_that_kind(material):
    """The 2019 status (corpus/002 lines 349-470) has six følgemål a-f, the 2015 plan none: all six are new as
    følgemål, følgemål a ('i mere end 52 uger') too, though a 2015 main goal on long-term support precedes it."""
    question = replace(understand("Hvilke følgemål var nye i 2019-planen sammenlignet med 2015?"), kind="new_dropped")
    answer = answer_new(question, material)
    assert "6 nye følgemål" in said(answer)
    assert "52 uger" in said(answer)


def test_a_plan_compared_as_a_whole_counts_changed_and_new_goals_and_quotes_what_it_builds_on(material):
    """corpus/003: the 2015 draft was made 'med afsæt i de fremlagte indsatsområder og mål' approved on 10 June 2014
    (lines 63-66) and 'med afsæt i 9 mål' (lines 68-70); no 2014 goal recurs word for word, local goals 1 and 3-9
    go on reworded, goal 2 and 2a are new."""
    answer = answer_unchanged(understand("Er målene i 2015 de samme som i 2014?"), material)
    texts = [s.text for s in answer.statements]
    changed = next(t for t in texts if "går igen fra 2014 til 2015 med ændret ordlyd" in t)
    assert "mål 1," in changed and "mål 9" in changed and "mål 2," not in changed
    new = next(t for t in texts if "i 2015 er nye" in t)
    assert "mål 2, mål 2a" in new
    quoted = [(s.citations[0].line_start, s.text) for s in answer.statements if "skriver" in s.text]
    assert [line for line, _ in quoted] == [63, 68]
    assert "10. juni 2014" in quoted[0][1] and "9 mål" in quoted[1][1]
