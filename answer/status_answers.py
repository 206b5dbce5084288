"""Status questions: a goal's reported figure against its target, as a sentence, with the table's benchmarks."""

from __future__ import annotations

import re

from answer.goal_overview import missing_plan
from answer.goal_topic import goal_question
from answer.material import Material
from answer.passages import INTENT_MARKERS, Passage, best_passages, cite, quote
from answer.phrasing import (
    Answer,
    Statement,
    goal_name,
    month_year,
    no_evidence,
    number,
    quoted,
    say,
    status_sentence,
    target_sentence,
    topic_da,
    topic_en,
)
from answer.question import Question
from maalspor.model import Goal, StatusObservation, Target
from nlp.danish import parse_number

_PERCENT = re.compile(r"(-?\d+(?:,\d+)?)\s*%")


def answer_status(question: Question, material: Material, searcher=None) -> Answer:
    """Each matching goal's figures and target, with the status text that comments on them; no goal with a
    status: the passage of running text that reports one. A plan year the material lacks: say so."""
    if lacking := missing_plan(question, material):
        return lacking
    statements: list[Statement] = []
    used = []
    for goal in material.resolve_goals(goal_question(question, material)):
        said = status_statements(question, goal)
        statements += said
        if said:
            used.append(goal.id)
    if not statements:
        return _status_from_text(question, material)
    if not any(_in_words(material.goals[i]) for i in used):  # no status text of the goal's own: the report's
        statements += _status_text(question, material, [material.goals[i].document_id for i in used])
    return Answer(question, statements, goals=used)


def _status_from_text(question: Question, material: Material) -> Answer:
    found = best_passages(material.passages(question), material.goal_terms(question), "status", limit=3)
    found = [f for f in found if INTENT_MARKERS["status"].search(f.passage.text)][:1]  # it states a status
    if not found:
        return no_evidence(
            question,
            f"status eller målsætning for {topic_da(question)}",
            f"a status or target for {topic_en(question)}",
        )
    return Answer(question, [_passage_statement(question, found[0].passage, material)])


def _status_text(question: Question, material: Material, documents: list[str]) -> list[Statement]:
    """The sentence of the status report that states the goal's status in words (first matching document)."""
    passages = material.passages(question, documents[:1])
    found = best_passages(passages, material.goal_terms(question), "status", limit=1)
    return [_passage_statement(question, f.passage, material) for f in found]


def _in_words(goal: Goal) -> bool:
    return any(status.value is None and status.persons is None for status in goal.status)


def _passage_statement(question: Question, passage: Passage, material: Material) -> Statement:
    return Statement(
        say(question, f"Statusteksten siger: “{quote(passage)}”", f"The status text says: “{quote(passage)}”"),
        cite(passage, material.quoter.source_lines),
    )


def status_statements(question: Question, goal: Goal) -> list[Statement]:
    """The goal's status figures in the named month or years, each judged against the target.

    No figure in the named month: the figures of that year, after a sentence saying so. No figure at all:
    the goal's target, and a sentence saying which dates the material has figures for."""
    observations = [s for s in goal.status if _in_period(question, goal, s)]
    statements: list[Statement] = []
    if not observations and question.month:
        observations = [s for s in goal.status if (s.date or "").startswith(question.month[:4])]
        if observations:
            statements.append(_not_in_month(question, goal))
    statements += [_observation(question, goal, status) for status in observations]
    in_year = not question.years or goal.plan_year in question.years
    if not observations and in_year:
        if goal.target:
            statements.append(target_sentence(question, goal, goal.target))
        if goal.status:
            statements.append(_no_figure_then(question, goal))
    return statements


def _not_in_month(question: Question, goal: Goal) -> Statement:
    return Statement(
        say(
            question,
            f"Materialet har intet statustal for {goal_name(question, goal)} {quoted(goal)} i "
            f"{month_year(question, question.month)}; det nærmeste er:",
            f"The material has no status figure for {goal_name(question, goal)} {quoted(goal)} in "
            f"{month_year(question, question.month)}; the nearest is:",
        ),
        list(goal.citations),
    )


def _in_period(question: Question, goal: Goal, status: StatusObservation) -> bool:
    """A status reported in running text is undated: it reports on the goal's plan year."""
    date = status.date or ("" if status.value is not None or status.persons is not None else str(goal.plan_year))
    if question.month:
        return date.startswith(question.month)
    return not question.years or any(date.startswith(str(y)) for y in question.years)


def _observation(question: Question, goal: Goal, status: StatusObservation) -> Statement:
    statement = status_sentence(question, goal, status, target_met(goal.target, status))
    benchmarks = benchmarks_of(status, goal.target)
    if benchmarks:
        listed = ", ".join(f"{number(question, b)} %" for b in benchmarks)
        statement.text += say(question, f" Tabellen viser desuden {listed}.", f" The table also shows {listed}.")
    return statement


def _no_figure_then(question: Question, goal: Goal) -> Statement:
    dates = ", ".join(sorted({s.date or "?" for s in goal.status}))
    return Statement(
        say(
            question,
            f"Materialet har ingen statustal for {goal_name(question, goal)} i den nævnte periode, kun for {dates}.",
            f"The material has no status figure for {goal_name(question, goal)} in that period, only for {dates}.",
        ),
        [],
    )


def target_met(target: Target | None, status: StatusObservation) -> bool | None:
    """Whether the reported figure meets the target; None when the two cannot be compared."""
    if target is None or target.placeholder or target.value is None or status.value is None:
        return None
    if target.unit not in (None, status.unit):
        return None
    goal_value, value = target.value, status.value
    comparisons = {
        "fald": value <= -goal_value,
        "stigning": value >= goal_value,
        "maksimum": value <= goal_value,
        "minimum": value >= goal_value,
        "niveau": value >= goal_value,
    }
    return comparisons.get(target.direction or "")


def benchmarks_of(status: StatusObservation, target: Target | None) -> list[float]:
    """The other percentages the status row prints (comparison areas), not the figure or the target."""
    own = {status.value, target.value if target else None, -(target.value) if target and target.value else None}
    values = [parse_number(m.group(1)) for m in _PERCENT.finditer(status.text)]
    return [v for v in values if v is not None and v not in own]
