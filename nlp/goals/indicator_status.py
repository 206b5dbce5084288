"""Unlabelled status tables: an indicator name, its description and cells ('-22% jun-14 -39,7% ...').

The goal numbers stand only in chart captions after the table ('Mål 2a: ...') and the targets in the
item's case text ('Førtidspension: Mål om ... Status er ...').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from maalspor.model import Citation, CleanText, Document, Goal, Origin, SourceContext, StatusObservation, Target
from nlp.danish import parse_number, slugify
from nlp.goals import shared
from nlp.goals.shared import Label, make_goal, pct, plan_year_before, status_date
from nlp.lines import Line
from nlp.targets import equivalent_persons, parse_target

_TABLE_HEADER = re.compile(r"^\s*Mål\s+(?:Klyngen|Måned)\b")
_VALUE_AFTER_DATE = re.compile(rf"^\s*(?P<value>{shared.PCT}|-)(?!\d)")
_SUMMARY_LABEL = re.compile(r"(?P<label>[A-ZÆØÅ][\wæøå ]{2,50}?):\s*(?=Mål om\b)")
_TABLE_SPAN = 80


@dataclass
class IndicatorRow:
    name: str
    first: int
    last: int
    lines: list[str] = field(default_factory=list)

    @property
    def description(self) -> str:
        return " ".join(" ".join(self.lines).split())


def unlabelled_status_goals(clean: CleanText, lines: list[Line], labels: list[Label], document: Document) -> list[Goal]:
    goals: list[Goal] = []
    for index, line in enumerate(lines):
        if not _TABLE_HEADER.match(line.text) or _has_labelled_rows(lines, index):
            continue
        year = plan_year_before(lines, index)
        rows, table_end = _indicator_rows(lines, index + 1)
        if year is None or not rows:
            continue
        captions = [label for label in labels if table_end < label.index <= table_end + 40]
        numbers = _numbers_from_captions(rows, captions)
        summary = _summary_segments(clean.text[: lines[index].start])
        ministerial_mentions = [
            sentence.lower()
            for sentence in re.split(r"(?<=\.)\s+", clean.text[: lines[index].start])
            if "ministermål" in sentence.lower()
        ]
        for row in rows:
            goals.append(_indicator_goal(clean, lines, document, year, row, numbers, summary, ministerial_mentions))
    return goals


def _has_labelled_rows(lines: list[Line], header: int) -> bool:
    """A table whose first rows carry 'Mål N:' labels (possibly under a group heading) is labelled."""
    first_rows = [
        line for line in lines[header + 1 : header + 30] if not line.blank and not _is_header_continuation(line)
    ][:4]
    return any(shared.LABEL.match(line.text) for line in first_rows)


def _is_header_continuation(line: Line) -> bool:
    # The header's columns wrap: 'Øst-' / 'danmark' / 'Hele' / 'landet' / '% Antal'.
    return len(line.text.strip()) <= 12 and not any(char.isdigit() for char in line.text.replace("%", ""))


def _indicator_rows(lines: list[Line], start: int) -> tuple[list[IndicatorRow], int]:
    """Rows of an unlabelled table: a name line (after a blank line, no digits), then its cells.

    The table ends at its 'Note:' line, at a labelled line, or after _TABLE_SPAN lines.
    """
    rows: list[IndicatorRow] = []
    index = start
    while index < min(len(lines), start + _TABLE_SPAN):
        line = lines[index]
        text = line.text.strip()
        if text.startswith("Note") or shared.LABEL.match(line.text):
            break
        after_blank = index > 0 and lines[index - 1].blank
        if not rows and _is_header_continuation(line):
            pass  # the header's wrapped column names
        elif text and after_blank and not re.search(r"\d", text):
            rows.append(IndicatorRow(text, index, index))
        elif text and rows:
            rows[-1].lines.append(text)
            rows[-1].last = index
        index += 1
    # A row reports cells: a percentage or a run of empty cells ('- - - -').
    with_cells = [
        row
        for row in rows
        if any(shared.PCT_TOKEN.search(line) or re.search(r"(?:^|\s)-\s+-", line) for line in row.lines)
    ]
    return with_cells, index


def _numbers_from_captions(rows: list[IndicatorRow], captions: list[Label]) -> dict[str, str]:
    """Row name -> goal number, taken from chart captions like 'Mål 2a: Udviklingen i antallet af ...'."""
    numbers: dict[str, str] = {}
    for caption in captions:
        scored = [
            (fuzz.token_set_ratio(caption.rest.lower(), row.description.lower()), row.name)
            for row in rows
            if row.name not in numbers
        ]
        if scored and (best := max(scored))[0] >= shared.FUZZY_SAME:
            numbers[best[1]] = caption.number
    return numbers


@dataclass(frozen=True)
class SummarySegment:
    label: str
    goal: str
    status: str
    start: int
    end: int


def _summary_segments(text: str) -> list[SummarySegment]:
    """'Førtidspension: Mål om ... Status er ...' passages of an item's case text."""
    matches = list(_SUMMARY_LABEL.finditer(text))
    segments = []
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else _paragraph_end(text, match.end())
        body = " ".join(text[match.end() : end].split())
        goal, _, status = body.partition(" Status ")
        segments.append(
            SummarySegment(
                match.group("label").strip(), goal.rstrip(". "), f"Status {status}".strip(), match.start(), end
            )
        )
    return segments


