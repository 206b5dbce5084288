"""Document metadata from the text itself: kind, municipality, committee, meeting date, plan year, id."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import PurePath

from maalspor.model import CleanText, DocKind, Document
from nlp.danish import PLAN_TITLE, parse_danish_date, slugify
from nlp.decisions import parse_decision_header

# An agenda item opens with 'Punkt 3', 'Sag nr. 1' or a FirstAgenda-style '3. Titel (Beslutning)'.
_AGENDA_MARKER = re.compile(
    r"^\s*(?:(?:Punkt\s+\d+|Sag\s+nr\.\s*\d+)\s*:?\s*$|Punkt\s+\d+:\s+\S|Sagsn(?:r\.|ummer):)", re.M
)
_COMMITTEE_NAME = r"(?P<committee>[A-ZÆØÅ][\w\-æøåÆØÅ ]{2,80}?(?:udvalg(?:et)?|Byrådet|Byråd|Kommunalbestyrelsen))"
# A page header: the committee name alone on a line, the meeting date on the next.
_HEADER = re.compile(r"^\s*" + _COMMITTEE_NAME + r"\s*\n\s*(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{4})\s*$", re.M)
# The title block of a FirstAgenda or eDoc export: 'Referat' / committee / 'tirsdag den 4. december 2012'.
_TITLE_WORDS = re.compile(r"^(?:REFERAT|Referat|DAGSORDEN|Dagsorden|Beslutningsprotokol)\s+")
_TITLE_BLOCK_LINES = 6
_MUNICIPALITY = re.compile(r"\b(?P<name>[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+[Kk]ommunes?\b")
# Capitalised words that precede 'Kommune' without naming one ('Den Kommune', 'Hver kommune').
_NOT_NAMES = {"Den", "Hver", "Alle", "Hele", "Anden", "Egen", "Samme", "Denne", "Enhver"}
_HEAD_LINES = 60


def describe(clean: CleanText) -> Document:
    text = clean.text
    meta = clean.source.meta
    kind = _kind(text)
    municipality = _municipality(text) or meta.municipality
    committee, meeting_date = _meeting(text) if kind is DocKind.MINUTES else (None, None)
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


def _kind(text: str) -> DocKind:
    if _AGENDA_MARKER.search(text) and (
        next(_decision_headers(text), None) or _HEADER.search(text) or _title_block(text)
    ):
        return DocKind.MINUTES
    head = "\n".join(text.splitlines()[: _HEAD_LINES * 3])
    # A plan names itself early ('Beskæftigelsesplan 2022 fremlægger ...') and lists its goals.
    if PLAN_TITLE.search(head) and re.search(r"\b(?:fokusområder|mål)\b", text, re.I):
        return DocKind.PLAN
    return DocKind.OTHER


def _municipality(text: str) -> str | None:
    names = Counter(m.group("name") for m in _MUNICIPALITY.finditer(text) if m.group("name") not in _NOT_NAMES)
    if not names:
        return None
    return f"{names.most_common(1)[0][0]} Kommune"


def _meeting(text: str) -> tuple[str | None, str | None]:
    """The meeting's own committee and date: the pair that recurs most over headers and decisions.

    A single item may quote another committee's decision ('Børne- og Ungdomsudvalget, den 6. juni
    2019'); the meeting's own committee decides on every item, so it outnumbers the others.
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
    if block := _title_block(text):
        pairs[block] += 1
        first_seen.setdefault(block, 0)
    if not pairs:
        return None, None
    best = max(pairs, key=lambda pair: (pairs[pair], -first_seen[pair]))
    return best


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
    date = next((d for line in head if (d := parse_danish_date(line))), None)
    return (_committee_name(committee), date) if committee and date else None


def _committee_name(raw: str) -> str:
    return _TITLE_WORDS.sub("", " ".join(raw.split()))


def _plan_year(text: str) -> int | None:
    years = Counter(int(m.group("year")) for m in PLAN_TITLE.finditer(text))
    return years.most_common(1)[0][0] if years else None


def _title(
    kind: DocKind, meta_title: str | None, committee: str | None, date: str | None, year: int | None
) -> str | None:
    if kind is DocKind.PLAN and year:
        return f"Beskæftigelsesplan {year}"
    if kind is DocKind.MINUTES and committee:
        return f"{committee} {date}" if date else committee
    return meta_title


def _document_id(
    kind: DocKind, source_file: str, municipality: str | None, committee: str | None, date: str | None, year: int | None
) -> str:
    place = slugify(re.sub(r"\s+[Kk]ommune$", "", municipality)) if municipality else "ukendt-kommune"
    if kind is DocKind.PLAN and year:
        return f"{place}-beskaeftigelsesplan-{year}"
    if kind is DocKind.MINUTES and committee and date:
        body = slugify(committee)
        # 'Aarhus Byråd' already names the place: 'aarhus-byraad-…', not 'aarhus-aarhus-byraad-…'
        return f"{body}-{date}" if body.startswith(place + "-") else f"{place}-{body}-{date}"
    return slugify(PurePath(source_file).stem)
