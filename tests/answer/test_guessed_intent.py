"""An intent's answerer is tried first; when it cites nothing and only abstains (or the intent was the
classifier's guess), the passage search answers instead of a false 'Det fremgår ikke af materialet …' —
and a subject the material lacks still gets the abstention."""

import pytest

import answer.engine as engine


def _classifier_saying(kind):
    return lambda embed_query: lambda text: kind


def test_a_guessed_intent_that_finds_nothing_falls_back_to_the_passage_search(store, fake_searcher, monkeypatch):
    # No meeting is named, so an 'absent' guess has no attendance to report; the plans' running text
    # on the job centre's work with sick-listed people is what the question asks for.
    question = "Hvordan hjælper jobcentret sygemeldte tilbage i arbejde?"
    monkeypatch.setattr(engine, "intent_classifier", _classifier_saying("absent"))
    answer = engine.answer_question(question, store, fake_searcher)
    assert answer.question.guessed and answer.question.kind == "absent"
    assert answer.statements and all(statement.citations for statement in answer.statements)
    assert all(statement.text.startswith("Fra “") for statement in answer.statements)


def test_a_cued_intent_that_finds_nothing_says_so(store, fake_searcher):
    answer = engine.answer_question("Hvem var fraværende den 3. marts 2031?", store, fake_searcher)
    assert not answer.question.guessed
    assert [statement.citations for statement in answer.statements] == [[]]


def test_a_cued_intent_whose_records_hold_nothing_answers_from_the_running_text(store, fake_searcher):
    # No agenda item decides on screening; the 2023 plan's running text tells what the job centre does.
    answer = engine.answer_question("Hvad blev besluttet om screening af nyledige?", store, fake_searcher)
    assert answer.question.kind == "decision" and not answer.question.guessed
    quoted = [s for s in answer.statements if "screener alle nyledige" in s.text]
    assert quoted and quoted[0].text.startswith("Fra “Beskæftigelsesplan 2023")
    assert [(c["source_file"], c["line_start"]) for c in quoted[0].citations] == [("001_66e873449e3ce21a.txt", 597)]


@pytest.mark.parametrize(
    "question", ["Hvad blev besluttet om skøjtehallen?", "Hvilke bilag havde sagen om skøjtehallen?"]
)
def test_a_cued_intent_about_a_subject_the_material_lacks_still_abstains(store, fake_searcher, question):
    answer = engine.answer_question(question, store, fake_searcher)
    assert not answer.evidence
    assert (
        answer.statements[0].text.startswith("Det fremgår ikke af materialet")
        and "skøjtehallen" in answer.statements[0].text
    )
