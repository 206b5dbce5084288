"""Goals of plans reported inside minutes: the 2019 status (002), the 2014 status and the draft 2015 plan (003);
goal lists after an introducing sentence anywhere (plans, agenda items, quoted ministerial goals)."""

from functools import cache
from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.readers import read_source
from ingest.text import read_text
from maalspor.model import DocKind, Document
from nlp.classify import describe
from nlp.goals import extract_goals_from_minutes
from nlp.goals.agenda_item import agenda_item_goals
from nlp.goals.goal_lists import goal_lists
from nlp.lines import text_lines
from nlp.plans import parse_plan

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@cache
def goals_of(stem: str):
    clean = normalize(read_text(CORPUS / f"{stem}.txt"))
    return extract_goals_from_minutes(clean, describe(clean))


def by_number(goals, year, number):
    return next(g for g in goals if g.plan_year == year and g.number == number)


# ---------------------------------------------------------------- 002: status on Beskæftigelsesplan 2019

STATUS_2019 = "002_f3dbe880e0f1df7c"


def test_2019_goals_are_eleven_goals_and_six_follow_up_goals():
    goals = [g for g in goals_of(STATUS_2019) if g.plan_year == 2019]
    assert len(goals) == 17
    assert {g.number for g in goals} == {str(n) for n in range(1, 12)} | {f"følgemål {c}" for c in "abcdef"}
    assert {g.source_context for g in goals} == {"status-report"}


def test_2019_goal_1():
    goal = by_number(goals_of(STATUS_2019), 2019, "1")
    assert goal.wording == (
        "Antallet af personer, der modtager offentlig forsørgelse, skal falde med 4 pct. "
        "fra oktober 2018 til oktober 2019"
    )
    assert (goal.target.direction, goal.target.value, goal.target.unit) == ("fald", 4.0, "pct")
    assert (goal.period.start, goal.period.end) == ("2018-10", "2019-10")
    assert goal.id == "lyngby-taarbaek-beskaeftigelses-og-integrationsudvalget-2019-06-11:goal-2019-1"
    status = goal.status[0]  # the table row; the comment under "Mål 1" follows (test_prose_status)
    assert (status.date, status.value, status.unit, status.persons) == ("2019-03", 1.1, "pct", 38)
    assert (status.citations[0].line_start, status.citations[0].line_end) == (344, 347)
    # the item's table first, then the attachments' tables and comment headings
    assert [c.line_start for c in goal.citations] == [340, 2431, 2528, 2539]


@pytest.mark.parametrize(
    "number, date, value, persons",
    [
        ("2", "2019-03", -14.0, -27),
        ("4", "2019-03", 53.2, 92),
        ("6", "2019-03", 41.3, 186),
        ("8", "2019-02", 4.7, 16),
        ("10", "2019-03", 15.4, 13),
        ("følgemål a", "2019-02", None, 957),
        ("følgemål c", "2019-05", 75.0, None),
    ],
)
def test_2019_status_values(number, date, value, persons):
    status = by_number(goals_of(STATUS_2019), 2019, number).status[0]  # the table's row; a comment may follow
    assert (status.date, status.value, status.persons) == (date, value, persons)


def test_2019_goals_without_status():
    goals = goals_of(STATUS_2019)
    assert by_number(goals, 2019, "følgemål f").status == []


def test_2019_origins():
    goals = goals_of(STATUS_2019)
    # Mål 11: 'Beskæftigelsesministern har udmeldt et særskilt beskæftigelsespolitisk mål' (line 2876).
    assert by_number(goals, 2019, "11").origin == "ministerial"
    # Mål 9 was the minister's goal once, then phased out and kept locally (line 2815).
    assert by_number(goals, 2019, "9").origin == "local"
    assert by_number(goals, 2019, "9").wording == "Bekæmpelse af socialt bedrageri og fejludbetalinger"
    assert sum(g.origin == "ministerial" for g in goals if g.plan_year == 2019) == 1


def test_2019_targets():
    goals = goals_of(STATUS_2019)
    mål_6 = by_number(goals, 2019, "6")
    assert (mål_6.target.direction, mål_6.target.value) == ("niveau", 40.0)
    assert mål_6.target_group == "flygtninge og familiesammenførte"
    mål_10 = by_number(goals, 2019, "10")
    assert (mål_10.target.direction, mål_10.target.value) == ("minimum", 30.0)
    assert by_number(goals, 2019, "følgemål b").target is None


# ---------------------------------------------------------------- 003: status on Beskæftigelsesplan 2014

PROTOCOL_2014 = "003_d16604ceb04aa2e7"


