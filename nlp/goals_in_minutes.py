"""Goals of employment plans that appear inside committee minutes.

Three shapes occur:
  * labelled status tables ('Mål 1: <wording>' then '-4% Mar 2019 1,1% 38'): a status report;
  * unlabelled status tables (indicator name, description, '-22% jun-14 -39,7% ...'), with the
    goal numbers only in chart captions ('Mål 2a: ...') and targets in the item's summary;
  * a draft plan attached to an item: 'Mål for 2015' sections with 'Mål N: <wording>' and the
    minister's goal ('Ministerens udmelding på området: ...'), listed once more up front.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from maalspor.model import (
    Citation,
    CleanText,
    Document,
    Goal,
    Origin,
    SourceContext,
    StatusObservation,
    Target,
)
from nlp.danish import MONTH_PATTERN, MONTHS, PLAN_MENTION, ends_mid_sentence, parse_number, slugify, strip_bullet
from nlp.ids import goal_id
from nlp.lines import Line, text_lines
from nlp.targets import equivalent_persons, parse_period, parse_target, target_group

_LABEL = re.compile(r"^\s*(?:Mål\s+(?P<number>\d{1,2}[a-z]?)|Følgemål\s+(?P<letter>[a-z]))\s*:\s*(?P<rest>.*?)\s*$")
_GOALS_FOR_YEAR = re.compile(r"^\s*Mål for (?P<year>(?:19|20)\d{2})\s*$")
_MINISTER_HEADING = re.compile(r"^\s*Ministerens udmelding på området\s*:?\s*$")
_TABLE_HEADER = re.compile(r"^\s*Mål\s+(?:Klyngen|Måned)\b")
_PCT = r"[-+]?\d+(?:,\d+)?%"
_COUNT = r"[-+]?\d{1,3}(?:\.\d{3})+|[-+]?\d+"
# A status-table cell: percentage, count, dash, month name, year or 'mar-19'.
_CELL = re.compile(rf"^(?:{_PCT}|{_COUNT}|-|\*|(?:{MONTH_PATTERN})\.?|(?:{MONTH_PATTERN})-\d{{2}})$", re.I)
_DATE_TOKEN = re.compile(
    rf"(?P<quarter>\dkv\d{{2}}\s*-\s*(?P<q>\d)kv(?P<qy>\d{{2}}))"
    rf"|(?P<range>(?:{MONTH_PATTERN})-(?P<rm>{MONTH_PATTERN})\s+(?P<ry>\d{{2}}))"
    rf"|(?P<monyy>\b(?P<m>{MONTH_PATTERN})-(?P<y>\d{{2}})\b)"
    rf"|(?P<monyear>\b(?P<m4>{MONTH_PATTERN})\.?\s+(?P<y4>\d{{4}})\b)",
    re.I,
)
_VALUE_AFTER_DATE = re.compile(rf"^\s*(?P<value>{_PCT}|-)(?!\d)")
_PCT_TOKEN = re.compile(_PCT)
_SUMMARY_LABEL = re.compile(r"(?P<label>[A-ZÆØÅ][\wæøå ]{2,50}?):\s*(?=Mål om\b)")
_MINISTER_ANNOUNCED = re.compile(r"minist\w*\b[^.]*\budmeldt|udmeldt\b[^.]*\bminist", re.I)
_NO_LONGER = re.compile(r"\b(?:oprindelig|udfaset)\b", re.I)
_FUZZY_SAME = 85
_FUZZY_RELATED = 70
_TABLE_SPAN = 80


def extract_goals_from_minutes(clean: CleanText, document: Document) -> list[Goal]:
    lines = text_lines(clean)
    labels = [Label.at(index, line) for index, line in enumerate(lines) if _LABEL.match(line.text)]
    goals = _labelled_status_goals(clean, lines, labels, document)
    goals += _unlabelled_status_goals(clean, lines, labels, document)
    goals += _plan_attachment_goals(clean, lines, labels, document)
    return goals


# ---------------------------------------------------------------- shared pieces


@dataclass(frozen=True)
class Label:
    index: int
    line: Line
    number: str  # '1', '2a', 'følgemål a'

    @staticmethod
    def at(index: int, line: Line) -> Label:
        match = _LABEL.match(line.text)
        number = match.group("number") or f"følgemål {match.group('letter')}"
        return Label(index, line, number)

    @property
    def rest(self) -> str:
        return _LABEL.match(self.line.text).group("rest")


@dataclass
class Span:
    """Consecutive lines [first, last] of the clean text, and their joined content."""

    first: int
    last: int
    text: str

    def cite(self, clean: CleanText, lines: list[Line]) -> Citation:
        return clean.cite(lines[self.first].start, lines[self.last].end)


def _sentence_from(lines: list[Line], index: int, opening: str) -> Span:
    """A sentence that starts at `index`, continued over wrapped lines (also across a blank line
    the converter inserted) while the next text line starts in lower case or the text so far
    stops mid-sentence ('... svarende til et fald på' / 'X personer og X')."""
    parts, last = [opening.strip()], index
    cursor = index + 1
    while cursor < len(lines) and not _ends_sentence(parts[-1]):
        while cursor < len(lines) and lines[cursor].blank and cursor - last <= 2:
            cursor += 1
        if (
            cursor >= len(lines)
            or lines[cursor].blank
            or _LABEL.match(lines[cursor].text)
            or not (lines[cursor].text.strip()[:1].islower() or ends_mid_sentence(parts[-1]))
        ):
            break
        parts.append(lines[cursor].text.strip())
        last = cursor
        cursor += 1
    return Span(index, last, " ".join(" ".join(parts).split()))


def _ends_sentence(text: str) -> bool:
    # 'pct.' and 'dec.' are abbreviations, not the end of the sentence.
    return text.endswith(".") and not re.search(r"\b(?:pct|dec|min|ca|jf|nr)\.$", text, re.I)


def _plan_year_before(lines: list[Line], index: int) -> int | None:
    for line in reversed(lines[:index]):
        if match := PLAN_MENTION.search(line.text):
            return int(match.group("year"))
    return None


def _make_goal(
    document: Document,
    year: int,
    number: str,
    wording: str,
    origin: Origin,
    context: SourceContext,
    citations: list[Citation],
    target: Target | None = None,
    status: list[StatusObservation] | None = None,
    group_text: str | None = None,
) -> Goal:
    return Goal(
        id=goal_id(document.id, year, number),
        document_id=document.id,
        plan_year=year,
        number=number,
        wording=wording,
        origin=origin,
        target=target if target is not None else parse_target(wording),
        target_group=target_group(group_text or wording),
        period=parse_period(wording),
        status=status or [],
        citations=citations,
        source_context=context,
    )


def _status_date(match: re.Match[str]) -> str:
    if match.group("quarter"):
        return f"20{match.group('qy')}-{int(match.group('q')) * 3:02d}"  # a quarter ends in its third month
    if match.group("range"):
        return f"20{match.group('ry')}-{MONTHS[match.group('rm').lower()]:02d}"
    if match.group("monyy"):
        return f"20{match.group('y')}-{MONTHS[match.group('m').lower()]:02d}"
    return f"{match.group('y4')}-{MONTHS[match.group('m4').lower()]:02d}"


def _pct(token: str) -> float | None:
    return parse_number(token) if token and token != "-" else None


# ---------------------------------------------------------------- labelled status tables


@dataclass
class LabelledRow:
    label: Label
    wording: Span
    values: Span | None


def _labelled_status_goals(clean: CleanText, lines: list[Line], labels: list[Label], document: Document) -> list[Goal]:
    rows = [row for label in labels if (row := _labelled_row(lines, label)) and row.values is not None]
    if not rows:
        return []
    first_rows: dict[str, LabelledRow] = {}
    for row in rows:
        first_rows.setdefault(row.label.number, row)
    # Goals listed without any status value (no measure yet) still belong to the table.
    for label in labels:
        if label.number not in first_rows and _within_table(label, rows):
            first_rows[label.number] = _labelled_row(lines, label)
    year = _plan_year_before(lines, min(row.label.index for row in rows))
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
            _make_goal(
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
        and not _LABEL.match(lines[cursor].text)
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
    return _is_value_line(line) and (tokens[0] == "-" or any(_PCT_TOKEN.fullmatch(token) for token in tokens))


def _within_table(label: Label, rows: list[LabelledRow]) -> bool:
    return rows[0].label.index < label.index < max(row.label.index for row in rows) + 20


def _same_wording(label: Label, row: LabelledRow) -> bool:
    shorter, longer = sorted((label.rest, row.wording.text), key=len)
    return fuzz.partial_ratio(shorter.lower(), longer.lower()) >= _FUZZY_SAME


def _labelled_status(
    clean: CleanText, lines: list[Line], row: LabelledRow, document: Document
) -> list[StatusObservation]:
    """Columns: target, month, status % and count (fuldtidspersoner); '-' marks an empty cell."""
    if row.values is None:
        return []
    text = row.values.text
    date_match = _DATE_TOKEN.search(text)
    if date_match is None:
        return []
    after = text[date_match.end() :].split()
    value = next((_pct(token) for token in after if _PCT_TOKEN.fullmatch(token)), None)
    counts = [token for token in after if re.fullmatch(_COUNT, token)]
    persons = parse_number(counts[0]) if counts else None
    if value is None and persons is None:
        return []
    return [
        StatusObservation(
            text=text,
            date=_status_date(date_match),
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


# ---------------------------------------------------------------- unlabelled status tables


@dataclass
class IndicatorRow:
    name: str
    first: int
    last: int
    lines: list[str] = field(default_factory=list)

    @property
    def description(self) -> str:
        return " ".join(" ".join(self.lines).split())


def _unlabelled_status_goals(
    clean: CleanText, lines: list[Line], labels: list[Label], document: Document
) -> list[Goal]:
    goals: list[Goal] = []
    for index, line in enumerate(lines):
        if not _TABLE_HEADER.match(line.text) or _has_labelled_rows(lines, index):
            continue
        year = _plan_year_before(lines, index)
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
    return any(_LABEL.match(line.text) for line in first_rows)


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
        if text.startswith("Note") or _LABEL.match(line.text):
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
        row for row in rows if any(_PCT_TOKEN.search(line) or re.search(r"(?:^|\s)-\s+-", line) for line in row.lines)
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
        if scored and (best := max(scored))[0] >= _FUZZY_SAME:
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
    lettered = any(re.fullmatch(r"\d+[a-z]", n) for n in numbers.values())
    named_ministerial = any(row.name.lower() in mention for mention in ministerial_mentions)
    numbered_ministerial = lettered and re.fullmatch(r"\d+", number) is not None
    citations = [clean.cite(lines[row.first].start, lines[row.last].end)]
    if segment:
        citations.append(clean.cite(segment.start, segment.end))
    status = []
    if cells[2] is not None:
        persons = equivalent_persons(segment.status) if segment else None
        status.append(
            StatusObservation(
                text=cells[3],
                date=cells[1],
                value=cells[2],
                unit="pct",
                persons=persons,
                document_id=document.id,
                citations=citations[:1],
            )
        )
    origin = Origin.MINISTERIAL if named_ministerial or numbered_ministerial else Origin.LOCAL
    return _make_goal(
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


def _cells_of(row: IndicatorRow) -> tuple[str | None, str | None, float | None, str]:
    """(target cell, status date, status %, the cells' text) from the row's value line.

    A row that splits into sub-rows ('Kontanthjælp (jobklar)', 'A-dagpenge', 'I alt') reports
    its goal on the 'I alt' line. The status date is the last date followed by a value; earlier
    dates belong to the description ('ift. Dec-12').
    """
    total = next((line for line in row.lines if line.lower().startswith("i alt")), None)
    text = total or " ".join(row.lines)
    dated = [m for m in _DATE_TOKEN.finditer(text) if _VALUE_AFTER_DATE.match(text[m.end() :])]
    if not dated:
        return None, None, None, text
    date = dated[-1]
    before = _PCT_TOKEN.findall(text[: date.start()])
    value = _VALUE_AFTER_DATE.match(text[date.end() :]).group("value")
    return (before[-1] if before else None), _status_date(date), _pct(value), text[date.start() :].strip()


def _without_cells(description: str) -> str:
    """'Samarbejdsgraden ... - år til dato 27% jan-dec 13 - - - -' -> 'Samarbejdsgraden ... - år til dato'."""
    cells = re.search(rf"\s(?:{_PCT}|-\s+-)", description)
    return (description[: cells.start()] if cells else description).strip(" -")


def _target_from_cell(cell: str | None) -> Target | None:
    value = parse_number(cell) if cell else None
    if value is None:
        return None
    direction = "fald" if value < 0 else "niveau"
    return Target(text=cell, direction=direction, value=abs(value), unit="pct")


def _best_segment(name: str, summary: list[SummarySegment]) -> SummarySegment | None:
    scored = [(fuzz.partial_ratio(segment.label.lower(), name.lower()), segment) for segment in summary]
    scored = [(score, segment) for score, segment in scored if score >= _FUZZY_SAME]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


# ---------------------------------------------------------------- draft plan attached to an item


def _plan_attachment_goals(clean: CleanText, lines: list[Line], labels: list[Label], document: Document) -> list[Goal]:
    goals: list[Goal] = []
    seen: set[str] = set()
    for label in labels:
        year = _goals_for_year(lines, label.index)
        if year is None or label.number in seen:
            continue
        seen.add(label.number)
        sentence = _sentence_from(lines, label.index, label.rest)
        citations = [sentence.cite(clean, lines)]
        if listed := _listed_elsewhere(lines, label, sentence.text):
            citations.append(listed.cite(clean, lines))
        goals.append(
            _make_goal(
                document, year, label.number, sentence.text, Origin.LOCAL, SourceContext.PLAN_ATTACHMENT, citations
            )
        )
    goals += _minister_goals(clean, lines, document)
    return goals


def _goals_for_year(lines: list[Line], index: int) -> int | None:
    for line in reversed(lines[:index]):
        if match := _GOALS_FOR_YEAR.match(line.text):
            return int(match.group("year"))
    return None


def _listed_elsewhere(lines: list[Line], label: Label, wording: str) -> Span | None:
    """The same goal in the plan's up-front list: 'N. <wording>' or 'Na. <wording>'.

    The list words some goals differently ('skal falde mindst X pct.' against 'skal begrænses
    til X personer'), so a looser match is enough once the number agrees."""
    pattern = re.compile(rf"^\s*{re.escape(label.number)}\.\s+(?P<rest>\S.*)$")
    best: tuple[float, Span] | None = None
    for index, line in enumerate(lines):
        match = pattern.match(line.text)
        if not match:
            continue
        span = _sentence_from(lines, index, match.group("rest"))
        score = fuzz.token_set_ratio(span.text.lower(), wording.lower())
        if score >= _FUZZY_RELATED and (best is None or score > best[0]):
            best = (score, span)
    return best[1] if best else None


def _minister_goals(clean: CleanText, lines: list[Line], document: Document) -> list[Goal]:
    """'Ministerens udmelding på området:' followed by the national goal, once per focus area."""
    goals: list[Goal] = []
    for index, line in enumerate(lines):
        year = _goals_for_year(lines, index) if _MINISTER_HEADING.match(line.text) else None
        if year is None:
            continue
        first = next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)
        if first is None:
            continue
        sentence = _sentence_from(lines, first, lines[first].text)
        number = f"ministermål {len(goals) + 1}"
        citations = [sentence.cite(clean, lines)]
        if bullet := _national_bullet(lines, sentence.text):
            citations.append(bullet.cite(clean, lines))
        goals.append(
            _make_goal(
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
            span = _sentence_from(lines, index, strip_bullet(line.text))
            if fuzz.ratio(span.text.rstrip(". ").lower(), wording.rstrip(". ").lower()) >= _FUZZY_SAME:
                return span
    return None
