"""First/last appearance of a goal whose thread holds several goals of one year: the answer quotes the goal
the question names. corpus/003 (Beskæftigelsesplan 2015 with the 2014 goals): 2014 goal 1a 'Unge på offentlig
forsørgelse: Mål om et fald på 12 pct. …' (lines 464-466) shares its thread's 2014 year with the youth
education goal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from answer.goal_answers import answer_first, answer_last
from answer.material import Material
from answer.question import understand
from maalspor.model import Citation, Goal, Origin, Thread


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


def test_the_last_appearance_of_a_subject_is_its_latest_goal_though_unlinked(material):
    """Two unlinked goals name ressourceforløb: 2015 goal 2a counts the recipients each quarter (corpus/003 lines
    765-766), 2019 goal 10 sets 'Minimum 30 pct. af borgere i ressourceforløb …' (corpus/002 lines 461-462). The
    subject last appears in 2019, and first in 2015."""
    last = answer_last(understand("Hvilket år optrådte ressourceforløb sidst blandt målene?"), material)
    assert "sidste gang i materialet i 2019" in last.statements[0].text
    assert ("002_f3dbe880e0f1df7c.txt", 461) in {(c.source_file, c.line_start) for c in last.statements[0].citations}
    first = answer_first(understand("Hvornår optrådte ressourceforløb første gang blandt målene?"), material)
    assert "første gang i materialet i 2015" in first.statements[0].text


def test_the_threads_other_goal_of_that_year_is_named_too(material):
    """The 2014 long-term unemployment goal (corpus/003) goes on in 2015 both as ministermål 3 'Langtidsledigheden
    skal bekæmpes' (line 736) and as local goal 5 'Antallet af langtidsledige …' (lines 781-783): the answer quotes
    the one the topic names and names the other."""
    answer = answer_last(understand("Hvilket år optrådte langtidsledigheden sidst blandt målene?"), material)
    texts = [s.text for s in answer.statements]
    assert "sidste gang i materialet i 2015" in texts[0]
    also = next(s for s in answer.statements if s.text.startswith("I 2015 hører også"))
    assert ("003_d16604ceb04aa2e7.txt", 781) in {(c.source_file, c.line_start) for c in also.citations}


def test_a_subject_named_only_in_an_enumeration_in_parentheses_is_not_the_goals_subject(material):
    """A later goal that lists ressourceforløb among the benefits in parentheses (as plans write 'ydelsesmodtagere
    (uddannelses- og kontanthjælp og ressourceforløb)') is about the benefit recipients, not about ressourceforløb:
    the subject's last goal stays 2019 goal 10 (corpus/002 lines 461-462)."""
    enumerating = Goal(
        id="test:goal-2023-enumeration",
        document_id="lyngby-taarbaek-beskaeftigelsesplan-2023",
        plan_year=2023,
        number="9",
        wording="Antallet af ydelsesmodtagere under 30 år (kontanthjælp og ressourceforløb) skal falde",
        origin=Origin.LOCAL,
        target=None,
        target_group="borgere i ressourceforløb",
        period=None,
        status=[],
        citations=[Citation("001_66e873449e3ce21a.txt", None, 1, 1)],
    )
    with_it = replace(
        material,
        goals={**material.goals, enumerating.id: enumerating},
        threads=[*material.threads, Thread(f"thread:{enumerating.id}", "", {2023: [enumerating.id]})],
    )
    answer = answer_last(understand("Hvilket år optrådte ressourceforløb sidst blandt målene?"), with_it)
    assert "sidste gang i materialet i 2019" in answer.statements[0].text
