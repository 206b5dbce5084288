"""The treatments of a case that only its own text records: 'som udvalget fik forelagt den 10. oktober 2022'.

An agenda history lists the meetings the material holds; a case's papers often name earlier meetings the
material does not hold (nlp.treatment_mentions). Those are added, each cited at the line that names it and
said to be known from the later item's text, so a reader can tell a meeting held in the material from one
only mentioned.
"""

from __future__ import annotations

from answer.material import Material
from answer.phrasing import Statement
from answer.phrasing_meetings import mentioned_treatment_line
from answer.question import Question
from maalspor.model import AgendaItem, Citation, Decision
from nlp.bodies import same_body
from nlp.treatment_mentions import TreatmentMention, treatment_mentions

Treatment = tuple[AgendaItem, Decision | None]


def mentioned_treatments(question: Question, found: list[Treatment], material: Material) -> list[tuple[str, Statement]]:
    """(date, statement) of each earlier treatment the found items' texts mention and no found item's
    decision already records (the items were found within the years and bodies the question names)."""
    known = [(decision.date, decision.committee) for item, _ in found for decision in item.decisions]
    mentioned: list[tuple[str, Statement]] = []
    for item, _ in found:
        for mention in _earlier_mentions(item, material):
            if not _recorded(mention, known):
                known.append((mention.date, mention.body))  # each meeting once, however many items name it
                mentioned.append((mention.date, _statement(question, item, mention, material)))
    return mentioned


def _earlier_mentions(item: AgendaItem, material: Material) -> list[TreatmentMention]:
    if not item.citations:
        return []
    document = material.documents[item.document_id]
    lines = material.quoter.cited_lines(item.citations[0])
    mentions = treatment_mentions(lines, document.committee, document.meeting_date)
    # a case's papers also announce later meetings ('behandles i Byrådet den …'): the history asked for is
    # the one behind the item
    return [mention for mention in mentions if not document.meeting_date or mention.date < document.meeting_date]


def _recorded(mention: TreatmentMention, known: list[tuple[str | None, str]]) -> bool:
    return any(date == mention.date and same_body(committee, mention.body) for date, committee in known)


def _statement(question: Question, item: AgendaItem, mention: TreatmentMention, material: Material) -> Statement:
    document = material.documents[item.document_id]
    citation = Citation(item.citations[0].source_file, mention.line.page, mention.line.line, mention.line.line)
    text = mentioned_treatment_line(
        question, mention.date, mention.body, item.number, item.title, document.meeting_date
    )
    return Statement(text, [citation])
