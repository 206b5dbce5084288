"""The question bank (tests/resources/question_bank) and its scorer.

Kept out of the product: `ask` never judges itself. Used by tests/answer/test_bank.py (the bank's shape)
and bench/bench_ask_bank.py (accuracy per intent, search recall@5, answer time). What "correct" means is
written down in tests/resources/question_bank/README.md; this module is that definition in code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BANK_DIR = Path(__file__).resolve().parent.parent / "resources" / "question_bank"
SPLITS = ("test", "dev")  # the bank proper: every question written once, test held out
# The paraphrase split rewords every dev question twice (same facts and citations): a dev split that
# measures whether a gain on dev survives other wordings. Split name -> file stem.
PARAPHRASE_SPLIT = "paraphrase"
# The fresh split asks new questions on facts neither dev nor its paraphrases ask about (other goals, items,
# meetings, municipalities): the nearest stand-in for questions nobody on the team has seen.
FRESH_SPLIT = "fresh"
# The second fresh split: new questions on facts none of dev, paraphrase and fresh asks about, written later by
# someone who had not typed the earlier ones (other meetings, items and status lines; other wording).
FRESH2_SPLIT = "fresh2"
SPLIT_FILES = {
    "test": "test",
    "dev": "dev",
    PARAPHRASE_SPLIT: "dev_paraphrase",
    FRESH_SPLIT: "dev_fresh",
    FRESH2_SPLIT: "dev_fresh2",
}
INTENTS = (
    "change",
    "first_last",
    "new_dropped",
    "unchanged",
    "status",
    "decision",
    "attachments",
    "agenda_history",
    "absence",
    "overview",
    "why",
    "other",
    "absent",
)
ABSENT_INTENT = "absent"
LINE_TOLERANCE = 2  # a cited span within ±2 lines of an expected one counts as a hit

# How `ask` says the material does not answer (answer/phrasing.py), in both languages.
ABSTENTION_MARKERS = (
    "fremgår ikke af materialet",
    "materialet indeholder ikke",
    "materialet viser ikke",
    "the material does not",
    "not in the material",
)


@dataclass(frozen=True)
class Span:
    """A cited stretch of source lines; `page` is None for text and JSON sources."""

    source_file: str
    page: int | None
    line_start: int
    line_end: int

    def near(self, other: Span, tolerance: int = LINE_TOLERANCE) -> bool:
        return (
            self.source_file == other.source_file
            and self.page == other.page
            and self.line_start <= other.line_end + tolerance
            and other.line_start - tolerance <= self.line_end
        )


@dataclass(frozen=True)
class ExpectedCitation:
    span: Span
    anchor: str  # the start of the text at line_start, as read when the question was written


@dataclass(frozen=True)
class BankQuestion:
    id: str
    question: str
    language: str
    intent: str
    facts: tuple[tuple[str, ...], ...]
    citations: tuple[ExpectedCitation, ...]
    split: str


@dataclass(frozen=True)
class AnswerView:
    """What the scorer reads from an answer: its text and every span it cites."""

    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Score:
    correct: bool
    missing_facts: tuple[tuple[str, ...], ...] = ()
    cited_expected: bool = False


# ------------------------------------------------------------------ loading


def load_bank(split: str) -> list[BankQuestion]:
    """The questions of a split by name ("test", "dev", "paraphrase", "fresh", "fresh2") or by file stem."""
    data = json.loads((BANK_DIR / f"{SPLIT_FILES.get(split, split)}.json").read_text(encoding="utf-8"))
    return [_question(record, split) for record in data["questions"]]


def original_id(question: BankQuestion) -> str:
    """The dev question a paraphrase rewords (`<id>-p1` -> `<id>`); a bank question's own id otherwise."""
    stem, _, suffix = question.id.rpartition("-p")
    return stem if question.split == PARAPHRASE_SPLIT and suffix.isdigit() else question.id


def load_all() -> list[BankQuestion]:
    return [question for split in SPLITS for question in load_bank(split)]


