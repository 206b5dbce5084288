"""Goals and sections of the two plans (and the second rendition of the 2022 plan)."""

from functools import cache
from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.text import read_text
from nlp.classify import describe
from nlp.plans import parse_plan

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PLAN_2022, PLAN_2023, PLAN_2022_OTHER = "000_74d16ed6cde7bc44", "001_66e873449e3ce21a", "004_661df588116e84b5"

WORDINGS_2022 = [
    "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft",
    "Alle ledige skal have en værdig sagsbehandling",
    "Flere ledige skal opkvalificeres",
    "Flere flygtninge og familiesammenførte skal være selvforsørgende",
    "Flere personer med handicap skal i beskæftigelse",
    "Flere jobparate ledige +55 år skal i beskæftigelse",
    "Flere unge skal i uddannelse eller beskæftigelse",
    "Flere aktivitetsparate over 30 år skal i delvis beskæftigelse",
]


@cache
def parsed(stem: str):
    clean = normalize(read_text(CORPUS / f"{stem}.txt"))
    document = describe(clean)
    sections, goals = parse_plan(clean, document)
    return document, sections, goals


def test_2022_goals_are_the_eight_focus_areas():
    _, _, goals = parsed(PLAN_2022)
    assert [g.number for g in goals] == [str(n) for n in range(1, 9)]
    assert [g.wording for g in goals] == WORDINGS_2022
    assert [g.origin for g in goals] == ["ministerial"] * 5 + ["local"] * 3
    assert {g.plan_year for g in goals} == {2022}
    assert goals[4].id == "lyngby-taarbaek-beskaeftigelsesplan-2022:goal-2022-5"


def test_both_renditions_of_2022_give_the_same_goals():
    wordings = [g.wording for g in parsed(PLAN_2022_OTHER)[2]]
    assert wordings == WORDINGS_2022
    assert [g.origin for g in parsed(PLAN_2022_OTHER)[2]] == [g.origin for g in parsed(PLAN_2022)[2]]


def test_2023_has_seven_goals_and_two_local():
    _, _, goals = parsed(PLAN_2023)
    assert len(goals) == 7
    assert goals[5].wording == "Flere unge skal i uddannelse eller beskæftigelse"
    assert goals[6].wording == "Flere aktivitetsparate over 30 år skal i delvis beskæftigelse"  # list entry ends in '.'
    assert [g.origin for g in goals] == ["ministerial"] * 5 + ["local"] * 2


@pytest.mark.parametrize(
    "stem, number, heading_line, focus_line, government_line",
    [
        (PLAN_2022, "5", 512, 86, 73),
        (PLAN_2022, "1", 150, 82, 71),
        (PLAN_2022, "7", 653, 88, None),
        (PLAN_2023, "1", 201, 122, 103),  # 2023 opens the focus area with '1.' instead of '1:'
        (PLAN_2023, "6", 637, 127, None),
        (PLAN_2022_OTHER, "5", 307, 88, 78),  # past the table of contents (line 26)
    ],
)
def test_goal_citations(stem, number, heading_line, focus_line, government_line):
    goal = next(g for g in parsed(stem)[2] if g.number == number)
    lines = [c.line_start for c in goal.citations]
    assert lines[:2] == [heading_line, focus_line]
    assert (lines[2] if len(lines) > 2 else None) == government_line


def test_heading_wrapped_onto_ministermaal_line_is_cited_whole():
    goal = parsed(PLAN_2022)[2][0]
    assert (goal.citations[0].line_start, goal.citations[0].line_end) == (150, 151)


@pytest.mark.parametrize("stem", [PLAN_2022, PLAN_2023, PLAN_2022_OTHER])
def test_sub_targets_of_goal_2(stem):
    goals = parsed(stem)[2]
    assert [(t.direction, t.value, t.unit) for t in goals[1].sub_targets] == [
        ("minimum", 60.0, "pct"),
        ("minimum", 80.0, "pct"),
        ("minimum", 70.0, "pct"),
        ("minimum", 80.0, "pct"),
        ("minimum", 75.0, "pct"),
    ]
    assert goals[1].sub_targets[1].text.startswith("Minimum 80 pct. af borgerne skal opleve, at der er et klart formål")
    assert all(not g.sub_targets for g in goals if g.number != "2")


def test_target_groups_2022():
    assert [g.target_group for g in parsed(PLAN_2022)[2]] == [
        "virksomhederne",
        "ledige",
        "ledige",
        "flygtninge og familiesammenførte",
        "personer med handicap",
        "jobparate ledige +55 år",
        "unge",
        "aktivitetsparate over 30 år",
    ]


def test_non_goal_numbered_lines_are_not_goals():
    wordings = {g.wording for g in parsed(PLAN_2022)[2]}
    assert "I gang på arbejdsmarkedet fra dag ét" not in wordings
    assert not any(w.startswith("Bedre match") for w in wordings)


@pytest.mark.parametrize("stem", [PLAN_2022, PLAN_2022_OTHER])
def test_focus_area_sections(stem):
    document, sections, _ = parsed(stem)
    focus = [s for s in sections if s.number]
    assert [s.number for s in focus] == [str(n) for n in range(1, 9)]
    assert all(s.level == 1 and s.parent_id is None for s in focus)
    special = next(
        s
        for s in sections
        if s.title == "Særlig fokus i 2022 for at alle ledige oplever at få en værdig sagsbehandling"
    )
    assert special.level == 2 and special.parent_id == focus[1].id
    follow_up = next(
        s for s in sections if s.title == "Opfølgning på at alle ledige skal have en værdig sagsbehandling"
    )
    assert follow_up.parent_id == focus[1].id
    assert "Minimum 60 pct. af borgerne" in follow_up.text
    assert sections[-1].title == "Status på mål og fokusområder i Beskæftigelsesplan 2022"
    assert sections[-1].level == 1
    assert all(s.document_id == document.id for s in sections)
    assert len({s.id for s in sections}) == len(sections)


def test_table_of_contents_is_skipped():
    sections = parsed(PLAN_2022_OTHER)[1]
    forord = [s for s in sections if s.title == "Forord"]
    assert len(forord) == 1 and forord[0].citations[0].line_start == 40
    assert not any(s.title == "Indhold" for s in sections)


def test_jobfirst_is_a_subsection_of_goal_8():
    sections = parsed(PLAN_2022)[1]
    jobfirst = next(s for s in sections if s.title == "JobFirst")
    goal_8 = next(s for s in sections if s.number == "8")
    assert jobfirst.parent_id == goal_8.id
    assert "1: I gang på arbejdsmarkedet fra dag ét" in jobfirst.text


def test_list_entries_that_lost_their_bullets_are_not_headings():
    """000 lines 172-175 are four bullets whose glyph the extraction dropped ('Understøtte virksomhedernes
    behov for rekruttering' ...); 000 lines 246-249: the heading 'Opfølgning på at virksomhederne skal sikres
    den nødvendige og kvalificerede arbejdskraft' is followed by such a list, not by its first entry."""
    _, sections, _ = parsed(PLAN_2022)
    titles = {s.title: s for s in sections}
    assert "Understøtte virksomhedernes behov for rekruttering" not in titles
    assert "Opfølgning på udvikling i ledigheden fordelt på ydelseskategorier (jobindsats.dk)" not in titles
    follow_up = titles["Opfølgning på at virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft"]
    assert (follow_up.level, follow_up.citations[0].line_start) == (2, 246)
    # a heading followed directly by an ordinary paragraph stays a heading (000 lines 669-670)
    assert "Særlig fokus i 2022 for at flere unge kommer i uddannelse eller beskæftigelse" in titles
