"""Status answers for a goal whose status the report gives in running text (corpus/002, the 2019 status:
Mål 9 'Bekæmpelse af socialt bedrageri og fejludbetalinger' has an empty table cell, and its comment,
lines 2823-2824, reports 'en besparelse på kr. 11.240.028'; Mål 6 has a table row and a comment)."""

from __future__ import annotations

import pytest

from answer.material import Material
from answer.question import understand
from answer.status_answers import answer_status


@pytest.fixture(scope="module")
def material(store):
    return Material.load(store)


def test_status_in_words_is_the_goals_own_status(material):
    answer = answer_status(understand("Hvad var status på bekæmpelse af socialt bedrageri i 2019?"), material)
    text = " ".join(statement.text for statement in answer.statements)
    assert "11.240.028" in text
    assert "mål 9" in text
    assert [c.line_start for s in answer.statements for c in s.citations] == [2823]


def test_table_figure_and_comment_both_answer(material):
    answer = answer_status(understand("Hvad var status for mål 6 i 2019?"), material)
    texts = [statement.text for statement in answer.statements]
    assert "41,3 pct. (186 personer)" in texts[0]  # the table row, judged against the 40 pct. target
    assert "er nået" in texts[0]
    assert "ustøttet beskæftigelse" in texts[1]  # the comment, instead of a passage the search picks
    assert "målet (40 pct.)." in texts[1]  # beside the target, not judged: a text has no one figure to judge
    assert len(texts) == 2
