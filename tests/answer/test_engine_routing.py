"""A change, status or sameness asked of something no goal holds is answered from the running text that tells it,
not from the nearest goal.

Expectations read from ../shared/realdocs/greve_beu_json/greve_beu_2023-08-14.json item 3 (the status on sanctions:
'I Greve Kommune har 13,9 procent af alle kontanthjælpsmodtagere … fået tildelt en eller flere sanktioner. Året
før var det 9,8 procent') beside corpus/002 (Lyngby-Taarbæk's 2019 plan, whose goal 8 is on activity-ready
kontanthjælpsmodtagere, none on sanctions).
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from tests.conftest import CORPUS, REALDOCS, ingested_store

GREVE = REALDOCS / "greve_beu_json" / "greve_beu_2023-08-14.json"
PLAN_2019 = CORPUS / "002_f3dbe880e0f1df7c.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    if not GREVE.exists():
        pytest.skip("../shared/realdocs is absent")
    with ingested_store([PLAN_2019, GREVE], tmp_path_factory.mktemp("routing")) as store:
        yield store


@pytest.mark.parametrize(
    "text",
    [
        "Hvordan har andelen af sanktionerede kontanthjælpsmodtagere ændret sig i forhold til året før?",
        "how did the share of sanctioned cash benefit recipients change from the year before",
    ],
)
def test_a_figure_told_in_a_case_is_answered_from_the_case_not_a_goal(store, text):
    result = answer_question(text, store)
    said = " ".join(statement.text for statement in result.statements)
    assert "13,9 procent" in said and "9,8" in said
    assert not result.goals
    assert {c["source_file"] for s in result.statements for c in s.citations} == {GREVE.name}


def test_a_goal_named_as_such_still_gets_the_goal_answer(store):
    result = answer_question("Hvordan har målet om aktivitetsparate kontanthjælpsmodtagere ændret sig?", store)
    assert result.goals