def test_2014_status_goals():
    goals = {g.number: g for g in goals_of(PROTOCOL_2014) if g.plan_year == 2014}
    assert set(goals) == {
        "1a",
        "2",
        "2a",
        "3",
        "4a",
        "kontanthjaelp",
        "antallet-af-ledige-akademikere",
        "flere-unge-i-uddannelse",
        "virksomhedskontakt",
    }
    assert {g.source_context for g in goals.values()} == {"status-report"}
    assert {n for n, g in goals.items() if g.origin == "ministerial"} == {
        "2",
        "3",
        "flere-unge-i-uddannelse",
        "virksomhedskontakt",
    }


@pytest.mark.parametrize(
    "number, direction, target, target_persons, date, status, status_persons",
    [
        ("2", "fald", 22.0, 45, "2014-06", -39.7, 35),  # førtidspension
        ("3", "fald", 22.0, 83, "2014-06", -25.3, 93),  # langtidsledighed: the 'I alt' row
        ("1a", "fald", 12.0, 66, "2014-05", -9.3, 51),  # unge på offentlig forsørgelse
        ("2a", "maksimum", 21.0, 14, "2014-06", 22.7, 15),  # ledighedsydelse
        ("4a", "niveau", 65.0, None, "2014-05", 70.2, None),  # virksomhedsrettet aktivering
        ("kontanthjaelp", "fald", 2.0, 16, "2014-05", -2.1, 17),
        ("antallet-af-ledige-akademikere", "fald", 5.0, 12, "2014-06", -4.5, 11),  # '3kv13-2kv14'
    ],
)
def test_2014_targets_and_status(number, direction, target, target_persons, date, status, status_persons):
    goal = by_number(goals_of(PROTOCOL_2014), 2014, number)
    assert (goal.target.direction, goal.target.value, goal.target.persons) == (direction, target, target_persons)
    observation = goal.status[0]  # the table row; the comment in words follows (test_prose_status)
    assert (observation.date, observation.value, observation.persons) == (date, status, status_persons)


def test_2014_goal_cites_table_row_and_case_text():
    goal = by_number(goals_of(PROTOCOL_2014), 2014, "2")
    assert (
        goal.wording
        == "Førtidspension: Mål om at tilgangen til førtidspension skal falde 22 pct. svarende til 45 personer"
    )
    assert [(c.line_start, c.line_end) for c in goal.citations] == [(446, 448), (19, 20)]


def test_2014_ministerial_goals_without_data_have_no_status():
    goals = goals_of(PROTOCOL_2014)
    assert by_number(goals, 2014, "flere-unge-i-uddannelse").status == []
    assert by_number(goals, 2014, "virksomhedskontakt").status == []


# ---------------------------------------------------------------- 003: the draft Beskæftigelsesplan 2015


def test_2015_local_goals_are_one_per_number():
    goals = [g for g in goals_of(PROTOCOL_2014) if g.plan_year == 2015 and g.origin == "local"]
    assert [g.number for g in goals] == ["1", "2", "2a", "3", "4", "5", "6", "7", "8", "9"]
    assert {g.source_context for g in goals} == {"plan-attachment"}
    assert all(g.target.placeholder for g in goals if g.number != "2a")


@pytest.mark.parametrize(
    "number, section_line, list_line",
    [
        ("1", 1009, 753),
        ("2a", 1232, 765),
        ("6", 1496, 786),
        ("7", 1502, 791),
        ("8", 1800, 798),
        ("9", 1806, 802),
    ],
)
def test_2015_goal_cites_both_occurrences(number, section_line, list_line):
    goal = by_number(goals_of(PROTOCOL_2014), 2015, number)
    assert [c.line_start for c in goal.citations] == [section_line, list_line]


def test_2015_wording_comes_from_the_indsatsomraade_section():
    goal = by_number(goals_of(PROTOCOL_2014), 2015, "6")
    # The up-front list says 'skal falde mindst X pct.'; the section's 'Mål 6:' is the wording kept.
    assert goal.wording == (
        "Antallet af kontanthjælpsmodtagere skal begrænses til X personer i december 2015 "
        "svarende til et fald på X personer og X pct. fra december 2013 til december 2015."
    )
    assert (goal.period.start, goal.period.end) == ("2013-12", "2015-12")
    assert goal.target.direction == "maksimum" and goal.target.unit == "personer"


def test_2015_ministerial_goals():
    goals = [g for g in goals_of(PROTOCOL_2014) if g.plan_year == 2015 and g.origin == "ministerial"]
    assert [g.wording for g in goals] == [
        "Flere unge skal have en uddannelse",
        "Langvarige modtagere af offentlig forsørgelse skal have en tværfaglig og sammenhængende indsats, der har "
        "sigte på en større tilknytning til arbejdsmarkedet",
        "Langtidsledigheden skal bekæmpes",
        "En tættere kontakt og styrket dialog med virksomhederne",
    ]
    assert [g.number for g in goals] == [f"ministermål {n}" for n in range(1, 5)]
    # the focus area's 'Ministerens udmelding' and the bullet in the national list
    assert [c.line_start for c in goals[0].citations] == [996, 730]


