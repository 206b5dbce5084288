"""Earlier (and planned) treatments of a case that its own text mentions by body and date.

A Danish case text records where the case has been before in a few conventional shapes:
- a reference line opening the item: 'Sundheds- og Forebyggelsesudvalget den 30. maj 2012 Punkt 7'
  (eDoc), 'Økonomiudvalget 12.03.2019, pkt. 4';
- a sentence naming a body, a verb of treatment and the date: 'som udvalget fik forelagt den 10. oktober
  2022', 'Byrådet godkendte den 5. maj 2021 …', 'På mødet den 11. juni drøfter Beskæftigelses- og
  Integrationsudvalget …' (a date without its year is in the year of the text around it).
The generic 'udvalget' is the committee whose papers these are; a date that is the meeting's own is not an
earlier treatment. Structured case histories ('Sagsforløb: Udvalg … Dato …') are parsed as decisions
(nlp.minutes) and are not repeated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from maalspor.model import SourceLine
from nlp.bodies import find_bodies
from nlp.danish import DATE_PATTERN, MONTH_PATTERN, MONTHS, parse_danish_date

# Word starts of the verbs and nouns Danish case texts use for a body dealing with a case.
_TREATMENT = re.compile(
    r"\b(?:forelag|forelæg|behandl|drøft|besluts?t|beslutning|godkend|vedt[ao]g|orienter|tiltr[åa]d|"
    r"anbefal|oversend|udsat|udsatte|genoptag|møde[ts]?\b|pkt\.|punkt\b)",
    re.I,
)
# A body followed at once by the date of its meeting: the reference line of eDoc and similar systems.
_BODY_THEN_DATE = re.compile(
    rf"^\s*,?\s*(?:(?:i|på)\s+(?:sit\s+|dets\s+)?møde(?:t)?\s+)?(?:den\s+|d\.\s*)?(?P<date>{DATE_PATTERN})", re.I
)
# A date written without its year: 'den 11. juni'.
_DAY_MONTH = re.compile(rf"\b(?:den|d\.)\s+(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH_PATTERN})\b(?!\.?\s+\d{{4}})", re.I)
# Bodies referred to by their kind in running text, lower case ('som udvalget fik forelagt', 'i byrådets
# møde'): 'udvalget' is the committee whose papers these are, the others the municipality's one such body.
_GENERIC_BODY = re.compile(r"\b(?P<kind>udvalget|byrådet|kommunalbestyrelsen|regionsrådet|magistraten)s?\b")
# A date after these words is a deadline, a period's start or a document's date, not a meeting held:
# 'senest den 15. oktober', 'vedtægt af 1. december 2021', 'fra 1. januar'.
_NOT_A_MEETING = re.compile(r"\b(?:senest|inden|indtil|af|fra|pr\.|per|frem til|gældende)\s+(?:den\s+|d\.\s*)?$", re.I)
# A date right after a meeting of others than the municipality's bodies is theirs, whatever body the sentence
# names: 'På baggrund af input fra udvalget beslutter bestyrelsen på bestyrelsesmøde den 17. august 2023 …',
# 'borgermøde den …', 'generalforsamlingen den …'.
_OTHERS_MEETING = re.compile(
    r"\b(?:bestyrelses|borger|informations|dialog|netværks|styregruppe|følgegruppe|projektgruppe)møde[t]?\s+"
    r"(?:den\s+|d\.\s*)?$|\bgeneralforsamling(?:en)?\s+(?:den\s+|d\.\s*)?$",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")


@dataclass(frozen=True)
class TreatmentMention:
    date: str  # ISO yyyy-mm-dd
    body: str
    line: SourceLine


def treatment_mentions(lines: list[SourceLine], own_body: str | None, own_date: str | None) -> list[TreatmentMention]:
    """The treatments `lines` (one case's text) mention, in the order of the text, each once."""
    year = int(own_date[:4]) if own_date else None
    found: dict[tuple[str, str], TreatmentMention] = {}
    for line in lines:
        for sentence in _SENTENCE_END.split(line.text):
            for date, body in _mentions(sentence, own_body, year):
                if date != own_date:
                    found.setdefault((date, body.lower()), TreatmentMention(date, body, line))
    return list(found.values())


def _mentions(sentence: str, own_body: str | None, year: int | None) -> list[tuple[str, str]]:
    """(date, body) of each treatment the sentence records: a body right before its meeting date, or a
    body, a verb of treatment and a date in one sentence (the body named nearest the date)."""
    bodies = [(mention.name, mention.start, mention.end) for mention in find_bodies(sentence)]
    for match in _GENERIC_BODY.finditer(sentence):
        kind = match.group("kind")
        name = own_body if kind == "udvalget" else kind.capitalize()
        if name:
            bodies.append((name, match.start(), match.end()))
    if not bodies:
        return []
    adjacent = [(date, name) for name, _, end in bodies if (date := _date_after(sentence, end))]
    if adjacent:
        return adjacent
    dates = dates_in(sentence, year)
    if not dates or not _TREATMENT.search(sentence):
        return []
    date, position = dates[0]
    name = min(bodies, key=lambda body: min(abs(body[1] - position), abs(body[2] - position)))[0]
    return [(date, name)]


def _date_after(sentence: str, end: int) -> str | None:
    match = _BODY_THEN_DATE.match(sentence[end:])
    return parse_danish_date(match.group("date")) if match else None


def dates_in(sentence: str, year: int | None) -> list[tuple[str, int]]:
    """(ISO date, position) of the full dates of a sentence, then of those written without a year (in
    `year`, the text's own)."""
    dates = [(parse_danish_date(match.group(0)), match.start()) for match in re.finditer(DATE_PATTERN, sentence)]
    if year:
        for match in _DAY_MONTH.finditer(sentence):
            month = MONTHS[match.group("month").lower()]
            iso = f"{year:04d}-{month:02d}-{int(match.group('day')):02d}"
            dates.append((parse_danish_date(iso), match.start()))
    return [
        (date, at)
        for date, at in dates
        if date
        and not _NOT_A_MEETING.search(sentence[max(0, at - 20) : at])
        and not _OTHERS_MEETING.search(sentence[max(0, at - 40) : at])
    ]
