"""Overview of goals: how many goals (of which kind) each municipality's plan years hold, and which plan years
the material holds at all.

Minutes reprint a year's goal list (each committee that passes the plan on prints it again), so a goal is
counted once per municipality, plan year and thread. Goal kinds are data: the minister's goals
(ministermål: origin), follow-up goals (følgemål: their printed label) and the municipality's own goals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from answer.goal_topic import asks_for_goal_list, goal_question, named_subject
from answer.material import Material
from answer.passages import cite, quote
from answer.phrasing import (
    Answer,
    Statement,
    goal_count_heading,
    goal_count_quote,
    goal_listing,
    no_plan_for,
    plan_years_line,
)
from answer.question import Question
from maalspor.model import Citation, Goal, Origin
from nlp.danish import PLAN_MENTION


@dataclass(frozen=True)
class GoalKind:
    name: str  # as phrasing.GOAL_KIND_LABELS names it
    question_words: re.Pattern  # how a question asks for this kind
    holds: Callable[[Goal], bool]


def _is_followup(goal: Goal) -> bool:
    return goal.number.lower().startswith("følgemål")


GOAL_KINDS = (
    GoalKind(
        "ministermål",
        re.compile(r"\b(\w*minist(?:er|eri)\w*|nationale mål\w*|national goals?)\b", re.I),  # set by the minister
        lambda goal: goal.origin == Origin.MINISTERIAL,
    ),
    GoalKind("følgemål", re.compile(r"\b(følgemål\w*|follow-up goals?)\b", re.I), _is_followup),
    GoalKind(
        "lokale mål",
        re.compile(r"\b(lokale mål\w*|lokalt fastsatte|egne mål|local goals?)\b", re.I),
        lambda goal: goal.origin == Origin.LOCAL and not _is_followup(goal),
    ),
)
# A sentence of the text stating a count of goals: '11 mål med resultatniveauer', 'fem ministermål'.
NUMBER_WORDS = {
    "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10,
    "elleve": 11, "tolv": 12, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# The count, at most one adjective ('5 nationale mål'), then the noun, in lower case (not 'Mål 3:' of a table).
_COUNTED_GOALS = re.compile(
    r"(?<![\w,.-])(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?:[a-zæøå]+e\s+)?"
    r"(?:[a-zæøå]*mål(?:ene|sætninger)?|fokusområder|goals|targets)\b"
)


# The employment plan of a year, as an English question names it (Danish: nlp.danish.PLAN_MENTION).
ENGLISH_PLAN_MENTION = re.compile(
    r"\b(?P<year>(?:19|20)\d\d) employment plan\b|\bemployment plan (?:for |of )?(?P<later>(?:19|20)\d\d)\b", re.I
)


def missing_plan(question: Question, material: Material) -> Answer | None:
    """A question about the employment plan of a year the material holds no goals for: say so, and which plan
    years it holds (the nearest plan's text would answer another year's question)."""
    match = PLAN_MENTION.search(question.text) or ENGLISH_PLAN_MENTION.search(question.text)
    if match is None:
        return None
    year = int(next(group for group in match.groups() if group))
    years = sorted({g.plan_year for g in material.goals.values() if material.in_scope(question, g.document_id)})
    return None if not years or year in years else Answer(question, [no_plan_for(question, year, years)])


# A goal word with a head that may be a plan's printed label: 'resultatmålene', 'effektmål', 'delmål'.
_LABELLED_GOALS = re.compile(r"\b([a-zæøå]{3,}mål)(?:ene|et)?\b", re.I)


def asked_kind(question: Question, material: Material) -> GoalKind | None:
    """The kind of goal the question asks for: a kind of GOAL_KINDS, else a label the material's goals are
    printed with ('Resultatmål 2', 'Effektmål 1'), else None (all goals)."""
    named = next((kind for kind in GOAL_KINDS if kind.question_words.search(question.text)), None)
    return named or _label_kind(question, material)


def _label_kind(question: Question, material: Material) -> GoalKind | None:
    labels = {g.number.split()[0].lower() for g in material.goals.values() if " " in g.number}
    asked = (m.group(1).lower() for m in _LABELLED_GOALS.finditer(question.text))
    label = next((word for word in asked if word in labels), None)
    return GoalKind(label, re.compile(rf"\b{label}\w*", re.I), _printed_with(label)) if label else None


def _printed_with(label: str) -> Callable[[Goal], bool]:
    return lambda goal: goal.number.lower().startswith(label)


def goal_counts(question: Question, material: Material, goals: list[Goal]) -> Answer:
    """Per municipality and plan year: how many distinct goals (of the asked kind), by kind, then the list."""
    kind = asked_kind(question, material)
    distinct = distinct_goals(goals, material)
    counted = [g for g in distinct if kind.holds(g)] if kind else distinct
    statements: list[Statement[Citation]] = []
    by_place = _by_municipality_and_year(counted or distinct, material)
    for (municipality, year), listed in by_place.items():
        kinds = {k.name: sum(k.holds(g) for g in listed) for k in GOAL_KINDS} if not kind else {}
        heading = goal_count_heading(
            question, municipality, year, len(listed), kind.name if counted and kind else None, kinds
        )
        statements.append(Statement(heading, _list_starts(listed, goals, material)))
        statements += _count_in_text(question, material, listed, goals)
        statements += [goal_listing(question, goal) for goal in listed]
    return Answer(question, statements, goals=[g.id for g in counted or distinct])


def distinct_goals(goals: list[Goal], material: Material) -> list[Goal]:
    """Each goal once per municipality and plan year, plans first: a reprint has the goal's wording, or its
    number on the same thread (a reprint may reword a goal slightly: 'Flere ledige flygtninge ...')."""
    kept: list[Goal] = []
    for goal in sorted(goals, key=lambda g: material.documents[g.document_id].kind.value != "plan"):
        if not any(_reprints(goal, other, material) for other in kept):
            kept.append(goal)
    order = {goal.id: position for position, goal in enumerate(goals)}
    return sorted(kept, key=lambda g: (g.plan_year, order[g.id]))


def _reprints(goal: Goal, other: Goal, material: Material) -> bool:
    if (goal.plan_year, _municipality(goal, material)) != (other.plan_year, _municipality(other, material)):
        return False
    if " ".join(goal.wording.lower().split()) == " ".join(other.wording.lower().split()):
        return True
    return goal.number == other.number and material.thread_of(goal.id) == material.thread_of(other.id) is not None


def _by_municipality_and_year(goals: list[Goal], material: Material) -> dict[tuple[str, int], list[Goal]]:
    grouped: dict[tuple[str, int], list[Goal]] = {}
    for goal in sorted(goals, key=lambda g: (_municipality(g, material), g.plan_year)):
        grouped.setdefault((_municipality(goal, material), goal.plan_year), []).append(goal)
    return grouped


def _municipality(goal: Goal, material: Material) -> str:
    return material.documents[goal.document_id].municipality or ""


def _list_starts(listed: list[Goal], goals: list[Goal], material: Material) -> list[Citation]:
    """Where each document printing these goals begins its list (its first cited line for them)."""
    threads = {t.id for g in listed if (t := material.thread_of(g.id))}
    wordings = {" ".join(g.wording.split()) for g in listed}
    printed = [
        g
        for g in _same_list(listed[0], goals, material)
        if (t := material.thread_of(g.id)) and t.id in threads or " ".join(g.wording.split()) in wordings
    ]
    starts: dict[str, Citation] = {}
    for citation in (c for g in printed for c in g.citations):
        first = starts.get(citation.source_file)
        if first is None or (citation.page or 0, citation.line_start) < (first.page or 0, first.line_start):
            starts[citation.source_file] = citation
    return list(starts.values())


def _same_list(goal: Goal, goals: list[Goal], material: Material) -> list[Goal]:
    """The goals of `goal`'s plan year and municipality: another town prints the same ministerial goals."""
    place = (goal.plan_year, _municipality(goal, material))
    return [g for g in goals if (g.plan_year, _municipality(g, material)) == place]