def _paragraph_end(text: str, start: int) -> int:
    blank = re.compile(r"\n\s*\n").search(text, start)
    return blank.start() if blank else len(text)


def _indicator_goal(
    clean: CleanText,
    lines: list[Line],
    document: Document,
    year: int,
    row: IndicatorRow,
    numbers: dict[str, str],
    summary: list[SummarySegment],
    ministerial_mentions: list[str],
) -> Goal:
    cells = _cells_of(row)
    segment = _best_segment(row.name, summary)
    number = numbers.get(row.name) or slugify(row.name)
    # The summary sentence names its indicator only in the label before it ('Førtidspension: Mål om ...').
    wording = f"{row.name}: {segment.goal}" if segment else f"{row.name}: {_without_cells(row.description)}"
    target = parse_target(segment.goal) if segment else _target_from_cell(cells[0])
    citations = [clean.cite(lines[row.first].start, lines[row.last].end)]
    if segment:
        citations.append(clean.cite(segment.start, segment.end))
    status = _indicator_status(cells, segment, document, citations[:1])
    ministerial = _is_ministerial(row, number, numbers, ministerial_mentions)
    origin = Origin.MINISTERIAL if ministerial else Origin.LOCAL
    return make_goal(
        document,
        year,
        number,
        wording,
        origin,
        SourceContext.STATUS_REPORT,
        citations,
        target,
        status,
        group_text=f"{row.name} {row.description}",
    )


def _is_ministerial(row: IndicatorRow, number: str, numbers: dict[str, str], mentions: list[str]) -> bool:
    """The case text calls the row's indicator a 'ministermål', or the captions letter the local goals
    ('2a', '2b') and number the minister's plainly ('1')."""
    lettered = any(re.fullmatch(r"\d+[a-z]", n) for n in numbers.values())
    named_ministerial = any(row.name.lower() in mention for mention in mentions)
    return named_ministerial or (lettered and re.fullmatch(r"\d+", number) is not None)


def _indicator_status(
    cells: tuple[str | None, str | None, float | None, str],
    segment: SummarySegment | None,
    document: Document,
    citations: list[Citation],
) -> list[StatusObservation]:
    """The row's status cell; the persons it stands for come from the case text's 'Status ...' sentence."""
    _, date, value, text = cells
    if value is None or date is None:
        return []
    persons = equivalent_persons(segment.status) if segment else None
    return [
        StatusObservation(
            text=text,
            date=date,
            value=value,
            unit="pct",
            persons=persons,
            document_id=document.id,
            citations=citations,
        )
    ]


def _cells_of(row: IndicatorRow) -> tuple[str | None, str | None, float | None, str]:
    """(target cell, status date, status %, the cells' text) from the row's value line.

    A row that splits into sub-rows ('Kontanthjælp (jobklar)', 'A-dagpenge', 'I alt') reports
    its goal on the 'I alt' line. The status date is the last date followed by a value; earlier
    dates belong to the description ('ift. Dec-12').
    """
    total = next((line for line in row.lines if line.lower().startswith("i alt")), None)
    text = total or " ".join(row.lines)
    dated = [
        (m, after) for m in shared.DATE_TOKEN.finditer(text) if (after := _VALUE_AFTER_DATE.match(text[m.end() :]))
    ]
    if not dated:
        return None, None, None, text
    date, value_match = dated[-1]
    before = shared.PCT_TOKEN.findall(text[: date.start()])
    value = value_match.group("value")
    return (before[-1] if before else None), status_date(date), pct(value), text[date.start() :].strip()


def _without_cells(description: str) -> str:
    """'Samarbejdsgraden ... - år til dato 27% jan-dec 13 - - - -' -> 'Samarbejdsgraden ... - år til dato'."""
    cells = re.search(rf"\s(?:{shared.PCT}|-\s+-)", description)
    return (description[: cells.start()] if cells else description).strip(" -")


def _target_from_cell(cell: str | None) -> Target | None:
    value = parse_number(cell) if cell else None
    if cell is None or value is None:
        return None
    direction = "fald" if value < 0 else "niveau"
    return Target(text=cell, direction=direction, value=abs(value), unit="pct")


def _best_segment(name: str, summary: list[SummarySegment]) -> SummarySegment | None:
    scored = [(fuzz.partial_ratio(segment.label.lower(), name.lower()), segment) for segment in summary]
    scored = [(score, segment) for score, segment in scored if score >= shared.FUZZY_SAME]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None
