"""Overview: counts and lists of goals and plan years (answer/goal_overview.py), and of agenda items per meeting."""

from __future__ import annotations

import re
from collections import defaultdict

from answer.coming_items import answer_coming
from answer.cues import COMING_ITEMS
from answer.goal_overview import goal_counts, missing_plan, plan_years, topic_beyond_kind
from answer.goal_topic import goal_question
from answer.material import Material
from answer.passage_answers import answer_by_search
from answer.phrasing import Answer, Statement, no_evidence, no_plan_for
from answer.phrasing_meetings import committee_total_line, meeting_items_line
from answer.plan_areas import answer_areas, asks_for_areas
from answer.question import Question
from answer.status_answers import answer_status
from maalspor.model import AgendaItem, Citation, SourceLine
from nlp.minutes.conventions import CLOSED

# A question about meetings or agenda items (not goals) when the overview is asked.
_ABOUT_ITEMS = re.compile(
    r"\b(punkt\w*|dagsordenspunkt\w*|sager|sagerne|[\wæøå-]*møde|[\wæøå-]*møder|[\wæøå-]*mødet|[\wæøå-]*mødets"
    r"|items?|agenda items?|cases|meetings?)\b",
    re.I,
)
# The opening characters of an item's title that identify it in the minutes' list of items (a long title is
# cut there, or wraps).
AGENDA_LIST_CHARS = 30
# A question about a meeting's closed items ('hvilke sager var lukkede', 'closed items'): only those are listed.
_CLOSED_ASKED = re.compile(r"\b(lukkede?|closed)\b", re.I)
_COMING_ITEMS = re.compile(COMING_ITEMS, re.I)
# A question about the goals themselves (else a count is about what the goals measure): any goal word or
# compound the plans print ('mål', 'ministermålene', 'resultatmål', 'målsætninger', 'indsatsområder').
_ABOUT_GOALS = re.compile(
    r"\b(\w*mål(et|ene)?|\w*målsætning\w*|indsatsområde\w*|fokusområde\w*|goals?|targets?|objectives?)\b", re.I
)
# A question about which plan years or plans the material holds: 'hvilke planår', 'hvilke år', 'hvilke
# beskæftigelsesplaner', 'which (employment) plans', 'what years'.
_ABOUT_PLAN_YEARS = re.compile(
    r"\b(planår\w*|plan years?|(hvilke|hvilket|which|what) (år|years?|årgange)"
    r"|(hvilke|which|what) (\w+ )?\w*plan(er|erne|s))\b",
    re.I,
)


def answer_overview(question: Question, material: Material, searcher=None) -> Answer:
    """Items per meeting, or goals per plan year; a count of something else ('hvor mange virksomheder')
    is a goal's status figure or a figure in the running text."""
    if _COMING_ITEMS.search(question.text) and (coming := answer_coming(question, material)):
        return coming
    if _ABOUT_PLAN_YEARS.search(question.text):
        return plan_years(question, material)
    if _ABOUT_ITEMS.search(question.text):
        return item_overview(question, material)
    if asks_for_areas(question) and (areas := answer_areas(question, material)):
        return areas
    if lacking := missing_plan(question, material):
        return lacking
    if not _ABOUT_GOALS.search(question.text):
        if material.resolve_goals(goal_question(question, material)):
            return answer_status(question, material, searcher)
        return answer_by_search(question, material, searcher)
    in_years = [
        g
        for g in material.goals.values()
        if (not question.years or g.plan_year in question.years) and material.in_scope(question, g.document_id)
    ]
    if topic_beyond_kind(question, material) and (topical := material.resolve_goals(goal_question(question, material))):
        in_years = [g for g in in_years if g in topical] or in_years
    not_held = _years_without_goals(question, material)
    if not in_years:
        return Answer(question, not_held) if not_held else answer_by_search(question, material, searcher)
    answer = goal_counts(question, material, in_years)
    answer.statements += not_held
    return answer


def _years_without_goals(question: Question, material: Material) -> list[Statement]:
    """For each named year the material (in the question's scope) holds no goals for: that it lacks that
    plan, and which plan years it holds."""
    held = sorted({g.plan_year for g in material.goals.values() if material.in_scope(question, g.document_id)})
    return [no_plan_for(question, year, held) for year in sorted(question.years) if held and year not in held]


def item_overview(question: Question, material: Material) -> Answer:
    """The items of each meeting in scope on the named day, month or years (only the closed ones when asked), per
    meeting with the body's totals first."""
    closed = bool(_CLOSED_ASKED.search(question.text))
    items = [
        item
        for item in material.items
        if not item.embedded
        and material.in_scope(question, item.document_id)
        and _meeting_matches(question, material.documents[item.document_id].meeting_date or "")
        and (not closed or CLOSED.match(item.title))
    ]
    if not items:
        return no_evidence(question, "noget møde, der passer", "a meeting that matches")
    by_meeting: dict[str, list] = defaultdict(list)
    for item in items:
        by_meeting[item.document_id].append(item)
    statements = _committee_totals(question, material, by_meeting)
    for document_id, meeting_items in sorted(by_meeting.items(), key=lambda m: _meeting_key(material, m[0])):
        document = material.documents[document_id]
        statements.append(
            Statement(
                meeting_items_line(question, document.committee, document.meeting_date, meeting_items, closed),
                agenda_list(material, meeting_items) + [c for i in meeting_items for c in i.citations[:1]],
            )
        )
    return Answer(question, statements)


def agenda_list(material: Material, items: list[AgendaItem]) -> list[Citation]:
    """The minutes' own list of the items (a table of contents before the first item), one citation per page it
    runs over; none where fewer than half the items are listed before the first one."""
    cited = [i.citations[0] for i in items if i.citations]
    if not cited:
        return []
    first = min(cited, key=lambda c: (c.page or 0, c.line_start))
    before = [
        line
        for line in material.quoter.source_lines(first.source_file)
        if (line.page or 0, line.line) < (first.page or 0, first.line_start)
    ]
    listed = [line for item in items if (line := _listing_line(before, item.title))]
    if 2 * len(listed) < len(items):
        return []
    pages: dict[int | None, list[int]] = defaultdict(list)
    for line in listed:
        pages[line.page].append(line.line)
    return [Citation(first.source_file, page, min(lines), max(lines)) for page, lines in pages.items()]


def _listing_line(lines: list[SourceLine], title: str) -> SourceLine | None:
    """The line that opens with the title's first words (a contents line adds dots and a page number)."""
    head = " ".join(title.casefold().split())[:AGENDA_LIST_CHARS]
    return next((line for line in lines if " ".join(line.text.casefold().split()).startswith(head)), None)


def _committee_totals(question: Question, material: Material, by_meeting: dict[str, list]) -> list[Statement]:
    """Per body with several matching meetings: how many meetings and items in all (before the meetings)."""
    meetings: dict[str, list[str]] = defaultdict(list)
    for document_id in by_meeting:
        meetings[material.documents[document_id].committee or ""].append(document_id)
    return [
        Statement(committee_total_line(question, body, len(ids), sum(len(by_meeting[i]) for i in ids)), [])
        for body, ids in sorted(meetings.items())
        if len(ids) > 1
    ]


def _meeting_key(material: Material, document_id: str) -> tuple[str, str]:
    document = material.documents[document_id]
    return document.committee or "", document.meeting_date or ""


def _meeting_matches(question: Question, date: str) -> bool:
    if question.date:
        return date == question.date
    if question.month:
        return date.startswith(question.month)
    return not question.years or any(date.startswith(str(y)) for y in question.years)
