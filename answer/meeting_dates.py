"""A meeting named by its day or month without a year ('mødet d. 12/3', 'i marts', 'the March meeting'): the year
is taken from the meetings the material holds, and the answer says which year it assumed.

Staff name a meeting of the current season without its year. The material may hold meetings on that day or in
that month in several years; the latest is meant (the one still talked about), unless the question names a year
elsewhere. Where no meeting falls on it, the question is left as it is (the answer then says no meeting matches).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from answer.material import Material
from answer.phrasing import Statement, date_in, month_year, say, year_list
from answer.question import Question
from nlp.danish import MONTH_PATTERN

# The intents whose answer is about one meeting or one day's decisions.
MEETING_INTENTS = frozenset({"absent", "attachments", "decision", "history"})

# A meeting day or month the question names as the edge of a history, not as the meeting asked about: 'inden aug
# 2023', 'før mødet den 1. oktober', 'forud for byrådets møde 9. april', 'before TU on 1 October 2025' (upper);
# 'efter juni 2019', 'siden marts 2024', 'after the May meeting' (lower). The bound word comes first and the day or
# month follows within a few words (a body, 'mødet', 'den', 'on the').
_BOUND = re.compile(
    r"\b(?:(?P<upper>inden|før|forud for|tidligere end|before|prior to|until|earlier than)"
    r"|(?P<lower>efter|siden|senere end|after|since|later than))"
    rf"\s+(?:[\w.-]+\s+){{0,4}}?(?:\d{{1,2}}\b|(?:{MONTH_PATTERN})\b)",
    re.I,
)


@dataclass(frozen=True)
class DateBound:
    """The day ('yyyy-mm-dd') or month ('yyyy-mm') a history is asked to end before (or start after)."""

    edge: str
    before: bool

    def admits(self, date: str) -> bool:
        """Whether a treatment on `date` lies on the asked side of the edge (a month's own days are in it)."""
        head = date[: len(self.edge)]
        return bool(date) and (head < self.edge if self.before else head > self.edge)


def date_bound(question: Question) -> DateBound | None:
    """The edge a question sets on a history ('sidst inden aug 2023'); None where it names a meeting to answer about."""
    edge = question.date or question.month
    match = _BOUND.search(question.text)
    return DateBound(edge, match.group("upper") is not None) if edge and match else None


def without_named_meeting(question: Question) -> Question:
    """The question with its meeting day, month and years left open (a bound on them is applied afterwards)."""
    return replace(question, date=None, month=None, years=(), undated=None)


def with_year_assumed(question: Question, material: Material) -> tuple[Question, Statement | None]:
    """The question with the undated day or month dated in the latest year the material has a meeting then (in
    scope, and in a year the question names), and the statement saying so; unchanged, None, where none is."""
    if question.kind not in MEETING_INTENTS or not question.undated or question.date or question.month:
        return question, None
    years = sorted({day[:4] for day in _meeting_days(question, material) if day[5:].startswith(question.undated)})
    if not years:
        return question, None
    dated = f"{years[-1]}-{question.undated}"
    resolved = replace(question, date=dated) if len(question.undated) == 5 else replace(question, month=dated)
    return resolved, _assumption(question, dated, years)


def _meeting_days(question: Question, material: Material) -> set[str]:
    """The days the meetings in scope were held, in the years the question names if it names any."""
    named = {str(year) for year in question.years}
    return {day for day in material.meeting_days(question) if not named or day[:4] in named}


def _assumption(question: Question, dated: str, years: list[str]) -> Statement:
    when = date_in(question, dated) if len(dated) == 10 else month_year(question, dated)
    if len(years) == 1:
        danish = f"materialet har kun møder på det tidspunkt i {years[0]}, så svaret gælder {when}"
        english = f"the material has meetings then only in {years[0]}, so the answer is about {when}"
    else:
        held = year_list(question, years)
        danish = f"materialet har møder på det tidspunkt i {held}, og svaret gælder det seneste: {when}"
        english = f"the material has meetings then in {held}, and the answer is about the latest: {when}"
    return Statement(
        say(question, f"Spørgsmålet nævner intet år; {danish}.", f"The question names no year; {english}."), []
    )
