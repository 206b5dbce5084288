"""Goal answers (change, unchanged, overview, status) whatever words a question wraps around its goal.

Expectations read from the documents: corpus/000 and 001 (Lyngby-Taarbæk's Beskæftigelsesplan 2022 and
2023: five ministerial goals and three, then two, local goals, 2023 lines 95-105 'Alle målene går igen fra
2022'), corpus/003 (the 2014 status and the 2015 plan: goal 2 'borgere på offentlig forsørgelse … i mere end
12 måneder'), corpus/002 (the 2019 status: goal 1 'skal falde med 4 pct.', følgemål a 'i mere end 52 uger')
and, where present, Greve's committee minutes of 14 November 2022 (four 'Resultatmål' under the 2023 plan).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from answer.engine import answer_question
from answer.goal_answers import answer_change
from answer.goal_topic import goal_question, named_subject
from answer.material import Material
from answer.overview_answers import answer_overview
from answer.question import understand
from answer.year_comparison import answer_new, answer_unchanged
from tests.conftest import CORPUS, REALDOCS, ingested_store

MINISTERIAL_2023 = (
    "værdig sagsbehandling",
    "opkvalificeres",
    "kvalificerede arbejdskraft",
    "familiesammenførte",
    "handicap",
)
GREVE_2022_11_14 = REALDOCS / "greve_beu_json" / "greve_beu_2022-11-14.json"


@pytest.fixture(scope="module")
def material(store):
    return Material.load(store)


def said(answer) -> str:
    return " ".join(statement.text for statement in answer.statements)


def cited_files(answer) -> set[str]:
    return {c.source_file[:3] for s in answer.statements for c in s.citations}


@pytest.mark.parametrize(
    "text, english, subject",
    [
        ("Står ungemålet fra 2022 uændret året efter?", False, {"unge"}),
        ("Er IGU-målet det samme i 2019?", False, {"igu"}),
        ("Hvordan har målet om færre på offentlig forsørgelse ændret sig?", False, {"offentlig"}),
        ("Er målet vedrørende cykelstier videreført?", False, {"cykelstier"}),
        ("Hvor mange ministermål var der for 2022?", False, set()),
        ("Var følgemålene de samme?", False, set()),
        ("Is the youth target identical in 2022 and 2023?", True, {"unge"}),
    ],
)
def test_the_subject_is_named_in_the_goal_word_or_after_it(text, english, subject):
    assert named_subject(text, english) == subject


def test_words_of_the_asking_that_no_goal_holds_are_not_the_topic(material):
    """'står' and 'dem' fill most documents' prose and no goal; 'identiske' is a cue of the asking."""
    question = goal_question(understand("Står ungemålet fra 2022 uændret året efter?"), material)
    assert question.terms == ("unge",)
    question = goal_question(understand("Var ministermålene i 2023 identiske med dem i 2022?"), material)
    assert not set(question.terms) & {"identiske", "dem"}
    kept = goal_question(understand("Er målet om cykelstier uændret fra 2022 til 2023?"), material)
    assert kept.terms == ("cykelstier",)  # named as the subject: the material has no such goal
    rare = goal_question(understand("Hvor mange nye hundeskove var målet for 2015?"), material)
    assert "hundeskove" in rare.terms  # no prose uses it: the subject the material lacks, not the asking's


def test_a_subject_no_goal_holds_is_not_dropped_for_a_general_list(material):
    answer = answer_new(understand("Hvor mange nye hundeskove var målet for 2015?"), material)
    assert said(answer).startswith("Det fremgår ikke af materialet")
    assert not answer.evidence


def test_a_danish_word_no_document_uses_stays_beside_a_goal_word_unless_it_is_a_typo(material):
    """'unge' names goals; 'skateparker' is in no document: the subject the material lacks, so the youth goals
    are not offered for it. 'aktivring' is one letter from 'aktivering', which the 2015 plan uses: a typo."""
    lacked = goal_question(understand("Hvad er status på skateparker for unge i 2019?"), material)
    assert "skateparker" in lacked.terms
    answer = answer_change(understand("Hvordan har skateparker for unge ændret sig fra 2015 til 2019?"), material)
    assert said(answer).startswith("Det fremgår ikke af materialet") and not answer.evidence
    typo = goal_question(understand("Hvordan ændrede målet om virksomhedsrettet aktivring sig?"), material)
    assert "aktivring" not in typo.terms


def test_one_goal_carried_over_asked_with_other_verbs(material):
    answer = answer_unchanged(understand("Står ungemålet fra 2022 uændret året efter?"), material)
    assert "Flere unge skal i uddannelse eller beskæftigelse" in said(answer)
    assert "lyngby-taarbaek-beskaeftigelsesplan-2023:goal-2023-6" in answer.goals


