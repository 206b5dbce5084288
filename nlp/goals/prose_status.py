"""A goal's status written as running text under the goal's heading, after (or instead of) a table row.

Danish status reports comment on each goal after the status table, under a heading that names the goal
again: its label repeated ('Mål 9: Bekæmpelse af socialt bedrageri …'), a remark label ('Bemærkning til
følgemål a: …', 'Kommentar til mål 3'), or the goal's short name alone ('Førtidspension'). The comment
reports the status in words and figures ('Status viser, at 41,3 pct. …', 'Seneste status fra KL viser …
en besparelse på kr. 11.240.028', 'Målet er dermed opfyldt'). The first paragraph of the comment that
states a figure the goal's own wording does not hold, or a verdict, is the goal's status as reported,
with its lines, like a table row.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from maalspor.model import CleanText, Document, Goal, SourceContext, StatusObservation
from nlp.danish import AREA_NOUN, MONTH_PATTERN
from nlp.goals import shared
from nlp.goals.shared import Span
from nlp.lines import Line

# 'Bemærkning til følgemål a:', 'Kommentarer til mål 3', 'Status for mål 2a:': a remark on one goal.
_REMARK = re.compile(
    r"^\s*(?:Bemærkning(?:er)?|Kommentar(?:er)?|Status|Uddybning)\s+(?:til|for|på|vedr\.|vedrørende)\s+"
    r"(?:(?P<follow>følgemål)\s+(?P<letter>[a-z])|mål\s+(?P<number>\d{1,2}[a-z]?))\b",
    re.I,
)
# 'Mål 1' / 'Følgemål c' alone on a line: the heading of that goal's comment.
_BARE_LABEL = re.compile(r"^\s*(?:Mål\s+(?P<number>\d{1,2}[a-z]?)|Følgemål\s+(?P<letter>[a-z]))\s*$", re.I)
# Lines that open another part of the report: an area heading, a table header.
_PART = re.compile(rf"^\s*{AREA_NOUN}\s*\d{{0,2}}\s*:|^\s*Mål\s+(?:Måned|Klyngen)\b", re.I)
# A figure: a number with digits that is not a year ('11.240.028', '41,3', '35'); '2a' and '3kv' are not.
_FIGURE = re.compile(r"(?<![\w.,])(?P<figure>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\w,]|\.\d)")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# A verdict on the goal, in its inflections: 'er opfyldt', 'nås ikke', 'indfriet', 'ikke nået'.
_VERDICT = re.compile(r"\b(?:opfyld(?:t|es|er|te)|nå(?:et|s)|indfri(?:et|es)|overhold(?:t|es))\b", re.I)
# A chart's axis or legend line: month names and numbers only ('Jan', 'Maj 2018', '1.000').
_AXIS = re.compile(rf"^(?:(?:{MONTH_PATTERN})\.?|[\d.,%-]+|\s)+$", re.I)
# Three cells in a row ('27% jan-dec 13 - - - -', '1,1% 38 -0,2%'): a table row, not a comment.
_TABLE_CELLS = re.compile(r"(?:(?:^|\s)(?:-|[-+]?\d+(?:,\d+)?%?)(?=\s|$)){3}")
_GOAL_NUMBER = re.compile(r"\bmål\s+(?P<number>\d{1,2}[a-z]?)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 6  # a status sentence, not a row of cells or a chart's axis
# A sentence ends at '.', '!' or '?' before a capital, not after 'pct.' or 'kr.' ('4 pct. fra oktober').
_SENTENCE_END = re.compile(r"(?<!\bpct\.)(?<!\bkr\.)(?<!\bca\.)(?<=[.!?])\s+(?=[A-ZÆØÅ])")
_STATUS_SENTENCES = 3
_COMMENT_LINES = 60  # a comment longer than this has run into the next part of the report
_NAME_WORDS = 5  # a goal's short name as a heading: 'Førtidspension', 'Unge på offentlig forsørgelse'


def add_prose_status(clean: CleanText, lines: list[Line], goals: list[Goal], document: Document) -> None:
    """Append to each goal of a status report the status its comment reports in running text (at most one
    per goal). A plan's goals have no status: text under them describes the effort, not its result."""
    headings = _goal_headings(lines, [goal for goal in goals if goal.source_context is SourceContext.STATUS_REPORT])
    starts = sorted(headings)
    read = {goal.id for goal in goals if _reported_in_words(goal)}
    for position, index in enumerate(starts):
        goal = headings[index]
        if goal.id in read:
            continue  # its status text is read already (a label may stand twice: summary and comment)
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        span = _status_paragraph(lines, index, min(end, index + _COMMENT_LINES), goal)
        if span is not None:
            goal.status.append(_observation(clean, lines, span, document))
            read.add(goal.id)


