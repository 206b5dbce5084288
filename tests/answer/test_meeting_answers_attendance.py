"""Whether a member the question names was at a meeting, and meeting questions in other words (attachments as
'materialet' / 'dokumenterne til punktet', decisions as 'vedtaget', 'afvist', 'agreed').

Expectations read from the documents: corpus/003 (Lyngby-Taarbæk, Erhvervs- og Beskæftigelsesudvalget 9 September
2014: item 2 records Jakob Engel-Schmidt (V) and Hanne Agersnap (F) as absent) and, where present, Greve's minutes
in ../shared/realdocs (BEU 14 November 2022: 'Deltagere: Simon Østergaard, Morten Dahlin, Kenneth Jerkel, Brigitte
Klintskov Jerkel' on line 5, 'Fraværende: Liselott Blixt' on line 6; Økonomiudvalget 28 November 2022:
'Fraværende: John T. Olsen, Marc Genning' on line 6).
"""

from __future__ import annotations

import pytest

from answer.engine import answer_question
from answer.question import understand
from tests.conftest import CORPUS, REALDOCS, ingested_store

GREVE = [REALDOCS / "greve_beu_json", REALDOCS / "dev2" / "greve_oeu_2022-11-28_referat.json"]


@pytest.fixture(scope="module")
def greve(tmp_path_factory):
    with ingested_store([CORPUS / "003_d16604ceb04aa2e7.txt", *GREVE], tmp_path_factory.mktemp("greve")) as store:
        yield store


def _first(result):
    statement = result.statements[0]
    return statement.text, [(c["source_file"], c["line_start"]) for c in statement.citations]


def test_a_member_on_the_participants_list_and_not_absent_was_present(greve):
    text, cited = _first(answer_question("Var Simon Østergaard til stede ved mødet i BEU 14. november 2022?", greve))
    assert text.startswith("Simon Østergaard var til stede ved mødet i Beskæftigelses- og Erhvervsudvalget den 14. nov")
    assert cited == [("greve_beu_2022-11-14.json", 5)]


def test_a_member_named_in_lower_case_is_found_on_the_list_of_absentees(greve):
    text, cited = _first(answer_question("var john t. olsen med til økonomiudvalgets møde 28/11 2022?", greve))
    assert text == "John T. Olsen deltog ikke (fraværende) ved mødet i Økonomiudvalget den 28. november 2022."
    assert cited == [("greve_oeu_2022-11-28_referat.json", 6)]


def test_a_member_asked_about_in_english(greve):
    result = answer_question("Was Marc Genning present at the finance committee meeting on 28 November 2022?", greve)
    assert (
        _first(result)[0]
        == "Marc Genning did not take part (absent) in the Økonomiudvalget meeting on 28 November 2022."
    )


def test_a_member_absent_from_an_item_is_told_for_that_item(store):
    result = answer_question("Deltog Hanne Agersnap, da udvalget behandlede beskæftigelsesplan 2015?", store)
    text, cited = _first(result)
    assert text.startswith(
        "Hanne Agersnap deltog ikke (fraværende) da Erhvervs- og Beskæftigelsesudvalget behandlede punkt 2"
    )
    assert cited and cited[0][0] == "003_d16604ceb04aa2e7.txt"


@pytest.mark.parametrize(
    "question",
    [
        "Hvilket materiale var der til punktet om budgettet?",
        "Hvilke dokumenter hørte til sagen om lokalplanen?",
        "Hvad var lagt ved indstillingen om skolestrukturen?",
        "Which documents came with the item on the harbour?",
        "Were there supporting papers for the climate plan?",
    ],
)
def test_attachments_asked_in_other_words(question):
    assert understand(question).kind == "attachments"


@pytest.mark.parametrize(
    "question",
    [
        "Hvad blev vedtaget om budgettet?",
        "Hvad konkluderede udvalget om cykelstierne?",
        "Blev ansøgningen om tilskud afvist?",
        "Blev der bevilget penge til legepladsen?",
        "What did the committee agree on the harbour?",
        "Was the proposal for a new school rejected?",
    ],
)
def test_decisions_asked_in_other_words(question):
    assert understand(question).kind == "decision"


@pytest.mark.parametrize(
    "question",
    ["Hvem var forhindret ved mødet i marts?", "Who did not take part when the council met in May 2023?"],
)
def test_absence_asked_in_the_minutes_other_words(question):
    result = understand(question)
    assert result.kind == "absent" and not {"not", "take", "part"} & set(result.terms)


def test_the_papers_of_a_text_are_no_attachment_question():
    assert understand("Hvad står der i materialet om unge ledige?").kind != "attachments"


def test_a_member_on_the_participants_list_absent_under_one_item_is_told_so(greve):
    # BEU 14 November 2022 lists Morten Dahlin among the participants (line 5) and 'Fraværende: Morten Dahlin'
    # under item 1 (line 10)
    text, cited = _first(
        answer_question("Var Morten Dahlin med hele vejen på BEU-mødet 14.11.2022, eller manglede han?", greve)
    )
    assert text.startswith("Morten Dahlin var fraværende under punkt 1 “Godkendelse af dagsorden” ved mødet i Besk")
    assert cited == [("greve_beu_2022-11-14.json", 10)]
