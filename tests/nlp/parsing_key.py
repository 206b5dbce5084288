"""Score the parser against tests/resources/parsing_key.json (real documents of other municipalities).

Shared by tests/nlp/test_parsing_key.py and bench/bench_parsing.py. A document is read the way the pipeline
reads it (reader → normalise → parse), without a store. The measures follow issue 9:
- items: an expected item is found when an item with its number has a title that matches (fuzzy);
- decisions: an expected decision is found when that item holds a decision of the same date whose body
  matches; the outcome is scored separately, on the decisions the key gives an outcome for;
- goals: an expected goal is found when a goal's wording contains it (fuzzy);
- metadata: kind, committee, municipality and meeting date, each right or wrong;
- invented: goals or decisions found in documents the key says hold none.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ingest.normalize import normalize
from ingest.readers import read_source
from maalspor.model import IngestError, ParsedDocument
from nlp.parse import parse

KEY_PATH = Path(__file__).resolve().parents[1] / "resources" / "parsing_key.json"
REALDOCS = Path(__file__).resolve().parents[2].parent / "shared" / "realdocs"
_TITLE_MATCH = 85  # rapidfuzz partial ratio, case-folded
_NAME_MATCH = 85
_GOAL_MATCH = 85


@dataclass
class Tally:
    """found out of expected, for one measure."""

    found: int = 0
    expected: int = 0

    def add(self, found: int, expected: int) -> None:
        self.found += found
        self.expected += expected

    @property
    def ratio(self) -> float | None:
        return self.found / self.expected if self.expected else None

    def __str__(self) -> str:
        return f"{self.found}/{self.expected}" + (f" ({self.ratio:.2f})" if self.expected else "")


@dataclass
class DocumentScore:
    source_file: str
    split: str
    error: str | None = None
    items: Tally = field(default_factory=Tally)
    decisions: Tally = field(default_factory=Tally)
    outcomes: Tally = field(default_factory=Tally)
    goals: Tally = field(default_factory=Tally)
    metadata: Tally = field(default_factory=Tally)
    invented: int = 0
    wrong_metadata: list[str] = field(default_factory=list)


MEASURES = ("items", "decisions", "outcomes", "goals", "metadata")


def load_key() -> list[dict]:
    return json.loads(KEY_PATH.read_text(encoding="utf-8"))["documents"]


def key_path(entry: dict) -> Path:
    return REALDOCS / entry["folder"] / entry["source_file"]


def score_all(split: str | None = None) -> Iterator[DocumentScore]:
    for entry in load_key():
        if split is None or entry["split"] == split:
            yield score_document(entry)


def score_document(entry: dict) -> DocumentScore:
    score = DocumentScore(entry["source_file"], entry["split"])
    try:
        parsed = parse(normalize(read_source(key_path(entry))))
    except IngestError as err:
        score.error = str(err)
        parsed = None
    _score_metadata(score, entry, parsed)
    _score_items(score, entry, parsed)
    _score_decisions(score, entry, parsed)
    _score_goals(score, entry, parsed)
    return score


def _similar(a: str, b: str) -> float:
    return fuzz.partial_ratio(" ".join(a.casefold().split()), " ".join(b.casefold().split()))


def _score_metadata(score: DocumentScore, entry: dict, parsed: ParsedDocument | None) -> None:
    document = parsed.document if parsed else None
    checks = {
        "kind": lambda: document.kind == entry["kind"],
        "committee": lambda: (
            bool(document.committee)
            and any(_similar(name, document.committee) >= _NAME_MATCH for name in entry["committee"])
        ),
        "municipality": lambda: entry["municipality"].casefold() in (document.municipality or "").casefold(),
        "meeting_date": lambda: document.meeting_date == entry["meeting_date"],
    }
    for name, check in checks.items():
        if entry.get(name) is None:
            continue
        right = document is not None and check()
        score.metadata.add(int(right), 1)
        if not right:
            score.wrong_metadata.append(f"{name}={getattr(document, name, None)!r}")


def _score_items(score: DocumentScore, entry: dict, parsed: ParsedDocument | None) -> None:
    if entry["items"] is None:
        return
    items = parsed.items if parsed else []
    for expected in entry["items"]:
        found = any(
            item.number == expected["number"] and _similar(expected["title"], item.title) >= _TITLE_MATCH
            for item in items
        )
        score.items.add(int(found), 1)


def _score_decisions(score: DocumentScore, entry: dict, parsed: ParsedDocument | None) -> None:
    if entry["decisions"] is None:
        return
    items = parsed.items if parsed else []
    if not entry["decisions"]:
        score.invented += (
            sum(len(item.decisions) for item in items if not item.embedded) if entry["kind"] == "other" else 0
        )
    for expected in entry["decisions"]:
        decisions = [
            d for item in items if item.number == expected["item"] and not item.embedded for d in item.decisions
        ]
        match = next(
            (
                d
                for d in decisions
                if d.date == expected["date"] and _similar(expected["body"], d.committee) >= _NAME_MATCH
            ),
            None,
        )
        score.decisions.add(int(match is not None), 1)
        if expected["outcome"] is not None:
            score.outcomes.add(int(match is not None and match.outcome == expected["outcome"]), 1)


def _score_goals(score: DocumentScore, entry: dict, parsed: ParsedDocument | None) -> None:
    if entry["goals"] is None:
        return
    goals = parsed.goals if parsed else []
    if not entry["goals"]:
        score.invented += len(goals)
    for expected in entry["goals"]:
        found = any(_similar(expected["text"], goal.wording) >= _GOAL_MATCH for goal in goals)
        score.goals.add(int(found), 1)


def totals(scores: list[DocumentScore]) -> dict[str, Tally]:
    summed = {measure: Tally() for measure in MEASURES}
    for score in scores:
        for measure in MEASURES:
            tally = getattr(score, measure)
            summed[measure].add(tally.found, tally.expected)
    return summed
