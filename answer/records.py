"""The export records: the JSON contract other tools read (schema documented in README.md)."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from maalspor.model import AgendaItem, Citation, Document, Goal, GoalLink, Section, SourceLine, Thread
from nlp.decisions import meeting_decision

if TYPE_CHECKING:
    from index.store.line_cache import SourceText
    from index.store.sqlite import Store

# A quote is the cited lines as stored, cut at this length: a prefix still string-matches the source.
QUOTE_LIMIT = 400

EXPORT_KINDS = ("documents", "goals", "decisions", "sections", "links", "threads")


def export_records(store: Store, kind: str) -> list[dict]:
    """The records of `kind` as plain JSON values, checked against their model in answer.schema."""
    from pydantic import TypeAdapter  # pydantic: not needed to start the command line

    from answer.schema import EXPORT_MODELS

    model = EXPORT_MODELS.get(kind)
    if model is None:
        raise ValueError(f"unknown export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}")
    adapter: TypeAdapter[Any] = TypeAdapter(model)
    return [adapter.dump_python(adapter.validate_python(record), mode="json") for record in _records(store, kind)]


def _records(store: Store, kind: str) -> list[dict]:
    if kind == "documents":
        return [document_record(d) for d in store.documents()]
    if kind == "goals":
        return [goal_record(g) for g in store.goals()]
    if kind == "sections":
        return [section_record(s) for s in store.sections()]
    if kind == "decisions":
        documents = {d.id: d for d in store.documents()}
        return [decision_record(item, documents[item.document_id]) for item in store.items(include_embedded=False)]
    if kind == "links":
        return [link_record(link) for link in store.links()]
    if kind == "threads":
        return [thread_record(t) for t in store.threads()]
    raise ValueError(f"unknown export {kind!r}")


def document_record(document: Document) -> dict:
    record = asdict(document)
    record["kind"] = document.kind.value
    return record


def goal_record(goal: Goal) -> dict:
    return asdict(goal)


def section_record(section: Section) -> dict:
    return asdict(section)


def decision_record(item: AgendaItem, document: Document) -> dict:
    decision = meeting_decision(item, document)
    return {
        "id": item.id,
        "document_id": item.document_id,
        "committee": document.committee,
        "meeting_date": document.meeting_date,
        "item_number": item.number,
        "title": item.title,
        "item_type": item.item_type,
        "recommendation": item.recommendation_text,
        "recommendations": [asdict(r) for r in item.recommendations],
        "decision_text": decision.text if decision else None,
        "decision_date": decision.date if decision else None,
        "outcome": decision.outcome if decision else None,
        "outcome_by_recommendation": decision.outcome_by_recommendation if decision else {},
        "absent": [asdict(a) for a in decision.absent] if decision else [],
        "attachments": item.attachments,
        "all_decisions": [asdict(d) for d in item.decisions],
        "citations": [asdict(c) for c in item.citations],
    }


def link_record(link: GoalLink) -> dict:
    return asdict(link)


def thread_record(thread: Thread) -> dict:
    return {
        "id": thread.id,
        "label": thread.label,
        "goals_by_year": {str(year): ids for year, ids in sorted(thread.goals_by_year.items())},
    }


class CitationQuoter:
    """Citations with quotes taken from the stored source lines, so every quote can be checked."""

    def __init__(self, store: Store):
        self._store = store
        self._texts: dict[str, SourceText] = {}
        self._document_ids: dict[str, str | None] = {}

    def source_lines(self, source_file: str) -> list[SourceLine]:
        return list(self._source_text(source_file).lines)

    def cited_lines(self, citation: Citation) -> list[SourceLine]:
        return self._source_text(citation.source_file).cited(citation.page, citation.line_start, citation.line_end)

    def _source_text(self, source_file: str) -> SourceText:
        if source_file not in self._texts:
            self._texts[source_file] = self._store.source_text(source_file)
        return self._texts[source_file]

    def record(self, citation: Citation) -> dict:
        """The citation, its quote, and the id of the document holding the source (for links to it)."""
        lines = self.cited_lines(citation)
        quote = "\n".join(line.text for line in lines)[:QUOTE_LIMIT]
        if citation.source_file not in self._document_ids:
            self._document_ids[citation.source_file] = self._store.source_document_id(citation.source_file)
        confidences = [line.ocr_confidence for line in lines if line.ocr_confidence is not None]
        return {
            **asdict(replace(citation, quote=quote)),
            "document_id": self._document_ids[citation.source_file],
            "ocr_confidence": min(confidences) if confidences else None,
        }

    def records(self, citations: list[Citation]) -> list[dict]:
        return [self.record(citation) for citation in citations]

    def narrowed(self, citation: Citation, needle: str) -> Citation:
        """The first cited line containing `needle` (e.g. the absence line of a long decision), else the citation."""
        line = next((line for line in self.cited_lines(citation) if needle.casefold() in line.text.casefold()), None)
        return citation if line is None else replace(citation, line_start=line.line, line_end=line.line)
