"""The JSON contract: one pydantic model per record the CLI exports and the API answers (README: Export schemas).

Where a record is exactly a dataclass of maalspor.model (same fields, no number kept as written), the dataclass
is the model: pydantic validates and dumps it, and FastAPI documents it, like a model of its own.

The export records (`maalspor export`) are validated against these models and dumped in JSON mode, so the
command line and the OpenAPI schema at /docs describe the same fields. Field order follows the records.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from maalspor.model import (
    Absence,
    Citation,
    Decision,
    DocKind,
    ItemType,
    Origin,
    Outcome,
    Period,
    PlanLinkRole,
    Recommendation,
    Relation,
    Section,
    SourceContext,
    SourceLine,
)

# A number read from a document keeps its JSON form: 5 stays 5, 5.5 stays 5.5.
Number = int | float


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- export records


class CitationRecord(Record):
    """Where a record was read: file name, 1-based PDF page (null for text), 1-based line span.

    The fields of maalspor.model.Citation (which the export records use), as the base of the quoted citation."""

    source_file: str
    page: int | None
    line_start: int
    line_end: int
    quote: str | None = None


class QuotedCitationRecord(CitationRecord):
    """A citation whose quote is the cited source lines, with the id of the document holding the source."""

    document_id: str | None
    # Lowest OCR confidence (0..1) of the cited lines when any was read by OCR from a scan; null otherwise.
    ocr_confidence: float | None = None


class DocumentRecord(Record):
    id: str
    kind: DocKind
    title: str | None
    municipality: str | None
    committee: str | None
    meeting_date: str | None
    plan_year: int | None
    source_file: str
    content_hash: str
    renditions: list[str]


class TargetRecord(Record):
    text: str
    direction: str | None = None
    value: Number | None = None
    unit: str | None = None
    persons: Number | None = None
    placeholder: bool = False


class StatusRecord(Record):
    text: str
    date: str | None
    value: Number | None
    unit: str | None
    persons: Number | None
    document_id: str
    citations: list[Citation]


class GoalRecord(Record):
    id: str
    document_id: str
    plan_year: int
    number: str
    wording: str
    origin: Origin
    target: TargetRecord | None
    target_group: str | None
    period: Period | None
    status: list[StatusRecord]
    citations: list[Citation]
    sub_targets: list[TargetRecord]
    source_context: SourceContext
    truncated: bool


class DecisionRecord(Record):
    id: str
    document_id: str
    committee: str | None
    meeting_date: str | None
    item_number: str
    title: str
    item_type: ItemType | None
    recommendation: str | None
    recommendations: list[Recommendation]
    decision_text: str | None
    decision_date: str | None
    outcome: Outcome | None
    outcome_by_recommendation: dict[int, Outcome]
    absent: list[Absence]
    attachments: list[str]
    all_decisions: list[Decision]
    citations: list[Citation]


class LinkRecord(Record):
    from_goal: str
    to_goal: str
    from_year: int
    to_year: int
    relation: Relation
    confidence: Number
    evidence: dict[str, Number | str]


class ThreadRecord(Record):
    id: str
    label: str
    goals_by_year: dict[str, list[str]]


EXPORT_MODELS: dict[str, type] = {
    "documents": DocumentRecord,
    "goals": GoalRecord,
    "decisions": DecisionRecord,
    "sections": Section,
    "links": LinkRecord,
    "threads": ThreadRecord,
}


# ---------------------------------------------------------------- API answers built on the export records


class DocumentDetail(DocumentRecord):
    line_count: int
    lines: list[SourceLine]


class QuotedGoalRecord(GoalRecord):
    citations: list[QuotedCitationRecord]  # type: ignore[assignment]  # a narrower record: pydantic re-validates


class MeetingRecord(Record):
    """An agenda item that approves, reports the status of or sets targets for a goal's plan."""

    item_id: str
    title: str
    role: PlanLinkRole
    outcome: Outcome | None
    meeting_date: str | None
    citations: list[QuotedCitationRecord]


class GoalDetail(QuotedGoalRecord):
    thread_id: str
    meetings: list[MeetingRecord]


class StatusEntry(Record):
    text: str
    date: str | None
    value: Number | None
    unit: str | None
    persons: Number | None
    citations: list[QuotedCitationRecord]


class GoalEntry(Record):
    """A goal as a timeline shows it: normalised wording, the target's text, status figures."""

    id: str
    document_id: str
    year: int
    number: str
    wording: str
    origin: Origin
    target: str | None
    status: list[StatusEntry]
    citations: list[QuotedCitationRecord]


class DiffOpRecord(Record):
    op: str = Field(description="equal | insert | delete")
    text: str


class TargetChangeRecord(Record):
    kind: str = Field(description="unchanged | added | removed | value-set | changed | none")
    before: str | None
    after: str | None
    description: str


class ChangeRecord(Record):
    from_goal: str
    to_goal: str
    from_year: int
    to_year: int
    diff: list[DiffOpRecord]
    target_change: TargetChangeRecord


class LinkedChangeRecord(ChangeRecord):
    relation: Relation
    confidence: float


class YearEntry(Record):
    year: int
    goals: list[GoalEntry]


class ThreadTimeline(ThreadRecord):
    years: list[YearEntry]
    changes: list[LinkedChangeRecord]
    meetings: list[MeetingRecord]


class Comparison(Record):
    model_config = ConfigDict(populate_by_name=True)

    thread_id: str
    from_year: int = Field(alias="from")
    to_year: int = Field(alias="to")
    before: list[GoalEntry]
    after: list[GoalEntry]
    changes: list[ChangeRecord]


class QuotedDecisionRecord(DecisionRecord):
    citations: list[QuotedCitationRecord]  # type: ignore[assignment]  # a narrower record: pydantic re-validates


class DecisionSummary(Record):
    """An agenda item and the meeting's decision on it, as answers and topic histories list them."""

    item_id: str
    title: str
    committee: str | None
    date: str | None
    outcome: Outcome | None
    decision_text: str | None
    attachments: list[str]


class TopicItem(DecisionSummary):
    citations: list[QuotedCitationRecord]


class TopicHistory(Record):
    topic: str
    items: list[TopicItem]


class SearchHit(Record):
    score: float
    kind: str
    text: str
    metadata: dict[str, Any]
    citations: list[QuotedCitationRecord]


class SearchResults(Record):
    query: str
    hits: list[SearchHit]
    note: str | None


class StatementRecord(Record):
    text: str
    citations: list[QuotedCitationRecord]


class AnswerLinkRecord(Record):
    from_goal: str
    to_goal: str
    relation: Relation
    confidence: float
    from_year: int
    to_year: int
    target_change: str


class AnswerRecord(Record):
    """An answer to a question: every statement carries the citations it rests on."""

    question: str
    language: str = Field(description="da | en")
    kind: str
    years: list[int]
    terms: list[str]
    evidence: bool
    answer: str
    statements: list[StatementRecord]
    citations: list[QuotedCitationRecord]
    goals: list[str]
    links: list[AnswerLinkRecord]
    decisions: list[DecisionSummary]