@pytest.mark.parametrize(
    "text",
    [
        "Var ministermålene i 2023 identiske med dem i 2022?",
        "Which ministerial goals were kept the same from 2022 to 2023?",
    ],
)
def test_a_kind_of_goals_carried_over_whatever_the_verb(text, material):
    answer = answer_unchanged(understand(text), material)
    assert all(wording in said(answer) for wording in MINISTERIAL_2023)
    assert "Flere unge" not in said(answer)  # a local goal, not a ministerial one
    assert cited_files(answer) == {"000", "001"}


def test_an_absent_subject_is_said_to_be_absent(material):
    answer = answer_unchanged(understand("Er målet om cykelstier uændret fra 2022 til 2023?"), material)
    assert said(answer).startswith("Det fremgår ikke af materialet")
    assert not answer.evidence


def test_change_picks_the_thread_all_about_the_topic(material):
    """Two threads run from 2015 to 2019 through a goal on 'offentlig forsørgelse': the youth goals touch it
    once, goal 2's thread (2019: goal 1 and følgemål a) is all about it."""
    question = understand("Hvordan har målet om færre på offentlig forsørgelse ændret sig fra 2015 til 2019?")
    text = said(answer_change(question, material))
    assert "4 pct" in text and "52 uger" in text
    assert "unge under 30 år" not in text


def test_change_says_which_words_were_replaced_in_the_questions_language(material):
    """2019 goal 6 '40 pct. af flygtninge … i beskæftigelse …' became 2022 goal 4 'Flere flygtninge … selvforsørgende'."""
    danish = said(answer_change(understand("Hvad er forskellen på målet om flygtninge i 2019 og 2022?"), material))
    assert "“40 pct. af” er erstattet af “Flere”" in danish
    english = said(answer_change(understand("How did the refugee goal differ between 2019 and 2022?"), material))
    assert "“40 pct. af” was replaced by “Flere”" in english
    assert "target" in english and "målsætning" not in english


def test_a_ministerial_goal_gets_the_targets_its_plan_sets_in_the_text(material):
    """corpus/000 lines 299-309: 'På denne baggrund opstilles følgende målsætninger: Minimum 60 pct. …
    Minimum 80 pct. … Minimum 70 pct.' under 'Opfølgning på at alle ledige skal have en værdig sagsbehandling'."""
    question = understand("Were the targets for dignified case handling unchanged between 2022 and 2023?")
    answer = answer_unchanged(question, material)
    targets = [s for s in answer.statements if s.text.startswith("The plan's text sets these targets")]
    assert len(targets) == 2 and all("Minimum 80 pct." in s.text for s in targets)
    assert {(c.source_file[:3], c.line_start) for s in targets for c in s.citations} == {("000", 299), ("001", 361)}


def test_overview_of_a_municipality_the_material_lacks(store):
    answer = answer_question("Hvilke mål har Odense Kommune for 2023?", store)  # the engine checks the scope
    assert "Materialet indeholder ikke noget fra Odense Kommune" in said(answer)
    assert "Lyngby-Taarbæk Kommune" in said(answer)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Hvilke mål var der i 2018?", "ikke en plan for 2018 (kun for 2014, 2015, 2019, 2022 og 2023)"),
        ("List the goals of 2021", "does not hold a plan for 2021 (only for 2014, 2015, 2019, 2022 and 2023)"),
    ],
)
def test_overview_of_a_plan_year_the_material_lacks(text, phrase, material):
    answer = answer_overview(replace(understand(text), kind="overview"), material)
    assert phrase in said(answer)


@pytest.mark.parametrize(
    "text",
    ["Hvilke beskæftigelsesplaner findes der i materialet?", "Which employment plans does the material cover?"],
)
def test_overview_of_the_plans_held(text, material):
    answer = answer_overview(replace(understand(text), kind="overview"), material)
    assert "2014, 2015, 2019, 2022" in said(answer) and "2023" in said(answer)


@pytest.fixture(scope="module")
def with_greve(tmp_path_factory):
    """corpus/ and Greve's committee minutes of 14 November 2022: two municipalities' 2023 goals."""
    with ingested_store([CORPUS, GREVE_2022_11_14], tmp_path_factory.mktemp("with-greve")) as store:
        yield Material.load(store)


def test_a_count_cites_each_municipalitys_own_list(with_greve):
    """Both municipalities print the five ministerial goals of 2023: each count cites its own documents."""
    answer = answer_overview(
        replace(understand("How many goals does the 2023 plan contain?"), kind="overview"), with_greve
    )
    headings = [s for s in answer.statements if " goals for 2023" in s.text]
    lyngby = next(s for s in headings if s.text.startswith("Lyngby-Taarbæk"))
    assert {c.source_file[:3] for c in lyngby.citations} == {"001"}
    greve = next(s for s in headings if s.text.startswith("Greve"))
    assert {c.source_file[:5] for c in greve.citations} == {"greve"}


def test_a_kind_named_by_the_plans_own_label(with_greve):
    question = replace(understand("Hvor mange resultatmål havde Greve Kommune for 2023?"), kind="overview")
    assert said(answer_overview(question, with_greve)).startswith("Greve Kommune har 4 resultatmål for 2023")
