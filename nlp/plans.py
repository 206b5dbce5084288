"""Employment plans: the section tree and the plan's goals (its numbered focus areas).

A plan lists its goals twice before describing them: the government's goals ('Målene er: 1. ...')
and the plan's own focus areas ('Fokusområderne er: 1. ...', a different order). Each focus area
then opens its own section 'N: <wording> (ministermål)'. The focus areas are the plan's goals;
one is ministerial when its heading says so or its wording is in the government's list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from maalspor.model import Citation, CleanText, Document, Goal, Origin, Section, SourceContext, Target
from nlp.danish import PLAN_TITLE, ends_mid_sentence, is_bulleted, slugify
from nlp.goals.goal_lists import MINISTERIAL_MARK, GoalEntry, GoalList, goal_lists
from nlp.ids import goal_id
from nlp.lines import Line, text_lines
from nlp.targets import parse_period, parse_target, target_group


def _without_contents(lines: list[Line]) -> list[Line]:
    """The lines with the table of contents blanked out (its entries repeat the headings)."""
    kept = list(lines)
    run: list[int] = []
    for index, line in enumerate(lines + [Line(0, 0, "")]):
        if not line.blank and _TOC_LINE.search(line.text):
            run.append(index)
            continue
        if len(run) >= _TOC_MIN_RUN:
            for toc_index in run:
                kept[toc_index] = Line(lines[toc_index].start, lines[toc_index].end, "")
        run = []
    return kept


_NUMBERED = re.compile(r"^\s*(?:[-•]\s*)?(?P<number>\d{1,2})[.:]\s+(?P<wording>\S.*?)\s*$")
# A table-of-contents entry ends in a page number (after dot leaders, a tab or a space); the
# contents are a run of such lines.
_TOC_LINE = re.compile(r"\S.*?(?:\.{2,}|…|\s)\s*\d{1,3}\s*$")
_TOC_MIN_RUN = 3
_SUB_TARGET_START = re.compile(r"^(?:Minimum|Maksimum|Mindst|Højst)\s+\d", re.I)


def parse_plan(clean: CleanText, document: Document) -> tuple[list[Section], list[Goal]]:
    lines = _without_contents(text_lines(clean))
    lists = goal_lists(lines)
    government = next((found for found in lists if found.ministerial), None)
    # The plan's goals are its own list (the focus areas); a plan that only quotes the
    # government's goals has those.
    own = next((found for found in lists if not found.ministerial), government)
    if own is None:
        return _sections(clean, lines, document, {}), []
    after_lists = max(entry.lines[-1].end for found in (own, government) if found for entry in found.entries)
    headings = {entry.number: _focus_heading(lines, entry, after_lists) for entry in own.entries}
    goals = [_goal(clean, lines, document, own, entry, headings, government) for entry in own.entries]
    return _sections(clean, lines, document, headings), goals


# ---------------------------------------------------------------- goals


def _clean_wording(wording: str) -> str:
    """'Flere ledige skal opkvalificeres (ministermål).' -> 'Flere ledige skal opkvalificeres'."""
    return " ".join(MINISTERIAL_MARK.sub(" ", wording).split()).rstrip(" .")


def _comparable(wording: str) -> str:
    return _clean_wording(wording).lower()


@dataclass(frozen=True)
class FocusHeading:
    first: Line
    last: Line  # the heading wraps onto a second line in some renditions: '(ministermål)'
    ministerial_mark: bool
    title: str  # the wording without the '(ministermål)' mark


def _focus_heading(lines: list[Line], entry: GoalEntry, after: int) -> FocusHeading | None:
    """The line 'N: <wording>' (or 'N. <wording>') that opens the focus area's own section."""
    wanted = _comparable(entry.wording)
    for index, line in enumerate(lines):
        if line.start < after:
            continue
        match = _NUMBERED.match(line.text)
        if (
            not match
            or match.group("number") != entry.number
            or not _comparable(match.group("wording")).startswith(wanted)
        ):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        wraps = following is not None and MINISTERIAL_MARK.fullmatch(following.text) is not None
        last = following if wraps and following else line
        marked = bool(MINISTERIAL_MARK.search(line.text)) or wraps
        return FocusHeading(line, last, marked, _clean_wording(match.group("wording")))
    return None


def _goal(
    clean: CleanText,
    lines: list[Line],
    document: Document,
    own: GoalList,
    entry: GoalEntry,
    headings: dict[str, FocusHeading | None],
    government: GoalList | None,
) -> Goal:
    heading = headings[entry.number]
    quoted = (
        [g for g in government.entries if _comparable(g.wording) == _comparable(entry.wording)] if government else []
    )
    citations: list[Citation] = []
    if heading:
        citations.append(clean.cite(heading.first.start, heading.last.end))
    citations.append(clean.cite(entry.lines[0].start, entry.lines[-1].end))
    if quoted and own is not government:
        citations.append(clean.cite(quoted[0].lines[0].start, quoted[0].lines[-1].end))
    ministerial = bool(heading and heading.ministerial_mark) or bool(quoted)
    year = own.year or document.plan_year or 0
    return Goal(
        id=goal_id(document.id, year, entry.number),
        document_id=document.id,
        plan_year=year,
        number=entry.number,
        wording=entry.wording,
        origin=Origin.MINISTERIAL if ministerial else Origin.LOCAL,
        target=parse_target(entry.wording),
        target_group=target_group(entry.wording),
        period=parse_period(entry.wording),
        status=[],
        citations=citations,
        sub_targets=_sub_targets(lines, heading, headings) if heading else [],
        source_context=SourceContext.PLAN,
        truncated=own.truncated and entry is own.entries[-1],
    )


