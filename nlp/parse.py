"""nlp entry point: CleanText -> ParsedDocument (document metadata, sections, goals, agenda items)."""

from __future__ import annotations

from maalspor.model import CleanText, DocKind, ParsedDocument
from nlp.classify import describe
from nlp.goals import extract_goals_from_minutes
from nlp.minutes import parse_minutes
from nlp.plans import parse_plan


def parse(clean: CleanText) -> ParsedDocument:
    document = describe(clean)
    parsed = ParsedDocument(document=document, clean=clean)
    if document.kind is DocKind.PLAN:
        parsed.sections, parsed.goals = parse_plan(clean, document)
    elif document.kind in (DocKind.MINUTES, DocKind.AGENDA):
        parsed.items = parse_minutes(clean, document)
        parsed.goals = extract_goals_from_minutes(clean, document)
        # A meeting titled 'Dagsorden' whose items hold decisions is its minutes.
        if document.kind is DocKind.AGENDA and any(item.decisions for item in parsed.items):
            document.kind = DocKind.MINUTES
    return parsed
