"""The pieces answers are written with: statements with citations, and every Danish/English sentence template.

The web page reuses these functions to word what it shows; their names and parameters stay stable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from answer.question import Question
from maalspor.model import Goal, StatusObservation, Target
from nlp.danish import MONTH_NAMES, counted_noun, parse_number
from nlp.wording_diff import normalize_wording

ENGLISH_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip


# What a statement cites: Citation records while answers are composed; once quoted for the API, the
# citation records with their quotes (answer.records.CitationQuoter.record).
CitationT = TypeVar("CitationT")


@dataclass
class Statement(Generic[CitationT]):
    """One fact as a sentence, with the citations it rests on."""

    text: str
    citations: list[CitationT]


@dataclass
class Answer(Generic[CitationT]):
    """The statements answering one question, and the goals, links and decisions they rest on."""

    question: Question
    statements: list[Statement[CitationT]]
    goals: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)
    abstained: bool = False  # it only says the material does not show what was asked (no_evidence)

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
        abstained=True,
    )


def topic_da(question: Question) -> str:
    return _topic(question, "i")


def topic_en(question: Question) -> str:
    return _topic(question, "in")


def _topic(question: Question, preposition: str) -> str:
    """The question's topic words, and its years after `preposition` ('i' / 'in')."""
    # no topic word left (the question named only a goal number or a year): say so in words, not '?'
    words = " ".join(question.terms) or ("det, der spørges om" if preposition == "i" else "what was asked")
    return words + (f" {preposition} {', '.join(map(str, question.years))}" if question.years else "")


def goal_name(question: Question, goal: Goal) -> str:
    """'mål 6' / 'goal 6'; a number that carries its own label stays as printed ('følgemål b')."""
    if not goal.number[:1].isdigit() and " " in goal.number:
        return goal.number
    return f"{say(question, 'mål', 'goal')} {goal.number}"


def quoted(goal: Goal) -> str:
    return f"“{normalize_wording(goal.wording)}”"


def goal_line(question: Question, goal: Goal) -> Statement:
    target = f" ({say(question, 'mål', 'target')}: {goal.target.text})" if goal.target else ""
    return Statement(
        say(
            question,
            f"I {goal.plan_year} lød {goal_name(question, goal)}: {quoted(goal)}{target}.",
            f"In {goal.plan_year} {goal_name(question, goal)} read: {quoted(goal)}{target}.",
        ),
        list(goal.citations),
    )


def goal_year_line(question: Question, goal: Goal) -> Statement:
    """The goal's wording and target in its plan year, and its latest status figure, if any."""
    line = goal_line(question, goal)
    latest = max(goal.status, key=lambda s: s.date or "", default=None)
    if latest is not None:
        figure = _status_value(question, latest, goal)
        line.text += say(
            question,
            f" Seneste status ({month_year(question, latest.date)}): {figure}.",
            f" Latest status ({month_year(question, latest.date)}): {figure}.",
        )
        line.citations += latest.citations
    return line


def year_list(question: Question, years: Sequence[int | str]) -> str:
    """'2014, 2015 og 2019' / '2014, 2015 and 2019'."""
    words = [str(y) for y in years]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {say(question, 'og', 'and')} {words[-1]}"


def coverage(question: Question, goal_years: list[int], plan_years: list[int]) -> Statement:
    """Which plan years the material holds and which of them lack the goal."""
    missing = [y for y in plan_years if y not in goal_years]
    gaps = year_gaps(plan_years)
    lacks_da = f" (ingen for {year_list(question, gaps)})" if gaps else ""
    lacks_en = f" (none for {year_list(question, gaps)})" if gaps else ""
    da = f"Materialet rummer planer for {year_list(question, plan_years)}{lacks_da}; målet findes i {year_list(question, goal_years)}"
    en = f"The material holds plans for {year_list(question, plan_years)}{lacks_en}; the goal is in {year_list(question, goal_years)}"
    if missing:
        da += f", ikke i {year_list(question, missing)}"
        en += f", not in {year_list(question, missing)}"
    return Statement(say(question, da + ".", en + "."), [])


def month_year(question: Question, yyyy_mm: str | None) -> str:
    """'marts 2019' / 'March 2019' from '2019-03'."""
    if not yyyy_mm or len(yyyy_mm) < 7:
        return yyyy_mm or say(question, "ukendt dato", "unknown date")
    year, month = yyyy_mm[:4], int(yyyy_mm[5:7])
    return f"{say(question, MONTH_NAMES[month - 1], ENGLISH_MONTH_NAMES[month - 1])} {year}"


def number(question: Question, value: float) -> str:
    """41.3 -> '41,3' in Danish, '41.3' in English; whole numbers without decimals."""
    text = f"{value:g}" if value != int(value) else str(int(value))
    return text.replace(".", ",") if question.language == "da" else text