def _sub_targets(lines: list[Line], heading: FocusHeading, headings: dict[str, FocusHeading | None]) -> list[Target]:
    """Quantified list entries inside the focus area ('Minimum 60 pct. af borgerne skal opleve ...')."""
    later_starts = [h.first.start for h in headings.values() if h and h.first.start > heading.first.start]
    section_end = min(later_starts, default=lines[-1].end + 1)
    body = [line for line in lines if heading.last.end < line.start < section_end]
    targets = []
    for entry in _list_entries(body):
        if _SUB_TARGET_START.match(entry) and (target := parse_target(entry)):
            targets.append(target)
    return targets


def _list_entries(body: list[Line]) -> list[str]:
    """Blocks of text split at blank lines and at lines that start a new (bulleted or indented) entry."""
    entries: list[list[str]] = []
    for line in body:
        starts_entry = is_bulleted(line.text) or line.indented
        if line.blank:
            entries.append([])
        elif starts_entry or not entries:
            entries.append([line.without_bullet])
        else:
            entries[-1].append(line.without_bullet)
    return [" ".join(parts) for parts in entries if parts]


# ---------------------------------------------------------------- sections


@dataclass(frozen=True)
class Heading:
    first: Line
    last: Line
    title: str
    number: str | None


_MAX_HEADING = 110
_WRAP_TAIL = 30
_MAX_LIST_ENTRY = 75


def _sections(
    clean: CleanText, lines: list[Line], document: Document, focus: dict[str, FocusHeading | None]
) -> list[Section]:
    headings = _headings(lines, focus)
    sections: list[Section] = []
    used_ids: set[str] = set()
    current_focus: Section | None = None
    for index, heading in enumerate(headings):
        body_end = headings[index + 1].first.start if index + 1 < len(headings) else len(clean.text)
        body_lines = [line for line in lines if heading.last.end < line.start < body_end and not line.blank]
        if not body_lines:
            continue  # title page lines and the emptied table of contents carry no section text
        is_top = heading.number is not None or current_focus is None or PLAN_TITLE.search(heading.title)
        section = Section(
            id=_unique(f"{document.id}:section-{slugify(heading.title)[:60]}", used_ids),
            document_id=document.id,
            number=heading.number,
            title=heading.title,
            level=1 if is_top else 2,
            parent_id=None if is_top or current_focus is None else current_focus.id,
            text="\n".join(line.without_bullet for line in body_lines),
            citations=[clean.cite(heading.first.start, body_lines[-1].end)],
        )
        sections.append(section)
        if heading.number is not None:
            current_focus = section
        elif is_top and current_focus is not None:
            current_focus = None
    return sections


def _unique(candidate: str, used: set[str]) -> str:
    unique, counter = candidate, 2
    while unique in used:
        unique, counter = f"{candidate}-{counter}", counter + 1
    used.add(unique)
    return unique


def _headings(lines: list[Line], focus: dict[str, FocusHeading | None]) -> list[Heading]:
    focus_by_line = {h.first.start: (number, h) for number, h in focus.items() if h}
    headings: list[Heading] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.start in focus_by_line:
            number, focus_heading = focus_by_line[line.start]
            headings.append(Heading(focus_heading.first, focus_heading.last, focus_heading.title, number))
            index = lines.index(focus_heading.last) + 1
            continue
        wrap = _heading_span(lines, index)
        if wrap:
            title = " ".join(
                " ".join(heading_line.without_bullet for heading_line in lines[index : index + wrap]).split()
            )
            headings.append(Heading(line, lines[index + wrap - 1], title, None))
            index += wrap
            continue
        index += 1
    return headings


def _heading_span(lines: list[Line], index: int) -> int:
    """How many lines the heading starting at `index` spans (0: not a heading).

    A heading follows a blank line, is short, starts with a capital and ends without sentence
    punctuation. It may wrap once onto a short tail ('... Center for Uddannelse og' / 'Pædagogik').
    When text follows without a blank line, the line must not read as a paragraph's first line:
    no dangling function word at its end and no finite verb ('er', 'har', 'vil').
    """
    line = lines[index]
    previous = lines[index - 1] if index > 0 else None
    if (previous is not None and not previous.blank) or not _looks_like_title(line):
        return 0
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or following.blank:
        return 1
    if line.indented:
        return 0  # an indented line followed by text is a list entry whose bullet glyph was lost
    after = lines[index + 2] if index + 2 < len(lines) else None
    tail = following.text.strip()
    if len(tail) <= _WRAP_TAIL and (after is None or after.blank) and not tail.endswith((".", ",", ";", ":")):
        return 2
    if ends_mid_sentence(line.text) or _FINITE_VERBS.intersection(line.text.lower().split()) or not tail[:1].isupper():
        return 0
    if _reads_as_list_entry(following) and after is not None and _reads_as_list_entry(after):
        return 0  # a run of title-like lines: a list whose bullet glyphs the extraction lost
    return 1


def _reads_as_list_entry(line: Line) -> bool:
    """A short line that could itself be a heading: shorter than the extraction's wrapped paragraph
    lines (about 85-90 characters in the seeds), no sentence inside or dangling word at its end,
    no finite verb."""
    text = line.text.strip()
    return (
        _looks_like_title(line)
        and len(text) <= _MAX_LIST_ENTRY
        and ". " not in text
        and not ends_mid_sentence(line.text)
        and not _FINITE_VERBS.intersection(line.text.lower().split())
    )


# Verbs a heading does not contain when text follows it directly.
_FINITE_VERBS = {"er", "har", "vil", "kan", "var", "blev", "bliver", "får", "gør"}


def _looks_like_title(line: Line) -> bool:
    text = line.text.strip()
    return (
        0 < len(text) <= _MAX_HEADING
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", ":", "!", "?"))
        and not is_bulleted(line.text)
        and not re.search(r"\d\s*%|\bpct\.", text)
    )
