"""Decision blocks of committee minutes: the committee + date header, outcome, absent members.

Pure text functions; the minutes layouts (nlp/minutes/) find the blocks and call these.
"""

from __future__ import annotations

import re

from maalspor.model import Absence, AgendaItem, Citation, Decision, Document, Outcome
from nlp.danish import MONTH_PATTERN, parse_danish_date

# "Erhvervs- og Beskæftigelsesudvalget den. 9. september 2014",
# "Beskæftigelses- og Integrationsudvalget, den 11. juni 2019"
_LTK_HEADER = re.compile(
    rf"(?P<committee>[A-ZÆØÅ][^\d,]{{3,80}}?),?\s+den\.?\s+(?P<date>\d{{1,2}}\.\s*(?i:{MONTH_PATTERN})\s+\d{{4}})"
)
# eDoc: "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1"
_EDOC_HEADER = re.compile(
    r"(?P<committee>[A-ZÆØÅ][^\d]{3,80}?)s beslutning den (?P<date>\d{1,2}\.\d{1,2}\.\d{4})(?:\s+Punkt\s+\d+)?"
)

# Normalised outcome -> the phrases that state it. The first phrase in a text wins.
_OUTCOME_PHRASES: dict[Outcome, tuple[str, ...]] = {
    Outcome.TAGET_TIL_EFTERRETNING: (r"tage[ns]? til efterretning", r"tages til efterretning", r"til efterretning"),
    Outcome.ANBEFALET: (r"anbefal(?:et|es|ede)", r"indstilles til godkendelse"),
    Outcome.GODKENDT: (r"godkend(?:t|es|te)", r"bevilge[ts]"),
    Outcome.DROEFTET: (r"drøfte(?:t|des|de)",),
    Outcome.UDSAT: (r"uds(?:at|ættes|atte)",),
    Outcome.AFVIST: (r"afvis(?:t|es|te)", r"forkast(?:et|es)", r"ikke godkendt"),
    Outcome.OVERSENDT: (r"oversend(?:t|es)", r"fremsend(?:t|es)", r"videresend(?:t|es)"),
    Outcome.VEDTAGET: (r"vedtag(?:et|es)",),
    Outcome.TILTRAADT: (r"tiltræd(?:er|es)", r"tiltrådt"),
    Outcome.ORIENTERET: (r"orienter(?:et|ede)",),
}
_OUTCOME_PATTERNS = [
    (outcome, re.compile(rf"(?<![\wæøå])(?:{phrase})(?![\wæøå])", re.I))
    for outcome, phrases in _OUTCOME_PHRASES.items()
    for phrase in phrases
]

# "Ad. 1-2 Anbefalet." / "Ad 3: Godkendt" / (line start) "1. - 5. anbefales." / "2. Godkendt"
_AD_RANGE = re.compile(r"\bAd\.?\s*(?P<first>\d+)\.?(?:\s*[-–]\s*(?P<last>\d+)\.?)?\s*:?", re.I)
_LEADING_RANGE = re.compile(r"^(?P<first>\d+)\.(?:\s*[-–]\s*(?P<last>\d+)\.)?\s*(?=[^\W\d])", re.M)

# A decision header names a body, never a person or a sentence.
_BODY_WORDS = re.compile(r"udvalg|råd|bestyrelse|magistrat|kommunalbestyrelse", re.I)

_NAME_PARTY = re.compile(r"(?P<name>[A-ZÆØÅ][\w.\-]*(?:\s+[A-ZÆØÅ][\w.\-]*)*)\s*\((?P<party>[A-ZÆØÅ]{1,3})\)")
_ABSENT_SENTENCES = (
    re.compile(r"(?P<names>[^.\n]*?\([A-ZÆØÅ]{1,3}\)[^.\n]*?)\s+var\s+fraværende\.?"),
    re.compile(r"(?P<names>[A-ZÆØÅ][^.\n]*?)\s+deltog ikke i (?:sagens|punktets) behandling\.?"),
    re.compile(r"(?:Afbud|Fraværende):\s*(?P<names>[^\n]+)"),
    # eDoc: the names (if any) follow on their own lines.
    re.compile(
        r"Følgende deltog ikke i behandlingen af punktet:\s*(?P<names>(?:[A-ZÆØÅ][^\n()]*\([A-ZÆØÅ]{1,3}\)\s*)*)"
    ),
)


def parse_decision_header(line: str) -> tuple[str, str] | None:
    """(committee, ISO date) when `line` is a whole decision header line, else None."""
    text = " ".join(line.split())
    for pattern in (_EDOC_HEADER, _LTK_HEADER):
        match = pattern.fullmatch(text)
        if match and _BODY_WORDS.search(match.group("committee")):
            date = parse_danish_date(match.group("date"))
            if date:
                return match.group("committee").strip(), date
    return None


def classify_outcome(text: str) -> Outcome | None:
    """The normalised outcome of the first outcome phrase in `text`."""
    found = [(match.start(), outcome) for outcome, pattern in _OUTCOME_PATTERNS if (match := pattern.search(text))]
    return min(found)[1] if found else None


def outcomes_by_recommendation(text: str) -> dict[int, Outcome]:
    """Per-recommendation outcomes: 'Ad. 1-2 Anbefalet. Ad. 3-5 Godkendt.' -> {1: 'anbefalet', ...}."""
    markers = list(_AD_RANGE.finditer(text)) or list(_LEADING_RANGE.finditer(text))
    outcomes: dict[int, Outcome] = {}
    for index, marker in enumerate(markers):
        segment_end = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        outcome = classify_outcome(text[marker.end() : segment_end])
        if outcome is None:
            continue
        first = int(marker.group("first"))
        last = int(marker.group("last") or first)
        for number in range(first, last + 1):
            outcomes[number] = outcome
    return outcomes


def _names(listing: str) -> list[Absence]:
    with_party = [Absence(m.group("name").strip(), m.group("party")) for m in _NAME_PARTY.finditer(listing)]
    if with_party:
        return with_party
    parts = re.split(r",|\bog\b", listing.strip().rstrip("."))
    return [Absence(" ".join(part.split()), None) for part in parts if part.strip()]


def split_absences(text: str) -> tuple[str, list[Absence]]:
    """(decision text without the absence sentences, the absent members)."""
    absent: list[Absence] = []
    for pattern in _ABSENT_SENTENCES:
        for match in pattern.finditer(text):
            absent.extend(_names(match.group("names")))
        text = pattern.sub("", text)
    return _tidy(text), absent


def is_absence_line(text: str) -> bool:
    """Whether `text` states who was absent (possibly nobody: eDoc prints the bare heading)."""
    return any(pattern.search(text) for pattern in _ABSENT_SENTENCES) or bool(_NAME_PARTY.fullmatch(text.strip()))


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def build_decision(committee: str, date: str | None, body: str, citation: Citation) -> Decision:
    """A Decision from its header fields and body text (outcome text plus absence sentences)."""
    text, absent = split_absences(body)
    return Decision(
        committee=committee,
        date=date,
        text=text,
        outcome=classify_outcome(text),
        outcome_by_recommendation=outcomes_by_recommendation(text),
        absent=absent,
        citations=[citation],
    )


def meeting_decision(item: AgendaItem, document: Document) -> Decision | None:
    """The decision of the meeting's own committee; items may also quote other committees' decisions."""
    own = [d for d in item.decisions if d.committee == document.committee]
    candidates = own or item.decisions
    return candidates[-1] if candidates else None
