"""Answers about meetings: what was decided, an agenda history, absent members, attachments; else search."""

from __future__ import annotations

from answer.material import Material, decision_summary
from answer.phrasing import Answer, Statement, danish_date, no_evidence, say, topic_da, topic_en
from answer.question import Question
from maalspor.model import Document
from nlp.decisions import meeting_decision


def answer_decision(question: Question, material: Material, searcher=None) -> Answer:
    found = material.matching_items(question)
    decided = [(item, decision) for item, decision in found if decision is not None]
    if not decided:
        return no_evidence(
            question, f"hvad der blev besluttet om {topic_da(question)}", f"what was decided about {topic_en(question)}"
        )
    statements = []
    for item, decision in decided:
        text = " ".join(decision.text.split())
        statements.append(
            Statement(
                say(
                    question,
                    f"{decision.committee} besluttede den {danish_date(decision.date)} om punkt {item.number} "
                    f"“{item.title}”: {text} (udfald: {decision.outcome or 'ikke angivet'}).",
                    f"On {decision.date} {decision.committee} decided on item {item.number} “{item.title}”: {text} "
                    f"(outcome: {decision.outcome or 'not stated'}).",
                ),
                decision.citations or item.citations[:1],
            )
        )
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in decided])


def answer_history(question: Question, material: Material, searcher=None) -> Answer:
    found = material.matching_items(question)
    if not found:
        return no_evidence(
            question, f"noget dagsordenspunkt om {topic_da(question)}", f"any agenda item about {topic_en(question)}"
        )
    statements = []
    for item, decision in found:
        record = decision_summary(item, decision, material)
        outcome = record["outcome"] or say(question, "intet udfald noteret", "no outcome recorded")
        statements.append(
            Statement(
                say(
                    question,
                    f"{danish_date(record['date'])}, {record['committee']}, punkt {item.number} “{item.title}”: {outcome}.",
                    f"{record['date']}, {record['committee']}, item {item.number} “{item.title}”: {outcome}.",
                ),
                item.citations[:1],
            )
        )
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in found])


def answer_absent(question: Question, material: Material, searcher=None) -> Answer:
    meetings = [d for d in material.documents.values() if question.date and d.meeting_date == question.date]
    if not meetings:
        return no_evidence(
            question,
            f"noget møde den {danish_date(question.date)}" if question.date else "hvilket møde der menes",
            f"a meeting on {question.date}" if question.date else "which meeting is meant",
        )
    return Answer(question, [_absence(question, document, material) for document in meetings])


def _absence(question: Question, document: Document, material: Material) -> Statement:
    """Who the minutes of `document` record as absent, cited at the first absence line."""
    decisions = [
        meeting_decision(item, document)
        for item in material.items
        if item.document_id == document.id and not item.embedded
    ]
    with_absence = [d for d in decisions if d is not None and d.absent]
    if not with_absence:
        return Statement(
            say(
                question,
                f"Referatet fra {document.title} noterer ingen fraværende.",
                f"The minutes of {document.title} record no absent members.",
            ),
            [],
        )
    names = list(dict.fromkeys(f"{a.name} ({a.party})" if a.party else a.name for d in with_absence for a in d.absent))
    first = with_absence[0]
    citation = material.quoter.narrowed(first.citations[0], first.absent[0].name) if first.citations else None
    return Statement(
        say(
            question,
            f"Fraværende ved mødet i {document.committee} den {danish_date(document.meeting_date)}: {', '.join(names)}.",
            f"Absent from the {document.committee} meeting on {document.meeting_date}: {', '.join(names)}.",
        ),
        [citation] if citation else [],
    )


def answer_attachments(question: Question, material: Material, searcher=None) -> Answer:
    found = [(item, decision) for item, decision in material.matching_items(question) if not item.embedded]
    if not found:
        return no_evidence(
            question, f"noget punkt om {topic_da(question)}", f"an agenda item about {topic_en(question)}"
        )
    statements = []
    for item, _ in found:
        names = ", ".join(f"“{a}”" for a in item.attachments) or say(question, "ingen", "none")
        citations = [material.quoter.narrowed(item.citations[0], a) for a in item.attachments] if item.citations else []
        statements.append(
            Statement(
                say(
                    question,
                    f"Punkt {item.number} “{item.title}” havde bilag: {names}.",
                    f"Item {item.number} “{item.title}” had attachments: {names}.",
                ),
                citations or item.citations[:1],
            )
        )
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in found])


SEARCH_HITS_IN_ANSWER = 3


def answer_by_search(question: Question, material: Material, searcher=None) -> Answer:
    """No recognised kind: the best search passages, cited; without a search index, say so."""
    hits = searcher.search(question.text, limit=SEARCH_HITS_IN_ANSWER) if searcher else []
    if not hits:
        return no_evidence(question, f"noget om {topic_da(question)}", f"anything about {topic_en(question)}")
    return Answer(
        question,
        [
            Statement(
                say(
                    question,
                    f"Relevant tekststykke: “{' '.join(hit.text.split())[:300]}”.",
                    f"Relevant passage: “{' '.join(hit.text.split())[:300]}”.",
                ),
                hit.citations,
            )
            for hit in hits
        ],
    )
