"""Build an AgendaItem from an item's located lines and its layout's section labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce

from maalspor.model import Absence, AgendaItem, CleanText, Document
from nlp.ids import item_id
from nlp.lines import Line, cite, join_wrapped, unwrap
from nlp.minutes import fields
from nlp.minutes.sections import Labels, Part, split_sections

# Text parts that map to one AgendaItem text field each.
_TEXT_FIELDS = {
    Part.RESUME: "resume",
    Part.CASE: "case_text",
    Part.LEGAL: "legal_basis",
    Part.ECONOMY: "economy",
    Part.COMPETENCE: "competence",
    Part.RECOMMENDATION: "recommendation_text",
}


@dataclass
class ItemSpan:
    """Where a layout parser found one agenda item."""

    number: str
    title_lines: list[Line]
    lines: list[Line]  # the whole item, title included
    body: list[Line]  # what follows the title (and any case-number lines)
    embedded: bool = False
    unlabelled: Part = Part.CASE  # what the text before the first label is (a closed item's decision)
    absent: list[Absence] = field(default_factory=list)  # members absent for the whole item

    @property
    def title(self) -> str:
        return reduce(join_wrapped, [line.text for line in self.title_lines if line.text], "").strip()


def assemble(clean: CleanText, document: Document, span: ItemSpan, labels: Labels) -> AgendaItem:
    item = AgendaItem(
        id=item_id(document.id, span.number, span.embedded),
        document_id=document.id,
        number=span.number,
        title=span.title,
        item_type=fields.item_type(span.title),
        citations=[cite(clean, span.lines), cite(clean, span.title_lines)],
        embedded=span.embedded,
    )
    for section in split_sections(span.body, labels, span.unlabelled):
        _fill(item, clean, document, section.part, section.body)
    for decision in item.decisions:
        decision.absent += [absent for absent in span.absent if absent not in decision.absent]
    return item


def _fill(item: AgendaItem, clean: CleanText, document: Document, part: Part, body: list[Line]) -> None:
    if part is Part.DECISION:
        item.decisions += fields.decisions(clean, body, document.committee, document.meeting_date)
    elif part is Part.HISTORY:
        item.decisions += fields.history_decisions(clean, body)
    elif part is Part.ATTACHMENTS:
        item.attachments += fields.attachments(body)
    elif part in _TEXT_FIELDS:
        if part is Part.RECOMMENDATION:
            item.recommendations += fields.recommendations(body)
        text = unwrap(body)
        if text:
            name = _TEXT_FIELDS[part]
            previous = getattr(item, name)
            setattr(item, name, f"{previous}\n{text}" if previous else text)
