"""The typed domain model shared by every stage: ingest -> nlp -> index -> api.

Data flow:
    file --ingest.read--> SourceDocument (pages -> lines, as extracted)
         --ingest.normalize--> CleanText (repaired text + a map char -> source line)
         --nlp.parse--> ParsedDocument (sections, goals, agenda items with decisions)
         --index.store.sqlite--> SQLite (and later embeddings)

Every extracted object carries `citations`: source file, page (PDFs) and 1-based line span,
so a user can check it in the original.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

# String enums: they compare equal to, and serialise as, their values, so the JSON contract is the values.


class DocKind(StrEnum):
    PLAN = "plan"
    MINUTES = "minutes"
    AGENDA = "agenda"  # a dagsorden: items to be decided, no decisions yet
    OTHER = "other"


class Origin(StrEnum):
    """Who set a goal: the minister (national goals a plan must carry) or the municipality."""

    MINISTERIAL = "ministerial"
    LOCAL = "local"


class SourceContext(StrEnum):
    """Where a goal was read: its own plan, a draft plan attached to minutes, a status report, or an
    agenda item that presents a plan or quotes the year's goals."""

    PLAN = "plan"
    PLAN_ATTACHMENT = "plan-attachment"
    STATUS_REPORT = "status-report"
    AGENDA_ITEM = "agenda-item"


class ItemType(StrEnum):
    BESLUTNING = "beslutning"
    ORIENTERING = "orientering"
    DROEFTELSE = "drøftelse"


class Outcome(StrEnum):
    """A decision's normalised outcome (nlp.decisions maps the phrases of the minutes onto these)."""

    TAGET_TIL_EFTERRETNING = "taget til efterretning"
    ANBEFALET = "anbefalet"
    GODKENDT = "godkendt"
    DROEFTET = "drøftet"
    UDSAT = "udsat"
    AFVIST = "afvist"
    OVERSENDT = "oversendt"
    VEDTAGET = "vedtaget"
    TILTRAADT = "tiltrådt"
    ORIENTERET = "orienteret"
    TILBAGESENDT = "tilbagesendt"  # sent back to the administration or a committee, not decided
    TRUKKET = "trukket"  # withdrawn from the agenda


class Relation(StrEnum):
    """How a goal of one plan year continues in a later one."""

    IDENTICAL = "identical"
    REWORDED = "reworded"
    NARROWED = "narrowed"
    BROADENED = "broadened"
    SPLIT = "split"
    MERGED = "merged"
    RELATED = "related"


class PlanLinkRole(StrEnum):
    APPROVES = "approves"
    REPORTS_STATUS = "reports-status"
    SETS_TARGETS = "sets-targets"
    DISCUSSES = "discusses"


class IngestError(Exception):
    """A file that cannot be ingested. The message is one clear line for the user."""


# ---------------------------------------------------------------- ingest stage


@dataclass(frozen=True)
class SourceLine:
    """One line exactly as the extractor gave it.

    `line` is 1-based: the line number in the source text file, or within the page for PDFs.
    `ocr_confidence` (0..1, Tesseract's mean word confidence on the line) is set only on lines read by OCR
    from a page image, so every record built from them can say how far its text can be trusted.
    """

    page: int | None
    line: int
    text: str
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class SourceMeta:
    """Metadata a reader knows from the file format itself (JSON exports carry it)."""

    title: str | None = None
    committee: str | None = None
    meeting_date: str | None = None  # ISO yyyy-mm-dd
    municipality: str | None = None


@dataclass
class SourceDocument:
    source_file: str  # file name only; never a full path
    content_hash: str  # sha256 of the file bytes
    format: str  # "pdf" | "text" | "html" | "firstagenda-json" | "edoc-xml" | "sbsys-xml" | "acadre-xml"
    lines: list[SourceLine]
    meta: SourceMeta = field(default_factory=SourceMeta)
    page_count: int | None = None


@dataclass(frozen=True)
class Citation:
    """Where a record was read: file name, 1-based PDF page (None for text), 1-based line span, the quote."""

    source_file: str
    page: int | None
    line_start: int
    line_end: int
    quote: str | None = None


@dataclass
class CleanText:
    """Repaired text plus, for every character, the index of the SourceLine it came from.

    Characters the normaliser inserted (joining spaces, newlines) take the origin of a
    neighbouring character, so any span maps back to a source line range.
    """

    source: SourceDocument
    text: str
    origins: array  # array('i'), len(origins) == len(text)

    def cite(self, start: int, end: int, quote: bool = False) -> Citation:
        """Citation for text[start:end] (end exclusive)."""
        if not self.text:
            raise ValueError("empty text has no citations")
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        # Ignore surrounding whitespace so a span never cites a neighbouring blank line.
        while start < end - 1 and self.text[start].isspace():
            start += 1
        while end - 1 > start and self.text[end - 1].isspace():
            end -= 1
        first = self.source.lines[self.origins[start]]
        last = self.source.lines[self.origins[end - 1]]
        if first.page != last.page:
            # A span over a page break is cited from its first page; line_end is that page's last line.
            last_idx = max(
                i
                for i in range(self.origins[start], self.origins[end - 1] + 1)
                if self.source.lines[i].page == first.page
            )
            last = self.source.lines[last_idx]
        return Citation(
            source_file=self.source.source_file,
            page=first.page,
            line_start=first.line,
            line_end=max(first.line, last.line),
            quote=self.text[start:end] if quote else None,
        )

    def line_spans(self) -> Iterator[tuple[int, int]]:
        """(start, end) offsets of every line of `text`, newline excluded."""
        start = 0
        for end, char in enumerate(self.text):
            if char == "\n":
                yield start, end
                start = end + 1
        if start < len(self.text):
            yield start, len(self.text)


