"""The cases planned for coming meetings, from the minutes' own list of them ('Kommende sager', 'Sager på vej').

Many committees get, at every meeting, an item listing the cases the administration plans to bring next. What
was planned at a time is the latest such list issued by then: the list of the meeting on (or last before) the day
or month the question names, else the latest list the material holds, per body. Each list is quoted case by case
and cited from the sentence that introduces it to its last case.
"""

from __future__ import annotations

import re

from answer.material import Material
from answer.phrasing import Answer, Statement
from answer.phrasing_meetings import coming_cases_line
from answer.question import Question
from maalspor.model import AgendaItem, Citation, SourceLine
from nlp.danish import is_bulleted, strip_bullet
from nlp.minutes.conventions import COMING_CASES

# A list of cases written as numbered lines instead of bullets: '1. Anden anslået regnskab', '2) Status på …'.
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")


def answer_coming(question: Question, material: Material) -> Answer | None:
    """The cases planned in the latest list of coming cases per body (up to the named meeting); None when the
    material in scope holds no such list."""
    lists = _latest_per_body(question, material, _coming_lists(question, material))
    statements = [statement for item in lists if (statement := _list_statement(question, item, material))]
    return Answer(question, statements) if statements else None


def _coming_lists(question: Question, material: Material) -> list[AgendaItem]:
    """The items listing coming cases in scope, up to the day or month the question names, of the bodies it names
    (all when it names none of theirs)."""
    edge = question.date or question.month
    lists = [
        item
        for item in material.items
        if not item.embedded
        and COMING_CASES.fullmatch(item.title.strip())
        and material.in_scope(question, item.document_id)
        and _held_by(_meeting_date(item, material), edge, question.years)
    ]
    of_named = [i for i in lists if material.names_body(question, material.documents[i.document_id].committee)]
    return of_named or lists


def _held_by(date: str, edge: str | None, years: tuple[int, ...]) -> bool:
    """A list issued on or before the named day or month (its own days included), else in a named year."""
    if edge:
        return bool(date) and date[: len(edge)] <= edge
    return not years or int(date[:4] or 0) in years


def _latest_per_body(question: Question, material: Material, lists: list[AgendaItem]) -> list[AgendaItem]:
    latest: dict[str, AgendaItem] = {}
    for item in sorted(lists, key=lambda i: _meeting_date(i, material)):
        latest[material.documents[item.document_id].committee or ""] = item
    return sorted(latest.values(), key=lambda i: _meeting_date(i, material))


def _meeting_date(item: AgendaItem, material: Material) -> str:
    return material.documents[item.document_id].meeting_date or ""


def _list_statement(question: Question, item: AgendaItem, material: Material) -> Statement | None:
    """The list's cases quoted, cited from its introducing sentence to its last case."""
    lines = _case_lines(item, material)
    if not lines:
        return None
    document = material.documents[item.document_id]
    cases = [strip_bullet(_NUMBERED.sub("", line.text)) for line in lines]
    text = coming_cases_line(question, document.committee, document.meeting_date, item.number, item.title, cases)
    return Statement(text, _list_citations(item, material, lines))


def _case_lines(item: AgendaItem, material: Material) -> list[SourceLine]:
    """The item's list lines (bulleted or numbered) that belong to its case text, not to its attachments."""
    if not item.citations or not item.case_text:
        return []
    case_text = " ".join(item.case_text.split())
    return [
        line
        for line in material.quoter.cited_lines(item.citations[0])
        if (is_bulleted(line.text) or _NUMBERED.match(line.text))
        and (text := " ".join(strip_bullet(line.text).split()))
        and text in case_text
    ]


def _list_citations(item: AgendaItem, material: Material, lines: list[SourceLine]) -> list[Citation]:
    """One citation per page the list runs over; the first from the line introducing it ('Følgende sager er
    planlagt til det kommende møde:')."""
    source = item.citations[0].source_file
    first = _introduction(item, material, lines[0]) or lines[0]
    pages: dict[int | None, list[int]] = {}
    for line in (first, *lines):
        pages.setdefault(line.page, []).append(line.line)
    return [Citation(source, page, min(numbers), max(numbers)) for page, numbers in pages.items()]


def _introduction(item: AgendaItem, material: Material, first_case: SourceLine) -> SourceLine | None:
    """The last text line before the list's first case, when it introduces a list (ends with a colon)."""
    before = [
        line
        for line in material.quoter.cited_lines(item.citations[0])
        if line.page == first_case.page and line.line < first_case.line and line.text.strip()
    ]
    return before[-1] if before and before[-1].text.rstrip().endswith(":") else None
