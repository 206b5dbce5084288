"""How well `ask` understands the bank's questions, before any answer is composed: intent and topic.

    .venv/bin/python bench/bench_question_understanding.py [--split dev|paraphrase|both] [--data-dir DIR]
        [--no-classifier] [--no-topic] [--wrong]

For each question of the split (dev, or the dev questions reworded in dev_paraphrase.json; never test.json)
prints, per bank intent: how many got the right engine intent, split by what decided it (a cue of
answer/cues.py, the e5 classifier, or nothing: a plain search), and the confusion (detected intents and
their counts). With a store (`--data-dir`, the store bench/bench_ask_bank.py last ingested there), also the
topic: does the goal or agenda-item set the engine resolves for the question hold one whose citation lies
within ±2 lines of an expected citation (the bank's own definition of a hit)? Absent-topic questions count
for the topic only (their intent is not what they test): resolving nothing is right for them.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from answer.intent_model import SEARCH, IntentModel, intents_allowed, load_examples  # noqa: E402
from answer.material import Material  # noqa: E402
from answer.question import Question, understand  # noqa: E402
from index.search.embedding_model import load_model  # noqa: E402
from index.store.sqlite import Store  # noqa: E402
from maalspor.config import load_settings  # noqa: E402
from tests.answer.bank import ABSENT_INTENT, BANK_DIR, BankQuestion, Span, cites_expected, load_bank  # noqa: E402

LOCAL_MODEL = REPO / "data" / "models" / "multilingual-e5-small"
PARAPHRASE_FILE = BANK_DIR / "dev_paraphrase.json"
# The bank's intent names -> the engine intents that answer them.
BANK_INTENTS = {
    "first_last": {"first", "last"},
    "new_dropped": {"new", "dropped"},
    "agenda_history": {"history"},
    "absence": {"absent"},
    "other": {SEARCH},
}


def expected_kinds(bank_intent: str) -> set[str]:
    return BANK_INTENTS.get(bank_intent, {bank_intent})


@dataclass(frozen=True)
class Understood:
    question: BankQuestion
    kind: str
    decided_by: str  # "cue" | "classifier" | "none"
    topic_hit: bool | None  # None: no store, or no expected citation
    margin: float | None = None  # the classifier's margin, where it decided

    @property
    def right(self) -> bool:
        return self.kind in expected_kinds(self.question.intent)


def main() -> None:
    args = parse_args()
    classify = None if args.no_classifier else classifier()
    material = None if args.no_topic or not args.data_dir else load_material(args.data_dir)
    for split in ("dev", "paraphrase") if args.split == "both" else (args.split,):
        questions = load_split(split)
        if questions is None:
            print(f"\n{split}: {PARAPHRASE_FILE.name} is not there yet")
            continue
        results = [understand_one(q, classify, material) for q in questions]
        report(split, results)
        if args.wrong:
            print_wrong(results)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "paraphrase", "both"), default="both")
    parser.add_argument("--data-dir", type=Path, help="a bench_ask_bank data dir: its store resolves the topic")
    parser.add_argument("--no-classifier", action="store_true", help="cue tables only (no embedding model)")
    parser.add_argument("--no-topic", action="store_true", help="skip topic resolution")
    parser.add_argument("--wrong", action="store_true", help="list the questions understood wrongly")
    return parser.parse_args()


def load_split(split: str) -> list[BankQuestion] | None:
    """The dev questions, or their paraphrases (the same record shape, in dev_paraphrase.json)."""
    if split == "dev":
        return load_bank("dev")
    return load_bank(PARAPHRASE_FILE.stem) if PARAPHRASE_FILE.exists() else None


@dataclass(frozen=True)
class Classifier:
    """The product's classifier (the centred centroid over answer/intent_examples.json) with its margin."""

    model: IntentModel
    embed: Callable[[str], np.ndarray]

    def __call__(self, text: str) -> str:
        return self.model.predict(self.embed(text), intents_allowed(text))

    def margin(self, text: str) -> float:
        """Cosine of the best intent less the second's: how sure the guess is."""
        (_, best), (_, second), *_ = self.model.ranked(self.embed(text))
        return best - second


