"""Document metadata from the text itself: kind, municipality, committee, meeting date, plan year, id."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePath

from maalspor.model import AgendaItem, CleanText, DocKind, Document
from nlp.bodies import BODY_PATTERN, find_body
from nlp.danish import PLAN_TITLE, parse_danish_date, slugify
from nlp.decisions import decision_header, parse_decision_header
from nlp.lines import Line
from nlp.minutes.conventions import HEADING_SHAPES
from nlp.minutes.headings import is_field_line
from nlp.protocol import dating_lines, modern_spelling

# An agenda item opens with 'Punkt 3' or 'Sag nr. 1' alone, 'Punkt 2: <title>', 'Sagsnummer: …' or a
# case number alone ('EMN-2025-010561'); each item prints one of each kind its layout uses.
_ITEM_MARKERS = tuple(
    re.compile(pattern, re.M)
    for pattern in (
        r"^\s*(?:Punkt\s+\d+|Sag\s+nr\.\s*\d+)\s*:?\s*$",
        r"^\s*Punkt\s+\d+:\s+\S",
        r"^\s*Sagsn(?:r\.|ummer):",
        r"^\s*[A-ZÆØÅ]{2,5}-\d{4}-\d{3,}\s*$",
    )
)
# A committee as headers print it ('Aarhus Byråd', 'Sundheds- og Forebyggelsesudvalget'), or any
# other body name nlp.bodies knows ('Regionsrådet', 'Udvalget for Teknik og Miljø', 'Magistraten').
_COMMITTEE_NAME = (
    r"(?P<committee>[A-ZÆØÅ][\w\-æøåÆØÅ ]{2,80}?(?:udvalg(?:et)?|Byrådet|Byråd|Kommunalbestyrelsen)"
    rf"|{BODY_PATTERN})"
)
# A page header: the committee name alone on a line, the meeting date on the next.
_HEADER = re.compile(r"^\s*" + _COMMITTEE_NAME + r"\s*\n\s*(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{4})\s*$", re.M)
# The title block of a FirstAgenda or eDoc export: 'Referat' / committee / 'tirsdag den 4. december 2012'.
_TITLE_WORDS = re.compile(r"^(?:REFERAT|Referat|DAGSORDEN|Dagsorden|Beslutningsprotokol)\s+")
_TITLE_BLOCK_LINES = 6
_MUNICIPALITY = re.compile(r"\b(?P<name>[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+[Kk]ommunes?\b")
# Denmark's five regions, the authorities above the municipalities.
_REGION = re.compile(r"\bRegion\s+(?P<region>Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland)\b")
# Capitalised words that precede 'Kommune' without naming one ('Den Kommune', 'Hver kommune').
_NOT_NAMES = {"Den", "Hver", "Alle", "Hele", "Anden", "Egen", "Samme", "Denne", "Enhver"}
_HEAD_LINES = 60
_MEETING_KINDS = (DocKind.MINUTES, DocKind.AGENDA)
# Titles of a meeting's record or agenda near the top.
_MEETING_TITLE = re.compile(
    r"^\s*(?:REFERAT|Referat|Beslutningsprotokol|Protokol|Forhandlingsprotokol|DAGSORDEN|Dagsorden|Åbent referat)\b",
    re.M,
)
_AGENDA_TITLE = re.compile(r"^\s*(?:DAGSORDEN|Dagsorden)\b", re.M)
# The fields of a meeting's front page.
_MEETING_FIELD = re.compile(
    r"^\s*(?:Mødedato|Mødested|Mødetidspunkt|Fraværende|Afbud|Deltagere|Tilstede|Til stede)\b", re.M
)
# Old protocols write no labels: 'Sogneraadet afholdt i Dag Møde', 'Det vedtoges at …'.
_MEETING_SENTENCE = re.compile(
    r"\b(?:afholdt(?:es)?\b[^.\n]{0,40}\bmøde|[Mm]ødet\s+(?:blev\s+)?(?:åbnet|hævet)|vedtoges|besluttedes)", re.I
)
# A meeting scores this many points (nlp.classify._meeting_evidence) to be minutes or an agenda.
_MEETING_EVIDENCE = 3
_COMMITTEE_FIELD = re.compile(r"(?:Udvalg|Mødeforum|Forum|Organ)\b\s*:\s*(?P<value>.*)", re.I)
_DATE_FIELD = re.compile(r"(?:Mødedato|Dato)\b\s*:?\s*(?P<value>.*)", re.I)
# A sentence that introduces a plan's goals and names their year.
_GOAL_WORDS = r"(?:mål|målsætninger|fokusområder|indsatsområder|ministermål|resultatmål)"
_GOAL_INTRO_YEAR = re.compile(
    rf"\bBeskæftigelsesplan(?:en)?\s+(?P<plan>(?:19|20)\d{{2}})\s+(?:fremlægger|indeholder|omfatter|har|sætter)"
    rf"[^.:]{{0,120}}?\b{_GOAL_WORDS}\b|\b{_GOAL_WORDS}\s+for\s+(?P<year>(?:19|20)\d{{2}})\b",
    re.I,
)
# Every decision header holds a decision label or a date: lines with neither are not read as headers.
_HEADER_HINT = re.compile(r"(?i:beslutning|afgørelse|decision)|\d")
# The meeting's fields outweigh this many repeated headers.
_FIELD_WEIGHT = 3


def describe(clean: CleanText) -> Document:
    text = clean.text
    meta = clean.source.meta
    reading = modern_spelling(text)  # an old protocol's 'Sogneraadet' is read as 'Sognerådet'
    committee, meeting_date = _meeting(reading)
    kind = _kind(reading, meeting_date)
    municipality = _municipality(text) or meta.municipality
    if kind not in _MEETING_KINDS:
        committee, meeting_date = None, None
    committee = committee or meta.committee
    meeting_date = meeting_date or meta.meeting_date
    plan_year = _plan_year(text) if kind is DocKind.PLAN else None
    return Document(
        id=_document_id(kind, clean.source.source_file, municipality, committee, meeting_date, plan_year),
        kind=kind,
        title=_title(kind, meta.title, committee, meeting_date, plan_year),
        municipality=municipality,
        committee=committee,
        meeting_date=meeting_date,
        plan_year=plan_year,
        source_file=clean.source.source_file,
        content_hash=clean.source.content_hash,
    )


def as_minutes(document: Document) -> Document:
    """An agenda whose items turned out to hold decisions is the meeting's minutes."""
    args = (document.source_file, document.municipality, document.committee, document.meeting_date)
    return replace(document, kind=DocKind.MINUTES, id=_document_id(DocKind.MINUTES, *args, document.plan_year))


