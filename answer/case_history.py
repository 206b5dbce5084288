"""The treatments of a case that its title alone does not find: meetings its own text names ('som udvalget fik
forelagt den 10. oktober 2022'), and later items that take it up by quoting its title.

An agenda history lists the meetings the material holds; a case's papers often name earlier meetings the
material does not hold (nlp.treatment_mentions). Those are added, each cited at the line that names it and
said to be known from the later item's text, so a reader can tell a meeting held in the material from one
only mentioned. A case is also taken up again under an item of another name ('Meddelelser', 'Drøftelse med
Integrationsrådet') whose text refers to it by its title ('… tager udgangspunkt i sagen ’Integrationsindsatser
for familiesammenførte …’, som forelagt …'): that item's meeting is a treatment too.
"""

from __future__ import annotations

from answer.material import Material, decision_summary, item_search_text
from answer.phrasing import Statement
from answer.phrasing_meetings import mentioned_treatment_line, quoting_item_line
from answer.question import Question
from maalspor.model import AgendaItem, Citation, Decision
from nlp.bodies import same_body
from nlp.decisions import meeting_decision
from nlp.treatment_mentions import TreatmentMention, treatment_mentions

Treatment = tuple[AgendaItem, Decision | None]

# The opening words of a case title that identify it when another item's text quotes it: fewer would be a
# generic phrase ('Godkendelse af dagsordenen', 'Status på'), and a quote may shorten the title's tail.
TITLE_QUOTE_WORDS = 5


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


def announced_treatments(question: Question, found: list[Treatment], material: Material) -> list[tuple[str, Statement]]:
    """(date, statement) of each later treatment the found items' papers announce ('behandles i Byrådet den 15.
    maj 2023', 'endelig vedtagelse i byrådet den …') that no found item records: the steps still ahead of the case,
    said to be planned. Not treatments held, so never a first or last one."""
    known = [(decision.date, decision.committee) for item, _ in found for decision in item.decisions]
    announced: list[tuple[str, Statement]] = []
    for item, _ in found:
        for mention in _mentions_of(item, material, later=True):
            if not _recorded(mention, known):
                known.append((mention.date, mention.body))
                announced.append((mention.date, _statement(question, item, mention, material, planned=True)))
    return announced


def _earlier_mentions(item: AgendaItem, material: Material) -> list[TreatmentMention]:
    # a case's papers also announce later meetings ('behandles i Byrådet den …'): those are not its history
    return _mentions_of(item, material, later=False)


def _mentions_of(item: AgendaItem, material: Material, later: bool) -> list[TreatmentMention]:
    """The meetings the item's text names before its own meeting (or, `later`, after it)."""
    document = material.documents[item.document_id]
    if not item.citations or item.embedded or (later and not document.meeting_date):
        return []
    lines = material.quoter.cited_lines(item.citations[0])
    mentions = treatment_mentions(lines, document.committee, document.meeting_date)
    own = document.meeting_date or ""
    return [m for m in mentions if (m.date > own if later else (not own or m.date < own))]


def _recorded(mention: TreatmentMention, known: list[tuple[str | None, str]]) -> bool:
    return any(date == mention.date and same_body(committee, mention.body) for date, committee in known)


def _statement(
    question: Question, item: AgendaItem, mention: TreatmentMention, material: Material, planned: bool = False
) -> Statement:
    document = material.documents[item.document_id]
    citation = Citation(item.citations[0].source_file, mention.line.page, mention.line.line, mention.line.line)
    text = mentioned_treatment_line(
        question, mention.date, mention.body, item.number, item.title, document.meeting_date, planned
    )
    return Statement(text, [citation])


def quoting_treatments(question: Question, found: list[Treatment], material: Material) -> list[tuple[str, Statement]]:
    """(date, statement) of each item in scope, of another title, whose text quotes a found item's title."""
    treated = {item.id for item, _ in found}
    quoting: list[tuple[str, Statement]] = []
    for quoted in {item.id: item for item, _ in found}.values():
        key = _title_key(quoted.title)
        if not key:
            continue
        for item in material.items:
            if item.id in treated or item.embedded or not _quotes(item, key, quoted, material):
                continue
            decision = meeting_decision(item, material.documents[item.document_id])
            if material.in_scope(question, item.document_id) and material.in_years(question, item, decision):
                treated.add(item.id)
                quoting.append(_quoting_statement(question, item, decision, quoted, key, material))
    return quoting


def _title_key(title: str) -> str:
    words = title.casefold().split()
    return " ".join(words[:TITLE_QUOTE_WORDS]) if len(words) >= TITLE_QUOTE_WORDS else ""


def _quotes(item: AgendaItem, key: str, quoted: AgendaItem, material: Material) -> bool:
    same_place = (
        material.documents[item.document_id].municipality == material.documents[quoted.document_id].municipality
    )
    return same_place and key in " ".join(item_search_text(item).casefold().split())


def _quoting_statement(
    question: Question, item: AgendaItem, decision: Decision | None, quoted: AgendaItem, key: str, material: Material
) -> tuple[str, Statement]:
    record = decision_summary(item, decision, material)
    earlier = (record["date"] or "") < (material.documents[quoted.document_id].meeting_date or "")
    text = quoting_item_line(question, record, item.number, item.title, quoted.title, earlier)
    needle = " ".join(key.split()[:2])  # the quote may wrap; its first words are on the line that opens it
    citations = [material.quoter.narrowed(item.citations[0], needle)] if item.citations else []
    return record["date"] or "", Statement(text, citations)
