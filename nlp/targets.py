"""Read the quantified target and the period out of one goal sentence.

'skal falde med 4 pct. fra oktober 2018 til oktober 2019' -> Target(fald, 4, pct) + Period(2018-10, 2019-10)
'skal begrænses til X personer i december 2015 svarende til ...' -> Target(maksimum, placeholder) + Period
"""

from __future__ import annotations

import re

from maalspor.model import Period, Target
from nlp.danish import MONTH_PATTERN, MONTHS, full_year, parse_number
from nlp.language import lemmas

_MONTH = r"(?:" + MONTH_PATTERN + r")\.?"
_VALUE = r"(?P<value>\d+(?:,\d+)?|X)"
_UNIT = r"(?P<unit>procentpoint|pct\.?|procent|%|fuldtidspersoner|personer)"
_QUANTITY = re.compile(_VALUE + r"\s*" + _UNIT + r"(?![a-zæøå])", re.I)
# The part after 'svarende til' restates the target in persons; it is not the target itself.
_EQUIVALENT = re.compile(r",?\s*svarende til\b", re.I)
_PERSONS = re.compile(r"(?P<persons>\d+(?:\.\d{3})*)\s*(?:fuldtidspersoner|personer)\b", re.I)

# Order matters: a ceiling ('maksimalt', 'begrænses til') beats the word for the change it limits,
# and a named change ('falde med mindst') beats the floor word that qualifies it.
_DIRECTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("maksimum", re.compile(r"\b(?:maksimalt|maksimum|højst|max\.?|begrænses til)\b", re.I)),
    ("fald", re.compile(r"\b(?:fald|falde|faldet|reduceres|nedbringes)\b", re.I)),
    ("stigning", re.compile(r"\b(?:stigning|stige|stiger|øges)\b", re.I)),
    ("minimum", re.compile(r"\b(?:minimum|mindst|min\.)\s", re.I)),
)

_UNIT_NAMES = {
    "pct": "pct",
    "pct.": "pct",
    "procent": "pct",
    "%": "pct",
    "procentpoint": "procentpoint",
    "personer": "personer",
    "fuldtidspersoner": "fuldtidspersoner",
}


def parse_target(sentence: str) -> Target | None:
    """The target of a goal sentence, or None when the sentence sets no quantity."""
    text = " ".join(sentence.split())
    main_clause = _EQUIVALENT.split(text, maxsplit=1)[0]
    # The target follows the modal verb ('... ledige i min. 80 pct. af tiden – skal begrænses til X
    # personer'); only a goal that opens with its quantity ('40 pct. af flygtninge ... skal') has it before.
    modal = re.search(r"\bskal\b", main_clause)
    after_modal = main_clause[modal.end() :] if modal else ""
    if _QUANTITY.search(after_modal):
        main_clause = after_modal
        text = text[text.index(after_modal) :] if after_modal in text else text
    quantity = _QUANTITY.search(main_clause)
    if quantity is None:
        return None
    direction = _direction(main_clause)
    first_cue = min([quantity.start()] + [m.start() for _, p in _DIRECTIONS if (m := p.search(main_clause))])
    raw_value = quantity.group("value")
    return Target(
        text=text[first_cue:].rstrip(". "),
        direction=direction,
        value=None if raw_value.upper() == "X" else parse_number(raw_value),
        unit=_UNIT_NAMES[quantity.group("unit").lower()],
        persons=equivalent_persons(text),
        placeholder=raw_value.upper() == "X",
    )


def _direction(clause: str) -> str:
    for direction, pattern in _DIRECTIONS:
        if pattern.search(clause):
            return direction
    return "niveau"  # 'skal være 26 pct.', '40 pct. af flygtninge ... skal være i beskæftigelse'


def equivalent_persons(text: str) -> int | None:
    """'... svarende til 45 personer' -> 45: the target or status restated in persons."""
    parts = _EQUIVALENT.split(text, maxsplit=1)
    if len(parts) < 2:
        return None
    match = _PERSONS.search(parts[1])
    return int(match.group("persons").replace(".", "")) if match else None


