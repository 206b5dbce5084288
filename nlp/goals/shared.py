"""What the goal extractors share: the 'Mål N:' label, line spans, status cells and the Goal they make."""

from __future__ import annotations

import re
from dataclasses import dataclass

from maalspor.model import Citation, CleanText, Document, Goal, Origin, SourceContext, StatusObservation, Target
from nlp.danish import MONTH_PATTERN, MONTHS, PLAN_MENTION, ends_mid_sentence, parse_number
from nlp.ids import goal_id
from nlp.lines import Line
from nlp.targets import parse_period, parse_target, target_group

LABEL = re.compile(r"^\s*(?:Mål\s+(?P<number>\d{1,2}[a-z]?)|Følgemål\s+(?P<letter>[a-z]))\s*:\s*(?P<rest>.*?)\s*$")
PCT = r"[-+]?\d+(?:,\d+)?%"
COUNT = r"[-+]?\d{1,3}(?:\.\d{3})+|[-+]?\d+"
DATE_TOKEN = re.compile(
    rf"(?P<quarter>\dkv\d{{2}}\s*-\s*(?P<q>\d)kv(?P<qy>\d{{2}}))"
    rf"|(?P<range>(?:{MONTH_PATTERN})-(?P<rm>{MONTH_PATTERN})\s+(?P<ry>\d{{2}}))"
    rf"|(?P<monyy>\b(?P<m>{MONTH_PATTERN})-(?P<y>\d{{2}})\b)"
    rf"|(?P<monyear>\b(?P<m4>{MONTH_PATTERN})\.?\s+(?P<y4>\d{{4}})\b)",
    re.I,
)
PCT_TOKEN = re.compile(PCT)
FUZZY_SAME = 85


@dataclass(frozen=True)
class Label:
    index: int
    line: Line
    number: str  # '1', '2a', 'følgemål a'
    rest: str  # the text after the colon

    @staticmethod
    def at(index: int, line: Line) -> Label | None:
        """The label that opens `line`, if one does."""
        match = LABEL.match(line.text)
        if match is None:
            return None
        number = match.group("number") or f"følgemål {match.group('letter')}"
        return Label(index, line, number, match.group("rest"))


@dataclass
class Span:
    """Consecutive lines [first, last] of the clean text, and their joined content."""

    first: int
    last: int
    text: str

    def cite(self, clean: CleanText, lines: list[Line]) -> Citation:
        return clean.cite(lines[self.first].start, lines[self.last].end)


def sentence_from(lines: list[Line], index: int, opening: str) -> Span:
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
            or LABEL.match(lines[cursor].text)
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


def plan_year_before(lines: list[Line], index: int) -> int | None:
    for line in reversed(lines[:index]):
        if match := PLAN_MENTION.search(line.text):
            return int(match.group("year"))
    return None


def make_goal(
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


def status_date(match: re.Match[str]) -> str:
    if match.group("quarter"):
        return f"20{match.group('qy')}-{int(match.group('q')) * 3:02d}"  # a quarter ends in its third month
    if match.group("range"):
        return f"20{match.group('ry')}-{MONTHS[match.group('rm').lower()]:02d}"
    if match.group("monyy"):
        return f"20{match.group('y')}-{MONTHS[match.group('m').lower()]:02d}"
    return f"{match.group('y4')}-{MONTHS[match.group('m4').lower()]:02d}"


def pct(token: str) -> float | None:
    return parse_number(token) if token and token != "-" else None
