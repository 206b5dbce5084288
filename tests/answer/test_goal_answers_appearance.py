"""First/last appearance of a goal whose thread holds several goals of one year: the answer quotes the goal
the question names. corpus/003 (Beskæftigelsesplan 2015 with the 2014 goals): 2014 goal 1a 'Unge på offentlig
forsørgelse: Mål om et fald på 12 pct. …' (lines 464-466) shares its thread's 2014 year with the youth
education goal."""

from __future__ import annotations

import pytest

from answer.goal_answers import answer_first
from answer.material import Material
from answer.question import understand


@pytest.fixture(scope="module")
def material(store):
    return Material.load(store)


def test_the_first_appearance_quotes_the_goal_the_topic_names(material):
    answer = answer_first(
        understand("Hvornår dukker målet for unge på offentlig forsørgelse op første gang?"), material
    )
    first = answer.statements[0]
    assert first.text.startswith("Målet “Unge på offentlig forsørgelse: Mål om et fald på 12 pct.")
    assert "første gang i materialet i 2014" in first.text
    assert (first.citations[0].source_file, first.citations[0].line_start) == ("003_d16604ceb04aa2e7.txt", 464)