def classifier() -> Classifier:
    settings = load_settings()
    model = str(LOCAL_MODEL) if LOCAL_MODEL.is_dir() else settings.embedding_model
    embedder = load_model(replace(settings, embedding_model=model))
    embed = functools.cache(lambda text: embedder.embed_queries([text])[0])
    return Classifier(IntentModel.train(load_examples(), embed), embed)


def load_material(data_dir: Path) -> Material:
    store = Store(data_dir / "maalspor.sqlite3", read_only=True)
    return Material.load(store)


def understand_one(question: BankQuestion, classify: Classifier | None, material: Material | None) -> Understood:
    parsed = understand(question.question, classify)
    decided_by = "classifier" if parsed.guessed else ("none" if parsed.kind == SEARCH else "cue")
    hit = topic_hit(question, parsed, material) if material is not None else None
    margin = classify.margin(question.question) if classify and parsed.guessed else None
    return Understood(question, parsed.kind, decided_by, hit, margin)


def topic_hit(question: BankQuestion, parsed: Question, material: Material) -> bool | None:
    """For a topic the material holds: a resolved goal or item cites near an expected line. For an absent
    topic: nothing resolved. None where the question names no topic or the bank no citation."""
    if not (material.topic_terms(parsed) or parsed.goal_number or parsed.item_number):
        return None  # a question naming no topic ('Hvilke mål udgik efter 2019?') has none to resolve
    resolved = [g.citations for g in material.resolve_goals(parsed)]
    resolved += [item.citations for item, _ in material.resolve_items(parsed)]
    if question.intent == ABSENT_INTENT:
        return not resolved
    if not question.citations:
        return None
    spans = [Span(c.source_file, c.page, c.line_start, c.line_end) for citations in resolved for c in citations]
    return cites_expected(question, spans)


def report(split: str, results: list[Understood]) -> None:
    by_intent: dict[str, list[Understood]] = defaultdict(list)
    for result in results:
        by_intent[result.question.intent].append(result)
    print(f"\n{split}: {len(results)} questions")
    print(f"{'bank intent':<15} {'right':>7} {'by cue':>7} {'by clf':>7} {'none':>4} {'topic':>7}  detected")
    for name, group in [*sorted(by_intent.items()), ("all", results)]:
        print(row(name, group))
    print_margins([r for r in results if r.margin is not None and r.question.intent != ABSENT_INTENT])


def print_margins(guessed: list[Understood]) -> None:
    """Is the classifier's margin a confidence? Its accuracy per margin band."""
    bands = ((0.0, 0.02), (0.02, 0.05), (0.05, 0.1), (0.1, 1.0))
    cells = []
    for low, high in bands:
        inside = [r for r in guessed if low <= (r.margin or 0.0) < high]
        cells.append(f"[{low:.2f}, {high:.2f}) {sum(r.right for r in inside)}/{len(inside)}")
    print("classifier right by margin: " + "; ".join(cells))


def row(name: str, group: list[Understood]) -> str:
    scored = [r for r in group if r.question.intent != ABSENT_INTENT]

    def right_of(decider: str) -> str:
        decided = [r for r in scored if r.decided_by == decider]
        return f"{sum(r.right for r in decided)}/{len(decided)}"

    topics = [r.topic_hit for r in group if r.topic_hit is not None]
    topic = f"{sum(topics)}/{len(topics)}" if topics else "-"
    right = f"{sum(r.right for r in scored)}/{len(scored)}" if scored else "-"
    none = str(sum(r.decided_by == "none" for r in scored))
    detected = " ".join(f"{kind}:{n}" for kind, n in Counter(r.kind for r in scored).most_common())
    if name == "all":
        detected = ""
    return f"{name:<15} {right:>7} {right_of('cue'):>7} {right_of('classifier'):>7} {none:>4} {topic:>7}  {detected}"


def print_wrong(results: list[Understood]) -> None:
    print("\nwrong intent or topic:")
    for result in results:
        wrong_intent = result.question.intent != ABSENT_INTENT and not result.right
        if wrong_intent or result.topic_hit is False:
            print(
                f"- {result.question.id} [{result.question.intent} -> {result.kind} by {result.decided_by}; "
                f"topic {result.topic_hit}] {result.question.question}"
            )


if __name__ == "__main__":
    main()