def records_the_meeting(items: list[AgendaItem], meeting_date: str | None) -> bool:
    """Whether a meeting's items hold its own decisions, as minutes do: most items carry a decision of
    the meeting's day. Minutes record one for nearly every item (if only 'Taget til efterretning'); an
    agenda quotes earlier days' decisions ('Sagsforløb') and may print a line under a closed item,
    which is no record of the meeting."""
    items = [item for item in items if not item.embedded]
    decided = sum(any(decision.date == meeting_date for decision in item.decisions) for item in items)
    return bool(items) and decided * 2 >= len(items)


def _kind(text: str, meeting_date: str | None) -> DocKind:
    """Minutes markers outrank a plan's title: an agenda item may present 'Beskæftigelsesplan 2023'."""
    head = "\n".join(text.splitlines()[: _HEAD_LINES * 3])
    decided = _meeting_decided(text, meeting_date)
    if _meeting_evidence(text, decided) >= _MEETING_EVIDENCE:
        return DocKind.MINUTES if decided or not _AGENDA_TITLE.search(head) else DocKind.AGENDA
    # A plan names itself early ('Beskæftigelsesplan 2022 fremlægger ...') and lists its goals.
    if PLAN_TITLE.search(head) and re.search(r"\b(?:fokusområder|mål)\b", text, re.I):
        return DocKind.PLAN
    return DocKind.OTHER


