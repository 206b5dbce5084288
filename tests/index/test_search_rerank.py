"""Re-ranking: what a question's words say about the passage it wants, and hits spread over documents."""

from index.search.chunk_text import Chunk
from index.search.rerank import query_cues, rerank


def _chunk(chunk_id: str, kind: str, document: str, year: int | None = None, date: str | None = None) -> Chunk:
    return Chunk(
        id=chunk_id,
        text=chunk_id,
        kind=kind,
        heading="",
        document_id=document,
        doc_kind="minutes",
        municipality=None,
        committee=None,
        date=date,
        year=year,
    )


def test_cues_of_a_danish_question_about_attachments_of_a_dated_meeting():
    cues = query_cues("Hvilke bilag var vedlagt mødekalender-punktet i Greve 14. november 2022?")
    assert {"attachments", "item"} <= cues.kinds and "decision" not in cues.kinds
    assert (cues.years, cues.day, cues.month) == (frozenset({2022}), "2022-11-14", "2022-11")


def test_cues_of_english_questions_with_day_or_month():
    absent = query_cues("Which members were absent from the finance committee on 28 November 2022?")
    assert "attendance" in absent.kinds and absent.day == "2022-11-28"
    decided = query_cues("What was decided about the budget reduction proposals in June 2019?")
    assert "decision" in decided.kinds and (decided.day, decided.month) == (None, "2019-06")
    assert query_cues("hvem var fraværende 9/9-2014").day == "2014-09-09"


def test_a_question_without_cues_keeps_the_fused_order():
    candidates = [(_chunk("a", "section", "d1"), 0.5), (_chunk("b", "decision", "d2"), 0.4)]
    assert [c.id for c, _ in rerank(candidates, "cykelstier", 5)] == ["a", "b"]


def test_the_kind_the_question_asks_for_wins_a_near_tie():
    case_text = (_chunk("case", "item-field", "d1"), 0.45)
    decision = (_chunk("decision", "decision", "d2"), 0.40)
    ranked = rerank([case_text, decision], "Hvad besluttede udvalget om SSP-handleplanen?", 5)
    assert [c.id for c, _ in ranked] == ["decision", "case"]
    # a clearly better match of another kind still comes first
    ranked = rerank([(case_text[0], 0.7), decision], "Hvad besluttede udvalget om SSP-handleplanen?", 5)
    assert ranked[0][0].id == "case"


def test_the_named_year_and_day_lift_their_chunks():
    old, new = _chunk("2015", "goal", "plan15", year=2015), _chunk("2019", "goal", "plan19", year=2019)
    ranked = rerank([(old, 0.5), (new, 0.45)], "målet om ledige akademikere i 2019", 5)
    assert [c.id for c, _ in ranked] == ["2019", "2015"]
    other_day = _chunk("other", "attendance", "m1", year=2022, date="2022-11-28")
    that_day = _chunk("that", "attendance", "m2", year=2022, date="2022-11-14")
    ranked = rerank([(other_day, 0.5), (that_day, 0.45)], "hvem var fraværende 14/11 2022", 5)
    assert [c.id for c, _ in ranked] == ["that", "other"]


def test_hits_spread_over_documents_before_repeating_one():
    first, second = _chunk("a1", "item", "a"), _chunk("a2", "item", "a")
    elsewhere = _chunk("b1", "item", "b")
    ranked = rerank([(first, 0.50), (second, 0.49), (elsewhere, 0.47)], "turisme", 2)
    assert [c.id for c, _ in ranked] == ["a1", "b1"]
