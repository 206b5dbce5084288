"""`ask`: answer a Danish or English question from the structured store, without a generative model.

The question's kind is recognised by its wording (change, first appearance, dropped, unchanged,
status, decision, agenda history, absent members, attachments); its years, a meeting date and its
topic words are parsed out; the goals and agenda items are found by lexical match; the answer is
composed from their fields. Every statement carries the citations it rests on, and a question the
material does not answer gets a plain "Det fremgår ikke af materialet ..." / "The material does not show ...".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from answer.goal_answers import answer_change, answer_dropped, answer_first, answer_status, answer_unchanged
from answer.material import Material
from answer.meeting_answers import (
    answer_absent,
    answer_attachments,
    answer_by_search,
    answer_decision,
    answer_history,
)
from answer.phrasing import Answer
from answer.question import understand
from answer.records import CitationQuoter

if TYPE_CHECKING:
    from index.store.sqlite import Store


def ask(text: str, store: Store, searcher=None) -> dict:
    """Answer `text` from the store; the JSON record of the answer."""
    question = understand(text)
    material = Material.load(store)
    answer = ANSWERERS.get(question.kind, answer_by_search)(question, material, searcher)
    return answer_record(answer, material.quoter)


def answer_record(answer: Answer, quoter: CitationQuoter) -> dict:
    quoted = [(s.text, quoter.records(s.citations)) for s in answer.statements]
    statements = [{"text": text, "citations": cited} for text, cited in quoted]
    citations = list(
        {
            (c["source_file"], c["page"], c["line_start"], c["line_end"]): c for _, cited in quoted for c in cited
        }.values()
    )
    return {
        "question": answer.question.text,
        "language": answer.question.language,
        "kind": answer.question.kind,
        "years": list(answer.question.years),
        "terms": list(answer.question.terms),
        "evidence": answer.evidence,
        "answer": " ".join(s.text for s in answer.statements),
        "statements": statements,
        "citations": citations,
        "goals": answer.goals,
        "links": answer.links,
        "decisions": answer.decisions,
    }


ANSWERERS = {
    "change": answer_change,
    "first": answer_first,
    "dropped": answer_dropped,
    "unchanged": answer_unchanged,
    "status": answer_status,
    "decision": answer_decision,
    "history": answer_history,
    "absent": answer_absent,
    "attachments": answer_attachments,
}
