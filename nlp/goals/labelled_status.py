"""Labelled status tables of a status report: 'Mål 1: <wording>', then its cells '-4% Mar 2019 1,1% 38'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from maalspor.model import CleanText, Document, Goal, Origin, SourceContext, StatusObservation
from nlp.danish import MONTH_PATTERN, parse_number
from nlp.goals import shared
from nlp.goals.shared import Label, Span, make_goal, pct, plan_year_before, status_date
from nlp.lines import Line
from nlp.targets import parse_target

# A status-table cell: percentage, count, dash, month name, year or 'mar-19'.
_CELL = re.compile(rf"^(?:{shared.PCT}|{shared.COUNT}|-|\*|(?:{MONTH_PATTERN})\.?|(?:{MONTH_PATTERN})-\d{{2}})$", re.I)
_MINISTER_ANNOUNCED = re.compile(r"minist\w*\b[^.]*\budmeldt|udmeldt\b[^.]*\bminist", re.I)
_NO_LONGER = re.compile(r"\b(?:oprindelig|udfaset)\b", re.I)


@dataclass
class LabelledRow:
    label: Label
    wording: Span
    values: Span | None


def labelled_status_goals(clean: CleanText, lines: list[Line], labels: list[Label], document: Document) -> list[Goal]:
    rows = [row for label in labels if (row := _labelled_row(lines, label)) and row.values is not None]
    if not rows:
        return []
    first_rows: dict[str, LabelledRow] = {}
    for row in rows:
        first_rows.setdefault(row.label.number, row)
    # Goals listed without any status value (no measure yet) still belong to the table.
    table = _table_lines(rows)
    for label in labels:
        if label.number not in first_rows and label.index in table:
            first_rows[label.number] = _labelled_row(lines, label)
    year = plan_year_before(lines, min(row.label.index for row in rows))
    if year is None:
        return []
    goals = []
    for number, row in sorted(first_rows.items(), key=lambda item: item[1].label.index):
        occurrences = [label for label in labels if label.number == number and _same_wording(label, row)]
        citations = [row.wording.cite(clean, lines)] + [
            clean.cite(label.line.start, label.line.end) for label in occurrences if label.index != row.label.index
        ]
        status = _labelled_status(clean, lines, row, document)
        origin = Origin.MINISTERIAL if _announced_by_minister(lines, labels, occurrences) else Origin.LOCAL
        target = None if number.startswith("følgemål") else parse_target(row.wording.text)
        goals.append(
            make_goal(
                document, year, number, row.wording.text, origin, SourceContext.STATUS_REPORT, citations, target, status
            )
        )
    return goals


def _labelled_row(lines: list[Line], label: Label) -> LabelledRow:
    """The label's wording (up to a blank line or the value cells) and the value cells after it."""
    parts, last, cursor = [label.rest], label.index, label.index + 1
    while (
        cursor < len(lines)
        and not lines[cursor].blank
        and not _starts_values(lines[cursor])
        and not shared.LABEL.match(lines[cursor].text)
    ):
        parts.append(lines[cursor].text.strip())
        last, cursor = cursor, cursor + 1
    wording = " ".join(" ".join(parts).split())
    wording = re.sub(r"\s+-$", "", wording)  # '... fejludbetalinger -': the empty status cell
    while cursor < len(lines) and lines[cursor].blank and cursor - last <= 3:
        cursor += 1
    value_first = cursor
    while (
        cursor < len(lines)
        and not lines[cursor].blank
        and (_starts_values(lines[cursor]) if cursor == value_first else _is_value_line(lines[cursor]))
    ):
        cursor += 1
    # The cells may wrap over blank lines ('-4% Mar' / '2019' / '' / '1,1% 38').
    values_end = cursor
    while values_end < len(lines):
        probe = values_end
        while probe < len(lines) and lines[probe].blank and probe - values_end < 3:
            probe += 1
        if probe < len(lines) and _is_value_line(lines[probe]) and value_first < values_end:
            values_end = probe + 1
            continue
        break
    values = None
    if values_end > value_first:
        text = " ".join(line.text.strip() for line in lines[value_first:values_end] if not line.blank)
        values = Span(value_first, values_end - 1, " ".join(text.split()))
    return LabelledRow(label, Span(label.index, last, wording), values)


def _is_value_line(line: Line) -> bool:
    tokens = line.text.split()
    return bool(tokens) and all(_CELL.match(token) for token in tokens)


def _starts_values(line: Line) -> bool:
    """The first line of a row's cells: cells only, and a percentage or an empty cell '-' among them
    (a wrapped wording line like 'oktober 2019' is cells-only too, but has neither)."""
    tokens = line.text.split()
    return _is_value_line(line) and (tokens[0] == "-" or any(shared.PCT_TOKEN.fullmatch(token) for token in tokens))


def _table_lines(rows: list[LabelledRow]) -> range:
    """The lines of the table: after its first row's label up to 20 lines past its last row's label
    (found once: the last row looked up for every label made long texts parse in quadratic time)."""
    return range(rows[0].label.index + 1, max(row.label.index for row in rows) + 20)


def _same_wording(label: Label, row: LabelledRow) -> bool:
    shorter, longer = sorted((label.rest, row.wording.text), key=len)
    return fuzz.partial_ratio(shorter.lower(), longer.lower()) >= shared.FUZZY_SAME


def _labelled_status(
    clean: CleanText, lines: list[Line], row: LabelledRow, document: Document
) -> list[StatusObservation]:
    """Columns: target, month, status % and count (fuldtidspersoner); '-' marks an empty cell."""
    if row.values is None:
        return []
    text = row.values.text
    date_match = shared.DATE_TOKEN.search(text)
    if date_match is None:
        return []
    after = text[date_match.end() :].split()
    value = next((pct(token) for token in after if shared.PCT_TOKEN.fullmatch(token)), None)
    counts = [token for token in after if re.fullmatch(shared.COUNT, token)]
    persons = parse_number(counts[0]) if counts else None
    if value is None and persons is None:
        return []
    return [
        StatusObservation(
            text=text,
            date=status_date(date_match),
            value=value,
            unit="pct" if value is not None else None,
            persons=persons,
            document_id=document.id,
            citations=[row.values.cite(clean, lines)],
        )
    ]


def _announced_by_minister(lines: list[Line], labels: list[Label], occurrences: list[Label]) -> bool:
    """True when the text after one of the goal's labels says the minister announced it, and does
    not say the minister's goal was phased out ('oprindelig udmeldt af Ministeren ... udfaset')."""
    label_indexes = sorted(label.index for label in labels)
    for occurrence in occurrences:
        following = [i for i in label_indexes if i > occurrence.index]
        end = following[0] if following else len(lines)
        comment = " ".join(line.text.strip() for line in lines[occurrence.index + 1 : end])
        if _MINISTER_ANNOUNCED.search(comment) and not _NO_LONGER.search(comment):
            return True
    return False
