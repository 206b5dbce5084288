"""A labelled goal sentence followed by its status, as status tables and agenda items report goals.

Danish status reports put each goal in a row of three parts, rendered one under the other:

    Resultatmål under voksenliv                        (the label: a goal word, maybe its area)
    ”Antallet af borgere på … skal falde …”            (the goal sentence, quoted or not)
    Status august 2022                                 (the status label, maybe dated)
    Der er i Greve sket et fald på 31,5 procent. …     (the status text)

The label may carry the sentence after a colon ('Målsætning: Flere ledige skal i job') and the status
its text ('Status pr. 1. juni 2023: …'). A label without a sentence before the status is a table's
column header ('Resultatmål' / 'Status'), not a goal; 'Mål N:' rows belong to labelled_status.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from maalspor.model import CleanText, Document, Goal, Origin, SourceContext, StatusObservation
from nlp.danish import MONTH_PATTERN
from nlp.goals import shared
from nlp.goals.shared import Span, make_goal, plan_year_before, sentence_from
from nlp.lines import Line

# Words that label one goal ('Resultatmål', 'Målsætning', 'Ministermål'; English 'Goal', 'Target').
_GOAL_WORDS = (
    r"(?:Resultat|Effekt|Del|Hoved|Indsats|Udviklings|Minister|Politisk\s+)?[Mm]ål(?:sætning)?|Goal|Target|Objective"
)
# The label: a goal word, an optional number, an optional area ('under voksenliv', 'for ældreområdet'),
# and optionally the sentence itself after a colon.
_LABEL = re.compile(
    rf"^(?P<word>{_GOAL_WORDS})(?:\s+(?P<number>\d{{1,2}}[a-z]?))?"
    r"(?P<area>\s+(?:under|for|på|inden\s+for|indenfor|vedr\.|vedrørende|om|i|on)\s+[^:.]{2,60})?"
    r"\s*(?::\s*(?P<sentence>.*))?$"
)
_STATUS_DATE = rf"(?:pr\.\s*)?(?:\d{{1,2}}\.\s*)?(?:{MONTH_PATTERN})\.?\s+(?P<year>(?:19|20)\d{{2}})"
# The status label: 'Status', 'Status august 2022', 'Status pr. 30. april 2019', 'Status (juni 2023):',
# 'Status 2022', then possibly its text after a colon. 'Status viser, at …' is a sentence, not a label.
_STATUS = re.compile(
    rf"^Status(?:\s+\(?(?:{_STATUS_DATE}|(?P<bare_year>(?:19|20)\d{{2}}))\)?)?\s*(?::\s*(?P<text>.*))?$", re.I
)
_QUOTES = "”“\"«»„'’"
_MIN_GOAL_WORDS = 3
_MAX_SENTENCE_LINES = 6  # lines between label and status; further apart they are not one row


@dataclass(frozen=True)
class StatusRow:
    word: str  # the goal word, lower case: 'resultatmål'
    number: str | None  # the label's own number, if any
    goal: Span
    status_index: int  # the line of the status label
    status: Span | None  # the status text, where the row gives one
    status_date: str | None  # yyyy-mm


def sentence_status_goals(clean: CleanText, lines: list[Line], document: Document) -> list[Goal]:
    """Goals of the labelled goal sentences that are followed by a status, once per wording."""
    goals: dict[str, Goal] = {}
    counts: Counter[str] = Counter()
    for row in _rows(lines):
        wording = _unquoted(row.goal.text)
        if wording.lower() in goals:
            goals[wording.lower()].citations.append(row.goal.cite(clean, lines))
            continue
        year = plan_year_before(lines, row.goal.first) or _year_of(row.status_date)
        if year is None:
            continue
        counts[row.word] += 1
        number = row.number or f"{row.word} {counts[row.word]}"
        origin = Origin.MINISTERIAL if row.word.startswith("minister") else Origin.LOCAL
        status = _observation(clean, lines, row, document)
        goals[wording.lower()] = make_goal(
            document,
            year,
            number,
            wording,
            origin,
            SourceContext.STATUS_REPORT,
            [row.goal.cite(clean, lines)],
            status=status,
        )
    return list(goals.values())


def _rows(lines: list[Line]) -> list[StatusRow]:
    rows = []
    for index, line in enumerate(lines):
        label = _LABEL.match(line.text)
        if label is None or shared.LABEL.match(line.text):
            continue
        if row := _row_at(lines, index, label):
            rows.append(row)
    return rows


def _row_at(lines: list[Line], index: int, label: re.Match[str]) -> StatusRow | None:
    """The row whose label stands at `index`: its sentence up to a status label, or None."""
    first = index if label["sentence"] else index + 1
    parts = [label["sentence"]] if label["sentence"] else []
    cursor = index + 1
    while cursor < len(lines) and cursor - index <= _MAX_SENTENCE_LINES:
        text = lines[cursor].text
        status = _STATUS.match(text)
        if status:
            goal = " ".join(" ".join(parts).split())
            if len(goal.split()) < _MIN_GOAL_WORDS:
                return None
            word = re.sub(r"\s+", " ", label["word"].lower())
            span = Span(first, cursor - 1, goal)
            return StatusRow(word, label["number"], span, cursor, *_status_of(lines, cursor, status))
        if _LABEL.match(text) or shared.LABEL.match(text):
            return None
        parts.append(text)
        cursor += 1
    return None


def _status_of(lines: list[Line], index: int, status: re.Match[str]) -> tuple[Span | None, str | None]:
    """The status text (on the status label's line after a colon, or the paragraph under it) and date."""
    date = _status_date(status)
    if status["text"]:
        return sentence_from(lines, index, status["text"]), date
    following = next((i for i in range(index + 1, min(len(lines), index + 3)) if not lines[i].blank), None)
    if following is None or _LABEL.match(lines[following].text) or _STATUS.match(lines[following].text):
        return None, date
    return sentence_from(lines, following, lines[following].text), date


def _status_date(status: re.Match[str]) -> str | None:
    """'Status august 2022' / 'Status pr. 30. april 2019' -> yyyy-mm; 'Status 2022' -> the year."""
    if month := shared.DATE_TOKEN.search(status.group(0)):
        return shared.status_date(month)
    return status["bare_year"]


def _year_of(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _unquoted(text: str) -> str:
    """'”Minimum 20 procent … juni 2022”.' -> 'Minimum 20 procent … juni 2022'."""
    return text.strip().rstrip(".").strip(_QUOTES).rstrip(".").strip()


def _observation(clean: CleanText, lines: list[Line], row: StatusRow, document: Document) -> list[StatusObservation]:
    """The row's status as reported: its text and date (the figures stay in the text: a status sentence
    names several, and which one measures the goal is the reader's call); a bare 'Status' reports none."""
    if row.status is None and row.status_date is None:
        return []
    span = row.status or Span(row.status_index, row.status_index, lines[row.status_index].text)
    return [
        StatusObservation(
            text=span.text,
            date=row.status_date,
            value=None,
            unit=None,
            persons=None,
            document_id=document.id,
            citations=[span.cite(clean, lines)],
        )
    ]
