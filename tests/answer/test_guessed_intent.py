"""An intent the classifier guessed (no cue named it) is tried first; when its answerer cites nothing, the
passage search answers instead of a false 'Det fremgår ikke af materialet …'."""

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
