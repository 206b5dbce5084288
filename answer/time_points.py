"""The months a question names ('fra feb 2020 til april 2023', 'in April 2023'), and whether a text names them.

A case text that reports a figure dates it by month ('I februar 2020 var antallet 90 og i april 2023 på 100'),
and a question asking for the figure at a time names that month: of the sentences about the topic, the one
dated as the question is dated holds the figure asked for. Years alone do not count: nearly every sentence of
a plan or status is about its year.
"""

from __future__ import annotations

import re

from nlp.danish import ENGLISH_MONTHS, MONTHS

_MONTH_NUMBERS = {**ENGLISH_MONTHS, **MONTHS}
_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?\s+((?:19|20)\d\d)\b", re.I
)

MonthYear = tuple[int, int]


def months_named(text: str) -> frozenset[MonthYear]:
    """(year, month) of every month the text names with its year."""
    return frozenset((int(year), _MONTH_NUMBERS[month.lower()]) for month, year in _MONTH_YEAR.findall(text))


def names_a_month_of(text: str, months: frozenset[MonthYear]) -> bool:
    """The text names one of `months` (the question's)."""
    return bool(months) and not months.isdisjoint(months_named(text))