def status_sentence(question: Question, goal: Goal, status: StatusObservation, met: bool | None) -> Statement:
    """'Status marts 2019 for mål 6 (2019) “…”: 41,3 pct. (186 personer) — målet (40 pct.) er nået.'"""
    value = _status_value(question, status, goal)
    target = target_summary(question, goal.target) if goal.target else None
    # a status in words (no figure) is quoted beside the target for the reader to judge; only figures are judged
    figureless = status.value is None and status.persons is None
    unjudged = ("", "") if figureless else ("kan ikke vurderes ud fra tallet", "cannot be judged from the figure")
    verdict_da = {True: "er nået", False: "er ikke nået", None: unjudged[0]}[met]
    verdict_en = {True: "is met", False: "is not met", None: unjudged[1]}[met]
    tail_da = f" — målet ({target}) {verdict_da}".rstrip() if target else ""
    tail_en = f" — the target ({target}) {verdict_en}".rstrip() if target else ""
    when = f" {month_year(question, status.date)}" if status.date else ""  # a status in running text: undated
    return Statement(
        say(
            question,
            f"Status{when} for {goal_name(question, goal)} ({goal.plan_year}) {quoted(goal)}: "
            + _ended(f"{value}{tail_da}"),
            f"Status{when} for {goal_name(question, goal)} ({goal.plan_year}) {quoted(goal)}: "
            + _ended(f"{value}{tail_en}"),
        ),
        status.citations,
    )


# Target directions as the plans write them -> (Danish, English) words before the figure.
DIRECTION_WORDS = {
    "fald": ("fald på", "a fall of"),
    "stigning": ("stigning på", "a rise of"),
    "minimum": ("mindst", "at least"),
    "maksimum": ("højst", "at most"),
    "niveau": ("", ""),
}


def target_summary(question: Question, target: Target) -> str:
    """'fald på 4 pct.' / 'at least 60 pct.': the target's figure; its own words when it has none."""
    if target.value is None or target.placeholder:
        return target.text
    da, en = DIRECTION_WORDS.get(target.direction or "", ("", ""))
    unit = "pct." if target.unit == "pct" else (target.unit or "")
    return " ".join(filter(None, (say(question, da, en), number(question, target.value), unit)))


def _status_value(question: Question, status: StatusObservation, goal: Goal) -> str:
    parts = []
    if status.value is not None:
        figure = printed(question, status.value, status.text)
        parts.append(f"{figure} {'pct.' if status.unit == 'pct' else (status.unit or '')}".strip())
    if status.persons is not None:
        # a count is of persons unless the goal counts something else ('Overblik over virksomheder …': 73
        # companies); the Danish noun has no English word here, so the English answer gives the figure alone
        counted = counted_noun(goal.wording)
        unit = say(question, counted or "personer", "" if counted else "persons")
        persons = f"{printed(question, status.persons, status.text)} {unit}".strip()
        parts.append(f"({persons})" if parts else persons)
    return " ".join(parts) or f"“{' '.join(status.text.split())}”"


_NUMBER_TOKEN = re.compile(r"-?\d+(?:[.,]\d+)*")


def printed(question: Question, value: float, source: str) -> str:
    """The figure as the source prints it ('28,0', not '28'), in the question's decimal mark."""
    token = next((t for t in _NUMBER_TOKEN.findall(source) if parse_number(t) == value), None)
    if token is None:
        return number(question, value)
    return token.replace(",", ".") if question.language == "en" and "." not in token else token


def _ended(text: str) -> str:
    return text if text.endswith(".") else text + "."


def target_sentence(question: Question, goal: Goal, target: Target) -> Statement:
    return Statement(
        say(
            question,
            f"Målsætningen i {goal_name(question, goal)} ({goal.plan_year}) {quoted(goal)} er: {target.text}.",
            f"The target of {goal_name(question, goal)} ({goal.plan_year}) {quoted(goal)} is: {target.text}.",
        ),
        list(goal.citations),
    )


def danish_date(iso: str | None) -> str:
    if not iso or len(iso) != 10:
        return iso or "ukendt dato"
    year, month, day = iso.split("-")
    return f"{int(day)}. {MONTH_NAMES[int(month) - 1]} {year}"


def english_date(iso: str | None) -> str:
    if not iso or len(iso) != 10:
        return iso or "unknown date"
    year, month, day = iso.split("-")
    return f"{int(day)} {ENGLISH_MONTH_NAMES[int(month) - 1]} {year}"


def date_in(question: Question, iso: str | None) -> str:
    return danish_date(iso) if question.language == "da" else english_date(iso)


# Goal kinds (answer/goal_overview.py) as a count names them: (Danish, English).
GOAL_KIND_LABELS = {
    "ministermål": ("ministermål", "ministermål (ministerial goals)"),
    "følgemål": ("følgemål", "follow-up goals (følgemål)"),
    "lokale mål": ("lokale mål", "local goals"),
}


def goal_kind_label(kind: str) -> tuple[str, str]:
    """(Danish, English) for a goal kind; a kind named by the plan's own label ('resultatmål') keeps it."""
    return GOAL_KIND_LABELS.get(kind, (kind, kind))