def _question(record: Mapping[str, Any], split: str) -> BankQuestion:
    return BankQuestion(
        id=record["id"],
        question=record["question"],
        language=record["language"],
        intent=record["intent"],
        facts=tuple(tuple(forms) for forms in record["expected_facts"]),
        citations=tuple(
            ExpectedCitation(span=_span(citation), anchor=citation["anchor"])
            for citation in record["expected_citations"]
        ),
        split=split,
    )


def _span(record: Mapping[str, Any]) -> Span:
    return Span(record["source_file"], record["page"], int(record["line_start"]), int(record["line_end"]))


# ------------------------------------------------------------------ reading an answer


def answer_view(result: Any) -> AnswerView:
    """The one adapter from what `answer.engine.ask` returns (its JSON record, or an object with
    `record()`) to the text and citations the scorer reads."""
    record = result.record() if hasattr(result, "record") else result
    cited = [citation for statement in record["statements"] for citation in statement["citations"]]
    cited += list(record.get("citations", []))
    return AnswerView(text=record["answer"], spans=tuple(dict.fromkeys(_span(c) for c in cited)))


def hit_spans(hits: Iterable[Any]) -> list[tuple[Span, ...]]:
    """The cited spans of each search hit (index.search.hybrid.Hit), in rank order."""
    return [tuple(Span(c.source_file, c.page, c.line_start, c.line_end) for c in hit.citations) for hit in hits]


# ------------------------------------------------------------------ scoring


def normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def states(form: str, text: str) -> bool:
    """`form` appears in `text` (already normalised); a form that starts or ends with a digit must not be
    part of a longer number there ("5 pct" is not in "15 pct", "2,8" is not in "12,85")."""
    needle = normalise(form)
    before = r"(?<![\d.,])" if needle[:1].isdigit() else ""
    after = r"(?![\d]|[.,]\d)" if needle[-1:].isdigit() else ""
    return re.search(before + re.escape(needle) + after, text) is not None


def missing_facts(question: BankQuestion, text: str) -> tuple[tuple[str, ...], ...]:
    said = normalise(text)
    return tuple(forms for forms in question.facts if not any(states(form, said) for form in forms))


def cites_expected(question: BankQuestion, spans: Sequence[Span]) -> bool:
    return any(span.near(expected.span) for span in spans for expected in question.citations)


def abstains(view: AnswerView) -> bool:
    said = normalise(view.text)
    return not view.spans and any(marker in said for marker in ABSTENTION_MARKERS)


def score(question: BankQuestion, view: AnswerView) -> Score:
    if question.intent == ABSENT_INTENT:
        return Score(correct=abstains(view))
    missing = missing_facts(question, view.text)
    cited = cites_expected(question, view.spans)
    return Score(correct=not missing and cited, missing_facts=missing, cited_expected=cited)


def found_in_top(question: BankQuestion, ranked_spans: Sequence[Sequence[Span]], k: int = 5) -> bool:
    """Search recall@k for one question: a hit among the first k cites near an expected citation."""
    return any(cites_expected(question, spans) for spans in ranked_spans[:k])


# ------------------------------------------------------------------ tallies


@dataclass
class Tally:
    """Correct answers, search recall and failing ids for one group of questions."""

    total: int = 0
    correct: int = 0
    searched: int = 0
    found: int = 0
    failing: list[str] = field(default_factory=list)

    def add(self, question: BankQuestion, result: Score, found: bool | None) -> None:
        self.total += 1
        self.correct += result.correct
        if not result.correct:
            self.failing.append(question.id)
        if found is not None:
            self.searched += 1
            self.found += found

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def recall(self) -> float | None:
        return self.found / self.searched if self.searched else None


def tally_by_intent(outcomes: Iterable[tuple[BankQuestion, Score, bool | None]]) -> dict[str, Tally]:
    """One tally per intent (in INTENTS order) plus "all"."""
    tallies = {intent: Tally() for intent in INTENTS}
    tallies["all"] = Tally()
    for question, result, found in outcomes:
        tallies[question.intent].add(question, result, found)
        tallies["all"].add(question, result, found)
    return {name: tally for name, tally in tallies.items() if tally.total}
