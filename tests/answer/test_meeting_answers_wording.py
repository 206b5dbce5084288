"""Meeting answers (decision, attachments, agenda history, absence) in the words staff use: an item named by a
part of its title or its number, a meeting by its date in any form, a body by its initials or its kind, and
the vocabulary of the meeting process around the item ('sagen', 'udfaldet', 'materialet', 'medlemmerne').

Expectations read from the documents: corpus/003 (Lyngby-Taarbæk, Erhvervs- og Beskæftigelsesudvalget
9 September 2014), corpus/002 (Beskæftigelses- og Integrationsudvalget 11 June 2019) and, where present,
Greve's committee and finance-committee minutes and Aarhus' Teknisk Udvalg minutes in ../shared/realdocs.
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from answer.meeting_words import is_meeting_process_word, item_topic
from tests.conftest import CORPUS, REALDOCS, ingested_store

GREVE_AND_AARHUS = [
    REALDOCS / "greve_beu_json",
    REALDOCS / "dev2" / "greve_oeu_2022-11-28_referat.json",
    REALDOCS / "dev2" / "greve_beu_2023-01-09_referat.json",
    REALDOCS / "dev2" / "greve_beu_2023-04-24_referat.json",
    REALDOCS / "dev2" / "aarhus_tu_2025-10-01_referat.html",
]


@pytest.fixture(scope="module")
def meetings(tmp_path_factory):
    """corpus/ with Greve's and Aarhus' committee minutes: several bodies, municipalities and years."""
    with ingested_store([CORPUS, *GREVE_AND_AARHUS], tmp_path_factory.mktemp("meetings")) as store:
        yield store


def answer(text, store):
    return answer_question(text, store)


def said(result) -> str:
    return " ".join(statement.text for statement in result.statements)


def cited_lines(result) -> set[tuple[str, int]]:
    return {(c["source_file"][:3], c["line_start"]) for s in result.statements for c in s.citations}


def test_meeting_process_words_never_pick_an_item():
    assert all(map(is_meeting_process_word, ["sagen", "udfaldet", "medlemmerne", "materialet", "vedhæftet"]))
    assert not any(map(is_meeting_process_word, ["sagsbehandling", "rygestopkurser", "budget", "lokalplan"]))
    assert item_topic(("udfaldet", "sagen", "rygestop")) == ("rygestop",)
    assert item_topic(("sagen",)) == ("sagen",)  # nothing else left: the words are all there is


def test_item_named_by_number_and_a_numeric_date(store):
    result = answer("Hvad skete der med punkt 2 på mødet 9/9-2014?", store)
    assert "Beskæftigelsesplan 2015" in said(result) and "anbefalet" in said(result)


def test_the_case_and_its_conclusion_are_not_the_topic(store):
    result = answer("Hvilken beslutning fik sagen om en indgang for erhverv?", store)
    assert "punkt 3" in said(result) and "drøftet" in said(result)


def test_a_body_named_in_the_genitive_gets_its_own_decision_only(store):
    """Punkt 3 of 11 June 2019 carries the Børne- og Ungdomsudvalget's decision of 6 June as well."""
    result = answer("Hvad var Børne- og Ungdomsudvalgets beslutning om etårsstatus for SSP?", store)
    assert said(result).startswith("Børne- og Ungdomsudvalget besluttede den 6. juni 2019")
    assert "Beskæftigelses- og Integrationsudvalget besluttede" not in said(result)


def test_absence_by_another_word_for_absent(store):
    result = answer("Hvilke medlemmer havde forfald den 11/6 2019?", store)
    assert "Mette Schmidt Olsen" in said(result)


def test_finance_committee_by_its_initials_gets_its_decision_not_the_committees(meetings):
    result = answer("Hvad vedtog ØU om helårsstatus for Tryghed i Greve Nord?", meetings)
    assert said(result).startswith("Økonomiudvalget besluttede den 28. november 2022")
    assert "Beskæftigelses- og Erhvervsudvalget besluttede" not in said(result)


def test_magistraten_named_gets_its_recommendation_among_five_decisions(meetings):
    """Aarhus TU's item 6 carries five decisions: TU three times, Magistraten and the city council once."""
    result = answer("Hvad anbefalede Magistraten om busfremkommeligheden?", meetings)
    assert said(result).startswith("Magistraten besluttede den 18. marts 2025")
    assert "Teknisk Udvalg besluttede" not in said(result)


def test_attachments_asked_for_as_the_material_of_a_case(meetings):
    result = answer("Hvilket materiale var vedhæftet sagen om Vækst- og Erhvervspolitikken?", meetings)
    assert "Høringsoverblik over Vækst- og Erhvervspolitik 2023-2026" in said(result)
    assert "Budgetopfølgning" not in said(result)


def test_history_of_a_policy_named_in_its_definite_form(meetings):
    result = answer("Hvornår var Beskæftigelsespolitikken for 2023-26 oppe?", meetings)
    assert "9. januar 2023" in said(result) and "24. april 2023" in said(result)


def test_history_keeps_to_the_named_years_in_every_municipality(meetings):
    result = answer("Hvilke punkter om beskæftigelsesplanen var på dagsordenen i 2022?", meetings)
    assert "2022" in said(result)
    assert "2014" not in said(result) and "2019" not in said(result)


def test_absence_of_a_body_that_decided_on_the_item_before(meetings):
    """Aarhus TU's item 2 carries Magistraten's decision of 2 September 2025, with one member absent."""
    result = answer("Var nogen fraværende i Magistraten da udviklingsplanen for Aarhus Ø blev behandlet?", meetings)
    assert "Magistraten" in said(result) and "2. september 2025" in said(result)


def test_a_municipality_in_the_genitive_scopes_and_is_not_the_topic(meetings):
    result = answer("Hvad besluttede Greves udvalg om udbudsstrategien?", meetings)
    assert "Godkendelse af udbudsstrategi på beskæftigelsesområdet" in said(result)


def test_english_words_left_untranslated_give_way_to_a_title_the_others_name(meetings):
    result = answer("Which attachments came with the item evaluating the IPS project?", meetings)
    assert "Evaluering af IPS-projektet" in said(result) and "2 attachments" in said(result)


def test_english_topic_no_title_holds_stays_absent(meetings):
    result = answer("Which attachments did the item on cycle paths have?", meetings)
    assert said(result).startswith("The material does not show")


def test_a_person_named_in_an_absence_question_is_not_the_topic(store):
    """The name is no member the minutes record as absent; the item is named by its title's word."""
    result = answer("Deltog Søren Kjærsgaard Holm, da udvalget drøftede budgetreduktionerne i 2019?", store)
    assert "punkt 2" in said(result) and "Mette Schmidt Olsen" in said(result)


def test_an_agenda_history_lists_every_body_that_decided_on_the_item(store):
    # corpus/002, item 3: the SSP action plan's one-year status, decided by Børne- og Ungdomsudvalget on 6 June
    # 2019 and then by Beskæftigelses- og Integrationsudvalget on 11 June 2019 (both decisions printed in the item)
    result = answer_question("Hvornår er etårsstatus på SSP-handleplanen blevet behandlet?", store)
    lines = [statement.text for statement in result.statements]
    # the committee's decision is known from the later minutes, under their item number
    assert lines[0].startswith(
        "6. juni 2019, Børne- og Ungdomsudvalget: taget til efterretning (gengivet under punkt 3"
    )
    assert lines[0].endswith("på mødet i Beskæftigelses- og Integrationsudvalget 11. juni 2019).")
    assert lines[1].startswith("11. juni 2019, Beskæftigelses- og Integrationsudvalget, punkt 3 “Etårsstatus")