# ---------------------------------------------------------------- nlp stage


@dataclass
class Target:
    """A goal's target, e.g. 'fald 5 pct.', 'minimum 60 pct.', 'begrænses til X personer'."""

    text: str
    direction: str | None = None  # "fald" | "stigning" | "minimum" | "maksimum" | "niveau"
    value: float | None = None
    unit: str | None = None  # "pct" | "procentpoint" | "personer" | "fuldtidspersoner"
    persons: int | None = None
    placeholder: bool = False  # the plan writes "X" where the value is still to be set


@dataclass
class Period:
    text: str
    start: str | None = None  # ISO yyyy-mm where known
    end: str | None = None
    baseline: str | None = None


@dataclass
class StatusObservation:
    """A reported status figure for a goal at a date."""

    text: str
    date: str | None  # yyyy-mm where known
    value: float | None
    unit: str | None
    persons: float | None
    document_id: str
    citations: list[Citation]


@dataclass
class Goal:
    id: str
    document_id: str
    plan_year: int
    number: str  # "1", "2a", "følgemål a"
    wording: str
    origin: Origin
    target: Target | None
    target_group: str | None
    period: Period | None
    status: list[StatusObservation]
    citations: list[Citation]
    sub_targets: list[Target] = field(default_factory=list)  # e.g. the 'Minimum 60 pct.' lines under a focus area
    source_context: SourceContext = SourceContext.PLAN
    truncated: bool = False  # the source list breaks off inside this goal (a page or excerpt ends mid-item)


@dataclass
class Section:
    id: str
    document_id: str
    number: str | None
    title: str
    level: int
    parent_id: str | None
    text: str
    citations: list[Citation]


@dataclass
class Absence:
    name: str
    party: str | None


@dataclass
class Substitute:
    """A member who sat in for another at the meeting ('I stedet for X deltog Y', 'Y mødte for X')."""

    name: str
    party: str | None
    replaces: str | None  # the absent member's name, where the minutes give it


@dataclass
class Recommendation:
    number: int | None
    text: str


@dataclass
class Decision:
    """One body's decision on an agenda item: committee, date, text, normalised outcome, absences."""

    committee: str
    date: str | None  # ISO yyyy-mm-dd
    text: str
    outcome: Outcome | None
    outcome_by_recommendation: dict[int, Outcome] = field(default_factory=dict)
    absent: list[Absence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    substitutes: list[Substitute] = field(default_factory=list)


@dataclass
class AgendaItem:
    id: str
    document_id: str
    number: str
    title: str
    item_type: ItemType | None
    resume: str | None = None
    recommendations: list[Recommendation] = field(default_factory=list)
    recommendation_text: str | None = None
    case_text: str | None = None  # Sagsfremstilling
    legal_basis: str | None = None  # Lovgrundlag
    economy: str | None = None  # Økonomi / Økonomiske konsekvenser
    competence: str | None = None  # Beslutningskompetence
    decisions: list[Decision] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    embedded: bool = False  # an earlier meeting's item reproduced inside an attachment


@dataclass
class Document:
    id: str
    kind: DocKind
    title: str | None
    municipality: str | None
    committee: str | None
    meeting_date: str | None  # ISO yyyy-mm-dd
    plan_year: int | None
    source_file: str
    content_hash: str
    renditions: list[str] = field(default_factory=list)  # other source files holding the same document


@dataclass
class ParsedDocument:
    document: Document
    clean: CleanText
    sections: list[Section] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)


# ---------------------------------------------------------------- lineage (index stage, derived from all goals)


@dataclass
class GoalLink:
    """A goal of `from_year` continued by a goal of `to_year`; evidence holds the feature scores and method."""

    from_goal: str
    to_goal: str
    from_year: int
    to_year: int
    relation: Relation
    confidence: float
    evidence: dict[str, float | str] = field(default_factory=dict)


@dataclass
class Thread:
    """The connected history of one goal across plan years; a year without a goal in it is a gap."""

    id: str  # "thread:<id of the earliest goal>"
    label: str  # the latest wording, shortened
    goals_by_year: dict[int, list[str]]  # plan year -> goal ids, in plan order


@dataclass
class PlanLink:
    """An agenda item that approves a plan, reports its status or sets its targets, tied to one of its goals."""

    goal_id: str
    item_id: str
    role: PlanLinkRole
    outcome: Outcome | None  # the meeting's decision on the item
    meeting_date: str | None
    observations: int  # status observations of the goal that this item's document reported
