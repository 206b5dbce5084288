"""A plan's areas (indsatsområder, fokusområder, temaer, pejlemærker, satsningsområder): counted and listed.

Danish plans name their areas in two conventions, both read here from the source lines:
  * a sentence counting them before a list: 'SSP-handleplanen for 2018-2020 har fokus på seks
    indsatsområder:' then one bulleted line per area;
  * a heading per area: 'Indsatsområde: Unge', 'Fokusområde 2: Sygedagpenge', under the plan they belong
    to (the nearest plan named above them: 'Beskæftigelsesplan 2015').
The areas whose plan the question names (its years, its other words) are the answer, each quoted and cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answer.goal_overview import NUMBER_WORDS
from answer.material import Material
from answer.phrasing import Answer, Statement, plan_areas_line
from answer.question import Question
from maalspor.model import Citation, SourceLine
from nlp.danish import AREA_HEADING, AREA_PLURAL, AREA_WORD, PLAN_MENTION, strip_bullet

# The area nouns, every inflection staff and plans use ('indsatsområdet', 'temaerne'), Danish and English.
_ASKS_AREAS = re.compile(
    rf"\b(?:{AREA_WORD}|(?:focus areas?|priority areas?|areas? of (?:focus|effort|action)|themes?)\b)", re.I
)
# '… har fokus på seks indsatsområder:' / '… følgende 4 temaer:' closing its line, the list below.
_COUNTED = re.compile(
    r"(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?:[a-zæøå]+e\s+)?"
    rf"{AREA_PLURAL}\s*:\s*$",
    re.I,
)
# A short heading that dates the plan part below it: '3. Lokale mål for indsatsen i 2015', 'Mål for 2015'.
_YEAR_HEADING = re.compile(r"^(?=(?:\S+\s+){1,8}\S+\s*$).*\b(?:i|for)\s+(?P<year>(?:19|20)\d{2})\s*$")
# Words that name any plan, not which one ('planen', 'beskæftigelsesplanen'): the year tells which.
_PLAN = frozenset({"plan", "planen", "planer", "beskæftigelsesplan", "beskæftigelsesplanen", "employment"})
_LIST_GAP = 4  # blank lines between the counting sentence and its list, or between entries


@dataclass
class AreaList:
    intro: str  # the counting sentence, or the plan named above the headings
    names: list[str]
    citations: list[Citation]
    years: set[int]


def asks_for_areas(question: Question) -> bool:
    return bool(_ASKS_AREAS.search(question.text))


def answer_areas(question: Question, material: Material) -> Answer | None:
    """The areas of the plan the question names; None when the material lists none for it."""
    found = [
        areas
        for document in material.documents.values()
        if material.in_scope(question, document.id)
        for areas in _area_lists(document.source_file, material.quoter.source_lines(document.source_file))
        if _names_the_plan(question, areas)
    ]
    if not found:
        return None
    return Answer(question, [Statement(plan_areas_line(question, a.intro, a.names), a.citations) for a in found[:2]])


def _names_the_plan(question: Question, areas: AreaList) -> bool:
    years = set(question.years) | set(range(question.year_from or 0, (question.year_to or -1) + 1))
    if years and not years & areas.years:
        return False
    # the plan's own words the question uses ('SSP', 'handleplanen'); one suffices, as a stray word ('giv') may
    # reach the terms
    named = [term for term in question.terms if not _ASKS_AREAS.fullmatch(term) and term not in _PLAN]
    return not named or any(term[:6] in areas.intro.lower() for term in named)


def _area_lists(source_file: str, lines: list[SourceLine]) -> list[AreaList]:
    return _counted_lists(source_file, lines) + _heading_lists(source_file, lines)


def _counted_lists(source_file: str, lines: list[SourceLine]) -> list[AreaList]:
    found = []
    for index, line in enumerate(lines):
        if not _COUNTED.search(line.text):
            continue
        entries = _list_after(lines, index)
        if entries:
            opening = lines[index - 1].text if index and not lines[index - 1].text.rstrip().endswith(".") else ""
            intro = " ".join(f"{opening} {line.text}".split())
            cited = [_cite(source_file, line), *(_cite(source_file, lines[i]) for i in entries)]
            years = {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", intro)}
            years |= set(range(min(years, default=0), max(years, default=-1) + 1))  # '2018-2020' holds 2019
            found.append(AreaList(intro, [strip_bullet(lines[i].text).rstrip(".") for i in entries], cited, years))
    return found


def _list_after(lines: list[SourceLine], index: int) -> list[int]:
    """The bulleted lines after `index`, over the blank lines between them."""
    entries: list[int] = []
    cursor, last = index + 1, index
    while cursor < len(lines) and cursor - last <= _LIST_GAP + 1:
        text = lines[cursor].text.strip()
        if text and strip_bullet(text) == text:
            break
        if text:
            entries.append(cursor)
            last = cursor
        cursor += 1
    return entries


def _heading_lists(source_file: str, lines: list[SourceLine]) -> list[AreaList]:
    """'Indsatsområde: X' headings grouped under the plan named last above them, each name once."""
    groups: dict[int, AreaList] = {}
    plan: re.Match[str] | None = None
    for line in lines:
        plan = PLAN_MENTION.search(line.text) or _YEAR_HEADING.search(line.text) or plan
        heading = AREA_HEADING.match(line.text)
        if heading is None or plan is None:
            continue
        year = int(plan.group("year"))
        group = groups.setdefault(year, AreaList(plan.group(0), [], [], {year}))
        if heading["name"].lower() not in (name.lower() for name in group.names):
            group.names.append(heading["name"])
            group.citations.append(_cite(source_file, line))
    return [group for group in groups.values() if len(group.names) > 1]


def _cite(source_file: str, line: SourceLine) -> Citation:
    return Citation(source_file, line.page, line.line, line.line)
