"""Split an agenda item's body into labelled sections ("Resumé", "Indstilling", "Beslutning" ...)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from nlp.decisions import decision_header
from nlp.lines import Line


class Part(StrEnum):
    """What a labelled section holds; each maps to AgendaItem fields."""

    RESUME = "resume"
    RECOMMENDATION = "recommendation"
    CASE = "case"
    LEGAL = "legal"
    ECONOMY = "economy"
    COMPETENCE = "competence"
    DECISION = "decision"
    ATTACHMENTS = "attachments"
    HISTORY = "history"  # 'Sagens forløb', 'Tidligere behandling': earlier decisions on the case
    OTHER = "other"  # a label the item model has no field for ("Sagsforløb", "Tidsplan")


@dataclass(frozen=True)
class Labels:
    """A layout's section labels: exact label texts and label prefixes, lower-case, no colon."""

    exact: dict[str, Part]
    prefixes: dict[str, Part] = field(default_factory=dict)

    def part_of(self, line: Line) -> Part | None:
        key = line.text.rstrip(":").strip().lower()
        if key in self.exact:
            return self.exact[key]
        return next((part for prefix, part in self.prefixes.items() if key.startswith(prefix)), None)


@dataclass
class Section:
    part: Part
    label: Line | None  # None for the text before the first label
    body: list[Line]


def split_sections(lines: list[Line], labels: Labels, first: Part = Part.CASE) -> list[Section]:
    """Sections in order. A decision header ('Beslutning i Byrådet den 3. maj 2021: Godkendt',
    'Økonomiudvalget, den 7. maj 2020') opens a decision section and keeps its line: it names the
    body and date and may carry the decision's text. `first` is the part of the text before any label."""
    sections = [Section(first, None, [])]
    for line in lines:
        part = labels.part_of(line) if line.text else None
        if part is not None and not _attachment_title(sections, part):
            sections.append(Section(part, line, []))
        elif part is None and line.text and decision_header(line.text):
            sections.append(Section(Part.DECISION, None, [line]))
        else:
            sections[-1].body.append(line)
    return [section for section in sections if section.label or any(line.text for line in section.body)]


def _attachment_title(sections: list[Section], part: Part) -> bool:
    """Whether a label line inside an attachment list names an attachment ('Indstilling'): an item
    has each field once, so a field it already had does not open again after its attachments."""
    if sections[-1].part is not Part.ATTACHMENTS or part in (Part.DECISION, Part.ATTACHMENTS, Part.HISTORY, Part.OTHER):
        return False
    return any(section.part is part and section.label for section in sections[:-1])