def _count_in_text(question: Question, material: Material, listed: list[Goal], goals: list[Goal]) -> list[Statement]:
    """The sentence of the documents themselves that states how many goals they set, if it names our count."""
    followups = sum(_is_followup(g) for g in listed)
    counts = {len(listed), len(listed) - followups} | {sum(k.holds(g) for g in listed) for k in GOAL_KINDS}
    documents = list(dict.fromkeys(g.document_id for g in _same_list(listed[0], goals, material)))
    stating = [
        (passage, _stated_count(match))
        for passage in material.passages(question, documents)
        for match in _COUNTED_GOALS.finditer(passage.text)
    ]
    # a sentence naming our count; else the first count the documents state: a plan counts its goals its own way
    # (a goal with sub-goals a and b is one goal to it), and its own figure is what staff quote
    found = next((p for p, count in stating if count in counts - {0}), None) or next((p for p, _ in stating), None)
    if found is None:
        return []
    return [Statement(goal_count_quote(question, quote(found)), cite(found, material.quoter.source_lines))]


def _stated_count(match: re.Match) -> int | None:
    said = match.group("count").lower()
    return NUMBER_WORDS.get(said, int(said) if said.isdigit() else None)


def plan_years(question: Question, material: Material) -> Answer:
    """Per municipality, the plan years the material holds goals for, each cited where the material names
    that plan (an agenda item's title, the plan's own text) or else at its first goal."""
    by_municipality: dict[str, dict[int, Citation]] = {}
    for goal in material.goals.values():
        if material.in_scope(question, goal.document_id):
            years = by_municipality.setdefault(_municipality(goal, material), {})
            if goal.plan_year not in years:
                years[goal.plan_year] = (
                    _plan_named(material, _municipality(goal, material), goal.plan_year) or (goal.citations[0])
                )
    return Answer(
        question,
        [
            Statement(
                plan_years_line(question, municipality if len(by_municipality) > 1 else "", sorted(years)),
                [years[y] for y in sorted(years)],
            )
            for municipality, years in sorted(by_municipality.items())
        ],
    )


