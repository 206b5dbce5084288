"""The scope a question names and the material does not hold: say so, and answer nothing from elsewhere.

A municipality, a meeting day or a year named in a question is a constraint, not a hint: 'hvem var fraværende
på mødet 12/3 2013' must not be answered from another meeting of 2013, nor 'what did Randers decide' from the
papers of another municipality. The answer then says what the material holds instead.
"""

from __future__ import annotations

import re
from datetime import date

from answer.attendance_notes import announced_absences
from answer.material import Material
from answer.phrasing import Answer, no_meeting_on, no_municipality, no_plan_for
from answer.question import Question

# The intents that answer about the one meeting a named day picks (a history reads a day as an edge too).
ONE_MEETING_INTENTS = frozenset({"absent", "attachments", "decision"})
# The intents that answer about a goal's figures in a named year.
YEAR_FIGURE_INTENTS = frozenset({"status"})
# How many of the held meeting days nearest a missing one the answer names.
NEAREST_DAYS = 3
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def out_of_scope(question: Question, material: Material) -> Answer | None:
    """The answer for a question whose named municipality, meeting day or year the material lacks; else None."""
    return _unknown_municipality(question, material) or _no_meeting(question, material) or _no_year(question, material)


def _no_meeting(question: Question, material: Material) -> Answer | None:
    if question.kind not in ONE_MEETING_INTENTS or not question.date:
        return None
    days = {day for day in material.meeting_days(question) if _ISO_DAY.fullmatch(day)}
    if not days or question.date in days:
        return None
    nearest = sorted(days, key=lambda day: abs(_days_apart(day, question.date or day)))[:NEAREST_DAYS]
    # earlier minutes may announce who will be absent from it ('X melder afbud til mødet den 10. oktober')
    announced = announced_absences(question, material) if question.kind == "absent" else []
    return Answer(question, [no_meeting_on(question, question.date, sorted(nearest)), *announced])


def _no_year(question: Question, material: Material) -> Answer | None:
    """Status asked for years the material tells nothing about: no plan, status figure, period or meeting then."""
    if question.kind not in YEAR_FIGURE_INTENTS or not question.years:
        return None
    told = material.years_told(question)
    if not told or any(year in told for year in question.years):
        return None
    return Answer(question, [no_plan_for(question, question.years[0], material.plan_years())])


def _days_apart(first: str, second: str) -> int:
    return (date.fromisoformat(first) - date.fromisoformat(second)).days


def _unknown_municipality(question: Question, material: Material) -> Answer | None:
    """A question naming a municipality the material holds nothing from: say so, and whose material it holds
    (scoping to that name would leave nothing, and 'no goal about X' would hide why)."""
    held = sorted({d.municipality for d in material.documents.values() if d.municipality})
    name = question.municipality
    if not name or any(name.lower() in municipality.lower() for municipality in held):
        return None
    return Answer(question, [no_municipality(question, name, held)])
