"""The pieces answers are written with: statements with citations, Danish or English wording, dates."""

from __future__ import annotations

from dataclasses import dataclass, field

from answer.question import Question
from maalspor.model import Citation, Goal
from nlp.danish import MONTH_NAMES
from nlp.wording_diff import normalize_wording


@dataclass
class Statement:
    text: str
    citations: list[Citation]


@dataclass
class Answer:
    question: Question
    statements: list[Statement]
    goals: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)

    @property
    def evidence(self) -> bool:
        return any(statement.citations for statement in self.statements)


def say(question: Question, danish: str, english: str) -> str:
    return english if question.language == "en" else danish


def no_evidence(question: Question, danish: str, english: str) -> Answer:
    return Answer(
        question,
        [
            Statement(
                say(question, f"Det fremgår ikke af materialet {danish}.", f"The material does not show {english}."),
                [],
            )
        ],
    )


def topic_da(question: Question) -> str:
    return _topic(question, "i")


def topic_en(question: Question) -> str:
    return _topic(question, "in")


def _topic(question: Question, preposition: str) -> str:
    """The question's topic words, and its years after `preposition` ('i' / 'in')."""
    words = " ".join(question.terms) or "?"
    return words + (f" {preposition} {', '.join(map(str, question.years))}" if question.years else "")


def quoted(goal: Goal) -> str:
    return f"“{normalize_wording(goal.wording)}”"


def goal_line(question: Question, goal: Goal) -> Statement:
    target = f" ({say(question, 'mål', 'target')}: {goal.target.text})" if goal.target else ""
    return Statement(
        say(
            question,
            f"I {goal.plan_year} lød mål {goal.number}: {quoted(goal)}{target}.",
            f"In {goal.plan_year} goal {goal.number} read: {quoted(goal)}{target}.",
        ),
        goal.citations[:1],
    )


def danish_date(iso: str | None) -> str:
    if not iso or len(iso) != 10:
        return iso or "ukendt dato"
    year, month, day = iso.split("-")
    return f"{int(day)}. {MONTH_NAMES[int(month) - 1]} {year}"