def goal_count_heading(
    question: Question, municipality: str, year: int, count: int, kind: str | None, by_kind: dict[str, int]
) -> str:
    """'Lyngby-Taarbæk Kommune har 17 mål for 2019: 11 mål (1 ministermål og 10 lokale mål) og 6 følgemål.'"""
    label_da, label_en = goal_kind_label(kind) if kind else ("mål", "goals")
    followups = by_kind.get("følgemål", 0)
    origins = [(n, *goal_kind_label(name)) for name, n in by_kind.items() if n and name != "følgemål"]
    origins_da = " og ".join(f"{n} {da}" for n, da, _ in origins)
    origins_en = " and ".join(f"{n} {en}" for n, _, en in origins)
    if followups:
        main = count - followups
        split_da = f": {main} mål" + (f" ({origins_da})" if len(origins) > 1 else "") + f" og {followups} følgemål"
        split_en = (
            f": {main} goals" + (f" ({origins_en})" if len(origins) > 1 else "") + f" and {followups} follow-up goals"
        )
    else:
        split_da, split_en = (f": {origins_da}", f": {origins_en}") if len(origins) > 1 else ("", "")
    return say(
        question,
        f"{municipality or 'Materialet'} har {count} {label_da} for {year}{split_da}.",
        f"{municipality or 'The material'} has {count} {label_en} for {year}{split_en}.",
    )


def goal_count_quote(question: Question, text: str) -> str:
    return say(question, f"Teksten selv skriver: “{text}”", f"The text itself says: “{text}”")


def goal_listing(question: Question, goal: Goal) -> Statement:
    """'Mål 1: “…”.' — one goal of a list."""
    return Statement(f"{goal_name(question, goal).capitalize()}: {quoted(goal)}.", list(goal.citations))


def year_gaps(years: list[int]) -> list[str]:
    """The runs of years missing between the first and last of `years`: [2016, 2019] -> ['2017–2018']."""
    gaps = []
    for before, after in zip(years, years[1:], strict=False):
        if after - before == 2:
            gaps.append(str(before + 1))
        elif after - before > 2:
            gaps.append(f"{before + 1}–{after - 1}")
    return gaps


def plan_years_line(question: Question, municipality: str, years: list[int]) -> str:
    """'Materialet rummer mål for Greve Kommunes planår 2023 og 2024; det mangler 2020–2021.'"""
    gaps = year_gaps(years)
    whose_da = f"{municipality}s planår" if municipality else "planårene"
    whose_en = f"{municipality}'s plan years" if municipality else "the plan years"
    lacks_da = f"; imellem mangler {year_list(question, gaps)}" if gaps else ""
    lacks_en = f"; it lacks {year_list(question, gaps)} in between" if gaps else ""
    return say(
        question,
        f"Materialet rummer mål for {whose_da} {year_list(question, years)}{lacks_da}.",
        f"The material holds goals for {whose_en} {year_list(question, years)}{lacks_en}.",
    )


def carry_over_quote(question: Question, title: str, text: str) -> str:
    return say(question, f"{title} skriver: “{text}”", f"{title} says: “{text}”")


def no_plan_for(question: Question, year: int, plan_years: list[int]) -> Statement:
    """'Materialet indeholder ikke en plan for 2021 (kun for 2015, 2019 og 2022).'"""
    held = year_list(question, plan_years)
    return Statement(
        say(
            question,
            f"Materialet indeholder ikke en plan for {year} (kun for {held}).",
            f"The material does not hold a plan for {year} (only for {held}).",
        ),
        [],
    )


def no_municipality(question: Question, name: str, held: list[str]) -> Statement:
    """'Materialet indeholder ikke noget fra Odense Kommune, kun fra Greve Kommune og Lyngby-Taarbæk Kommune.'"""
    listed = year_list(question, held)
    return Statement(
        say(
            question,
            f"Materialet indeholder ikke noget fra {name} Kommune, kun fra {listed}.",
            f"The material does not hold anything from {name} Municipality, only from {listed}.",
        ),
        [],
    )


def no_meeting_on(question: Question, day: str, nearest: list[str]) -> Statement:
    """'Materialet indeholder ikke et møde den 12. marts 2013 (de nærmeste: 4. december 2012 og 15. maj 2013).'"""
    held = year_list(question, [date_in(question, d) for d in nearest])
    return Statement(
        say(
            question,
            f"Materialet indeholder ikke et møde den {date_in(question, day)} (de nærmeste: {held}).",
            f"The material does not hold a meeting on {date_in(question, day)} (the nearest: {held}).",
        ),
        [],
    )


def plan_areas_line(question: Question, intro: str, names: list[str]) -> str:
    """'“Beskæftigelsesplan 2015”: 4 indsatsområder: “Unge”, “…”.' — the plan as the text names it, the count."""
    listed = ", ".join(f"“{name}”" for name in names)
    return say(
        question,
        f"“{intro}”: {len(names)} indsatsområder: {listed}.",
        f"“{intro}”: {len(names)} areas: {listed}.",
    )
