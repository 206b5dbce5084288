"""A plan's areas, counted and listed (answer/plan_areas.py), read from the corpus by hand: corpus/002 lines
154-168 'SSP-handleplanen for 2018-2020 har fokus på seks indsatsområder:' and six bullets; corpus/003 lines
751-796, the draft 2015 plan's headings 'Indsatsområde: Unge' … 'Indsatsområde: Virksomhedskontakt' under
'3. Lokale mål for indsatsen i 2015'."""

from __future__ import annotations

import pytest

from answer.material import Material
from answer.overview_answers import answer_overview
from answer.plan_areas import answer_areas
from answer.question import understand


@pytest.fixture(scope="module")
def material(store):
    return Material.load(store)


def test_counted_list_of_a_named_plan(material):
    answer = answer_overview(understand("Hvor mange indsatsområder har SSP-handleplanen 2018-2020?"), material)
    [statement] = answer.statements
    assert "6 indsatsområder" in statement.text
    assert "Synlighed i gadebilledet" in statement.text
    assert statement.citations[0].line_start == 154
    assert len(statement.citations) == 7  # the counting sentence and each of the six areas


def test_area_headings_under_the_plan_year(material):
    answer = answer_areas(understand("hvilke fokusområder havde beskæftigelsesplanen i 2015"), material)
    [statement] = answer.statements
    assert "4 indsatsområder" in statement.text
    for area in ("Unge", "Borgere på kanten af arbejdsmarkedet", "Langtidsledighed", "Virksomhedskontakt"):
        assert f"“{area}”" in statement.text
    assert [c.line_start for c in statement.citations] == [751, 758, 779, 796]


def test_a_plan_the_material_lists_no_areas_for(material):
    assert answer_areas(understand("hvilke indsatsområder har beskæftigelsesplanen 2023"), material) is None
    # another plan's list is not this one's: the SSP list names 'SSP', a question about the 2014 plan does not
    assert answer_areas(understand("hvilke temaer havde SSP-planen i 2014"), material) is None


def test_one_of_the_plans_words_suffices(material):
    answer = answer_areas(understand("Kan du give et overblik over temaerne i SSP-planen 2018-2020"), material)
    assert "6 indsatsområder" in answer.statements[0].text