def _meeting_evidence(text: str, decided: bool) -> int:
    """Points for each kind of meeting marker present: item headings and case numbers, the
    meeting's decisions, a 'Referat'/'Dagsorden' title, meeting fields, a meeting sentence."""
    head = "\n".join(text.splitlines()[:_HEAD_LINES])
    points = 2 * any(marker.search(text) for marker in _ITEM_MARKERS) + 2 * decided
    points += 2 * bool(_MEETING_TITLE.search(head)) + bool(_MEETING_FIELD.search(head))
    return points + bool(_MEETING_SENTENCE.search(text))


def _meeting_decided(text: str, meeting_date: str | None) -> bool:
    """Whether the text records decisions of the meeting itself: a decision header of the meeting's
    day (a case history quotes other days), a protocol entry dated that day, or decision labels with
    text under them for most items (an agenda prints them empty or not at all, and one stray line
    under one item's label is no record of the meeting)."""
    if any(date == meeting_date for _, date in dating_lines(text)):
        return True
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    labels_with_text: list[bool] = []  # per bare decision label: whether a decision stands under it
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        header = decision_header(line) if _HEADER_HINT.search(line) else None
        if header is None:
            continue
        if header.date == meeting_date and meeting_date:
            return True
        if not header.body and not header.date and (header.rest or not decision_header(following)):
            # a bare label ('Beslutning'), not one heading a dated header on the next line
            labels_with_text.append(_is_decision_text(header.rest or following))
    items = max(len(marker.findall(text)) for marker in _ITEM_MARKERS)
    decided = sum(labels_with_text)
    return decided > 0 and 2 * decided >= max(len(labels_with_text), items)


def _is_decision_text(text: str) -> bool:
    """Whether the line under a 'Beslutning' label is a decision, not the next field or item
    (an agenda prints the label empty)."""
    if not text:
        return False
    line = Line(0, len(text), text)
    return not is_field_line(line) and not any(shape.pattern.fullmatch(text) for shape in HEADING_SHAPES)


def _municipality(text: str) -> str | None:
    """The authority the text names most: a municipality ('Greve Kommune') or one of the five
    regions ('Region Hovedstaden', which also writes 'Regionsrådet' for its council)."""
    names = Counter(
        f"{m.group('name')} Kommune" for m in _MUNICIPALITY.finditer(text) if m.group("name") not in _NOT_NAMES
    )
    names.update(f"Region {m.group('region')}" for m in _REGION.finditer(text))
    return names.most_common(1)[0][0] if names else None


def _meeting(text: str) -> tuple[str | None, str | None]:
    """The meeting's own committee and date: the pair that recurs most over headers and decisions.

    A single item may quote another committee's decision ('Børne- og Ungdomsudvalget, den 6. juni
    2019'); the meeting's own committee decides on every item, so it outnumbers the others. The
    meeting's fields ('Udvalg: …', 'Mødedato: …') count for more.
    """
    pairs: Counter[tuple[str, str]] = Counter()
    first_seen: dict[tuple[str, str], int] = {}
    found = [(m.start(), m.group("committee"), parse_danish_date(m.group("date"))) for m in _HEADER.finditer(text)]
    for position, committee, date in [*found, *_decision_headers(text)]:
        if date is None:
            continue
        pair = (_committee_name(committee), date)
        pairs[pair] += 1
        first_seen[pair] = min(first_seen.get(pair, position), position)
    for block, weight in ((_title_block(text), 1), (_meeting_fields(text), _FIELD_WEIGHT)):
        if block:
            pairs[block] += weight
            first_seen.setdefault(block, 0)
    if not pairs:
        # A protocol without headers or fields: its entries' dating lines, the first one first.
        return next(iter(dating_lines(text)), (None, None))
    best = max(pairs, key=lambda pair: (pairs[pair], -first_seen[pair]))
    return best


