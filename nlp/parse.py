"""nlp entry point: CleanText -> ParsedDocument (document metadata, sections, goals, agenda items)."""

from __future__ import annotations

from maalspor.model import AgendaItem, CleanText, DocKind, ParsedDocument
from nlp.classify import as_minutes, describe
from nlp.goals import extract_goals_from_minutes
from nlp.minutes import parse_minutes
from nlp.plans import parse_plan


def parse(clean: CleanText) -> ParsedDocument:
    document = describe(clean)
    if document.kind is DocKind.PLAN:
        sections, goals = parse_plan(clean, document)
        return ParsedDocument(document=document, clean=clean, sections=sections, goals=goals)
    if document.kind not in (DocKind.MINUTES, DocKind.AGENDA):
        return ParsedDocument(document=document, clean=clean)
    items = parse_minutes(clean, document)
    # A meeting titled 'Dagsorden' whose items hold decisions of its day is its minutes (ids follow
    # the document); an agenda's items quote only earlier decisions ('Sagens forløb').
    if document.kind is DocKind.AGENDA and _decided_on_the_day(items, document.meeting_date):
        document = as_minutes(document)
        items = parse_minutes(clean, document)
    goals = extract_goals_from_minutes(clean, document)
    return ParsedDocument(document=document, clean=clean, items=items, goals=goals)


def _decided_on_the_day(items: list[AgendaItem], meeting_date: str | None) -> bool:
    return any(decision.date == meeting_date for item in items for decision in item.decisions)