# ---------------------------------------------------------------- goal lists anywhere

MINISTER_GOALS_2023 = [
    "Alle ledige skal have en værdig sagsbehandling",
    "Flere ledige skal opkvalificeres",
    "Flere flygtninge og familiesammenførte skal være selvforsørgende",
    "Flere personer med handicap skal i beskæftigelse",
    "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft",
]


def lines_of(tmp_path: Path, text: str):
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    clean = normalize(read_text(path))
    return clean, text_lines(clean)


def test_the_ministers_goals_quoted_in_an_agenda_item(tmp_path):
    # Greve Beskæftigelses- og Erhvervsudvalget 2022-05-30, item 13
    _, lines = lines_of(
        tmp_path,
        "Beskæftigelsesministeren har for 2023 besluttet at videreføre de fem mål fra 2022, da målene kan bidrage"
        " til at skabe kontinuitet i beskæftigelsesindsatsen.\n"
        "De beskæftigelsespolitiske mål for 2023 er:\n"
        + "".join(f"{n}. {wording}\n" for n, wording in enumerate(MINISTER_GOALS_2023, start=1))
        + "Fælles for målene er, at de alle har til formål at få flere med i arbejdsfællesskabet.\n",
    )
    [found] = goal_lists(lines)
    assert (found.year, found.ministerial, found.truncated) == (2023, True, False)
    assert [(entry.number, entry.wording) for entry in found.entries] == list(
        zip("12345", MINISTER_GOALS_2023, strict=True)
    )


def test_an_intro_ending_in_a_semicolon_names_the_year_it_is_for(tmp_path):
    # Greve Økonomiudvalget 2022-11-28, item 24: 'for 2023', not 'fra 2022'
    _, lines = lines_of(
        tmp_path,
        "Beskæftigelsesministeren har for 2023 valgt at videreføre de fem mål fra 2022 for at fastholde"
        " kontinuitet i indsatsen;\n"
        "1. Alle ledige skal have en værdig sagsbehandling.\n"
        "2. Flere ledige skal opkvalificeres.\n",
    )
    [found] = goal_lists(lines)
    assert (found.year, found.ministerial) == (2023, True)
    assert [entry.wording for entry in found.entries] == MINISTER_GOALS_2023[:2]


def test_a_bulleted_intro_and_the_plans_own_list(tmp_path):
    # Greve BEU 2023-08-14 ('• De beskæftigelsespolitiske mål for 2024 er:'); corpus 000's focus areas
    _, lines = lines_of(
        tmp_path,
        "Beskæftigelsesministeren har for 2024 besluttet at videreføre de fem mål fra 2023.\n"
        "• De beskæftigelsespolitiske mål for 2024 er:\n"
        "1. Alle ledige skal have en værdig sagsbehandling\n"
        "2. Flere ledige skal opkvalificeres\n"
        "\n"
        "Det betyder at Beskæftigelsesplan 2022 indeholder 8 fokusområder for beskæftigelses-\n"
        "indsatsen i Lyngby-Taarbæk Kommune. Fokusområderne er:\n"
        "\n"
        "• Flere jobparate ledige +55 år skal i beskæftigelse\n"
        "• Flere unge skal i uddannelse eller beskæftigelse\n",
    )
    ministers, own = goal_lists(lines)
    assert (ministers.year, ministers.ministerial) == (2024, True)
    assert (own.year, own.ministerial) == (2022, False)
    assert [(entry.number, entry.wording) for entry in own.entries] == [
        ("1", "Flere jobparate ledige +55 år skal i beskæftigelse"),
        ("2", "Flere unge skal i uddannelse eller beskæftigelse"),
    ]


def test_wrapped_entries_are_joined_and_a_list_cut_off_mid_item_is_flagged(tmp_path):
    _, lines = lines_of(
        tmp_path,
        "Kommunens resultatmål for 2025 er:\n"
        "1. Antallet af unge på offentlig forsørgelse skal falde med\n"
        "5 pct. i løbet af året\n"
        "2. Flere aktivitetsparate over 30 år skal i",
    )
    [found] = goal_lists(lines)
    assert [entry.wording for entry in found.entries] == [
        "Antallet af unge på offentlig forsørgelse skal falde med 5 pct. i løbet af året",
        "Flere aktivitetsparate over 30 år skal i",
    ]
    assert (found.year, found.ministerial, found.truncated) == (2025, False, True)


