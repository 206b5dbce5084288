"""A draft plan attached to an item: 'Mål for 2015' sections with 'Mål N: <wording>' and the minister's
goal ('Ministerens udmelding på området: ...'), each listed once more up front."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from maalspor.model import CleanText, Document, Goal, Origin, SourceContext
from nlp.danish import strip_bullet
from nlp.goals.shared import FUZZY_SAME, Label, Span, make_goal, sentence_from
from nlp.lines import Line

_GOALS_FOR_YEAR = re.compile(r"^\s*Mål for (?P<year>(?:19|20)\d{2})\s*$")
_MINISTER_HEADING = re.compile(r"^\s*Ministerens udmelding på området\s*:?\s*$")
_FUZZY_RELATED = 70


def plan_attachment_goals(clean: CleanText, lines: list[Line], labels: list[Label], document: Document) -> list[Goal]:
    goals: list[Goal] = []
    seen: set[str] = set()
    years = _years_in_effect(lines)
    numbered = _lines_by_number(lines)
    for label in labels:
        year = years[label.index]
        if year is None or label.number in seen:
            continue
        seen.add(label.number)
        sentence = sentence_from(lines, label.index, label.rest)
        citations = [sentence.cite(clean, lines)]
        if listed := _listed_elsewhere(lines, numbered.get(label.number, []), label, sentence.text):
            citations.append(listed.cite(clean, lines))
        goals.append(
            make_goal(
                document, year, label.number, sentence.text, Origin.LOCAL, SourceContext.PLAN_ATTACHMENT, citations
            )
        )
    goals += _minister_goals(clean, lines, document)
    return goals


def _years_in_effect(lines: list[Line]) -> list[int | None]:
    """For each line, the year of the last 'Mål for YYYY' heading above it, in one pass (looking back
    from every label made parsing quadratic in the text's length)."""
    years: list[int | None] = []
    year = None
    for line in lines:
        years.append(year)
        if match := _GOALS_FOR_YEAR.match(line.text):
            year = int(match.group("year"))
    return years


def _lines_by_number(lines: list[Line]) -> dict[str, list[int]]:
    """Indices of the lines that open with 'N.', by N (the text before the first dot), found in one pass
    so that looking up each goal's listing is not another pass over the whole text."""
    numbered: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        number, dot, _ = line.text.lstrip().partition(".")
        if dot:
            numbered.setdefault(number, []).append(index)
    return numbered


def _listed_elsewhere(lines: list[Line], candidates: list[int], label: Label, wording: str) -> Span | None:
    """The same goal in the plan's up-front list: 'N. <wording>' or 'Na. <wording>' (`candidates`: the
    lines opening with the label's number and a dot).

    The list words some goals differently ('skal falde mindst X pct.' against 'skal begrænses
    til X personer'), so a looser match is enough once the number agrees."""
    pattern = re.compile(rf"^\s*{re.escape(label.number)}\.\s+(?P<rest>\S.*)$")
    best: tuple[float, Span] | None = None
    for index in candidates:
        match = pattern.match(lines[index].text)
        if not match:
            continue
        span = sentence_from(lines, index, match.group("rest"))
        score = fuzz.token_set_ratio(span.text.lower(), wording.lower())
        if score >= _FUZZY_RELATED and (best is None or score > best[0]):
            best = (score, span)
    return best[1] if best else None


def _minister_goals(clean: CleanText, lines: list[Line], document: Document) -> list[Goal]:
    """'Ministerens udmelding på området:' followed by the national goal, once per focus area."""
    goals: list[Goal] = []
    years = _years_in_effect(lines)
    for index, line in enumerate(lines):
        year = years[index] if _MINISTER_HEADING.match(line.text) else None
        if year is None:
            continue
        first = next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)
        if first is None:
            continue
        sentence = sentence_from(lines, first, lines[first].text)
        number = f"ministermål {len(goals) + 1}"
        citations = [sentence.cite(clean, lines)]
        if bullet := _national_bullet(lines, sentence.text):
            citations.append(bullet.cite(clean, lines))
        goals.append(
            make_goal(
                document,
                year,
                number,
                sentence.text.rstrip(". "),
                Origin.MINISTERIAL,
                SourceContext.PLAN_ATTACHMENT,
                citations,
            )
        )
    return goals


def _national_bullet(lines: list[Line], wording: str) -> Span | None:
    for index, line in enumerate(lines):
        if line.text.lstrip().startswith("•"):
            span = sentence_from(lines, index, strip_bullet(line.text))
            if fuzz.ratio(span.text.rstrip(". ").lower(), wording.rstrip(". ").lower()) >= FUZZY_SAME:
                return span
    return None