def _reported_in_words(goal: Goal) -> bool:
    """The goal's status is text already (sentence_status reads a row of goal sentence, label and text)."""
    return any(status.value is None and status.persons is None for status in goal.status)


def _goal_headings(lines: list[Line], goals: list[Goal]) -> dict[int, Goal]:
    """Line index -> the goal a heading line names, for every line that names one."""
    by_number = {goal.number: goal for goal in goals}
    by_name = {name.lower(): goal for goal in goals if (name := _short_name(goal))}
    headings: dict[int, Goal] = {}
    for index, line in enumerate(lines):
        if goal := _named_goal(line.text, by_number, by_name):
            headings[index] = goal
    return headings


def _named_goal(text: str, by_number: dict[str, Goal], by_name: dict[str, Goal]) -> Goal | None:
    if remark := _REMARK.match(text):
        number = f"følgemål {remark['letter'].lower()}" if remark["follow"] else remark["number"]
        return by_number.get(number)
    if bare := _BARE_LABEL.match(text):
        return by_number.get(bare["number"] or f"følgemål {bare['letter'].lower()}")
    if label := shared.LABEL.match(text):
        number = label["number"] or f"følgemål {label['letter']}"
        goal = by_number.get(number)
        same = goal is not None and fuzz.partial_ratio(label["rest"].lower(), goal.wording.lower()) >= shared.FUZZY_SAME
        return goal if same else None
    return by_name.get(text.strip().rstrip(":").lower())


def _short_name(goal: Goal) -> str | None:
    """'Førtidspension' of 'Førtidspension: Mål om at tilgangen …': the name a report heads its comment with."""
    name, colon, _ = goal.wording.partition(":")
    return name.strip() if colon and 0 < len(name.split()) <= _NAME_WORDS else None


def _status_paragraph(lines: list[Line], heading: int, end: int, goal: Goal) -> Span | None:
    """The first paragraph after the heading's wrapped wording that reports a figure or a verdict."""
    cursor = heading + 1
    while cursor < end and lines[cursor].text[:1].islower():  # the heading's wording, wrapped
        cursor += 1
    known = {m["figure"] for m in _FIGURE.finditer(goal.wording)} | {goal.number}
    for first, last in _paragraphs(lines, cursor, end):
        text = " ".join(line.text for line in lines[first : last + 1])
        if _about_others(text, goal) or _TABLE_CELLS.search(text) or len(_WORD.findall(text)) < _MIN_WORDS:
            continue
        if _VERDICT.search(text) or _new_figure(text, known):
            return Span(first, last, _opening(" ".join(text.split())))
    return None


def _paragraphs(lines: list[Line], start: int, end: int) -> list[tuple[int, int]]:
    """[first, last] line pairs of the text paragraphs in [start, end), up to the next part of the report."""
    found: list[tuple[int, int]] = []
    first: int | None = None
    for index in range(start, end):
        text = lines[index].text
        if _PART.match(text) or shared.LABEL.match(text):
            end = index
            break
        # A blank line after a sentence's end, or a chart's axis ('Jan', '2018', '1.000'), ends a paragraph;
        # a blank line inside a sentence is the converter's ('Målet er' / '' / 'et fald på 4 pct.').
        prose = (text and not _AXIS.match(text)) or (not text and not _ended(lines, first, index))
        if not prose and first is not None:
            found.append((first, index - 1))
            first = None
        elif prose and first is None:
            first = index
    if first is not None:
        found.append((first, end - 1))
    return found


def _opening(text: str) -> str:
    """The paragraph's first sentences: the status and what it compares it with, not the whole story."""
    sentences = _SENTENCE_END.split(text)
    return " ".join(sentences[:_STATUS_SENTENCES])


def _ended(lines: list[Line], first: int | None, index: int) -> bool:
    previous = next((line.text for line in reversed(lines[first or index : index]) if not line.blank), "")
    return previous.endswith((".", ":", "!", "?")) or not previous


def _about_others(text: str, goal: Goal) -> bool:
    """The paragraph names other goals by number ('afvigelse … for mål 1, 2, 3 og 7'): a summary of several."""
    return any(m["number"] != goal.number for m in _GOAL_NUMBER.finditer(text))


def _new_figure(text: str, known: set[str]) -> bool:
    return any(not _YEAR.fullmatch(f := m["figure"]) and f not in known for m in _FIGURE.finditer(text))


def _observation(clean: CleanText, lines: list[Line], span: Span, document: Document) -> StatusObservation:
    """The comment as the goal's status, undated: the months it names are as often the baseline ('i forhold
    til december 2012') as the measurement, and the figures stay in the text, as with sentence_status."""
    return StatusObservation(
        text=span.text,
        date=None,
        value=None,
        unit=None,
        persons=None,
        document_id=document.id,
        citations=[span.cite(clean, lines)],
    )