@pytest.mark.parametrize(
    "text",
    [
        # recommendations, not goals
        "Udvalget anbefaler følgende mål:\n1. at Greve Kommune fremsender beskæftigelsesplanen\n"
        "2. at Greve Kommune viderefører de nuværende effekt- og resultatmål til 2023\n",
        # Greve ØU 2022-11-28, item 19: areas, not goals
        "Ejerstrategien fastsætter strategiske målsætninger inden for følgende områder:\n"
        "* Samarbejde\n* Ansvarlighed\n* Økonomi og effektivisering\n",
        # Greve BEU 2022-11-14: 'Formålet' is no goal word
        "Formålet med indsatsen for eleverne er:\n• Erfare egne interesser og styrker\n"
        "• Opleve en virkelighedsnær og konkret anvendelse af skolens fag\n",
        # a single entry is no list
        "Målet for 2024 er:\n1. Flere ledige skal opkvalificeres\n",
    ],
)
def test_lists_that_are_not_goal_lists(tmp_path, text):
    _, lines = lines_of(tmp_path, text)
    assert goal_lists(lines) == []


def test_a_plan_that_only_quotes_the_governments_goals_has_those(tmp_path):
    clean, _ = lines_of(
        tmp_path,
        "Beskæftigelsesplan 2023\n"
        "\n"
        "Regeringen udmeldte i juni 2022 de beskæftigelsespolitiske mål for 2023. Målene er:\n"
        "\n" + "".join(f"{n}. {wording}\n" for n, wording in enumerate(MINISTER_GOALS_2023, start=1)),
    )
    document = Document("plan", DocKind.PLAN, None, "Greve", None, None, 2023, "text.txt", "h")
    _, goals = parse_plan(clean, document)
    assert [(g.number, g.wording, g.origin, g.plan_year) for g in goals] == [
        (str(n), wording, "ministerial", 2023) for n, wording in enumerate(MINISTER_GOALS_2023, start=1)
    ]


def _realdoc_goals(realdocs: Path, name: str):
    path = realdocs / name
    if not path.exists():
        pytest.skip(f"{name} is not present")
    clean = normalize(read_source(path))
    return extract_goals_from_minutes(clean, describe(clean))


def test_greve_beu_quotes_the_ministers_goals_for_2023(realdocs):
    # item 1 of BEU 2022-11-14 approves Beskæftigelsesplan 2023, quoting the minister's five goals
    goals = _realdoc_goals(realdocs, "greve_beu_json/greve_beu_2022-11-14.json")
    assert [(g.number, g.plan_year, g.origin, g.source_context) for g in goals[:5]] == [
        (f"ministermål {n}", 2023, "ministerial", "agenda-item") for n in range(1, 6)
    ]
    assert goals[2].wording == "Flere ledige flygtninge og familiesammenførte skal være selvforsørgende"


def test_no_goals_in_minutes_that_list_none(realdocs):
    # Aarhus Teknisk Udvalg: urban development, no goal list; its 'At 1)' recommendations are no goals
    assert _realdoc_goals(realdocs, "dev2/aarhus_tu_2025-10-01_referat.html") == []
    # Greve ØU 2022-11-28: 47 items; item 24 quotes the minister's five goals and reports the status of
    # the four resultatmål (tests/nlp/test_sentence_status.py), and nothing else holds goals
    goals = _realdoc_goals(realdocs, "dev2/greve_oeu_2022-11-28_referat.json")
    assert [(g.number, g.plan_year) for g in goals] == [(f"ministermål {n}", 2023) for n in range(1, 6)] + [
        (f"resultatmål {n}", 2023) for n in range(1, 5)
    ]


def test_an_items_plan_goals_are_local_and_a_projects_aims_are_no_goals(tmp_path):
    clean, lines = lines_of(
        tmp_path,
        "Udvalget har i beskæftigelsesplanen fastsat følgende resultatmål for 2024:\n"
        "1. Antallet af unge på offentlig forsørgelse skal falde med 5 pct.\n"
        "2. Flere aktivitetsparate skal i job eller uddannelse\n"
        "Projektets mål for 2025 er:\n"
        "• Trafikstøjen skal reduceres på Ringvejen\n"
        "• Flere skolebørn skal cykle til skole\n",
    )
    document = Document("m", DocKind.MINUTES, None, "Greve", "Økonomiudvalget", "2023-11-27", None, "text.txt", "h")
    goals = agenda_item_goals(clean, lines, document, set())
    assert [(g.number, g.plan_year, g.origin, g.source_context) for g in goals] == [
        ("1", 2024, "local", "agenda-item"),
        ("2", 2024, "local", "agenda-item"),
    ]
    assert goals[0].target is not None and goals[0].target.value == 5.0
