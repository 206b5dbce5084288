"""nlp entry point: CleanText -> ParsedDocument (document metadata, sections, goals, agenda items)."""

from __future__ import annotations

from maalspor.model import CleanText, DocKind, ParsedDocument
from nlp.classify import as_minutes, describe, records_the_meeting
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
    if document.kind is DocKind.AGENDA and records_the_meeting(items, document.meeting_date):
        document = as_minutes(document)
        items = parse_minutes(clean, document)
    goals = extract_goals_from_minutes(clean, document)
    return ParsedDocument(document=document, clean=clean, items=items, goals=goals)