def _plan_named(material: Material, municipality: str, year: int) -> Citation | None:
    """The first line naming the plan of `year`: an agenda item's title, else a line of the plan itself."""
    for item in sorted(material.items, key=lambda i: material.documents[i.document_id].meeting_date or ""):
        if (material.documents[item.document_id].municipality or "") != municipality or not item.citations:
            continue
        if (match := PLAN_MENTION.search(item.title)) and int(match.group("year")) == year:
            return item.citations[0]
    for document in material.documents.values():
        if document.plan_year == year and (document.municipality or "") == municipality:
            lines = material.quoter.source_lines(document.source_file)
            named = next(
                (line for line in lines if (m := PLAN_MENTION.search(line.text)) and m.group("year") == str(year)), None
            )
            if named is not None:
                return Citation(document.source_file, named.page, named.line, named.line)
    return None


def topic_beyond_kind(question: Question, material: Material) -> tuple[str, ...]:
    """The topic terms naming a goal, less those that only name the asked kind ('ministermålene', 'lokale');
    none when the question asks for a list of goals and names no subject for them (goal_topic.asks_for_goal_list:
    'Hvilke mål går igen …' lists, 'Hvilke mål om unge …' is about one topic)."""
    kinds = [*GOAL_KINDS, *filter(None, [_label_kind(question, material)])]
    kind_words = " ".join(m.group(0).lower() for kind in kinds for m in kind.question_words.finditer(question.text))
    named = named_subject(question.text, english=question.language == "en")
    if asks_for_goal_list(question.text) and not [t for t in named if t not in kind_words]:
        return ()
    return tuple(t for t in material.goal_terms(goal_question(question, material)) if t not in kind_words)
