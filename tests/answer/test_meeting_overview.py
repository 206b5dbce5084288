"""Meeting overviews and the routing of meeting questions: the cases a committee's list of coming cases plans
(answer.coming_items), a meeting's items and its closed items counted, and 'hvornår … udsat' asking for a
case's history whatever goal word its title holds.

Expectations read from the documents: corpus/002_f3dbe880e0f1df7c.txt item 6 'Kommende sager' of the 11 June
2019 meeting (lines 921-933: 'Følgende sager er planlagt til det kommende møde:' and five bulleted cases);
../shared/realdocs/dev2/greve_oeu_2022-11-28_referat.json (items 2, 4, 5 and 6 are 'Lukket: …');
../shared/realdocs/dev2/aarhus_tu_2025-10-01_referat.html item 6 'Måltal for busfremkommelighed, jf.
budgetforlig 2023', whose Sagsforløb prints Teknisk Udvalg's postponements on 26 May and 11 August 2025, and
item 2 'Udviklingsplan Aarhus Ø - endelig vedtagelse' (Magistraten 02-09-2025, Aarhus Byråd 10-09-2025, Teknisk
Udvalg 22-09-2025, lines 45-60); greve_beu_2022-11-14.json item 6 and greve_oeu_2022-11-28_referat.json item 43
'Tryghed i Greve Nord - Helårsstatus 2022 og indsatser i 2023' (the ØU minutes reprint BEU's decision of 14
November 2022), greve_beu_2022-05-30.json items 7 and 8 'Tryghed i Greve Nord - …' before it;
dev2/greve_beu_2023-04-24_referat.json item 3 'Vækst- og Erhvervspolitik 2023-2026, endelig godkendelse' (line 59:
'… endelig godkendelse i byrådet … den 15. maj 2023', line 67: the committee's meeting of 6 February 2023).
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from answer.question import understand
from nlp.minutes.conventions import COMING_CASES
from tests.conftest import REALDOCS, ingested_store

CORPUS_MINUTES_2019 = "002_f3dbe880e0f1df7c.txt"
GREVE_OEU = REALDOCS / "dev2" / "greve_oeu_2022-11-28_referat.json"
AARHUS_TU = REALDOCS / "dev2" / "aarhus_tu_2025-10-01_referat.html"
GREVE_BEU = [REALDOCS / "greve_beu_json" / f"greve_beu_{day}.json" for day in ("2022-05-30", "2022-11-14")]
GREVE_BEU_APRIL_2023 = REALDOCS / "dev2" / "greve_beu_2023-04-24_referat.json"
COMING_2019 = [
    "Anden anslået regnskab",
    "Status på Håndholdt ressourceforløb",
    "Opfølgning på sag vedr. justering af rådighedsbeløb",
    "Ungeenheden og udmøntning af samarbejdet på tværs af fagcentrene",
    "Anvisning af permanent bolig til flygtninge",
]


@pytest.fixture(scope="module")
def meetings(tmp_path_factory):
    paths = [GREVE_OEU, AARHUS_TU, *GREVE_BEU, GREVE_BEU_APRIL_2023]
    with ingested_store(paths, tmp_path_factory.mktemp("meeting_overview")) as store:
        yield store


@pytest.mark.parametrize(
    "title, coming",
    [
        ("Kommende sager", True),
        ("Orientering om kommende sager", True),
        ("Sager til kommende møder", True),
        ("Sager på vej", True),
        ("Punkter til næste møde", True),
        ("Budget 2020 og kommende sager om økonomi på ældreområdet", False),  # a case that mentions coming cases
        ("Status på kommende sager", False),
    ],
)
def test_a_list_of_coming_cases_is_known_by_its_title(title, coming):
    assert bool(COMING_CASES.fullmatch(title)) is coming


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Hvad er der planlagt af sager til de kommende udvalgsmøder?", "overview"),
        ("Which cases are scheduled for the next committee meeting?", "overview"),
        ("Hvor mange lukkede punkter var der på økonomiudvalgets møde?", "overview"),
        ("How many cases were on the finance committee's agenda in November 2022?", "overview"),
        # a goal word in the case's title does not make a question about when it was put off a status question
        ("Målsætningen for cykelstier, hvornår er den blevet udsat?", "history"),
        ("When was the target for bus lanes postponed?", "history"),
        ("hvornår blev lokalplanen for havnen behandlet", "history"),  # every treatment, not only the first
        ("Hvilke mål har planen for de kommende år?", "overview"),  # a coming year is no meeting: goals
    ],
)
def test_meeting_questions_are_routed_by_what_they_ask(text, kind):
    assert understand(text).kind == kind


def test_the_coming_cases_are_the_latest_list_up_to_the_month_named(store):
    result = answer_question("Hvilke sager stod på listen til de næste møder i beskæftigelsesudvalget i 2019?", store)
    [line] = result.statements
    assert line.text.startswith("På mødet i Beskæftigelses- og Integrationsudvalget den 11. juni 2019 listede punkt 6")
    assert all(f"“{case}”" in line.text for case in COMING_2019)
    [citation] = line.citations
    assert (citation["source_file"], citation["line_start"], citation["line_end"]) == (CORPUS_MINUTES_2019, 921, 933)
    assert citation["quote"].startswith("Følgende sager er planlagt til det kommende møde:")


def test_no_list_issued_before_the_day_named_is_no_list(store):
    # the only list is of June 2019: what was planned in 2014 the material does not show
    result = answer_question("Which cases were planned for the next meeting after September 2014?", store)
    assert not any("Anden anslået regnskab" in s.text for s in result.statements)


def test_a_meetings_closed_items_are_counted_and_listed(meetings):
    result = answer_question("Hvor mange lukkede sager havde økonomiudvalget på mødet 28/11 2022?", meetings)
    [line] = result.statements
    assert line.text.startswith("Mødet i Økonomiudvalget den 28. november 2022 havde 4 lukkede punkter: 2 “Lukket:")
    assert [c["line_start"] for c in line.citations] == [19, 110, 114, 118]


def test_a_meetings_items_are_counted_when_asked_as_cases_in_english(meetings):
    result = answer_question("How many cases did Greve's finance committee have on 28 November 2022?", meetings)
    [line] = result.statements
    assert line.text.startswith("The Økonomiudvalget meeting on 28 November 2022 had ")
    assert "1 “Godkendelse af dagsorden”" in line.text
    assert "2 “Lukket: Forsikringsudbud - valg af optioner”" in line.text


def test_a_postponed_case_with_a_goal_word_in_its_title_gets_its_history(meetings):
    result = answer_question("Måltallet for busfremkommelighed - hvornår blev det udsat?", meetings)
    texts = [statement.text for statement in result.statements]
    # the bodies' treatments the case history prints, in date order, then the meeting's own (Greve's Økonomiudvalg
    # shares the word 'måltal' with no case on bus lanes: none of its items belongs to this history)
    assert [t.split(":")[0] for t in texts[:-1]] == [
        "18. marts 2025, Magistraten",
        "26. marts 2025, Aarhus Byråd",
        "26. maj 2025, Teknisk Udvalg",
        "11. august 2025, Teknisk Udvalg",
    ]
    assert "Teknisk Udvalg: udsat" in texts[2] and "Teknisk Udvalg: udsat" in texts[3]
    assert texts[-1].startswith("1. oktober 2025, Teknisk Udvalg, punkt 6 “Måltal for busfremkommelighed")


def test_a_case_named_with_its_town_is_followed_through_every_body_of_it(meetings):
    # 'Aarhus Ø' names the town, not its Byråd: the Magistrat's and Teknisk Udvalg's treatments are in the history
    result = answer_question("Hvilket forløb har udviklingsplanen for Aarhus Ø haft?", meetings)
    heads = [statement.text.split(":")[0] for statement in result.statements]
    assert heads == [
        "2. september 2025, Magistraten",
        "10. september 2025, Aarhus Byråd",
        "22. september 2025, Teknisk Udvalg",
        "1. oktober 2025, Teknisk Udvalg, punkt 2 “Udviklingsplan Aarhus Ø - endelig vedtagelse”",
    ]
    assert [s.citations[0]["line_start"] for s in result.statements[:3]] == [45, 53, 57]


def test_a_bodys_own_minutes_outrank_a_reprint_of_its_decision(meetings):
    result = answer_question("Hvornår har tryghed i Greve Nord været på dagsordenen i Greve?", meetings)
    texts = [statement.text for statement in result.statements]
    of_beu_in_november = [t for t in texts if t.startswith("14. november 2022, Beskæftigelses- og Erhvervsudvalget")]
    assert of_beu_in_november == [
        "14. november 2022, Beskæftigelses- og Erhvervsudvalget, punkt 6 “Tryghed i Greve Nord - Helårsstatus 2022 og "
        "indsatser i 2023”: taget til efterretning."
    ]
    # items of May 2022 under the same title head came before the case: they do not 'take it up'
    may = [t for t in texts if t.startswith("30. maj 2022")]
    assert [t.split("“")[0] for t in may] == [
        "30. maj 2022, Beskæftigelses- og Erhvervsudvalget, punkt 7 ",
        "30. maj 2022, Beskæftigelses- og Erhvervsudvalget, punkt 8 ",
    ]
    assert not any("tager sagen" in t for t in may)


def test_a_history_ends_with_the_treatments_the_case_announces_as_planned(meetings):
    result = answer_question("Hvilke behandlinger har vækst- og erhvervspolitikken 2023-2026 fået?", meetings)
    texts = [statement.text for statement in result.statements]
    assert texts[0].startswith("6. februar 2023, Beskæftigelses- og Erhvervsudvalget: nævnt som tidligere behandling")
    assert texts[1].startswith(
        "24. april 2023, Beskæftigelses- og Erhvervsudvalget, punkt 3 “Vækst- og Erhvervspolitik"
    )
    assert texts[2].startswith("15. maj 2023, Byrådet: planlagt behandling ifølge punkt 3 “Vækst- og Erhvervspolitik")
    assert result.statements[2].citations[0]["line_start"] == 59
    # a planned meeting is not held: the latest treatment is the committee's own
    last = answer_question("Hvornår var vækst- og erhvervspolitikken 2023-2026 sidst behandlet?", meetings)
    assert "24. april 2023" in last.statements[0].text


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    paths = [REALDOCS / "aarhus_byraad_referat_2025-08-27.pdf"]
    with ingested_store(paths, tmp_path_factory.mktemp("meeting_overview_council")) as store:
        yield store


def test_a_meetings_count_is_cited_at_its_own_list_of_items(council):
    # aarhus_byraad_referat_2025-08-27.pdf page 2: 'Indholdsfortegnelse', then the 21 items on lines 2-22
    result = answer_question("antal sager på byrådsmødet i Aarhus den 27/8 2025", council)
    [line] = result.statements
    assert line.text.startswith(
        "Mødet i Aarhus Byråd den 27. august 2025 havde 21 punkter: 1 “Godkendelse af dagsorden”"
    )
    first = line.citations[0]
    assert (first["page"], first["line_start"], first["line_end"]) == (2, 2, 22)
