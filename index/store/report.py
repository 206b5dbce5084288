"""What `ingest` found, per file: the typed record behind the summary lines and `--report json`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum

from maalspor.model import DocKind, ParsedDocument


class FileOutcome(StrEnum):
    INGESTED = "ingested"  # a new or changed document (or a fuller rendition that now carries it)
    RENDITION = "rendition"  # another file of a document already stored; its text is kept, not its records
    SKIPPED = "skipped"  # these exact bytes are stored already
    FAILED = "failed"  # nothing of the file was stored


@dataclass
class FileReport:
    """One file of the batch. `source_file` is the name the store gives it (the one citations carry)."""

    path: str
    outcome: FileOutcome
    message: str  # the report line for people (reason, document id, which document it renders)
    source_file: str | None = None
    document_id: str | None = None
    kind: str | None = None
    items: int = 0  # agenda items of the meeting (items reproduced inside attachments not counted)
    decisions: int = 0  # of those items, the ones with a decision
    goals: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)

    def lines(self, outcome: FileOutcome) -> list[str]:
        return [file.message for file in self.files if file.outcome is outcome]

    @property
    def ingested(self) -> list[str]:
        return self.lines(FileOutcome.INGESTED)

    @property
    def renditions(self) -> list[str]:
        return self.lines(FileOutcome.RENDITION)

    @property
    def skipped(self) -> list[str]:
        return self.lines(FileOutcome.SKIPPED)

    @property
    def failed(self) -> list[str]:
        return self.lines(FileOutcome.FAILED)

    @property
    def warnings(self) -> list[str]:
        return [f"{file.source_file}: {warning}" for file in self.files for warning in file.warnings]

    def summary(self) -> str:
        return (
            f"{len(self.ingested)} ingested, {len(self.renditions)} renditions, "
            f"{len(self.skipped)} unchanged, {len(self.failed)} failed, {len(self.warnings)} warnings"
        )

    def to_json(self) -> dict:
        return {"files": [asdict(file) for file in self.files], "summary": self.summary()}


def found(parsed: ParsedDocument, outcome: FileOutcome, message: str, path: str) -> FileReport:
    """The counts of what the parser found in the file, with a warning where a document of its kind
    should have yielded something: minutes without agenda items, a plan without goals."""
    document = parsed.document
    items = [item for item in parsed.items if not item.embedded]
    report = FileReport(
        path=path,
        outcome=outcome,
        message=message,
        source_file=parsed.clean.source.source_file,
        document_id=document.id,
        kind=document.kind.value,
        items=len(items),
        decisions=sum(1 for item in items if item.decisions),
        goals=len(parsed.goals),
    )
    if document.kind in (DocKind.MINUTES, DocKind.AGENDA) and not items:
        report.warnings.append(f"{document.kind.value}, but no agenda items were found")
    if document.kind is DocKind.PLAN and not parsed.goals:
        report.warnings.append("a plan, but no goals were found")
    return report
