"""Decision blocks of committee minutes, as Danish minutes write them.

- headers: 'Beslutning [i] <body>[,] den <date>[:] <text>', '<Body>s beslutning den <date>', '<Body>, den
  <date> <text>', in any date form (nlp.danish) and any body form (nlp.bodies);
- histories ('Sagens forløb', 'Tidligere behandling'): the earlier treatments, body and date per entry;
- outcomes, as a whole and per recommendation ('Ad 1-2 …', '1. - 5. anbefales', 'At 1) …');
- attendance: absent members and substitutes, in their usual wordings; votes and reservations stay in
  the decision text;
- the meeting's own decision among an item's decisions.

Pure text functions; nlp.minutes finds the blocks and calls these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from maalspor.model import Absence, AgendaItem, Citation, Decision, Document, Outcome, Substitute
from nlp.bodies import BODY_PATTERN, find_body, normalise_body, readable_case, same_body
from nlp.danish import DATE_PATTERN, parse_danish_date

# The labels that open a decision block ('Beslutning', 'Beslutninger', 'Afgørelse'; English 'Decision').
_LABEL = r"(?:Beslutning(?:er)?|Afgørelse|Decision)"
# What may stand between a header's body and its date: ', den', 'den.', 'd.', a weekday.
_DATE_LEAD = r",?\s*(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+)?(?:den\.?|d\.)?\s*"
_BODY_REF = rf"(?P<body>{BODY_PATTERN})(?:\s+(?:19|20)\d{{2}}\s*[-–]\s*(?:19|20)?\d{{2,4}})?(?:\s*\([^)]{{1,12}}\))?"
_DATE_REF = rf"(?:{_DATE_LEAD}(?P<date>{DATE_PATTERN}))"
# Text on the header's own line follows a colon/full stop, or starts a new sentence.
_REST = r"(?:\s*[:.]\s*|\s+(?=[A-ZÆØÅ0-9])|\s*$)(?P<rest>.*)"
_HEADER_FORMS = (
    # 'Beslutning', 'Beslutning: Godkendt', 'Beslutning i Udvalget for teknik og miljø (UTM) den 14-03-2017:
    # <text>', 'Beslutning Kultur- og Fritidsudvalget den 02-05-2022', 'Beslutning den 3. november 2015'
    re.compile(rf"{_LABEL}(?:\s+(?:i|fra|på|af))?(?:\s+{_BODY_REF})?{_DATE_REF}?(?:\s+Punkt\s+\d+)?{_REST}"),
    # eDoc: 'Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1', 'BYRÅDETS BESLUTNING'
    re.compile(rf"{_BODY_REF}\s+[Bb]eslutning(?:er)?{_DATE_REF}?(?:\s+Punkt\s+\d+)?{_REST}"),
    # 'Erhvervs- og Beskæftigelsesudvalget den. 9. september 2014' as a whole line
    re.compile(rf"{_BODY_REF}{_DATE_REF}\s*:?(?P<rest>)"),
    # '…, den 7. maj 2020 Anbefales.': text on the line only after the comma form, since a sentence
    # may wrap so that a line starts '<body> den <date>. Sagen …'
    re.compile(rf"{_BODY_REF},\s*(?:den\.?|d\.)\s*(?P<date>{DATE_PATTERN})(?!\s+Punkt\s+\d){_REST}"),
)


@dataclass(frozen=True)
class DecisionHeader:
    """The header line of a decision block: the deciding body, the ISO date and any text after them."""

    body: str | None
    date: str | None
    rest: str


def decision_header(text: str) -> DecisionHeader | None:
    """The decision header that `text` (one line) is, or None.

    'Beslutning i Udvalget for teknik og miljø (UTM) den 14-03-2017: Godkendt' ->
    DecisionHeader('Udvalget for teknik og miljø', '2017-03-14', 'Godkendt')."""
    collapsed = " ".join(text.split())
    line = readable_case(collapsed)
    for form in _HEADER_FORMS:
        match = form.fullmatch(line)
        if match:
            body = match.group("body")
            return DecisionHeader(
                normalise_body(body) if body else None,
                parse_danish_date(match.group("date") or ""),
                collapsed[match.start("rest") :].strip(),
            )
    return None


# A history ('Sagens forløb', 'Tidligere behandling') lists earlier treatments, each opened by a line
# naming body and date: '14-11-2022 Beskæftigelses- og Erhvervsudvalget', 'Økonomiudvalget 28-11-2022',
# 'Økonomiudvalget den 28. november 2022, punkt 24'.
_ITEM_REF = r"(?:\s*[,\-–]?\s*(?i:punkt|pkt\.?|sag)\s*(?:nr\.?\s*)?\d+\.?)"
_HISTORY_ENTRIES = (
    re.compile(rf"(?P<date>{DATE_PATTERN})\s*[:,\-–/]?\s*{_BODY_REF}{_ITEM_REF}?\s*:?"),
    re.compile(rf"{_BODY_REF}{_DATE_REF}{_ITEM_REF}?\s*:?"),
)
# Table-like histories print one field a line: 'Udvalg: Magistraten', 'Dato: 02-09-2025', 'Punktnummer: 12'.
_HISTORY_FIELD = re.compile(
    r"(?P<label>Udvalg|Organ|Dato|Mødedato|Punktnummer|Punkt|Pkt\.?)\s*:\s*(?P<value>\S.*)", re.I
)
_HISTORY_FIELD_KINDS = {"udvalg": "body", "organ": "body", "dato": "date", "mødedato": "date"}


def history_entry(text: str) -> DecisionHeader | None:
    """The line that opens one earlier treatment in a history, naming its body and date, or None."""
    line = readable_case(" ".join(text.split()))
    for form in _HISTORY_ENTRIES:
        match = form.fullmatch(line)
        if match:
            return DecisionHeader(normalise_body(match.group("body")), parse_danish_date(match.group("date")), "")
    header = decision_header(text)
    return header if header and header.body and header.date else None


def history_field(text: str) -> tuple[str, str] | None:
    """('body' | 'date' | 'number', value) of a table-like history line: 'Dato: 02-09-2025' ->
    ('date', '2025-09-02'); 'Udvalg: Aarhus Byråd' -> ('body', 'Byrådet')."""
    match = _HISTORY_FIELD.fullmatch(" ".join(text.split()))
    if not match:
        return None
    kind = _HISTORY_FIELD_KINDS.get(match.group("label").lower().rstrip("."), "number")
    value = match.group("value").strip()
    if kind == "date":
        return (kind, date) if (date := parse_danish_date(value)) else None
    if kind == "body":
        body = find_body(value)
        return kind, body.name if body else normalise_body(value)
    return kind, value


# Normalised outcome -> the phrases that state it. The first phrase in a text wins; of two phrases
# starting at the same place the longer one ('anbefales ikke' over 'anbefales'). A discussion or a
# briefing that ends in postponement or return says the case was left undecided (_UNDECIDED), and a
# transmission formula yields to the decision its remark reports (_REMARK).
_OUTCOME_PHRASES: dict[Outcome, tuple[str, ...]] = {
    Outcome.TAGET_TIL_EFTERRETNING: (r"tage[ns]? til efterretning", r"tages til efterretning", r"til efterretning"),
    Outcome.ANBEFALET: (r"anbefal(?:et|es|ede|er)", r"indstilles til godkendelse"),
    Outcome.GODKENDT: (r"godkend(?:t|es|te|er)", r"bevilge[ts]"),
    Outcome.DROEFTET: (r"drøfte(?:t|des|de)",),
    Outcome.UDSAT: (r"uds(?:at|ættes|atte|ætte)", r"udsk(?:ydes|ød|udt)"),
    Outcome.AFVIST: (
        r"afvis(?:t|es|te)",
        r"forkast(?:et|es)",
        r"ikke (?:godkendt|anbefalet|vedtaget|tiltrådt)",
        r"(?:anbefales|godkendes|vedtages|tiltrædes) ikke",
        r"kan ikke (?:anbefales|godkendes|tiltrædes)",
    ),
    Outcome.OVERSENDT: (r"oversend(?:t|es)", r"fremsend(?:t|es)", r"videresend(?:t|es)"),
    Outcome.VEDTAGET: (r"vedtag(?:et|es)",),
    Outcome.TILTRAADT: (r"tiltræd(?:er|es)", r"tiltrådt", r"kunne tiltræde"),
    Outcome.ORIENTERET: (r"orienter(?:et|ede)",),
    # 'undlader og sender sagen tilbage til …', 'sendes tilbage til forvaltningen', 'Sagen tilbagesendes'
    Outcome.TILBAGESENDT: (
        r"sende[rs]?\s+(?:sagen\s+|punktet\s+)?tilbage",
        r"sendt\s+tilbage",
        r"tilbagesend(?:t|es|er|te)",
    ),
    # 'Punktet blev trukket af dagsordenen', 'trækkes fra dagsordenen', 'Sagen udgår', 'Forslaget blev trukket tilbage'
    Outcome.TRUKKET: (
        r"(?:trukket|trækkes|trak)\s+(?:\w+\s+)?(?:af|fra)\s+dagsordenen",
        r"(?:punktet|sagen)\s+udg(?:år|ik)",
        r"trukket\s+tilbage",
    ),
}
# Outcomes that record a treatment, and those that say it ended without a decision: 'udvalget drøftede
# sagen … og besluttede at udsætte den' was postponed; 'Drøftet. Forslagene oversendes …' was discussed.
_TREATMENTS = (Outcome.DROEFTET, Outcome.ORIENTERET)
_UNDECIDED = (Outcome.UDSAT, Outcome.TILBAGESENDT, Outcome.TRUKKET)
# 'Fremsendes til Aarhus Byråd med bemærkning, at Magistraten … anbefaler, …', 'Tilbagesendes
# Borgmesterens Afdeling med bemærkning, at byrådet … har vedtaget …': the remark after a transmission
# holds the decision ('Godkendt med bemærkning, at …' is decided already).
_REMARK = re.compile(r"\bmed\s+bemærkning(?:en)?,?\s+at\b", re.I)
_TRANSMISSIONS = (None, Outcome.OVERSENDT, Outcome.TILBAGESENDT)
_OUTCOME_PATTERNS = [
    (outcome, re.compile(rf"(?<![\wæøå])(?:{phrase})(?![\wæøå])", re.I))
    for outcome, phrases in _OUTCOME_PHRASES.items()
    for phrase in phrases
]

# "Ad. 1-2 Anbefalet." / "Ad 3: Godkendt" / "At 1) godkendt" / (line start) "1. - 5. anbefales." /
# "5-7. anbefales" / "2. Godkendt"
_AD_RANGE = re.compile(r"\b(?:(?i:ad)\.?|At(?=\s*\d+\)))\s*(?P<first>\d+)[.)]?(?:\s*[-–]\s*(?P<last>\d+)[.)]?)?\s*:?")
_LEADING_RANGE = re.compile(r"^(?P<first>\d{1,2})(?P<dot>\.)?(?:\s*[-–]\s*(?P<last>\d{1,2})\.)?\s*(?=[^\W\d])", re.M)
# The same numbers inside a joined line, when an outcome word follows: '… at 1. anbefales 2. anbefales …'
_INLINE_RANGE = re.compile(
    r"(?<![\w.,])(?P<first>\d{1,2})(?P<dot>\.)?(?:\s*[-–]\s*(?P<last>\d{1,2})\.)?\s+"
    r"(?=(?i:anbefal|godkend|tage[ts]?\b|taget|uds|vedtag|tiltræd|drøft|oversend|afvis|ikke)\w*)"
)

# A member as the minutes name one: 'Mette Schmidt Olsen (C)', 'John T. Olsen', 'Jakob Engel-Schmidt (V)'.
_NAME_WORD = r"[A-ZÆØÅÉÜÖ][\w'\-]*\.?"
# Words that start a sentence about members without naming one ('Følgende deltog ikke i …').
_NOT_NAMES = r"(?:Følgende|Udvalget|Han|Hun|De|Der|Det|Den|Alle|Ingen|Medlemmerne?)\b"
# A member: two or more name words, or one with the party ('Jesper Kjeldsen', 'Holm (C)'), so that
# 'Borgeren var fraværende' names nobody.
_PARTY = r"[ \t]*\([A-ZÆØÅ]{1,4}\)"
_PERSON = rf"(?!{_NOT_NAMES})(?:{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,4}}(?:{_PARTY})?|{_NAME_WORD}{_PARTY})"
_PERSONS = rf"{_PERSON}(?:(?:[ \t]*,[ \t]*|[ \t]+og[ \t]+){_PERSON})*"
_NAME_PARTY = re.compile(r"(?P<name>[A-ZÆØÅ][\w.\-]*(?:\s+[A-ZÆØÅ][\w.\-]*)*)\s*\((?P<party>[A-ZÆØÅ]{1,4})\)")
# A sentence about members starts a line or follows another sentence.
_SENTENCE_START = r"(?:^|(?<=[.!?:;] ))"
# The ways minutes say who was absent; group 'names' holds the members.
_ABSENT_SENTENCES = (
    re.compile(
        rf"{_SENTENCE_START}(?P<names>{_PERSONS})\s+var\s+(?:fraværende|forhindret|ikke til stede)\b[^.\n]*\.?", re.M
    ),
    re.compile(rf"{_SENTENCE_START}(?P<names>{_PERSONS})\s+deltog\s+ikke\s+(?:i|under)\s[^.\n]*\.?", re.M),
    re.compile(rf"{_SENTENCE_START}(?P<names>{_PERSONS})\s+(?:har|havde)\s+meldt\s+afbud\b[^.\n]*\.?", re.M),
    # 'Afbud: A, B', 'Fraværende: C', 'Fraværende med afbud: D', 'Afbud fra E.'
    re.compile(r"(?:Fraværende(?:\s+med\s+afbud)?|Afbud(?:/fravær)?|Fravær)\s*:\s*(?P<names>[^\n]+)"),
    re.compile(rf"Afbud\s+fra\s+(?P<names>{_PERSONS})\.?"),
    # eDoc: the names (if any) follow on their own lines.
    re.compile(
        r"Følgende deltog ikke i behandlingen af punktet:\s*(?P<names>(?:[A-ZÆØÅ][^\n()]*\([A-ZÆØÅ]{1,4}\)\s*)*)"
    ),
)
# The ways minutes say who sat in for whom; groups 'names' (the substitute) and 'replaces'.
_SUBSTITUTE_SENTENCES = (
    # 'I stedet for Hans Jensen (V) deltog Per Hansen (V).'
    re.compile(rf"I\s+stedet\s+for\s+(?P<replaces>{_PERSON})\s+(?:deltog|mødte)\s+(?P<names>{_PERSON})\.?"),
    # 'Per Hansen (V) mødte for Hans Jensen (V)', '… deltog som stedfortræder for …', '… i stedet for …'
    re.compile(
        rf"{_SENTENCE_START}(?P<names>{_PERSON})\s+(?:mødte|deltog)(?:\s+som\s+(?:stedfortræder|suppleant))?"
        rf"\s+(?:i\s+stedet\s+)?for\s+(?P<replaces>{_PERSON})\.?",
        re.M,
    ),
    # 'Stedfortræder: Per Hansen (V) for Hans Jensen (V)', 'Suppleant: Per Hansen'
    re.compile(
        rf"(?:Stedfortræder|Suppleant)e?\s*:\s*(?P<names>{_PERSON})(?:\s+\(?(?:i\s+stedet\s+)?for\s+(?P<replaces>{_PERSON})\)?)?"
    ),
)


@dataclass(frozen=True)
class Attendance:
    """What a text says about attendance, and the text without those sentences."""

    text: str
    absent: list[Absence]
    substitutes: list[Substitute]


def parse_decision_header(line: str) -> tuple[str, str] | None:
    """(body, ISO date) when `line` is a decision header that names both, else None."""
    header = decision_header(line)
    if header and header.body and header.date:
        return header.body, header.date
    return None


def classify_outcome(text: str) -> Outcome | None:
    """The normalised outcome of `text`: of the remark a transmission formula carries, if it states one,
    else of the first outcome phrase, unless that is a treatment that ends undecided ('drøftede sagen og
    besluttede at udsætte den' -> udsat)."""
    remark = _REMARK.search(text)
    if remark and _first_outcome(text[: remark.start()]) in _TRANSMISSIONS:
        return _first_outcome(text[remark.end() :]) or _first_outcome(text)
    return _first_outcome(text)


def _first_outcome(text: str) -> Outcome | None:
    found = sorted(
        (match.start(), -len(match.group()), outcome)
        for outcome, pattern in _OUTCOME_PATTERNS
        if (match := pattern.search(text))
    )
    if not found:
        return None
    first = found[0][2]
    undecided = [outcome for _, _, outcome in found if outcome in _UNDECIDED]
    return undecided[0] if first in _TREATMENTS and undecided else first


def _recommendation_markers(text: str) -> list[re.Match[str]]:
    for pattern in (_AD_RANGE, _LEADING_RANGE, _INLINE_RANGE):
        markers = [marker for marker in pattern.finditer(text) if pattern is _AD_RANGE or _numbered(marker)]
        if markers:
            return markers
    return []


def _numbered(marker: re.Match[str]) -> bool:
    """'2.' or '5-7.' number a recommendation; a bare '2' does not."""
    return bool(marker.group("dot") or marker.group("last"))


def outcomes_by_recommendation(text: str) -> dict[int, Outcome]:
    """Per-recommendation outcomes: 'Ad. 1-2 Anbefalet. Ad. 3-5 Godkendt.' -> {1: 'anbefalet', ...}."""
    markers = _recommendation_markers(text)
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


def _substitutes(match: re.Match[str]) -> tuple[list[Substitute], list[Absence]]:
    """The substitute(s) a sentence names, and the member each replaces (absent from the meeting)."""
    replaced = _names(match.group("replaces")) if match.group("replaces") else []
    replaces = replaced[0].name if replaced else None
    return [Substitute(person.name, person.party, replaces) for person in _names(match.group("names"))], replaced


def split_attendance(text: str) -> Attendance:
    """The absent members and substitutes that `text` names, and the text without those sentences."""
    absent: list[Absence] = []
    substitutes: list[Substitute] = []
    for pattern in _SUBSTITUTE_SENTENCES:
        for match in pattern.finditer(text):
            sitting_in, replaced = _substitutes(match)
            substitutes += sitting_in
            absent += replaced
        text = pattern.sub("", text)
    for pattern in _ABSENT_SENTENCES:
        for match in pattern.finditer(text):
            absent.extend(_names(match.group("names")))
        text = pattern.sub("", text)
    return Attendance(_tidy(text), absent, substitutes)


def split_absences(text: str) -> tuple[str, list[Absence]]:
    """(decision text without the attendance sentences, the absent members)."""
    attendance = split_attendance(text)
    return attendance.text, attendance.absent


def is_absence_line(text: str) -> bool:
    """Whether `text` states who was absent (possibly nobody: eDoc prints the bare heading) or who sat in."""
    patterns = (*_ABSENT_SENTENCES, *_SUBSTITUTE_SENTENCES)
    return any(pattern.search(text) for pattern in patterns) or bool(_NAME_PARTY.fullmatch(text.strip()))


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def build_decision(committee: str, date: str | None, body: str, citation: Citation) -> Decision:
    """A Decision from its header fields and body text (outcome text plus attendance sentences)."""
    attendance = split_attendance(body)
    return Decision(
        committee=committee,
        date=date,
        text=attendance.text,
        outcome=classify_outcome(attendance.text),
        outcome_by_recommendation=outcomes_by_recommendation(attendance.text),
        absent=attendance.absent,
        citations=[citation],
        substitutes=attendance.substitutes,
    )


def meeting_decision(item: AgendaItem, document: Document) -> Decision | None:
    """The decision of the meeting's own body on the meeting's day; an item may also quote earlier
    decisions of the same or other bodies ('Sagens forløb'). Falls back to the body's latest decision,
    then to the item's last decision."""
    own = [d for d in item.decisions if d.committee == document.committee or same_body(d.committee, document.committee)]
    same_day = [d for d in own if d.date == document.meeting_date]
    candidates = same_day or own or item.decisions
    return candidates[-1] if candidates else None