_MONTH_YEAR = _MONTH + r"\s+(?:\d{4})"
_FROM_TO = re.compile(
    r"\bfra\s+(?P<start>" + _MONTH_YEAR + r"|\d{4})\s+(?:og\s+)?til\s+(?P<end>" + _MONTH_YEAR + r"|\d{4})", re.I
)
_AT_MONTH = re.compile(r"\bi\s+(?P<end>" + _MONTH_YEAR + r")", re.I)
_IN_YEAR = re.compile(r"\bi\s+(?P<year>(?:19|20)\d{2})\b", re.I)
_BASELINE = re.compile(
    r"\b(?:ift\.|i forhold til|siden)\s+(?P<baseline>" + _MONTH + r"[\s-]*\d{2,4}|(?:19|20)\d{2})", re.I
)


def parse_period(sentence: str) -> Period | None:
    """The period a goal sentence measures over, or None when it names none."""
    text = " ".join(sentence.split())
    baseline_match = _BASELINE.search(text)
    baseline = _month_or_year(baseline_match.group("baseline"), first=True) if baseline_match else None
    if match := _FROM_TO.search(text):
        return Period(
            text=match.group(0),
            start=_month_or_year(match.group("start"), first=True),
            end=_month_or_year(match.group("end"), first=False),
            baseline=baseline,
        )
    if match := _AT_MONTH.search(text):
        return Period(
            text=match.group(0), start=None, end=_month_or_year(match.group("end"), first=False), baseline=baseline
        )
    if match := _IN_YEAR.search(text):
        year = match.group("year")
        return Period(text=match.group(0), start=f"{year}-01", end=f"{year}-12", baseline=baseline)
    if baseline_match and baseline:
        return Period(text=baseline_match.group(0), baseline=baseline)
    return None


def _month_or_year(text: str, first: bool) -> str:
    """'december 2015' -> '2015-12'; a bare year is its first or last month."""
    month_match = re.match(r"(?P<month>[a-zæøå]+)\.?[\s-]*(?P<year>\d{2,4})", text.strip(), re.I)
    if month_match and month_match.group("month").lower() in MONTHS:
        year = full_year(int(month_match.group("year")))
        return f"{year:04d}-{MONTHS[month_match.group('month').lower()]:02d}"
    return f"{text.strip()}-{'01' if first else '12'}"


# Most specific first: 'jobparate ledige +55 år' are also 'ledige'. Each rule: the label, lemmas that
# must all occur, and an optional pattern on the raw wording (ages do not lemmatise).
_GROUP_RULES: tuple[tuple[str, tuple[str, ...], re.Pattern[str] | None], ...] = (
    ("jobparate ledige +55 år", ("jobparate",), re.compile(r"(?:\+\s*|over\s+)55\s*år", re.I)),
    ("aktivitetsparate over 30 år", ("aktivitetsparate",), re.compile(r"(?:over|o\.)\s*30\s*år", re.I)),
    ("flygtninge og familiesammenførte", ("flygtning",), None),
    ("personer med handicap", ("handicap",), None),
    ("unge", ("unge",), None),
    ("kontanthjælpsmodtagere", ("kontanthjælpsmodtager",), None),
    ("sygedagpengemodtagere", ("sygedagpengemodtager",), None),
    ("akademikere", ("akademiker",), None),
    ("langtidsledige", ("langtidsledig",), None),
    ("borgere i ressourceforløb", ("ressourceforløb",), None),
    ("personer på offentlig forsørgelse", ("forsørgelse",), None),
    ("ledige", ("ledig",), None),
    ("virksomhederne", ("virksomhed",), None),
)


def target_group(wording: str) -> str | None:
    """Who a goal is about, from its wording: 'Flere flygtninge og ... skal ...' -> 'flygtninge og familiesammenførte'."""
    words = set(lemmas(wording)) | set(re.findall(r"[a-zæøå]+", wording.lower()))
    for label, required, pattern in _GROUP_RULES:
        if all(word in words for word in required) and (pattern is None or pattern.search(wording)):
            return label
    return None