def _meeting_fields(text: str) -> tuple[str, str] | None:
    """(committee, date) from labelled fields near the top: 'Udvalg: Teknisk Udvalg' and
    'Mødedato: onsdag den 1. oktober 2025', the value on the label's line or the next."""
    lines = [line.strip() for line in text.splitlines()[:_HEAD_LINES] if line.strip()]
    committee = _field_value(lines, _COMMITTEE_FIELD)
    date_text = _field_value(lines, _DATE_FIELD)
    date = parse_danish_date(date_text) if date_text else None
    return (committee, date) if committee and date else None


def _field_value(lines: list[str], label: re.Pattern[str]) -> str | None:
    for index, line in enumerate(lines):
        match = label.fullmatch(line)
        if match:
            value = match.group("value") or (lines[index + 1] if index + 1 < len(lines) else "")
            return value.strip() or None
    return None


def _decision_headers(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, committee, ISO date) of every decision header line, e.g. 'Beskæftigelses- og
    Integrationsudvalget, den 11. juni 2019' or eDoc's '… beslutning den 04.12.2012 Punkt 6'."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if header := parse_decision_header(line):
            yield offset, *header
        offset += len(line)


def _title_block(text: str) -> tuple[str, str] | None:
    """(committee, date) from the document's first lines, when both are there."""
    head = text.lstrip().splitlines()[:_TITLE_BLOCK_LINES]
    committee = next((m.group("committee") for line in head if (m := re.search(_COMMITTEE_NAME, line))), None)
    if committee is None:
        committee = next((body.name for line in head if (body := find_body(line))), None)
    date = next((d for line in head if (d := parse_danish_date(line))), None)
    return (_committee_name(committee), date) if committee and date else None


def _committee_name(raw: str) -> str:
    return _TITLE_WORDS.sub("", " ".join(raw.split()))


def _plan_year(text: str) -> int | None:
    """The year of the sentences that introduce the goals ('Beskæftigelsesplan 2023 indeholder 7
    fokusområder', 'de beskæftigelsespolitiske mål for 2023'); a heading may be last year's. Without
    such a sentence, the plan title's most frequent year."""
    flowing = " ".join(text.split())
    introduced = Counter(int(m.group("plan") or m.group("year")) for m in _GOAL_INTRO_YEAR.finditer(flowing))
    years = introduced or Counter(int(m.group("year")) for m in PLAN_TITLE.finditer(text))
    return years.most_common(1)[0][0] if years else None


def _title(
    kind: DocKind, meta_title: str | None, committee: str | None, date: str | None, year: int | None
) -> str | None:
    if kind is DocKind.PLAN and year:
        return f"Beskæftigelsesplan {year}"
    if kind in _MEETING_KINDS and committee:
        return f"{committee} {date}" if date else committee
    return meta_title


def _document_id(
    kind: DocKind, source_file: str, municipality: str | None, committee: str | None, date: str | None, year: int | None
) -> str:
    place = slugify(re.sub(r"\s+[Kk]ommune$", "", municipality)) if municipality else "ukendt-kommune"
    if kind is DocKind.PLAN and year:
        return f"{place}-beskaeftigelsesplan-{year}"
    if kind in _MEETING_KINDS and committee and date:
        body = slugify(committee)
        # 'Aarhus Byråd' already names the place: 'aarhus-byraad-…', not 'aarhus-aarhus-byraad-…'
        meeting = f"{body}-{date}" if body.startswith(place + "-") else f"{place}-{body}-{date}"
        # The agenda and the minutes of one meeting are two documents.
        return f"{meeting}-dagsorden" if kind is DocKind.AGENDA else meeting
    return slugify(PurePath(source_file).stem)
